import XCTest
import CaseModel
@testable import ClinicalRules

/// Follow-up schedules of clinical-reference.md §2e.
final class FollowUpSchedulerTests: XCTestCase {
    typealias F = Fixtures

    func testStatusEdges() {
        let today = F.d("2026-06-01")
        XCTAssertEqual(FollowUpScheduler.status(due: F.d("2026-05-31"), done: false, today: today), .overdue)
        XCTAssertEqual(FollowUpScheduler.status(due: today, done: false, today: today), .dueSoon)
        XCTAssertEqual(FollowUpScheduler.status(due: today.adding(days: 14), done: false, today: today), .dueSoon)
        XCTAssertEqual(FollowUpScheduler.status(due: today.adding(days: 15), done: false, today: today), .upcoming)
        XCTAssertEqual(FollowUpScheduler.status(due: F.d("2026-01-01"), done: true, today: today), .done)
    }

    func allo(_ date: String, gvhd: GVHDState = .none, followUps: [FollowUp] = []) -> Patient {
        var p = F.aml(id: "SL-AML-0042")
        p.transplants = [Transplant(date: F.d(date), type: .allogeneic, gvhd: gvhd)]
        p.followUps = followUps
        return p
    }

    func testPostAlloVaccinationFromMajhailTableA() {
        let tasks = FollowUpScheduler.tasks(for: allo("2026-01-15"), today: F.d("2026-03-01"))
        let byID = Dictionary(tasks.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        XCTAssertEqual(byID["SL-AML-0042:allo-vacc-m3"]?.due, F.d("2026-04-15"), "PCV from 3 months")
        XCTAssertEqual(byID["SL-AML-0042:allo-vacc-m5"]?.due, F.d("2026-06-15"))
        XCTAssertEqual(byID["SL-AML-0042:allo-vacc-m6"]?.due, F.d("2026-07-15"), "Tdap from 6 months")
        XCTAssertEqual(byID["SL-AML-0042:allo-vacc-m12"]?.due, F.d("2027-01-15"))
        XCTAssertEqual(byID["SL-AML-0042:allo-vacc-flu-1"]?.due, F.d("2026-05-15"), "influenza from 4 months")
        XCTAssertEqual(byID["SL-AML-0042:allo-vacc-flu-1"]?.repeatDays, 365)
        XCTAssertEqual(byID["SL-AML-0042:allo-vacc-m24"]?.due, F.d("2028-01-15"), "MMR at 24 months")
        XCTAssertEqual(byID["SL-AML-0042:allo-ltfu-6m"]?.due, F.d("2026-07-15"))
        XCTAssertEqual(byID["SL-AML-0042:allo-ltfu-y1"]?.due, F.d("2027-01-15"))
        XCTAssertEqual(byID["SL-AML-0042:allo-dental-y1"]?.repeatDays, 365)
        XCTAssertEqual(byID["SL-AML-0042:allo-ophthalmology-1y"]?.due, F.d("2027-01-15"))
        XCTAssertEqual(byID["SL-AML-0042:allo-vacc-m3"]?.status, .upcoming)
        XCTAssertEqual(Set(tasks.map(\.id)).count, tasks.count, "ids are unique")
        // Doses due the same month are one visit: 6 months lists Tdap, Hib, IPV, HBV and MenACWY first doses.
        let m6 = byID["SL-AML-0042:allo-vacc-m6"]?.note ?? ""
        for dose in ["Tdap 1/3", "Hib 1/3", "IPV 1/3", "HBV (per national policy) 1/3", "MenACWY (per national policy) 1/1"] {
            XCTAssertTrue(m6.contains(dose), "\(dose) in \(m6)")
        }
        XCTAssertTrue(byID["SL-AML-0042:allo-vacc-m12"]?.note?.contains("HBV (per national policy) 3/3") == true)
        XCTAssertEqual(tasks.filter { $0.kind == "vaccination" && $0.id.contains("allo-vacc-m") }.count, 8,
                       "visits at 3, 4, 5, 6, 7, 8, 12 and 24 months")
    }

    func testIdsAreDeterministic() {
        let a = FollowUpScheduler.tasks(for: allo("2026-01-15"), today: F.d("2026-03-01"))
        let b = FollowUpScheduler.tasks(for: allo("2026-01-15"), today: F.d("2026-03-01"))
        XCTAssertEqual(a, b)
    }

    func testMissedFirstInfluenzaDoseStaysOverdue() {
        let tasks = FollowUpScheduler.tasks(for: allo("2026-01-15"), today: F.d("2026-06-01"))
        XCTAssertEqual(tasks.first { $0.id == "SL-AML-0042:allo-vacc-flu-1" }?.status, .overdue)
        XCTAssertEqual(tasks.first { $0.id == "SL-AML-0042:allo-vacc-flu-2" }?.due, F.d("2027-05-15"))
        let done = FollowUp(due: F.d("2026-05-15"), kind: "vaccination", done: F.d("2026-05-16"))
        let after = FollowUpScheduler.tasks(for: allo("2026-01-15", followUps: [done]), today: F.d("2026-06-01"))
        XCTAssertNil(after.first { $0.id == "SL-AML-0042:allo-vacc-flu-1" })
    }

    func testMMRDeferredWithGVHD() {
        let tasks = FollowUpScheduler.tasks(for: allo("2026-01-15", gvhd: .chronic), today: F.d("2026-03-01"))
        XCTAssertTrue(tasks.first { $0.id.hasSuffix("allo-vacc-m24") }?.note?.contains("DEFER") == true)
    }

    func testExplicitTaskWinsOverGeneratedOne() {
        let explicit = FollowUp(id: "T1", due: F.d("2026-04-20"), kind: "re-vaccination", note: "PCV at day hospital")
        let tasks = FollowUpScheduler.tasks(for: allo("2026-01-15", followUps: [explicit]), today: F.d("2026-03-01"))
        XCTAssertNil(tasks.first { $0.id.hasSuffix("allo-vacc-m3") }, "merged into the explicit task")
        let t = tasks.first { $0.id == "T1" }
        XCTAssertEqual(t?.source, "explicit")
        XCTAssertEqual(t?.note, "PCV at day hospital")
        XCTAssertNotNil(tasks.first { $0.id.hasSuffix("allo-vacc-m4") }, "outside the window: kept")
    }

    func testExplicitDoneMarksGeneratedDone() {
        let done = FollowUp(due: F.d("2026-04-15"), kind: "vaccination", done: F.d("2026-04-16"))
        let tasks = FollowUpScheduler.tasks(for: allo("2026-01-15", followUps: [done]), today: F.d("2026-05-01"))
        XCTAssertEqual(tasks.filter { $0.status == .done }.count, 1)
        XCTAssertNil(tasks.first { $0.id.hasSuffix("allo-vacc-m3") })
    }

    func testAMLMRDPerMarkerFromCRAndLastSample() {
        var p = F.aml(variants: [F.npm1], id: "SL-AML-0001")
        p.diseaseStatus = [DiseaseStatusEntry(date: F.dx, status: .newlyDiagnosed), DiseaseStatusEntry(date: F.d("2026-02-20"), status: .cr)]
        var tasks = FollowUpScheduler.tasks(for: p, today: F.d("2026-06-01"))
        var mrd = tasks.first { $0.id == "SL-AML-0001:aml-mrd-npm1" }
        // ELN MRD working party (Schuurhuis 2018 / Heuser 2021, issue 11 point 15): marrow every 3 months,
        // anchored at the end of consolidation, here at CR as none is recorded.
        XCTAssertEqual(mrd?.due, F.d("2026-05-20"), "NPM1 BM every 3 months (ELN MRD working party)")
        XCTAssertEqual(mrd?.kind, "MRD NPM1 BM")
        p.mrd = [MRDResult(date: F.d("2026-04-01"), marker: "NPM1", method: .qPCR, tissue: .bm, detected: false, controlCopies: 50_000)]
        p.variants.append(F.flt3ITD)
        tasks = FollowUpScheduler.tasks(for: p, today: F.d("2026-06-01"))
        mrd = tasks.first { $0.id == "SL-AML-0001:aml-mrd-npm1" }
        XCTAssertEqual(mrd?.due, F.d("2026-07-01"), "NPM1 (FLT3-ITD or not) every 3 months from the last marrow sample")
        XCTAssertEqual(mrd?.repeatDays, 91)
    }

    func testAMLRemissionBloodCounts() {
        var p = F.aml(variants: [F.npm1], id: "SL-AML-0002")
        p.diseaseStatus = [DiseaseStatusEntry(date: F.d("2026-02-20"), status: .cr)]
        p.labs = [LabResult(date: F.d("2026-04-02"), test: "platelets", value: 160, unit: "G/L")]
        let t = FollowUpScheduler.tasks(for: p, today: F.d("2026-06-25")).first { $0.id == "SL-AML-0002:aml-remission-cbc" }
        XCTAssertEqual(t?.due, F.d("2026-07-02"))
        XCTAssertEqual(t?.status, .dueSoon)
        // Past the two years of remission: no more generated.
        XCTAssertNil(FollowUpScheduler.tasks(for: p, today: F.d("2028-06-25")).first { $0.id == "SL-AML-0002:aml-remission-cbc" })
    }

    func testAMLMRDIntervalsPerFusion() {
        func due(_ fusion: String, _ cat: DiagnosisCategory = .aml) -> (String?, LocalDate?) {
            var p = F.aml(fusions: [fusion], category: cat)
            p.diseaseStatus = [DiseaseStatusEntry(date: F.d("2026-02-01"), status: .cr)]
            let t = FollowUpScheduler.tasks(for: p, today: F.d("2026-02-10")).first { $0.id.contains("aml-mrd-") }
            return (t?.kind, t?.due)
        }
        // CBF: ELN MRD working party (issue 11 point 15), marrow every 3 months unless followed in blood;
        // PML::RARA keeps Ommen 2010 (BM every 2 months).
        XCTAssertEqual(due("CBFB::MYH11").1, F.d("2026-05-01"))
        XCTAssertEqual(due("CBFB::MYH11").0, "MRD CBFB::MYH11 BM")
        XCTAssertEqual(due("RUNX1::RUNX1T1").1, F.d("2026-05-01"))
        XCTAssertEqual(due("PML::RARA", .apl).1, F.d("2026-04-01"))
    }

    func testMRDConfirmationTask() {
        var p = F.aml(variants: [F.npm1], id: "SL-AML-0009")
        p.mrd = [MRDResult(date: F.d("2026-04-01"), marker: "NPM1", method: .qPCR, tissue: .pb, detected: false, controlCopies: 50_000),
                 MRDResult(date: F.d("2026-05-02"), marker: "NPM1", method: .qPCR, tissue: .pb, detected: true, value: 0.001)]
        let t = FollowUpScheduler.tasks(for: p, today: F.d("2026-05-20")).first { $0.kind == "MRD confirmation" }
        XCTAssertEqual(t?.due, F.d("2026-05-30"))
        XCTAssertEqual(t?.status, .dueSoon)
        XCTAssertEqual(t?.id, "SL-AML-0009:mrd-confirm-npm1-pb-2026-05-02")
    }

    func testALLTimePoints() {
        var p = F.aml(category: .bALL, birth: "2019-03-03", id: "SL-ALL-0001")
        p.therapies = [Therapy(start: F.d("2026-01-12"), regimen: "AIEOP-BFM induction IA", agents: ["prednisone"], intent: .induction)]
        p.mrd = [MRDResult(date: F.d("2026-01-27"), marker: "MFC", method: .MFC, tissue: .bm, detected: true, value: 0.002)]
        let tasks = FollowUpScheduler.tasks(for: p, today: F.d("2026-02-10"))
        let d15 = tasks.first { $0.id == "SL-ALL-0001:all-mrd-d15" }
        // The first day of induction is day 1 (issue 11 point 14): day 15 of a 2026-01-12 start is 2026-01-26.
        XCTAssertEqual(d15?.due, F.d("2026-01-26"))
        XCTAssertEqual(d15?.status, .done)
        XCTAssertEqual(tasks.first { $0.id == "SL-ALL-0001:all-mrd-d33" }?.due, F.d("2026-02-13"))
        XCTAssertEqual(tasks.first { $0.id == "SL-ALL-0001:all-mrd-d33" }?.status, .dueSoon)
        XCTAssertEqual(tasks.first { $0.id == "SL-ALL-0001:all-mrd-d78" }?.due, F.d("2026-03-30"))
    }

    func testCMLMilestonesThenQuarterly() {
        var p = F.aml(category: .cml, id: "SL-CML-0001")
        p.therapies = [Therapy(start: F.d("2025-01-15"), regimen: "imatinib", agents: ["imatinib"], intent: .other)]
        p.diagnoses[0].date = F.d("2025-01-10")
        p.mrd = [3, 6, 12].map { m in
            MRDResult(date: F.d("2025-01-15").adding(months: m), marker: "BCR::ABL1", method: .qPCR, tissue: .pb, detected: true, value: 0.001)
        }
        let tasks = FollowUpScheduler.tasks(for: p, today: F.d("2026-02-01"))
        XCTAssertEqual(tasks.first { $0.id == "SL-CML-0001:bcr-abl1-m12" }?.status, .done)
        let q = tasks.first { $0.id == "SL-CML-0001:bcr-abl1-q3m" }
        XCTAssertEqual(q?.due, F.d("2026-04-15"))
        XCTAssertEqual(q?.repeatDays, 91)
        XCTAssertEqual(tasks.first { $0.id == "SL-CML-0001:bcr-abl1-m3" }?.status, .done)
        // Without samples, a missed milestone is overdue until it goes stale.
        p.mrd = []
        let missed = FollowUpScheduler.tasks(for: p, today: F.d("2025-07-01"))
        XCTAssertEqual(missed.first { $0.id == "SL-CML-0001:bcr-abl1-m3" }?.status, .overdue)
        XCTAssertEqual(missed.first { $0.id == "SL-CML-0001:bcr-abl1-m6" }?.status, .dueSoon)
    }

    func testFanconiSurveillance() {
        var p = F.aml(category: .ibmfs, birth: "2016-06-06", id: "SL-BMF-0003")
        p.diagnoses[0].who2022 = "Fanconi anaemia"
        p.labs = [LabResult(date: F.d("2026-03-01"), test: "platelets", value: 80, unit: "G/L")]
        let tasks = FollowUpScheduler.tasks(for: p, today: F.d("2026-05-25"))
        let cbc = tasks.first { $0.id == "SL-BMF-0003:fa-cbc" }
        XCTAssertEqual(cbc?.due, F.d("2026-06-01"))
        XCTAssertEqual(cbc?.status, .dueSoon)
        XCTAssertEqual(tasks.first { $0.id == "SL-BMF-0003:fa-bm" }?.due, F.d("2027-01-10"), "BM yearly")
        // With a clone: monthly CBC.
        p.karyotypes = [Karyotype(date: F.d("2026-03-01"), tissue: .bm, abnormalities: ["+1q"])]
        XCTAssertEqual(FollowUpScheduler.tasks(for: p, today: F.d("2026-03-05")).first { $0.id == "SL-BMF-0003:fa-cbc" }?.due, F.d("2026-04-01"))
    }

    func testRUNX1CarrierSurveillance() {
        var p = F.aml(karyotype: nil, category: .germlinePredisposition, id: "SL-GER-0001")
        p.variants = [F.v("RUNX1", .frameshift, vaf: 0.5, origin: .germline, tissue: .skinFibroblast)]
        let tasks = FollowUpScheduler.tasks(for: p, today: F.d("2026-02-01"))
        XCTAssertEqual(tasks.first { $0.id == "SL-GER-0001:runx1-cbc" }?.due, F.d("2026-07-10"))
        XCTAssertNotNil(tasks.first { $0.id == "SL-GER-0001:runx1-baseline-bm" })
    }

    func testGATA2CarrierSurveillance() {
        var p = F.aml(category: .germlinePredisposition, id: "SL-GER-0002")
        p.variants = [F.v("GATA2", .missense, vaf: 0.5, origin: .germline, tissue: .skinFibroblast)]
        let tasks = FollowUpScheduler.tasks(for: p, today: F.d("2026-02-01"))
        XCTAssertEqual(tasks.first { $0.id == "SL-GER-0002:carrier-cbc" }?.due, F.d("2026-04-10"))
        XCTAssertEqual(tasks.first { $0.id == "SL-GER-0002:carrier-bm" }?.due, F.d("2027-01-10"))
    }

    func testWorklistSortedFilteredAndWithoutDone() {
        var a = allo("2025-12-01")
        a.site = "Saint-Louis"
        var b = F.aml(id: "SL-AML-0100")
        b.site = "Avicenne"
        b.followUps = [FollowUp(id: "B1", due: F.d("2026-02-20"), kind: "clinic visit"),
                       FollowUp(id: "B2", due: F.d("2026-01-20"), kind: "echocardiography", done: F.d("2026-01-21"))]
        let today = F.d("2026-03-01")
        let all = FollowUpScheduler.worklist(patients: [a, b], today: today)
        XCTAssertFalse(all.contains { $0.status == .done })
        XCTAssertEqual(all.first?.id, "B1", "the oldest overdue task first")
        for (x, y) in zip(all, all.dropFirst()) { XCTAssertFalse(FollowUpScheduler.urgencyOrder(y, x)) }
        let within = FollowUpScheduler.worklist(patients: [a, b], today: today, dueWithinDays: 14)
        XCTAssertTrue(within.allSatisfy { today.days(until: $0.due) <= 14 })
        XCTAssertTrue(within.contains { $0.status == .overdue })
        let site = FollowUpScheduler.worklist(patients: [a, b], today: today, site: "avicenne")
        XCTAssertEqual(site.map(\.id), ["B1"])
    }

    func testRepeatingScheduleListsOnlyNextOccurrence() {
        let tasks = FollowUpScheduler.tasks(for: allo("2020-01-15"), today: F.d("2026-03-01"))
        XCTAssertEqual(tasks.filter { $0.kind == "dental" }.map(\.id).sorted(), ["SL-AML-0042:allo-dental-y6", "SL-AML-0042:allo-dental-y7"])
        XCTAssertFalse(tasks.contains { $0.kind == "vaccination" }, "catch-up vaccinations are not listed years later")
    }
}
