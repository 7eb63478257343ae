import Foundation
import XCTest
@testable import TrialEngine

/// Issue 12, failure 8: a CTML `or` of 50,000 genes took over 60 s to import because the loader walked the
/// rule text once per atom to locate it (quadratic). The walk is now one pass for every atom.
final class HardeningLinearTests: XCTestCase {
    func ctml(genes n: Int) -> String {
        let kids = (0..<n).map { "{\"genomic\": {\"hugo_symbol\": \"G\($0)\", \"variant_category\": \"Mutation\"}}" }
        return "{\"protocol_no\": \"BIG-1\", \"treatment_list\": {\"step\": [{\"arm\": [{\"arm_code\": \"A\", \"arm_suspended\": \"N\", \"match\": [{\"or\": [\(kids.joined(separator: ","))]}]}]}]}}"
    }

    func testLargeOrImportsAndLoadsInLinearTime() throws {
        // 20,000 genes: about 1 s in a debug build now; the quadratic walk took > 200 s for 10,000.
        let start = Date()
        let results = try CTMLImporter.importText(ctml(genes: 20_000), file: "big.json")
        XCTAssertEqual(results.count, 1)
        let yaml = try XCTUnwrap(results.first).yaml
        let (trial, diagnostics) = TrialLoader.load(text: yaml, file: "BIG-1.yaml")
        XCTAssertEqual(diagnostics.filter { $0.message.contains("error") }.count, 0)
        let t = try XCTUnwrap(trial, "\(diagnostics)")
        let atoms = t.arms.flatMap(\.criteria).flatMap { $0.atomPositions.keys }
        XCTAssertEqual(atoms.count, 20_000)
        XCTAssertLessThan(Date().timeIntervalSince(start), 30, "import + load of a 20,000-gene `or` must be linear")
    }

    func testBatchPositionsEqualSinglePositions() throws {
        // The one-pass walk gives each atom its position in the file (checked by hand: 1-based line:column of each
        // `variant`/`age` in the text below; block scalar lines are indented 10, the quoted value starts at column 16).
        let yaml = """
        id: T-1
        title: Positions
        phase: "2"
        status: open
        arms:
          - id: A
            inclusion:
              - text: block
                rule: >-
                  variant FLT3 or
                  variant NPM1 or variant TP53
              - text: quoted
                rule: "age >= 18 and variant KIT"
        """
        let (trial, d) = TrialLoader.load(text: yaml, file: "t.yaml")
        let t = try XCTUnwrap(trial, "\(d)")
        let crit = t.arms.flatMap(\.criteria)
        XCTAssertEqual(crit.count, 2)
        XCTAssertEqual(crit[0].atomPositions.values.map { "\($0.0):\($0.1)" }.sorted(), ["10:11", "11:11", "11:27"])
        XCTAssertEqual(crit[1].atomPositions.values.map { "\($0.0):\($0.1)" }.sorted(), ["13:16", "13:30"])
    }
}

/// Issue 12, failure 10: `import-ctml` exited 2 ("internal error": the converted trial did not load) on a NUL in a
/// string or an age like `>=1e21`. The report's saved input now converts to a trial that loads.
final class CTMLSavedInputTests: XCTestCase {
    func testNulAndHugeAgeConvertToALoadableTrial() throws {
        let text = #"{"protocol_no": "N-1", "treatment_list": {"step": [{"arm": [{"arm_code": "A", "match": [{"and": [{"genomic": {"hugo_symbol": "NR\u0000AS", "variant_category": "Mutation"}}, {"clinical": {"age_numerical": ">=1e21", "oncotree_primary_diagnosis": "Acute\u0000Myeloid"}}]}]}]}], "long_title": "T\u0000itle"}}"#
        let results = try CTMLImporter.importText(text, file: "nul.json")
        XCTAssertEqual(results.count, 1)
        let r = try XCTUnwrap(results.first)
        XCTAssertFalse(r.yaml.unicodeScalars.contains { $0.value == 0 }, "no NUL is written into the trial file")
        XCTAssertTrue(r.yaml.contains("unmapped \\\"age_numerical >=1e21\\\""), r.yaml)
        let (trial, d) = TrialLoader.load(text: r.yaml, file: r.fileName)
        XCTAssertNotNil(trial, "\(d)")
        // A plausible age still maps: 18 ≤ age ≤ 150.
        let ok = try CTMLImporter.importText(text.replacingOccurrences(of: ">=1e21", with: ">=150"), file: "ok.json")
        XCTAssertTrue(ok.first?.yaml.contains("age >= 150") == true, ok.first?.yaml ?? "")
    }
}

/// Found by the CTML fuzz test (issue 12): a protein change `p.G12,` produced a rule the loader refused (exit 2).
final class CTMLFuzzFindingTests: XCTestCase {
    func testUnparsableConvertedRuleBecomesUnmapped() throws {
        let text = #"{"protocol_no": "11-111", "treatment_list": {"step": [{"arm": [{"arm_code": "EXP 3", "arm_suspended": "N", "match": [{"and": [{"genomic": {"hugo_symbol": "NRAS", "protein_change": "p.G12,", "variant_category": "Mutation"}}]}]}]}]}}"#
        let r = try XCTUnwrap(try CTMLImporter.importText(text, file: "f.json").first)
        let (trial, d) = TrialLoader.load(text: r.yaml, file: r.fileName)
        XCTAssertNotNil(trial, "\(d)")
        XCTAssertTrue(r.yaml.contains("unmapped"), r.yaml)
    }
}
