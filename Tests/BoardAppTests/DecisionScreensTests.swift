import XCTest
import CaseModel
import ScreenKit
@testable import BoardApp
import ScreenTesting

/// Issue #17 items 5–7: the MRD chart's evenly spaced labelled decades (goldens at 80×24, 120×40 and
/// 200×60 plus the spacing asserted on the rendered rows), the case screen's added facts, meeting mode's
/// decision facts, and the worklist's filters.
final class DecisionScreensTests: XCTestCase {
    static let goldens = GoldenScreenTests.goldens

    func assertGolden(_ rt: AppRuntime, _ name: String, file: StaticString = #filePath, line: UInt = #line) {
        let buffer = rt.render()
        switch GoldenScreen.check(buffer, name: name, directory: Self.goldens) {
        case .matched: break
        case .recorded(let path): XCTFail("Recorded golden \(path): review it and run again", file: file, line: line)
        case .mismatched(let path, let diff): XCTFail("Screen differs from \(path)\n\(diff)\n\(buffer.text)", file: file, line: line)
        }
    }

    func caseRuntime(_ w: Int, _ h: Int, _ id: String = "SL-AML-0042") -> AppRuntime {
        let rt = AppRuntime(repository: BoardFixtures.repository(), width: w, height: h, ascii: false)
        rt.start()
        rt.send(.openCase(id))
        return rt
    }

    /// The rows holding a decade label ("10⁻³" then the axis tee) in a rendered screen.
    static func decadeRows(_ b: Buffer) -> [(row: Int, decade: Int)] {
        var out: [(Int, Int)] = []
        for y in 0..<b.height {
            let t = b.rowText(y)
            for d in -9...2 {
                let label = LogChart.decadeLabel(d, ascii: false)
                if t.contains(label + "┤") { out.append((y, d)); break }
            }
        }
        return out
    }

    /// Labelled decades evenly spaced: the same decade step and the same number of rows between every pair.
    static func assertEvenlySpaced(_ rows: [(row: Int, decade: Int)], _ what: String, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertGreaterThanOrEqual(rows.count, 3, "\(what): at least three labelled decades", file: file, line: line)
        let gaps = zip(rows, rows.dropFirst()).map { ($1.row - $0.row, $0.decade - $1.decade) }
        XCTAssertEqual(Set(gaps.map(\.0)).count, 1, "\(what): rows between labels \(gaps.map(\.0))", file: file, line: line)
        XCTAssertEqual(Set(gaps.map(\.1)).count, 1, "\(what): decades between labels \(gaps.map(\.1))", file: file, line: line)
        XCTAssertTrue(gaps.allSatisfy { $0.0 > 0 && $0.1 > 0 }, "\(what): top to bottom", file: file, line: line)
    }

    // MARK: the chart

    func testMRDChartGoldensEvenlySpacedDecades() {
        for (w, h) in [(80, 24), (120, 40), (200, 60)] {
            let rt = caseRuntime(w, h)
            rt.send(.nextPanel); rt.send(.nextPanel)   // identity → genetics → MRD
            rt.send(.zoom)
            assertGolden(rt, "case-mrd-\(w)x\(h)")
            Self.assertEvenlySpaced(Self.decadeRows(rt.render()), "zoomed chart \(w)x\(h)")
        }
    }

    func testUnzoomedChartEvenlySpacedAtEverySize() {
        // 160×48 showed 10⁻¹ directly above 10⁻³ (issue #17); every size from 80×24 to 200×60.
        for (w, h) in [(80, 24), (100, 30), (120, 40), (160, 48), (200, 60)] {
            let b = caseRuntime(w, h).render()
            Self.assertEvenlySpaced(Self.decadeRows(b), "case screen \(w)x\(h)")
        }
    }

    func testDecadeSpacingForEveryPlotHeight() {
        for span in 1...9 {
            for rows in 2...60 {
                let (k, g) = LogChart.decadeSpacing(span: span, rows: rows)
                XCTAssertGreaterThanOrEqual(g, 1)
                XCTAssertLessThanOrEqual(g * span / k, rows - 1, "span \(span) rows \(rows): fits")
                if k > 1 { XCTAssertGreaterThan(span / (k - 1), rows - 1, "span \(span) rows \(rows): the smallest step that fits") }
                XCTAssertEqual(LogChart.decadeSpacing(span: span, rows: g * span / k + 1).step, k, "stable on the rows it uses")
            }
        }
        XCTAssertEqual(LogChart.decadeSpacing(span: 5, rows: 4).step, 2, "5 decades in 4 rows: every other decade")
        XCTAssertEqual(LogChart.decadeSpacing(span: 5, rows: 21).rowsPerStep, 4)
    }

    func testThresholdsDistinctGlyphsTaggedOutsideThePlot() {
        let rt = caseRuntime(120, 40)
        let b = rt.render()
        // NPM1 PB relapse (10⁻⁴) and MFC (10⁻³) on this case: two glyphs, each tagged in the gutter.
        let rows = Self.decadeRows(b)
        let r3 = rows.first { $0.decade == -3 }?.row, r4 = rows.first { $0.decade == -4 }?.row
        XCTAssertNotNil(r3); XCTAssertNotNil(r4)
        let t3 = b.rowText(r3 ?? 0), t4 = b.rowText(r4 ?? 0)
        XCTAssertTrue(t3.contains("╌") != t3.contains("┈") || t4.contains("╌") != t4.contains("┈"), "\n" + b.text)
        XCTAssertTrue(t3.contains("╌"), t3); XCTAssertTrue(t4.contains("┈"), t4)
        XCTAssertNotNil(t3.range(of: "MFC *│", options: .regularExpression), "tag in the gutter at the right edge: \(t3)")
        XCTAssertNotNil(t4.range(of: "NPM1 *│", options: .regularExpression), t4)
        XCTAssertTrue(b.text.contains("y: fraction, log₁₀"), "unit in the axis title")
    }

    // MARK: the case screen

    func testCaseScreenShowsTheDecisionFacts() {
        for (w, h) in [(80, 24), (160, 48)] {
            let b = caseRuntime(w, h).render()
            XCTAssertTrue(b.rowText(1).contains("ELN 2022 favourable"), "ELN risk in the header line at \(w)x\(h): \(b.rowText(1))")
            XCTAssertTrue(b.text.contains("≥1 log rise (+1.2) 2026-10-02"), "the most recent MRD event, unzoomed, at \(w)x\(h)\n" + b.text)
        }
        let big = caseRuntime(160, 48).render().text
        XCTAssertTrue(big.contains("DDX41 p.(Met1Ile) VAF 49% origin ? BM 2026-01-10"), "variant with its date\n" + big)
        XCTAssertTrue(big.contains("Tested negative Myeloid NGS 40 BM 2026-01-10"), "tested-negative genes grouped by panel with assay\n" + big)
    }

    // MARK: meeting mode

    func testMeetingFactsListEveryCandidateOrMore() throws {
        let rt = caseRuntime(120, 40)
        var d = try XCTUnwrap(rt.state.caseDetail.detail)
        d.trials = (1...7).map { CaseTrialRow(trialID: "T\($0)", title: "Trial \($0)", verdict: $0 <= 2 ? .eligible : .possiblyEligible, bestArm: "A", arms: []) }
        let lines = MeetingCaseFacts.trials(d, ascii: false).map { $0.map(\.text).joined() }
        XCTAssertEqual(lines.first, "Trials: 2 eligible, 5 possibly")
        XCTAssertEqual(lines.count, 1 + MeetingCaseFacts.trialsShown + 1)
        XCTAssertTrue(lines.last?.hasPrefix("  +3 more") == true, lines.last ?? "")
        d.trials = Array(d.trials.prefix(4))
        XCTAssertFalse(MeetingCaseFacts.trials(d, ascii: false).contains { $0.map(\.text).joined().contains("more") }, "all shown: no +N")
    }

    func testMeetingFactsMRDGermlineStatus() throws {
        let rt = caseRuntime(120, 40)
        let d = try XCTUnwrap(rt.state.caseDetail.detail)
        let mrd = MeetingCaseFacts.mrd(d, ascii: false).map { $0.map(\.text).joined() }
        XCTAssertTrue(mrd.contains { $0.contains("NPM1 qPCR PB: MRD RELAPSE") && $0.contains("last 1.2×10⁻³ on 2026-11-10") }, "\(mrd)")
        let g = MeetingCaseFacts.germline(d, ascii: false).map(\.text).joined()
        XCTAssertTrue(g.contains("testing recommended") && g.contains("SUSPECTED DDX41"), g)
        XCTAssertEqual(MeetingCaseFacts.status(d, today: BoardFixtures.today).map(\.text).joined(), "Status: CR since 2026-03-02")
    }
}

extension DecisionScreensTests {
    /// SL-ALL-0009 (issue #17): an ineligible patient's line names the failing criterion, never "obtain:".
    func testIneligibleCandidateNamesTheFailingCriterion() {
        let c = TrialCandidate(patientID: "SL-ALL-0009", name: nil, initials: "AB", verdict: .ineligible, arm: "A",
                               toObtain: ["BCR::ABL1 not tested"], failing: ["age 8 < 18"])
        let text = CandidateReason.spans(c, ascii: false).map(\.text).joined()
        XCTAssertEqual(text, "  fails: age 8 < 18")
        var p = c; p.verdict = .possiblyEligible; p.failing = []
        XCTAssertEqual(CandidateReason.spans(p, ascii: false).map(\.text).joined(), "  obtain: BCR::ABL1 not tested")
        // On the screening screen itself: no ineligible line carries an obtain: item.
        let rt = AppRuntime(repository: BoardFixtures.repository(), width: 200, height: 60, ascii: false)
        rt.start()
        rt.send(.view4)
        let screen = rt.render()
        for y in 0..<screen.height where screen.rowText(y).contains("✗ ") {
            XCTAssertFalse(screen.rowText(y).contains("obtain:"), screen.rowText(y))
        }
    }
}

// MARK: the worklist's filters

extension DecisionScreensTests {
    func day(_ s: String) throws -> LocalDate { try XCTUnwrap(LocalDate(s)) }

    /// Boundaries: "due within 7 days" keeps due ≤ today + 7 (overdue included, as `followups --due-within`);
    /// "overdue by more than 14 days" keeps due < today − 14.
    func testWorklistDateFilterBoundaries() throws {
        let today = try day("2026-11-29")
        var f = WorklistFilter()
        f.dueWithinDays = 7
        XCTAssertTrue(f.admitsDue(try day("2026-12-06"), today: today))
        XCTAssertFalse(f.admitsDue(try day("2026-12-07"), today: today))
        XCTAssertTrue(f.admitsDue(try day("2026-11-01"), today: today), "overdue is due within any N")
        f = WorklistFilter()
        f.overdueMoreThanDays = 14
        XCTAssertTrue(f.admitsDue(try day("2026-11-14"), today: today), "15 days late")
        XCTAssertFalse(f.admitsDue(try day("2026-11-15"), today: today), "14 days late is not more than 14")
        XCTAssertFalse(f.admitsDue(try day("2026-12-01"), today: today))
        f.overdueMoreThanDays = 0
        XCTAssertTrue(f.admitsDue(try day("2026-11-28"), today: today))
        XCTAssertFalse(f.admitsDue(today, today: today), "due today is not overdue")
    }

    func testWorklistShowsDaysOverdue() throws {
        let today = try day("2026-11-29")
        let t = FollowUpTask(id: "T", patient: "P", due: try day("2026-11-17"), kind: "k", status: .overdue, source: "explicit")
        XCTAssertEqual(WorklistScreen.when(t, today: today).text, "12 d late")
        var soon = t; soon.due = try day("2026-12-02"); soon.status = .dueSoon
        XCTAssertEqual(WorklistScreen.when(soon, today: today).text, "in 3 d")
        let (rt, _) = BoardFixtures.workflowRuntime(width: 120, height: 40)
        rt.send(.view3)
        XCTAssertTrue(rt.render().text.contains(" d late"), "days overdue on the worklist")
    }

    func typeText(_ rt: AppRuntime, _ text: String) { for c in text { rt.send(.key(.char(c))) } }

    func testWorklistFilterFormKindFromAListAndDays() throws {
        let (rt, _) = BoardFixtures.workflowRuntime(width: 120, height: 40)
        rt.send(.view3)
        let kinds = rt.state.worklist.kinds
        XCTAssertGreaterThan(kinds.count, 1)
        let before = rt.state.worklist.rows.count
        rt.send(.key(.char("t")))
        guard case .form(let f)? = rt.state.overlay, f.purpose == .worklistFilter else { return XCTFail("t opens the filter form") }
        // Typing narrows the list of kinds; the choice jumps onto the first match.
        let target = try XCTUnwrap(kinds.first { $0.lowercased().contains("mrd") } ?? kinds.last)
        let needle = target.lowercased().contains("mrd") ? "mrd" : String(target.prefix(4))
        typeText(rt, needle)
        guard case .form(let f2)? = rt.state.overlay else { return XCTFail() }
        XCTAssertTrue(f2.fields[0].value.lowercased().contains(needle.lowercased()), f2.fields[0].value)
        XCTAssertLessThan(f2.fields[0].matches.count, kinds.count + 1, "narrowed")
        XCTAssertTrue(rt.render().text.contains("matching \"\(needle)\""), rt.render().text)
        let chosen = f2.fields[0].value
        rt.send(.key(.tab))
        typeText(rt, "30")
        rt.send(.key(.function(2)))
        XCTAssertNil(rt.state.overlay)
        XCTAssertEqual(rt.state.worklist.filter.kind, chosen)
        XCTAssertEqual(rt.state.worklist.filter.dueWithinDays, 30)
        let today = rt.state.today
        XCTAssertTrue(rt.state.worklist.rows.allSatisfy { $0.task.kind == chosen && today.days(until: $0.task.due) <= 30 })
        XCTAssertLessThanOrEqual(rt.state.worklist.rows.count, before)
        XCTAssertTrue(rt.render().rowText(2).contains("due within 30 d"), rt.render().rowText(2))
    }

    func testFormErrorClearedOnceFixed() {
        let (rt, _) = BoardFixtures.workflowRuntime(width: 120, height: 40)
        rt.send(.view3)
        rt.send(.key(.char("t")))
        rt.send(.key(.tab)); rt.send(.key(.tab))            // overdue by more than
        typeText(rt, "two")
        rt.send(.key(.function(2)))
        guard case .form(let f)? = rt.state.overlay else { return XCTFail("a bad number keeps the form open") }
        XCTAssertEqual(f.error, "Overdue by more than: expected a whole number of days (0-3650), found \"two\".")
        XCTAssertTrue(rt.render().text.contains("expected a whole number of days"))
        rt.send(.key(.backspace))
        guard case .form(let still)? = rt.state.overlay else { return XCTFail() }
        XCTAssertNotNil(still.error, "not fixed yet: \"tw\"")
        for _ in 0..<2 { rt.send(.key(.backspace)) }
        typeText(rt, "14")
        guard case .form(let fixed)? = rt.state.overlay else { return XCTFail() }
        XCTAssertNil(fixed.error, "the error goes once the field is fixed")
        XCTAssertFalse(rt.render().text.contains("expected a whole number of days"))
        rt.send(.key(.function(2)))
        XCTAssertEqual(rt.state.worklist.filter.overdueMoreThanDays, 14)
        XCTAssertTrue(rt.state.worklist.rows.allSatisfy { rt.state.today.days(until: $0.task.due) < -14 })
    }
}

// MARK: screening decline reasons

extension DecisionScreensTests {
    /// Decline reasons come from the controlled list (clinical-reference.md §4.1); free text is kept apart.
    func testScreeningDeclineNeedsACodeWithFreeTextApart() throws {
        let (rt, wf) = BoardFixtures.workflowRuntime()
        rt.send(.view4)
        for _ in 0..<10 where rt.state.trials.rows[rt.state.screening.trialList.selected].trial.id != "DEMO-AML-MENIN" { rt.send(.down) }
        rt.send(.key(.enter))
        let patient = try XCTUnwrap(rt.state.screening.selectedCandidate?.patientID)
        rt.send(.key(.char("m")))
        for _ in 0..<6 {
            guard case .form(let f)? = rt.state.overlay, f.value("status") != "declined" else { break }
            rt.send(.key(.right))
        }
        rt.send(.key(.tab)); rt.send(.key(.tab)); rt.send(.key(.tab))   // date, reason code, free text
        typeText(rt, "lives too far")
        rt.send(.key(.function(2)))
        guard case .form(let f)? = rt.state.overlay else { return XCTFail("free text alone is refused") }
        XCTAssertTrue(f.error?.hasPrefix("declined requires a reason code") == true, f.error ?? "")
        XCTAssertEqual(f.fields[f.focus].key, "reasonCode")
        rt.send(.key(.tab)); rt.send(.key(.backTab))
        guard case .form(let still)? = rt.state.overlay else { return XCTFail() }
        XCTAssertNotNil(still.error, "moving through the form does not clear an unfixed error")
        rt.send(.key(.right)); rt.send(.key(.right))                     // (none) → criteria-not-met → patient-declined
        guard case .form(let fixed)? = rt.state.overlay else { return XCTFail() }
        XCTAssertEqual(fixed.value("reasonCode"), "patient-declined")
        XCTAssertNil(fixed.error, "cleared once a code is chosen")
        rt.send(.key(.function(2)))
        XCTAssertNil(rt.state.overlay)
        let last = try XCTUnwrap(try wf.screeningRecords(trial: "DEMO-AML-MENIN", patient: patient).first?.history.last)
        XCTAssertEqual(last.status, .declined)
        XCTAssertEqual(last.reason, "patient-declined: lives too far")
        XCTAssertEqual(ScreeningReason.split(last.reason).text, "lives too far")
    }
}

extension DecisionScreensTests {
    /// The worklist filter form with the kind list narrowed by typing, at 80×24 and 120×40.
    func testWorklistFilterFormGolden() {
        for (w, h) in [(80, 24), (120, 40)] {
            let (rt, _) = BoardFixtures.workflowRuntime(width: w, height: h)
            rt.send(.view3)
            rt.send(.key(.char("t")))
            typeText(rt, "mrd")
            assertGolden(rt, "worklist-filter-form-\(w)x\(h)")
        }
    }
}
