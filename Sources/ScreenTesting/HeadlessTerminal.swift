import ScreenKit
import BoardApp

/// A terminal without a terminal: keeps the last frame, replays scripted keys.
public final class HeadlessTerminal: TerminalDevice {
    public var width: Int
    public var height: Int
    public private(set) var frames: [Buffer] = []
    /// Keys still to be read, in order.
    public var pendingKeys: [KeyEvent]

    public init(width: Int, height: Int, keys: [KeyEvent] = []) {
        self.width = width; self.height = height; self.pendingKeys = keys
    }

    public var size: (width: Int, height: Int) { (width, height) }
    public var lastFrame: Buffer? { frames.last }

    public func draw(_ buffer: Buffer) { frames.append(buffer) }

    public func readKey(timeoutMs: Int) -> KeyEvent? {
        guard !pendingKeys.isEmpty else { return nil }
        let k = pendingKeys.removeFirst()
        if case .resize(let w, let h) = k { width = w; height = h }
        return k
    }
}
