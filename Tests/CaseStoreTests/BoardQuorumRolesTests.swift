import CaseModel
import XCTest
@testable import CaseStore

/// Issue 11 point 23: the quorum counts physicians of different specialties only (French RCP rules, INCa /
/// HAS, clinical-reference.md §4.2: at least three physicians of different specialties); the specialty comes
/// from a controlled list with French and English aliases; non-physicians are listed but never counted.
final class BoardQuorumRolesTests: XCTestCase {
    func testAliasesCountOnce() {
        XCTAssertEqual(BoardRoles.classify("hématologie"), .specialty("haematology"))
        XCTAssertEqual(BoardRoles.classify("Hematology"), .specialty("haematology"))
        XCTAssertEqual(BoardRoles.classify("haematology"), .specialty("haematology"))
        XCTAssertEqual(BoardRoles.classify("infirmière"), .nonPhysician("nurse"))
        XCTAssertNil(BoardRoles.classify("astrology"))
        let three = [Participant(name: "A", specialty: "hématologie"), Participant(name: "B", specialty: "hematology"),
                     Participant(name: "C", specialty: "haematology")]
        XCTAssertEqual(BoardRoles.physicianSpecialties(three), ["haematology"])
        XCTAssertFalse(BoardDecision(participants: three, proposal: "x", followsGuideline: true).hasQuorum)
    }

    func testTwoPhysiciansAndANurseHaveNoQuorumAndTheNurseIsListed() {
        // A nurse typed as a role is a non-physician even without the ":non-physician" flag.
        let ps = [BoardRoles.participant(name: "Dr A", role: "hématologie", nonPhysicianFlag: false),
                  BoardRoles.participant(name: "Dr B", role: "anatomopathologie", nonPhysicianFlag: false),
                  BoardRoles.participant(name: "C", role: "nurse", nonPhysicianFlag: false)]
        XCTAssertEqual(ps.map(\.isPhysician), [true, true, false])
        XCTAssertEqual(ps.map(\.specialty), ["haematology", "pathology", "nurse"])
        XCTAssertFalse(BoardDecision(participants: ps, proposal: "x", followsGuideline: true).hasQuorum)
        XCTAssertTrue(WorkflowService.quorumWarning(ps)?.hasPrefix("quorum not met: 2 physician specialties (haematology, pathology)") ?? false)
        let withRadiology = ps + [BoardRoles.participant(name: "Dr D", role: "radiologie", nonPhysicianFlag: false)]
        XCTAssertTrue(BoardDecision(participants: withRadiology, proposal: "x", followsGuideline: true).hasQuorum)
        XCTAssertNil(WorkflowService.quorumWarning(withRadiology))
    }
}
