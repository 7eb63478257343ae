import CNcursesw
import ScreenKit

/// PLACEHOLDER, to be implemented by the terminal UI work (issue 5).
public enum CursesInfo {
    public static var curses: String { String(cString: curses_version()) }
}
