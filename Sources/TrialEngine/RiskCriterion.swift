import CaseModel
import ClinicalRules

/// The `risk` atom of the criteria language over ClinicalRules' risk schemes, shared by the explained
/// evaluator and the lowered matching program (one semantics):
///
/// - `risk SCHEME <= CATEGORY` (also `<`, `>=`, `>`, `=`, `!=`, over the scheme's order, lowest risk first)
///   and `risk SCHEME CATEGORY[, CATEGORY…]`;
/// - met when every category the patient's data leave possible is accepted, not met when none is,
///   unknown when the missing inputs leave both (tri-state: missing data → unknown, never a default);
/// - not met when the scheme does not apply to the diagnosis (like `eln2022` outside AML); unknown without a diagnosis.
public enum RiskCriterion {
    /// Every scheme name a rule may use, sorted.
    public static var schemeNames: [String] { RiskSchemes.categories.keys.sorted() }

    /// Categories of `scheme` in order, or nil for an unknown scheme.
    public static func categories(_ scheme: String) -> [String]? { RiskSchemes.categories[scheme] }

    /// The accepted categories for a comparison against `category` in the scheme's order.
    public static func accepted(_ order: [String], _ c: Comparison, _ category: String) -> [String] {
        guard let k = order.firstIndex(of: category) else { return [] }
        return order.enumerated().filter { i, _ in c.holds(Double(i), Double(k)) }.map(\.element)
    }

    static func evaluate(_ risks: [SchemeRiskAssessment], scheme: String, accepted: [String], diagnosis: Diagnosis?)
        -> (CriterionResult, Reason) {
        guard let a = risks.first(where: { $0.scheme == scheme }) else {
            return RiskSchemes.couldApply(scheme, to: diagnosis) == false ? (.notMet, .riskNotApplicable(scheme)) : (.unknown, .riskUndecided(scheme))
        }
        let possible = a.possible
        if possible.isEmpty { return (.unknown, .riskUndecided(scheme)) }
        let hits = possible.filter { accepted.contains($0) }.count
        if hits == possible.count { return (.met, a.isDecided ? .risk(scheme) : .riskUndecided(scheme)) }
        if hits == 0 { return (.notMet, a.isDecided ? .risk(scheme) : .riskUndecided(scheme)) }
        return (.unknown, .riskUndecided(scheme))
    }

    static func text(_ r: Reason, scheme: String, _ risks: [SchemeRiskAssessment], diagnosis: String?) -> String {
        guard let a = risks.first(where: { $0.scheme == scheme }) else {
            if case .riskNotApplicable = r { return "\(scheme) does not apply to \(diagnosis ?? "this diagnosis")" }
            return "\(scheme) not computed (\(diagnosis == nil ? "no diagnosis" : "the diagnosis labels do not name the entity"))"
        }
        var s = "\(scheme) \(a.isDecided ? a.category : "not evaluable")"
        if !a.isDecided && !a.possible.isEmpty { s += " (\(a.possible.joined(separator: " or ")) possible)" }
        if !a.complete { s += a.isDecided ? ", provisional" : "" }
        if !a.missing.isEmpty { s += "; missing: " + a.missing.joined(separator: ", ") }
        else if !a.drivers.isEmpty { s += " (" + a.drivers.prefix(3).joined(separator: "; ") + ")" }
        return s
    }
}
