import Foundation
import CaseModel
import CaseStore
import ClinicalRules
import TrialEngine
import BoardApp
import CohortOutcomes

/// Builds the UI's repositories from the command context: a light index of every case (one SELECT),
/// whole cases loaded one at a time when a screen shows them, the trial engine compiled once per run,
/// and the workflows (`WorkflowService`, one per app launch = the undo session).
public enum LiveRepository {
    /// What the trial engine gives the UI: the catalogue, a per-patient verdict function with
    /// per-criterion reasons (case and trial screens), and a fast path without reasons (each trial's
    /// best open-arm verdict) for the counts of the case list and the catalogue.
    public struct TrialWiring {
        var trials: [Trial]
        var verdicts: InMemoryRepository.VerdictProvider
        var trialVerdicts: InMemoryRepository.TrialVerdictProvider? = nil
        /// The compiled matcher (nil without a catalogue), shared with the workflows.
        var matcher: Matcher? = nil
        /// Stored verdicts (writable database with a catalogue): prepared in the background after the wiring.
        var stored: StoredVerdictSource? = nil
    }

    /// THE single place where the trial engine is wired into the terminal UI. The catalogue is
    /// `--trials DIR`, the demo's, or the database's rows (`Workspace.catalogue()`); none when the
    /// database holds no trial file. Rules are compiled once here (never per patient).
    static func trialWiring(_ context: Workspace) throws -> TrialWiring {
        guard let catalogue = try context.catalogue(), let matcher = try context.matcher() else {
            return TrialWiring(trials: [], verdicts: { _, _ in [] })
        }
        let today = context.today
        let db = try context.database()
        let stored = db.isReadOnly || matcher.trials.isEmpty ? nil : StoredVerdictSource(db: db, matcher: matcher, today: today)
        return TrialWiring(
            trials: catalogue.trials.map(\.trial),
            verdicts: { p, i in matcher.verdicts(for: p, interpretation: i, today: today) },
            trialVerdicts: { p, i in
                let facts = PatientFacts(patient: p, interpretation: i, today: today)
                var out: [String: Verdict] = [:]
                for (k, t) in matcher.trials.enumerated() { out[t.trial.id] = matcher.trialVerdict(k, facts: facts) }
                return out
            },
            matcher: matcher, stored: stored)
    }

    /// The trial wiring computed in the background (GRDB's database is thread-safe; the context's database is
    /// already open). Once the wiring is handed over, the same work item brings the stored match results up to
    /// date (incremental; its only write) and loads them: the first frame never waits for it, and the UI computes
    /// on the fly until they are ready.
    ///
    /// It runs on a dispatch queue, never on a detached `Thread`: a Foundation thread releases its closure in a
    /// thread-exit destructor that runs after libdispatch has freed the thread's continuation cache, so when that
    /// closure held the last reference to the database (whose GRDB queues are disposed then) the disposal wrote
    /// into freed memory (heap corruption seen as "unaligned tcache chunk" aborts; found with valgrind).
    final class Pending: @unchecked Sendable {
        private var result: Result<TrialWiring, Error>?
        private let done = DispatchSemaphore(value: 0)
        private let storedDone = DispatchSemaphore(value: 0)
        init(_ context: Workspace) {
            DispatchQueue.global(qos: .userInitiated).async { [self] in
                let r = Result { try LiveRepository.trialWiring(context) }
                result = r
                done.signal()
                if case .success(let wiring) = r { wiring.stored?.prepare() }
                storedDone.signal()
            }
        }
        /// Waits until the stored verdicts are prepared (or known unavailable).
        func waitStored() { storedDone.wait(); storedDone.signal() }
        func wait() throws -> TrialWiring {
            done.wait()
            guard let r = result else { throw CoreError.internal("trial catalogue: no result") }
            return try r.get()
        }
    }

    /// The repository of the case screens and the workflow service of this launch.
    public struct Session {
        public var repository: InMemoryRepository
        public var workflows: WorkflowService
        public var context: Workspace
        /// Milliseconds spent per phase of `open` (database, index, trials, workflows), for the start-up log.
        public var phases: [(String, Double)] = []
        /// The stored verdicts (writable database with a catalogue), prepared in the background.
        var stored: StoredVerdictSource?
        /// The background work that compiles the catalogue, then prepares the stored verdicts.
        let pending: Pending?
        /// The live-data poll of this session's runtime (stopped by `stopLiveData`).
        let liveWatch = WatchHolder()
        /// Stops the live-data poll (tests, bench).
        public func stopLiveData() { liveWatch.value?.stop() }
    }

    /// Holds the session's live-data watch (a reference: `Session` is a value).
    final class WatchHolder: @unchecked Sendable { var value: LiveDataWatch? }

    /// Opens the database, reads the case index (one query), compiles the trial catalogue and starts
    /// the workflow session. Whole cases are read by id on first display.
    /// `waitStored`: wait for the stored verdicts before the first frame (scripts, `CASEBOARD_WAIT_STORED=1`;
    /// never the interactive default).
    public static func open(_ context: Workspace, waitStored: Bool = false) throws -> Session {
        var phases: [(String, Double)] = []
        var mark = DispatchTime.now().uptimeNanoseconds
        func lap(_ name: String) {
            let now = DispatchTime.now().uptimeNanoseconds
            phases.append((name, Double(now - mark) / 1e6)); mark = now
        }
        let db = try context.database()
        lap("db")
        // The trial catalogue compiles on another core while the case index is read.
        let pending = Pending(context)
        let index = try db.caseIndex()
        lap("index")
        let wiring = try pending.wait()
        // Scripts and tests may ask for the stored verdicts before the first frame (never the interactive default).
        if waitStored { pending.waitStored() }
        lap("trials")
        let today = context.today
        let matcher = wiring.matcher
        let known: Set<String>? = wiring.trials.isEmpty ? nil : Set(wiring.trials.map(\.id))
        let now = Workflows.fixedClock
        var verdictProvider: WorkflowService.VerdictProvider?
        if let m = matcher {
            verdictProvider = { p in m.verdicts(for: p, interpretation: Interpretation.interpret(p, today: today), today: today) }
        }
        let tasks: WorkflowService.TaskProvider = { FollowUpScheduler.tasks(for: $0, today: $1) }
        let clock: @Sendable () -> String = { now ?? AppDatabase.timestamp() }
        let workflows = try WorkflowService(db: db, user: context.options.user, today: today, taskProvider: tasks,
                                            verdictProvider: verdictProvider, knownTrials: known, clock: clock)
        // Case detail, list and worklist show the tasks with the nurses' records and workflow-created tasks.
        var backing = InMemoryRepository.Backing(
            indexLoader: { try db.caseIndex() }, taskProvider: { try workflows.tasks(for: $0) }, loadAll: { try db.patients() },
            openTasks: { ps in Dictionary(grouping: try workflows.worklist(patients: ps), by: \.patient) },
            enrolments: { TrialEnrolment.groups(try db.screeningRecords()) })
        if let stored = wiring.stored {
            backing.storedTrialVerdicts = { stored.current }
            backing.afterWrite = { stored.afterWrite($0) }
        }
        if let m = matcher {
            backing.verdictsForTrial = { id, cases in LiveRepository.verdicts(m, trialID: id, cases: cases, today: today) }
        }
        let repo = InMemoryRepository(index: index, loader: { try db.patient(id: $0) }, trials: wiring.trials,
                                      today: context.today, isDemo: context.isDemo,
                                      interpreter: { Interpretation.interpret($0, today: $1) }, verdicts: wiring.verdicts,
                                      trialVerdicts: wiring.trialVerdicts, backing: backing)
        lap("workflows")
        return Session(repository: repo, workflows: workflows, context: context, phases: phases, stored: wiring.stored, pending: pending)
    }

    /// A runtime over a session: the case repository, the workflows, and the screening status model.
    /// Background work reaches the runtime as actions: stored verdicts ready (after start-up or after a write's
    /// re-match) → `.backgroundUpdated`, drained by the UI loop. The terminal UI runs its effects in the
    /// background (`.background`); `caseboard screen` and tests inline. `live` (the terminal UI): watch for changes
    /// made elsewhere and ask who is acting when nobody said.
    public static func runtime(_ session: Session, width: Int, height: Int, ascii: Bool,
                               execution: AppRuntime.Execution = .inline, live: Bool = false) -> AppRuntime {
        let rt = AppRuntime(repository: session.repository, width: width, height: height, ascii: ascii,
                            workflows: session.workflows, execution: execution,
                            screeningNext: { ScreeningTransitions.allowed(after: $0) })
        let inbox = rt.inbox
        // "preparing verdicts…" in the header lines while the stored verdicts are being brought up to date.
        session.stored?.onStatus { inbox.post(.verdictStatus($0)) }
        session.stored?.onReady { inbox.post(.backgroundUpdated("stored trial verdicts ready")) }
        // Ready before the handler was set: the screens may have loaded on-the-fly values; reload them once.
        if session.stored?.current != nil { inbox.post(.backgroundUpdated("stored trial verdicts ready")) }
        if live { startLiveData(session, rt) }
        return rt
    }

    /// Live data (changes made by other processes reach the screen within about a second) and who is acting
    /// (asked once when neither --user nor $USER gave it). `CASEBOARD_LIVE_POLL_MS` sets the poll interval.
    static func startLiveData(_ session: Session, _ rt: AppRuntime) {
        if !session.workflows.isReadOnly, session.workflows.actor.trimmingCharacters(in: .whitespaces).isEmpty { rt.send(.askActor) }
        let ms = ProcessInfo.processInfo.environment["CASEBOARD_LIVE_POLL_MS"].flatMap { Int($0) }.map { max(50, $0) } ?? 1000
        do {
            let db = try session.context.database()
            session.liveWatch.value = try LiveDataWatch.start(db, inbox: rt.inbox, intervalMs: ms)
        } catch {
            rt.inbox.post(.readFailed("Changes made elsewhere will not be noticed (Ctrl-L reloads): \(error)"))
        }
    }

    /// One trial's explained verdicts of many cases (the trial and screening screens), spread over the cores: each
    /// case interpreted when it comes without its interpretation (the full interpretation the repository caches),
    /// then explained against that trial only (pure per case: `ParallelMap`).
    static func verdicts(_ matcher: Matcher, trialID: String, cases: [(Patient, Interpretation?)], today: LocalDate)
        -> [(interpretation: Interpretation, arms: [ArmVerdict])] {
        ParallelMap.map(count: cases.count) { k in
            let (p, known) = cases[k]
            let i = known ?? Interpretation.interpret(p, today: today)
            return (i, matcher.verdicts(trialID: trialID, facts: PatientFacts(patient: p, interpretation: i, today: today)))
        }
    }

    /// Waits for the session's background work queued so far: the start-up preparation of the stored verdicts, then
    /// the re-matches queued after writes (tests, bench).
    public static func waitForBackgroundWork(_ session: Session) {
        session.pending?.waitStored()
        session.stored?.waitForBackgroundWork()
    }

    /// Start-up cost without a terminal: opening the database and the index, compiling the trials
    /// (`loadMs`), then rendering the first full frame of the case list (`firstFrameMs`, from the
    /// start). For `caseboard bench`.
    public static func measureStartup(_ options: WorkspaceOptions, width: Int = 120, height: Int = 40) throws -> (loadMs: Double, firstFrameMs: Double) {
        let t0 = DispatchTime.now().uptimeNanoseconds
        let session = try open(Workspace(options))
        let t1 = DispatchTime.now().uptimeNanoseconds
        let rt = runtime(session, width: width, height: height, ascii: false)
        rt.start()
        _ = rt.render()
        let t2 = DispatchTime.now().uptimeNanoseconds
        return (Double(t1 - t0) / 1e6, Double(t2 - t0) / 1e6)
    }
}
