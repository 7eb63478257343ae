/// Comparison operators of the criteria language.
public enum Comparison: String, Sendable, Equatable {
    case lt = "<", le = "<=", gt = ">", ge = ">=", eq = "=", ne = "!="

    @inline(__always)
    public func holds(_ a: Double, _ b: Double) -> Bool {
        switch self {
        case .lt: return a < b
        case .le: return a <= b
        case .gt: return a > b
        case .ge: return a >= b
        case .eq: return a == b
        case .ne: return a != b
        }
    }
    public var symbol: String {
        switch self {
        case .lt: return "<"
        case .le: return "≤"
        case .gt: return ">"
        case .ge: return "≥"
        case .eq: return "="
        case .ne: return "≠"
        }
    }
}

/// One token of a rule, with its offset (in Unicode scalars) inside the rule text.
public struct RuleToken: Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        case word(String)
        case number(Double, percent: Bool)
        case string(String)
        case comparison(Comparison)
        case lparen, rparen, comma, range
        case end
    }
    public var kind: Kind
    public var offset: Int

    public var display: String {
        switch kind {
        case .word(let w): return "'\(w)'"
        case .number(let n, let p): return "'\(RuleToken.format(n))\(p ? "%" : "")'"
        case .string(let s): return "\"\(s)\""
        case .comparison(let c): return "'\(c.rawValue)'"
        case .lparen: return "'('"
        case .rparen: return "')'"
        case .comma: return "','"
        case .range: return "'..'"
        case .end: return "end of rule"
        }
    }

    static func format(_ d: Double) -> String {
        d == d.rounded() && abs(d) < 1e12 ? String(Int(d)) : String(d)
    }
}
