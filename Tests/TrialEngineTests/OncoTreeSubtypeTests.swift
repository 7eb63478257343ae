import CaseModel
import ClinicalRules
import Foundation
import XCTest
@testable import TrialEngine

/// Issue 11 point 21: a generic OncoTree code (`MDS`, recorded or derived from the category) gives `unknown`, not
/// `not met`, for an MDS-subtype criterion, unless the WHO/ICC label or the blasts decide it. Sources: WHO 2022
/// (Khoury et al., Leukemia 2022;36:1703, Table 3: MDS-LB < 5 % BM and < 2 % PB; MDS-IB1 5–9 % BM or 2–4 % PB;
/// MDS-IB2 10–19 % BM or 5–19 % PB), ICC 2022 (Arber et al., Blood 2022;140:1200: MDS-EB 5–9 % BM / 2–9 % PB),
/// OncoTree (MDSEB, MDSEB1/2 below MDS). Checked on the explained path, the fast path and the SQL baseline
/// (RuleSQLDatabaseTests runs these patients too).
final class OncoTreeSubtypeTests: XCTestCase {
    static func mds(_ id: String, code: String?, who: String? = nil, icc: String? = nil, bm: Double? = nil, pb: Double? = nil,
                    category: DiagnosisCategory = .mds, diagnosed: LocalDate) -> Patient {
        Patient(id: id, sex: .female, birthDate: LocalDate("1950-06-01"),
                diagnoses: [Diagnosis(date: diagnosed, category: category, who2022: who, icc2022: icc, oncotree: code, blastsBM: bm, blastsPB: pb)])
    }

    static func genericMDSPatients(diagnosed d: LocalDate) -> [Patient] {
        [
            mds("MDS-GENERIC", code: "MDS", diagnosed: d),
            mds("MDS-BM3-PB1", code: "MDS", bm: 3, pb: 1, diagnosed: d),
            mds("MDS-BM4.9-PB2", code: "MDS", bm: 4.9, pb: 2, diagnosed: d),          // PB 2 % = boundary of IB1/EB
            mds("MDS-BM5", code: "MDS", bm: 5, diagnosed: d),                         // BM 5 % = boundary
            mds("MDS-BM3-ONLY", code: "MDS", bm: 3, diagnosed: d),                    // PB unknown: undecided
            mds("MDS-LB", code: "MDS", who: "MDS with low blasts", bm: 12, diagnosed: d),  // the label comes first
            mds("MDS-IB2", code: "MDS", who: "MDS with increased blasts-2 (MDS-IB2)", diagnosed: d),
            mds("MDS-EB-ICC", code: "MDS", icc: "MDS with excess blasts", diagnosed: d),
            mds("MDS-DERIVED-BM8", code: nil, bm: 8, diagnosed: d),
            mds("MDS-EB1", code: "MDSEB1", diagnosed: d),
            mds("AML-GENERIC", code: "AML", category: .aml, diagnosed: d),
        ]
    }

    /// rule → expected result per patient, in `genericMDSPatients` order (u unknown, m met, n not met).
    static let expected: [(String, String)] = [
        ("oncotree is-a MDSEB", "u n m m u n m m m m n"),
        ("oncotree MDSEB", "u n u u u n u u u n n"),
        ("oncotree MDSEB1", "u n u u u n u u u m n"),
        ("oncotree MDSSLD", "u u n n u u n n n n n"),
        ("diagnosis MDS and not oncotree is-a MDSEB", "u m n n u m n n n n n"),
        ("oncotree is-a AMLNPM1", "n n n n n n n n n n u"),
        ("oncotree is-a MDS", "m m m m m m m m m m n"),
    ]

    static func reasons(_ e: RuleExpr, _ f: PatientFacts) -> [String] {
        Evaluator.explain(e, f).1.map { ReasonText.text($0.0, $0.1, f) }
    }

    static func code(_ c: Character) -> CriterionResult { c == "m" ? .met : c == "n" ? .notMet : .unknown }

    func testExplainedAndFastPathsGiveTheTable() throws {
        let today = Fx.today
        let patients = Self.genericMDSPatients(diagnosed: today.adding(days: -30))
        let rules = try Self.expected.map { try RuleParser.parse($0.0) }
        let program = FastProgram(rules: rules)
        let facts = FastFacts(program)
        let atomCodes = UnsafeMutablePointer<UInt8>.allocate(capacity: program.atomCount)
        let out = UnsafeMutablePointer<UInt32>.allocate(capacity: program.ruleCount)
        defer { atomCodes.deallocate(); out.deallocate() }
        for (pi, p) in patients.enumerated() {
            let slow = PatientFacts(patient: p, today: today)
            facts.load(p, Interpretation.interpret(p, today: today, followUps: false), today: today)
            program.evaluate(facts, atomCodes: atomCodes, out: out)
            for (ri, (rule, row)) in Self.expected.enumerated() {
                let want = Self.code(Array(row.replacingOccurrences(of: " ", with: ""))[pi])
                XCTAssertEqual(Evaluator.result(rules[ri], slow), want, "explained: \(rule) for \(p.id)")
                XCTAssertEqual(out[ri], UInt32(FastFacts.code(want)), "fast: \(rule) for \(p.id)")
            }
        }
    }

    func testReasonsSayWhatDecided() throws {
        let d = Fx.today.adding(days: -30)
        let p = try XCTUnwrap(Self.genericMDSPatients(diagnosed: d).first)
        let e = try RuleParser.parse("oncotree is-a MDSEB")
        let texts = Self.reasons(e, PatientFacts(patient: p, today: Fx.today))
        XCTAssertTrue(texts.contains { $0.contains("OncoTree only known as MDS (no subtype recorded)") }, "\(texts)")
        let bm = Self.mds("X", code: "MDS", bm: 12, pb: 1, diagnosed: d)
        let t2 = Self.reasons(e, PatientFacts(patient: bm, today: Fx.today))
        XCTAssertTrue(t2.contains { $0.contains("BM blasts 12.0 %") && $0.contains("with excess blasts") }, "\(t2)")
    }
}
