import CaseModel
@testable import CaseStore
import XCTest

/// Issue 12 item 9: `meeting export --pseudonymised` writes the board record without MRN, names or birth date
/// (nor the case id, which the MRN and the hospital's systems link back): a stable pseudonym per case and the
/// age at diagnosis instead, in Markdown and HTML.
extension MeetingExportTests {
    /// Identifying strings of the fixture patients (TestFixtures.patient: MRN DEMO-ID, Aline Testeur, born 1960-02-29).
    static let pseudonymisedMustNotContain = ["DEMO-SL-AML-0001", "DEMO-SL-ALL-0003", "SL-AML-0001", "SL-ALL-0003", "Testeur", "Aline", "1960-02-29", "born "]

    func testPseudonymisedRecordCarriesNoMRNNamesOrBirthDate() throws {
        let db = try WorkflowTestSupport.database()
        let (m, patients) = try fixture(db)
        let pseudonyms = try db.pseudonyms(for: m.agenda.map(\.patient))
        let plain = MeetingExport.markdown(m, patients: patients, facts: facts)
        for s in Self.pseudonymisedMustNotContain { XCTAssertTrue(plain.lowercased().contains(s.lowercased()), "the ordinary record names \(s) (the test would catch nothing otherwise)") }
        let md = MeetingExport.markdown(m, patients: patients, facts: facts, pseudonyms: pseudonyms)
        let html = MeetingExport.html(m, patients: patients, facts: facts, pseudonyms: pseudonyms)
        for (format, text) in [("md", md), ("html", html)] {
            for s in Self.pseudonymisedMustNotContain { XCTAssertFalse(text.lowercased().contains(s.lowercased()), "\(format) pseudonymised record contains \(s)") }
            for id in ["SL-AML-0001", "SL-ALL-0003"] {
                let p = try XCTUnwrap(pseudonyms[id])
                XCTAssertTrue(text.contains("pseudonym \(p)"), "\(format): \(p)")
            }
            // Born 1960-02-29, diagnosed 2026-01-10: 65 years at diagnosis.
            XCTAssertTrue(text.contains("age at diagnosis 65 y"), format)
            XCTAssertTrue(text.contains("Allo-HSCT from matched sibling donor"), "\(format): the clinical content stays")
        }
    }

    func testPseudonymsAreStablePerDatabaseAndDifferBetweenDatabases() throws {
        let a = try WorkflowTestSupport.database(), b = try WorkflowTestSupport.database()
        let first = try a.pseudonyms(for: ["SL-AML-0001", "SL-AML-0002"])
        XCTAssertEqual(try a.pseudonyms(for: ["SL-AML-0001"])["SL-AML-0001"], first["SL-AML-0001"], "stable")
        XCTAssertNotEqual(first["SL-AML-0001"], first["SL-AML-0002"])
        XCTAssertNotEqual(try b.pseudonyms(for: ["SL-AML-0001"])["SL-AML-0001"], first["SL-AML-0001"], "another database, another salt")
        XCTAssertTrue(first["SL-AML-0001"]?.hasPrefix("PSN-") == true)
        XCTAssertEqual(first["SL-AML-0001"]?.count, 16)
    }
}
