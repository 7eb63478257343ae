import CaseModel
import ClinicalRules
import Foundation
import TrialEngine
import XCTest
@testable import CaseStore

/// On the whole demo population, matched on its reference date and on two earlier days (so that later data must
/// be ignored), the matching table (lowered atoms, interned names, several threads) gives for every patient ×
/// every arm (open or not) the verdict and every criterion result of the explained path (`Matcher.verdict(of:…)`
/// with its reasons), and the single-patient row (`matchRow`) gives the same.
final class DemoMatchTableTests: XCTestCase {
    func testMatchTableEqualsTheExplainedPathOnTheDemo() throws {
        let dir = try DemoDatabaseTests.demoDirectory().appendingPathComponent("trials")
        let matcher = Matcher.compile(try TrialLoader.loadDirectory(dir))
        let patients = DemoCoverageTests.demo
        XCTAssertGreaterThanOrEqual(patients.count, 240)
        var cells = 0, deceased = 0, results = Set<CriterionResult>()
        for shift in [0, -120, -700] {
            let today = DemoCoverageTests.today.adding(days: shift)
            let table = matcher.matchTable(patients: patients, today: today, columns: matcher.armIndex, threads: 2)
            for (p, patient) in patients.enumerated() {
                let interp = Interpretation.interpret(patient, today: today, followUps: false)
                let facts = PatientFacts(patient: patient, interpretation: interp, today: today)
                let row = matcher.matchRow(patient, interp, today: today)
                XCTAssertEqual(row.count, table.arms.count)
                for (k, col) in table.arms.enumerated() {
                    let t = matcher.trials[col.trial]
                    let explained = matcher.verdict(of: t.arms[col.arm], trial: t.trial, facts: facts)
                    let codes = table.results(patient: p, arm: k)
                    // A deceased patient's explained verdict starts with the "Patient alive" criterion (DeceasedRule),
                    // which has no code in the table: the arm's own criteria follow it.
                    if facts.isDeceased {
                        XCTAssertEqual(explained.criteria.first?.text, DeceasedRule.criterionText)
                        XCTAssertEqual(explained.verdict, .ineligible)
                        deceased += 1
                    }
                    let own = facts.isDeceased ? Array(explained.criteria.dropFirst()) : explained.criteria
                    guard codes == own.map(\.result), table.verdict(patient: p, arm: k) == explained.verdict else {
                        return XCTFail("\(patient.id) on \(today), \(t.trial.id) arm \(t.arms[col.arm].arm.id): table \(codes) \(table.verdict(patient: p, arm: k)) vs explained \(own.map(\.result)) \(explained.verdict)")
                    }
                    XCTAssertEqual(row[k].verdict, explained.verdict)
                    XCTAssertEqual(row[k].codes, Matcher.packCodes(codes))
                    results.formUnion(codes)
                    cells += 1
                }
            }
        }
        XCTAssertEqual(results, [.met, .notMet, .unknown])
        XCTAssertGreaterThan(cells, 90_000)
        XCTAssertGreaterThan(deceased, 0, "the demo has deceased patients")
    }
}
