import CaseModel
import Foundation

/// Sokal score for CML at diagnosis (Sokal et al., Blood 1984;63:789) [C]:
/// exp(0.0116 × (age − 43.4) + 0.0345 × (spleen − 7.51) + 0.188 × ((platelets/700)² − 0.563)
/// + 0.0887 × (blasts − 2.10)); age in years, spleen in cm below the costal margin, platelets ×10⁹/L,
/// peripheral blasts %. Low < 0.8 ≤ intermediate ≤ 1.2 < high.
public enum Sokal {
    public static let scheme = "Sokal"
    public static let version = "Sokal 1984"
    public static let ladder = CategoryLadder(names: ["low", "intermediate", "high"], bounds: [0.8, 1.2], strict: [true, false])

    public static func score(age: Double, spleen: Double, blasts: Double, platelets: Double) -> Double {
        exp(0.0116 * (age - 43.4) + 0.0345 * (spleen - 7.51) + 0.188 * (pow(platelets / 700, 2) - 0.563) + 0.0887 * (blasts - 2.10))
    }

    public static func assess(age: Double, spleen: Double?, blasts: Double?, platelets: Double?) -> SchemeRiskAssessment {
        assess(CMLInputs(age: age, spleen: spleen, blasts: blasts, platelets: platelets))
    }

    static func assess(_ i: CMLInputs) -> SchemeRiskAssessment {
        i.assessment(scheme: scheme, version: version, ladder: ladder) { score(age: $0, spleen: $1, blasts: $2, platelets: $3) }
    }

    static func assess(_ r: RiskInputs) -> SchemeRiskAssessment { assess(CMLInputs(r)) }
}
