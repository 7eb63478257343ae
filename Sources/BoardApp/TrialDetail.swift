import CaseModel

/// A case under a trial: its verdict (best open arm) and what to obtain when possibly eligible.
public struct TrialCandidate: Equatable, Sendable {
    public var patientID: String
    public var name: String?
    public var initials: String
    public var verdict: Verdict
    public var arm: String
    /// Unknown criteria of the best arm, as what to obtain ("FLT3 not tested").
    public var toObtain: [String]
    /// Failing criteria (ineligible), first few.
    public var failing: [String]
    /// false: only the verdict is known (read from the stored results, no case loaded); the best arm and the reasons
    /// are explained when the row is shown (`Effect.explainCandidates`), and the line says "…" until then.
    public var explained: Bool
    public init(patientID: String, name: String?, initials: String, verdict: Verdict, arm: String, toObtain: [String], failing: [String],
                explained: Bool = true) {
        self.patientID = patientID; self.name = name; self.initials = initials; self.verdict = verdict; self.arm = arm
        self.toObtain = toObtain; self.failing = failing; self.explained = explained
    }

    /// A candidate whose verdict is known and whose arm and reasons are not explained yet.
    public static func unexplained(patientID: String, name: String?, initials: String, verdict: Verdict) -> TrialCandidate {
        TrialCandidate(patientID: patientID, name: name, initials: initials, verdict: verdict, arm: "", toObtain: [], failing: [],
                       explained: false)
    }
}

extension Array where Element == TrialCandidate {
    /// Replaces the candidates of the patients in `explained` by their explained rows, in place (the order is kept).
    mutating func fill(_ explained: [String: TrialCandidate]) {
        guard !explained.isEmpty else { return }
        for i in indices { if let c = explained[self[i].patientID] { self[i] = c } }
    }
}

/// One trial with its candidates grouped by verdict.
public struct TrialDetail: Equatable, Sendable {
    public var trial: Trial
    public var eligible: [TrialCandidate]
    public var possiblyEligible: [TrialCandidate]
    public var ineligible: [TrialCandidate]
    public init(trial: Trial, eligible: [TrialCandidate], possiblyEligible: [TrialCandidate], ineligible: [TrialCandidate]) {
        self.trial = trial; self.eligible = eligible; self.possiblyEligible = possiblyEligible; self.ineligible = ineligible
    }
    /// How many candidates the three groups hold.
    public var count: Int { eligible.count + possiblyEligible.count + ineligible.count }
    /// Each verdict's number of candidates (every verdict, zero included).
    public var countsByVerdict: [Verdict: Int] { Dictionary(uniqueKeysWithValues: Verdict.allCases.map { ($0, candidates($0).count) }) }
    /// The candidate at display position `i` (no array of every candidate built per frame).
    public func candidate(at i: Int) -> TrialCandidate {
        if i < eligible.count { return eligible[i] }
        if i < eligible.count + possiblyEligible.count { return possiblyEligible[i - eligible.count] }
        return ineligible[i - eligible.count - possiblyEligible.count]
    }

    /// Puts explained rows (`CaseRepository.explainedCandidates`) in place of the unexplained ones of the same patients.
    public mutating func fill(_ explained: [String: TrialCandidate]) {
        eligible.fill(explained); possiblyEligible.fill(explained); ineligible.fill(explained)
    }

    public func candidates(_ v: Verdict) -> [TrialCandidate] {
        switch v {
        case .eligible: return eligible
        case .possiblyEligible: return possiblyEligible
        case .ineligible: return ineligible
        }
    }
}

/// A worklist row: the task and who it is for.
public struct WorklistRow: Equatable, Sendable {
    public var task: FollowUpTask
    public var name: String?
    public var initials: String
    public init(task: FollowUpTask, name: String?, initials: String) { self.task = task; self.name = name; self.initials = initials }
}
