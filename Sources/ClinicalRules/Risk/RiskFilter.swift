import CaseModel

/// The `risk=` filter of `caseboard cases`: `SCHEME` (the scheme applies to the case) or `SCHEME:CATEGORY`
/// (the data decide that category; `not-evaluable` selects undecided ones), case-insensitive.
public struct RiskFilter: Sendable, Equatable {
    public var scheme: String
    public var category: String?

    /// Parses a filter value; throws a message naming the valid schemes or categories.
    public static func parse(_ text: String) -> Result<RiskFilter, RiskFilterError> {
        let parts = text.split(separator: ":", maxSplits: 1).map(String.init)
        guard let first = parts.first,
              let scheme = RiskSchemes.schemes.first(where: { $0.lowercased() == first.lowercased() }) else {
            return .failure(RiskFilterError(message: "unknown risk scheme \"\(parts.first ?? "")\" (schemes: \(RiskSchemes.schemes.joined(separator: ", ")))"))
        }
        guard parts.count == 2 else { return .success(RiskFilter(scheme: scheme, category: nil)) }
        let order = (RiskSchemes.categories[scheme] ?? []) + [SchemeRiskAssessment.notEvaluable]
        guard let c = order.first(where: { $0 == parts[1].lowercased() }) else {
            return .failure(RiskFilterError(message: "unknown \(scheme) category \"\(parts[1])\" (\(order.joined(separator: ", ")))"))
        }
        return .success(RiskFilter(scheme: scheme, category: c))
    }

    public func matches(_ risks: [SchemeRiskAssessment]) -> Bool {
        guard let r = risks.first(where: { $0.scheme == scheme }) else { return false }
        return category.map { $0 == r.category } ?? true
    }
}

public struct RiskFilterError: Error, Sendable, Equatable {
    public var message: String
}
