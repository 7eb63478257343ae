import BoardApp
import CaseModel
import CaseStore
import Foundation
import TrialEngine

/// The terminal UI's stored trial verdicts: brought up to date incrementally in the background (never on the
/// way to the first frame), then read with one SQL aggregate. Until they are ready, or on a read-only
/// database, or when the store cannot be brought up to date, `current` is nil and the UI computes on the fly:
/// a stale verdict is never served. The case list's sort keys stored with the verdicts are read and served with
/// them (the same publication: current exactly when the verdicts are). `status` says which of preparing / ready /
/// on the fly holds, and every change of it reaches the UI as an action (`onStatus`).
final class StoredVerdictSource: @unchecked Sendable {
    private let db: AppDatabase
    private let matcher: Matcher
    private let today: LocalDate
    private let lock = NSLock()
    private var value: StoredTrialVerdicts?
    /// true while the background preparation runs
    private var preparing = false
    /// a write happened during the background preparation: it must recheck before publishing
    private var recheck = false
    /// what the UI is told (`onStatus`); changed under `lock`
    private var status: StoredVerdictStatus = .onTheFly
    private var statusHandler: (@Sendable (StoredVerdictStatus) -> Void)?

    /// Called (on a background thread) whenever new stored verdicts are published, so that the UI hears of it as
    /// an action (`AppRuntime.inbox`) and reloads what it shows.
    private var readyHandler: (@Sendable () -> Void)?
    private let queue = DispatchQueue(label: "caseboard.stored-verdicts")

    init(db: AppDatabase, matcher: Matcher, today: LocalDate) {
        self.db = db; self.matcher = matcher; self.today = today
    }

    func onReady(_ handler: @escaping @Sendable () -> Void) {
        lock.lock(); readyHandler = handler; lock.unlock()
    }

    private func notifyReady() {
        lock.lock(); let h = readyHandler; lock.unlock()
        h?()
    }

    /// `handler` hears the current status at once, then every change, in order (it is called with the lock held:
    /// it must only post, e.g. to `AppRuntime.inbox`).
    func onStatus(_ handler: @escaping @Sendable (StoredVerdictStatus) -> Void) {
        lock.lock(); defer { lock.unlock() }
        statusHandler = handler
        handler(status)
    }

    /// Sets the status (call with `lock` held).
    private func setStatus(_ s: StoredVerdictStatus) {
        guard s != status else { return }
        status = s
        statusHandler?(s)
    }

    /// The current status (tests).
    var currentStatus: StoredVerdictStatus { lock.lock(); defer { lock.unlock() }; return status }

    /// The stored verdicts when up to date, else nil.
    var current: StoredTrialVerdicts? { lock.lock(); defer { lock.unlock() }; return value }

    private var engine: CatalogueMatchEngine { CatalogueMatchEngine(matcher: matcher) }

    private func load() throws -> StoredTrialVerdicts {
        let open = StoredMatching.openArms(matcher)
        return StoredTrialVerdicts(candidates: try db.storedCandidateVerdicts(openArms: open),
                                   trialsWithOpenArm: Set(open.filter { !$0.value.isEmpty }.keys),
                                   sortKeys: try db.storedCaseListSortKeys())
    }

    /// Recomputes what changed and loads the verdicts (call on a background thread). Nothing on a read-only
    /// database or without trials.
    func prepare() {
        guard !db.isReadOnly, !matcher.trials.isEmpty else { return }
        lock.lock(); preparing = true; setStatus(.preparing); lock.unlock()
        while true {
            lock.lock(); recheck = false; lock.unlock()
            let loaded: StoredTrialVerdicts?
            do {
                try db.recomputeMatches(engine: engine, today: today)
                loaded = try load()
            } catch {
                loaded = nil  // locked or failed: the on-the-fly paths stay in use
            }
            lock.lock()
            if recheck && loaded != nil { lock.unlock(); continue }
            value = loaded; preparing = false
            setStatus(loaded == nil ? .onTheFly : .ready)
            lock.unlock()
            if loaded != nil { notifyReady() }
            return
        }
    }

    /// After a write concerning `caseID` (nil: any case): the stored verdicts stop being served at once (the UI
    /// computes on the fly meanwhile: never stale), and that case is re-matched on a background queue (one SQL
    /// check; nothing is matched when its data did not change); when done, the verdicts are published again and
    /// the UI is told. The write itself never waits for the re-match.
    func afterWrite(_ caseID: String?) {
        lock.lock()
        if preparing { recheck = true; lock.unlock(); return }
        let ready = value != nil
        if ready { value = nil; setStatus(.preparing) }
        lock.unlock()
        guard ready else { return }
        queue.async { [self] in
            let published: StoredTrialVerdicts?
            do {
                try db.recomputeMatches(engine: engine, today: today, onlyPatients: caseID.map { [$0] })
                published = try load()
            } catch {
                published = nil  // locked or failed: the on-the-fly paths stay in use
            }
            lock.lock(); value = published; setStatus(published == nil ? .onTheFly : .ready); lock.unlock()
            if published != nil { notifyReady() }
        }
    }

    /// Waits until the background work queued so far is done (tests and scripts).
    func waitForBackgroundWork() { queue.sync {} }
}
