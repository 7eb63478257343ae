import ScreenKit

/// The interactive loop: read a key, reduce, perform effects, draw — only when the state changed
/// (or the terminal asked for a repaint with a resize event).
public struct AppLoop {
    public let runtime: AppRuntime
    public let terminal: TerminalDevice
    /// Frames drawn (tests check that an unchanged state draws nothing).
    public private(set) var framesDrawn = 0
    /// Called once after the first full frame (start-up timing).
    public var onFirstFrame: (() -> Void)?

    public init(runtime: AppRuntime, terminal: TerminalDevice) { self.runtime = runtime; self.terminal = terminal }

    /// Runs until the state asks to quit, or `maxIdlePolls` reads in a row return nothing (tests).
    public mutating func run(maxIdlePolls: Int? = nil, pollMs: Int = 250) {
        let (w, h) = terminal.size
        runtime.send(.resize(width: w, height: h))
        var lastDrawn: AppState?
        var idle = 0
        while !runtime.isQuitting {
            if lastDrawn != runtime.state {
                terminal.draw(runtime.render())
                lastDrawn = runtime.state
                framesDrawn += 1
                if framesDrawn == 1 { onFirstFrame?() }
            }
            guard let key = terminal.readKey(timeoutMs: pollMs) else {
                idle += 1
                if let m = maxIdlePolls, idle >= m { return }
                // Catch a size change the backend did not report as an event.
                let (nw, nh) = terminal.size
                if nw != runtime.state.width || nh != runtime.state.height { runtime.send(.resize(width: nw, height: nh)) }
                continue
            }
            idle = 0
            runtime.send(.key(key))
            // A resize (also sent by the backend after Ctrl-Z/fg, same size) repaints the whole frame.
            if case .resize = key { lastDrawn = nil }
        }
    }
}
