import CaseModel
import ClinicalRules
import XCTest
@testable import TrialEngine

/// `karyotype complex` / `karyotype monosomal` use ClinicalRules' ELN 2022 definitions.
final class KaryotypeCriterionTests: XCTestCase {
    func result(_ rule: String, _ tokens: [String]) throws -> CriterionResult {
        var p = Fx.npm1()
        p.karyotypes = [Karyotype(date: Fx.d("2026-01-10"), tissue: .bm, abnormalities: tokens)]
        return try Fx.explain(rule, Fx.facts(p)).0
    }

    func testComplexKaryotype() throws {
        XCTAssertEqual(try result("karyotype complex", ["del(5q)", "-7", "+8"]), .met)
        XCTAssertEqual(try result("karyotype complex", ["del(5q)", "+8"]), .notMet)
        // Hyperdiploid karyotype of trisomies only is not complex (ELN 2022).
        XCTAssertEqual(try result("karyotype complex", ["+8", "+19", "+21"]), .notMet)
        // Not complex when a class-defining recurring abnormality is present.
        XCTAssertEqual(try result("karyotype complex", ["t(8;21)(q22;q22.1)", "del(9q)", "+8", "-Y"]), .notMet)
    }

    func testMonosomalKaryotype() throws {
        XCTAssertEqual(try result("karyotype monosomal", ["-5", "-7"]), .met)
        XCTAssertEqual(try result("karyotype monosomal", ["-7", "del(5q)"]), .met)
        // Losses of X or Y do not count as monosomies.
        XCTAssertEqual(try result("karyotype monosomal", ["-7", "-Y"]), .notMet)
        XCTAssertEqual(try result("karyotype monosomal", ["-X", "+8"]), .notMet)
    }
}
