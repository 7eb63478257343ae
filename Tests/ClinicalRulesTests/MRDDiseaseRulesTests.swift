import XCTest
import CaseModel
@testable import ClinicalRules

/// Issue 11 points 4–8: one MRD rule set per disease (clinical-reference.md §2b).
final class MRDDiseaseRulesTests: XCTestCase {
    typealias F = Fixtures

    func r(_ date: String, _ marker: String, _ method: MRDMethod = .qPCR, tissue: MRDTissue = .bm, detected: Bool,
           value: Double? = nil, sensitivity: Double? = nil, copies: Double? = nil) -> MRDResult {
        MRDResult(date: F.d(date), marker: marker, method: method, tissue: tissue, detected: detected, value: value,
                  sensitivity: sensitivity, controlCopies: copies)
    }

    func one(_ results: [MRDResult], _ category: DiagnosisCategory, therapies: [Therapy] = []) -> MRDSeriesAssessment {
        let a = MRDInterpreter.assess(results, category: category, therapies: therapies)
        XCTAssertEqual(a.count, 1)
        guard let s = a.first else { fatalError("no series") }
        return s
    }

    // MARK: point 4 — AML (Heuser et al., Blood 2021;138:2753): the ≥1 log10 rise applies to molecular series.

    func testAMLFlowSeriesHasNoLogRiseEvent() {
        // MFC 0.02 % → 0.5 %: a 1.4 log10 rise; flow reports values and positivity, no log-rise event.
        let s = one([r("2026-02-01", "MFC", .MFC, detected: true, value: 0.0002),
                     r("2026-04-01", "MFC", .MFC, detected: true, value: 0.005)], .aml)
        XCTAssertEqual(s.events, [])
        XCTAssertEqual(s.status, .positive, "≥0.1 % is MFC-positive (ELN 2021)")
        XCTAssertEqual(s.points[1].log10Change ?? 0, log10(25.0), accuracy: 1e-3, "the change is still reported")
    }

    func testAMLMolecularSeriesKeepsLogRise() {
        let s = one([r("2026-02-01", "NPM1", detected: true, value: 0.0001),
                     r("2026-03-01", "NPM1", detected: true, value: 0.001)], .aml)
        XCTAssertEqual(s.events.map(\.kind), [.logRise])
        XCTAssertEqual(s.status, .relapse)
    }

    func testAMLFlowConversionStillCounts() {
        // ELN 2021: conversion from negativity to positivity, "any technique".
        let s = one([r("2026-02-01", "MFC", .MFC, detected: false, sensitivity: 1e-4, copies: 600_000),
                     r("2026-04-01", "MFC", .MFC, detected: true, value: 0.002)], .aml)
        XCTAssertEqual(s.events.map(\.kind), [.conversion])
    }

    // MARK: point 5 — ALL: a negative needs sensitivity ≥10⁻⁴ (EuroMRD; Brüggemann adult ALL terminology).

    func testALLNegativeWithTooFewControlCopiesIsNotEvaluable() {
        // 2,000 copies reach only 5×10⁻⁴.
        let s = one([r("2026-02-01", "IG/TR", detected: false, sensitivity: 1e-4, copies: 2_000)], .bALL)
        XCTAssertEqual(s.status, .notEvaluable)
        XCTAssertTrue(s.explanation.contains("reaches only 5×10⁻⁴"), s.explanation)
        XCTAssertTrue(s.explanation.contains("EuroMRD"), s.explanation)
    }

    func testALLNegativeBoundaryAtTenThousandCopies() {
        // 10,000 copies reach exactly 10⁻⁴: evaluable; 9,999 do not.
        XCTAssertEqual(one([r("2026-02-01", "IG/TR", detected: false, copies: 10_000)], .bALL).status, .negative)
        XCTAssertEqual(one([r("2026-02-01", "IG/TR", detected: false, copies: 9_999)], .bALL).status, .notEvaluable)
        // A fusion marker (KMT2A::AFF1 in infant ALL) follows the same rule.
        XCTAssertEqual(one([r("2026-02-01", "KMT2A::AFF1", detected: false, copies: 5_000)], .bALL).status, .notEvaluable)
    }

    func testALLNotEvaluableNegativeDoesNotMakeAConversion() {
        let s = one([r("2026-02-01", "IG/TR", detected: false, copies: 2_000),
                     r("2026-03-01", "IG/TR", detected: true, value: 0.001)], .bALL)
        XCTAssertEqual(s.events, [])
    }

    func testALLConfirmationTaskCitesTheALLSource() {
        var p = F.aml(category: .bALL)
        p.mrd = [r("2026-02-01", "IG/TR", detected: false, sensitivity: 1e-5, copies: 50_000),
                 r("2026-05-20", "IG/TR", detected: true, value: 0.0005)]
        let tasks = Interpretation.interpret(p, today: F.today).followUps.filter { $0.kind == "MRD confirmation" }
        XCTAssertEqual(tasks.count, 1)
        XCTAssertEqual(tasks.first?.source, MRDInterpreter.allSource)
        XCTAssertFalse(tasks.first?.source.contains("ELN 2021") ?? true)
    }

    // MARK: point 6 — CML ELN 2020 (Hochhaus et al., Leukemia 2020;34:966) milestones from the TKI start.

    let tki = [Therapy(start: F.d("2025-01-15"), regimen: "imatinib", agents: ["imatinib"], intent: .other)]

    func cml(_ date: String, _ v: Double?) -> MRDResult {
        r(date, "BCR::ABL1", tissue: .pb, detected: v != nil, value: v, copies: v == nil ? 50_000 : nil)
    }

    func testCMLMilestoneTable() {
        // 3 months: ≤10 % optimal, >10 % warning.
        XCTAssertEqual(ELN2020CML.category(fraction: 0.10, months: 3), .optimal)
        XCTAssertEqual(ELN2020CML.category(fraction: 0.11, months: 3), .warning)
        XCTAssertEqual(ELN2020CML.category(fraction: 0.5, months: 5), .warning)
        // 6 months: ≤1 % optimal, >1–10 % warning, >10 % failure.
        XCTAssertEqual(ELN2020CML.category(fraction: 0.01, months: 6), .optimal)
        XCTAssertEqual(ELN2020CML.category(fraction: 0.011, months: 6), .warning)
        XCTAssertEqual(ELN2020CML.category(fraction: 0.10, months: 6), .warning)
        XCTAssertEqual(ELN2020CML.category(fraction: 0.11, months: 11), .failure)
        // 12 months and later: ≤0.1 % optimal, >0.1–1 % warning, >1 % failure.
        XCTAssertEqual(ELN2020CML.category(fraction: 0.001, months: 12), .optimal)
        XCTAssertEqual(ELN2020CML.category(fraction: 0.0011, months: 12), .warning)
        XCTAssertEqual(ELN2020CML.category(fraction: 0.01, months: 24), .warning)
        XCTAssertEqual(ELN2020CML.category(fraction: 0.011, months: 24), .failure)
        // Before 3 months there is no milestone.
        XCTAssertNil(ELN2020CML.category(fraction: 0.5, months: 2))
    }

    func testCMLMonthsCountFromTheTKIStart() {
        XCTAssertEqual(ELN2020CML.completedMonths(from: F.d("2025-01-15"), to: F.d("2025-04-14")), 2)
        XCTAssertEqual(ELN2020CML.completedMonths(from: F.d("2025-01-15"), to: F.d("2025-04-15")), 3)
    }

    func testCMLSeriesStatusIsTheMilestoneNeverRelapse() {
        // 5 % at 6 months: warning; no conversion or log-rise events despite a negative-then-positive course.
        let s = one([cml("2025-04-20", nil), cml("2025-07-20", 0.05)], .cml, therapies: tki)
        XCTAssertEqual(s.status, .warning)
        XCTAssertEqual(s.events, [])
        XCTAssertTrue(s.explanation.contains("6 months"), s.explanation)
        let f = one([cml("2025-07-20", 0.2)], .cml, therapies: tki)
        XCTAssertEqual(f.status, .failure)
    }

    func testCMLLossOfMMROnTKIIsAWarningAndInTFRAFailure() {
        // MMR at 12 months, then 0.5 %: warning on continuous TKI (ELN 2020); failure after the TKI stopped (TFR).
        let series = [cml("2026-01-20", 0.0008), cml("2026-04-20", 0.005)]
        let on = one(series, .cml, therapies: tki)
        XCTAssertEqual(on.status, .warning)
        XCTAssertTrue(on.explanation.contains("loss of MMR on continuous TKI"), on.explanation)
        // Before 12 months the milestone alone would say optimal (≤1 % at 6 months): loss of MMR makes it a warning.
        let early = one([cml("2025-07-20", 0.0009), cml("2025-10-20", 0.004)], .cml, therapies: tki)
        XCTAssertEqual(early.status, .warning)
        var stopped = tki
        stopped[0].end = F.d("2026-02-01")
        XCTAssertEqual(one(series, .cml, therapies: stopped).status, .failure)
    }

    func testCMLWithoutTKIStartHasNoMilestoneAndNoRelapse() {
        let s = one([cml("2025-04-20", 0.0008), cml("2025-07-20", 0.05)], .cml)
        XCTAssertNotEqual(s.status, .relapse)
        XCTAssertEqual(s.events, [])
        let a = ELN2020CML.assess(series: [cml("2025-07-20", 0.05)], therapies: [])
        XCTAssertFalse(a.complete)
        XCTAssertEqual(a.missing, ["TKI start date"])
        XCTAssertEqual(a.scheme, "CML-ELN2020-milestone")
    }

    func testCMLPatientAssessmentForTheRiskList() {
        var p = F.aml(category: .cml)
        p.therapies = tki
        p.mrd = [cml("2026-02-01", 0.0005)]
        let a = ELN2020CML.assess(p, today: F.today)
        XCTAssertEqual(a?.category, .optimal)
        XCTAssertEqual(a?.milestone, "12 months and later")
        XCTAssertEqual(a?.complete, true)
        XCTAssertNil(ELN2020CML.assess(F.aml(), today: F.today), "not CML")
    }

    // MARK: point 7 — a PNH clone (FLAER) is a clone measurement, not MRD.

    func testPNHCloneHasNoMRDEvents() {
        let s = one([r("2026-01-01", "PNH clone (FLAER)", .MFC, tissue: .pb, detected: false, sensitivity: 1e-3),
                     r("2026-04-01", "PNH clone (FLAER)", .MFC, tissue: .pb, detected: true, value: 0.012),
                     r("2026-07-01", "PNH clone (FLAER)", .MFC, tissue: .pb, detected: true, value: 0.3)], .pnh)
        XCTAssertEqual(s.events, [])
        XCTAssertTrue(s.explanation.hasPrefix("PNH clone 30 % on 2026-07-01"), s.explanation)
        XCTAssertTrue(s.explanation.contains("not MRD"))
    }

    // MARK: point 8 — values written one way.

    func testValuesWrittenOneWay() {
        XCTAssertEqual(MRDValueText.both(6.8e-5), "6.8×10⁻⁵ (0.0068 %)")
        XCTAssertEqual(MRDValueText.scientific(1e-4), "10⁻⁴")
        XCTAssertEqual(MRDValueText.scientific(5e-4), "5×10⁻⁴")
        XCTAssertEqual(MRDValueText.scientific(0.00999), "10⁻²")
        let s = one([r("2026-02-01", "NPM1", detected: true, value: 6.8e-5)], .aml)
        XCTAssertTrue(s.explanation.contains("6.8×10⁻⁵ (0.0068 %)"), s.explanation)
    }
}
