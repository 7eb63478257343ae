import ScreenKit

/// What the interactive loop needs from a terminal: the curses backend in the app, a headless one
/// in tests.
public protocol TerminalDevice: AnyObject {
    /// Columns and rows now.
    var size: (width: Int, height: Int) { get }
    /// Shows a frame (a backend draws only what changed).
    func draw(_ buffer: Buffer)
    /// The next key or event, or nil after `timeoutMs` without one.
    func readKey(timeoutMs: Int) -> KeyEvent?
    /// Forgets what is on the screen: the next `draw` repaints every cell (Ctrl-L).
    func invalidate()
}

extension TerminalDevice {
    public func invalidate() {}
}
