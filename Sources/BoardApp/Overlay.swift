import ScreenKit

/// What is drawn over the current screen.
public enum Overlay: Equatable, Sendable {
    /// The `?` key list, scrolled.
    case help(scroll: Int)
    /// "Quit with unsaved changes?"
    case confirmQuit(Modal)
}
