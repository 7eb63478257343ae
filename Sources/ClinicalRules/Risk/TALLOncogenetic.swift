import CaseModel

/// The T-ALL oncogenetic classifiers of the GRAALL (Asnafi team), shipped as two separate versions:
///
/// - `T-ALL-GRAALL-2013` (Trinquand et al., J Clin Oncol 2013;31:4333) [C]: low risk = NOTCH1 and/or
///   FBXW7 mutated, without NRAS/KRAS mutation and without PTEN mutation or deletion; otherwise high
///   risk. GRAALL-2014/T combines it with post-induction MRD ≥ 10⁻⁴ (see ALL-MRD).
/// - `T-ALL-NGS-2024` (Blood 2024;144:1570) [C]: low risk = a NOTCH1, FBXW7, PHF6 or EP300 mutation and
///   no alteration of NRAS, KRAS, PTEN, PIK3CA, PIK3R1, TP53, DNMT3A, IDH1, IDH2 or IKZF1. "Alteration"
///   is a mutation, and for PTEN and IKZF1 also a deletion (copy number must be assessed); a recorded
///   copy-number loss of any exclusion gene counts. [U] exact variant classes per gene.
///
/// A low-risk verdict needs every exclusion gene tested; an absent driver (all tested wild type) or an
/// exclusion lesion is high risk whatever else is untested (clinical-next.md §1).
public enum TALLOncogenetic {
    public static let scheme2013 = "T-ALL-GRAALL-2013"
    public static let version2013 = "Trinquand 2013"
    public static let scheme2024 = "T-ALL-NGS-2024"
    public static let version2024 = "Blood 2024;144:1570"

    public static let drivers2013 = ["NOTCH1", "FBXW7"]
    public static let drivers2024 = ["NOTCH1", "FBXW7", "PHF6", "EP300"]
    public static let exclusions2024 = ["NRAS", "KRAS", "PTEN", "PIK3CA", "PIK3R1", "TP53", "DNMT3A", "IDH1", "IDH2", "IKZF1"]

    static func graall2013(_ r: RiskInputs) -> SchemeRiskAssessment {
        DriverExclusionClassifier(scheme: scheme2013, version: version2013,
                                  drivers: drivers2013.map { GeneAlteration.of($0, r) },
                                  exclusions: [GeneAlteration.of("NRAS", r), GeneAlteration.of("KRAS", r),
                                               GeneAlteration.of("PTEN", r, deletion: true)]).assess()
    }

    static func ngs2024(_ r: RiskInputs) -> SchemeRiskAssessment {
        DriverExclusionClassifier(scheme: scheme2024, version: version2024,
                                  drivers: drivers2024.map { GeneAlteration.of($0, r) },
                                  exclusions: exclusions2024.map { GeneAlteration.of($0, r, deletion: $0 == "PTEN" || $0 == "IKZF1") }).assess()
    }

    /// Public entry points for a patient (used by tests and front ends).
    public static func graall2013(_ p: Patient, today: LocalDate) -> SchemeRiskAssessment { graall2013(RiskInputs(p, today: today)) }
    public static func ngs2024(_ p: Patient, today: LocalDate) -> SchemeRiskAssessment { ngs2024(RiskInputs(p, today: today)) }
}
