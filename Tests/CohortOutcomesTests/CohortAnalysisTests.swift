import CaseModel
import CaseStore
import XCTest
@testable import CohortOutcomes

/// Cohorts (`--where`, tri-state: only met counts; `--by`), exclusions listed, and the demo database's
/// OS by ELN 2022 ordered favourable > intermediate > adverse at 24 months (the order of Döhner et al.,
/// Blood 2022, ELN 2022 validation cohorts).
final class CohortAnalysisTests: XCTestCase {
    static let today = LocalDate(year: 2026, month: 11, day: 29)!

    static func demoPatients() throws -> [Patient] {
        let sources = try DemoSources.load(demoDirectory: try DemoDatabase.locate(environment: [:], executable: nil))
        var g = DemoGenerator(sources: sources)
        return try g.generate()
    }

    func testDemoOSByELN2022IsOrderedAt24Months() throws {
        let patients = try Self.demoPatients()
        let result = try CohortAnalysis.run(patients, .init(endpoint: .os, grouping: .eln2022, today: Self.today))
        let groups = result.report.groups
        XCTAssertEqual(groups.map(\.name), ["favorable", "intermediate", "adverse"])
        let at24 = try groups.map { g in try XCTUnwrap(g.atRiskTable.first { $0.time == 24 }?.survival, g.name) }
        XCTAssertGreaterThan(at24[0], at24[1], "favourable > intermediate at 24 months: \(at24)")
        XCTAssertGreaterThan(at24[1], at24[2], "intermediate > adverse at 24 months: \(at24)")
        // Every patient is accounted for: analysed or excluded with a reason.
        let analysed = groups.map(\.n).reduce(0, +)
        XCTAssertEqual(analysed + result.excluded.count, patients.count)
        XCTAssertTrue(result.excluded.contains { $0.reason.hasPrefix("no ELN 2022 risk") })
        XCTAssertEqual(result.report.excludedPatients?.count, result.excluded.count)
        XCTAssertNotNil(result.report.logRank)
        XCTAssertEqual(result.report.hazardRatios.map(\.versus), ["favorable", "favorable"])
        XCTAssertGreaterThan(result.report.hazardRatios.last?.hr ?? 0, 1, "adverse vs favourable HR > 1")
    }

    func testWhereKeepsOnlyMet() throws {
        let patients = try Self.demoPatients()
        let all = try CohortAnalysis.run(patients, .init(endpoint: .os, today: Self.today))
        XCTAssertEqual(all.cohort.met, patients.count)
        let over60 = try CohortAnalysis.run(patients, .init(endpoint: .os, grouping: .category, whereText: "age >= 60", today: Self.today))
        let expected = patients.filter { ($0.age(on: Self.today) ?? -1) >= 60 }.count
        XCTAssertEqual(over60.cohort.met, expected)
        XCTAssertEqual(over60.cohort.met + over60.cohort.notMet + over60.cohort.unknown, patients.count)
        XCTAssertEqual(over60.report.groups.map(\.n).reduce(0, +) + over60.excluded.count, expected)
        XCTAssertEqual(over60.report.cohort?.where, "age >= 60")
    }

    /// A gene never tested is unknown, not absent: such patients are not in a "not mutated" cohort.
    func testUnknownIsNotMet() throws {
        var tested = EndpointDefinitionTests.patient("T", lastContact: 300)
        tested.testedGenes = [GenePanel(date: EndpointDefinitionTests.dx, assay: "NGS", genes: ["NPM1"])]
        let untested = EndpointDefinitionTests.patient("U", lastContact: 300)
        let r = try CohortAnalysis.run([tested, untested], .init(endpoint: .os, whereText: "not variant NPM1", today: Self.today))
        XCTAssertEqual(r.cohort.met, 1)
        XCTAssertEqual(r.cohort.unknown, 1)
        XCTAssertEqual(r.report.groups.first?.n, 1)
        XCTAssertTrue(r.report.notes.contains { $0.contains("unknown --where result") })
    }

    func testBadRequestsAreRefused() throws {
        let p = [EndpointDefinitionTests.patient(lastContact: 300)]
        XCTAssertThrowsError(try CohortAnalysis.run(p, .init(endpoint: .os, whereText: "age >=", today: Self.today))) {
            XCTAssertTrue("\($0)".hasPrefix("--where age >=: "), "\($0)")
        }
        XCTAssertThrowsError(try CohortAnalysis.run(p, .init(endpoint: .efs, options: EndpointOptions(start: .cr), today: Self.today))) {
            XCTAssertEqual("\($0)", "--from cr: EFS starts at diagnosis")
        }
        XCTAssertThrowsError(try CohortAnalysis.run(p, .init(endpoint: .rfs, today: Self.today))) {
            XCTAssertEqual("\($0)", "no patient of the cohort has the data RFS needs (1 excluded)")
        }
    }

    func testCIRGivesRelapseAndCompetingDeath() throws {
        let patients = (0..<12).map { i in
            EndpointDefinitionTests.patient("C\(i)", statuses: [(40, .cr)] + (i % 3 == 0 ? [(200 + i, .relapsed)] : []),
                                            death: i % 3 == 1 ? 300 + i : nil, lastContact: i % 3 == 1 ? nil : 700)
        }
        let r = try CohortAnalysis.run(patients, .init(endpoint: .cir, today: Self.today))
        XCTAssertEqual(r.report.cumulativeIncidence.map(\.label), ["relapse", "death without relapse"])
        XCTAssertEqual(r.report.cumulativeIncidence[0].steps.last?.estimate ?? 0, 4.0 / 12, accuracy: 1e-12)
        XCTAssertEqual(r.report.cumulativeIncidence[1].steps.last?.estimate ?? 0, 4.0 / 12, accuracy: 1e-12)
    }

    func testGroupOrder() {
        XCTAssertEqual(CohortGrouping.eln2022.order(["adverse", "favorable", "intermediate"]), ["favorable", "intermediate", "adverse"])
        XCTAssertEqual(CohortGrouping.ageBand.order([">=70", "<40"]), ["<40", ">=70"])
        XCTAssertEqual(CohortGrouping.site.order(["b", "a"]), ["a", "b"])
    }
}
