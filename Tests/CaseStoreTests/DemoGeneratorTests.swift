import CaseModel
import Foundation
import XCTest
@testable import CaseStore

final class DemoGeneratorTests: XCTestCase {
    static let sources: DemoSources? = try? DemoSources.load(demoDirectory: DemoDatabaseTests.demoDirectory())

    func sources() throws -> DemoSources { try XCTUnwrap(Self.sources, "demo sources must load") }

    func demo() throws -> [Patient] {
        var g = DemoGenerator(sources: try sources())
        return try g.generate()
    }

    let ref = TestFixtures.date("2026-11-29")

    func testSameSeedGivesIdenticalDatabaseContent() throws {
        let dir = TestFixtures.tempDirectory()
        let a = dir.appendingPathComponent("a.sqlite").path, b = dir.appendingPathComponent("b.sqlite").path
        try DemoDatabase.build(path: a, sources: try sources(), seed: 99, count: 400, trialFiles: [])
        try DemoDatabase.build(path: b, sources: try sources(), seed: 99, count: 400, trialFiles: [])
        let pa = try AppDatabase.open(path: a).patients(), pb = try AppDatabase.open(path: b).patients()
        XCTAssertEqual(pa.count, 400)
        XCTAssertEqual(pa, pb)
        XCTAssertEqual(try CaseFileWriter.data(pa), try CaseFileWriter.data(pb))
    }

    func testDifferentSeedGivesDifferentPatients() throws {
        var g1 = DemoGenerator(sources: try sources(), seed: 1), g2 = DemoGenerator(sources: try sources(), seed: 2)
        let a = try g1.generate(count: 300), b = try g2.generate(count: 300)
        XCTAssertNotEqual(a, b)
        // The hand-written scenarios keep their ids and genetics whatever the seed.
        XCTAssertEqual(a.first?.id, b.first?.id)
        XCTAssertEqual(a.first?.variants.map(\.gene), b.first?.variants.map(\.gene))
    }

    func testDemoCoversTheSixGroupsWithAtLeast240Patients() throws {
        let all = try demo()
        XCTAssertGreaterThanOrEqual(all.count, 240)
        XCTAssertEqual(Set(all.map(\.id)).count, all.count, "ids are unique")
        let groups = Dictionary(grouping: all) { $0.diagnosis?.category.group }
        for g in PathologyGroup.allCases {
            XCTAssertGreaterThanOrEqual(groups[g]?.count ?? 0, 10, "group \(g.rawValue)")
        }
        let categories = Set(all.compactMap { $0.diagnosis?.category })
        for c: DiagnosisCategory in [.aml, .apl, .bALL, .tALL, .cml, .mpn, .mds, .mdsMpn, .aplasticAnaemia, .pnh, .ibmfs, .germlinePredisposition] {
            XCTAssertTrue(categories.contains(c), c.rawValue)
        }
        let pattern = try NSRegularExpression(pattern: "^SL-(AML|ALL|MPN|MDS|BMF|GER)-[0-9]{4}$")
        for p in all {
            XCTAssertNotNil(pattern.firstMatch(in: p.id, range: NSRange(p.id.startIndex..., in: p.id)), p.id)
            XCTAssertTrue(p.identity?.mrn?.hasPrefix("DEMO-") ?? false)
            let prefix = p.id.split(separator: "-")[1]
            XCTAssertEqual(String(prefix), DemoGenerator.prefix(for: p.diagnosis?.category ?? .aml), p.id)
        }
    }

    func testDemoPatientsPassTheImportValidation() throws {
        let all = try demo()
        var r = CaseFileReader()
        r.read(data: try CaseFileWriter.data(all), file: "demo.json")
        XCTAssertEqual(r.errors.map(\.description), [])
        XCTAssertEqual(r.warnings.map(\.description), [])
        XCTAssertEqual(r.patients.count, all.count)
        for p in all {
            XCTAssertLessThanOrEqual(p.diagnoses[0].date, ref, p.id)
            XCTAssertTrue(p.mrd.allSatisfy { $0.date <= ref }, p.id)
            XCTAssertTrue(p.variants.allSatisfy { p.wasTested($0.gene) }, p.id)
        }
    }

    func testRealisticFrequenciesOnALargeCohort() throws {
        var g = DemoGenerator(sources: try sources(), seed: 5)
        let all = try g.generate(count: 3000)
        let aml = all.filter { $0.diagnosis?.category == .aml }
        let npm1 = Double(aml.filter { $0.variants.contains { $0.gene == "NPM1" } }.count) / Double(aml.count)
        XCTAssertTrue((0.22...0.40).contains(npm1), "NPM1 in \(npm1 * 100) % of AML")
        let npm1ITD = aml.filter { p in p.variants.contains { $0.gene == "NPM1" } && p.variants.contains { $0.consequence == .itd } }
        XCTAssertFalse(npm1ITD.isEmpty)
        XCTAssertTrue(aml.contains { !$0.wasTested("FLT3") }, "some AML without FLT3 testing")
        XCTAssertTrue(aml.contains { $0.testedGeneSet.contains("FLT3") && !$0.variants.contains { $0.gene == "FLT3" } }, "FLT3 tested negative")
        let jak2 = all.filter { $0.diagnosis?.category == .mpn }.filter { $0.variants.contains { $0.gene == "JAK2" && $0.hgvsp == "p.(Val617Phe)" } }
        XCTAssertFalse(jak2.isEmpty)
    }

    func testScenariosCoverTheClinicalRuleCases() throws {
        let byId = Dictionary(uniqueKeysWithValues: try demo().map { ($0.id, $0) })
        func p(_ id: String) throws -> Patient { try XCTUnwrap(byId[id], id) }
        // CBF with KIT and FLT3-ITD.
        XCTAssertEqual(Set(try p("SL-AML-0001").variants.map(\.gene)), ["KIT", "FLT3"])
        XCTAssertEqual(try p("SL-AML-0001").fusions.map(\.name), ["RUNX1::RUNX1T1"])
        // TP53 VAF threshold edges.
        XCTAssertEqual(try p("SL-AML-0009").variants.first?.vaf, 0.099)
        XCTAssertEqual(try p("SL-AML-0010").variants.first?.vaf, 0.10)
        // KMT2A PTD vs rearrangement.
        XCTAssertEqual(try p("SL-AML-0007").variants.first?.consequence, .ptd)
        XCTAssertEqual(try p("SL-AML-0008").karyotypes.first?.abnormalities, ["t(6;11)(q27;q23.3)"])
        // Missing testing and missing karyotype.
        XCTAssertFalse(try p("SL-AML-0017").wasTested("FLT3"))
        for g in ["NPM1", "FLT3", "CEBPA"] { XCTAssertFalse(try p("SL-AML-0018").wasTested(g), g) }
        XCTAssertTrue(try p("SL-AML-0019").karyotypes.isEmpty)
        // Germline confirmed on skin fibroblasts; 70-year-old with somatic TP53 12 %.
        XCTAssertTrue(try p("SL-AML-0030").variants.contains { $0.origin == .germline && $0.tissue == .skinFibroblast })
        let tp53 = try p("SL-AML-0038")
        XCTAssertEqual(tp53.age(on: ref), 70)
        XCTAssertEqual(tp53.variants.map(\.vaf), [0.12])
        XCTAssertTrue(tp53.familyHistory.isEmpty && tp53.clinicalFeatures.isEmpty)
        // TP53 persisting at a similar VAF on a sample taken in remission.
        let persist = try p("SL-AML-0034")
        let later = try XCTUnwrap(persist.variants.last)
        XCTAssertEqual(persist.status(on: later.date)?.status, .cr)
        XCTAssertEqual(later.vaf, 0.47)
        // Child with monosomy 7.
        XCTAssertLessThan(try XCTUnwrap(try p("SL-MDS-0001").age(on: ref)), 18)
        // A transplant within the last 100 days with GVHD.
        let tx = try XCTUnwrap(try p("SL-AML-0045").transplants.first)
        XCTAssertLessThanOrEqual(tx.date.days(until: ref), 100)
        XCTAssertEqual(tx.gvhd, .acute)
        // Overdue explicit follow-up.
        XCTAssertTrue(try p("SL-AML-0042").followUps.contains { !$0.isDone && $0.due < ref })
    }

    func testMRDSeriesShowTheRequiredPatterns() throws {
        let all = try demo()
        func series(_ p: Patient) -> [[MRDResult]] {
            Dictionary(grouping: p.mrd, by: \.seriesKey).values.map { $0.sorted { $0.date < $1.date } }
        }
        func hasLogRise(_ s: [MRDResult]) -> Bool {
            let pos = s.filter { $0.detected }.compactMap(\.value)
            return zip(pos, pos.dropFirst()).contains { log10($1 / $0) >= 1 }
        }
        let rising = try XCTUnwrap(all.first { $0.id == "SL-AML-0040" })
        XCTAssertTrue(series(rising).contains(where: hasLogRise))
        let conv = try XCTUnwrap(all.first { $0.id == "SL-AML-0041" })
        XCTAssertTrue(series(conv).contains { s in
            zip(s, s.dropFirst()).contains { !$0.detected && ($0.controlCopies ?? 0) >= 10_000 && $1.detected }
        })
        let lowCopies = try XCTUnwrap(all.first { $0.id == "SL-AML-0044" })
        XCTAssertTrue(lowCopies.mrd.contains { !$0.detected && ($0.controlCopies ?? 1e9) < 10_000 })
        let poorSensitivity = try XCTUnwrap(all.first { $0.id == "SL-ALL-0002" })
        XCTAssertTrue(poorSensitivity.mrd.contains { !$0.detected && ($0.sensitivity ?? 0) > 1e-4 })
        XCTAssertTrue(all.contains { p in series(p).contains { s in s.count >= 3 && s.dropFirst().allSatisfy { !$0.detected } } }, "undetectable series")
        XCTAssertTrue(all.contains { $0.mrd.contains { $0.marker == "BCR::ABL1" } })
        for p in all {
            for s in series(p) where s.count > 1 {
                let months = Double(s[0].date.days(until: s[s.count - 1].date)) / 30.4
                XCTAssertLessThanOrEqual(months, 40, p.id)
            }
        }
    }
}
