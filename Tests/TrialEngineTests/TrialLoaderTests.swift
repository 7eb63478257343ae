import CaseModel
import Foundation
import XCTest
@testable import TrialEngine

final class TrialLoaderTests: XCTestCase {
    static let good = """
    id: SL-T-TEST-001
    nct: NCT-DEMO-9001
    title: "Test trial"
    phase: "2"
    status: open
    groups: [AML]
    inclusion:
      - text: "Adults"
        rule: age >= 18
    arms:
      - id: A
        name: Arm A
        status: open
        inclusion:
          - text: "NPM1"
            rule: "variant NPM1"
        exclusion:
          - text: "Infection"
            rule: comorbidity active-infection
      - id: B
        name: Arm B
        status: suspended
        inclusion:
          - text: "Any AML"
            rule: |
              diagnosis AML and
              status relapsed
    """

    func testLoadsTrialArmsAndTrialLevelCriteria() throws {
        let (t, d) = TrialLoader.load(text: Self.good, file: "t.yaml")
        XCTAssertEqual(d.filter { $0.severity == .error }, [])
        let trial = try XCTUnwrap(t)
        XCTAssertEqual(trial.trial.id, "SL-T-TEST-001")
        XCTAssertEqual(trial.trial.nct, "NCT-DEMO-9001")
        XCTAssertEqual(trial.trial.groups, [.aml])
        XCTAssertEqual(trial.arms.map(\.arm.id), ["A", "B"])
        XCTAssertEqual(trial.arms[0].arm.inclusion.map(\.rule), ["age >= 18", "variant NPM1"], "trial-level inclusion comes first")
        XCTAssertEqual(trial.arms[0].arm.exclusion.map(\.text), ["Infection"])
        XCTAssertEqual(trial.arms[1].arm.status, .suspended)
        XCTAssertFalse(trial.arms[1].isOpen)
        XCTAssertEqual(trial.fingerprint, Fingerprint.of(Self.good))
        XCTAssertNotEqual(trial.fingerprint, Fingerprint.of(Self.good + " "))
        // Rule positions: plain scalar, quoted scalar, block scalar.
        XCTAssertEqual(trial.arms[0].criteria[0].line, 9)
        XCTAssertEqual(trial.arms[0].criteria[0].column, 11)
        XCTAssertEqual(trial.arms[0].criteria[1].line, 16)
        XCTAssertEqual(trial.arms[0].criteria[1].column, 16)
        XCTAssertEqual(trial.arms[1].criteria[1].line, 26)
        XCTAssertEqual(trial.arms[1].criteria[1].column, 11)
        XCTAssertEqual(trial.arms[1].criteria[1].position(ofAtomAt: 18).line, 27, "second line of the block scalar")
        XCTAssertEqual(trial.arms[1].criteria[1].position(ofAtomAt: 18).column, 11)
    }

    func errors(_ text: String) -> [String] {
        let (t, d) = TrialLoader.load(text: text, file: "bad.yaml")
        XCTAssertNil(t, "a file with an error is not loaded")
        return d.filter { $0.severity == .error }.map(\.description)
    }

    func testRuleErrorPositionInPlainScalar() {
        let text = Self.good.replacingOccurrences(of: "rule: age >= 18", with: "rule: age >= 18 andd sex male")
        XCTAssertEqual(errors(text), ["bad.yaml:9:21: expected 'and', 'or' or end of rule, found 'andd'"])
    }

    func testRuleErrorPositionInQuotedScalar() {
        let text = Self.good.replacingOccurrences(of: "rule: \"variant NPM1\"", with: "rule: \"variant NPM1 consequence frameshit\"")
        XCTAssertEqual(errors(text), ["bad.yaml:16:41: unknown consequence 'frameshit' (missense, nonsense, frameshift, inframe-insertion, inframe-deletion, splice, itd, ptd, tkd, amplification, deletion)"])
    }

    func testRuleErrorPositionInBlockScalar() {
        let text = Self.good.replacingOccurrences(of: "status relapsed", with: "statis relapsed")
        XCTAssertEqual(errors(text), ["bad.yaml:27:11: unknown criterion 'statis' (did you mean 'status'?)"])
    }

    func testUnknownFieldsAndMissingFields() {
        let text = Self.good.replacingOccurrences(of: "phase: \"2\"\n", with: "phaze: \"2\"\n")
        XCTAssertEqual(errors(text), [
            "bad.yaml:4:1: unknown field 'phaze' (allowed: arms, euct, exclusion, groups, id, inclusion, nct, notes, phase, sites, source, sponsor, status, title)",
            "bad.yaml:1:1: missing required field 'phase'",
        ])
        let arm = Self.good.replacingOccurrences(of: "    name: Arm A\n", with: "    nmae: Arm A\n")
        XCTAssertEqual(errors(arm), ["bad.yaml:12:5: unknown arm field 'nmae' (allowed: exclusion, id, inclusion, name, notes, status)"])
        let crit = Self.good.replacingOccurrences(of: "      - text: \"NPM1\"\n", with: "      - txt: \"NPM1\"\n")
        XCTAssertEqual(errors(crit), ["bad.yaml:15:9: unknown criterion field 'txt' (allowed: note, rule, text)", "bad.yaml:15:9: criterion without 'text' (the protocol's wording)"])
        let st = Self.good.replacingOccurrences(of: "status: open\ngroups", with: "status: recruiting\ngroups")
        XCTAssertEqual(errors(st), ["bad.yaml:5:9: unknown status 'recruiting' (open, closed, suspended, not-yet-open)"])
        let grp = Self.good.replacingOccurrences(of: "groups: [AML]", with: "groups: [AML, Lymphoma]")
        XCTAssertEqual(errors(grp), ["bad.yaml:6:15: unknown group 'Lymphoma' (AML, ALL, MPN, MDS, BMF, germline)"])
    }

    func testYAMLSyntaxError() {
        let e = errors("id: [unclosed\ntitle: x\n")
        XCTAssertEqual(e.count, 1)
        XCTAssertTrue(e[0].hasPrefix("bad.yaml:"), e[0])
        XCTAssertTrue(e[0].contains("YAML"), e[0])
    }

    func testArmCannotBeMoreOpenThanTrial() throws {
        let text = Self.good.replacingOccurrences(of: "status: open\ngroups", with: "status: closed\ngroups")
        let t = try XCTUnwrap(TrialLoader.load(text: text, file: "c.yaml").0)
        XCTAssertEqual(t.arms.map(\.arm.status), [.closed, .suspended])
    }

    func testOneBadFileDoesNotStopTheOthersAndDuplicateIds() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("trialloader-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        try Self.good.write(to: dir.appendingPathComponent("a.yaml"), atomically: true, encoding: .utf8)
        try Self.good.replacingOccurrences(of: "rule: age >= 18", with: "rule: age >=").write(to: dir.appendingPathComponent("b.yaml"), atomically: true, encoding: .utf8)
        try Self.good.replacingOccurrences(of: "SL-T-TEST-001", with: "SL-T-TEST-002").write(to: dir.appendingPathComponent("c.yaml"), atomically: true, encoding: .utf8)
        try Self.good.write(to: dir.appendingPathComponent("d.yaml"), atomically: true, encoding: .utf8)
        let cat = try TrialLoader.loadDirectory(dir)
        XCTAssertEqual(cat.trials.map(\.trial.id), ["SL-T-TEST-001", "SL-T-TEST-002"])
        XCTAssertEqual(cat.errors.count, 2)
        XCTAssertTrue(cat.errors[0].description.hasSuffix("b.yaml:9:17: expected an age in years, found end of rule"), cat.errors[0].description)
        XCTAssertTrue(cat.errors[1].message.hasPrefix("duplicate trial id 'SL-T-TEST-001'"), cat.errors[1].message)
    }
}
