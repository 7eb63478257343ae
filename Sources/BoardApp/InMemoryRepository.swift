import Foundation
import CaseModel
import ClinicalRules

/// A repository over patients and trials. The case list works on a light index (ids and a few stored
/// fields); whole cases are loaded, interpreted and matched per case on first use and cached, so the
/// first frame only pays for the rows it shows. Built either from loaded patients or from an index
/// plus a loader (a store reading one case at a time).
public final class InMemoryRepository: CaseRepository {
    public typealias Interpreter = (Patient, LocalDate) -> Interpretation
    public typealias VerdictProvider = (Patient, Interpretation) -> [ArmVerdict]
    /// Fast path without reasons: each trial's verdict (best open arm) by trial id; trials with no
    /// open arm may be left out. Used for counts (case list, catalogue) when given.
    public typealias TrialVerdictProvider = (Patient, Interpretation) -> [String: Verdict]
    /// One trial's explained verdicts of many cases: (trial id, each case with its interpretation when known) → per
    /// case, in order, its interpretation and that trial's arm verdicts.
    public typealias TrialVerdictsOfCases = (String, [(Patient, Interpretation?)]) -> [(interpretation: Interpretation, arms: [ArmVerdict])]

    /// What the store, the workflows and the matching engine add to the repository, given once at init (nil: not
    /// offered; the repository then uses its own per-case paths). Built by CaseboardCore's `LiveRepository` for the
    /// terminal UI, by tests with only what they exercise.
    public struct Backing {
        /// Re-reads the index of every case (the store's); a change made elsewhere may add or remove cases.
        public var indexLoader: (() throws -> [CaseIndexEntry])?
        /// A case's follow-up tasks with the nurses' records applied (the workflows).
        public var taskProvider: ((Patient) throws -> [FollowUpTask]?)?
        /// Loads every case at once (one pass over the store), for the views that need them all; without it cases
        /// are loaded one by one.
        public var loadAll: (() throws -> [Patient])?
        /// The open follow-up tasks of many cases at once, by case id (the worklist).
        public var openTasks: (([Patient]) throws -> [String: [FollowUpTask]]?)?
        /// One trial's explained arm verdicts for many cases at once (the trial and screening screens), each case
        /// interpreted first when given without its interpretation; the interpretations come back to be cached. The
        /// engine behind it may spread the cases over the cores.
        public var verdictsForTrial: TrialVerdictsOfCases?
        /// Trial verdicts from the store's up-to-date results, when ready (nil: not ready, read-only database or
        /// failed; the on-the-fly paths are then used). Asked on each use; cheap.
        public var storedTrialVerdicts: (() -> StoredTrialVerdicts?)?
        /// Called by `invalidate` after a write concerning a case (nil: any): schedules the stored results' update in
        /// the background (the write never waits for it; `backgroundChanged` follows when it is done).
        public var afterWrite: ((String?) -> Void)?
        /// Patient id → "TRIAL arm ARM" from the screening log, for the Outcomes view's `trial-arm` grouping.
        public var enrolments: (() throws -> [String: String])?

        public init(indexLoader: (() throws -> [CaseIndexEntry])? = nil, taskProvider: ((Patient) throws -> [FollowUpTask]?)? = nil,
                    loadAll: (() throws -> [Patient])? = nil, openTasks: (([Patient]) throws -> [String: [FollowUpTask]]?)? = nil,
                    verdictsForTrial: TrialVerdictsOfCases? = nil,
                    storedTrialVerdicts: (() -> StoredTrialVerdicts?)? = nil, afterWrite: ((String?) -> Void)? = nil,
                    enrolments: (() throws -> [String: String])? = nil) {
            self.indexLoader = indexLoader; self.taskProvider = taskProvider; self.loadAll = loadAll; self.openTasks = openTasks
            self.verdictsForTrial = verdictsForTrial; self.storedTrialVerdicts = storedTrialVerdicts; self.afterWrite = afterWrite
            self.enrolments = enrolments
        }
    }

    public let backing: Backing

    public let isDemo: Bool
    public let today: LocalDate
    private var entries: [CaseIndexEntry]
    private var index: [String: Int]
    private let loader: (String) throws -> Patient?
    private var patientCache: [String: Patient] = [:]
    private let trialList: [Trial]
    private let trialTitles: [String: String]
    private let interpreter: Interpreter
    private let verdictProvider: VerdictProvider
    private let fastVerdicts: TrialVerdictProvider?

    private var interpretations: [String: Interpretation] = [:]
    private var verdicts: [String: [ArmVerdict]] = [:]
    private var summaryCache: [String: CaseSummary] = [:]
    private var trialVerdictCache: [String: [String: Verdict]] = [:]
    private var trialSummaryCache: [TrialSummary]?
    private var facetCache: CaseFacets?

    public convenience init(patients: [Patient], trials: [Trial] = [], today: LocalDate, isDemo: Bool = false,
                interpreter: @escaping Interpreter = { Interpretation.interpret($0, today: $1) },
                verdicts: @escaping VerdictProvider = { _, _ in [] }, trialVerdicts: TrialVerdictProvider? = nil,
                backing: Backing = Backing()) {
        var byID: [String: Patient] = [:]
        for p in patients { byID[p.id] = p }
        self.init(index: patients.map { CaseIndexEntry(patient: $0, today: today) }, loader: { byID[$0] }, trials: trials,
                  today: today, isDemo: isDemo, interpreter: interpreter, verdicts: verdicts, trialVerdicts: trialVerdicts,
                  backing: backing)
    }

    /// A repository over an index of every case and a loader of whole cases (called at most once per case).
    public init(index entries: [CaseIndexEntry], loader: @escaping (String) throws -> Patient?, trials: [Trial] = [], today: LocalDate,
                isDemo: Bool = false, interpreter: @escaping Interpreter = { Interpretation.interpret($0, today: $1) },
                verdicts: @escaping VerdictProvider = { _, _ in [] }, trialVerdicts: TrialVerdictProvider? = nil,
                backing: Backing = Backing()) {
        self.backing = backing
        let sorted = entries.sorted { $0.id < $1.id }
        self.entries = sorted
        var idx: [String: Int] = [:]
        for (i, e) in sorted.enumerated() { idx[e.id] = i }
        self.index = idx
        self.loader = loader
        self.trialList = trials.sorted { $0.id < $1.id }
        var titles: [String: String] = [:]
        for t in trials { titles[t.id] = t.title }
        self.trialTitles = titles
        self.today = today
        self.isDemo = isDemo
        self.interpreter = interpreter
        self.verdictProvider = verdicts
        self.fastVerdicts = trialVerdicts
    }

    public var caseCount: Int { entries.count }

    /// How many whole cases have been loaded so far.
    public var loadedCount: Int { patientCache.count }

    /// How many cases have been interpreted so far (start-up laziness is tested through this).
    public var interpretedCount: Int { interpretations.count }

    public var facets: CaseFacets {
        if let f = facetCache { return f }
        var groups = Set<PathologyGroup>(), sites = Set<String>(), statuses = Set<DiseaseStatus>()
        for e in entries {
            if let g = e.category?.group { groups.insert(g) }
            if let s = e.site { sites.insert(s) }
            if let s = e.status { statuses.insert(s) }
        }
        let f = CaseFacets(groups: PathologyGroup.allCases.filter { groups.contains($0) }, sites: sites.sorted(),
                           statuses: DiseaseStatus.allCases.filter { statuses.contains($0) })
        facetCache = f
        return f
    }

    // MARK: per-case caches

    private func patient(_ id: String) throws -> Patient? {
        if let p = patientCache[id] { return p }
        guard index[id] != nil, let p = try loader(id) else { return nil }
        patientCache[id] = p
        return p
    }

    /// Every case, loaded (for the views that need them all: trial counts, worklist).
    func everyPatient() throws -> [Patient] { try allPatients() }

    private func allPatients() throws -> [Patient] {
        if patientCache.count < entries.count, let all = backing.loadAll {
            for p in try all() where index[p.id] != nil && patientCache[p.id] == nil { patientCache[p.id] = p }
        }
        return try entries.compactMap { try patient($0.id) }
    }

    func interpretation(of p: Patient) -> Interpretation {
        if let i = interpretations[p.id] { return i }
        let i = interpreter(p, today)
        interpretations[p.id] = i
        return i
    }

    private func armVerdicts(of p: Patient) -> [ArmVerdict] {
        if let v = verdicts[p.id] { return v }
        let v = verdictProvider(p, interpretation(of: p))
        verdicts[p.id] = v
        return v
    }

    /// Each trial's verdict for a case: the fast path when given, else from the explained verdicts.
    private func trialVerdicts(of p: Patient) -> [String: Verdict] {
        if let v = trialVerdictCache[p.id] { return v }
        var out: [String: Verdict] = [:]
        if let stored = backing.storedTrialVerdicts?() {
            out = stored.verdicts(of: p.id)
        } else if let fast = fastVerdicts {
            out = fast(p, interpretation(of: p))
        } else {
            for row in CaseTrialRow.rows(from: armVerdicts(of: p), titles: trialTitles) { out[row.trialID] = row.verdict }
        }
        trialVerdictCache[p.id] = out
        return out
    }

    /// Follow-up tasks: the interpretation's (schedule and explicit merged by the rules), or, while
    /// the rules give none, the file's explicit tasks with their status relative to today.
    func followUps(of p: Patient) throws -> [FollowUpTask] {
        if let provider = backing.taskProvider, let tasks = try provider(p) {
            return FollowUpScheduler.sortedByUrgency(tasks)
        }
        let interp = interpretation(of: p)
        var tasks = interp.followUps
        if tasks.isEmpty {
            tasks = p.followUps.enumerated().map { (i, f) in
                let dated = InMemoryRepository.status(of: f, today: today)
                let deceased = DeceasedRule.isDeceased(p) && !f.isDone
                return FollowUpTask(id: f.id ?? "\(p.id)-F\(i + 1)", patient: p.id, due: f.due, kind: f.kind,
                                    status: deceased ? .patientDeceased : dated, note: f.note, source: "explicit",
                                    done: f.done, site: p.site, dueStatus: deceased ? dated : nil)
            }
        }
        return FollowUpScheduler.sortedByUrgency(tasks)
    }

    /// overdue / due-soon / upcoming / done relative to `today` (`FollowUpScheduler.status`, the one rule).
    public static func status(of f: FollowUp, today: LocalDate) -> FollowUpStatus {
        FollowUpScheduler.status(due: f.due, done: f.isDone, today: today)
    }

    public func invalidate(caseID: String?) {
        // Everything derived from the case goes (a nil id: every case); the trial counts are recomputed on the fly
        // until the background update publishes the stored verdicts again.
        if let id = caseID {
            summaryCache[id] = nil; patientCache[id] = nil; interpretations[id] = nil; verdicts[id] = nil; trialVerdictCache[id] = nil
        } else {
            patientCache = [:]; interpretations = [:]; verdicts = [:]; trialVerdictCache = [:]; summaryCache = [:]
        }
        trialSummaryCache = nil
        backing.afterWrite?(caseID)
    }

    public func externalChange() throws {
        patientCache = [:]; interpretations = [:]; verdicts = [:]; trialVerdictCache = [:]; summaryCache = [:]; trialSummaryCache = nil
        guard let indexLoader = backing.indexLoader else { return }
        // Cases imported or removed by another process: the index is read again (a failure is the caller's error).
        let sorted = try indexLoader().sorted { $0.id < $1.id }
        entries = sorted
        var idx: [String: Int] = [:]
        for (i, e) in sorted.enumerated() { idx[e.id] = i }
        index = idx
        facetCache = nil
    }

    public func backgroundChanged() {
        trialVerdictCache = [:]; summaryCache = [:]; trialSummaryCache = nil
    }

    // MARK: queries

    private func matches(_ e: CaseIndexEntry, _ q: CaseQuery, needle: String) -> Bool {
        let f = q.filter
        if let g = f.group, e.category?.group != g { return false }
        if let s = f.site, e.site != s { return false }
        if let s = f.status, e.status != s { return false }
        // The one free-text rule (CaseSearch): genes and fusions included, identities unless hidden.
        return CaseSearch.matches(e.searchTerms, needle: needle) || (!q.hideIdentities && CaseSearch.matches(e.identityTerms, needle: needle))
    }

    public func caseIDs(matching q: CaseQuery) throws -> [String] {
        let needle = CaseSearch.needle(q.search)
        let hits = entries.filter { matches($0, q, needle: needle) }
        let sorted: [CaseIndexEntry]
        switch q.sort.key {
        case .id: sorted = hits
        case .name:
            sorted = Self.sortedByText(hits) { q.hideIdentities ? $0.initials : ($0.name ?? $0.initials) }
        case .age:  // youngest first; an unrecorded birth date last
            sorted = hits.sorted { ($0.birthDate?.daysSinceEpoch ?? Int.min, $0.id) > ($1.birthDate?.daysSinceEpoch ?? Int.min, $1.id) }
        case .diagnosis:
            sorted = Self.sortedByText(hits) { $0.category?.rawValue ?? "~" }
        case .eln, .followUp, .trials:
            sorted = try sortedByComputedColumn(hits, q.sort.key)
        }
        let ids = sorted.map(\.id)
        return q.sort.ascending ? ids : ids.reversed()
    }

    /// `hits` (in id order) sorted by a text key, ties by id: each key is computed once and the indices are sorted
    /// (no key or tuple built per comparison).
    static func sortedByText(_ hits: [CaseIndexEntry], _ key: (CaseIndexEntry) -> String) -> [CaseIndexEntry] {
        let keys = hits.map(key)
        return hits.indices.sorted { a, b in keys[a] < keys[b] || (keys[a] == keys[b] && a < b) }.map { hits[$0] }
    }

    /// Whether sorting by a computed column reads the stored sort keys and verdicts (true) or computes every hit's
    /// row on the fly (false: the stored ones are not ready).
    public var sortsFromStoredKeys: Bool { backing.storedTrialVerdicts?()?.sortKeys != nil }

    /// The sort key of a computed column, from what the column shows (one rule for both paths): the risk rank
    /// (`CaseListRisk.rank`), the next open follow-up's due date (none last), most eligible then most possibly
    /// eligible trials first.
    static func computedKey(_ key: CaseSortKey, riskRank: Int, nextDue: LocalDate?, eligible: Int, possiblyEligible: Int) -> (Int, Int) {
        switch key {
        case .followUp: return (nextDue?.daysSinceEpoch ?? Int.max, 0)
        case .trials: return (-eligible, -possiblyEligible)
        default: return (riskRank, 0)
        }
    }

    /// Sorting by a computed column (risk, next follow-up, trials): from the sort keys stored with the verdicts when
    /// they are ready (no case is loaded or interpreted), else from every hit's row computed on the fly (a failed
    /// read is an error, not a blank). Both give the same order (ties by id).
    private func sortedByComputedColumn(_ hits: [CaseIndexEntry], _ key: CaseSortKey) throws -> [CaseIndexEntry] {
        var keyed: [((Int, Int), Int)] = []
        keyed.reserveCapacity(hits.count)
        if let stored = backing.storedTrialVerdicts?(), let keys = stored.sortKeys, hits.allSatisfy({ keys[$0.id] != nil }) {
            for (i, e) in hits.enumerated() {
                guard let k = keys[e.id] else { continue }
                let c = key == .trials ? stored.counts(of: e.id) : (0, 0)
                keyed.append((Self.computedKey(key, riskRank: k.riskRank, nextDue: k.nextDue, eligible: c.0, possiblyEligible: c.1), i))
            }
        } else {
            for (i, e) in hits.enumerated() {
                // A case the store no longer has sorts as one with nothing to show (its row says "(missing)").
                let s = try summary(id: e.id)
                keyed.append((Self.computedKey(key, riskRank: s?.listRisk.rank ?? CaseListRisk.noneRank, nextDue: s?.nextFollowUp?.due,
                                               eligible: s?.eligibleTrials ?? 0, possiblyEligible: s?.possiblyEligibleTrials ?? 0), i))
            }
        }
        // hits are in id order: the index breaks ties by id.
        keyed.sort { ($0.0.0, $0.0.1, $0.1) < ($1.0.0, $1.0.1, $1.1) }
        return keyed.map { hits[$0.1] }
    }

    public func summary(id: String) throws -> CaseSummary? {
        if let s = summaryCache[id] { return s }
        return try patient(id).map(summary(of:))
    }

    private func summary(of p: Patient) throws -> CaseSummary {
        if let s = summaryCache[p.id] { return s }
        let interp = interpretation(of: p)
        let verdictsByTrial = trialVerdicts(of: p).values
        let next = try followUps(of: p).first { $0.status != .done }
        let dx = p.diagnosis
        var s = CaseSummary(
            id: p.id, name: p.displayName, initials: p.initials, age: p.age(on: today), sex: p.sex,
            category: dx?.category, diagnosisLabel: dx?.who2022 ?? dx?.icc2022 ?? dx?.category.rawValue ?? "no diagnosis",
            group: dx?.category.group, site: p.site, status: p.status(on: today)?.status, elnRisk: interp.eln2022?.risk,
            germline: interp.germline.strongest, germlineTestingRecommended: interp.germline.testingRecommended,
            mrdTrend: MRDTrendRule.trend(interp.mrd), mrdStatus: MRDTrendRule.latestSeries(interp.mrd)?.status,
            eligibleTrials: verdictsByTrial.filter { $0 == .eligible }.count,
            possiblyEligibleTrials: verdictsByTrial.filter { $0 == .possiblyEligible }.count,
            nextFollowUp: next.map { NextFollowUp(due: $0.due, kind: $0.kind, status: $0.status) })
        s.elnComplete = interp.eln2022?.complete ?? true
        s.risks = RiskSchemes.assess(p, today: today)
        summaryCache[p.id] = s
        return s
    }

    public func detail(id: String) throws -> CaseDetail? {
        guard let p = try patient(id) else { return nil }
        return CaseDetail(patient: p, interpretation: interpretation(of: p),
                          trials: CaseTrialRow.rows(from: armVerdicts(of: p), titles: trialTitles),
                          followUps: try followUps(of: p), summary: try summary(of: p))
    }

    // MARK: trials

    public func trials() throws -> [TrialSummary] {
        if let t = trialSummaryCache { return t }
        var counts: [String: (Int, Int, Int)] = [:]
        if !trialList.isEmpty, let stored = backing.storedTrialVerdicts?() {
            // From the stored results: no case is loaded or evaluated.
            for e in entries {
                for (trial, verdict) in stored.candidates[e.id] ?? [:] {
                    var c = counts[trial] ?? (0, 0, 0)
                    if verdict == .eligible { c.0 += 1 } else if verdict == .possiblyEligible { c.1 += 1 }
                    counts[trial] = c
                }
            }
            for t in stored.trialsWithOpenArm {
                var c = counts[t] ?? (0, 0, 0)
                c.2 = entries.count - c.0 - c.1
                counts[t] = c
            }
        } else if !trialList.isEmpty {
            for p in try allPatients() {
                for (trial, verdict) in trialVerdicts(of: p) {
                    var c = counts[trial] ?? (0, 0, 0)
                    switch verdict {
                    case .eligible: c.0 += 1
                    case .possiblyEligible: c.1 += 1
                    case .ineligible: c.2 += 1
                    }
                    counts[trial] = c
                }
            }
        }
        let out = trialList.map { t -> TrialSummary in
            let c = counts[t.id] ?? (0, 0, 0)
            return TrialSummary(trial: t, eligible: c.0, possiblyEligible: c.1, ineligible: c.2)
        }
        trialSummaryCache = out
        return out
    }

    /// One trial's candidates. With the stored verdicts ready, every case's verdict comes from them (no case is
    /// loaded or explained) and the rows come unexplained: the screens ask `explainedCandidates` for the rows they
    /// show. Otherwise every case is explained here.
    public func trialDetail(id: String) throws -> TrialDetail? {
        guard let t = trialList.first(where: { $0.id == id }) else { return nil }
        if let stored = backing.storedTrialVerdicts?() { return storedTrialDetail(t, stored) }
        var groups: [Verdict: [TrialCandidate]] = [:]
        for c in try explained(trialID: id, try allPatients()) { groups[c.verdict, default: []].append(c) }
        return TrialDetail(trial: t, eligible: groups[.eligible] ?? [], possiblyEligible: groups[.possiblyEligible] ?? [],
                           ineligible: groups[.ineligible] ?? [])
    }

    /// The candidates of a trial from the stored verdicts, in the index's order, unexplained. A trial with no open
    /// arm has no candidates (as `TrialVerdictRule`); a case absent from the stored candidates is ineligible.
    private func storedTrialDetail(_ t: Trial, _ stored: StoredTrialVerdicts) -> TrialDetail {
        var groups: [Verdict: [TrialCandidate]] = [:]
        if stored.trialsWithOpenArm.contains(t.id) {
            for e in entries {
                let v = stored.candidates[e.id]?[t.id] ?? .ineligible
                groups[v, default: []].append(.unexplained(patientID: e.id, name: e.name, initials: e.initials, verdict: v))
            }
        }
        return TrialDetail(trial: t, eligible: groups[.eligible] ?? [], possiblyEligible: groups[.possiblyEligible] ?? [],
                           ineligible: groups[.ineligible] ?? [])
    }

    public func explainedCandidates(trialID: String, ids: [String]) throws -> [TrialCandidate] {
        guard trialList.contains(where: { $0.id == trialID }) else { return [] }
        return try explained(trialID: trialID, try ids.compactMap { try patient($0) })
    }

    /// These cases explained against one trial, in order (a case without a verdict for it is left out).
    private func explained(trialID id: String, _ patients: [Patient]) throws -> [TrialCandidate] {
        // One trial's explained verdicts per case: the case's full set when already computed, else the engine's
        // verdicts of that trial for all the other cases at once (interpretations computed there are cached here).
        var armsOf: [String: [ArmVerdict]] = [:]
        if let many = backing.verdictsForTrial {
            let rest = patients.filter { verdicts[$0.id] == nil }
            for (p, r) in zip(rest, many(id, rest.map { ($0, interpretations[$0.id]) })) {
                if interpretations[p.id] == nil { interpretations[p.id] = r.interpretation }
                armsOf[p.id] = r.arms
            }
        }
        return patients.compactMap { p in
            let arms = verdicts[p.id].map { $0.filter { $0.trial == id } } ?? armsOf[p.id] ?? armVerdicts(of: p).filter { $0.trial == id }
            // A trial with no open arm has no candidates (its patients are neither eligible nor ineligible).
            guard let row = CaseTrialRow.rows(from: arms, titles: trialTitles).first(where: { $0.trialID == id }),
                  let verdict = row.verdict else { return nil }
            let best = row.arms.first { $0.arm == row.bestArm }
            let crit = best?.criteria ?? []
            let failing = crit.filter { ($0.kind == .inclusion && $0.result == .notMet) || ($0.kind == .exclusion && $0.result == .met) }
            return TrialCandidate(patientID: p.id, name: p.displayName, initials: p.initials, verdict: verdict, arm: row.bestArm,
                                  toObtain: crit.filter { $0.result == .unknown }.map(\.reason), failing: failing.map(\.reason))
        }
    }

    // MARK: worklist

    public func worklist(filter: WorklistFilter) throws -> [WorklistRow] {
        var rows: [WorklistRow] = []
        if filter.site == nil { _ = try allPatients() }
        let selected = try entries.filter { e in filter.site.map { e.site == $0 } ?? true }.compactMap { try patient($0.id) }
        // The open tasks of many cases in one pass when the store offers it (done tasks need the per-case path).
        let bulk = filter.includeDone ? nil : try backing.openTasks?(selected)
        for p in selected {
            for t in try bulk.map({ $0[p.id] ?? [] }) ?? followUps(of: p) {
                if !filter.includeDone && t.status == .done { continue }
                if let k = filter.kind, t.kind != k { continue }
                if !filter.admitsDue(t.due, today: today) { continue }
                rows.append(WorklistRow(task: t, name: p.displayName, initials: p.initials))
            }
        }
        return rows.sorted { FollowUpScheduler.urgencyOrder($0.task, $1.task) }
    }
}

extension InMemoryRepository {
    /// Every case analysed for the Outcomes view (the cohort, groups and endpoint of `query`).
    public func outcomes(_ query: OutcomesQuery) throws -> OutcomesData {
        let arms = query.grouping == .trialArm ? try backing.enrolments?() ?? [:] : [:]
        return try OutcomesData.analyse(try everyPatient(), query: query, today: today, enrolments: arms)
    }
}
