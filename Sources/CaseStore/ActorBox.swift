import Foundation

/// Who is acting, shared by the copies of a `WorkflowService` (a value type): set once when the UI had to ask.
final class ActorBox: @unchecked Sendable {
    private let lock = NSLock()
    private var name: String
    init(_ name: String) { self.name = name }
    var value: String { lock.lock(); defer { lock.unlock() }; return name }
    func set(_ n: String) { lock.lock(); name = n; lock.unlock() }
}
