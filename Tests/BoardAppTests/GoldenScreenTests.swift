import XCTest
import CaseModel
import ScreenKit
@testable import BoardApp
import ScreenTesting

/// Every screen rendered from fixture state at 80×24 and 120×40 (and the MRD chart in ASCII),
/// compared with the reviewed goldens under Goldens/.
final class GoldenScreenTests: XCTestCase {
    static let goldens = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Goldens")

    static let sizes = [(80, 24), (120, 40)]

    func runtime(_ w: Int, _ h: Int, ascii: Bool = false) -> AppRuntime {
        let rt = AppRuntime(repository: BoardFixtures.repository(), width: w, height: h, ascii: ascii)
        rt.start()
        return rt
    }

    func assertGolden(_ rt: AppRuntime, _ name: String, file: StaticString = #filePath, line: UInt = #line) {
        let buffer = rt.render()
        switch GoldenScreen.check(buffer, name: name, directory: Self.goldens) {
        case .matched: break
        case .recorded(let path): XCTFail("Recorded golden \(path): review it and run again", file: file, line: line)
        case .mismatched(let path, let diff): XCTFail("Screen differs from \(path)\n\(diff)\n\(buffer.text)", file: file, line: line)
        }
    }

    func forEachSize(_ body: (Int, Int) -> Void) { for (w, h) in Self.sizes { body(w, h) } }

    func testCaseList() {
        forEachSize { w, h in assertGolden(runtime(w, h), "case-list-\(w)x\(h)") }
    }

    func testCaseListPresenterFilteredSorted() {
        forEachSize { w, h in
            let rt = runtime(w, h)
            rt.send(.presenter)
            rt.send(.filterGroup)            // AML
            rt.send(.sortNext)               // name
            assertGolden(rt, "case-list-presenter-\(w)x\(h)")
        }
    }

    func testCaseListSearching() {
        forEachSize { w, h in
            let rt = runtime(w, h)
            rt.send(.search)
            rt.type("cml")
            assertGolden(rt, "case-list-search-\(w)x\(h)")
        }
    }

    func testCase() {
        forEachSize { w, h in
            let rt = runtime(w, h)
            rt.send(.openCase("SL-AML-0042"))
            assertGolden(rt, "case-\(w)x\(h)")
        }
    }

    func testCaseTrialReasons() {
        forEachSize { w, h in
            let rt = runtime(w, h)
            rt.send(.openCase("SL-AML-0042"))
            rt.send(.open)   // focus the trials panel
            rt.send(.open)   // reasons of the selected trial
            assertGolden(rt, "case-reasons-\(w)x\(h)")
        }
    }

    func testCaseMRDZoomedASCII() {
        forEachSize { w, h in
            let rt = runtime(w, h, ascii: true)
            rt.send(.openCase("SL-AML-0042"))
            rt.send(.nextPanel); rt.send(.nextPanel)   // identity → genetics → MRD
            rt.send(.zoom)
            assertGolden(rt, "case-mrd-ascii-\(w)x\(h)")
        }
    }

    func testCaseASCII() {
        let rt = runtime(120, 40, ascii: true)
        rt.send(.openCase("SL-CML-0007"))
        assertGolden(rt, "case-cml-ascii-120x40")
    }

    func testTrials() {
        forEachSize { w, h in
            let rt = runtime(w, h)
            rt.send(.view2)
            assertGolden(rt, "trials-\(w)x\(h)")
        }
    }

    func testTrial() {
        forEachSize { w, h in
            let rt = runtime(w, h)
            rt.send(.openTrial("DEMO-AML-MENIN"))
            assertGolden(rt, "trial-\(w)x\(h)")
        }
    }

    func testWorklist() {
        forEachSize { w, h in
            let rt = runtime(w, h)
            rt.send(.view3)
            assertGolden(rt, "worklist-\(w)x\(h)")
        }
    }

    func testScreening() {
        forEachSize { w, h in
            let rt = runtime(w, h)
            rt.send(.view4)
            assertGolden(rt, "screening-\(w)x\(h)")
        }
    }

    func testMeeting() {
        forEachSize { w, h in
            let rt = runtime(w, h)
            rt.send(.view5)
            assertGolden(rt, "meeting-\(w)x\(h)")
        }
    }

    func testHelp() {
        forEachSize { w, h in
            let rt = runtime(w, h)
            rt.send(.help)
            assertGolden(rt, "help-\(w)x\(h)")
        }
    }

    // MARK: workflows (with the in-memory workflow repository)

    func workflows(_ w: Int, _ h: Int, readOnly: Bool = false) -> (AppRuntime, FixtureWorkflows) {
        BoardFixtures.workflowRuntime(width: w, height: h, readOnly: readOnly)
    }

    func testWorklistConfirmDoneAndNextOccurrence() {
        forEachSize { w, h in
            let (rt, _) = workflows(w, h)
            rt.send(.view3)
            rt.send(.top); for _ in 0..<60 where rt.state.worklist.selectedRow?.task.id != "T-42-1" { rt.send(.down) }
            rt.send(.key(.char("d")))
            assertGolden(rt, "worklist-confirm-\(w)x\(h)")
            rt.send(.key(.char("y")))
            assertGolden(rt, "worklist-done-\(w)x\(h)")
        }
    }

    func testWorklistRescheduleForm() {
        forEachSize { w, h in
            let (rt, _) = workflows(w, h)
            rt.send(.view3)
            rt.send(.key(.char("r")))
            rt.type("2026-12-20"); rt.send(.key(.enter))
            assertGolden(rt, "worklist-reschedule-\(w)x\(h)")
        }
    }

    func testScreeningLogAndStatusForm() {
        forEachSize { w, h in
            let (rt, wf) = workflows(w, h)
            _ = try? wf.setScreeningStatus(ScreeningChange(trial: "DEMO-AML-MENIN", patient: "SL-AML-0042", status: .identified))
            _ = try? wf.setScreeningStatus(ScreeningChange(trial: "DEMO-AML-MENIN", patient: "SL-AML-0042", status: .deferred,
                                                           reason: "awaiting marrow", recheck: LocalDate("2026-12-15")))
            rt.send(.view4)
            rt.send(.down); rt.send(.key(.enter))
            assertGolden(rt, "screening-log-\(w)x\(h)")
            rt.send(.key(.char("m")))
            assertGolden(rt, "screening-status-form-\(w)x\(h)")
        }
    }

    func testMeetingListModeAndDecisionForm() {
        forEachSize { w, h in
            let (rt, wf) = workflows(w, h)
            guard let m = try? wf.createMeeting(date: BoardFixtures.today, name: "RCP LAM adultes", site: "Saint-Louis") else { return XCTFail() }
            _ = try? wf.addToAgenda(meetingId: m.id, patientId: "SL-AML-0042", question: "Consolidation after MRD rise?")
            _ = try? wf.addToAgenda(meetingId: m.id, patientId: "SL-CML-0007", question: "TKI discontinuation?")
            rt.send(.view5)
            assertGolden(rt, "meeting-list-\(w)x\(h)")
            rt.send(.key(.enter))
            assertGolden(rt, "meeting-mode-\(w)x\(h)")
            rt.send(.key(.char("e")))
            rt.type("Dr A:haematology; Dr B:pathology")
            assertGolden(rt, "meeting-decision-form-\(w)x\(h)")
            rt.send(.key(.tab)); rt.send(.key(.tab)); rt.type("Consolidation then allo-HCT")
            rt.send(.key(.function(2)))
            rt.send(.key(.enter))   // the quorum warning dialog
            assertGolden(rt, "meeting-decided-\(w)x\(h)")
        }
    }

    func testReadOnlyRefusal() {
        forEachSize { w, h in
            let (rt, _) = workflows(w, h, readOnly: true)
            rt.send(.view3)
            rt.send(.key(.char("d")))
            assertGolden(rt, "worklist-read-only-\(w)x\(h)")
        }
    }

    func testTooSmall() {
        let rt = runtime(60, 20)
        assertGolden(rt, "too-small-60x20")
    }
}

/// ASCII mode (non-UTF-8 locales, the Linux console): no drawing glyph outside ASCII on any screen
/// (patient data such as accented names excepted).
final class ASCIIModeTests: XCTestCase {
    static let forbidden: [ClosedRange<UInt32>] = [0x2190...0x21FF, 0x2500...0x25FF, 0x2600...0x27BF, 0x2800...0x28FF,
                                                    0x2022...0x2022, 0x2026...0x2026, 0x00B7...0x00B7, 0x2014...0x2014,
                                                    0x2070...0x209F, 0x00D7...0x00D7, 0x203A...0x203A]

    func assertASCII(_ rt: AppRuntime, _ what: String) {
        let text = rt.render().text
        let bad = text.unicodeScalars.filter { s in Self.forbidden.contains { $0.contains(s.value) } }
        XCTAssertTrue(bad.isEmpty, "\(what): non-ASCII glyphs \(String(String.UnicodeScalarView(bad)))\n\(text)")
    }

    func testEveryScreenInASCII() {
        for (w, h) in [(80, 24), (120, 40)] {
            let rt = AppRuntime(repository: BoardFixtures.repository(), width: w, height: h, ascii: true)
            rt.start()
            assertASCII(rt, "case-list")
            rt.send(.search); rt.type("a")
            assertASCII(rt, "search")
            rt.send(.key(.escape))
            rt.send(.openCase("SL-AML-0042"))
            assertASCII(rt, "case")
            rt.send(.nextPanel); rt.send(.nextPanel); rt.send(.zoom)
            assertASCII(rt, "MRD zoomed")
            rt.send(.zoom); rt.send(.open); rt.send(.open)
            assertASCII(rt, "reasons")
            for v in [Command.view2, .view3, .view4, .view5] { rt.send(v); assertASCII(rt, "\(v)") }
            rt.send(.openTrial("DEMO-AML-MENIN"))
            assertASCII(rt, "trial")
            rt.send(.help)
            assertASCII(rt, "help")
            rt.send(.key(.resize(width: 50, height: 10)))
            assertASCII(rt, "too small")
        }
    }
}
