import BoardApp
import CaseModel
import CaseStore
@testable import CaseboardCore
import XCTest

/// Sorting the case list by a computed column (risk, next follow-up, trials) reads the sort keys stored with the
/// verdicts once they are ready (issue #16: no case interpreted on open), and gives exactly the order computed on the
/// fly — on the demo database, for every sort key, ascending and descending.
final class StoredSortKeysTests: XCTestCase {
    func orders(_ repo: InMemoryRepository) throws -> [String: [String]] {
        var out: [String: [String]] = [:]
        for key in CaseSortKey.allCases {
            for ascending in [true, false] {
                out["\(key.rawValue) \(ascending ? "asc" : "desc")"] = try repo.caseIDs(matching: CaseQuery(sort: CaseSort(key: key, ascending: ascending)))
            }
        }
        return out
    }

    func testStoredAndOnTheFlySortsGiveTheSameOrderOnTheDemoData() throws {
        let path = try CoreFixture.copy()
        let session = try LiveRepository.open(CoreFixture.workspace(path), waitStored: true)
        let repo = session.repository
        XCTAssertEqual(session.stored?.currentStatus, .ready)
        XCTAssertTrue(repo.sortsFromStoredKeys, "the stored keys are served once the verdicts are ready")
        let stored = try orders(repo)
        XCTAssertEqual(repo.interpretedCount, 0, "sorting from the stored keys interprets no case")

        // A repository on the same file computing everything on the fly (read-only: no stored verdicts served).
        let onTheFly = try LiveRepository.open(CoreFixture.workspace(path, readOnly: true)).repository
        XCTAssertFalse(onTheFly.sortsFromStoredKeys)
        let computed = try orders(onTheFly)
        XCTAssertEqual(onTheFly.interpretedCount, onTheFly.caseCount, "the on-the-fly path interprets every case")
        for (k, ids) in computed.sorted(by: { $0.key < $1.key }) {
            XCTAssertEqual(stored[k], ids, "sorted by \(k): stored keys and on-the-fly rows disagree")
        }
        // The orders are not trivial: each computed key differs from the id order on the demo data.
        let byID = computed["id asc"]
        for k in ["risk asc", "next follow-up asc", "trials asc"] { XCTAssertNotEqual(computed[k], byID, k) }
    }

    /// A nurse's record changes a case's next follow-up: the stored keys stop being served at once (never stale), and
    /// once the case is re-matched in the background they are served again with the new key — the same order as on the fly.
    func testANursesRecordRenewsTheStoredKeyOfItsCase() throws {
        let path = try CoreFixture.copy()
        let session = try LiveRepository.open(CoreFixture.workspace(path), waitStored: true)
        let repo = session.repository
        let query = CaseQuery(sort: CaseSort(key: .followUp, ascending: true))
        let first = try XCTUnwrap(try repo.caseIDs(matching: query).first)
        let patient = try session.context.patient(id: first)
        let task = try XCTUnwrap(try session.workflows.tasks(for: patient).first { $0.status != .done })
        _ = try session.workflows.completeTask(id: task.id)
        repo.invalidate(caseID: first)
        XCTAssertFalse(repo.sortsFromStoredKeys, "not served while its case is re-matched")
        LiveRepository.waitForBackgroundWork(session)
        repo.backgroundChanged()
        XCTAssertTrue(repo.sortsFromStoredKeys)
        let stored = try repo.caseIDs(matching: query)
        let onTheFly = try LiveRepository.open(CoreFixture.workspace(path, readOnly: true)).repository
        XCTAssertFalse(onTheFly.sortsFromStoredKeys)
        XCTAssertEqual(stored, try onTheFly.caseIDs(matching: query))
    }

    /// The status the header lines show: preparing while the background preparation runs, then ready.
    func testTheUIHearsPreparingThenReady() throws {
        let path = try CoreFixture.copy()
        let session = try LiveRepository.open(CoreFixture.workspace(path))
        let rt = LiveRepository.runtime(session, width: 120, height: 40, ascii: false)
        rt.start()
        let deadline = Date().addingTimeInterval(120)
        var seen: [StoredVerdictStatus] = [rt.state.verdicts]
        while rt.state.verdicts != .ready && Date() < deadline {
            rt.drainInbox()
            if seen.last != rt.state.verdicts { seen.append(rt.state.verdicts) }
            usleep(20_000)
        }
        XCTAssertEqual(seen.last, .ready, "the stored verdicts became ready: \(seen)")
        XCTAssertFalse(rt.render().text.contains("preparing verdicts"), "the note is gone once ready")
    }
}
