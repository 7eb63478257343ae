import CaseModel

/// The Revised International Prognostic Scoring System for MDS (Greenberg et al., Blood
/// 2012;120:2454, Tables 3 and 4) [C]. Points:
/// - cytogenetics (IPSSRCytogenetics): very good 0, good 1, intermediate 2, poor 3, very poor 4;
/// - marrow blasts: ≤ 2 % 0; > 2 to < 5 % 1; 5–10 % 2; > 10 % 3;
/// - haemoglobin: ≥ 10 g/dL 0; 8 to < 10 1; < 8 1.5;
/// - platelets: ≥ 100 ×10⁹/L 0; 50 to < 100 0.5; < 50 1;
/// - ANC: ≥ 0.8 ×10⁹/L 0; < 0.8 0.5.
/// Categories: very low ≤ 1.5; low > 1.5–3; intermediate > 3–4.5; high > 4.5–6; very high > 6.
/// Inputs at diagnosis (RiskInputs window). A missing input adds its whole point range.
public enum IPSSR {
    public static let scheme = "IPSS-R"
    public static let version = "Greenberg 2012"
    public static let ladder = CategoryLadder(names: ["very-low", "low", "intermediate", "high", "very-high"],
                                              bounds: [1.5, 3, 4.5, 6], strictUpper: false)

    public static func blastPoints(_ b: Double) -> Double { b <= 2 ? 0 : b < 5 ? 1 : b <= 10 ? 2 : 3 }
    public static func haemoglobinPoints(_ hb: Double) -> Double { hb >= 10 ? 0 : hb >= 8 ? 1 : 1.5 }
    public static func plateletPoints(_ p: Double) -> Double { p >= 100 ? 0 : p >= 50 ? 0.5 : 1 }
    public static func ancPoints(_ a: Double) -> Double { a >= 0.8 ? 0 : 0.5 }

    /// The score from the five inputs (nil: not recorded).
    public static func assess(cytogenetics: (group: IPSSRCytogenetics, reason: String)?, marrowBlasts: Double?,
                              haemoglobin: Double?, platelets: Double?, anc: Double?) -> SchemeRiskAssessment {
        var s = PointScore()
        if let c = cytogenetics {
            s.add(c.group.points, "cytogenetics \(c.group.name) (\(c.reason)): \(RiskInputs.number(c.group.points))")
        } else { s.addMissing(0...4, "karyotype at diagnosis") }
        if let b = marrowBlasts { s.add(blastPoints(b), "marrow blasts \(RiskInputs.number(b)) %: \(RiskInputs.number(blastPoints(b)))") }
        else { s.addMissing(0...3, "marrow blasts at diagnosis") }
        if let h = haemoglobin { s.add(haemoglobinPoints(h), "haemoglobin \(RiskInputs.number(h)) g/dL: \(RiskInputs.number(haemoglobinPoints(h)))") }
        else { s.addMissing(0...1.5, "haemoglobin at diagnosis") }
        if let p = platelets { s.add(plateletPoints(p), "platelets \(RiskInputs.number(p)) ×10⁹/L: \(RiskInputs.number(plateletPoints(p)))") }
        else { s.addMissing(0...1, "platelets at diagnosis") }
        if let a = anc { s.add(ancPoints(a), "ANC \(RiskInputs.number(a)) ×10⁹/L: \(RiskInputs.number(ancPoints(a)))") }
        else { s.addMissing(0...0.5, "ANC at diagnosis") }
        return ladder.assessment(scheme: scheme, version: version, s)
    }

    static func assess(_ inputs: RiskInputs) -> SchemeRiskAssessment {
        assess(cytogenetics: IPSSRCytogenetics.classify(inputs.patient), marrowBlasts: inputs.marrowBlastsAtDiagnosis,
               haemoglobin: inputs.labAtDiagnosis("hemoglobin")?.value, platelets: inputs.labAtDiagnosis("platelets")?.value,
               anc: inputs.labAtDiagnosis("ANC")?.value)
    }
}
