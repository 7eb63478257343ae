import XCTest
import CaseModel
@testable import ClinicalRules

final class CytogeneticProfileTests: XCTestCase {
    func profile(_ tokens: [String], fusions: [String] = []) -> CytogeneticProfile {
        CytogeneticProfile.analyse(karyotype: Karyotype(date: Fixtures.dx, tissue: .bm, abnormalities: tokens),
                                   fusions: fusions.map { Fusion(date: Fixtures.dx, name: $0) })
    }

    func testThreeUnrelatedAbnormalitiesAreComplex() {
        let p = profile(["del(5q)", "-7", "+8"])
        XCTAssertTrue(p.isComplex)
        XCTAssertEqual(p.abnormalityCount, 3)
    }

    func testTwoAbnormalitiesAreNotComplex() {
        XCTAssertFalse(profile(["del(5q)", "+8"]).isComplex)
    }

    func testHyperdiploidThreeTrisomiesNotComplex() {
        // 49,XY,+8,+10,+21: three trisomies, no structural abnormality (reference §2a unit case).
        let p = profile(["+8", "+10", "+21"])
        XCTAssertFalse(p.isComplex)
        XCTAssertFalse(p.notes.isEmpty)
    }

    func testTrisomiesWithAStructuralAbnormalityAreComplex() {
        XCTAssertTrue(profile(["+8", "+10", "del(7q)"]).isComplex)
    }

    func testClassDefiningLesionPreventsComplex() {
        let p = profile(["t(9;11)(p21.3;q23.3)", "+8", "+19", "del(7q)"])
        XCTAssertFalse(p.isComplex)
        XCTAssertTrue(p.has(.mllt3Kmt2a))
        // A fusion found molecularly counts the same as the karyotype token.
        XCTAssertFalse(profile(["+8", "+19", "del(7q)"], fusions: ["KMT2A::MLLT3"]).isComplex)
    }

    func testMarkersCountTowardComplex() {
        XCTAssertTrue(profile(["+8", "+2mar"]).isComplex)
    }

    func testMonosomalTwoAutosomalMonosomies() {
        XCTAssertTrue(profile(["-5", "-7"]).isMonosomal)
    }

    func testMonosomalOneMonosomyPlusStructural() {
        XCTAssertTrue(profile(["-7", "del(12p)"]).isMonosomal)
        XCTAssertTrue(profile(["-7", "+mar"]).isMonosomal)
    }

    func testLossOfSexChromosomesExcludedFromMonosomal() {
        XCTAssertFalse(profile(["-X", "-7"]).isMonosomal)
        XCTAssertFalse(profile(["-Y", "t(1;3)(p36;q21)"]).isMonosomal)
        XCTAssertFalse(profile(["-7", "+8"]).isMonosomal, "a monosomy with a trisomy is not monosomal")
    }

    func testAdverseChromosomalLosses() {
        let p = profile(["-5", "del(5q)", "-7", "-17", "del(17p)", "i(17q)", "del(7q)"])
        XCTAssertEqual(p.adverseChromosomal, ["-5", "del(5q)", "-7", "-17", "del(17p)", "i(17q)"])
    }

    func testNormalKaryotypeAndNoKaryotype() {
        let normal = profile([])
        XCTAssertTrue(normal.karyotypeAvailable)
        XCTAssertFalse(normal.isComplex)
        let none = CytogeneticProfile.analyse(karyotype: nil)
        XCTAssertFalse(none.karyotypeAvailable)
    }
}
