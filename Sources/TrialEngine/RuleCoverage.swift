import CaseModel

/// How many of a trial's criteria carry a machine rule: a criterion is covered when its rule holds no
/// `unmapped` atom (an unmapped part makes it unknown whatever the patient). A criterion that several arms share
/// (the trial-level ones) is counted once: criteria are told apart by kind, wording and rule.
public struct RuleCoverage: Sendable, Equatable, CustomStringConvertible {
    public var withRule: Int
    public var total: Int

    public init(withRule: Int, total: Int) { self.withRule = withRule; self.total = total }

    public init(_ t: CompiledTrial) {
        var seen = Set<String>()
        var covered = 0, total = 0
        for a in t.arms {
            for c in a.criteria where seen.insert("\(c.kind.rawValue)\u{1}\(c.spec.text)\u{1}\(c.spec.rule)").inserted {
                total += 1
                if !c.expr.atoms.contains(where: { if case .unmapped = $0.predicate { return true } else { return false } }) { covered += 1 }
            }
        }
        self.init(withRule: covered, total: total)
    }

    /// The same from a plain trial value (the rules are parsed here; a rule that does not parse counts as not covered).
    public init(trial: Trial) {
        var seen = Set<String>()
        var covered = 0, total = 0
        for a in trial.arms {
            for (kind, c) in a.inclusion.map({ (CriterionKind.inclusion, $0) }) + a.exclusion.map({ (CriterionKind.exclusion, $0) })
            where seen.insert("\(kind.rawValue)\u{1}\(c.text)\u{1}\(c.rule)").inserted {
                total += 1
                do {
                    let e = try RuleParser.parse(c.rule)
                    if !e.atoms.contains(where: { if case .unmapped = $0.predicate { return true } else { return false } }) { covered += 1 }
                } catch { continue }
            }
        }
        self.init(withRule: covered, total: total)
    }

    /// `rule coverage 4 / 13`.
    public var description: String { "rule coverage \(withRule) / \(total)" }
}
