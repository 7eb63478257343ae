import XCTest
import CaseModel
@testable import ClinicalRules

/// IPSS-M (Bernard et al., NEJM Evidence 2022) against the authors' worked examples: patients pp347 and
/// pp564 of `IPSSMexample.csv` with the results their R package test asserts
/// (papaemmelab/ipssm tests/testthat/test_ipssm.R).
final class IPSSMTests: XCTestCase {
    typealias F = Fixtures
    typealias R = RiskFixtures

    static let allGenes = IPSSM.mainGenes + IPSSM.residualGenes + ["SF3B1", "MLL_PTD", "FLT3"]

    /// pp347: HB 9.6, PLT 281, BM_BLAST 9, Good karyotype, ASXL1, SRSF2, STAG2 mutated; ETNK1, GNB1, PRPF8 NA.
    static var pp347: IPSSM.Input {
        var i = IPSSM.Input()
        i.haemoglobin = 9.6; i.platelets = 281; i.marrowBlasts = 9; i.cytogenetics = .good
        i.del5q = false; i.del7or7q = false; i.complex = false; i.del17or17p = false
        i.tp53Mutations = 0; i.tp53LOH = false
        for g in allGenes { i.genes[g] = false }
        for g in ["ASXL1", "SRSF2", "STAG2"] { i.genes[g] = true }
        for g in ["ETNK1", "GNB1", "PRPF8"] { i.genes[g] = nil }
        return i
    }

    /// pp564: HB 7.5, PLT 23, BM_BLAST 16, Very Poor, del5q, del7/7q, complex, one TP53 mutation with LOH, NF1.
    static var pp564: IPSSM.Input {
        var i = IPSSM.Input()
        i.haemoglobin = 7.5; i.platelets = 23; i.marrowBlasts = 16; i.cytogenetics = .veryPoor
        i.del5q = true; i.del7or7q = true; i.complex = true; i.del17or17p = false
        i.tp53Mutations = 1; i.tp53MaxVAF = 0.0085; i.tp53LOH = true
        for g in allGenes { i.genes[g] = false }
        i.genes["NF1"] = true
        return i
    }

    func testAuthorsExamplePP347() {
        let s = IPSSM.scores(Self.pp347)
        XCTAssertEqual(s[.mean], 0.31); XCTAssertEqual(s[.best], 0.30); XCTAssertEqual(s[.worst], 0.63)
        let a = IPSSM.assess(Self.pp347)
        XCTAssertEqual(a.score, 0.31)
        XCTAssertEqual(a.category, "moderate-high")
        XCTAssertEqual(a.scenarios?["best"]?.category, "moderate-high")
        XCTAssertEqual(a.scenarios?["worst"]?.category, "high")
        XCTAssertEqual(a.possible, ["moderate-high", "high"])
        XCTAssertFalse(a.complete)
        XCTAssertEqual(a.missing, ["residual genes not tested: PRPF8, ETNK1, GNB1"])
    }

    func testAuthorsExamplePP564() {
        let a = IPSSM.assess(Self.pp564)
        XCTAssertEqual(a.score, 4.55)
        XCTAssertEqual(a.category, "very-high")
        XCTAssertTrue(a.complete)
        XCTAssertEqual(a.scenarios?["best"]?.score, 4.55)
        XCTAssertEqual(a.scenarios?["worst"]?.score, 4.55)
    }

    /// The authors' cut points (−1.5, −0.5, 0, 0.5, 1.5), intervals closed on the right.
    func testCategoryBoundaries() {
        let l = IPSSM.ladder
        XCTAssertEqual(l.category(-1.5), "very-low"); XCTAssertEqual(l.category(-1.49), "low")
        XCTAssertEqual(l.category(-0.5), "low"); XCTAssertEqual(l.category(-0.49), "moderate-low")
        XCTAssertEqual(l.category(0), "moderate-low"); XCTAssertEqual(l.category(0.01), "moderate-high")
        XCTAssertEqual(l.category(0.5), "moderate-high"); XCTAssertEqual(l.category(0.51), "high")
        XCTAssertEqual(l.category(1.5), "high"); XCTAssertEqual(l.category(1.51), "very-high")
    }

    /// The authors' generalised min(Nres, 2): worst = min(Ns + M, 2), best = min(Ns, 2),
    /// mean = min(Ns, 2) + max((2 − Ns)/2 × M/(S + M) × 0.388, 0).
    func testResidualGenesWithMissing() {
        var genes: [String: Bool] = [:]
        for g in IPSSM.residualGenes { genes[g] = false }
        genes["STAG2"] = true
        for g in ["ETNK1", "GNB1", "PRPF8"] { genes[g] = nil }
        let n = IPSSM.nres2(genes)
        XCTAssertEqual(n[.best], 1); XCTAssertEqual(n[.worst], 2)
        XCTAssertEqual(n[.mean] ?? 0, 1 + 0.5 * (3.0 / 15) * 0.388, accuracy: 1e-12)
    }

    /// TP53 multi-hit from the data: two mutations, or one with VAF > 55 % or del(17p); one mutation with an
    /// unknown allelic state is NA (imputed), never "single hit".
    func testTP53MultiHit() {
        var i = Self.pp347
        i.tp53Mutations = 1; i.tp53LOH = nil; i.tp53MaxVAF = 0.3
        XCTAssertNil(IPSSM.modelVariables(i)["TP53multi"] ?? nil)
        i.tp53MaxVAF = 0.6
        XCTAssertEqual(IPSSM.modelVariables(i)["TP53multi"] ?? nil, 1)
        i.tp53MaxVAF = 0.3; i.del17or17p = true
        XCTAssertEqual(IPSSM.modelVariables(i)["TP53multi"] ?? nil, 1)
        i.del17or17p = false; i.tp53Mutations = 2
        XCTAssertEqual(IPSSM.modelVariables(i)["TP53multi"] ?? nil, 1)
    }

    /// pp347 built as case data: the same score from a patient record (panel without ETNK1, GNB1, PRPF8).
    func testFromPatientData() {
        let panel = (IPSSM.mainGenes + IPSSM.residualGenes + ["SF3B1", "KMT2A", "FLT3", "TP53"])
            .filter { !["ETNK1", "GNB1", "PRPF8"].contains($0) }
        let p = R.patient(.mds, blastsBM: 9, karyotype: [],
                          variants: ["ASXL1", "SRSF2", "STAG2"].map { F.v($0, .frameshift) }, panel: panel,
                          labs: [R.lab("hemoglobin", 9.6, "g/dL"), R.lab("platelets", 281, "10^9/L"), R.lab("ANC", 4.84, "10^9/L")])
        let a = IPSSM.assess(RiskInputs(p, today: F.today))
        XCTAssertEqual(a.score, 0.31)
        XCTAssertEqual(a.category, "moderate-high")
        XCTAssertEqual(a.scenarios?["worst"]?.score, 0.63)
        // Without any panel every gene is NA: incomplete, with best and worst spread apart.
        let q = R.patient(.mds, blastsBM: 9, karyotype: [], labs: p.labs)
        let b = IPSSM.assess(RiskInputs(q, today: F.today))
        XCTAssertFalse(b.complete)
        XCTAssertLessThan(b.scenarios?["best"]?.score ?? 99, b.scenarios?["worst"]?.score ?? -99)
        XCTAssertTrue(b.missing.contains("FLT3 not tested"))
    }
}
