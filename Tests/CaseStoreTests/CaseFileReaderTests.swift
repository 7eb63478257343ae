import CaseModel
import XCTest
@testable import CaseStore

final class CaseFileReaderTests: XCTestCase {
    /// Reads one file made of `patients` (JSON object texts) and returns the problems as strings.
    func problems(_ patients: [String], format: String = "\"caseboard-cases\"", version: String = "1") -> [String] {
        var r = CaseFileReader()
        r.read(data: TestFixtures.caseFile(patients, format: format, version: version), file: "in.json")
        return r.errors.map(\.description)
    }

    /// The minimal patient with `field` replaced/added by raw JSON text.
    func with(_ extra: String) -> String {
        "{\"id\": \"P-1\", \"sex\": \"male\", \"birthDate\": \"1970-05-04\", \"diagnoses\": [{\"date\": \"2026-01-10\", \"category\": \"AML\"}], \(extra)}"
    }

    func testMinimalPatientIsValid() {
        var r = CaseFileReader()
        r.read(data: TestFixtures.caseFile([TestFixtures.minimalPatient]), file: "in.json")
        XCTAssertEqual(r.errors, [])
        XCTAssertEqual(r.patients.map(\.id), ["P-1"])
        XCTAssertEqual(r.patients.first?.variants, [])
    }

    func testHeaderProblems() {
        XCTAssertEqual(problems([], format: "\"other\""), ["in.json: $.format: expected \"caseboard-cases\", found \"other\""])
        XCTAssertEqual(problems([], version: "2"), ["in.json: $.version: unsupported version 2 (this Caseboard reads version 1)"])
        XCTAssertEqual(problems([], version: "\"1\""), ["in.json: $.version: expected a number, found a string"])
        var r = CaseFileReader()
        r.read(data: Data("{\"format\": \"caseboard-cases\", \"version\": 1}".utf8), file: "in.json")
        XCTAssertEqual(r.errors.map(\.description), ["in.json: $.patients: required field is missing"])
        r = CaseFileReader()
        r.read(data: Data("[1]".utf8), file: "in.json")
        XCTAssertEqual(r.errors.map(\.description), ["in.json: $: expected an object with format, version and patients, found an array"])
    }

    func testInvalidJSONNamesLineAndColumn() {
        var r = CaseFileReader()
        r.read(data: Data("{\n  \"format\": \"caseboard-cases\",\n  \"version\": 1,\n  \"patients\": [,]\n}".utf8), file: "bad.json")
        XCTAssertEqual(r.errors.count, 1)
        let msg = r.errors[0].description
        XCTAssertTrue(msg.hasPrefix("bad.json: $: not valid JSON"), msg)
        XCTAssertTrue(msg.contains("line 4"), msg)
    }

    func testMissingRequiredFields() {
        XCTAssertEqual(problems(["{\"sex\": \"male\", \"birthDate\": \"1970-05-04\", \"diagnoses\": [{\"date\": \"2026-01-10\", \"category\": \"AML\"}]}"]),
                       ["in.json: patient [0]: $.patients[0].id: required field is missing"])
        XCTAssertEqual(problems(["{\"id\": \"P-1\", \"birthDate\": \"1970-05-04\", \"diagnoses\": []}"]), [
            "in.json: patient P-1: $.patients[0].sex: required field is missing",
            "in.json: patient P-1: $.patients[0].diagnoses: at least one diagnosis is required",
        ])
    }

    func testWrongTypes() {
        XCTAssertEqual(problems(["{\"id\": 42, \"sex\": \"male\", \"birthDate\": \"1970-05-04\", \"diagnoses\": [{\"date\": \"2026-01-10\", \"category\": \"AML\"}]}"]),
                       ["in.json: patient [0]: $.patients[0].id: expected a string, found a number"])
        XCTAssertEqual(problems([with("\"labs\": [{\"date\": \"2026-01-01\", \"test\": \"ANC\", \"value\": \"1.2\", \"unit\": \"10^9/L\"}]")]),
                       ["in.json: patient P-1: $.patients[0].labs[0].value: expected a number, found a string"])
        XCTAssertEqual(problems([with("\"mrd\": [{\"date\": \"2026-01-01\", \"marker\": \"NPM1\", \"method\": \"qPCR\", \"tissue\": \"PB\", \"detected\": 1, \"value\": 0.1}]")]),
                       ["in.json: patient P-1: $.patients[0].mrd[0].detected: expected true or false, found a number"])
        XCTAssertEqual(problems([with("\"variants\": {}")]), ["in.json: patient P-1: $.patients[0].variants: expected an array, found an object"])
        XCTAssertEqual(problems([with("\"comorbidities\": [\"hbv\", 3]")]),
                       ["in.json: patient P-1: $.patients[0].comorbidities[1]: expected a string, found a number"])
    }

    func testEnums() {
        XCTAssertEqual(problems(["{\"id\": \"P-1\", \"sex\": \"F\", \"birthDate\": \"1970-05-04\", \"diagnoses\": [{\"date\": \"2026-01-10\", \"category\": \"AML\"}]}"]),
                       ["in.json: patient P-1: $.patients[0].sex: expected one of female, male, other, unknown; found \"F\""])
        XCTAssertEqual(problems(["{\"id\": \"P-1\", \"sex\": \"male\", \"birthDate\": \"1970-05-04\", \"diagnoses\": [{\"date\": \"2026-01-10\", \"category\": \"LAM\"}]}"]),
                       ["in.json: patient P-1: $.patients[0].diagnoses[0].category: expected one of AML, APL, MDS, MDS/MPN, MPN, CML, B-ALL, T-ALL, MPAL, aplastic-anaemia, PNH, IBMFS, germline-predisposition; found \"LAM\""])
        XCTAssertEqual(problems([with("\"variants\": [{\"gene\": \"NPM1\", \"date\": \"2026-01-10\", \"origin\": \"inherited\"}]")]),
                       ["in.json: patient P-1: $.patients[0].variants[0].origin: expected one of somatic, germline, unknown; found \"inherited\""])
        XCTAssertEqual(problems([with("\"diseaseStatus\": [{\"date\": \"2026-01-10\", \"status\": \"remission\"}]")]).first?.hasPrefix(
            "in.json: patient P-1: $.patients[0].diseaseStatus[0].status: expected one of newly-diagnosed, CR"), true)
        XCTAssertEqual(problems([with("\"therapies\": [{\"start\": \"2026-01-10\", \"regimen\": \"7+3\", \"agents\": [], \"intent\": \"cure\"}]")]),
                       ["in.json: patient P-1: $.patients[0].therapies[0].intent: expected one of induction, consolidation, maintenance, salvage, conditioning, immunosuppression, supportive, other; found \"cure\""])
    }

    func testDates() {
        XCTAssertEqual(problems(["{\"id\": \"P-1\", \"sex\": \"male\", \"birthDate\": \"04/05/1970\", \"diagnoses\": [{\"date\": \"2026-02-30\", \"category\": \"AML\"}]}"]), [
            "in.json: patient P-1: $.patients[0].birthDate: expected a date YYYY-MM-DD, found \"04/05/1970\"",
            "in.json: patient P-1: $.patients[0].diagnoses[0].date: \"2026-02-30\" is not a real calendar date",
        ])
        XCTAssertEqual(problems([with("\"therapies\": [{\"start\": \"2026-03-10\", \"end\": \"2026-01-10\", \"regimen\": \"7+3\", \"agents\": [\"cytarabine\"], \"intent\": \"induction\"}]")]),
                       ["in.json: patient P-1: $.patients[0].therapies[0].end: end 2026-01-10 is before start 2026-03-10"])
        XCTAssertEqual(problems([with("\"followUps\": [{\"due\": \"2026-13-01\", \"kind\": \"visit\"}]")]),
                       ["in.json: patient P-1: $.patients[0].followUps[0].due: \"2026-13-01\" is not a real calendar date"])
    }

    func testRanges() {
        XCTAssertEqual(problems([with("\"variants\": [{\"gene\": \"NPM1\", \"date\": \"2026-01-10\", \"vaf\": 41}]")]),
                       ["in.json: patient P-1: $.patients[0].variants[0].vaf: VAF (a fraction) must be between 0 and 1, found 41"])
        XCTAssertEqual(problems([with("\"performanceStatus\": [{\"date\": \"2026-01-10\", \"ecog\": 5}]")]),
                       ["in.json: patient P-1: $.patients[0].performanceStatus[0].ecog: ECOG must be an integer from 0 to 4, found 5"])
        XCTAssertEqual(problems([with("\"performanceStatus\": [{\"date\": \"2026-01-10\", \"ecog\": 1.5}]")]),
                       ["in.json: patient P-1: $.patients[0].performanceStatus[0].ecog: expected a whole number, found 1.5"])
        XCTAssertEqual(problems([with("\"mrd\": [{\"date\": \"2026-01-01\", \"marker\": \"NPM1\", \"method\": \"qPCR\", \"tissue\": \"PB\", \"detected\": true, \"value\": -0.1}]")]),
                       ["in.json: patient P-1: $.patients[0].mrd[0].value: MRD value must be ≥ 0, found -0.1"])
        XCTAssertEqual(problems([with("\"mrd\": [{\"date\": \"2026-01-01\", \"marker\": \"NPM1\", \"method\": \"qPCR\", \"tissue\": \"PB\", \"detected\": true}]")]),
                       ["in.json: patient P-1: $.patients[0].mrd[0].value: required when detected is true (a fraction, e.g. 0.0012)"])
        // (written out whole: `with` would give `diagnoses` twice, a duplicate-key error since issue 12)
        XCTAssertEqual(problems(["{\"id\": \"P-1\", \"sex\": \"male\", \"birthDate\": \"1970-05-04\", \"diagnoses\": [{\"date\": \"2026-01-10\", \"category\": \"AML\", \"blastsBM\": 120}]}"]),
                       ["in.json: patient P-1: $.patients[0].diagnoses[0].blastsBM: blast percentage must be between 0 and 100, found 120"])
    }

    func testFusionNeedsDoubleColon() {
        XCTAssertEqual(problems([with("\"fusions\": [{\"date\": \"2026-01-10\", \"name\": \"BCR-ABL1\"}]")]),
                       ["in.json: patient P-1: $.patients[0].fusions[0].name: a fusion is written with a double colon between its genes (e.g. BCR::ABL1), found \"BCR-ABL1\""])
    }

    func testEveryProblemIsCollectedNotJustTheFirst() {
        let errs = problems([with("\"variants\": [{\"gene\": \"NPM1\", \"date\": \"2026-01-10\", \"vaf\": 2}, {\"date\": \"x\"}]"),
                             "{\"id\": \"P-2\", \"sex\": \"x\", \"birthDate\": \"1970-05-04\", \"diagnoses\": [{\"date\": \"2026-01-10\", \"category\": \"AML\"}]}"])
        XCTAssertEqual(errs, [
            "in.json: patient P-1: $.patients[0].variants[0].vaf: VAF (a fraction) must be between 0 and 1, found 2",
            "in.json: patient P-1: $.patients[0].variants[1].gene: required field is missing",
            "in.json: patient P-1: $.patients[0].variants[1].date: expected a date YYYY-MM-DD, found \"x\"",
            "in.json: patient P-2: $.patients[1].sex: expected one of female, male, other, unknown; found \"x\"",
        ])
    }

    func testDuplicateIdsAcrossFiles() throws {
        let dir = TestFixtures.tempDirectory()
        let a = dir.appendingPathComponent("a.json"), b = dir.appendingPathComponent("b.json")
        try TestFixtures.caseFile([TestFixtures.minimalPatient]).write(to: a)
        try TestFixtures.caseFile([TestFixtures.minimalPatient.replacingOccurrences(of: "P-1", with: "P-2"), TestFixtures.minimalPatient]).write(to: b)
        let r = CaseFileReader.read(files: [a.path, b.path])
        XCTAssertEqual(r.errors.map(\.description), ["\(b.path): patient P-1: $.patients[1].id: duplicate patient id (first at \(a.path) $.patients[0])"])
        var same = CaseFileReader()
        same.read(data: TestFixtures.caseFile([TestFixtures.minimalPatient, TestFixtures.minimalPatient]), file: "in.json")
        XCTAssertEqual(same.errors.map(\.description), ["in.json: patient P-1: $.patients[1].id: duplicate patient id (first at $.patients[0])"])
    }

    func testUnknownFieldsAreWarningsNotErrors() {
        var r = CaseFileReader()
        r.read(data: TestFixtures.caseFile([with("\"favouriteColour\": \"blue\", \"variants\": [{\"gene\": \"NPM1\", \"date\": \"2026-01-10\", \"zygosity\": \"het\"}]")]),
               file: "in.json")
        XCTAssertEqual(r.errors, [])
        XCTAssertEqual(r.patients.count, 1)
        XCTAssertEqual(r.warnings.map(\.description), [
            "in.json: patient P-1: $.patients[0].favouriteColour: unknown field ignored",
            "in.json: patient P-1: $.patients[0].variants[0].zygosity: unknown field ignored",
        ])
    }

    func testOptionalNullMeansNotKnownAndDoneAcceptsBoolOrDate() {
        var r = CaseFileReader()
        r.read(data: TestFixtures.caseFile([with("\"site\": null, \"followUps\": [{\"due\": \"2026-01-10\", \"kind\": \"a\", \"done\": true}, {\"due\": \"2026-01-10\", \"kind\": \"b\", \"done\": \"2026-01-12\"}]")]),
               file: "in.json")
        XCTAssertEqual(r.errors, [])
        XCTAssertNil(r.patients.first?.site)
        XCTAssertEqual(r.patients.first?.followUps.map(\.isDone), [true, true])
        XCTAssertEqual(r.patients.first?.followUps.last?.done, TestFixtures.date("2026-01-12"))
    }

    func testMissingFile() {
        let r = CaseFileReader.read(files: ["/nonexistent/cases.json"])
        XCTAssertEqual(r.errors.map(\.description), ["/nonexistent/cases.json: $: cannot read the file (missing or unreadable)"])
    }
}
