import CaseModel
import ClinicalRules
import Foundation
import GRDB

/// The workflows over the case store: board meetings (RCP), the trial pre-screening log and
/// the nurse worklist. Every write runs in ONE transaction and appends ONE audit entry (who, when,
/// what, JSON of the rows before and after) tagged with the session, so `undoLastChange()` can revert it.
///
/// Pure of ClinicalRules and TrialEngine: the follow-up schedule and the trial verdicts come in as
/// closures (the command line passes `FollowUpScheduler.tasks(for:today:)` and the matcher). The UI's
/// repository calls these methods; every value in and out is a CaseModel type or a small struct here.
public struct WorkflowService: WorkflowRepository {
    /// A patient's follow-up tasks as the rules generate them (explicit ones merged), for `today`. Pure: the worklist
    /// calls it for many patients at once from several threads (`ParallelMap`).
    public typealias TaskProvider = @Sendable (Patient, LocalDate) -> [FollowUpTask]
    /// A patient's arm verdicts, or nil when verdicts are not available.
    public typealias VerdictProvider = @Sendable (Patient) -> [ArmVerdict]?

    public let db: AppDatabase
    public var isReadOnly: Bool { db.isReadOnly }
    /// Who is acting (the audit's actor); set once by the UI when it had to ask (`setActor`).
    public var user: String { actorBox.value }
    private let actorBox: ActorBox
    public let today: LocalDate
    public let session: WorkflowSession
    let taskProvider: TaskProvider
    let verdictProvider: VerdictProvider?
    /// Trial ids of the catalogue, or nil when unknown (then trial ids are not checked).
    let knownTrials: Set<String>?
    let clock: @Sendable () -> String

    public init(db: AppDatabase, user: String, today: LocalDate, session: WorkflowSession? = nil,
                taskProvider: @escaping TaskProvider, verdictProvider: VerdictProvider? = nil,
                knownTrials: Set<String>? = nil, clock: @escaping @Sendable () -> String = { AppDatabase.timestamp() }) throws {
        self.db = db; self.actorBox = ActorBox(user); self.today = today
        self.session = try session ?? db.startSession()
        self.taskProvider = taskProvider; self.verdictProvider = verdictProvider; self.knownTrials = knownTrials
        self.clock = clock
    }

    /// The follow-up status rule is ClinicalRules' (`FollowUpScheduler.status`): one owner.
    public static func status(due: LocalDate, done: Bool, today: LocalDate) -> FollowUpStatus {
        FollowUpScheduler.status(due: due, done: done, today: today)
    }

    /// "X#3" → "X"; nil for an id that is not a successor.
    public static func successorBase(_ id: String) -> String? {
        guard let hash = id.lastIndex(of: "#"), hash != id.startIndex,
              !id[id.index(after: hash)...].isEmpty, id[id.index(after: hash)...].allSatisfy(\.isNumber) else { return nil }
        return String(id[..<hash])
    }

    // MARK: - helpers

    /// Runs `body` in one write transaction and appends its audit entry. `what` names the write in
    /// messages ("cannot record a board decision: the database … is open read-only").
    func audited<T>(_ action: String, entity: String, what: String, _ body: (Database, AuditRecorder) throws -> T) throws -> T {
        let at = clock(), who = user, sessionId = session.id
        try AppDatabase.requireActor(who, action: what)
        return try db.write(what) { db in
            let recorder = AuditRecorder(db)
            let value = try body(db, recorder)
            try recorder.finish(action: action, entity: entity, who: who, at: at, session: sessionId)
            return value
        }
    }

    static func requirePatient(_ db: Database, _ id: String) throws {
        guard try Bool.fetchOne(db, sql: "SELECT 1 FROM patient WHERE id = ?", arguments: [id]) != nil else {
            throw StoreError.unknownPatient(id: id)
        }
    }

    func requireTrial(_ id: String) throws {
        if let known = knownTrials, !known.contains(id) { throw WorkflowError.unknownTrial(id: id) }
    }

    static func trimmed(_ s: String?) -> String? {
        guard let t = s?.trimmingCharacters(in: .whitespacesAndNewlines), !t.isEmpty else { return nil }
        return t
    }

    // MARK: - Undo

    /// Reverts the last change of this session (the UI's `u`); the undo is audited too.
    @discardableResult
    public func undoLastChange() throws -> AuditEntry {
        try db.undoLastChange(sinceSessionStart: session, who: user, at: clock())
    }

    /// The changes of this session, newest first.
    public func sessionChanges() throws -> [AuditEntry] { try db.auditEntries(session: session) }

    /// The changes of this session with what undid them, newest first.
    public func sessionHistory() throws -> [SessionChange] { try db.sessionHistory(session: session) }

    /// Reverts one change of this session still in force (audited as `undo`).
    @discardableResult
    public func undoChange(id: Int64) throws -> AuditEntry {
        try AppDatabase.requireActor(user, action: "undo")
        return try db.undoChange(id: id, session: session, who: user, at: clock())
    }

    /// Re-applies the newest undo not yet redone (audited as `redo`).
    @discardableResult
    public func redoLastUndo() throws -> AuditEntry {
        try AppDatabase.requireActor(user, action: "redo")
        return try db.redoLastUndo(session: session, who: user, at: clock())
    }

    public var actor: String { user }

    /// Sets who is acting for the following writes; the same checks as every audited write's actor.
    public func setActor(_ name: String) throws {
        let n = name.trimmingCharacters(in: .whitespacesAndNewlines)
        try AppDatabase.requireActor(n, action: "record who is acting")
        actorBox.set(n)
    }
}
