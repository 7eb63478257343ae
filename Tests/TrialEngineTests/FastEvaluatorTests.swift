import CaseModel
import ClinicalRules
import Foundation
import XCTest
@testable import TrialEngine

/// The matching table's evaluation (`FastProgram` atoms over `FastFacts`) gives, atom by atom and rule by rule,
/// the result of the explained path (`Evaluator` over `PatientFacts`), for every atom of the demo catalogue and
/// for catalogue-style rules written here, on synthetic patients matched on several days (so that some data
/// lies after "today" and must be ignored). One `FastFacts` is reused across all patients, as in the table.
final class FastEvaluatorTests: XCTestCase {
    static let extraRules = [
        "fusion KMT2A", "fusion KMT2A::MLLT3", "fusion BCR::ABL1", "fusion PML::RARA or karyotype t(15;17)",
        "karyotype complex", "karyotype monosomal", "karyotype normal", "karyotype -7", "karyotype del(5q)", "karyotype t(v;11q23.3)",
        "tested FLT3", "wildtype TP53", "not wildtype NPM1", "variant IDH1 protein p.R132", "variant JAK2 protein p.Val617Phe",
        "variant TP53 vaf >= 10%", "variant NPM1 consequence frameshift, missense", "variant DDX41 origin germline", "variant TP53 origin somatic exon 5", "fusion *::ABL1", "fusion KMT2A::*",
        "prior class FLT3-inhibitor within 90 days", "prior agent venetoclax", "transplant allogeneic within 100 days", "transplant any",
        "lab bilirubin <= 1.5 x ULN within 14 days", "lab creatinine <= 2 x ULN", "lab platelets >= 50 G/L within 30 days",
        "ecog <= 2 within 30 days", "ecog <= 1", "comorbidity hiv", "feature splenomegaly",
        "status relapsed, refractory", "status CR1", "status remission", "prior_lines in 1..2", "prior_lines >= 1",
        "oncotree is-a AML", "oncotree is-a AMLNPM1", "oncotree is-a \"Acute Myeloid Leukemia\"", "oncotree AMLNPM1", "sex female", "age >= 60 and not age > 75", "eln2022 adverse or eln2022 intermediate",
        "germline confirmed", "germline suspected DDX41", "germline tested", "mrd NPM1 positive", "mrd NPM1 log-rise",
        "who2022 contains \"NPM1\"", "icc2022 \"AML with mutated NPM1\"", "unmapped \"anything\"", "diagnosis AML or diagnosis MDS", "diagnosis AML, B-ALL", "diagnosis liquid", "diagnosis therapy-related", "diagnosis post-MDS", "age in 18..75", "sex female, male",
    ]

    func rules() throws -> [RuleExpr] {
        let m = Matcher.compile(try TrialLoader.loadDirectory(CatalogueTests.dir))
        var seen = Set<String>(), out: [RuleExpr] = []
        for t in m.trials { for a in t.arms { for c in a.criteria where seen.insert(c.spec.rule).inserted { out.append(c.expr) } } }
        for r in Self.extraRules {
            do { out.append(try RuleParser.parse(r)) } catch { XCTFail("extra rule \(r) does not parse: \(error)") }
        }
        return out
    }

    func testEveryAtomAndRuleAgreesWithTheExplainedPath() throws {
        let rules = try rules()
        let program = FastProgram(rules: rules)
        let facts = FastFacts(program)
        var atoms: [Atom] = []
        var keys = Set<String>()
        for r in rules { for a in r.atoms where keys.insert(String(describing: a.predicate)).inserted { atoms.append(a) } }
        XCTAssertEqual(atoms.count, program.atomCount, "one lowered atom per distinct atom")
        let atomCodes = UnsafeMutablePointer<UInt8>.allocate(capacity: program.atomCount)
        let ruleCodes = UnsafeMutablePointer<UInt32>.allocate(capacity: program.ruleCount)
        defer { atomCodes.deallocate(); ruleCodes.deallocate() }
        var gen = SyntheticPatients(seed: 2026)
        var patients = (0..<400).map { gen.patient($0, today: Fx.today) }
        patients.append(Fx.npm1())
        var noBirth = Fx.npm1()  // formats.md: birthDate may be null; both paths give unknown for age criteria
        noBirth.id = "NO-BIRTH-DATE"; noBirth.birthDate = nil
        patients.append(noBirth)
        var seen: [Set<UInt8>] = Array(repeating: [], count: atoms.count)
        var checked = 0
        for shift in [0, -45, -400] {
            let today = Fx.today.adding(days: shift)
            for p in patients {
                let interp = Interpretation.interpret(p, today: today, followUps: false)
                let slow = PatientFacts(patient: p, interpretation: interp, today: today)
                facts.load(p, interp, today: today)
                program.evaluate(facts, atomCodes: atomCodes, out: ruleCodes)
                for (i, a) in atoms.enumerated() {
                    let want = FastFacts.code(Evaluator.atom(a.predicate, slow).0)
                    if atomCodes[i] != want {
                        XCTFail("\(p.id) on \(today): atom \(a.predicate) fast \(atomCodes[i]) vs explained \(want)")
                        return
                    }
                    seen[i].insert(want)
                    checked += 1
                }
                for (r, e) in rules.enumerated() {
                    let want = UInt32(FastFacts.code(Evaluator.result(e, slow)))
                    XCTAssertEqual(ruleCodes[r], want, "\(p.id) on \(today): rule \(r)")
                    XCTAssertEqual(want, UInt32(FastFacts.code(Evaluator.explain(e, slow).0)), "\(p.id): result and explain agree")
                }
            }
        }
        XCTAssertGreaterThan(checked, 100_000)
        // The sample is not degenerate: most atoms take more than one value over it.
        let varied = seen.filter { $0.count > 1 }.count
        let all3 = seen.filter { $0.count == 3 }.count
        // Floors raised from 60 % (measured 2026-12-01 on the demo catalogue: 248 of 289 atoms take two results or more,
        // 135 all three); `ENGINE_COVERAGE=1` lists the atoms that miss an outcome.
        XCTAssertGreaterThan(Double(varied) / Double(atoms.count), 0.8, "atoms with more than one result: \(varied) of \(atoms.count)")
        XCTAssertGreaterThan(Double(all3) / Double(atoms.count), 0.45, "atoms with all three results: \(all3) of \(atoms.count)")
        if ProcessInfo.processInfo.environment["ENGINE_COVERAGE"] == "1" {
            for (i, a) in atoms.enumerated() where seen[i].count < 3 { print("COVERAGE-MISSING \(seen[i].sorted()) \(a.predicate)") }
        }
    }

    func testDateFiltersAndTieBreaks() throws {
        // Two labs of one test on the same day: the later entry wins (as in PatientFacts); a lab after today is ignored.
        var p = Fx.npm1()
        p.labs = [LabResult(date: Fx.d("2026-02-20"), test: "bilirubin", value: 40, unit: "µmol/L"),
                  LabResult(date: Fx.d("2026-02-20"), test: "Bilirubin", value: 10, unit: "µmol/L"),
                  LabResult(date: Fx.d("2026-03-05"), test: "bilirubin", value: 90, unit: "µmol/L")]
        p.performanceStatus = [PerformanceStatus(date: Fx.d("2026-02-01"), ecog: 3), PerformanceStatus(date: Fx.d("2026-02-01"), ecog: 1),
                               PerformanceStatus(date: Fx.d("2026-04-01"), ecog: 4)]
        let rules = try ["lab bilirubin <= 1.5 x ULN", "ecog <= 1", "variant NPM1", "tested FLT3", "tested KIT"].map(RuleParser.parse)
        let program = FastProgram(rules: rules)
        let facts = FastFacts(program)
        let atomCodes = UnsafeMutablePointer<UInt8>.allocate(capacity: program.atomCount)
        let out = UnsafeMutablePointer<UInt32>.allocate(capacity: program.ruleCount)
        defer { atomCodes.deallocate(); out.deallocate() }
        let interp = Interpretation.interpret(p, today: Fx.today, followUps: false)
        facts.load(p, interp, today: Fx.today)
        program.evaluate(facts, atomCodes: atomCodes, out: out)
        XCTAssertEqual(Array(UnsafeBufferPointer(start: out, count: 5)), [1, 1, 1, 1, 2])
        // The same facts object reloaded with a patient without data: nothing of the previous patient remains.
        var q = Patient(id: "EMPTY", sex: .female, birthDate: Fx.d("1970-01-01"), diagnoses: [])
        q.labs = []
        facts.load(q, Interpretation.interpret(q, today: Fx.today, followUps: false), today: Fx.today)
        program.evaluate(facts, atomCodes: atomCodes, out: out)
        XCTAssertEqual(Array(UnsafeBufferPointer(start: out, count: 5)), [3, 3, 3, 2, 2])
    }
}
