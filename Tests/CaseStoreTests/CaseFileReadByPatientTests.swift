import CaseModel
@testable import CaseStore
import Foundation
import XCTest

/// Issue #16: `CaseFileReader` reads a file patient by patient (`CaseFileScan` splits the top level, `NativeJSON` or
/// `JSONSerialization` parses each patient) and falls back to the whole-file parse for anything it declines. Both
/// paths must give the same patients, errors (text and order) and warnings: checked here on the fuzz mutator's
/// inputs (broken syntax, duplicate keys, bad escapes, deep nesting, odd numbers), each read both ways.
final class CaseFileReadByPatientTests: XCTestCase {
    static let today = TestFixtures.date("2026-11-29")

    func both(_ input: [UInt8]) -> (byPatient: CaseFileReader?, whole: CaseFileReader) {
        var base = CaseFileReader()
        base.today = Self.today
        let fast = input.withUnsafeBufferPointer { base.readByPatient($0, file: "in.json") }
        var whole = base
        whole.readWhole(data: Data(input), file: "in.json")
        return (fast, whole)
    }

    func assertSame(_ input: [UInt8], _ note: String, file: StaticString = #filePath, line: UInt = #line) {
        let (fast, whole) = both(input)
        guard let fast else { return } // declined: the whole-file parse is the answer
        XCTAssertEqual(fast.errors, whole.errors, note, file: file, line: line)
        XCTAssertEqual(fast.warnings, whole.warnings, note, file: file, line: line)
        XCTAssertEqual(fast.patients, whole.patients, note, file: file, line: line)
    }

    func testMutatedFilesReadTheSameEitherWay() throws {
        var m = FuzzTests.Mutator(rng: SplitMix64(seed: 16))
        var p1 = TestFixtures.patient("SL-AML-0001", variants: 2)
        p1.site = "Hôpital \"Nord\" \\ 😀"
        let p2 = TestFixtures.patient("SL-CML-0002")
        let seeds = [Array(try CaseFileWriter.data([p1, p2])), Array(TestFixtures.caseFile([TestFixtures.minimalPatient, TestFixtures.minimalPatient]))]
        var taken = 0
        for i in 0..<3_000 {
            let input = m.mutate(m.pick(seeds))
            if both(input).byPatient != nil { taken += 1 }
            assertSame(input, "input \(i): \(String(decoding: input.prefix(300), as: UTF8.self))")
        }
        XCTAssertGreaterThan(taken, 300, "most mutated files are still read patient by patient")
        for s in seeds { XCTAssertNotNil(both(s).byPatient, "a clean file is read patient by patient") }
    }

    func testDuplicateKeysHeaderProblemsAndUnknownFieldsKeepTheirOrder() {
        let text = """
        {"format": "other", "version": 2, "extra": 1, "patients": [
          {"id": "P-1", "sex": "male", "birthDate": "1970-05-04", "diagnoses": [{"date": "2026-01-10", "category": "AML"}],
           "variants": [{"gene": "TP53", "date": "2026-01-10", "vaf": 0.41, "v\\u0061f": 0.041}], "odd": true},
          5,
          {"id": "P-2", "id": "P-1", "sex": "male", "birthDate": "1970-05-04", "diagnoses": [{"date": "2026-01-10", "category": "AML"}]}
        ]}
        """
        let (fast, whole) = both(Array(text.utf8))
        XCTAssertNotNil(fast)
        XCTAssertEqual(fast?.errors, whole.errors)
        XCTAssertEqual(fast?.warnings, whole.warnings)
        XCTAssertEqual(whole.errors.map(\.description).last, "in.json: $.version: unsupported version 2 (this Caseboard reads version 1)")
        XCTAssertTrue(whole.errors.map(\.description).contains("in.json: $.patients[2].id: duplicate key: the object gives this key twice (which one counts is ambiguous); keep one"))
    }

    func testScanDeclinesWhatItDoesNotTakeApart() {
        func declined(_ s: String) -> Bool { both(Array(s.utf8)).byPatient == nil }
        XCTAssertTrue(declined("[]"))
        XCTAssertTrue(declined("{\"format\": \"caseboard-cases\", \"version\": 1}"))
        XCTAssertTrue(declined("{\"patients\": [], \"patients\": []}"))
        XCTAssertTrue(declined("{\"patients\": [{\"a\": 1}, ]}"))
        XCTAssertTrue(declined("{\"patients\": [{\"a\": 1]}"))
        XCTAssertTrue(declined("{\"patients\": [" + String(repeating: "[", count: 70) + String(repeating: "]", count: 70) + "]}"))
        XCTAssertTrue(declined("{\"patients\": [{\"a\": \"\u{1}\"}]}"), "a raw control character is JSONSerialization's to refuse")
        XCTAssertTrue(declined("\u{FEFF}{\"patients\": []}"))
        XCTAssertFalse(declined("{\"patients\": []}"))
        XCTAssertFalse(declined(" {\"pati\\u0065nts\" : [ 1 , {} ] } "))
    }

    func testNativeJSONMatchesJSONSerialization() throws {
        let texts = ["{\"a\": [1, -2, 0.5, 1e-5, 1E+2, true, false, null, \"x\\u00e9\\ud83d\\ude00\\n\\\"\\/\"], \"b\": {}, \"c\": []}",
                     "{\"k\": 1, \"k\": 2}", "123", "\"s\"", "[0, 12345678901234567]"]
        for t in texts {
            let native = try XCTUnwrap(Array(t.utf8).withUnsafeBufferPointer { NativeJSON.parse($0) }?.value, t)
            let reference = try JSONSerialization.jsonObject(with: Data(t.utf8), options: [.fragmentsAllowed])
            XCTAssertEqual(FieldValidator.kind(native), FieldValidator.kind(reference), t)
            XCTAssertTrue(NSArray(array: [native]).isEqual(NSArray(array: [reference])), t)
        }
        let bools = try XCTUnwrap(Array("[true, false, 1, 0]".utf8).withUnsafeBufferPointer { NativeJSON.parse($0) }?.value as? [Any])
        XCTAssertEqual(Array("{\"a\": {\"b\": 1, \"b\": 2}}".utf8).withUnsafeBufferPointer { NativeJSON.parse($0) }?.duplicateKeys, true)
        XCTAssertEqual(Array("{\"a\": {\"b\": 1}, \"b\": [{\"a\": 1}]}".utf8).withUnsafeBufferPointer { NativeJSON.parse($0) }?.duplicateKeys, false)
        XCTAssertEqual(bools.map { FieldValidator.kind($0) }, ["a boolean", "a boolean", "a number", "a number"])
        for bad in ["01", "-0", "1.", ".5", "1e", "+1", "\"\\ud800\"", "\"\\x\"", "[1,]", "{\"a\" 1}", "tru", "1e400",
                    "123456789012345678901", "\"\u{1}\""] {
            XCTAssertNil(Array(bad.utf8).withUnsafeBufferPointer { NativeJSON.parse($0) }, bad)
        }
    }
}

extension CaseFileReadByPatientTests {
    /// A file starting with a UTF-8 byte-order mark (accepted by JSONSerialization) sent the duplicate-key scan into
    /// an endless loop on the closing brace; it now ends, and the whole-file read reports as before.
    func testByteOrderMarkEndsTheDuplicateKeyScan() {
        XCTAssertEqual(JSONDuplicateKeys.find(Data("\u{FEFF}{\"patients\": []}".utf8)), [])
        var r = CaseFileReader()
        r.today = Self.today
        r.read(data: Data("\u{FEFF}{\"format\": \"caseboard-cases\", \"version\": 1, \"patients\": []}".utf8), file: "bom.json")
        XCTAssertTrue(r.patients.isEmpty)
    }
}
