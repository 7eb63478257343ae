import BoardApp
import CaseStore
import Foundation

/// Live data: a background thread asks the store about once a second whether another process committed to the
/// database (`DataVersionWatcher`, SQLite's `PRAGMA data_version`) and posts `.dataChanged` to the UI's inbox; the
/// reducer reloads what is on screen, each cursor staying on its record. Only the store touches SQLite.
public final class LiveDataWatch: @unchecked Sendable {
    private let watcher: DataVersionWatcher
    private weak var inbox: ActionInbox?
    private let intervalMs: Int
    private let lock = NSLock()
    private var stopped = false

    /// Starts watching `database` for `inbox` (nil for an in-memory database: no other process can write it).
    /// The thread ends with `stop()` or once the inbox (its runtime) is gone.
    public static func start(_ database: AppDatabase, inbox: ActionInbox, intervalMs: Int = 1000) throws -> LiveDataWatch? {
        guard let w = try DataVersionWatcher(database) else { return nil }
        let watch = LiveDataWatch(w, inbox: inbox, intervalMs: intervalMs)
        // A dispatch queue, not a detached Thread (see `LiveRepository.Pending`: a thread's closure released at
        // thread exit may dispose of the database's queues after libdispatch freed the thread's cache).
        DispatchQueue(label: "caseboard.live-data", qos: .utility).async { watch.loop() }
        return watch
    }

    init(_ watcher: DataVersionWatcher, inbox: ActionInbox, intervalMs: Int) {
        self.watcher = watcher; self.inbox = inbox; self.intervalMs = intervalMs
    }

    public func stop() { lock.lock(); stopped = true; lock.unlock() }
    private var isStopped: Bool { lock.lock(); defer { lock.unlock() }; return stopped }

    private func loop() {
        while !isStopped {
            usleep(useconds_t(intervalMs * 1000))
            guard let inbox else { return }
            do {
                if try watcher.hasChanged() { inbox.post(.dataChanged) }
            } catch {
                // Said once, then no more polling (Ctrl-L still reloads by hand).
                inbox.post(.readFailed("Could not check \(watcher.path) for changes made elsewhere (Ctrl-L reloads): \(error)"))
                return
            }
        }
    }
}
