import CaseModel
import XCTest
@testable import TrialEngine

final class OncoTreeTests: XCTestCase {
    func testHierarchy() {
        XCTAssertTrue(OncoTree.isA("AMLNPM1", "AML"))
        XCTAssertTrue(OncoTree.isA("AMLNPM1", "AMLRGA"))
        XCTAssertTrue(OncoTree.isA("AMLNPM1", "LIQUID"))
        XCTAssertTrue(OncoTree.isA("APLPMLRARA", "AML"))
        XCTAssertTrue(OncoTree.isA("CMLBCRABL1", "MPN"))
        XCTAssertTrue(OncoTree.isA("CMML1", "MDS/MPN"))
        XCTAssertTrue(OncoTree.isA("BLLBCRABL1", "BLL"))
        XCTAssertTrue(OncoTree.isA("MDSEB2", "MDS"))
        XCTAssertFalse(OncoTree.isA("AML", "AMLNPM1"))
        XCTAssertFalse(OncoTree.isA("CMML", "MDS"))
        XCTAssertFalse(OncoTree.isA("TLL", "BLL"))
        XCTAssertFalse(OncoTree.isA("AA", "LIQUID"), "aplastic anaemia is not a neoplasm")
    }

    func testNamesAndCategories() {
        XCTAssertEqual(OncoTree.code(forName: "Acute Myeloid Leukemia"), "AML")
        XCTAssertEqual(OncoTree.code(forName: "_LIQUID_"), "LIQUID")
        XCTAssertNil(OncoTree.code(forName: "Melanoma"))
        XCTAssertEqual(OncoTree.code(for: .bALL), "BLL")
        XCTAssertEqual(OncoTree.code(for: .cml), "CML")
        for c in DiagnosisCategory.allCases { XCTAssertTrue(OncoTree.isKnown(OncoTree.code(for: c)), c.rawValue) }
    }
}
