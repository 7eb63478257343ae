import XCTest
@testable import TrialEngine

final class TrialLinterTests: XCTestCase {
    func lint(_ rule: String) throws -> [TrialDiagnostic] {
        let yaml = TrialLoaderTests.good.replacingOccurrences(of: "rule: \"variant NPM1\"", with: "rule: \"\(rule.replacingOccurrences(of: "\"", with: "\\\""))\"")
        let (t, d) = TrialLoader.load(text: yaml, file: "l.yaml")
        // The fixture's arm has no diagnosis criterion: that warning (issue 11 point 22) is tested in
        // GermlineAndLintCorrectionsTests; these tests look at the one criterion under test.
        return TrialLinter.lint(try XCTUnwrap(t, d.map(\.description).joined())).filter { !$0.message.contains("no diagnosis criterion") }
    }

    func testCriteriaThatCanNeverBeMet() throws {
        XCTAssertEqual(try lint("age > 80 and age < 18").map(\.description), ["l.yaml:16:16: arm A: criterion can never be met: no age satisfies every age condition"])
        XCTAssertEqual(try lint("prior_lines >= 3 and prior_lines in 0..1").count, 1)
        XCTAssertEqual(try lint("sex male and sex female").count, 1)
        XCTAssertEqual(try lint("(age > 80 and age < 18) or (age < 5 and age > 10)").count, 1)
        XCTAssertEqual(try lint("(age > 80 and age < 18) or age > 20").count, 0)
        XCTAssertEqual(try lint("age >= 18 and age <= 75").count, 0)
    }

    func testUnknownGeneIsAnErrorWithItsPosition() throws {
        let d = try lint("age >= 18 and variant NMP1")
        XCTAssertEqual(d.map(\.description), ["l.yaml:16:30: arm A: unknown gene 'NMP1'"])
        XCTAssertEqual(try lint("fusion BCR::ABL9").map(\.message), ["arm A: unknown gene 'ABL9'"])
    }

    func testWarnings() throws {
        let d = try lint("unmapped \"tmb\" or oncotree is-a \"Melanoma\"")
        XCTAssertEqual(d.map(\.severity), [.warning, .warning])
    }
}
