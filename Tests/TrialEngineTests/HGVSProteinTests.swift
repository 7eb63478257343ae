import XCTest
@testable import TrialEngine

final class HGVSProteinTests: XCTestCase {
    func testThreeAndOneLetterAreEqual() {
        XCTAssertEqual(HGVSProtein("p.Arg132His"), HGVSProtein("p.R132H"))
        XCTAssertEqual(HGVSProtein("p.(Arg132His)"), HGVSProtein("R132H"))
        XCTAssertEqual(HGVSProtein("NP_005887.2:p.Arg132His"), HGVSProtein("p.R132H"))
        XCTAssertEqual(HGVSProtein("p.Val617Phe")?.key, "V617F")
        XCTAssertEqual(HGVSProtein("p.Trp515Leu")?.key, "W515L")
        XCTAssertEqual(HGVSProtein("p.Asp835Tyr"), HGVSProtein("p.D835Y"))
        XCTAssertNotEqual(HGVSProtein("p.R132H"), HGVSProtein("p.R132C"))
    }

    func testStopsFrameshiftsAndIndels() {
        XCTAssertEqual(HGVSProtein("p.Arg882Ter")?.key, "R882*")
        XCTAssertEqual(HGVSProtein("p.R882*")?.key, "R882*")
        XCTAssertEqual(HGVSProtein("p.(Trp288CysfsTer12)")?.key, "W288Cfs")
        XCTAssertEqual(HGVSProtein("p.W288Cfs*12")?.key, "W288Cfs")
        XCTAssertEqual(HGVSProtein("p.Glu684_Glu686del")?.key, HGVSProtein("p.E684_E686del")?.key)
    }

    func testCodonWildcards() throws {
        let wild = try XCTUnwrap(HGVSProtein("p.R132"))
        XCTAssertTrue(wild.isWildcard)
        XCTAssertTrue(wild.matches(try XCTUnwrap(HGVSProtein("p.Arg132Cys"))))
        XCTAssertTrue(wild.matches(try XCTUnwrap(HGVSProtein("p.R132H"))))
        XCTAssertFalse(wild.matches(try XCTUnwrap(HGVSProtein("p.R140Q"))))
        XCTAssertFalse(try XCTUnwrap(HGVSProtein("p.R132H")).matches(try XCTUnwrap(HGVSProtein("p.R132C"))))
        XCTAssertTrue(try XCTUnwrap(HGVSProtein("p.Asp816")).matches(try XCTUnwrap(HGVSProtein("p.D816V"))))
    }

    func testRejectsNonProtein() {
        XCTAssertNil(HGVSProtein("c.860_863dup"))
        XCTAssertNil(HGVSProtein("hello"))
        XCTAssertNil(HGVSProtein(""))
    }
}
