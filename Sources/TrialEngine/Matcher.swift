import CaseModel
import ClinicalRules
import Foundation

/// Matches patients against a compiled catalogue. Rules are parsed once (when the catalogue is loaded); each
/// patient is indexed once (`PatientFacts`); then every arm is evaluated without text work. Reasons are turned
/// into text only by `verdicts(…)`, never by the fast path.
public struct Matcher: Sendable {
    /// Version of the criteria semantics and of the result-code layout: bump it with every change that can alter
    /// a verdict or a stored code for the same trial file (stored results of another version are recomputed).
    public static let engineVersion = "match-2026-12-02.1"
    public let trials: [CompiledTrial]
    /// (trial index, arm index) of every arm, in catalogue order.
    public let armIndex: [(trial: Int, arm: Int)]

    /// Flat evaluation program for the fast path: every arm's rules in `fastOrder`, with no wording or
    /// positions attached, so the hot loop copies nothing but indices.
    let program: [RuleExpr]
    let programIsExclusion: [Bool]
    /// arm k's rules are program[armStart[k] ..< armStart[k + 1]] (arms in `armIndex` order)
    let armStart: [Int]
    /// trial t's arms are armIndex positions trialStart[t] ..< trialStart[t + 1]
    let trialStart: [Int]
    let armIsOpen: [Bool]
    /// The single-patient matching program, built on first use (`matchRow`).
    let rowCache = MatchRowCache()

    public init(trials: [CompiledTrial]) {
        self.trials = trials
        var idx: [(Int, Int)] = []
        var prog: [RuleExpr] = [], excl: [Bool] = [], starts: [Int] = [0], tstarts: [Int] = [0], open: [Bool] = []
        for (ti, t) in trials.enumerated() {
            for (ai, a) in t.arms.enumerated() {
                idx.append((ti, ai))
                for i in a.fastOrder { prog.append(a.criteria[i].expr); excl.append(a.criteria[i].kind == .exclusion) }
                starts.append(prog.count)
                open.append(a.isOpen)
            }
            tstarts.append(idx.count)
        }
        armIndex = idx; program = prog; programIsExclusion = excl; armStart = starts; trialStart = tstarts; armIsOpen = open
    }

    /// Fast path: verdict of the k-th arm (in `armIndex` order).
    @inline(__always)
    func verdict(arm k: Int, facts: PatientFacts) -> Verdict {
        var v = Verdict.eligible
        var j = armStart[k]
        let end = armStart[k + 1]
        while j < end {
            let r = Evaluator.result(program[j], facts)
            if programIsExclusion[j] {
                if r == .met { return .ineligible }
            } else if r == .notMet { return .ineligible }
            if r == .unknown { v = .possiblyEligible }
            j += 1
        }
        return v
    }

    /// Compiles a catalogue (already parsed by `TrialLoader`) into a matcher.
    public static func compile(_ catalogue: TrialCatalogue) -> Matcher { Matcher(trials: catalogue.trials) }

    public var criteriaCount: Int { trials.reduce(0) { $0 + $1.arms.reduce(0) { $0 + $1.criteria.count } } }

    // MARK: verdict rules (formats.md §3)

    /// Combines one criterion's result into the running verdict.
    @inline(__always)
    static func fold(_ v: Verdict, kind: CriterionKind, _ r: CriterionResult) -> Verdict {
        let failing = (kind == .inclusion && r == .notMet) || (kind == .exclusion && r == .met)
        if failing { return .ineligible }
        if r == .unknown && v == .eligible { return .possiblyEligible }
        return v
    }

    /// Fast path: the verdict of one arm, no reasons.
    public func verdict(of arm: CompiledArm, facts: PatientFacts) -> Verdict {
        var v = Verdict.eligible
        for i in arm.fastOrder {
            let c = arm.criteria[i]
            v = Matcher.fold(v, kind: c.kind, Evaluator.result(c.expr, facts))
            if v == .ineligible { return v }
        }
        return v
    }

    /// Fast path: verdicts of every arm (in `armIndex` order), written into `out`.
    public func verdictCodes(for facts: PatientFacts, into out: inout [Verdict]) {
        out.removeAll(keepingCapacity: true)
        for k in 0..<armIndex.count { out.append(verdict(arm: k, facts: facts)) }
    }

    /// The trial's verdict: the best verdict among its open arms; nil when no arm is open.
    public func trialVerdict(_ trialIndex: Int, facts: PatientFacts) -> Verdict? {
        var best: Verdict?
        for k in trialStart[trialIndex]..<trialStart[trialIndex + 1] where armIsOpen[k] {
            let v = verdict(arm: k, facts: facts)
            if best == nil || v < (best ?? .ineligible) { best = v }
            if v == .eligible { break }
        }
        return best
    }

    /// Best verdict among open arms of already computed arm verdicts (closed/suspended arms never count).
    public static func bestOpen(_ arms: [ArmVerdict]) -> Verdict? { TrialVerdictRule.bestOpenArm(arms)?.verdict }

    // MARK: explained verdicts

    public func verdict(of arm: CompiledArm, trial: Trial, facts: PatientFacts) -> ArmVerdict {
        var v = Verdict.eligible
        var outs: [CriterionOutcome] = []
        outs.reserveCapacity(arm.criteria.count)
        for c in arm.criteria {
            let (r, why) = Evaluator.explain(c.expr, facts)
            v = Matcher.fold(v, kind: c.kind, r)
            outs.append(CriterionOutcome(kind: c.kind, text: c.spec.text, result: r, reason: ReasonText.join(why, facts)))
        }
        return ArmVerdict(patient: facts.patient.id, trial: trial.id, arm: arm.arm.id, armStatus: arm.arm.status,
                          verdict: v, criteria: outs)
    }

    /// Every arm of every trial for one patient, with per-criterion reasons.
    public func verdicts(for patient: Patient, interpretation: Interpretation, today: LocalDate) -> [ArmVerdict] {
        verdicts(for: PatientFacts(patient: patient, interpretation: interpretation, today: today))
    }

    public func verdicts(for facts: PatientFacts) -> [ArmVerdict] {
        var out: [ArmVerdict] = []
        out.reserveCapacity(armIndex.count)
        for t in trials { for a in t.arms { out.append(verdict(of: a, trial: t.trial, facts: facts)) } }
        return out
    }

    /// Every arm of one trial for one patient.
    public func verdicts(trialID: String, facts: PatientFacts) -> [ArmVerdict] {
        guard let t = trials.first(where: { $0.trial.id == trialID }) else { return [] }
        return t.arms.map { verdict(of: $0, trial: t.trial, facts: facts) }
    }

    // MARK: fingerprints

    public func trialFingerprint(_ id: String) -> UInt64? { trials.first { $0.trial.id == id }?.fingerprint }

    /// Stable hash of a patient's whole record (changes whenever any datum does).
    public static func fingerprint(of patient: Patient) -> UInt64 {
        let enc = JSONEncoder()
        enc.outputFormatting = [.sortedKeys]
        guard let data = try? enc.encode(patient) else { return 0 }
        return Fingerprint.of(bytes: Array(data))
    }
}
