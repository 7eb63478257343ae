import CaseModel
import XCTest
@testable import CaseStore

final class SHA256Tests: XCTestCase {
    func testKnownVectors() {
        XCTAssertEqual(SHA256.hex([]), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        XCTAssertEqual(SHA256.hex(Array("abc".utf8)), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        XCTAssertEqual(SHA256.hex(Array("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8)),
                       "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
    }
}

final class SplitMix64Tests: XCTestCase {
    func testReferenceSequence() {
        // Reference values of SplitMix64 seeded with 0 (Vigna's splitmix64.c).
        var r = SplitMix64(seed: 0)
        XCTAssertEqual(r.next(), 0xE220_A839_7B1D_CDAF)
        XCTAssertEqual(r.next(), 0x6E78_9E6A_A1B9_65F4)
    }

    func testHelpersStayInRange() {
        var r = SplitMix64(seed: 42)
        for _ in 0..<1000 {
            XCTAssert((3...7).contains(r.int(3...7)))
            let u = r.unit(); XCTAssert(u >= 0 && u < 1)
        }
        XCTAssertNil(r.weighted([1, 2], weight: { _ in 0 }))
        XCTAssertEqual(r.weighted(["a", "b"], weight: { $0 == "b" ? 1 : 0 }), "b")
    }
}

final class PatientRowsTests: XCTestCase {
    func testFastDateTextMatchesLocalDateDescription() {
        for days in stride(from: -30_000, through: 40_000, by: 37) {
            let d = LocalDate(daysSinceEpoch: days)
            XCTAssertEqual(PatientRows.text(d), d.description)
        }
    }

    func testListColumnsRoundTrip() {
        XCTAssertEqual(PatientRows.splitList(PatientRows.joinList([])), [])
        XCTAssertEqual(PatientRows.splitList(PatientRows.joinList(["t(8;21)(q22;q22.1)", "-7", "+8"])), ["t(8;21)(q22;q22.1)", "-7", "+8"])
    }
}
