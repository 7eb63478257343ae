import CaseModel
import Foundation

/// Deterministic synthetic patients for consistency checks (not clinical data).
struct SyntheticPatients {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 { state = state &* 6364136223846793005 &+ 1442695040888963407; return state >> 33 }
    mutating func int(_ r: ClosedRange<Int>) -> Int { r.lowerBound + Int(next() % UInt64(r.count)) }
    mutating func chance(_ p: Double) -> Bool { Double(next() % 10_000) / 10_000 < p }
    mutating func pick<T>(_ xs: [T]) -> T { xs[int(0...(xs.count - 1))] }

    static let genes = ["NPM1", "FLT3", "IDH1", "IDH2", "TP53", "DNMT3A", "TET2", "ASXL1", "RUNX1", "CEBPA", "KIT", "NRAS", "KRAS",
                        "JAK2", "CALR", "MPL", "SF3B1", "SRSF2", "U2AF1", "ABL1", "IKZF1", "NOTCH1", "DDX41", "GATA2"]

    mutating func patient(_ i: Int, today: LocalDate) -> Patient {
        let cat = pick(DiagnosisCategory.allCases)
        let dx = today.adding(days: -int(10...900))
        var p = Patient(id: "SYN-\(i)", sex: pick([.female, .male]), birthDate: today.adding(days: -int(365...(365 * 90))),
                        diagnoses: [Diagnosis(date: dx, category: cat, who2022: chance(0.5) ? "AML with NPM1 mutation" : nil,
                                              oncotree: chance(0.5) ? pick(["AMLNPM1", "AMLMRC", "MDSEB", "PV", "BLLBCRABL1", "CMLBCRABL1"]) : nil)])
        p.diseaseStatus = [DiseaseStatusEntry(date: dx, status: .newlyDiagnosed)]
        if chance(0.6) { p.diseaseStatus.append(DiseaseStatusEntry(date: dx.adding(days: 40), status: pick(DiseaseStatus.allCases))) }
        if chance(0.8) {
            let panel = Array(Self.genes.shuffled(using: &self).prefix(int(5...20)))
            p.testedGenes = [GenePanel(date: dx, assay: "ngs", tissue: .bm, genes: panel)]
            for g in panel where chance(0.2) {
                p.variants.append(Variant(gene: g, date: dx, hgvsp: chance(0.5) ? "p.Arg132His" : "p.V617F",
                                          consequence: pick(VariantConsequence.allCases), vaf: chance(0.9) ? Double(int(1...50)) / 100 : nil,
                                          origin: chance(0.05) ? .germline : .somatic))
            }
        }
        if chance(0.7) { p.karyotypes = [Karyotype(date: dx, tissue: .bm, abnormalities: chance(0.5) ? [] : [pick(["-7", "del(5q)", "t(9;22)(q34;q11.2)", "t(8;21)(q22;q22.1)", "+8"])])] }
        if chance(0.2) { p.fusions = [Fusion(date: dx, name: pick(["BCR::ABL1", "KMT2A::MLLT3", "PML::RARA", "RUNX1::RUNX1T1"]))] }
        for t in ["bilirubin", "ALT", "creatinine", "platelets", "ANC", "hemoglobin", "LVEF", "WBC"] where chance(0.8) {
            p.labs.append(LabResult(date: today.adding(days: -int(0...60)), test: t, value: Double(int(1...200)), unit: t == "hemoglobin" ? "g/dL" : (t == "LVEF" ? "%" : (["platelets", "ANC", "WBC"].contains(t) ? "G/L" : (t == "bilirubin" || t == "creatinine" ? "µmol/L" : "U/L")))))
        }
        if chance(0.8) { p.performanceStatus = [PerformanceStatus(date: today.adding(days: -int(0...90)), ecog: int(0...4))] }
        if chance(0.6) {
            p.therapies = [Therapy(start: dx.adding(days: 5), end: dx.adding(days: 35), regimen: "x",
                                   agents: [pick(["venetoclax", "azacitidine", "midostaurin", "imatinib", "daunorubicin", "ruxolitinib"])],
                                   intent: .induction, line: chance(0.5) ? int(1...3) : nil)]
        }
        if chance(0.1) { p.transplants = [Transplant(date: today.adding(days: -int(10...400)), type: .allogeneic)] }
        if chance(0.3) { p.mrd = [MRDResult(date: today.adding(days: -int(1...100)), marker: pick(["NPM1", "BCR::ABL1", "MFC"]), method: .qPCR, tissue: pick([.pb, .bm]), detected: chance(0.5), value: 0.001)] }
        if chance(0.1) { p.comorbidities = [pick(["active-infection", "hiv", "hbv", "heart-failure", "pregnancy"])] }
        return p
    }
}

extension SyntheticPatients: RandomNumberGenerator {}
