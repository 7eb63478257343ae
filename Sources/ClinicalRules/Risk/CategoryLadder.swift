import CaseModel

/// Ordered categories with upper bounds: category i holds scores ≤ bounds[i] (or < when `strict`),
/// the last category everything above.
public struct CategoryLadder: Sendable {
    public let names: [String]
    /// Upper bounds of all categories but the last.
    public let bounds: [Double]
    /// Per bound — true: category i is score < bounds[i]; false: score ≤ bounds[i].
    public let strict: [Bool]

    public init(names: [String], bounds: [Double], strictUpper: Bool) {
        self.init(names: names, bounds: bounds, strict: Array(repeating: strictUpper, count: bounds.count))
    }

    public init(names: [String], bounds: [Double], strict: [Bool]) {
        self.names = names; self.bounds = bounds; self.strict = strict
    }

    public func index(_ score: Double) -> Int {
        for (i, b) in bounds.enumerated() {
            if strict[i] ? score < b : score <= b { return i }
        }
        return names.count - 1
    }

    public func category(_ score: Double) -> String { names[index(score)] }

    /// The categories between the interval's ends.
    public func possible(_ low: Double, _ high: Double) -> [String] {
        Array(names[index(low)...index(high)])
    }

    /// An assessment from an interval score: decided when both ends fall in one category.
    func assessment(scheme: String, version: String, _ s: PointScore, exact: Double? = nil,
                    extraDrivers: [String] = []) -> SchemeRiskAssessment {
        let possible = self.possible(s.low, s.high)
        let category = possible.count == 1 ? possible[0] : SchemeRiskAssessment.notEvaluable
        var drivers = s.drivers + extraDrivers
        if !s.complete {
            let range = s.low == s.high ? RiskInputs.number(s.low) : "\(RiskInputs.number(s.low))–\(RiskInputs.number(s.high))"
            drivers.append(possible.count == 1
                ? "provisional: score \(range) with the missing inputs, \(possible[0]) whatever their values"
                : "score \(range) with the missing inputs: \(possible.joined(separator: " to ")) possible")
        }
        return SchemeRiskAssessment(scheme: scheme, version: version, category: category,
                                    score: s.complete ? (exact ?? s.low) : nil, complete: s.complete,
                                    missing: s.missing, drivers: drivers, possible: possible)
    }
}
