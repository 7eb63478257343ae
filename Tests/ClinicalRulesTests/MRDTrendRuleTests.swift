import CaseModel
import XCTest
@testable import ClinicalRules

/// The case-list MRD glyph is derived from the series status (MRDInterpreter, ELN 2021 — Heuser et al.,
/// Blood 2021;138:2753): a relapse or an unconfirmed rise is never drawn as falling, a not-evaluable negative
/// never as a negative; only a status that says nothing about direction lets the last two values decide
/// (display threshold 0.5 log10, `MRDTrendRule.displayChangeLog10`).
final class MRDTrendRuleTests: XCTestCase {
    func series(_ values: [Double?], status: MRDStatus = .positive, evaluable: [Bool]? = nil, events: [MRDEvent] = []) -> MRDSeriesAssessment {
        let pts = values.enumerated().map { i, v in
            MRDPoint(date: LocalDate(daysSinceEpoch: 20000 + 30 * i), detected: v != nil, value: v, sensitivity: 1e-5,
                     evaluable: evaluable?[i] ?? true, log10Change: nil)
        }
        return MRDSeriesAssessment(marker: "NPM1", method: .qPCR, tissue: .pb, status: status, points: pts, events: events, explanation: "")
    }

    func testValuesDecideOnlyWhenTheStatusSaysNothingAboutDirection() {
        XCTAssertEqual(MRDTrendRule.trend([series([1e-4, 1e-3])]), .rising)
        XCTAssertEqual(MRDTrendRule.trend([series([1e-4, 3.2e-4])]), .rising, "0.505 log counts as a rise")
        XCTAssertEqual(MRDTrendRule.trend([series([1e-4, 3e-4])]), .stable, "0.48 log is stable")
        XCTAssertEqual(MRDTrendRule.trend([series([1e-3, 1e-4])]), .falling)
        XCTAssertEqual(MRDTrendRule.trend([series([nil, 1e-5])]), .rising, "conversion")
        XCTAssertEqual(MRDTrendRule.trend([series([1e-3, nil], status: .negative)]), .falling, "newly undetectable")
        XCTAssertEqual(MRDTrendRule.trend([series([nil, nil], status: .negative)]), .negative)
        XCTAssertEqual(MRDTrendRule.trend([series([0, 1e-3])]), .stable, "a zero value never reaches a logarithm")
        XCTAssertEqual(MRDTrendRule.trend([series([5e-324, 1e-3])]), .rising, "a denormal never gives an infinite change")
        XCTAssertNil(MRDTrendRule.trend([]))
    }

    func testRelapseIsNeverDrawnFalling() {
        // SL-AML-0041's pattern: conversion to positive, then a lower positive value: the status is relapse.
        let relapse = series([nil, 2e-3, 5e-4], status: .relapse)
        XCTAssertEqual(MRDTrendRule.trend([relapse]), .rising)
        // An unconfirmed rise event after the previous sample is a rise even when the last value is lower.
        let event = MRDEvent(date: LocalDate(daysSinceEpoch: 20060), kind: .logRise, log10Change: 1.2, confirmationDue: nil)
        XCTAssertEqual(MRDTrendRule.trend([series([1e-4, 2e-3, 1.5e-3], events: [event])]), .rising)
    }

    func testNotEvaluableNegativesAreNeverNegative() {
        XCTAssertEqual(MRDTrendRule.trend([series([nil, nil], status: .notEvaluable, evaluable: [false, false])]), .notEvaluable)
        XCTAssertEqual(MRDTrendRule.trend([series([nil, nil], status: .negative, evaluable: [true, false])]), .notEvaluable,
                       "the latest negative is not evaluable even if an earlier one was")
        XCTAssertEqual(MRDTrendRule.trend([series([1e-3, nil], status: .positive, evaluable: [true, false])]), .notEvaluable)
    }

    func testTheLatestSeriesIsTheOneWithTheMostRecentSample() {
        var older = series([1e-3, 1e-2])
        older.marker = "WT1"
        let newer = MRDSeriesAssessment(marker: "NPM1", method: .qPCR, tissue: .bm, status: .negative,
                                        points: [MRDPoint(date: LocalDate(daysSinceEpoch: 20100), detected: false, value: nil, sensitivity: 1e-5,
                                                          evaluable: true, log10Change: nil)], events: [], explanation: "")
        XCTAssertEqual(MRDTrendRule.latestSeries([older, newer])?.marker, "NPM1")
        XCTAssertEqual(MRDTrendRule.trend([older, newer]), .negative)
    }
}
