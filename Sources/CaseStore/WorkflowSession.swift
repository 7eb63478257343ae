import Foundation

/// One working session (an app launch, or one command-line run): `u` undoes only changes made in it.
public struct WorkflowSession: Sendable, Equatable {
    /// Written in `auditLog.session` for every audited workflow change.
    public let id: String
    /// The last audit id when the session started: undo never reaches below it.
    public let startAuditId: Int64
    public init(id: String = UUID().uuidString, startAuditId: Int64) {
        self.id = id; self.startAuditId = startAuditId
    }
}
