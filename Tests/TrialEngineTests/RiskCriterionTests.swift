import CaseModel
import ClinicalRules
import XCTest
@testable import TrialEngine

/// The `risk` atom (`risk SCHEME <= category`, `risk SCHEME category, …`): parse, lint, tri-state evaluation over
/// ClinicalRules' risk schemes (missing inputs → unknown), and the lowered matching program agreeing with the
/// explained path atom by atom. Categories follow formats.md §4; the schemes' own tests cite their sources.
final class RiskCriterionTests: XCTestCase {
    static let dx = LocalDate("2026-01-10")!
    static let today = LocalDate("2026-03-01")!

    static func lab(_ t: String, _ v: Double, _ u: String = "10^9/L") -> LabResult { LabResult(date: dx, test: t, value: v, unit: u) }

    /// An MDS patient, IPSS-R 1 + 2 + 1 + 0 + 0 = 4 (intermediate), or with ANC missing (4–4.5: intermediate,
    /// provisional) or with the karyotype missing (low … very high: undecided).
    static func mds(karyotype: Bool = true, anc: Bool = true, blasts: Double = 9) -> Patient {
        var labs = [lab("hemoglobin", 9.6, "g/dL"), lab("platelets", 281)]
        if anc { labs.append(lab("ANC", 4.84)) }
        return Patient(id: "R-MDS", sex: .male, birthDate: LocalDate("1950-01-01")!,
                       diagnoses: [Diagnosis(date: dx, category: .mds, blastsBM: blasts)],
                       karyotypes: karyotype ? [Karyotype(date: dx, tissue: .bm, abnormalities: [])] : [], labs: labs)
    }

    static func tall(notch1: Bool, pten: Bool) -> Patient {
        Patient(id: "R-TALL", sex: .female, birthDate: LocalDate("1990-01-01")!,
                diagnoses: [Diagnosis(date: dx, category: .tALL)],
                variants: notch1 ? [Variant(gene: "NOTCH1", date: dx, consequence: .missense, vaf: 0.3, classification: .pathogenic)] : [],
                testedGenes: [GenePanel(date: dx, assay: "NGS", genes: ["NOTCH1", "FBXW7", "NRAS", "KRAS", "PTEN"])]
                    + (pten ? [GenePanel(date: dx, assay: "MLPA", genes: ["PTEN"], copyNumber: true)] : []))
    }

    static let aml = Patient(id: "R-AML", sex: .male, birthDate: LocalDate("1960-01-01")!, diagnoses: [Diagnosis(date: dx, category: .aml)])

    func result(_ rule: String, _ p: Patient) throws -> CriterionResult {
        let e = try RuleParser.parse(rule)
        return Evaluator.result(e, PatientFacts(patient: p, today: Self.today))
    }

    func testParseAndErrors() throws {
        guard case .risk(let s, let acc)? = try RuleParser.parse("risk IPSS-R <= intermediate").atoms.first?.predicate else {
            return XCTFail("not a risk atom")
        }
        XCTAssertEqual(s, "IPSS-R"); XCTAssertEqual(acc, ["very-low", "low", "intermediate"])
        guard case .risk(_, let acc2)? = try RuleParser.parse("risk DIPSS > intermediate-1").atoms.first?.predicate else { return XCTFail() }
        XCTAssertEqual(acc2, ["intermediate-2", "high"])
        guard case .risk(_, let acc3)? = try RuleParser.parse("risk T-ALL-GRAALL-2013 low").atoms.first?.predicate else { return XCTFail() }
        XCTAssertEqual(acc3, ["low"])
        guard case .risk(_, let acc4)? = try RuleParser.parse("risk AA-severity severe, very-severe").atoms.first?.predicate else { return XCTFail() }
        XCTAssertEqual(acc4, ["severe", "very-severe"])
        XCTAssertThrowsError(try RuleParser.parse("risk IPSS-X low")) { e in
            XCTAssertTrue((e as? RuleError)?.message.hasPrefix("unknown risk scheme 'IPSS-X'") ?? false, "\(e)")
        }
        XCTAssertThrowsError(try RuleParser.parse("risk ELTS very-high")) { e in
            XCTAssertEqual((e as? RuleError)?.message, "unknown ELTS category 'very-high' (low, intermediate, high)")
            XCTAssertEqual((e as? RuleError)?.offset, 10)
        }
    }

    func testLintNeverMet() throws {
        let yaml = TrialLoaderTests.good.replacingOccurrences(of: "rule: \"variant NPM1\"", with: "rule: \"risk IPSS-R < very-low\"")
        let (t, d) = TrialLoader.load(text: yaml, file: "l.yaml")
        let trial = try XCTUnwrap(t, d.map(\.description).joined())
        let lint = TrialLinter.lint(trial)
        XCTAssertEqual(lint.filter { $0.severity == .error }.map(\.message), ["arm A: risk IPSS-R: no category satisfies the comparison; it can never be met"])
    }

    func testTriState() throws {
        XCTAssertEqual(try result("risk IPSS-R <= intermediate", Self.mds()), .met)
        XCTAssertEqual(try result("risk IPSS-R < intermediate", Self.mds()), .notMet)
        XCTAssertEqual(try result("risk IPSS-R intermediate", Self.mds(anc: false)), .met)        // provisional but decided
        XCTAssertEqual(try result("risk IPSS-R <= intermediate", Self.mds(karyotype: false)), .unknown)  // missing karyotype
        XCTAssertEqual(try result("risk IPSS-R >= low", Self.mds(karyotype: false)), .met)        // every possibility ≥ low
        XCTAssertEqual(try result("risk T-ALL-GRAALL-2013 low", Self.tall(notch1: true, pten: true)), .met)
        XCTAssertEqual(try result("risk T-ALL-GRAALL-2013 low", Self.tall(notch1: true, pten: false)), .unknown)
        XCTAssertEqual(try result("risk T-ALL-GRAALL-2013 low", Self.tall(notch1: false, pten: false)), .notMet)
        XCTAssertEqual(try result("risk IPSS-R low", Self.aml), .notMet)                          // scheme does not apply
        let mpn = Patient(id: "R-MPN", sex: .male, birthDate: LocalDate("1950-01-01")!, diagnoses: [Diagnosis(date: Self.dx, category: .mpn)])
        XCTAssertEqual(try result("risk PV-thrombosis high", mpn), .unknown)                     // MPN entity not named
        XCTAssertEqual(try result("risk ELTS high", mpn), .notMet)
        let f = PatientFacts(patient: Self.mds(karyotype: false), today: Self.today)
        let (r, reason) = Evaluator.atom(try XCTUnwrap(try RuleParser.parse("risk IPSS-R <= intermediate").atoms.first).predicate, f)
        XCTAssertEqual(r, .unknown)
        let atom = try XCTUnwrap(try RuleParser.parse("risk IPSS-R <= intermediate").atoms.first)
        XCTAssertTrue(ReasonText.text(atom, reason, f).contains("missing: karyotype at diagnosis"), ReasonText.text(atom, reason, f))
    }

    /// A primary myelofibrosis patient for MIPSS70 (Guglielmelli et al., JCO 2018): JAK2 V617F (no CALR type 1: 1),
    /// no HMR mutation, MF-2 (1), Hb 9.5 (1) at diagnosis = 3, intermediate; without the fibrosis grade 2–3 (still
    /// intermediate); without the HMR genes tested 2–5 (intermediate or high: undecided).
    static func pmf(fibrosis: Bool = true, hmrTested: Bool = true, secondary: Bool = false) -> Patient {
        var p = Patient(id: "R-PMF", sex: .female, birthDate: LocalDate("1966-01-01")!,
                        diagnoses: [Diagnosis(date: dx, category: .mpn, who2022: secondary ? "Post-polycythaemia vera myelofibrosis" : "Primary myelofibrosis")],
                        variants: [Variant(gene: "JAK2", date: dx, hgvsp: "p.(Val617Phe)", consequence: .missense, vaf: 0.5)],
                        testedGenes: [GenePanel(date: dx, assay: "MPN", genes: ["JAK2", "CALR", "MPL"] + (hmrTested ? MIPSS70.hmrGenes : []))],
                        labs: [lab("hemoglobin", 9.5, "g/dL"), lab("WBC", 12), lab("platelets", 210), lab("PB-blasts", 0, "%")])
        p.findings = [ClinicalFinding(date: dx, kind: "constitutional-symptoms", value: .flag(false))]
            + (fibrosis ? [ClinicalFinding(date: dx, kind: "marrow-fibrosis-grade", value: .number(2))] : [])
        return p
    }

    func testMIPSS70Criteria() throws {
        XCTAssertEqual(try result("risk MIPSS70 intermediate", Self.pmf()), .met)
        XCTAssertEqual(try result("risk MIPSS70 <= intermediate", Self.pmf(fibrosis: false)), .met)   // 2–3: intermediate either way
        XCTAssertEqual(try result("risk MIPSS70 high", Self.pmf(fibrosis: false)), .notMet)
        XCTAssertEqual(try result("risk MIPSS70 high", Self.pmf(hmrTested: false)), .unknown)           // 2–5: undecided
        XCTAssertEqual(try result("risk MIPSS70 low", Self.pmf(secondary: true)), .notMet)              // derived in PMF only
        XCTAssertEqual(try result("risk MIPSS70 low", Self.aml), .notMet)
        XCTAssertThrowsError(try RuleParser.parse("risk MIPSS70 intermediate-1")) { e in
            XCTAssertEqual((e as? RuleError)?.message, "unknown MIPSS70 category 'intermediate-1' (low, intermediate, high)")
        }
    }

    func testLoweredProgramAgrees() throws {
        let rules = try ["risk IPSS-R <= intermediate", "risk IPSS-M >= high", "risk T-ALL-GRAALL-2013 low", "risk T-ALL-NGS-2024 high",
                         "risk ELTS low", "risk AA-severity severe, very-severe", "risk DIPSS high", "risk IPSS-R low or age > 70",
                         "risk MIPSS70 high", "risk MIPSS70 <= intermediate"].map(RuleParser.parse)
        let program = FastProgram(rules: rules)
        let facts = FastFacts(program)
        var atoms: [Atom] = []
        for r in rules { for a in r.atoms { atoms.append(a) } }
        let atomCodes = UnsafeMutablePointer<UInt8>.allocate(capacity: program.atomCount)
        let ruleCodes = UnsafeMutablePointer<UInt32>.allocate(capacity: program.ruleCount)
        defer { atomCodes.deallocate(); ruleCodes.deallocate() }
        let patients = [Self.mds(), Self.mds(anc: false), Self.mds(karyotype: false), Self.mds(blasts: 1), Self.tall(notch1: true, pten: true),
                        Self.tall(notch1: true, pten: false), Self.tall(notch1: false, pten: false), Self.aml,
                        Patient(id: "R-MPN", sex: .male, birthDate: LocalDate("1950-01-01")!, diagnoses: [Diagnosis(date: Self.dx, category: .mpn)]),
                        Self.pmf(), Self.pmf(fibrosis: false), Self.pmf(hmrTested: false), Self.pmf(secondary: true)]
        var seen = Set<UInt32>()
        for p in patients {
            let interp = Interpretation.interpret(p, today: Self.today, followUps: false)
            let slow = PatientFacts(patient: p, interpretation: interp, today: Self.today)
            facts.load(p, interp, today: Self.today)
            program.evaluate(facts, atomCodes: atomCodes, out: ruleCodes)
            for (r, e) in rules.enumerated() {
                let want = UInt32(FastFacts.code(Evaluator.result(e, slow)))
                XCTAssertEqual(ruleCodes[r], want, "\(p.id): rule \(r)")
                seen.insert(want)
            }
        }
        XCTAssertEqual(seen, [1, 2, 3], "met, not met and unknown all occur")
    }
}
