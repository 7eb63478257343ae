import CaseModel
import Foundation
@testable import TrialEngine

/// Synthetic patients built for one atom so that it can come out met, not met and unknown (issue 10: the
/// differential floor). Each builder varies one thing on a bare patient (AML diagnosed 100 days ago, born 1960,
/// nothing else recorded) or on a patient with no diagnosis; which outcome each variant gives is left to the
/// evaluators — AtomCoverageTests checks that the three outcomes are reached and that both paths agree.
enum AtomWitnesses {
    static func bare(_ id: String, today: LocalDate, category: DiagnosisCategory = .aml) -> Patient {
        Patient(id: id, sex: .female, birthDate: LocalDate("1960-05-05"),
                diagnoses: [Diagnosis(date: today.adding(days: -100), category: category)])
    }

    /// Values on both sides of (and at) a threshold.
    static func around(_ v: Double) -> [Double] { [v, v * 2, v / 2, v + 1, v - 1, v + 0.01, v - 0.01, 0, v * 10 + 5] }

    static func patients(for p: TrialEngine.Predicate, today: LocalDate) -> [Patient] {
        let base = bare("W", today: today)
        var none = base; none.diagnoses = []
        var noBirth = base; noBirth.birthDate = nil
        var out: [Patient] = [none, noBirth, base]
        func with(_ change: (inout Patient) -> Void) { var q = base; change(&q); out.append(q) }
        let recent = today.adding(days: -3)
        switch p {
        case .age(_, let v):
            for a in [v, v + 1, v - 1, 0, 17, 18, 40, 60, 75, 90].map({ Int(max(0, min(110, $0))) }) {
                with { $0.birthDate = today.adding(days: -(a * 366 + 10)) }
            }
        case .ageRange(let lo, let hi):
            for a in [lo, hi, lo - 1, hi + 1, max(0, lo - 5)].map({ max(0, min(110, $0)) }) {
                with { $0.birthDate = today.adding(days: -(a * 366 + 10)) }
            }
        case .sex:
            for s in Sex.allCases { with { $0.sex = s } }
        case .diagnosis, .liquid, .oncotree, .label, .diagnosisFlag:
            for c in DiagnosisCategory.allCases { with { $0.diagnoses[0].category = c } }
            if case .oncotree(let code?, _, _) = p {
                var codes = [code] + OncoTreeSubtype.strictAncestors(code)
                if let child = OncoTree.parent.first(where: { $0.value == code })?.key { codes.append(child) }
                codes.append("PV")
                for c in codes { with { $0.diagnoses[0].oncotree = c } }
            }
            if case .label(let icc, let text, _) = p {
                for l in [text, text + " x", "other"] { with { if icc { $0.diagnoses[0].icc2022 = l } else { $0.diagnoses[0].who2022 = l } } }
            }
            if case .diagnosisFlag(let flag) = p {
                for v in [true, false] {
                    with {
                        switch flag {
                        case .therapyRelated: $0.diagnoses[0].therapyRelated = v
                        case .postMDS: $0.diagnoses[0].postMDS = v
                        case .postMPN: $0.diagnoses[0].postMPN = v
                        }
                    }
                }
            }
        case .status(let sels):
            for s in DiseaseStatus.allCases { with { $0.diseaseStatus = [DiseaseStatusEntry(date: recent, status: s)] } }
            if sels.contains(StatusSelector.firstRemission) {
                with { $0.diseaseStatus = [DiseaseStatusEntry(date: today.adding(days: -50), status: .relapsed), DiseaseStatusEntry(date: recent, status: .cr)] }
            }
        case .priorLines(let lo, let hi):
            for n in Set([min(lo, 19), min(hi, 19), max(0, min(lo, 19) - 1), min(hi, 18) + 1, 0, 1, 2, 3]).sorted() {
                with { q in
                    q.therapies = n == 0 ? [Therapy(start: recent, regimen: "supportive", agents: ["transfusion"], intent: .supportive, line: 0)]
                        : [Therapy(start: today.adding(days: -60), regimen: "x", agents: ["cytarabine"], intent: .induction, line: n)]
                }
            }
        case .prior(let agents, _, _, let within):
            if let a = agents.first {
                with { $0.therapies = [Therapy(start: today.adding(days: -20), end: recent, regimen: a, agents: [a], intent: .induction, line: 1)] }
                let old = (within ?? 400) + 30
                with { $0.therapies = [Therapy(start: today.adding(days: -old - 30), end: today.adding(days: -old), regimen: a, agents: [a], intent: .induction, line: 1)] }
            }
            with { $0.therapies = [Therapy(start: today.adding(days: -20), end: recent, regimen: "other", agents: ["cytarabine"], intent: .induction, line: 1)] }
        case .transplant(let type, let within):
            for t in TransplantType.allCases {
                with { $0.transplants = [Transplant(date: recent, type: t)] }
                with { $0.transplants = [Transplant(date: today.adding(days: -((within ?? 300) + 40)), type: t)] }
            }
            _ = type
        case .variant(let vp):
            let panel = GenePanel(date: today.adding(days: -90), assay: "ngs", tissue: .bm, genes: [vp.gene])
            with { $0.testedGenes = [panel] }
            var proteins: [String?] = [nil]
            if let pr = vp.protein {
                let alt = pr.reference.count == 1 ? "C" : "Cys"
                proteins += [pr.description, "p.\(pr.reference)\(pr.position)\(pr.isWildcard ? alt : pr.change)",
                             "p.\(pr.reference)\(pr.position + 1)\(alt)"]
            }
            let consequences: [VariantConsequence?] = (vp.consequences.first.map { [$0] } ?? []) + [nil, .missense, .nonsense]
            var vafs: [Double?] = [0.4, nil]
            if let v = vp.vaf {
                let candidates: [Double] = around(v.1).filter { $0 > 0 && $0 <= 1 }
                vafs = [nil] + candidates.map { Optional($0) }
            }
            let origins: [VariantOrigin] = vp.origin.map { [$0, .unknown, $0 == .germline ? .somatic : .germline] } ?? [.somatic, .unknown]
            for pr in proteins { for c in consequences { for v in vafs.prefix(4) { for o in origins {
                with { q in
                    q.testedGenes = [panel]
                    q.variants = [Variant(gene: vp.gene, date: today.adding(days: -90), hgvsp: pr, consequence: c, vaf: v, origin: o)]
                }
            } } } }
            with { $0.variants = [Variant(gene: vp.gene, date: today.adding(days: -90), consequence: .missense, vaf: 0.3, origin: .unknown)] }
        case .tested(let g), .wildtype(let g):
            with { $0.testedGenes = [GenePanel(date: today.adding(days: -90), assay: "ngs", genes: [g])] }
            with { $0.variants = [Variant(gene: g, date: today.adding(days: -90), consequence: .missense, vaf: 0.3, origin: .somatic)] }
        case .fusion(let a, let b):
            let name = "\(a ?? "XYZ")::\(b ?? "ABC")"
            with { $0.fusions = [Fusion(date: today.adding(days: -90), name: name)] }
            with { $0.testedGenes = [GenePanel(date: today.adding(days: -90), assay: "ngs", genes: [a, b].compactMap { $0 })] }
            with { $0.testedFusions = [FusionPanel(date: today.adding(days: -90), assay: "rna", genes: [a, b].compactMap { $0 })] }
        case .karyotype(let sel):
            var sets: [[String]] = [[], ["+8"], ["-7", "-5", "+8"], ["-7", "-17", "+8", "+21"], ["-7"]]
            if case .lesion(let l) = sel { sets += [[l], ["t(9;11)(p21.3;q23.3)"], ["t(6;11)(q27;q23.3)"], [l, "+8", "-7"]] }
            for s in sets { with { $0.karyotypes = [Karyotype(date: today.adding(days: -90), tissue: .bm, abnormalities: s)] } }
        case .eln, .risk:
            break  // reached by the synthetic sample (they depend on ClinicalRules' whole interpretation)
        case .mrd(let marker, let tissue, _):
            let t = tissue ?? .bm
            for m in MRDMethod.allCases {
                with { $0.mrd = [MRDResult(date: recent, marker: marker, method: m, tissue: t, detected: true, value: 0.01)] }
                with { $0.mrd = [MRDResult(date: recent, marker: marker, method: m, tissue: t, detected: false, sensitivity: 1e-5)] }
                with { $0.mrd = [MRDResult(date: today.adding(days: -60), marker: marker, method: m, tissue: t, detected: true, value: 1e-4),
                                 MRDResult(date: recent, marker: marker, method: m, tissue: t, detected: true, value: 1e-2)] }
            }
        case .lab(let test, _, let v, _, let unit, let within):
            for x in around(v) where x >= 0 { with { $0.labs = [LabResult(date: recent, test: test, value: x, unit: unit)] } }
            if let w = within { with { $0.labs = [LabResult(date: today.adding(days: -w - 10), test: test, value: v, unit: unit)] } }
        case .ecog(_, _, let within):
            for e in 0...4 { with { $0.performanceStatus = [PerformanceStatus(date: recent, ecog: e)] } }
            if let w = within { with { $0.performanceStatus = [PerformanceStatus(date: today.adding(days: -w - 10), ecog: 0)] } }
        case .comorbidity(let tag):
            with { $0.comorbidities = [tag] }
            with { $0.comorbiditiesReviewed = today.adding(days: -10) }
        case .feature(let tag):
            with { $0.clinicalFeatures = [tag] }
        case .germline(_, let gene):
            let g = gene ?? "DDX41"
            with { $0.variants = [Variant(gene: g, date: today.adding(days: -90), consequence: .frameshift, vaf: 0.5, origin: .germline)] }
            with { $0.variants = [Variant(gene: g, date: today.adding(days: -90), consequence: .frameshift, vaf: 0.48, origin: .unknown)] }
            with { $0.variants = [Variant(gene: g, date: today.adding(days: -90), consequence: .frameshift, vaf: 0.48, origin: .unknown, tissue: .skinFibroblast)] }
            with { $0.testedGenes = [GenePanel(date: today.adding(days: -90), assay: "germline", tissue: .skinFibroblast, genes: [g])] }
        case .unmapped:
            break
        }
        for (i, _) in out.enumerated() { out[i].id = "W-\(i)" }
        return out
    }
}
