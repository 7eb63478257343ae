import CaseModel
import ClinicalRules
import Foundation
import XCTest
@testable import TrialEngine

/// Issue 10, the differential floor: the fast matching path (`FastProgram` over `FastFacts`) is pinned to the
/// explained one (`Evaluator` over `PatientFacts`) on EVERY atom of the catalogue (and FastEvaluatorTests' extra
/// rules) with all three outcomes — met, not met, unknown — each reached at least once, on the synthetic sample
/// plus patients built per atom (`AtomWitnesses`). An outcome an atom cannot have by construction is listed in
/// `impossible` with the Evaluator rule that excludes it. The test fails listing every atom not covered.
final class AtomCoverageTests: XCTestCase {
    /// Outcomes an atom can never give (Evaluator.atom), so they are not required.
    static func impossible(_ p: TrialEngine.Predicate) -> Set<UInt8> {
        let met: UInt8 = 1, notMet: UInt8 = 2, unknown: UInt8 = 3
        switch p {
        case .unmapped: return [met, notMet]                                      // always unknown
        case .tested, .transplant, .feature: return [unknown]                     // absent = not met
        case .comorbidity(let tag): return TestCheckedExclusion.tags.contains(tag) ? [] : [unknown]
        case .germline(let sel, _): return sel == .tested || sel == .redFlag ? [unknown] : []
        case .sex(let list):                                                      // unknown sex = unknown
            return Set(Sex.allCases.filter { $0 != .unknown }).isSubset(of: Set(list)) ? [notMet] : []
        case .oncotree(nil, _, _): return [met]                                   // not a haematological type
        case .variant(let vp): return vp.exon != nil ? [met] : []                 // exons are not recorded
        case .age(let c, let v):                                                  // an age no person can have
            var s = Set<UInt8>()
            if !(0...120).contains(where: { c.holds(Double($0), v) }) { s.insert(met) }
            if !(0...120).contains(where: { !c.holds(Double($0), v) }) { s.insert(notMet) }
            return s
        default: return []
        }
    }

    func testEveryAtomReachesEveryOutcomeAndBothPathsAgree() throws {
        let m = Matcher.compile(try TrialLoader.loadDirectory(CatalogueTests.dir))
        var seenRules = Set<String>(), rules: [RuleExpr] = []
        for t in m.trials { for a in t.arms { for c in a.criteria where seenRules.insert(c.spec.rule).inserted { rules.append(c.expr) } } }
        for r in FastEvaluatorTests.extraRules { rules.append(try RuleParser.parse(r)) }
        let program = FastProgram(rules: rules)
        let facts = FastFacts(program)
        var atoms: [Atom] = [], keys = Set<String>()
        for r in rules { for a in r.atoms where keys.insert(String(describing: a.predicate)).inserted { atoms.append(a) } }
        XCTAssertEqual(atoms.count, program.atomCount)
        let atomCodes = UnsafeMutablePointer<UInt8>.allocate(capacity: program.atomCount)
        let ruleCodes = UnsafeMutablePointer<UInt32>.allocate(capacity: program.ruleCount)
        defer { atomCodes.deallocate(); ruleCodes.deallocate() }
        let today = Fx.today
        var gen = SyntheticPatients(seed: 2026)
        var patients = (0..<400).map { gen.patient($0, today: today) }
        patients.append(Fx.npm1())
        for a in atoms { patients += AtomWitnesses.patients(for: a.predicate, today: today) }
        var seen = [Set<UInt8>](repeating: [], count: atoms.count)
        var disagreements: [String] = []
        for p in patients {
            let interp = Interpretation.interpret(p, today: today, followUps: false)
            let slow = PatientFacts(patient: p, interpretation: interp, today: today)
            facts.load(p, interp, today: today)
            program.evaluate(facts, atomCodes: atomCodes, out: ruleCodes)
            for (i, a) in atoms.enumerated() {
                let want = FastFacts.code(Evaluator.atom(a.predicate, slow).0)
                if atomCodes[i] != want, disagreements.count < 20 {
                    disagreements.append("\(p.id): \(a.predicate) fast \(atomCodes[i]) explained \(want)")
                }
                seen[i].insert(want)
            }
            for (r, e) in rules.enumerated() where ruleCodes[r] != UInt32(FastFacts.code(Evaluator.result(e, slow))) {
                if disagreements.count < 20 { disagreements.append("\(p.id): rule \(r) fast \(ruleCodes[r])") }
            }
        }
        XCTAssertEqual(disagreements, [], "the fast path differs from the explained one")
        var missing: [String] = []
        for (i, a) in atoms.enumerated() {
            let need = Set<UInt8>([1, 2, 3]).subtracting(Self.impossible(a.predicate))
            let lacking = need.subtracting(seen[i])
            if !lacking.isEmpty {
                let names = lacking.sorted().map { ["", "met", "not met", "unknown"][Int($0)] }
                missing.append("\(a.predicate) never \(names.joined(separator: "/"))")
            }
            // An exemption must be true: the outcome it excludes is never seen.
            XCTAssertTrue(seen[i].isDisjoint(with: Self.impossible(a.predicate)), "\(a.predicate): an 'impossible' outcome occurred")
        }
        XCTAssertEqual(missing.count, 0, "\(missing.count) of \(atoms.count) atoms miss an outcome:\n" + missing.joined(separator: "\n"))
        let exempt = atoms.filter { !Self.impossible($0.predicate).isEmpty }.count
        let all3 = seen.filter { $0.count == 3 }.count
        print("AtomCoverageTests: \(atoms.count) atoms, \(patients.count) patients; \(all3) atoms reach all three outcomes, "
              + "\(exempt) cannot by construction (impossible) and reach the rest")
    }
}
