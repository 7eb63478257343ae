import CaseModel

/// Builders for the non-AML risk-scheme tests.
enum RiskFixtures {
    typealias F = Fixtures

    static func lab(_ test: String, _ value: Double, _ unit: String, date: LocalDate = F.dx) -> LabResult {
        LabResult(date: date, test: test, value: value, unit: unit)
    }

    static func finding(_ kind: String, _ value: ClinicalFinding.Value, date: LocalDate = F.dx) -> ClinicalFinding {
        ClinicalFinding(date: date, kind: kind, value: value)
    }

    static func patient(_ category: DiagnosisCategory, who: String? = nil, birth: String = "1960-03-01", blastsBM: Double? = nil,
                        blastsPB: Double? = nil, karyotype: [String]? = nil, variants: [Variant] = [], panel: [String] = [],
                        copyNumberPanel: [String] = [], copyNumber: [CopyNumberFinding] = [], labs: [LabResult] = [],
                        findings: [ClinicalFinding] = [], fusions: [String] = []) -> Patient {
        var tested: [GenePanel] = []
        if !panel.isEmpty { tested.append(GenePanel(date: F.dx, assay: "NGS", tissue: .bm, genes: panel)) }
        if !copyNumberPanel.isEmpty { tested.append(GenePanel(date: F.dx, assay: "MLPA", tissue: .bm, genes: copyNumberPanel, copyNumber: true)) }
        return Patient(id: "T-\(category.rawValue)", sex: .male, birthDate: F.d(birth),
                       diagnoses: [Diagnosis(date: F.dx, category: category, who2022: who, blastsBM: blastsBM, blastsPB: blastsPB)],
                       karyotypes: karyotype.map { [Karyotype(date: F.dx, tissue: .bm, abnormalities: $0)] } ?? [],
                       fusions: fusions.map { Fusion(date: F.dx, name: $0) },
                       variants: variants, testedGenes: tested, labs: labs, copyNumber: copyNumber, findings: findings)
    }

    static func del(_ gene: String, _ call: CopyNumberFinding.Call = .deletion) -> CopyNumberFinding {
        CopyNumberFinding(date: F.dx, gene: gene, call: call, method: "MLPA")
    }
}
