import CaseModel

/// Small builders for test patients.
enum Fixtures {
    static func d(_ s: String) -> LocalDate {
        guard let v = LocalDate(s) else { fatalError("bad test date \(s)") }
        return v
    }

    static let dx = d("2026-01-10")
    static let today = d("2026-06-01")

    /// Genes covered by the standard myeloid panel of the fixtures.
    static let myeloidPanel = ["NPM1", "FLT3", "CEBPA", "TP53", "KIT", "ASXL1", "BCOR", "EZH2", "RUNX1", "SF3B1",
                               "SRSF2", "STAG2", "U2AF1", "ZRSR2", "IDH1", "IDH2", "NRAS", "KRAS", "DDX41", "KMT2A"]

    static func v(_ gene: String, _ consequence: VariantConsequence? = nil, vaf: Double? = 0.35, domain: String? = nil,
                  origin: VariantOrigin = .unknown, tissue: SampleTissue? = .bm, date: LocalDate = dx,
                  hgvsc: String? = nil, classification: VariantClassification? = .pathogenic) -> Variant {
        Variant(gene: gene, date: date, hgvsc: hgvsc, consequence: consequence, domain: domain, vaf: vaf, origin: origin,
                tissue: tissue, classification: classification)
    }

    /// An AML patient with a karyotype (nil: none done), variants, fusions and the full myeloid panel.
    static func aml(karyotype: [String]? = [], variants: [Variant] = [], fusions: [String] = [],
                    panel: [String] = myeloidPanel, category: DiagnosisCategory = .aml,
                    birth: String = "1963-04-02", id: String = "T-AML-1") -> Patient {
        Patient(id: id, sex: .female, birthDate: d(birth), site: "Saint-Louis",
                diagnoses: [Diagnosis(date: dx, category: category)],
                karyotypes: karyotype.map { [Karyotype(date: dx, tissue: .bm, abnormalities: $0)] } ?? [],
                fusions: fusions.map { Fusion(date: dx, name: $0, method: "RT-PCR") },
                variants: variants,
                testedGenes: panel.isEmpty ? [] : [GenePanel(date: dx, assay: "myeloid NGS", tissue: .bm, genes: panel)])
    }

    static let npm1 = v("NPM1", .frameshift, vaf: 0.41)
    static let flt3ITD = v("FLT3", .itd, vaf: 0.2)
}
