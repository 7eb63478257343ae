import CaseModel
import Foundation

/// EUTOS long-term survival score for chronic-phase CML at diagnosis (Pfirrmann et al., Leukemia
/// 2016;30:48) [C]: 0.0025 × (age/10)³ + 0.0615 × spleen (cm below the costal margin) + 0.1052 ×
/// peripheral blasts (%) + 0.4104 × (platelets ×10⁹/L / 1000)^−0.5. Low ≤ 1.5680 < intermediate ≤ 2.2185 < high.
public enum ELTS {
    public static let scheme = "ELTS"
    public static let version = "Pfirrmann 2016"
    public static let ladder = CategoryLadder(names: ["low", "intermediate", "high"], bounds: [1.5680, 2.2185], strictUpper: false)

    public static func score(age: Double, spleen: Double, blasts: Double, platelets: Double) -> Double {
        0.0025 * pow(age / 10, 3) + 0.0615 * spleen + 0.1052 * blasts + 0.4104 * pow(platelets / 1000, -0.5)
    }

    public static func assess(age: Double, spleen: Double?, blasts: Double?, platelets: Double?) -> SchemeRiskAssessment {
        assess(CMLInputs(age: age, spleen: spleen, blasts: blasts, platelets: platelets))
    }

    static func assess(_ i: CMLInputs) -> SchemeRiskAssessment {
        i.assessment(scheme: scheme, version: version, ladder: ladder) { score(age: $0, spleen: $1, blasts: $2, platelets: $3) }
    }

    static func assess(_ r: RiskInputs) -> SchemeRiskAssessment { assess(CMLInputs(r)) }
}
