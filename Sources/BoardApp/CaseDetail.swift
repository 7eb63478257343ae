import CaseModel
import ClinicalRules

/// A trial's verdict for one case: the best of its open arms, with every arm's criteria.
public struct CaseTrialRow: Equatable, Sendable {
    public var trialID: String
    public var title: String
    /// nil: the trial has no open arm (`TrialVerdictRule`): shown as such, never as ineligible.
    public var verdict: Verdict?
    /// The arm that gives the verdict (the first arm when none is open).
    public var bestArm: String
    public var arms: [ArmVerdict]
    public init(trialID: String, title: String, verdict: Verdict?, bestArm: String, arms: [ArmVerdict]) {
        self.trialID = trialID; self.title = title; self.verdict = verdict; self.bestArm = bestArm; self.arms = arms
    }

    /// Groups arm verdicts by trial; a trial's verdict is its best open arm (`TrialVerdictRule`): closed or
    /// suspended arms never make a trial eligible. Sorted eligible first, trials with no open arm last, then by id.
    public static func rows(from verdicts: [ArmVerdict], titles: [String: String]) -> [CaseTrialRow] {
        var byTrial: [String: [ArmVerdict]] = [:]
        var order: [String] = []
        for v in verdicts {
            if byTrial[v.trial] == nil { order.append(v.trial) }
            byTrial[v.trial, default: []].append(v)
        }
        return order.compactMap { id -> CaseTrialRow? in
            guard let arms = byTrial[id] else { return nil }
            let best = TrialVerdictRule.bestOpenArm(arms)
            return CaseTrialRow(trialID: id, title: titles[id] ?? id, verdict: best?.verdict,
                                bestArm: best?.arm ?? arms.first?.arm ?? "", arms: arms)
        }.sorted { (rank($0.verdict), $0.trialID) < (rank($1.verdict), $1.trialID) }
    }

    /// Sort rank: eligible, possibly eligible, ineligible, no open arm.
    static func rank(_ v: Verdict?) -> Int {
        switch v {
        case .eligible?: return 0
        case .possiblyEligible?: return 1
        case .ineligible?: return 2
        case nil: return 3
        }
    }
}

/// Everything the case screen shows.
public struct CaseDetail: Equatable, Sendable {
    public var patient: Patient
    public var interpretation: Interpretation
    public var trials: [CaseTrialRow]
    /// Follow-up tasks (interpretation's, or the file's explicit ones), most urgent first.
    public var followUps: [FollowUpTask]
    public var summary: CaseSummary
    public init(patient: Patient, interpretation: Interpretation, trials: [CaseTrialRow], followUps: [FollowUpTask], summary: CaseSummary) {
        self.patient = patient; self.interpretation = interpretation; self.trials = trials; self.followUps = followUps
        self.summary = summary
    }
}
