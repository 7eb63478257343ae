import CaseModel
import Foundation
import XCTest
@testable import ClinicalRules

/// Issue 12, failure 7 and build item 4: "all arithmetic on data is total". An MRD value ≥ 1e17 or control copies
/// ≥ 1e19 trapped (Double → Int overflow in GeneticFindings and MRDInterpreter), and an MRD of 5e-324 followed
/// by 0.001 gave an infinite log10 change that no JSON could hold. This seeded fuzz runs every rule over
/// patients built from extreme values: it must never trap, and for finite inputs the interpretation must
/// encode as JSON (every number in it finite).
final class RulesTotalityTests: XCTestCase {
    static let extremes: [Double] = [0, -0.0, 5e-324, 2.2250738585072014e-308, 1e-300, 1e-17, 1e-5, 0.001, 0.1, 0.5, 1, 1.5,
                                     100, 1e9, 1e17, 1e19, 9.3e18, 1e300, .greatestFiniteMagnitude, -1, -1e19,
                                     .infinity, -.infinity, .nan]

    /// SplitMix64 (the demo generator's PRNG), so a failing case can be replayed from its seed.
    struct Rng { var s: UInt64
        mutating func next() -> UInt64 { s &+= 0x9E3779B97F4A7C15; var z = s; z = (z ^ (z >> 30)) &* 0xBF58476D1CE4E5B9; z = (z ^ (z >> 27)) &* 0x94D049BB133111EB; return z ^ (z >> 31) }
        mutating func pick<T>(_ a: [T]) -> T { a[Int(next() % UInt64(a.count))] }
        mutating func chance() -> Bool { next() % 2 == 0 }
    }

    func patient(_ r: inout Rng, finite: Bool) -> Patient {
        let values = finite ? Self.extremes.filter(\.isFinite) : Self.extremes
        let dx = Fixtures.dx
        let category: DiagnosisCategory = r.pick([.aml, .cml, .bALL, .mds, .apl])
        let markers = ["NPM1", "BCR::ABL1", "PML::RARA", "CBFB::MYH11", "IGH", "MFC"]
        var mrd: [MRDResult] = []
        for k in 0..<Int(r.next() % 6) {
            mrd.append(MRDResult(date: dx.adding(days: 30 * (k + 1)), marker: r.pick(markers), method: r.pick(MRDMethod.allCases),
                                 tissue: r.pick(MRDTissue.allCases), detected: r.chance(), value: r.chance() ? r.pick(values) : nil,
                                 sensitivity: r.chance() ? r.pick(values) : nil, controlCopies: r.chance() ? r.pick(values) : nil))
        }
        let variants = (0..<Int(r.next() % 4)).map { _ in
            Fixtures.v(r.pick(["TP53", "NPM1", "FLT3", "RUNX1", "DDX41", "ASXL1"]), r.pick([.missense, .frameshift, .itd, nil]),
                       vaf: r.chance() ? r.pick(values) : nil, origin: r.pick([.somatic, .germline, .unknown]))
        }
        return Patient(id: "FUZZ-1", sex: .female, birthDate: Fixtures.d("1963-04-02"), site: "S",
                       diagnoses: [Diagnosis(date: dx, category: category, blastsBM: r.chance() ? r.pick(values) : nil,
                                             blastsPB: r.chance() ? r.pick(values) : nil)],
                       karyotypes: [Karyotype(date: dx, tissue: .bm, abnormalities: r.chance() ? [] : ["-7", "t(9;22)"])],
                       variants: variants,
                       testedGenes: [GenePanel(date: dx, assay: "NGS", genes: Fixtures.myeloidPanel)],
                       mrd: mrd,
                       labs: [LabResult(date: dx, test: r.pick(["ANC", "platelets", "bilirubin"]), value: r.pick(values), unit: "G/L")])
    }

    func testEveryRuleIsTotalOnExtremeValues() throws {
        var r = Rng(s: 0x12_2026)
        let encoder = JSONEncoder()
        var runs = 0
        for i in 0..<3_000 {
            let finite = i % 2 == 0
            let p = patient(&r, finite: finite)
            let interp = Interpretation.interpret(p, today: Fixtures.today)
            XCTAssertFalse(interp.summaryLines().isEmpty)
            for s in MRDInterpreter.assess(p.mrd, category: p.diagnosis?.category) {
                for pt in s.points { if let c = pt.log10Change { XCTAssertTrue(c.isFinite, "case \(i): log10 change \(c)") } }
            }
            if finite {
                XCTAssertNoThrow(try encoder.encode(interp), "case \(i): a finite case must encode: \(p.mrd) \(p.variants.map(\.vaf))")
            }
            for v in Self.extremes {
                _ = MRDInterpreter.cmlLevel(value: v)
                _ = MRDInterpreter.cmlLevel(undetectedWith: v)
                _ = MRDInterpreter.sci(v)
                _ = GeneticFindings.percent(v)
                _ = GeneticFindings.percentSignificant(v)
            }
            runs += 1
        }
        XCTAssertEqual(runs, 3_000)
    }

    func testSubnormalThenNormalValueGivesAFiniteLogChange() {
        // The report's saved input: MRD 5e-324 then 0.001 (a rise of 320.3 log10, not infinity).
        let a = MRDResult(date: Fixtures.d("2026-02-01"), marker: "NPM1", method: .qPCR, tissue: .pb, detected: true, value: 5e-324)
        let b = MRDResult(date: Fixtures.d("2026-03-01"), marker: "NPM1", method: .qPCR, tissue: .pb, detected: true, value: 0.001)
        let s = MRDInterpreter.assess([a, b], category: .aml)
        XCTAssertEqual(s.first?.points.last?.log10Change, 320.306)
        XCTAssertEqual(TotalArithmetic.log10Ratio(0.001, 0.0001), 1, accuracy: 1e-12)
        XCTAssertEqual(TotalArithmetic.countText(1e19), "1e+19")
        XCTAssertEqual(TotalArithmetic.countText(32000), "32000")
        XCTAssertNil(TotalArithmetic.int(.nan))
        XCTAssertNil(TotalArithmetic.int(1e19))
        XCTAssertEqual(MRDInterpreter.cmlLevel(undetectedWith: 1e19), "MR5, undetectable with 1e+19 ABL1")
    }
}
