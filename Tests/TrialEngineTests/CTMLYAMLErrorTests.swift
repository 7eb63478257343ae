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
}
