import XCTest
import Foundation
import CaseModel
@testable import ClinicalRules

/// MRD rules of clinical-reference.md §2b (ELN 2021 AML, ALL thresholds, BCR::ABL1 IS levels).
final class MRDInterpreterTests: XCTestCase {
    typealias F = Fixtures

    func r(_ date: String, _ marker: String = "NPM1", _ method: MRDMethod = .qPCR, tissue: MRDTissue = .pb,
           detected: Bool, value: Double? = nil, sensitivity: Double? = nil, copies: Double? = nil) -> MRDResult {
        MRDResult(date: F.d(date), marker: marker, method: method, tissue: tissue, detected: detected, value: value,
                  sensitivity: sensitivity, controlCopies: copies)
    }

    func one(_ results: [MRDResult], _ category: DiagnosisCategory = .aml) -> MRDSeriesAssessment {
        let a = MRDInterpreter.assess(results, category: category)
        XCTAssertEqual(a.count, 1)
        return a[0]
    }

    func testSeriesSplitByMarkerMethodTissue() {
        let a = MRDInterpreter.assess([
            r("2026-02-01", detected: true, value: 0.001),
            r("2026-02-01", tissue: .bm, detected: true, value: 0.01),
            r("2026-02-01", "NPM1", .ddPCR, detected: true, value: 0.001),
            r("2026-03-01", "CBFB::MYH11", detected: false, copies: 50_000),
        ], category: .aml)
        XCTAssertEqual(a.count, 4)
        XCTAssertEqual(Set(a.map(\.key)).count, 4)
    }

    func testLogChangeBetweenConsecutivePositives() {
        let s = one([r("2026-02-01", detected: true, value: 0.0001), r("2026-03-01", detected: true, value: 0.0005)])
        XCTAssertNil(s.points[0].log10Change)
        XCTAssertEqual(s.points[1].log10Change ?? 0, log10(5.0), accuracy: 1e-3)
        XCTAssertTrue(s.events.isEmpty)
    }

    func testOneLogRiseIsAnEvent() {
        let s = one([r("2026-02-01", detected: true, value: 0.0001), r("2026-03-01", detected: true, value: 0.001)])
        XCTAssertEqual(s.events.count, 1)
        XCTAssertEqual(s.events[0].kind, .logRise)
        XCTAssertEqual(s.events[0].log10Change ?? 0, 1.0, accuracy: 1e-9)
        XCTAssertEqual(s.events[0].confirmationDue, F.d("2026-03-29"))
        XCTAssertFalse(s.events[0].confirmed)
        XCTAssertEqual(s.status, .relapse)
    }

    func testExactTenfoldRiseCountsDespiteBinaryRounding() {
        // log10(0.0012 / 0.00012) is 0.9999999999999999 in binary floating point: a tenfold rise must still count.
        let s = one([r("2026-02-01", detected: true, value: 0.00012), r("2026-03-01", detected: true, value: 0.0012)])
        XCTAssertEqual(s.events.map(\.kind), [.logRise])
        XCTAssertEqual(s.events.first?.log10Change, 1.0)
    }

    func testZeroPointNineNineLogRiseIsNot() {
        let v1 = 0.0001, v2 = 0.0001 * pow(10, 0.99)
        let s = one([r("2026-02-01", detected: true, value: v1), r("2026-03-01", detected: true, value: v2)])
        XCTAssertTrue(s.events.isEmpty)
        XCTAssertEqual(s.status, .lowLevel)
    }

    func testRiseFromNadirAcrossSeveralSamples() {
        // ELN 2021: ≥1 log10 between ANY two positive samples: 0.5 + 0.5 log from the nadir.
        let s = one([r("2026-02-01", detected: true, value: 0.0001), r("2026-03-01", detected: true, value: 0.000316228),
                     r("2026-04-01", detected: true, value: 0.001)])
        XCTAssertEqual(s.events.map(\.kind), [.logRise])
        XCTAssertEqual(s.events[0].date, F.d("2026-04-01"))
    }

    func testConversionFromEvaluableNegative() {
        let s = one([r("2026-02-01", detected: false, sensitivity: 1e-5, copies: 40_000),
                     r("2026-03-01", detected: true, value: 0.00002)])
        XCTAssertEqual(s.events.map(\.kind), [.conversion])
        XCTAssertNil(s.events[0].log10Change)
        XCTAssertEqual(s.events[0].confirmationDue, F.d("2026-03-29"))
        XCTAssertEqual(s.status, .relapse)
        XCTAssertTrue(s.explanation.contains("confirm by 2026-03-29"))
    }

    func testNoConversionAfterNotEvaluableNegative() {
        let s = one([r("2026-02-01", detected: false, copies: 3_000), r("2026-03-01", detected: true, value: 0.0002)])
        XCTAssertFalse(s.points[0].evaluable)
        XCTAssertTrue(s.events.isEmpty, "a negative with too few ABL1 copies is not a true negative")
        XCTAssertEqual(s.status, .lowLevel)
    }

    func testNotEvaluableNegativeStatus() {
        let few = one([r("2026-02-01", detected: false, copies: 9_999)])
        XCTAssertEqual(few.status, .notEvaluable)
        XCTAssertTrue(few.explanation.contains("9999 control copies"))
        let poor = one([r("2026-02-01", detected: false, sensitivity: 1e-3, copies: 50_000)])
        XCTAssertEqual(poor.status, .notEvaluable)
        let ok = one([r("2026-02-01", detected: false, sensitivity: 1e-4, copies: 10_000)])
        XCTAssertEqual(ok.status, .negative)
    }

    func testConfirmationBySecondSample() {
        let s = one([r("2026-02-01", detected: false, copies: 40_000), r("2026-03-01", detected: true, value: 0.0002),
                     r("2026-03-20", detected: true, value: 0.0004)])
        XCTAssertEqual(s.events.count, 1)
        XCTAssertTrue(s.events[0].confirmed)
        XCTAssertNil(s.events[0].confirmationDue)
    }

    func testConfirmationInOtherTissueCounts() {
        let a = MRDInterpreter.assess([r("2026-02-01", detected: false, copies: 40_000), r("2026-03-01", detected: true, value: 0.0002),
                                       r("2026-03-15", tissue: .bm, detected: true, value: 0.002)], category: .aml)
        let pb = a.first { $0.tissue == .pb }
        XCTAssertEqual(pb?.events.first?.confirmed, true)
    }

    func testZeroAndUndetectedNeverReachALogarithm() {
        let s = one([r("2026-02-01", detected: true, value: 0.0001), r("2026-03-01", detected: true, value: 0),
                     r("2026-04-01", detected: false, value: 0.5, copies: 50_000), r("2026-05-01", detected: true, value: nil)])
        for p in s.points {
            if let c = p.log10Change { XCTAssertTrue(c.isFinite) }
        }
        XCTAssertNil(s.points[1].log10Change)
        XCTAssertNil(s.points[2].value, "an undetected result carries no value")
        XCTAssertEqual(s.events.map(\.kind), [.conversion])
        XCTAssertTrue(s.events.allSatisfy { $0.log10Change.map(\.isFinite) ?? true })
    }

    func testAMLNPM1LowLevelBelowTwoPercent() {
        XCTAssertEqual(one([r("2026-02-01", detected: true, value: 0.0199)]).status, .lowLevel)
        XCTAssertEqual(one([r("2026-02-01", detected: true, value: 0.02)]).status, .positive)
        XCTAssertEqual(one([r("2026-02-01", "CBFB::MYH11", detected: true, value: 0.005)]).status, .lowLevel)
    }

    func testPMLRARAAnyPositive() {
        XCTAssertEqual(one([r("2026-02-01", "PML::RARA", tissue: .bm, detected: true, value: 0.00001)], .apl).status, .positive)
    }

    func testAMLMFCThreshold() {
        XCTAssertEqual(one([r("2026-02-01", "MFC", .MFC, tissue: .bm, detected: true, value: 0.0009)]).status, .lowLevel)
        XCTAssertEqual(one([r("2026-02-01", "MFC", .MFC, tissue: .bm, detected: true, value: 0.001)]).status, .positive)
    }

    func testALLThresholds() {
        XCTAssertEqual(one([r("2026-02-01", "IG/TR", tissue: .bm, detected: true, value: 0.0001)], .bALL).status, .positive)
        XCTAssertEqual(one([r("2026-02-01", "IG/TR", tissue: .bm, detected: true, value: 0.00005)], .bALL).status, .lowLevel)
        XCTAssertEqual(one([r("2026-02-01", "IG/TR", tissue: .bm, detected: false, sensitivity: 1e-4)], .bALL).status, .negative)
        XCTAssertEqual(one([r("2026-02-01", "IG/TR", tissue: .bm, detected: false, sensitivity: 1e-3)], .bALL).status, .notEvaluable,
                       "negative with insufficient sensitivity is not MRD-negative")
    }

    func testCMLResponseLevels() {
        let mmr = one([r("2026-02-01", "BCR::ABL1", detected: true, value: 0.001)], .cml)
        XCTAssertEqual(mmr.status, .lowLevel)
        XCTAssertTrue(mmr.explanation.contains("MMR"))
        let above = one([r("2026-02-01", "BCR::ABL1", detected: true, value: 0.0011)], .cml)
        XCTAssertEqual(above.status, .positive)
        XCTAssertEqual(MRDInterpreter.cmlLevel(value: 0.0001), "MR4")
        XCTAssertEqual(MRDInterpreter.cmlLevel(value: 0.000032), "MR4.5")
        XCTAssertEqual(MRDInterpreter.cmlLevel(value: 0.00001), "MR5")
        let mr45 = one([r("2026-02-01", "BCR::ABL1", detected: false, copies: 32_000)], .cml)
        XCTAssertEqual(mr45.status, .negative)
        XCTAssertTrue(mr45.explanation.contains("MR4.5"))
        XCTAssertEqual(one([r("2026-02-01", "BCR::ABL1", detected: false, copies: 9_000)], .cml).status, .notEvaluable)
    }

    func testCMLLossOfMMRIsNotAnAMLRelapse() {
        // ELN 2020 (Hochhaus et al., Leukemia 2020;34:966): loss of MMR on TKI is a warning, never an AML
        // "relapse" (issue 11 point 6). Without a TKI start the IS level stands: positive, no events.
        let s = one([r("2026-02-01", "BCR::ABL1", detected: true, value: 0.0005), r("2026-05-01", "BCR::ABL1", detected: true, value: 0.002)], .cml)
        XCTAssertEqual(s.status, .positive)
        XCTAssertTrue(s.explanation.contains("loss of MMR"))
        XCTAssertEqual(s.events, [])
    }

    func testNegativeAfterEventResolvesIt() {
        let s = one([r("2026-02-01", detected: false, copies: 40_000), r("2026-03-01", detected: true, value: 0.0002),
                     r("2026-03-20", detected: false, copies: 40_000)])
        XCTAssertEqual(s.status, .negative)
        XCTAssertFalse(s.events[0].confirmed)
        XCTAssertNil(s.events[0].confirmationDue)
    }
}
