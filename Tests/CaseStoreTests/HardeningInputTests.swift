import CaseModel
import XCTest
@testable import CaseStore

/// Issue 12 ("Hardening"), failures 1, 7 and 9: ids and text, impossible values, duplicate keys.
/// Each input below is one of the report's saved inputs; every test failed on the code before the fix.
final class HardeningInputTests: XCTestCase {
    static let today = TestFixtures.date("2026-11-29")

    func read(_ patients: [String]) -> CaseFileReader {
        var r = CaseFileReader()
        r.today = Self.today
        r.read(data: TestFixtures.caseFile(patients), file: "in.json")
        return r
    }

    func problems(_ patients: [String]) -> [String] { read(patients).errors.map(\.description) }

    func patient(id: String = "P-1", birth: String = "1970-05-04", dx: String = "2026-01-10", _ extra: String = "") -> String {
        "{\"id\": \"\(id)\", \"sex\": \"male\", \"birthDate\": \"\(birth)\", \"diagnoses\": [{\"date\": \"\(dx)\", \"category\": \"AML\"}]\(extra.isEmpty ? "" : ", " + extra)}"
    }

    // MARK: failure 1 — a NUL in an id overwrote another patient

    func testIdWithNulIsRefusedAndCannotOverwriteAnotherPatient() throws {
        let db = try AppDatabase.inMemory()
        try db.importPatients([TestFixtures.patient("SL-AML-0001")], who: "t")
        let before = try db.patient(id: "SL-AML-0001")
        let r = read([patient(id: "SL-AML-0001\\u0000evil")])
        XCTAssertEqual(r.patients.count, 0)
        XCTAssertEqual(r.errors.map(\.description), [
            "in.json: patient \"SL-AML-0001\\u{0000}evil\": $.patients[0].id: a patient id must be 1–64 characters A–Z, a–z, 0–9, '-', '_', '.' starting with a letter or digit, found \"SL-AML-0001\\u{0000}evil\"",
        ])
        // The store refuses such an id too (byte-for-byte ids: nothing can be cut at a NUL).
        var evil = TestFixtures.patient("SL-AML-0001\u{0}evil")
        evil.site = "EVIL"
        XCTAssertThrowsError(try db.importPatients([evil], who: "t")) { XCTAssertTrue($0 is SafetyError, "\($0)") }
        XCTAssertEqual(try db.patient(id: "SL-AML-0001"), before)
        XCTAssertEqual(try db.patientIDs(), ["SL-AML-0001"])
    }

    func testIdCharacterSetAndLength() {
        XCTAssertEqual(problems([patient(id: String(repeating: "A", count: 64))]), [])
        XCTAssertEqual(problems([patient(id: "SL-AML_0.1")]), [])
        for bad in [String(repeating: "A", count: 65), "-P1", "P 1", "P:1", "P/1", "PÉ1", "P\\t1", "P\\u007f1"] {
            let errs = problems([patient(id: bad)])
            XCTAssertEqual(errs.count, 1, bad)
            XCTAssertTrue(errs.first?.contains("$.patients[0].id: a patient id must be 1–64 characters") == true, "\(bad): \(errs)")
        }
    }

    func testTextFieldsRefuseControlCharactersAndOverlongText() {
        XCTAssertEqual(problems([patient("\"site\": \"Hôpital\\u0000Nord\"")]),
                       ["in.json: patient P-1: $.patients[0].site: control character U+0000 not allowed in a single-line text"])
        XCTAssertEqual(problems([patient("\"site\": \"a\\nb\"")]),
                       ["in.json: patient P-1: $.patients[0].site: control character U+000A not allowed in a single-line text"])
        XCTAssertEqual(problems([patient("\"clinicalFeatures\": [\"ok\", \"bad\\u001b[31m\"]")]),
                       ["in.json: patient P-1: $.patients[0].clinicalFeatures[1]: control character U+001B not allowed in a single-line text"])
        let long = String(repeating: "x", count: 1_001)
        XCTAssertEqual(problems([patient("\"site\": \"\(long)\"")]),
                       ["in.json: patient P-1: $.patients[0].site: text longer than 1000 characters (1001)"])
        XCTAssertEqual(problems([patient("\"site\": \"\(String(repeating: "x", count: 1_000))\"")]), [])
        // A note may span lines and hold tabs, but no other control character, and at most 10,000 characters.
        XCTAssertEqual(problems([patient("\"followUps\": [{\"due\": \"2026-12-01\", \"kind\": \"visit\", \"note\": \"line 1\\n\\tline 2\"}]")]), [])
        XCTAssertEqual(problems([patient("\"followUps\": [{\"due\": \"2026-12-01\", \"kind\": \"visit\", \"note\": \"a\\rb\"}]")]),
                       ["in.json: patient P-1: $.patients[0].followUps[0].note: control character U+000D not allowed (only newline and tab are)"])
        XCTAssertEqual(problems([patient("\"followUps\": [{\"due\": \"2026-12-01\", \"kind\": \"visit\", \"note\": \"\(String(repeating: "n", count: 10_001))\"}]")]),
                       ["in.json: patient P-1: $.patients[0].followUps[0].note: text longer than 10000 characters (10001)"])
    }

    // MARK: failure 9 — impossible values accepted

    func testBirthDateInTheFutureOrAfterTheDiagnosis() {
        XCTAssertEqual(problems([patient(birth: "2030-01-01", dx: "2026-01-10")]), [
            "in.json: patient P-1: $.patients[0].birthDate: birth date 2030-01-01 is after today (2026-11-29)",
            "in.json: patient P-1: $.patients[0].diagnoses[0].date: diagnosis date 2026-01-10 is before the birth date 2030-01-01",
        ])
        XCTAssertEqual(problems([patient(birth: "2026-01-11", dx: "2026-01-10")]),
                       ["in.json: patient P-1: $.patients[0].diagnoses[0].date: diagnosis date 2026-01-10 is before the birth date 2026-01-11"])
        // Boundary: born and diagnosed the same day, diagnosed today.
        XCTAssertEqual(problems([patient(birth: "2026-11-29", dx: "2026-11-29")]), [])
        XCTAssertEqual(problems([patient(dx: "2026-11-30")]),
                       ["in.json: patient P-1: $.patients[0].diagnoses[0].date: diagnosis date 2026-11-30 is after today (2026-11-29)"])
        XCTAssertEqual(problems([patient(birth: "1899-12-31")]),
                       ["in.json: patient P-1: $.patients[0].birthDate: date 1899-12-31 is before 1900-01-01"])
    }

    func testDatesWithinTodayPlusTwoYearsAndDueDatesWithinTenYears() {
        let sample = { (d: String) in "\"labs\": [{\"date\": \"\(d)\", \"test\": \"ANC\", \"value\": 1.2, \"unit\": \"G/L\"}]" }
        XCTAssertEqual(problems([patient(sample("2028-11-29"))]), [])
        XCTAssertEqual(problems([patient(sample("2099-01-01"))]),
                       ["in.json: patient P-1: $.patients[0].labs[0].date: date 2099-01-01 is after 2028-11-29 (today 2026-11-29 + 2 years)"])
        let due = { (d: String) in "\"followUps\": [{\"due\": \"\(d)\", \"kind\": \"visit\"}]" }
        XCTAssertEqual(problems([patient(due("2036-11-29"))]), [])
        XCTAssertEqual(problems([patient(due("2036-11-30"))]),
                       ["in.json: patient P-1: $.patients[0].followUps[0].due: date 2036-11-30 is after 2036-11-29 (today 2026-11-29 + 10 years)"])
    }

    func testMRDBoundsAndNotDetectedAboveSensitivity() {
        func mrd(_ fields: String) -> String {
            patient("\"mrd\": [{\"date\": \"2026-03-01\", \"marker\": \"NPM1\", \"method\": \"qPCR\", \"tissue\": \"PB\", \(fields)}]")
        }
        XCTAssertEqual(problems([mrd("\"detected\": false, \"value\": 0.5, \"sensitivity\": 0.0001")]), [
            "in.json: patient P-1: $.patients[0].mrd[0].value: detected is false but the value 0.5 is above the sensitivity 0.0001 (a value above the limit of detection is a detected result)",
        ])
        // At the limit of detection it is still a negative.
        XCTAssertEqual(problems([mrd("\"detected\": false, \"value\": 0.0001, \"sensitivity\": 0.0001")]), [])
        XCTAssertEqual(problems([mrd("\"detected\": false, \"controlCopies\": 1e19")]),
                       ["in.json: patient P-1: $.patients[0].mrd[0].controlCopies: control copies must be between 0 and 1e9, found 1e+19"])
        XCTAssertEqual(problems([mrd("\"detected\": true, \"value\": 0.001, \"sensitivity\": 0")]),
                       ["in.json: patient P-1: $.patients[0].mrd[0].sensitivity: a sensitivity is a fraction above 0 and at most 1, found 0.0"])
        XCTAssertEqual(problems([mrd("\"detected\": true, \"value\": 1, \"controlCopies\": 1e9")]), [])
    }

    func testDuplicateJSONKeysAreAnErrorNamingThePath() {
        let text = """
        {"format": "caseboard-cases", "version": 1, "patients": [
          {"id": "P-1", "sex": "male", "birthDate": "1970-05-04", "diagnoses": [{"date": "2026-01-10", "category": "AML"}],
           "variants": [{"gene": "TP53", "date": "2026-01-10", "vaf": 0.41, "v\\u0061f": 0.041}]},
          {"id": "P-2", "id": "P-1", "sex": "male", "birthDate": "1970-05-04", "diagnoses": [{"date": "2026-01-10", "category": "AML"}]}
        ]}
        """
        var r = CaseFileReader()
        r.today = Self.today
        r.read(data: Data(text.utf8), file: "dup.json")
        let errs = r.errors.map(\.description)
        XCTAssertTrue(errs.contains("dup.json: $.patients[0].variants[0].vaf: duplicate key: the object gives this key twice (which one counts is ambiguous); keep one"), "\(errs)")
        XCTAssertTrue(errs.contains("dup.json: $.patients[1].id: duplicate key: the object gives this key twice (which one counts is ambiguous); keep one"), "\(errs)")
        XCTAssertEqual(JSONDuplicateKeys.find(Data("{\"a\": {\"b\": [1, {\"c\": 1, \"c\": 2}], \"b2\": \"}\\\"{\"}, \"a\": []}".utf8)),
                       ["$.a.b[1].c", "$.a"])
        XCTAssertEqual(JSONDuplicateKeys.find(Data("{\"a\": [[], {}, [1, 2]], \"b\": {\"a\": 1}}".utf8)), [])
    }
}
