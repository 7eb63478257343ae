/// PLACEHOLDER, to be implemented by the terminal UI work (issue 5).
public enum ScreenKitInfo { public static let version = "0" }
