import CaseModel
import Foundation
@testable import Interop
import TrialEngine
import XCTest

/// ClinicalTrials.gov import against the real records of ../shared/fixtures/interop/ctgov-* (expected outcomes from
/// that folder's README) and hand-made bad input.
final class CTGovImporterTests: XCTestCase {
    func load(_ r: CTGovImporter.Result) throws -> CompiledTrial {
        let (t, d) = TrialLoader.load(text: r.yaml, file: r.fileName)
        guard let t else { XCTFail("does not load: \(d.map(\.description))\n\(r.yaml)"); throw XCTSkip("no trial") }
        return t
    }

    func rules(_ t: CompiledTrial) -> [String] { t.trial.arms.first.map { ($0.inclusion + $0.exclusion).map(\.rule) } ?? [] }

    // README: NCT02210780, COMPLETED, phase 2, two arms, sex ALL, 18–64 years, 5 key inclusion and 7 key exclusion items,
    // then a disclaimer paragraph in neither list; the results section is ignored without failing.
    func testNCT02210780() throws {
        let rs = try CTGovImporter.importData(InteropFixtures.data("ctgov-v2/aact_NCT02210780.json"), file: "aact_NCT02210780.json")
        XCTAssertEqual(rs.count, 1)
        let r = try XCTUnwrap(rs.first)
        XCTAssertEqual(r.inclusionItems.count, 5)
        XCTAssertEqual(r.exclusionItems.count, 7)
        let t = try load(r)
        XCTAssertEqual(t.trial.id, "NCT02210780")
        XCTAssertEqual(t.trial.nct, "NCT02210780")
        XCTAssertEqual(t.trial.status, .closed)
        XCTAssertEqual(t.trial.phase, "2")
        XCTAssertEqual(t.trial.arms.map(\.name), ["Placebo qw — Drug: Placebo", "Dupilumab 300 mg qw — Drug: Dupilumab"])
        let arm = try XCTUnwrap(t.trial.arms.first)
        XCTAssertEqual(arm.inclusion.count, 7, "age + sex + 5 items")
        XCTAssertEqual(arm.exclusion.count, 7)
        XCTAssertEqual(arm.inclusion[0].rule, "age in 18..64")
        XCTAssertEqual(arm.inclusion[1].rule, "sex female, male, other")
        // Markdown escapes removed: "\[Eichenfeld 2004\]" and "\>10 mg".
        XCTAssertTrue(arm.inclusion[2].text.contains("[Eichenfeld 2004]"), arm.inclusion[2].text)
        XCTAssertTrue(arm.exclusion[1].text.hasPrefix("Patients needing >10 mg"), arm.exclusion[1].text)
        XCTAssertTrue(arm.exclusion[6].text.hasSuffix("within 1 week of screening visit"), arm.exclusion[6].text)
        XCTAssertFalse((arm.inclusion + arm.exclusion).contains { $0.text.contains("not intended to contain all") }, "disclaimer is in neither list")
        XCTAssertTrue(r.yaml.contains("notes: \"The information listed above"))
        XCTAssertEqual(RuleCoverage(t), RuleCoverage(withRule: 2, total: 14))
        XCTAssertEqual(RuleCoverage(t).description, "rule coverage 2 / 14")
        // Registry-derived NCT ids are not flagged as "looks like a real registration number".
        XCTAssertFalse(TrialLinter.lint(t).contains { $0.message.contains("real registration") })
    }

    // README: NCT00973089, WITHDRAWN (never offered for screening), phase NA, an arm with no intervention, 5–8 years, `* ` bullets.
    func testNCT00973089Withdrawn() throws {
        let r = try XCTUnwrap(CTGovImporter.importData(InteropFixtures.data("ctgov-v2/aact_NCT00973089.json"), file: "x.json").first)
        let t = try load(r)
        XCTAssertEqual(t.trial.status, .closed)
        XCTAssertTrue(t.arms.allSatisfy { !$0.isOpen })
        XCTAssertEqual(t.trial.phase, "N/A")
        XCTAssertEqual(t.trial.arms.count, 2)
        XCTAssertEqual(t.trial.arms[0].name, "Complete caries removal (no intervention)")
        XCTAssertEqual(r.inclusionItems.count, 5)
        XCTAssertEqual(r.exclusionItems.count, 3)
        XCTAssertEqual(t.trial.arms[0].inclusion[0].rule, "age in 5..8")
        XCTAssertEqual(r.inclusionItems[0], "Healthy children")
    }

    // README: a partial reply: no arm groups, TERMINATED, phase 1, 18–75 years, 13 numbered inclusion items (one with nested
    // lab thresholds) and 12 exclusion items.
    func testNCT02576665Partial() throws {
        let r = try XCTUnwrap(CTGovImporter.importData(InteropFixtures.data("ctgov-v2/biomcp_get_nct02576665_20260811.json"), file: "x.json").first)
        let t = try load(r)
        XCTAssertEqual(t.trial.status, .closed)
        XCTAssertEqual(t.trial.phase, "1")
        XCTAssertEqual(t.trial.arms.map(\.id), ["main"])
        XCTAssertTrue(r.warnings.contains { $0.contains("no arm groups") })
        XCTAssertEqual(r.inclusionItems.count, 13)
        XCTAssertEqual(r.exclusionItems.count, 12)
        XCTAssertTrue(r.inclusionItems[5].contains("• Bone marrow: hemoglobin ≥ 10 g/dL"), r.inclusionItems[5])
        XCTAssertTrue(r.inclusionItems[5].contains("• Kidney:"), r.inclusionItems[5])
        XCTAssertTrue(r.exclusionItems[6].contains("• New York Heart Association > Class II"), r.exclusionItems[6])
        XCTAssertEqual(t.trial.arms[0].inclusion[0].rule, "age in 18..75")
    }

    // README: a search page (totalCount 2924, a nextPageToken) with 3 studies whose eligibility holds only a minimum age:
    // their criteria are unknown, never "eligible".
    func testSearchPageCriteriaUnknown() throws {
        let rs = try CTGovImporter.importData(InteropFixtures.data("ctgov-v2/biomcp_search_keytruda_limit3_20260811.json"), file: "page.json")
        XCTAssertEqual(rs.map(\.id), ["NCT05431270", "NCT03590054", "NCT04795661"])
        XCTAssertTrue(rs[0].warnings.contains { $0.contains("nextPageToken") && $0.contains("2924") })
        let p = Patient(id: "P1", sex: .male, birthDate: LocalDate("1960-01-01")!, diagnoses: [])
        for r in rs {
            let t = try load(r)
            let rules = self.rules(t)
            XCTAssertEqual(rules.first, "age >= 18")
            XCTAssertTrue(rules.contains(#"unmapped "sex eligibility not given""#), "\(rules)")
            XCTAssertTrue(rules.contains(#"unmapped "eligibility criteria not given""#), "\(rules)")
            let facts = PatientFacts(patient: p, today: LocalDate("2026-11-29")!)
            let m = Matcher(trials: [t])
            for a in t.arms { XCTAssertEqual(m.verdict(of: a, facts: facts), .possiblyEligible, "\(r.id) arm \(a.arm.id)") }
        }
        XCTAssertEqual(try load(rs[0]).trial.phase, "1/2")
        XCTAssertEqual(try load(rs[0]).trial.status, .open)
    }

    // README: NCT01207388 (BLAST, blinatumomab in MRD-positive B-ALL), Active not recruiting, phase 2, one arm, 18 years to no
    // limit (N/A), 6 inclusion items, 7 exclusion items.
    func testClassicNCT01207388() throws {
        let r = try XCTUnwrap(CTGovImporter.importData(InteropFixtures.data("ctgov-classic/aact_NCT01207388.xml"), file: "x.xml").first)
        let t = try load(r)
        XCTAssertEqual(t.trial.id, "NCT01207388")
        XCTAssertEqual(t.trial.status, .closed)
        XCTAssertEqual(t.trial.phase, "2")
        XCTAssertEqual(t.trial.groups, [.all])
        XCTAssertEqual(t.trial.arms.count, 1)
        XCTAssertEqual(t.trial.arms[0].name, "Blinatumomab — Drug: Blinatumomab")
        XCTAssertEqual(r.inclusionItems.count, 6)
        XCTAssertEqual(r.exclusionItems.count, 7)
        XCTAssertEqual(r.inclusionItems[0], "Patients with B-precursor ALL in complete hematological remission after at least 3 intense chemotherapy blocks")
        XCTAssertEqual(r.inclusionItems[1], "Presence of minimal residual disease at a level of ≥ 10^-3")
        XCTAssertEqual(r.inclusionItems[5], "Eastern Cooperative Oncology Group (ECOG) performance status 0 or 1")
        XCTAssertEqual(r.exclusionItems[6], "Previous treatment with blinatumomab")
        XCTAssertEqual(t.trial.arms[0].inclusion[0].rule, "age >= 18")
    }

    // README: NCT01339988, Not yet recruiting, phase 4, acute and chronic leukaemias, MDS, JMML; gender Male; no minimum age,
    // maximum 21 years.
    func testClassicNCT01339988() throws {
        let r = try XCTUnwrap(CTGovImporter.importData(InteropFixtures.data("ctgov-classic/aact_NCT01339988.xml"), file: "x.xml").first)
        let t = try load(r)
        XCTAssertEqual(t.trial.status, .notYetOpen)
        XCTAssertEqual(t.trial.phase, "4")
        XCTAssertEqual(t.trial.groups, [.aml, .all, .mds])
        XCTAssertTrue(r.warnings.contains { $0.contains("'Chronic Leukemias' maps to no pathology group") })
        let inc = t.trial.arms[0].inclusion
        XCTAssertEqual(inc[0].rule, "age <= 21")
        XCTAssertEqual(inc[1].rule, "sex male")
        XCTAssertEqual(r.inclusionItems.count, 9)
        XCTAssertEqual(r.exclusionItems.count, 4)
        XCTAssertTrue(r.inclusionItems[8].hasPrefix("Hepatic transaminases < 2.5x normal"), r.inclusionItems[8])
    }

    // Every problem located, nothing returned.
    func testBadInputEveryProblemLocated() throws {
        let bad = #"{"studies": [{"protocolSection": {"identificationModule": {"nctId": "NCT123"}, "eligibilityModule": {"sex": "BOTH", "minimumAge": "eighteen", "maximumAge": 64}}}, 7]}"#
        XCTAssertThrowsError(try CTGovImporter.importData(Data(bad.utf8), file: "bad.json")) { e in
            let ps = (e as? InteropFailure)?.problems.map(\.description) ?? []
            XCTAssertEqual(ps, [
                "bad.json: $.studies[0].protocolSection.identificationModule.nctId: 'NCT123' is not an NCT number (NCT followed by 8 digits)",
                "bad.json: $.studies[0].protocolSection.eligibilityModule.sex: unknown sex 'BOTH' (ALL, FEMALE, MALE)",
                "bad.json: $.studies[0].protocolSection.eligibilityModule.maximumAge: expected a string, found a number or boolean",
                "bad.json: $.studies[0].protocolSection.eligibilityModule.minimumAge: cannot read the age 'eighteen' (a number and Years, Months, Weeks, Days or Hours)",
                "bad.json: $.studies[1]: expected a study object, found a number or boolean",
            ])
        }
        XCTAssertThrowsError(try CTGovImporter.importData(Data("{\"protocolSection\": {}".utf8), file: "cut.json")) { e in
            XCTAssertTrue("\(e)".hasPrefix("cut.json: invalid JSON"), "\(e)")
        }
        XCTAssertThrowsError(try CTGovImporter.importData(Data(#"{"protocolSection": {}}"#.utf8), file: "m.json")) { e in
            XCTAssertEqual("\(e)", "m.json: $.protocolSection.identificationModule: missing")
        }
        XCTAssertThrowsError(try CTGovImporter.importData(Data("<clinical_study><id_info></id_info>".utf8), file: "x.xml")) { e in
            XCTAssertTrue("\(e)".hasPrefix("x.xml: line 1: invalid XML"), "\(e)")
        }
        XCTAssertThrowsError(try CTGovImporter.importData(Data("<clinical_study>\n<eligibility><gender>Both sexes</gender></eligibility></clinical_study>".utf8), file: "y.xml")) { e in
            XCTAssertEqual((e as? InteropFailure)?.problems.map(\.description), [
                "y.xml: clinical_study/id_info/nct_id: missing",
                "y.xml: line 2: unknown gender 'Both sexes' (All, Female, Male)",
            ])
        }
        XCTAssertThrowsError(try CTGovImporter.importData(Data("NCT01207388".utf8), file: "z.txt"))
    }

    // Sub-year limits cannot be written in whole years: unknown, not guessed. Months that are whole years are exact.
    func testAgeLimits() {
        func crit(_ lo: String?, _ hi: String?) -> [String] {
            var w: [String] = []
            let s = CTGovStudy(nctID: "NCT00000001", title: "t", status: "RECRUITING", phases: ["PHASE3"], conditions: [], arms: nil,
                               hasEligibility: true, criteriaText: nil, sex: "ALL", minimumAge: lo, maximumAge: hi, location: "$")
            return CTGovImporter.ageCriteria(s, warnings: &w).map(\.rule)
        }
        XCTAssertEqual(crit("18 Years", nil), ["age >= 18"])
        XCTAssertEqual(crit(nil, "21 Years"), ["age <= 21"])
        XCTAssertEqual(crit("24 Months", "18 Years"), ["age in 2..18"])
        XCTAssertEqual(crit("6 Months", "18 Years"), [#"unmapped "age limit finer than whole years""#])
        XCTAssertEqual(crit(nil, nil), [])
    }

    func testStatusMapping() {
        var w: [String] = []
        XCTAssertEqual(CTGovImporter.status("RECRUITING", warnings: &w, id: "x"), .open)
        XCTAssertEqual(CTGovImporter.status("NOT_YET_RECRUITING", warnings: &w, id: "x"), .notYetOpen)
        XCTAssertEqual(CTGovImporter.status("SUSPENDED", warnings: &w, id: "x"), .suspended)
        for s in ["ACTIVE_NOT_RECRUITING", "COMPLETED", "TERMINATED", "WITHDRAWN"] { XCTAssertEqual(CTGovImporter.status(s, warnings: &w, id: "x"), .closed) }
        XCTAssertTrue(w.isEmpty)
        XCTAssertEqual(CTGovImporter.status("UNKNOWN", warnings: &w, id: "x"), .closed)
        XCTAssertEqual(w.count, 1)
        XCTAssertEqual(CTGovXMLReader.normaliseStatus("Active, not recruiting"), "ACTIVE_NOT_RECRUITING")
        XCTAssertEqual(CTGovXMLReader.phases("Phase 1/Phase 2"), ["PHASE1", "PHASE2"])
        XCTAssertEqual(CTGovXMLReader.phases("Early Phase 1"), ["EARLY_PHASE1"])
    }
}
