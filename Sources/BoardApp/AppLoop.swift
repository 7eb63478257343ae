import Foundation
import ScreenKit

/// The interactive loop: read a key, reduce, perform effects, draw — only when the state changed
/// (or the terminal asked for a repaint with a resize event).
public struct AppLoop {
    public let runtime: AppRuntime
    public let terminal: TerminalDevice
    /// Frames drawn (tests check that an unchanged state draws nothing).
    public private(set) var framesDrawn = 0
    /// Called once after the first full frame: the first drawn with no effect still running (start-up timing).
    public var onFirstFrame: (() -> Void)?
    private var firstFullFrameSeen = false

    public init(runtime: AppRuntime, terminal: TerminalDevice) { self.runtime = runtime; self.terminal = terminal }

    /// Runs until the state asks to quit, or `maxIdlePolls` reads in a row return nothing (tests).
    public mutating func run(maxIdlePolls: Int? = nil, pollMs: Int = 250) {
        let (w, h) = terminal.size
        runtime.send(.resize(width: w, height: h))
        var lastDrawn: AppState?
        var idle = 0
        var meetingOpened: (id: String, at: UInt64)?
        while !runtime.isQuitting {
            // The meeting clock: wall time and time since the meeting was opened, once a second.
            if runtime.state.screen == .meeting, let m = runtime.state.meeting.meeting {
                let now = DispatchTime.now().uptimeNanoseconds
                if meetingOpened?.id != m.id { meetingOpened = (m.id, now) }
                let elapsed = Int((now - (meetingOpened?.at ?? now)) / 1_000_000_000)
                let wall = AppLoop.wallClock()
                if elapsed != runtime.state.meeting.elapsed || wall != runtime.state.meeting.wallClock {
                    runtime.send(.clock(wall: wall, elapsed: elapsed))
                }
            }
            // What background work finished (stored verdicts ready, a re-match after a write) arrives as actions.
            runtime.drainInbox()
            if lastDrawn != runtime.state {
                terminal.draw(runtime.render())
                lastDrawn = runtime.state
                framesDrawn += 1
                if !firstFullFrameSeen && !runtime.isBusy { firstFullFrameSeen = true; onFirstFrame?() }
            }
            // While effects run in the background, wake often to show their results as soon as they arrive.
            guard let key = terminal.readKey(timeoutMs: runtime.isBusy ? min(pollMs, 10) : pollMs) else {
                if !runtime.isBusy { idle += 1 }
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

    /// Local wall time "HH:MM".
    static func wallClock() -> String {
        var t = time(nil)
        var tmv = tm()
        localtime_r(&t, &tmv)
        return String(format: "%02d:%02d", tmv.tm_hour, tmv.tm_min)
    }
}
