import CaseModel
import ClinicalRules
import Foundation
import TrialEngine
import XCTest
@testable import CaseStore

/// The demo database exercises every clinical rule outcome and gives each patient a spread of
/// trial verdicts, on the demo's reference date.
final class DemoCoverageTests: XCTestCase {
    static let today = LocalDate("2026-11-29")!

    static let demo: [Patient] = {
        guard let dir = try? DemoDatabaseTests.demoDirectory(), let sources = try? DemoSources.load(demoDirectory: dir) else { return [] }
        var g = DemoGenerator(sources: sources)
        return (try? g.generate()) ?? []
    }()

    func testEveryClinicalOutcomeOccurs() throws {
        let patients = Self.demo
        XCTAssertGreaterThanOrEqual(patients.count, 240)
        var eln = Set<String>(), eln24 = Set<String>(), germline = Set<GermlineFlagLevel>(), mrd = Set<MRDStatus>()
        var events = Set<MRDEventKind>(), tasks = Set<FollowUpStatus>(), groups = Set<PathologyGroup>()
        var noFlagOldSomaticTP53 = false
        for p in patients {
            let i = Interpretation.interpret(p, today: Self.today)
            if let c = p.diagnosis?.category { groups.insert(c.group) }
            eln.insert(i.eln2022?.risk.rawValue ?? "null")
            if let r = i.eln2024LessIntensive?.risk { eln24.insert(r.rawValue) }
            germline.formUnion(i.germline.flags.map(\.level))
            for s in i.mrd { mrd.insert(s.status); events.formUnion(s.events.map(\.kind)) }
            tasks.formUnion(i.followUps.map(\.status))
            if let age = p.age(on: Self.today), age >= 70, p.variants.contains(where: { $0.gene == "TP53" && $0.origin == .somatic }),
               i.germline.flags.isEmpty { noFlagOldSomaticTP53 = true }
        }
        XCTAssertEqual(groups, Set(PathologyGroup.allCases))
        XCTAssertEqual(eln, ["favorable", "intermediate", "adverse", "null"])
        XCTAssertEqual(eln24, ["favorable", "intermediate", "adverse"])
        XCTAssertEqual(germline, Set(GermlineFlagLevel.allCases))
        XCTAssertEqual(mrd, Set(MRDStatus.allCases))
        XCTAssertEqual(events, Set(MRDEventKind.allCases))
        // The generator leaves no open task after a death, so `patient-deceased` (DeceasedRule) never occurs in the demo.
        XCTAssertEqual(tasks, Set(FollowUpStatus.allCases).subtracting([.patientDeceased]))
        XCTAssertTrue(noFlagOldSomaticTP53, "an older patient with somatic TP53 and no germline flag")
    }

    func testEveryPatientGetsASpreadOfTrialVerdicts() throws {
        let dir = try DemoDatabaseTests.demoDirectory().appendingPathComponent("trials")
        let catalogue = try TrialLoader.loadDirectory(dir)
        XCTAssertTrue(catalogue.diagnostics.filter { $0.severity == .error }.isEmpty)
        let matcher = Matcher.compile(catalogue)
        var withCandidate = 0, withEligible = 0, allVerdicts = Set<Verdict>()
        // Deceased patients are ineligible everywhere (DeceasedRule): the spread is measured over the living.
        let living = Self.demo.filter { !DeceasedRule.isDeceased($0) }
        XCTAssertLessThan(living.count, Self.demo.count, "the demo has deceased patients")
        for p in Self.demo where DeceasedRule.isDeceased(p) {
            let facts = PatientFacts(patient: p, interpretation: Interpretation.interpret(p, today: Self.today, followUps: false), today: Self.today)
            XCTAssertTrue(matcher.trials.indices.allSatisfy { (matcher.trialVerdict($0, facts: facts) ?? .ineligible) == .ineligible }, p.id)
        }
        for p in living {
            let facts = PatientFacts(patient: p, interpretation: Interpretation.interpret(p, today: Self.today, followUps: false), today: Self.today)
            let verdicts = matcher.trials.indices.compactMap { matcher.trialVerdict($0, facts: facts) }
            allVerdicts.formUnion(verdicts)
            if verdicts.contains(where: { $0 != .ineligible }) { withCandidate += 1 }
            if verdicts.contains(.eligible) { withEligible += 1 }
        }
        XCTAssertEqual(allVerdicts, Set(Verdict.allCases))
        XCTAssertGreaterThan(Double(withCandidate) / Double(living.count), 0.9, "most living patients have a candidate trial")
        XCTAssertGreaterThan(withEligible, living.count / 3)
    }
}
