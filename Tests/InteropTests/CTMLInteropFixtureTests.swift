import CaseModel
import Foundation
import TrialEngine
import XCTest

/// The CTML documents of ../shared/fixtures/interop/ctml imported with the outcomes their README gives.
final class CTMLInteropFixtureTests: XCTestCase {
    func importFixture(_ name: String) throws -> [CTMLImporter.Result] {
        let text = String(decoding: try InteropFixtures.data("ctml/" + name), as: UTF8.self)
        return try CTMLImporter.importText(text, file: name)
    }

    // README: protocol 00-004, an invalid NCT id (warned, not fatal), an IDH1 p.R132 wildcard arm for AML and MDS among
    // others, whose only dose level is suspended (so the arm is not open).
    func testMatchminer00004() throws {
        let r = try XCTUnwrap(try importFixture("matchminer-engine_00-004.yml").first)
        XCTAssertEqual(r.id, "00-004")
        XCTAssertTrue(r.warnings.contains { $0.contains("nct_id 'XXX00000001' is not an NCT number") }, "\(r.warnings)")
        let (t, d) = TrialLoader.load(text: r.yaml, file: r.fileName)
        let trial = try XCTUnwrap(t, "\(d)")
        XCTAssertEqual(trial.trial.nct, "XXX00000001", "kept as written, with a warning")
        XCTAssertEqual(trial.arms.count, 1)
        XCTAssertFalse(trial.arms[0].isOpen)
        XCTAssertEqual(trial.arms[0].arm.status, .suspended)
        let rules = trial.arms[0].arm.inclusion.map(\.rule)
        XCTAssertTrue(rules.contains("variant IDH1 protein p.R132"), "\(rules)")
        XCTAssertTrue(rules.contains { $0.contains("oncotree is-a AML") && $0.contains("oncotree is-a MDS") }, "\(rules)")
        XCTAssertEqual(trial.trial.groups, [.aml, .mds])
    }

    // README: malformed YAML: rejected with its line number.
    func testMatchminer00000Rejected() throws {
        XCTAssertThrowsError(try importFixture("matchminer-engine_00-000.yml")) { e in
            // Issue 12 item 10: at the real file:line:column.
            XCTAssertTrue("\(e)".hasPrefix("matchminer-engine_00-000.yml:2:33: invalid YAML: mapping values are not allowed"), "\(e)")
        }
    }

    // README: a real 13-arm basket trial: BCR–ABL1 structural-variant criterion, negated diagnoses, a misspelt
    // copy-number value ("High Amplication") reported, not guessed.
    func testCAPTUR() throws {
        let r = try XCTUnwrap(try importFixture("ctims_NCT03297606_CAPTUR_Trial_v7.json").first)
        let (t, d) = TrialLoader.load(text: r.yaml, file: r.fileName)
        let trial = try XCTUnwrap(t, "\(d)")
        // 13 CTML arms; an arm with several dose levels (drugs) becomes one trial arm per level.
        XCTAssertEqual(Set(trial.arms.map { String($0.arm.id.split(separator: "/").first ?? "") }).count, 13)
        XCTAssertEqual(trial.arms.count, 16)
        let rules = trial.arms.flatMap { $0.arm.inclusion.map(\.rule) }
        XCTAssertTrue(rules.contains { $0.contains("fusion BCR::ABL1") }, "BCR–ABL1 structural variant")
        XCTAssertTrue(rules.contains { $0.contains("not oncotree") || $0.contains("not (oncotree") }, "negated diagnoses")
        XCTAssertTrue(rules.contains { $0.contains(#"unmapped "cnv_call High Amplication""#) }, "misspelling kept unknown")
        XCTAssertTrue(r.warnings.contains { $0.contains("cnv_call High Amplication has no equivalent") })
    }

    // The CTIMS schema is not a trial: refused, not turned into an empty trial.
    func testSchemaRejected() throws {
        XCTAssertThrowsError(try importFixture("ctims_ctml_schema.json")) { e in
            XCTAssertEqual("\(e)", "ctims_ctml_schema.json: a JSON schema, not a CTML trial document")
        }
    }
}
