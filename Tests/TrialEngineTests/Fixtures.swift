import CaseModel
import ClinicalRules
import Foundation
@testable import TrialEngine

enum Fx {
    static let today = LocalDate("2026-03-01")!
    static func d(_ s: String) -> LocalDate { LocalDate(s)! }

    static var repoRoot: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    }

    /// A 63-year-old man with NPM1-mutated AML, tested on a myeloid panel (FLT3 covered, negative), in CR1.
    static func npm1() -> Patient {
        Patient(id: "SL-AML-T1", sex: .male, birthDate: d("1962-06-15"),
                diagnoses: [Diagnosis(date: d("2026-01-10"), category: .aml, who2022: "AML with NPM1 mutation",
                                      icc2022: "AML with mutated NPM1", oncotree: "AMLNPM1")],
                diseaseStatus: [DiseaseStatusEntry(date: d("2026-01-10"), status: .newlyDiagnosed),
                                DiseaseStatusEntry(date: d("2026-02-20"), status: .cr)],
                karyotypes: [Karyotype(date: d("2026-01-10"), tissue: .bm, abnormalities: [])],
                variants: [Variant(gene: "NPM1", date: d("2026-01-10"), hgvsc: "NM_002520.7:c.860_863dup",
                                   hgvsp: "p.(Trp288CysfsTer12)", consequence: .frameshift, vaf: 0.41, origin: .somatic, tissue: .bm),
                           Variant(gene: "IDH1", date: d("2026-01-10"), hgvsp: "p.Arg132His", vaf: 0.12, tissue: .bm)],
                testedGenes: [GenePanel(date: d("2026-01-10"), assay: "myeloid-ngs", tissue: .bm,
                                        genes: ["NPM1", "FLT3", "IDH1", "IDH2", "TP53", "DNMT3A", "CEBPA"])],
                mrd: [MRDResult(date: d("2026-02-10"), marker: "NPM1", method: .qPCR, tissue: .pb, detected: true, value: 0.001),
                      MRDResult(date: d("2026-02-25"), marker: "NPM1", method: .qPCR, tissue: .pb, detected: true, value: 0.02)],
                labs: [LabResult(date: d("2026-02-25"), test: "bilirubin", value: 1.1, unit: "mg/dL"),
                       LabResult(date: d("2026-01-02"), test: "ALT", value: 30, unit: "U/L"),
                       LabResult(date: d("2026-02-26"), test: "platelets", value: 80000, unit: "/µL")],
                performanceStatus: [PerformanceStatus(date: d("2025-11-02"), ecog: 1)],
                therapies: [Therapy(start: d("2026-01-12"), end: d("2026-02-10"), regimen: "7+3 + midostaurin",
                                    agents: ["daunorubicin", "cytarabine", "midostaurin"], intent: .induction, line: 1)],
                comorbidities: ["hbv"])
    }

    static func facts(_ p: Patient, eln: RiskAssessment? = nil, flags: [GermlineFlag] = [], mrd: [MRDSeriesAssessment] = []) -> PatientFacts {
        let i = Interpretation(eln2022: eln, eln2024LessIntensive: nil, germline: GermlineAssessment(testingRecommended: false, flags: flags),
                               mrd: mrd, followUps: [])
        return PatientFacts(patient: p, interpretation: i, today: today)
    }

    static func eval(_ rule: String, _ f: PatientFacts) throws -> CriterionResult {
        Evaluator.result(try RuleParser.parse(rule), f)
    }

    static func explain(_ rule: String, _ f: PatientFacts) throws -> (CriterionResult, String) {
        let (r, why) = Evaluator.explain(try RuleParser.parse(rule), f)
        return (r, ReasonText.join(why, f))
    }
}
