import CaseModel
import CaseboardCore
import XCTest

/// `screening set --reason-code/--reason` (issue #17): codes from the controlled list of clinical-reference.md
/// §4.1, `declined` only with a code, free text kept after the code.
final class ScreeningReasonRunsTests: XCTestCase {
    func testReasonCodes() throws {
        XCTAssertEqual(try ScreeningRuns.reason(status: "declined", code: "patient-declined", text: "wants care closer to home"),
                       "patient-declined: wants care closer to home")
        XCTAssertEqual(try ScreeningRuns.reason(status: "declined", code: "died", text: nil), "died")
        XCTAssertEqual(try ScreeningRuns.reason(status: "deferred", code: nil, text: "active infection"), "active infection")
        XCTAssertThrowsError(try ScreeningRuns.reason(status: "declined", code: nil, text: "too far")) { e in
            XCTAssertTrue("\(e)".contains("--status declined requires --reason-code"), "\(e)")
        }
        XCTAssertThrowsError(try ScreeningRuns.reason(status: "declined", code: "busy", text: nil)) { e in
            XCTAssertTrue("\(e)".contains("unknown code \"busy\"") && "\(e)".contains("slot-unavailable"), "\(e)")
        }
    }
}
