/// Trial catalogue entries as plain values. The criteria rules are kept as source text here;
/// TrialEngine parses and compiles them.

public enum TrialStatus: String, Codable, Sendable, CaseIterable {
    case open, closed, suspended, notYetOpen = "not-yet-open"
}

public struct Trial: Codable, Sendable, Equatable, Identifiable {
    public var id: String
    public var nct: String?
    public var euct: String?
    public var title: String
    public var phase: String
    public var sponsor: String?
    public var status: TrialStatus
    public var sites: [String]
    public var groups: [PathologyGroup]
    public var arms: [TrialArm]
    /// File the trial came from (for messages).
    public var sourceFile: String?
    public init(id: String, nct: String? = nil, euct: String? = nil, title: String, phase: String, sponsor: String? = nil,
                status: TrialStatus, sites: [String] = [], groups: [PathologyGroup] = [], arms: [TrialArm], sourceFile: String? = nil) {
        self.id = id; self.nct = nct; self.euct = euct; self.title = title; self.phase = phase; self.sponsor = sponsor
        self.status = status; self.sites = sites; self.groups = groups; self.arms = arms; self.sourceFile = sourceFile
    }
}

public struct TrialArm: Codable, Sendable, Equatable, Identifiable {
    public var id: String
    public var name: String
    public var status: TrialStatus
    public var inclusion: [CriterionSpec]
    public var exclusion: [CriterionSpec]
    public init(id: String, name: String, status: TrialStatus, inclusion: [CriterionSpec], exclusion: [CriterionSpec]) {
        self.id = id; self.name = name; self.status = status; self.inclusion = inclusion; self.exclusion = exclusion
    }
}

public enum CriterionKind: String, Codable, Sendable { case inclusion, exclusion }

/// One criterion: the protocol's own wording beside its machine-readable rule.
public struct CriterionSpec: Codable, Sendable, Equatable {
    public var text: String
    public var rule: String
    public init(text: String, rule: String) { self.text = text; self.rule = rule }
}

public enum CriterionResult: String, Codable, Sendable, CaseIterable { case met, notMet = "not-met", unknown }

public enum Verdict: String, Codable, Sendable, CaseIterable, Comparable {
    case eligible, possiblyEligible = "possibly-eligible", ineligible
    public static func < (a: Verdict, b: Verdict) -> Bool {
        let order: [Verdict] = [.eligible, .possiblyEligible, .ineligible]
        return order.firstIndex(of: a)! < order.firstIndex(of: b)!
    }
}

public struct CriterionOutcome: Codable, Sendable, Equatable {
    public var kind: CriterionKind
    public var text: String
    public var result: CriterionResult
    public var reason: String
    public init(kind: CriterionKind, text: String, result: CriterionResult, reason: String) {
        self.kind = kind; self.text = text; self.result = result; self.reason = reason
    }
}

/// A patient × trial arm verdict with its per-criterion reasons.
public struct ArmVerdict: Codable, Sendable, Equatable {
    public var patient: String
    public var trial: String
    public var arm: String
    public var armStatus: TrialStatus
    public var verdict: Verdict
    public var criteria: [CriterionOutcome]
    public init(patient: String, trial: String, arm: String, armStatus: TrialStatus, verdict: Verdict, criteria: [CriterionOutcome]) {
        self.patient = patient; self.trial = trial; self.arm = arm; self.armStatus = armStatus; self.verdict = verdict
        self.criteria = criteria
    }
    /// What to obtain for a possibly-eligible verdict.
    public var unknowns: [CriterionOutcome] { criteria.filter { $0.result == .unknown } }
}
