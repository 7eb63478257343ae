import ScreenKit
import BoardApp

/// PLACEHOLDER, to be implemented by the terminal UI work (issue 5).
public enum ScreenTestingInfo { public static let version = "0" }
