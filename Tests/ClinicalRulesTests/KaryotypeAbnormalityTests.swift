import XCTest
import CaseModel
@testable import ClinicalRules

final class KaryotypeAbnormalityTests: XCTestCase {
    typealias K = KaryotypeAbnormality

    func testTranslocationWithBands() {
        let a = K.parse("t(8;21)(q22;q22.1)")
        XCTAssertEqual(a.kind, .translocation)
        XCTAssertEqual(a.chromosomes, ["8", "21"])
        XCTAssertEqual(a.bands, ["q22", "q22.1"])
        XCTAssertTrue(a.isStructural)
    }

    func testTranslocationWithoutBands() {
        let a = K.parse("t(8;21)")
        XCTAssertEqual(a.kind, .translocation)
        XCTAssertEqual(a.chromosomes, ["8", "21"])
        XCTAssertEqual(a.bands, ["", ""])
    }

    func testInversionBandsOnOneChromosome() {
        let a = K.parse("inv(16)(p13.1q22)")
        XCTAssertEqual(a.kind, .inversion)
        XCTAssertEqual(a.chromosomes, ["16"])
        XCTAssertEqual(a.bands, ["p13.1q22"])
        XCTAssertEqual(K.parse("inv(3)").chromosomes, ["3"])
    }

    func testDeletionArmInChromosomeTerm() {
        let a = K.parse("del(5q)")
        XCTAssertEqual(a.kind, .deletion)
        XCTAssertEqual(a.chromosomes, ["5"])
        XCTAssertTrue(a.involves("5", arm: "q"))
        XCTAssertFalse(a.involves("5", arm: "p"))
        XCTAssertTrue(K.parse("del(7q)").involves("7", arm: "q"))
        XCTAssertTrue(K.parse("del(5)(q13q33)").involves("5", arm: "q"))
    }

    func testNumerical() {
        let m7 = K.parse("-7")
        XCTAssertEqual(m7.kind, .loss)
        XCTAssertTrue(m7.isAutosomalMonosomy)
        XCTAssertTrue(m7.isNumerical)
        XCTAssertEqual(K.parse("-5").chromosomes, ["5"])
        let p8 = K.parse("+8")
        XCTAssertEqual(p8.kind, .gain)
        XCTAssertFalse(p8.isStructural)
        XCTAssertEqual(K.parse("-X").kind, .loss)
        XCTAssertFalse(K.parse("-X").isAutosomalMonosomy)
        XCTAssertFalse(K.parse("-Y").isAutosomalMonosomy)
        XCTAssertEqual(K.parse("+21x2").copies, 2)
    }

    func testIsochromosomeAndVariantPartner() {
        let i = K.parse("i(17q)")
        XCTAssertEqual(i.kind, .isochromosome)
        XCTAssertEqual(i.chromosomes, ["17"])
        XCTAssertEqual(i.bands, ["q"])
        let v = K.parse("t(v;11q23.3)")
        XCTAssertEqual(v.chromosomes, ["v", "11"])
        XCTAssertEqual(v.band(of: "11"), "q23.3")
        let t911 = K.parse("t(9;11)(p21.3;q23.3)")
        XCTAssertEqual(t911.band(of: "9"), "p21.3")
        XCTAssertEqual(t911.band(of: "11"), "q23.3")
    }

    func testDerivativeAdditionMarker() {
        let der = K.parse("der(17)t(5;17)(q11;p13)")
        XCTAssertEqual(der.kind, .derivative)
        XCTAssertEqual(der.chromosomes, ["17"])
        XCTAssertEqual(der.origin.first?.kind, .translocation)
        XCTAssertTrue(der.involves("17", arm: "p"))
        XCTAssertEqual(K.parse("add(7)(q22)").kind, .addition)
        let mar = K.parse("+mar")
        XCTAssertEqual(mar.kind, .marker)
        XCTAssertTrue(mar.isStructural)
        XCTAssertEqual(K.parse("+2mar").copies, 2)
        XCTAssertEqual(K.parse("+der(22)t(9;22)(q34;q11.2)").kind, .derivative)
        XCTAssertEqual(K.parse("r(7)").kind, .ring)
        XCTAssertEqual(K.parse("idic(X)(q13)").kind, .isodicentric)
    }

    func testUnreadableTokenIsKeptAndStructural() {
        let a = K.parse("zz(1")
        XCTAssertEqual(a.kind, .unrecognised)
        XCTAssertTrue(a.isStructural)
        XCTAssertEqual(a.token, "zz(1")
    }

    func testRecurrentLesionsFromTokens() {
        XCTAssertEqual(RecurrentLesion.fromAbnormality(K.parse("t(8;21)(q22;q22.1)"))?.0, .runx1Runx1t1)
        XCTAssertEqual(RecurrentLesion.fromAbnormality(K.parse("inv(16)(p13.1q22)"))?.0, .cbfbMyh11)
        XCTAssertEqual(RecurrentLesion.fromAbnormality(K.parse("t(16;16)(p13.1;q22)"))?.0, .cbfbMyh11)
        XCTAssertEqual(RecurrentLesion.fromAbnormality(K.parse("t(9;11)(p21.3;q23.3)"))?.0, .mllt3Kmt2a)
        XCTAssertEqual(RecurrentLesion.fromAbnormality(K.parse("t(v;11q23.3)"))?.0, .kmt2aRearranged)
        XCTAssertEqual(RecurrentLesion.fromAbnormality(K.parse("t(11;19)(q23;p13.1)"))?.0, .kmt2aRearranged)
        XCTAssertEqual(RecurrentLesion.fromAbnormality(K.parse("t(6;9)"))?.0, .dekNup214)
        XCTAssertEqual(RecurrentLesion.fromAbnormality(K.parse("t(9;22)"))?.0, .bcrAbl1)
        XCTAssertEqual(RecurrentLesion.fromAbnormality(K.parse("t(15;17)"))?.0, .pmlRara)
        XCTAssertEqual(RecurrentLesion.fromAbnormality(K.parse("inv(3)"))?.0, .gata2Mecom)
        XCTAssertEqual(RecurrentLesion.fromAbnormality(K.parse("t(3;3)"))?.0, .gata2Mecom)
        XCTAssertEqual(RecurrentLesion.fromAbnormality(K.parse("t(3;21)(q26.2;q22)"))?.0, .mecomRearranged)
        XCTAssertEqual(RecurrentLesion.fromAbnormality(K.parse("t(5;11)(q35;p15.4)"))?.0, .nup98Rearranged)
        XCTAssertNil(RecurrentLesion.fromAbnormality(K.parse("del(5q)")))
        XCTAssertNil(RecurrentLesion.fromAbnormality(K.parse("+8")))
    }

    func testRecurrentLesionsFromFusions() {
        XCTAssertEqual(RecurrentLesion.fromFusion("RUNX1::RUNX1T1"), .runx1Runx1t1)
        XCTAssertEqual(RecurrentLesion.fromFusion("CBFB::MYH11"), .cbfbMyh11)
        XCTAssertEqual(RecurrentLesion.fromFusion("KMT2A::MLLT3"), .mllt3Kmt2a)
        XCTAssertEqual(RecurrentLesion.fromFusion("DEK::NUP214"), .dekNup214)
        XCTAssertEqual(RecurrentLesion.fromFusion("BCR::ABL1"), .bcrAbl1)
        XCTAssertEqual(RecurrentLesion.fromFusion("GATA2::MECOM"), .gata2Mecom)
        XCTAssertEqual(RecurrentLesion.fromFusion("MECOM::RUNX1"), .mecomRearranged)
        XCTAssertEqual(RecurrentLesion.fromFusion("KMT2A::AFF1"), .kmt2aRearranged)
        XCTAssertEqual(RecurrentLesion.fromFusion("PML::RARA"), .pmlRara)
        XCTAssertNil(RecurrentLesion.fromFusion("KMT2A::KMT2A"), "a partial tandem duplication is not a rearrangement")
        XCTAssertNil(RecurrentLesion.fromFusion("ETV6::RUNX1"))
    }
}
