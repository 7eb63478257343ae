import XCTest
import CaseModel
import ScreenKit
@testable import BoardApp
import ScreenTesting

/// Scripted interactions: actions through the real reducer and runtime, asserting state and screen.
final class ReducerTests: XCTestCase {
    func runtime(_ w: Int = 120, _ h: Int = 40, repo: InMemoryRepository = BoardFixtures.repository()) -> AppRuntime {
        let rt = AppRuntime(repository: repo, width: w, height: h, ascii: false)
        rt.start()
        return rt
    }

    func testFirstFrameInterpretsOnlyTheVisibleRows() {
        let repo = BoardFixtures.repository()
        let rt = runtime(80, 24, repo: repo)
        let visible = ScreenLayout.tableRows(width: 80, height: 24)
        XCTAssertLessThan(visible, repo.caseCount)
        XCTAssertEqual(repo.interpretedCount, visible, "the list's effect loads the rows on screen, and only those")
        XCTAssertEqual(rt.state.caseList.rows.count, visible)
        _ = rt.render()
        XCTAssertEqual(repo.interpretedCount, visible, "rendering reads only the state")
        rt.send(.key(.down))
        XCTAssertEqual(repo.interpretedCount, visible, "moving within the window loads nothing")
    }

    /// Effects run off the UI thread in background execution: `send` returns before the effect has run, its
    /// result arrives through the inbox, and the state is the same as inline once settled.
    func testBackgroundEffectsComeBackThroughTheInbox() {
        let gate = DispatchSemaphore(value: 0)
        let repo = GatedRepository(BoardFixtures.repository(), gate: gate)
        let rt = AppRuntime(repository: repo, width: 120, height: 40, ascii: false, execution: .background)
        rt.start()
        XCTAssertFalse(rt.state.caseList.isLoaded, "start returned while the read is held")
        XCTAssertTrue(rt.isBusy)
        rt.send(.key(.char("2")))
        XCTAssertEqual(rt.state.screen, .trials, "keys are handled while an effect runs")
        repo.open()
        XCTAssertTrue(rt.settle(timeout: 10))
        XCTAssertTrue(rt.state.caseList.isLoaded)
        XCTAssertTrue(rt.state.trials.isLoaded)
        let inline = runtime(120, 40)
        inline.send(.key(.char("2")))
        XCTAssertEqual(rt.state.caseList.ids, inline.state.caseList.ids)
        XCTAssertEqual(rt.state.trials.rows, inline.state.trials.rows)
    }

    func testSearchOpenCaseTrialReasonsAndBack() {
        let rt = runtime()
        rt.send(.key(.char("/")))
        XCTAssertNotNil(rt.state.caseList.searchEditor)
        rt.type("0042")
        XCTAssertEqual(rt.state.caseList.ids, ["SL-AML-0042"])
        XCTAssertTrue(rt.render().text.contains("search: \"0042\""))
        rt.send(.key(.enter))
        XCTAssertNil(rt.state.caseList.searchEditor, "Enter keeps the search and leaves the line")
        XCTAssertEqual(rt.state.caseList.query.search, "0042")
        rt.send(.key(.enter))
        XCTAssertEqual(rt.state.screen, .caseDetail)
        XCTAssertEqual(rt.state.caseDetail.detail?.patient.id, "SL-AML-0042")
        rt.send(.key(.enter))
        XCTAssertEqual(rt.state.caseDetail.focus, .trials)
        rt.send(.key(.enter))
        XCTAssertTrue(rt.state.caseDetail.showReasons)
        let text = rt.render().text
        XCTAssertTrue(text.contains("Trial reasons: DEMO-AML-MENIN"))
        XCTAssertTrue(text.contains("To obtain:"))
        XCTAssertTrue(text.contains("GVHD treatment status not recorded since 2026-08-04"))
        rt.send(.key(.escape))
        XCTAssertFalse(rt.state.caseDetail.showReasons)
        XCTAssertEqual(rt.state.screen, .caseDetail)
        rt.send(.key(.escape))
        XCTAssertEqual(rt.state.screen, .caseList)
        rt.send(.key(.escape))
        XCTAssertEqual(rt.state.caseList.query.search, "", "Esc on the list clears the search")
        XCTAssertEqual(rt.state.caseList.ids.count, BoardFixtures.patients.count)
    }

    func testSearchEscapeWhileTypingClears() {
        let rt = runtime()
        rt.send(.search)
        rt.type("cml")
        XCTAssertEqual(rt.state.caseList.ids, ["SL-CML-0007"])
        rt.send(.key(.backspace))
        XCTAssertEqual(rt.state.caseList.query.search, "cm")
        rt.send(.key(.escape))
        XCTAssertNil(rt.state.caseList.searchEditor)
        XCTAssertEqual(rt.state.caseList.ids.count, BoardFixtures.patients.count)
    }

    func testNavigationKeysResolveThroughKeyMaps() {
        let rt = runtime(80, 24)
        rt.send(.key(.char("j")))
        XCTAssertEqual(rt.state.caseList.list.selected, 1)
        rt.send(.key(.down))
        XCTAssertEqual(rt.state.caseList.list.selected, 2)
        rt.send(.key(.char("k")))
        XCTAssertEqual(rt.state.caseList.list.selected, 1)
        rt.send(.key(.char("G")))
        XCTAssertEqual(rt.state.caseList.list.selected, BoardFixtures.patients.count - 1)
        XCTAssertGreaterThan(rt.state.caseList.list.offset, 0)
        rt.send(.key(.char("g")))
        XCTAssertEqual(rt.state.caseList.list.selected, 0)
        rt.send(.key(.pageDown))
        XCTAssertEqual(rt.state.caseList.list.selected, ScreenLayout.tableRows(width: 80, height: 24))
        rt.send(.key(.char("2")))
        XCTAssertEqual(rt.state.screen, .trials)
        XCTAssertEqual(rt.state.trials.rows.count, BoardFixtures.trials.count)
        rt.send(.key(.char("3")))
        XCTAssertEqual(rt.state.screen, .worklist)
        rt.send(.key(.char("1")))
        XCTAssertEqual(rt.state.screen, .caseList)
        XCTAssertEqual(rt.state.caseList.list.selected, ScreenLayout.tableRows(width: 80, height: 24), "views keep their state")
    }

    func testTabCyclesCasePanelsAndZoom() {
        let rt = runtime()
        rt.send(.openCase("SL-AML-0042"))
        XCTAssertEqual(rt.state.caseDetail.focus, .identity)
        for expected in [CasePanel.genetics, .mrd, .trials, .timeline, .followUps, .identity] {
            rt.send(.key(.tab))
            XCTAssertEqual(rt.state.caseDetail.focus, expected)
        }
        rt.send(.key(.backTab))
        XCTAssertEqual(rt.state.caseDetail.focus, .followUps)
        rt.send(.key(.char("z")))
        XCTAssertTrue(rt.state.caseDetail.zoomed)
        XCTAssertTrue(rt.render().text.contains("Re-vaccination (6 months)"))
        rt.send(.key(.escape))
        XCTAssertFalse(rt.state.caseDetail.zoomed)
        XCTAssertEqual(rt.state.screen, .caseDetail)
    }

    func testQuitImmediatelyWhenNothingIsUnsaved() {
        let rt = runtime()
        rt.send(.key(.char("q")))
        XCTAssertTrue(rt.isQuitting)
        XCTAssertEqual(rt.performed.last, .quit)
    }

    func testQuitAsksWhenSomethingIsUnsaved() {
        var s = AppState(width: 120, height: 40, ascii: false, isDemo: false, today: BoardFixtures.today, caseCount: 0)
        s.hasUnsavedChanges = true
        var (next, effects) = reduce(s, .key(.char("q")))
        XCTAssertTrue(effects.isEmpty)
        guard case .confirmQuit? = next.overlay else { return XCTFail("expected a confirmation") }
        XCTAssertFalse(next.isQuitting)
        (next, effects) = reduce(next, .key(.escape))
        XCTAssertNil(next.overlay)
        XCTAssertFalse(next.isQuitting)
        (next, _) = reduce(next, .key(.char("q")))
        (next, effects) = reduce(next, .key(.enter))   // default button: Stay
        XCTAssertFalse(next.isQuitting)
        (next, _) = reduce(next, .key(.char("q")))
        (next, _) = reduce(next, .key(.left))
        (next, effects) = reduce(next, .key(.enter))
        XCTAssertTrue(next.isQuitting)
        XCTAssertEqual(effects, [.quit])
    }

    func testFiltersAndSort() throws {
        let rt = runtime()
        rt.send(.key(.char("f")))
        XCTAssertEqual(rt.state.caseList.query.filter.group, .aml)
        let aml = rt.state.caseList.ids
        XCTAssertFalse(aml.isEmpty)
        XCTAssertTrue(try aml.allSatisfy { try rt.repository.summary(id: $0)?.group == .aml })
        rt.send(.key(.char("c")))
        XCTAssertEqual(rt.state.caseList.query.filter.site, "Avicenne")
        XCTAssertTrue(try rt.state.caseList.ids.allSatisfy { try rt.repository.summary(id: $0)?.site == "Avicenne" })
        XCTAssertTrue(rt.render().text.contains("site: Avicenne"))
        rt.send(.key(.char("F")))   // issue 17: F (t is the worklist's task kind)
        XCTAssertNotNil(rt.state.caseList.query.filter.status)
        rt.send(.key(.char("x")))
        XCTAssertTrue(rt.state.caseList.query.filter.isEmpty)
        XCTAssertEqual(rt.state.caseList.ids.count, BoardFixtures.patients.count)
        rt.send(.key(.char("s")))
        XCTAssertEqual(rt.state.caseList.query.sort.key, .name)
        let names = try rt.state.caseList.ids.compactMap { try rt.repository.summary(id: $0)?.name }
        XCTAssertEqual(names, names.sorted())
        rt.send(.key(.char("S")))   // issue 17: S reverses (r reschedules)
        XCTAssertEqual(try rt.state.caseList.ids.compactMap { try rt.repository.summary(id: $0)?.name }, names.sorted().reversed())
        rt.send(.key(.char("s"))); rt.send(.key(.char("s")))   // age, diagnosis
        rt.send(.key(.char("s")))                             // risk (the Risk column)
        XCTAssertEqual(rt.state.caseList.query.sort.key, .eln)
        XCTAssertEqual(rt.state.caseList.ids.first, "SL-AML-0042", "the only case with an ELN risk sorts first")
    }

    func testPresenterModeHidesIdentitiesEverywhere() {
        let rt = runtime()
        XCTAssertTrue(rt.render().text.contains("DUPONT-TEST Marie"))
        rt.send(.key(.char("p")))
        XCTAssertTrue(rt.state.presenter)
        var text = rt.render().text
        XCTAssertTrue(text.contains("PRESENTER"))
        XCTAssertFalse(text.contains("DUPONT"))
        XCTAssertTrue(text.contains("M.D."))
        rt.send(.search); rt.type("dupont")
        XCTAssertTrue(rt.state.caseList.ids.isEmpty, "names are not searchable in presenter mode")
        rt.send(.key(.escape))
        rt.send(.openCase("SL-AML-0042"))
        text = rt.render().text
        XCTAssertFalse(text.contains("DUPONT"))
        XCTAssertFalse(text.contains("90000042"), "no MRN")
        XCTAssertFalse(text.contains("1963-04-02"), "no birth date")
        XCTAssertTrue(text.contains("identity hidden"))
        rt.send(.view3)
        XCTAssertFalse(rt.render().text.contains("DUPONT"))
        rt.send(.openTrial("DEMO-AML-MENIN"))
        XCTAssertFalse(rt.render().text.contains("DUPONT"))
    }

    func testTooSmallShowsMessageAndRecovers() {
        let rt = runtime()
        rt.send(.key(.resize(width: 70, height: 20)))
        XCTAssertTrue(rt.render().text.contains("Terminal too small"))
        rt.send(.key(.char("j")))
        rt.send(.key(.resize(width: 80, height: 24)))
        let text = rt.render().text
        XCTAssertFalse(text.contains("Terminal too small"))
        XCTAssertTrue(text.contains("1 Cases"))
    }

    /// Below 80×24 no key reaches a hidden list or form: only q / Ctrl-C act, and not over unsaved changes.
    func testTooSmallSwallowsKeysExceptQuit() {
        let rt = runtime()
        rt.send(.key(.resize(width: 40, height: 10)))
        let before = rt.state
        for k: KeyEvent in [.char("j"), .char("3"), .char("/"), .enter, .down, .end, .char("G")] { rt.send(.key(k)) }
        XCTAssertEqual(rt.state, before, "keys are swallowed while too small")
        var s = rt.state
        s.hasUnsavedChanges = true
        let (kept, effects) = reduce(s, .key(.char("q")))
        XCTAssertFalse(kept.isQuitting, "q does not drop unsaved changes the user cannot see")
        XCTAssertTrue(effects.isEmpty)
        var b = Buffer(width: 40, height: 10)
        ScreenRenderer.render(kept, into: &b)
        XCTAssertTrue((0..<10).map { b.rowText($0) }.joined().contains("Unsaved changes"))
        rt.send(.key(.char("q")))
        XCTAssertTrue(rt.isQuitting)
    }

    func testMouseClicksOnTabsAndRows() {
        let rt = runtime()
        let tabs = ScreenLayout.tabs(selected: .caseList, ascii: false).tabRects(in: ScreenLayout.tabsRow(width: 120))
        rt.send(.key(.mouse(x: tabs[1].x + 1, y: 0, button: 1)))
        XCTAssertEqual(rt.state.screen, .trials)
        rt.send(.key(.mouse(x: tabs[0].x + 1, y: 0, button: 1)))
        XCTAssertEqual(rt.state.screen, .caseList)
        let table = ScreenLayout.table(width: 120, height: 40)
        rt.send(.key(.mouse(x: 3, y: table.y + 1 + 5, button: 1)))
        XCTAssertEqual(rt.state.caseList.list.selected, 5)
        XCTAssertEqual(rt.state.screen, .caseList)
        rt.send(.key(.mouse(x: 3, y: table.y + 1 + 5, button: 1)))
        XCTAssertEqual(rt.state.screen, .caseDetail, "a click on the selected row opens it")
        XCTAssertEqual(rt.state.caseDetail.id, rt.state.caseList.ids[5])
    }

    func testWorklistGroupsByUrgencyAndSkipsHeadings() {
        let rt = runtime()
        rt.send(.view3)
        let lines = rt.state.worklist.lines
        guard case .heading(.overdue, let n)? = lines.first else { return XCTFail("overdue first") }
        XCTAssertEqual(n, 3)
        XCTAssertEqual(rt.state.worklist.selectedRow?.task.status, .overdue, "selection starts on a task, not a heading")
        XCTAssertEqual(rt.state.worklist.selectedRow?.task.patient, "SL-MDS-0019", "the most overdue first")
        for _ in 0..<3 { rt.send(.down) }
        XCTAssertEqual(rt.state.worklist.selectedRow?.task.status, .dueSoon, "moving down skips the heading")
        rt.send(.up)
        XCTAssertEqual(rt.state.worklist.selectedRow?.task.status, .overdue)
        let statuses = rt.state.worklist.rows.map(\.task.status)
        XCTAssertEqual(statuses, statuses.sorted())
        XCTAssertFalse(statuses.contains(.done))
        rt.send(.key(.char("D")))   // issue 17: D shows done tasks (a puts on an agenda)
        XCTAssertTrue(rt.state.worklist.rows.contains { $0.task.status == .done })
        rt.send(.key(.char("c")))
        XCTAssertEqual(rt.state.worklist.filter.site, "Avicenne")
        XCTAssertTrue(rt.state.worklist.rows.allSatisfy { $0.task.site == "Avicenne" })
        rt.send(.key(.char("c"))); rt.send(.key(.char("c"))); rt.send(.key(.char("c")))
        XCTAssertNil(rt.state.worklist.filter.site)
        rt.send(.key(.char("D")))
        rt.send(.top)
        rt.send(.key(.enter))
        guard case .message(let details, nil)? = rt.state.overlay else { return XCTFail("Enter shows the task's details") }
        XCTAssertTrue(details.message.contains("SL-MDS-0019"), details.message)
        rt.send(.key(.escape))
        XCTAssertNil(rt.state.overlay)
        rt.send(.key(.char("o")))
        XCTAssertEqual(rt.state.screen, .caseDetail)
        XCTAssertEqual(rt.state.caseDetail.id, "SL-MDS-0019")
    }

    func testTrialAndScreeningOpenCandidates() {
        let rt = runtime()
        rt.send(.view2)
        rt.send(.down)
        rt.send(.key(.enter))
        XCTAssertEqual(rt.state.screen, .trialDetail)
        XCTAssertEqual(rt.state.trialDetail.detail?.trial.id, "DEMO-AML-MENIN")
        XCTAssertEqual(rt.state.trialDetail.detail?.possiblyEligible.map(\.patientID), ["SL-AML-0042"])
        XCTAssertEqual(rt.state.trialDetail.detail?.ineligible.count, 2)
        rt.send(.key(.enter))   // focus candidates
        XCTAssertEqual(rt.state.trialDetail.focus, .candidates)
        rt.send(.key(.enter))
        XCTAssertEqual(rt.state.caseDetail.id, "SL-AML-0042")
        XCTAssertEqual(rt.state.stack, [.trials, .trialDetail, .caseDetail])
        rt.send(.view4)
        XCTAssertEqual(rt.state.screen, .screening)
        XCTAssertEqual(rt.state.screening.detail?.trial.id, "DEMO-AML-FLT3")
        rt.send(.down); rt.send(.down)
        rt.send(.open)
        XCTAssertEqual(rt.state.screening.detail?.trial.id, "DEMO-CML-STOP")
        XCTAssertEqual(rt.state.screening.focus, .candidates)
        rt.send(.open)
        XCTAssertEqual(rt.state.caseDetail.id, "SL-CML-0007")
    }

    func testUnknownIdsSayWhichAndGoBack() {
        let rt = runtime()
        rt.send(.openCase("NO-SUCH"))
        XCTAssertEqual(rt.state.screen, .caseList)
        XCTAssertEqual(rt.state.message, "Unknown case id NO-SUCH")
        XCTAssertTrue(rt.render().text.contains("Unknown case id NO-SUCH"))
        rt.send(.openTrial("NOPE"))
        XCTAssertEqual(rt.state.message, "Unknown trial id NOPE")
        XCTAssertNotEqual(rt.state.screen, .trialDetail)
    }

    func testHelpOverlayAndFooterComeFromTheKeyMaps() {
        for screen in ScreenID.allCases {
            let map = AppKeyMaps.map(for: screen)
            let lines = HelpOverlay(maps: AppKeyMaps.helpMaps(for: screen)).lines
            for b in map.bindings {
                XCTAssertFalse(b.help.isEmpty, "\(b.action) has help text")
                XCTAssertNotNil(Command(rawValue: b.action), "\(b.action) is a named command")
                XCTAssertTrue(lines.contains { $0.help == b.help }, "\(screen): \(b.action) in the help overlay")
            }
        }
        let rt = runtime()
        rt.send(.key(.char("?")))
        XCTAssertEqual(rt.state.overlay, .help(scroll: 0))
        XCTAssertTrue(rt.render().text.contains("Filter: next group"))
        rt.send(.key(.char("?")))
        XCTAssertNil(rt.state.overlay)
        XCTAssertTrue(rt.render().rowText(39).contains("Enter Open case"))
    }

    func testLoopDrawsOnlyWhenTheStateChangesAndQuitsOnQ() {
        let rt = runtime()
        let term = HeadlessTerminal(width: 100, height: 30, keys: [.char("j"), .char("Z"), .function(7), .char("q")])
        var loop = AppLoop(runtime: rt, terminal: term)
        var firstFrames = 0
        loop.onFirstFrame = { firstFrames += 1 }
        loop.run(maxIdlePolls: 3, pollMs: 0)
        XCTAssertTrue(rt.isQuitting)
        XCTAssertEqual(term.frames.count, 2, "first frame, then one after j; unbound keys draw nothing")
        XCTAssertEqual(firstFrames, 1)
        XCTAssertEqual(term.frames.first?.width, 100)
    }

    func testLoopFollowsResize() {
        let rt = runtime()
        let term = HeadlessTerminal(width: 120, height: 40, keys: [.resize(width: 80, height: 24)])
        var loop = AppLoop(runtime: rt, terminal: term)
        loop.run(maxIdlePolls: 1, pollMs: 0)
        XCTAssertEqual(term.lastFrame?.width, 80)
        XCTAssertEqual(term.lastFrame?.height, 24)
        XCTAssertFalse(rt.isQuitting)
    }

    func testResizeToTheSameSizeRepaints() {
        let rt = runtime()
        let term = HeadlessTerminal(width: 120, height: 40, keys: [.resize(width: 120, height: 40), .char("Z")])
        var loop = AppLoop(runtime: rt, terminal: term)
        loop.run(maxIdlePolls: 1, pollMs: 0)
        XCTAssertEqual(term.frames.count, 2, "after fg the backend sends a resize of the same size: repaint once, not on other keys")
    }

    func testClicksFocusCasePanelsAndOpenTrialReasons() throws {
        let rt = runtime()
        rt.send(.openCase("SL-AML-0042"))
        let panels = CaseDetailScreen.layout(ScreenLayout.content(width: 120, height: 40))
        let mrd = try XCTUnwrap(panels[.mrd]), trials = try XCTUnwrap(panels[.trials])
        rt.send(.key(.mouse(x: mrd.x + 3, y: mrd.y + 3, button: 1)))
        XCTAssertEqual(rt.state.caseDetail.focus, .mrd)
        rt.send(.key(.mouse(x: trials.x + 3, y: trials.y + 2, button: 1)))
        XCTAssertEqual(rt.state.caseDetail.focus, .trials)
        XCTAssertEqual(rt.state.caseDetail.trialList.selected, 1)
        XCTAssertFalse(rt.state.caseDetail.showReasons)
        rt.send(.key(.mouse(x: trials.x + 3, y: trials.y + 2, button: 1)))
        XCTAssertTrue(rt.state.caseDetail.showReasons)
        XCTAssertEqual(rt.state.caseDetail.selectedTrial?.trialID, "DEMO-AML-FLT3")
    }
}

/// A repository whose list and catalogue reads wait for a gate to open (a slow disk, as the effect queue sees it).
final class GatedRepository: CaseRepository, @unchecked Sendable {
    let inner: InMemoryRepository
    let gate: DispatchSemaphore
    private let lock = NSLock()
    private var isOpen = false
    init(_ inner: InMemoryRepository, gate: DispatchSemaphore) { self.inner = inner; self.gate = gate }
    func open() { lock.lock(); isOpen = true; lock.unlock(); gate.signal() }
    private func pass() {
        lock.lock(); let o = isOpen; lock.unlock()
        if !o { gate.wait(); gate.signal() }
    }
    var isDemo: Bool { inner.isDemo }
    var today: LocalDate { inner.today }
    var caseCount: Int { inner.caseCount }
    var facets: CaseFacets { inner.facets }
    func caseIDs(matching query: CaseQuery) throws -> [String] { pass(); return try inner.caseIDs(matching: query) }
    func summary(id: String) throws -> CaseSummary? { try inner.summary(id: id) }
    func detail(id: String) throws -> CaseDetail? { try inner.detail(id: id) }
    func trials() throws -> [TrialSummary] { pass(); return try inner.trials() }
    func trialDetail(id: String) throws -> TrialDetail? { try inner.trialDetail(id: id) }
    func worklist(filter: WorklistFilter) throws -> [WorklistRow] { try inner.worklist(filter: filter) }
}
