import CaseModel

/// One criterion compiled once: its wording, its parsed rule and where the rule sits in the file.
public struct CompiledCriterion: Sendable {
    public var kind: CriterionKind
    public var spec: CriterionSpec
    public var expr: RuleExpr
    public var line: Int
    public var column: Int
    /// File line/column of each atom, by the atom's offset in the rule.
    public var atomPositions: [Int: (line: Int, column: Int)] = [:]

    public func position(ofAtomAt offset: Int) -> (line: Int, column: Int) { atomPositions[offset] ?? (line, column) }
}

public struct CompiledArm: Sendable {
    public var arm: TrialArm
    /// Inclusion criteria then exclusion criteria (trial-level ones first).
    public var criteria: [CompiledCriterion]
    public var isOpen: Bool
    /// Evaluation order for the fast path: the criteria most likely to exclude first (diagnosis, status,
    /// genetics), exclusions last. The verdict does not depend on the order.
    public var fastOrder: [Int]

    public init(arm: TrialArm, criteria: [CompiledCriterion], isOpen: Bool) {
        self.arm = arm; self.criteria = criteria; self.isOpen = isOpen
        fastOrder = criteria.indices.sorted { a, b in
            let ra = CompiledArm.rank(criteria[a]), rb = CompiledArm.rank(criteria[b])
            return ra != rb ? ra < rb : a < b
        }
    }

    static func rank(_ c: CompiledCriterion) -> Int {
        if c.kind == .exclusion { return 10 }
        func atomRank(_ p: Predicate) -> Int {
            switch p {
            case .diagnosis, .liquid, .oncotree: return 0
            case .status: return 1
            case .variant, .fusion, .karyotype, .wildtype, .tested, .germline: return 2
            case .age, .ageRange, .sex: return 3
            case .lab, .ecog, .prior, .priorLines, .transplant, .mrd, .eln, .risk: return 5
            default: return 4
            }
        }
        switch c.expr {
        case .atom(let a): return atomRank(a.predicate)
        case .and(let xs): return xs.map { x -> Int in if case .atom(let a) = x { return atomRank(a.predicate) } else { return 6 } }.min() ?? 6
        default: return 6
        }
    }
}

/// A trial as loaded from one file: the plain `Trial` value, its compiled arms and a fingerprint of the file text.
public struct CompiledTrial: Sendable {
    public var trial: Trial
    public var arms: [CompiledArm]
    /// FNV-1a 64 of the file's text: changes whenever the file does.
    public var fingerprint: UInt64
    public var file: String
    public var warnings: [TrialDiagnostic]
}
