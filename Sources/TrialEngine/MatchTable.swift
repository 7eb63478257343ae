import CaseModel
import ClinicalRules
import Foundation

/// Verdicts with their reason codes for many patients × a set of arms, computed in one pass: for each
/// (patient, arm) the verdict and the tri-state result of EVERY criterion of the arm (no short-circuit), packed
/// two bits per criterion. What a coordinator is shown — which criteria failed, which are unknown and must be
/// obtained — is read from these codes; the datum a reason names ("ECOG last recorded …") is formatted on demand
/// by `explain(…)`, for the criteria the codes single out.
public struct MatchTable: Sendable {
    /// (trial index, arm index) of each column, in `Matcher.trials` order.
    public let arms: [(trial: Int, arm: Int)]
    public let patientCount: Int
    /// patient-major: verdicts[p * arms.count + k]
    public internal(set) var verdicts: [Verdict]
    /// patient-major: patient p's words start at p * wordsPerPatient; arm k's at + wordStart[k]
    public internal(set) var codes: [UInt32]
    public let wordStart: [Int]
    public let wordsPerPatient: Int
    public let criteriaPerArm: [Int]

    /// Criterion result codes: 2 bits each, 16 per word.
    @inline(__always) static func code(_ r: CriterionResult) -> UInt32 {
        switch r { case .met: return 1; case .notMet: return 2; case .unknown: return 3 }
    }
    @inline(__always) static func result(_ c: UInt32) -> CriterionResult? {
        switch c & 3 { case 1: return .met; case 2: return .notMet; case 3: return .unknown; default: return nil }
    }

    public func verdict(patient p: Int, arm k: Int) -> Verdict { verdicts[p * arms.count + k] }

    /// Result of criterion `i` (index in the arm's `criteria`, inclusions then exclusions) of arm column `k`.
    public func result(patient p: Int, arm k: Int, criterion i: Int) -> CriterionResult? {
        let w = codes[p * wordsPerPatient + wordStart[k] + i / 16]
        return MatchTable.result(w >> UInt32(2 * (i % 16)))
    }

    /// Every criterion result of one (patient, arm) in criteria order.
    public func results(patient p: Int, arm k: Int) -> [CriterionResult] {
        (0..<criteriaPerArm[k]).compactMap { result(patient: p, arm: k, criterion: $0) }
    }
}

/// Flat, thread-confined copy of the rules that `MatchTable` evaluation walks. A rule used by several arms
/// ("age >= 18", "comorbidity hiv or …") is evaluated once per patient: rules are keyed by their text, which
/// the parser compiles without context (`RuleParser.parse(text)`), so equal text means equal rule. The distinct
/// rules are lowered into a `FastProgram` (distinct atoms over interned names); each patient is loaded into a
/// reusable `FastFacts`.
struct MatchProgram {
    let fast: FastProgram
    let facts: FastFacts
    /// per arm column criterion (criteria order): index of its rule
    var slot: [Int32] = []
    var isExclusion: [Bool] = []
    /// arm column k's criteria are slot[start[k] ..< start[k + 1]]
    var start: [Int] = [0]

    init(matcher: Matcher, arms: [(trial: Int, arm: Int)]) {
        var index: [String: Int32] = [:]
        var exprs: [RuleExpr] = []
        for (t, a) in arms {
            for c in matcher.trials[t].arms[a].criteria {
                let i: Int32
                if let j = index[c.spec.rule] { i = j } else {
                    i = Int32(exprs.count); index[c.spec.rule] = i; exprs.append(c.expr)
                }
                slot.append(i); isExclusion.append(c.kind == .exclusion)
            }
            start.append(slot.count)
        }
        fast = FastProgram(rules: exprs)
        facts = FastFacts(fast)
    }

    var ruleCount: Int { fast.ruleCount }

    /// Evaluates every distinct rule once for one patient (`scratch`: one code per rule; `atomScratch`: one per
    /// atom), then folds every criterion of every arm column into `verdicts[…]` and `codes[…]`.
    @inline(__always)
    func evaluate(_ patient: Patient, _ interpretation: Interpretation, today: LocalDate, wordStart: [Int],
                  scratch: UnsafeMutablePointer<UInt32>, atomScratch: UnsafeMutablePointer<UInt8>,
                  verdicts: UnsafeMutablePointer<Verdict>, codes: UnsafeMutablePointer<UInt32>) {
        facts.load(patient, interpretation, today: today)
        fast.evaluate(facts, atomCodes: atomScratch, out: scratch)
        let deceased = DeceasedRule.isDeceased(patient)
        slot.withUnsafeBufferPointer { slot in
        isExclusion.withUnsafeBufferPointer { isExclusion in
        for k in 0..<(start.count - 1) {
            var failed = false, unknown = false
            var word: UInt32 = 0, shift: UInt32 = 0, w = wordStart[k]
            var j = start[k]
            let end = start[k + 1]
            while j < end {
                let c = scratch[Int(slot[j])]
                // codes: 1 met, 2 not met, 3 unknown
                if isExclusion[j] { if c == 1 { failed = true } } else if c == 2 { failed = true }
                if c == 3 { unknown = true }
                word |= c << shift
                shift += 2
                if shift == 32 { codes[w] = word; w += 1; word = 0; shift = 0 }
                j += 1
            }
            if shift > 0 { codes[w] = word }
            verdicts[k] = failed || deceased ? .ineligible : (unknown ? .possiblyEligible : .eligible)
        }
        }
        }
    }
}

extension Matcher {
    /// Arm columns: every arm, or only the open arms of open trials.
    public func armColumns(openOnly: Bool) -> [(trial: Int, arm: Int)] {
        armIndex.filter { !openOnly || (trials[$0.trial].trial.status == .open && trials[$0.trial].arms[$0.arm].isOpen) }
    }

    /// Verdicts and per-criterion result codes of every patient × arm column, split over `threads` cores (each
    /// thread evaluates its own copy of the compiled rules).
    public func matchTable(_ facts: [PatientFacts], openOnly: Bool = true,
                           threads: Int = ProcessInfo.processInfo.activeProcessorCount) -> MatchTable {
        matchTable(count: facts.count, openOnly: openOnly, threads: threads) { facts[$0] }
    }

    /// As `matchTable(_:)`, with each patient's facts built inside the worker thread by `facts(i)` (only its
    /// patient, interpretation and date are used).
    public func matchTable(count n: Int, openOnly: Bool = true, threads: Int = ProcessInfo.processInfo.activeProcessorCount,
                           facts: @Sendable (Int) -> PatientFacts) -> MatchTable {
        matchTable(count: n, columns: armColumns(openOnly: openOnly), threads: threads, facts: facts)
    }

    /// As `matchTable(count:…)` over the given arm columns ((trial index, arm index) pairs).
    public func matchTable(count n: Int, columns cols: [(trial: Int, arm: Int)], threads: Int = ProcessInfo.processInfo.activeProcessorCount,
                           facts: @Sendable (Int) -> PatientFacts) -> MatchTable {
        matchTable(count: n, columns: cols, threads: threads) { i in
            let f = facts(i)
            return (f.patient, f.interpretation, f.today)
        }
    }

    /// Every patient × arm column, each patient interpreted (ELN, germline, MRD; no follow-up schedule) and
    /// matched inside the worker threads: the whole matching of a population.
    public func matchTable(patients: [Patient], today: LocalDate, openOnly: Bool = true,
                           threads: Int = ProcessInfo.processInfo.activeProcessorCount) -> MatchTable {
        matchTable(patients: patients, today: today, columns: armColumns(openOnly: openOnly), threads: threads)
    }

    /// As `matchTable(patients:today:…)` over the given arm columns.
    public func matchTable(patients: [Patient], today: LocalDate, columns cols: [(trial: Int, arm: Int)],
                           threads: Int = ProcessInfo.processInfo.activeProcessorCount) -> MatchTable {
        matchTable(count: patients.count, columns: cols, threads: threads) { i in
            (patients[i], Interpretation.interpret(patients[i], today: today, followUps: false), today)
        }
    }

    /// The matching loop: `input(i)` gives patient i, its interpretation and the day to match on.
    public func matchTable(count n: Int, columns cols: [(trial: Int, arm: Int)], threads: Int = ProcessInfo.processInfo.activeProcessorCount,
                           input: @Sendable (Int) -> (Patient, Interpretation, LocalDate)) -> MatchTable {
        var wordStart: [Int] = [], per: [Int] = [], words = 0
        for (t, a) in cols {
            let c = trials[t].arms[a].criteria.count
            wordStart.append(words); per.append(c); words += max(1, (c + 15) / 16)
        }
        let k = cols.count
        let starts = wordStart, wordsPer = words
        let vbuf = UnsafeMutablePointer<Verdict>.allocate(capacity: max(1, n * k))
        vbuf.initialize(repeating: .ineligible, count: n * k)
        let cbuf = UnsafeMutablePointer<UInt32>.allocate(capacity: max(1, n * words))
        cbuf.initialize(repeating: 0, count: n * words)
        defer { vbuf.deallocate(); cbuf.deallocate() }
        let chunks = max(1, min(threads, n))
        let box = MatchBuffers(v: vbuf, c: cbuf)
        DispatchQueue.concurrentPerform(iterations: chunks) { c in
            // Each thread lowers the rules into its own program (atoms, interned names, facts tables), so the
            // hot loop touches no value shared with another thread.
            let program = MatchProgram(matcher: self, arms: cols)
            let scratch = UnsafeMutablePointer<UInt32>.allocate(capacity: max(1, program.ruleCount))
            let atomScratch = UnsafeMutablePointer<UInt8>.allocate(capacity: max(1, program.fast.atomCount))
            defer { scratch.deallocate(); atomScratch.deallocate() }
            let lo = n * c / chunks, hi = n * (c + 1) / chunks
            for p in lo..<hi {
                let (patient, interpretation, today) = input(p)
                program.evaluate(patient, interpretation, today: today, wordStart: starts, scratch: scratch, atomScratch: atomScratch,
                                 verdicts: box.v + p * k, codes: box.c + p * wordsPer)
            }
        }
        return MatchTable(arms: cols, patientCount: n, verdicts: Array(UnsafeBufferPointer(start: vbuf, count: n * k)),
                          codes: Array(UnsafeBufferPointer(start: cbuf, count: n * words)),
                          wordStart: wordStart, wordsPerPatient: words, criteriaPerArm: per)
    }

    /// One patient against every arm column (the single-patient re-match): verdicts and packed codes per arm.
    /// The lowered program is built once per matcher and reused (`MatchRowCache`).
    public func matchRow(_ facts: PatientFacts, openOnly: Bool = false) -> [(trial: Int, arm: Int, verdict: Verdict, codes: [UInt32])] {
        matchRow(facts.patient, facts.interpretation, today: facts.today, openOnly: openOnly)
    }

    public func matchRow(_ patient: Patient, _ interpretation: Interpretation, today: LocalDate, openOnly: Bool = false)
        -> [(trial: Int, arm: Int, verdict: Verdict, codes: [UInt32])] {
        rowCache.withProgram(openOnly: openOnly, make: { MatchRowCache.Entry(matcher: self, columns: armColumns(openOnly: openOnly)) }) { e in
            e.program.evaluate(patient, interpretation, today: today, wordStart: e.wordStart, scratch: e.scratch, atomScratch: e.atomScratch,
                               verdicts: e.verdicts, codes: e.codes)
            return e.columns.indices.map { k in
                let w0 = e.wordStart[k], w1 = k + 1 < e.wordStart.count ? e.wordStart[k + 1] : e.words
                return (e.columns[k].trial, e.columns[k].arm, e.verdicts[k], Array(UnsafeBufferPointer(start: e.codes + w0, count: w1 - w0)))
            }
        }
    }

    /// Explained verdict of one arm from stored result codes: the results come from the codes; the reason text
    /// of each criterion is formatted from the patient's facts.
    public func explain(trial t: Int, arm a: Int, verdict: Verdict, codes: [UInt32], facts: PatientFacts) -> ArmVerdict {
        let trial = trials[t], arm = trial.arms[a]
        var outs: [CriterionOutcome] = []
        for (i, c) in arm.criteria.enumerated() {
            let word = i / 16 < codes.count ? codes[i / 16] : 0
            let stored = MatchTable.result(word >> UInt32(2 * (i % 16)))
            let (r, why) = Evaluator.explain(c.expr, facts)
            outs.append(CriterionOutcome(kind: c.kind, text: c.spec.text, result: stored ?? r, reason: ReasonText.join(why, facts)))
        }
        if facts.isDeceased { outs.insert(Matcher.deceasedOutcome(facts.patient), at: 0) }
        return ArmVerdict(patient: facts.patient.id, trial: trial.trial.id, arm: arm.arm.id, armStatus: arm.arm.status,
                          verdict: verdict, criteria: outs)
    }

    /// Packs criterion results into the words `MatchTable` uses (for tests and stored rows).
    public static func packCodes(_ results: [CriterionResult]) -> [UInt32] {
        var out = [UInt32](repeating: 0, count: max(1, (results.count + 15) / 16))
        for (i, r) in results.enumerated() { out[i / 16] |= MatchTable.code(r) << UInt32(2 * (i % 16)) }
        return out
    }
}

/// Raw output buffers shared by the worker threads (each writes disjoint rows).
final class MatchBuffers: @unchecked Sendable {
    let v: UnsafeMutablePointer<Verdict>
    let c: UnsafeMutablePointer<UInt32>
    init(v: UnsafeMutablePointer<Verdict>, c: UnsafeMutablePointer<UInt32>) { self.v = v; self.c = c }
}

/// The single-patient matching program of a matcher, built on first use and reused (one per column set: all
/// arms, open arms). Evaluation is serialised by a lock (the program's facts are reloaded per patient).
final class MatchRowCache: @unchecked Sendable {
    final class Entry {
        let columns: [(trial: Int, arm: Int)]
        let program: MatchProgram
        let wordStart: [Int]
        let words: Int
        let scratch: UnsafeMutablePointer<UInt32>
        let atomScratch: UnsafeMutablePointer<UInt8>
        let verdicts: UnsafeMutablePointer<Verdict>
        let codes: UnsafeMutablePointer<UInt32>

        init(matcher: Matcher, columns: [(trial: Int, arm: Int)]) {
            self.columns = columns
            program = MatchProgram(matcher: matcher, arms: columns)
            var ws: [Int] = [], n = 0
            for (t, a) in columns { ws.append(n); n += max(1, (matcher.trials[t].arms[a].criteria.count + 15) / 16) }
            wordStart = ws; words = n
            scratch = .allocate(capacity: max(1, program.ruleCount))
            atomScratch = .allocate(capacity: max(1, program.fast.atomCount))
            verdicts = .allocate(capacity: max(1, columns.count))
            verdicts.initialize(repeating: .ineligible, count: max(1, columns.count))
            codes = .allocate(capacity: max(1, n))
        }

        deinit {
            scratch.deallocate(); atomScratch.deallocate(); verdicts.deallocate(); codes.deallocate()
        }
    }

    private let lock = NSLock()
    private var entries: [Bool: Entry] = [:]

    init() {}

    func withProgram<T>(openOnly: Bool, make: () -> Entry, _ body: (Entry) -> T) -> T {
        lock.lock()
        defer { lock.unlock() }
        let e: Entry
        if let x = entries[openOnly] { e = x } else { e = make(); entries[openOnly] = e }
        e.codes.update(repeating: 0, count: max(1, e.words))
        return body(e)
    }
}
