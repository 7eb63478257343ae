import Foundation
import XCTest
@testable import TrialEngine

/// Issue 12 item 10 (error half): a YAML error in `import-ctml` is reported at the real `file:line:column`, and a
/// duplicate key names the key and the line of its repetition without dumping the file.
final class CTMLYAMLErrorTests: XCTestCase {
    func message(_ yaml: String, file: String = "t.yaml") -> String {
        do { _ = try CTMLImporter.importText(yaml, file: file); return "" } catch { return "\(error)" }
    }

    func testSyntaxErrorIsAtItsLineAndColumn() {
        // Line 4: a mapping value where none is allowed (libyaml: "mapping values are not allowed in this context").
        let yaml = "protocol_no: 00-002\nmatch:\n  - clinical: {age_numerical: '>=18'}\n  bad: key: here\n"
        let m = message(yaml)
        XCTAssertTrue(m.hasPrefix("t.yaml:4:"), m)
        XCTAssertFalse(m.hasPrefix("t.yaml:1:1"), m)
        XCTAssertTrue(m.contains("invalid YAML"), m)
        let col = m.split(separator: ":").dropFirst(2).first.flatMap { Int($0) }
        XCTAssertNotNil(col, m)
        XCTAssertGreaterThan(col ?? 0, 1, m)
    }

    func testDuplicateKeyNamesTheKeyAndItsLineWithoutTheFile() {
        let yaml = """
        protocol_no: 00-003
        short_title: first
        match:
          - clinical: {age_numerical: '>=18'}
        long_title: a distinctive title that must not be echoed
        short_title: second
        """
        let m = message(yaml)
        XCTAssertTrue(m.hasPrefix("t.yaml:6:1: invalid YAML: duplicate key \"short_title\" in a mapping (first at line 2)"), m)
        XCTAssertFalse(m.contains("distinctive title"), "the file is not dumped: \(m)")
        XCTAssertLessThan(m.count, 200, m)
    }

    func testTrialFilesGetTheSameLocation() {
        let (t, d) = TrialLoader.load(text: "id: X\ntitle: a\nid: Y\n", file: "x.yaml")
        XCTAssertNil(t)
        XCTAssertEqual(d.first.map { "\($0.line):\($0.column)" }, "3:1", "\(d)")
        XCTAssertTrue(d.first?.message.contains("duplicate key \"id\"") == true, "\(d)")
    }

    /// Found by the libFuzzer target (Fuzz/TrialEngineFuzz.swift, CTML, ~3,200 inputs): a mapping key that is a list
    /// or a mapping made Yams' loader trap (Constructor.swift force-unwraps the key as a String).
    func testANonTextMappingKeyIsRefusedAtItsPosition() {
        XCTAssertTrue(message("x: {[1]: 2}").hasPrefix("t.yaml:1:5: invalid YAML: a mapping key must be text"), message("x: {[1]: 2}"))
        let nested = "protocol_no: 1\ntreatment_list:\n  ? {a: b}\n  : c\n"
        XCTAssertTrue(message(nested).hasPrefix("t.yaml:3:5: invalid YAML: a mapping key must be text"), message(nested))
        XCTAssertTrue(message("--- {a: 1}\n--- {[x]: 1}\n").contains("a mapping key must be text"), message("--- {a: 1}\n--- {[x]: 1}\n"))
    }

    /// Found by the libFuzzer target (CTML, ~29,000 inputs): an empty `arm_code` converted into a trial that does not
    /// load (`import-ctml` then failed with an internal error). A blank code falls back like a missing one.
    func testAnEmptyArmCodeFallsBackToTheInternalIdOrArm() throws {
        for (armCode, want) in [("\"\"", "42"), ("\"  \"", "42")] {
            let json = #"{"protocol_no": "11-111", "treatment_list": {"step": [{"arm": [{"arm_code": "# + armCode
                + #", "arm_internal_id": 42, "match": [{"clinical": {"age_numerical": ">=18"}}]}]}]}}"#
            let results = try CTMLImporter.importText(json, file: "e.json")
            let (trial, d) = TrialLoader.load(text: try XCTUnwrap(results.first).yaml, file: "11-111.yaml")
            XCTAssertEqual(try XCTUnwrap(trial, "\(d)").arms.map(\.arm.id), [want])
        }
        let bare = #"{"protocol_no": "11-112", "treatment_list": {"step": [{"arm": [{"arm_code": "", "match": [{"clinical": {"age_numerical": ">=18"}}]}]}]}}"#
        let (t2, d2) = TrialLoader.load(text: try XCTUnwrap(try CTMLImporter.importText(bare, file: "b.json").first).yaml, file: "11-112.yaml")
        XCTAssertEqual(try XCTUnwrap(t2, "\(d2)").arms.map(\.arm.id), ["arm"])
    }

    /// Found by the libFuzzer target (CTML): a duplicate key in a text with CR line breaks trapped the locator (it
    /// counted lines by LF only, libyaml counts CR too). Every YAML line break counts now.
    func testDuplicateKeyLineWithCRLineBreaks() {
        for nl in ["\r", "\r\n", "\n"] {
            let m = message(["protocol_no: 1", "short_title: a", "", "short_title: b", ""].joined(separator: nl))
            XCTAssertTrue(m.hasPrefix("t.yaml:4:1: invalid YAML: duplicate key \"short_title\""), "\(nl.debugDescription): \(m)")
        }
        let m = message("protocol_no: 1\r\r\r\r\r\r\r\r\r\rprotocol_no: 2")
        XCTAssertTrue(m.contains("duplicate key \"protocol_no\""), m)
    }
}
