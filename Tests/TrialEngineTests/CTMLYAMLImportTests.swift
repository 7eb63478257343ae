import CaseModel
import Foundation
import XCTest
@testable import TrialEngine

final class CTMLYAMLImportTests: XCTestCase {
    func testYAMLDocumentWithTrialArmAndDoseLevelMatches() throws {
        let yaml = """
        protocol_no: 00-001
        match:
          - clinical: {age_numerical: '>=18'}
        treatment_list:
          step:
          - step_code: '1'
            step_internal_id: 1111
            arm:
            - arm_code: DOSE
              arm_internal_id: 111
              arm_suspended: N
              match:
                - and:
                  - or:
                    - genomic: {hugo_symbol: MYC, variant_category: Copy Number Variation, cnv_call: High Amplification}
                    - genomic: {hugo_symbol: MYC, variant_category: Structural Variation}
                  - clinical: {oncotree_primary_diagnosis: '!Diffuse Large B-Cell Lymphoma', age_numerical: '>=18'}
              dose_level:
              - {level_code: '1', level_internal_id: 1, level_suspended: N,
                 match: [ {and: [ {genomic: {hugo_symbol: EGFR, variant_category: Mutation, protein_change: p.L858R}},
                                  {clinical: {age_numerical: '>=18', oncotree_primary_diagnosis: _SOLID_}} ]} ]}
              - {level_code: '2', level_internal_id: 2, level_suspended: Y}
        """
        let results = try CTMLImporter.importText(yaml, file: "00-001.yml")
        XCTAssertEqual(results.count, 1)
        let (t, d) = TrialLoader.load(text: results[0].yaml, file: "00-001.yaml")
        let trial = try XCTUnwrap(t, d.map(\.description).joined(separator: "\n"))
        XCTAssertEqual(trial.trial.id, "00-001")
        XCTAssertEqual(trial.arms.map(\.arm.id), ["DOSE/1", "DOSE/2"])
        XCTAssertEqual(trial.arms.map(\.arm.status), [.open, .suspended])
        XCTAssertEqual(trial.arms[0].arm.inclusion.map(\.rule), [
            "age >= 18",
            "(variant MYC consequence amplification or fusion MYC::*)",
            "(age >= 18 and not oncotree is-a \"Diffuse Large B-Cell Lymphoma\")",
            "variant EGFR protein p.L858R",
            "(age >= 18 and oncotree is-a \"_SOLID_\")",
        ])
        XCTAssertEqual(trial.arms[1].arm.inclusion.count, 3, "dose level without match inherits trial and arm clauses")
        // A leukaemia patient never matches a solid-tumour dose level.
        let f = Fx.facts(Fx.npm1())
        XCTAssertEqual(Evaluator.result(trial.arms[0].criteria[4].expr, f), .notMet)
        XCTAssertEqual(Evaluator.result(trial.arms[0].criteria[2].expr, f), .met)
    }
}
