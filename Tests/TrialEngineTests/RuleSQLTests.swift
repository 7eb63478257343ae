import CaseModel
import XCTest
@testable import TrialEngine

/// The SQL translator: the text of each construct (results on a database: `RuleSQLDatabaseTests`).
final class RuleSQLTests: XCTestCase {
    static let today = LocalDate("2026-03-01")!
    let sql = RuleSQL(today: RuleSQLTests.today)

    func expr(_ rule: String) throws -> String { try sql.expression(try RuleParser.parse(rule)) }

    // MARK: SQL text per construct

    func testAgeBecomesBirthDateCutoffs() throws {
        XCTAssertEqual(try expr("age >= 18"), "(p.birthDate <= '2008-03-01')")
        XCTAssertEqual(try expr("age < 18"), "(p.birthDate > '2008-03-01')")
        XCTAssertEqual(try expr("age in 18..70"), "(p.birthDate <= '2008-03-01' AND p.birthDate > '1955-03-01')")
    }

    func testAgeCutoffHonoursTwentyNinthOfFebruary() {
        // On 2026-02-28 (common year) someone born 2008-02-29 is 18: the cutoff must include that birth date.
        let t = RuleSQL(today: LocalDate("2026-02-28")!)
        XCTAssertEqual(t.latestBirthDate(forAgeAtLeast: 18).description, "2008-02-29")
        XCTAssertEqual(LocalDate("2008-02-29")!.age(on: LocalDate("2026-02-28")!), 18)
        XCTAssertEqual(LocalDate("2008-03-01")!.age(on: LocalDate("2026-02-28")!), 17)
    }

    func testSexDiagnosisAndStatus() throws {
        XCTAssertEqual(try expr("sex female"), "(CASE WHEN p.sex IN ('female') THEN 1 WHEN p.sex = 'unknown' THEN NULL ELSE 0 END)")
        XCTAssertEqual(try expr("diagnosis AML, APL"), "(p.category IN ('AML', 'APL'))")
        let s = try expr("status relapsed, refractory")
        XCTAssertTrue(s.contains("FROM diseaseStatus x WHERE x.patientId = p.id AND x.date <= '2026-03-01' ORDER BY x.date DESC, x.seq DESC LIMIT 1"), s)
        XCTAssertTrue(s.contains("x.status IN ('relapsed', 'refractory')"), s)
        XCTAssertTrue(try expr("status CR1").contains("r.status = 'relapsed'"))
    }

    func testLabUsesLatestValueWindowAndUnitConversion() throws {
        let s = try expr("lab bilirubin <= 1.5 x ULN within 14 days")
        XCTAssertTrue(s.contains("x.test = 'bilirubin' COLLATE NOCASE"), s)
        XCTAssertTrue(s.contains("WHEN x.date < '2026-02-15' THEN NULL"), s)
        XCTAssertTrue(s.contains("WHEN 'mg/dl' THEN x.value * 17.1"), s)
        XCTAssertTrue(s.contains("<= 31.5"), s)
    }

    func testEcogVariantFusionKaryotypeTagsTransplantPrior() throws {
        XCTAssertTrue(try expr("ecog <= 2 within 30 days").contains("x.ecog <= 2"))
        let v = try expr("variant FLT3 consequence itd, tkd")
        XCTAssertTrue(v.contains("v.consequence IN ('itd', 'tkd')") && v.contains("'FLT3'") && v.contains("genePanel"), v)
        XCTAssertTrue(try expr("variant TP53 vaf >= 10%").contains("v.vaf >= 0.1"))
        let f = try expr("fusion BCR::ABL1")
        XCTAssertTrue(f.contains("'::BCR::'") && f.contains("'::ABL1::'") && f.contains("'t(9;22)'"), f)
        XCTAssertTrue(try expr("karyotype del(5q)").contains("'del(5)(q'"))
        XCTAssertTrue(try expr("karyotype normal").contains("x.abnormalities = ''"))
        // HIV is test-checked: absent is unknown (NULL) unless comorbidities were reviewed (issue 11 point 16).
        XCTAssertEqual(try expr("comorbidity hiv"), "(CASE WHEN EXISTS (SELECT 1 FROM comorbidity c WHERE c.patientId = p.id AND lower(c.tag) = 'hiv') THEN 1 WHEN p.comorbiditiesReviewed IS NOT NULL AND p.comorbiditiesReviewed <= '2026-03-01' THEN 0 END)")
        XCTAssertEqual(try expr("comorbidity heart-failure"), "EXISTS (SELECT 1 FROM comorbidity c WHERE c.patientId = p.id AND lower(c.tag) = 'heart-failure')")
        XCTAssertTrue(try expr("transplant allogeneic within 100 days").contains("h.date >= '2025-11-21'"))
        let pr = try expr("prior agent venetoclax")
        XCTAssertTrue(pr.contains("'venetoclax'") && pr.contains("'ven'"), pr)
        XCTAssertTrue(try expr("prior_lines in 1..2").contains("BETWEEN 1 AND 2"))
        XCTAssertTrue(try expr("oncotree is-a MDS").contains("'MDSEB'"))
        XCTAssertEqual(try expr("not comorbidity hiv"), "(NOT (CASE WHEN EXISTS (SELECT 1 FROM comorbidity c WHERE c.patientId = p.id AND lower(c.tag) = 'hiv') THEN 1 WHEN p.comorbiditiesReviewed IS NOT NULL AND p.comorbiditiesReviewed <= '2026-03-01' THEN 0 END))")
    }

    func testProteinChangeMatchesBothLetterCodes() throws {
        let w = try expr("variant IDH1 protein p.R132")
        XCTAssertTrue(w.contains("v.hgvsp GLOB '*p.(Arg132[^0-9]*'") && w.contains("v.hgvsp GLOB '*p.R132[^0-9]*'"), w)
        XCTAssertTrue(w.contains("WHEN v.hgvsp IS NULL THEN NULL"), w)
        let e = try expr("variant JAK2 protein p.Val617Phe")
        XCTAssertTrue(e.contains("'*p.(Val617Phe)'") && e.contains("'*p.V617F'"), e)
    }

    func testUnsupportedConstructsAreRefused() {
        for rule in ["eln2022 adverse", "mrd NPM1 PB positive", "germline confirmed", "karyotype complex",
                     "variant NPM1 protein p.W288fs", "fusion KMT2A::*", "variant JAK2 exon 12"] {
            XCTAssertThrowsError(try expr(rule), rule) { XCTAssertTrue($0 is RuleSQL.Unsupported, "\(rule): \($0)") }
        }
    }

    func testArmQueryKeepsInclusionsTrueAndExclusionsFalse() throws {
        let arm = CompiledArm(arm: TrialArm(id: "A", name: "A", status: .open, inclusion: [], exclusion: []), criteria: [
            CompiledCriterion(kind: .inclusion, spec: CriterionSpec(text: "adult", rule: "age >= 18"), expr: try RuleParser.parse("age >= 18"), line: 1, column: 1),
            CompiledCriterion(kind: .exclusion, spec: CriterionSpec(text: "hiv", rule: "comorbidity hiv"), expr: try RuleParser.parse("comorbidity hiv"), line: 2, column: 1),
        ], isOpen: true)
        let q = sql.query(for: arm, trialID: "T")
        XCTAssertEqual(q.sql, "SELECT p.id FROM patient p\nWHERE NOT EXISTS (SELECT 1 FROM patientOutcome o WHERE o.patientId = p.id AND o.vitalStatus = 'dead')\n  AND ((p.birthDate <= '2008-03-01'))\n  AND NOT ((CASE WHEN EXISTS (SELECT 1 FROM comorbidity c WHERE c.patientId = p.id AND lower(c.tag) = 'hiv') THEN 1 WHEN p.comorbiditiesReviewed IS NOT NULL AND p.comorbiditiesReviewed <= '2026-03-01' THEN 0 END))")
        let bad = CompiledArm(arm: arm.arm, criteria: arm.criteria + [
            CompiledCriterion(kind: .inclusion, spec: CriterionSpec(text: "x", rule: "eln2022 adverse"), expr: try RuleParser.parse("eln2022 adverse"), line: 3, column: 1),
        ], isOpen: true)
        let q2 = sql.query(for: bad, trialID: "T")
        XCTAssertNil(q2.sql)
        XCTAssertEqual(q2.translated, 2)
        XCTAssertEqual(q2.unsupported.count, 1)
    }
}
