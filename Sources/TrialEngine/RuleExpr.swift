import CaseModel

/// A parsed and resolved rule: and/or/not over atoms. Parsing resolves names (classes → agents, OncoTree names
/// → codes, units) so evaluation does no text work.
public indirect enum RuleExpr: Sendable {
    case and([RuleExpr])
    case or([RuleExpr])
    case not(RuleExpr)
    case atom(Atom)

    /// Every atom, depth first.
    public var atoms: [Atom] {
        switch self {
        case .and(let xs), .or(let xs): return xs.flatMap(\.atoms)
        case .not(let x): return x.atoms
        case .atom(let a): return [a]
        }
    }
}
