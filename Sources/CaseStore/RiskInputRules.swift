import CaseModel

/// The plausibility rules of a dated clinical finding (formats.md §1 `findings`), one owner for every reader of
/// them (the case-file reader and the FHIR reader): the value has the type its kind expects (a number or
/// true/false); a percentage (`marrow-cellularity`, `residual-haematopoiesis`) lies in 0–100; the marrow fibrosis
/// grade is a whole number 0–3 (MF-0 … MF-3); any other number is ≥ 0. A kind formats.md does not list is kept as
/// written, with a warning.
public enum RiskInputRules {
    /// Percent-valued finding kinds (range 0–100).
    public static let percentKinds: Set<String> = ["marrow-cellularity", "residual-haematopoiesis"]

    /// Why `value` is not acceptable for a finding of `kind`, or nil (also nil for a kind formats.md does not list).
    public static func valueProblem(kind: String, value: ClinicalFinding.Value) -> String? {
        guard let wantsNumber = ClinicalFinding.knownKinds[kind] else { return nil }
        switch (wantsNumber, value) {
        case (true, .flag): return "\(kind) expects a number, found a boolean"
        case (false, .number): return "\(kind) expects true or false, found a number"
        case (_, .flag): return nil
        case (_, .number(let x)):
            if percentKinds.contains(kind) {
                if !(x >= 0 && x <= 100) { return "\(kind) (%) must be between 0 and 100, found \(JSONScalar.describe(x))" }
            } else if kind == "marrow-fibrosis-grade" {
                if !(x >= 0 && x <= 3 && x == x.rounded()) {
                    return "\(kind) (MF-0 … MF-3) must be a whole number from 0 to 3, found \(JSONScalar.describe(x))"
                }
            } else if !(x >= 0) {
                return "\(kind) must be ≥ 0, found \(JSONScalar.describe(x))"
            }
            return nil
        }
    }

    /// The warning for a finding kind formats.md does not list (the finding is kept as written).
    public static func unknownKindWarning(_ kind: String) -> String {
        "finding kind \"\(kind)\" is not one formats.md lists (\(ClinicalFinding.knownKinds.keys.sorted().joined(separator: ", "))); kept as written"
    }
}
