import CaseModel

/// Evaluates a categorical rule over every value its unknown inputs could take: the categories
/// reached are the ones the data cannot exclude. Decided when only one is reached.
enum Possibilities {
    /// Every assignment of the unknown booleans (nil) in `values` to true and false.
    static func assignments(_ values: [Bool?]) -> [[Bool]] {
        var out: [[Bool]] = [[]]
        for v in values {
            var next: [[Bool]] = []
            for prefix in out {
                if let v { next.append(prefix + [v]) } else { next.append(prefix + [false]); next.append(prefix + [true]) }
            }
            out = next
        }
        return out
    }

    /// The categories `rule` gives over every assignment, ordered as in `order`.
    static func categories(_ values: [Bool?], order: [String], _ rule: ([Bool]) -> String) -> [String] {
        let reached = Set(assignments(values).map(rule))
        return order.filter { reached.contains($0) }
    }

    /// Indices of the unknown inputs that matter: some assignment changes category when only that input flips.
    static func relevantUnknowns(_ values: [Bool?], _ rule: ([Bool]) -> String) -> [Int] {
        var out: [Int] = []
        let all = assignments(values)
        for (i, v) in values.enumerated() where v == nil {
            if all.contains(where: { a in var b = a; b[i].toggle(); return rule(a) != rule(b) }) { out.append(i) }
        }
        return out
    }

    /// The categories reached and the missing-input texts of the unknowns that matter (`labels[i]` for input i).
    static func evaluate(_ values: [Bool?], labels: [[String]], order: [String], _ rule: ([Bool]) -> String) -> (possible: [String], missing: [String]) {
        let possible = categories(values, order: order, rule)
        let relevant = relevantUnknowns(values, rule)
        return (possible, relevant.flatMap { labels[$0] })
    }

    static func assessment(scheme: String, version: String, possible: [String], missing: [String],
                           drivers: [String]) -> SchemeRiskAssessment {
        let decided = possible.count == 1
        var d = drivers
        if !decided && !possible.isEmpty { d.append("\(possible.joined(separator: " or ")) depending on the missing data") }
        // Inputs that could not change a decided category are not reported as missing.
        let m = decided ? [] : missing
        return SchemeRiskAssessment(scheme: scheme, version: version,
                                    category: decided ? possible[0] : SchemeRiskAssessment.notEvaluable,
                                    complete: m.isEmpty, missing: m, drivers: d, possible: possible)
    }
}
