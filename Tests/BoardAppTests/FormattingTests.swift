import XCTest
@testable import BoardApp
import CaseModel
import ClinicalRules
import ScreenKit

final class FormattingTests: XCTestCase {
    func testNumbers() {
        XCTAssertEqual(Formatting.oneDecimal(1.18), "1.2")
        XCTAssertEqual(Formatting.signed(-0.44), "-0.4")
        XCTAssertEqual(Formatting.signed(1.0), "+1.0")
        XCTAssertEqual(Formatting.vaf(0.41), "41%")
        XCTAssertEqual(Formatting.vaf(0.045), "4.5%")
        XCTAssertEqual(Formatting.fraction(0.0012, ascii: true), "1.2e-3")
        XCTAssertEqual(Formatting.fraction(0.0012, ascii: false), "1.2×10⁻³")
        XCTAssertEqual(Formatting.fraction(9.96e-4, ascii: true), "1.0e-3")
        XCTAssertEqual(Formatting.fraction(0, ascii: true), "0")
    }

    func testMRDAnnotations() {
        let d = LocalDate("2026-05-02")!
        XCTAssertEqual(MRDChartPanel.annotation(MRDEvent(date: d, kind: .logRise, log10Change: 1.4, confirmationDue: LocalDate("2026-05-30")), ascii: false),
                       "≥1 log rise (+1.4) 2026-05-02 — confirm by 2026-05-30")
        XCTAssertEqual(MRDChartPanel.annotation(MRDEvent(date: d, kind: .conversion, log10Change: nil, confirmationDue: nil, confirmed: true), ascii: true),
                       "conversion to positive 2026-05-02 - confirmed")
    }
}

final class ClinicalGlyphsTests: XCTestCase {
    func testExclusionResultsShowTheirEffectOnEligibility() {
        XCTAssertEqual(ClinicalGlyphs.criterion(.notMet, kind: .exclusion, ascii: false), Span("✓ not met", role: .trialEligible))
        XCTAssertEqual(ClinicalGlyphs.criterion(.met, kind: .exclusion, ascii: false), Span("✗ met    ", role: .trialIneligible))
        XCTAssertEqual(ClinicalGlyphs.criterion(.met, kind: .inclusion, ascii: true), Span("+ met    ", role: .trialEligible))
        XCTAssertEqual(ClinicalGlyphs.criterion(.unknown, kind: .exclusion, ascii: true).role, .trialPossibly)
    }

    func testMeaningIsNeverColourAlone() {
        for v in Verdict.allCases {
            for ascii in [true, false] { XCTAssertTrue(ClinicalGlyphs.verdict(v, ascii: ascii).text.contains { $0.isLetter }) }
        }
        for s in FollowUpStatus.allCases { XCTAssertTrue(ClinicalGlyphs.task(s, ascii: true).text.contains { $0.isLetter }) }
        for l in GermlineFlagLevel.allCases { XCTAssertTrue(ClinicalGlyphs.germline(l, ascii: true).text.contains { $0.isLetter }) }
        let trends: [MRDTrend] = [.rising, .falling, .stable, .negative]
        XCTAssertEqual(Set(trends.map { ClinicalGlyphs.trend($0, ascii: false).text }).count, 4, "one glyph per trend")
        XCTAssertEqual(Set(trends.map { ClinicalGlyphs.trend($0, ascii: true).text }).count, 4, "one ASCII glyph per trend")
        XCTAssertTrue(trends.allSatisfy { ClinicalGlyphs.trend($0, ascii: true).text.unicodeScalars.allSatisfy(\.isASCII) })
    }
}
