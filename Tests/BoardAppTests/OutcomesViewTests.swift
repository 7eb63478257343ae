import XCTest
import CaseModel
import CaseStore
import ScreenKit
@testable import BoardApp
import ScreenTesting

/// The Outcomes view (issue #14 item 6) over the synthetic demo cohort (DemoGenerator, its fixed seed): golden screens at
/// 120×40 and 80×24, the analysis loaded by an effect (never while rendering), endpoint / grouping / cohort keys,
/// Enter on a group listing its patients and opening a case.
final class OutcomesViewTests: XCTestCase {
    static let goldens = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Goldens")

    static let demo: Result<[Patient], Error> = Result {
        let sources = try DemoSources.load(demoDirectory: try DemoDatabase.locate(environment: [:], executable: nil))
        var g = DemoGenerator(sources: sources)
        return try g.generate()
    }

    func runtime(_ w: Int, _ h: Int, ascii: Bool = false) throws -> AppRuntime {
        let patients = try Self.demo.get()
        let repo = InMemoryRepository(patients: patients, today: BoardFixtures.today, isDemo: true)
        let rt = AppRuntime(repository: repo, width: w, height: h, ascii: ascii)
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

    func testGoldenOSByELN2022() throws {
        for (w, h) in [(120, 40), (80, 24)] {
            let rt = try runtime(w, h)
            rt.send(.view6)
            XCTAssertEqual(rt.state.screen, .outcomes)
            XCTAssertEqual(rt.performed.last, .loadOutcomes(OutcomesQuery(endpoint: .os, grouping: .eln2022)))
            XCTAssertEqual(rt.state.outcomes.data?.report.groups.map(\.name), ["favorable", "intermediate", "adverse"])
            assertGolden(rt, "outcomes-\(w)x\(h)")
        }
    }

    func testGoldenCIRASCII() throws {
        let rt = try runtime(120, 40, ascii: true)
        rt.send(.view6)
        for _ in 0..<3 { rt.send(.cycleEndpoint) }   // OS → EFS → RFS → CIR
        XCTAssertEqual(rt.state.outcomes.query.endpoint, .cir)
        assertGolden(rt, "outcomes-cir-ascii-120x40")
    }

    /// Rendering reads only the state: the repository is asked once per choice, by the effect.
    func testEachChoiceIsOneLoadEffect() throws {
        let rt = try runtime(120, 40)
        rt.send(.view6)
        _ = rt.render(); _ = rt.render()
        XCTAssertEqual(rt.performed.filter { if case .loadOutcomes = $0 { return true } else { return false } }.count, 1)
        rt.send(.cycleGrouping)   // eln2022 → eln2024
        XCTAssertEqual(rt.state.outcomes.query.grouping, .eln2024)
        rt.send(.cycleEndpoint)
        XCTAssertEqual(rt.state.outcomes.query.endpoint, .efs)
        XCTAssertEqual(rt.performed.filter { if case .loadOutcomes = $0 { return true } else { return false } }.count, 3)
        XCTAssertEqual(rt.state.outcomes.data?.query, rt.state.outcomes.query)
    }

    func testCohortFormThenGroupPatientsThenCase() throws {
        let rt = try runtime(120, 40)
        rt.send(.view6)
        rt.send(.editCohort)
        guard case .form? = rt.state.overlay else { return XCTFail("the cohort form opens") }
        rt.type("age >= 60")
        rt.send(.key(.enter))
        XCTAssertNil(rt.state.overlay)
        XCTAssertFalse(rt.state.hasUnsavedChanges, "a query is not an unsaved change")
        XCTAssertEqual(rt.state.outcomes.query.whereText, "age >= 60")
        let cohort = try XCTUnwrap(rt.state.outcomes.data?.report.cohort)
        XCTAssertEqual(cohort.where, "age >= 60")
        XCTAssertLessThan(cohort.met, cohort.patients)
        XCTAssertTrue(rt.render().text.contains("cohort: age >= 60"))
        rt.send(.down)                         // intermediate
        let group = try XCTUnwrap(rt.state.outcomes.selectedGroup)
        rt.send(.open)
        XCTAssertEqual(rt.state.outcomes.listedGroup, group)
        let patients = rt.state.outcomes.listedPatients
        XCTAssertEqual(patients.count, rt.state.outcomes.data?.report.groups.first { $0.name == group }?.n)
        XCTAssertTrue(rt.render().text.contains(patients[0].id))
        rt.send(.open)                          // the first patient's case
        XCTAssertEqual(rt.state.screen, .caseDetail)
        XCTAssertEqual(rt.state.caseDetail.id, patients[0].id)
        rt.send(.back)
        XCTAssertEqual(rt.state.screen, .outcomes)
        XCTAssertEqual(rt.state.outcomes.listedGroup, group, "back from the case: the group's patients again")
        rt.send(.back)
        XCTAssertNil(rt.state.outcomes.listedGroup)
    }

    func testBadCohortIsShownNotCrashed() throws {
        let rt = try runtime(120, 40)
        rt.send(.view6)
        rt.send(.editCohort)
        rt.type("variant FLT3 consequence")
        rt.send(.key(.enter))
        XCTAssertNil(rt.state.outcomes.data)
        let problem = try XCTUnwrap(rt.state.outcomes.problem)
        XCTAssertTrue(problem.hasPrefix("Could not analyse OS"), problem)
        XCTAssertTrue(rt.render().text.contains("Could not analyse OS"))
    }

    /// At the minimum width (80) the six tabs stay visible beside a shortened demo banner (it used to hide "6 Outcomes").
    func testEveryTabAndTheDemoBannerFitAtEightyColumns() throws {
        for (w, banner) in [(80, " DEMO"), (100, "SYNTHETIC DEMO DATA"), (120, "SYNTHETIC DEMO DATA")] {
            let top = try XCTUnwrap(try runtime(w, 24).render().text.split(separator: "\n", omittingEmptySubsequences: false).first.map(String.init))
            XCTAssertTrue(top.contains("6 Outcomes"), "\(w): \(top)")
            XCTAssertTrue(top.trimmingCharacters(in: .whitespaces).hasSuffix(banner.trimmingCharacters(in: .whitespaces)), "\(w): \(top)")
            XCTAssertTrue(top.contains(banner), "\(w): \(top)")
        }
    }

    func testListedInHelpAndViewSwitcher() throws {
        let rt = try runtime(120, 40)
        XCTAssertTrue(rt.render().text.contains("6 Outcomes"))
        rt.send(.view6)
        rt.send(.help)
        let text = rt.render().text
        XCTAssertTrue(text.contains("Endpoint OS/EFS/RFS/CIR"), text)
        XCTAssertTrue(text.contains("Cohort (--where)"), text)
    }
}
