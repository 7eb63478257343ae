/// How many of a trial's criteria carry a machine rule: a criterion is covered when its rule holds no
/// `unmapped` atom (an unmapped part makes it unknown whatever the patient). Trial-level criteria shared by
/// every arm are counted once.
public struct RuleCoverage: Sendable, Equatable, CustomStringConvertible {
    public var withRule: Int
    public var total: Int

    public init(withRule: Int, total: Int) { self.withRule = withRule; self.total = total }

    public init(_ t: CompiledTrial) {
        var seen = Set<String>()
        var covered = 0, total = 0
        for a in t.arms {
            for c in a.criteria {
                let key = "\(c.line):\(c.column)"
                guard seen.insert(key).inserted else { continue }
                total += 1
                let unmapped = c.expr.atoms.contains { if case .unmapped = $0.predicate { return true } else { return false } }
                if !unmapped { covered += 1 }
            }
        }
        self.init(withRule: covered, total: total)
    }

    /// `rule coverage 4 / 13`.
    public var description: String { "rule coverage \(withRule) / \(total)" }
}
