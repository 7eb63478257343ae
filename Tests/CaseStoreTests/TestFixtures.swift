import CaseModel
@testable import CaseStore
import Foundation

/// Small hand-made patients and files for the store tests.
enum TestFixtures {
    static func date(_ s: String) -> LocalDate {
        guard let d = LocalDate(s) else { fatalError("bad test date \(s)") }
        return d
    }

    static func patient(_ id: String, variants: Int = 1) -> Patient {
        Patient(id: id, identity: Identity(mrn: "DEMO-\(id)", family: "Testeur", given: "Aline"), sex: .female,
                birthDate: date("1960-02-29"), site: "Hôpital Test",
                diagnoses: [Diagnosis(date: date("2026-01-10"), category: .aml, who2022: "AML with NPM1 mutation", blastsBM: 45,
                                      therapyRelated: false)],
                diseaseStatus: [DiseaseStatusEntry(date: date("2026-01-10"), status: .newlyDiagnosed),
                                DiseaseStatusEntry(date: date("2026-02-20"), status: .cr)],
                karyotypes: [Karyotype(date: date("2026-01-10"), tissue: .bm, iscn: "46,XX[20]", abnormalities: [])],
                fusions: [Fusion(date: date("2026-01-10"), name: "RUNX1::RUNX1T1", method: "RT-PCR")],
                variants: (0..<variants).map { i in
                    Variant(gene: i == 0 ? "NPM1" : "GENE\(i)", date: date("2026-01-10"), hgvsc: "NM_002520.7:c.860_863dup",
                            hgvsp: "p.(Trp288CysfsTer12)", consequence: .frameshift, vaf: 0.41, origin: .somatic, tissue: .bm,
                            classification: .pathogenic)
                },
                testedGenes: [GenePanel(date: date("2026-01-10"), assay: "NGS myeloid", tissue: .bm, genes: ["NPM1", "FLT3", "CEBPA"])],
                mrd: [MRDResult(date: date("2026-03-01"), marker: "NPM1", method: .qPCR, tissue: .pb, detected: true, value: 0.0012,
                                sensitivity: 1e-5, controlCopies: 54000),
                      MRDResult(date: date("2026-05-01"), marker: "NPM1", method: .qPCR, tissue: .pb, detected: false,
                                sensitivity: 1e-5, controlCopies: 8000)],
                labs: [LabResult(date: date("2026-11-01"), test: "bilirubin", value: 12, unit: "µmol/L")],
                performanceStatus: [PerformanceStatus(date: date("2026-11-01"), ecog: 1)],
                therapies: [Therapy(start: date("2026-01-12"), end: date("2026-02-10"), regimen: "7+3",
                                    agents: ["daunorubicin", "cytarabine"], intent: .induction, line: 1, response: "CR")],
                transplants: [Transplant(date: date("2026-06-01"), type: .allogeneic, donor: "matched sibling", gvhd: .acute)],
                familyHistory: [FamilyHistoryEntry(relation: .sibling, condition: "AML", ageAtDiagnosis: 50)],
                clinicalFeatures: ["nail-dystrophy"], comorbidities: ["hbv"],
                followUps: [FollowUp(id: "t1", due: date("2026-12-01"), kind: "MRD sample", note: "PB", done: nil),
                            FollowUp(due: date("2026-10-01"), kind: "clinic visit", doneFlag: true)])
    }

    /// `p` as the store returns it: explicit follow-ups carry their assigned task id.
    static func stored(_ p: Patient) -> Patient {
        var q = p
        q.followUps = p.followUps.map { var f = $0; f.id = AppDatabase.taskID(patientId: p.id, followUp: $0); return f }
        return q
    }

    static func tempDirectory() -> URL {
        let u = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("casestore-tests-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: u, withIntermediateDirectories: true)
        return u
    }

    /// A minimal valid case file with the given patient JSON objects (as text).
    static func caseFile(_ patients: [String], format: String = "\"caseboard-cases\"", version: String = "1") -> Data {
        Data("{\"format\": \(format), \"version\": \(version), \"patients\": [\(patients.joined(separator: ","))]}".utf8)
    }

    static let minimalPatient = """
    {"id": "P-1", "sex": "male", "birthDate": "1970-05-04", "diagnoses": [{"date": "2026-01-10", "category": "AML"}]}
    """
}
