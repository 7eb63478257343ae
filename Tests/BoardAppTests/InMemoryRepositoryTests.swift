import XCTest
import CaseModel
@testable import BoardApp
import ScreenTesting

final class InMemoryRepositoryTests: XCTestCase {
    let repo = BoardFixtures.repository()

    func testClosedArmsNeverMakeATrialEligible() {
        let v = [
            ArmVerdict(patient: "P", trial: "T", arm: "closed", armStatus: .closed, verdict: .eligible, criteria: []),
            ArmVerdict(patient: "P", trial: "T", arm: "open", armStatus: .open, verdict: .possiblyEligible, criteria: []),
            ArmVerdict(patient: "P", trial: "U", arm: "only", armStatus: .suspended, verdict: .eligible, criteria: []),
        ]
        let rows = CaseTrialRow.rows(from: v, titles: ["T": "Trial T"])
        XCTAssertEqual(rows.map(\.trialID), ["T", "U"])
        XCTAssertEqual(rows[0].verdict, .possiblyEligible)
        XCTAssertEqual(rows[0].bestArm, "open")
        XCTAssertEqual(rows[0].title, "Trial T")
        XCTAssertNil(rows[1].verdict, "no open arm: no verdict (TrialVerdictRule), never ineligible")
    }

    func testSummaryCarriesTheListColumns() throws {
        let s = try XCTUnwrap(repo.summary(id: "SL-AML-0042"))
        XCTAssertEqual(s.age, 63)
        XCTAssertEqual(s.initials, "M.D.")
        XCTAssertEqual(s.elnRisk, .favorable)
        XCTAssertEqual(s.germline, .suspected)
        XCTAssertEqual(s.mrdStatus, .relapse)
        XCTAssertEqual(s.possiblyEligibleTrials, 1)
        XCTAssertEqual(s.eligibleTrials, 0)
        XCTAssertEqual(s.nextFollowUp, NextFollowUp(due: LocalDate("2026-10-30")!, kind: "Confirm NPM1 log rise", status: .overdue))
        XCTAssertNil(try repo.summary(id: "NOPE"))
    }

    func testExplicitFollowUpsWhileTheRulesGiveNone() throws {
        let s = try XCTUnwrap(repo.summary(id: "SL-MDS-0019"))
        XCTAssertEqual(s.nextFollowUp?.status, .overdue)
        let d = try XCTUnwrap(repo.detail(id: "SL-MDS-0019"))
        XCTAssertEqual(d.followUps.map(\.status), [.overdue, .done])
        let today = BoardFixtures.today
        XCTAssertEqual(InMemoryRepository.status(of: FollowUp(due: today.adding(days: 14), kind: "k"), today: today), .dueSoon)
        XCTAssertEqual(InMemoryRepository.status(of: FollowUp(due: today.adding(days: 15), kind: "k"), today: today), .upcoming)
        XCTAssertEqual(InMemoryRepository.status(of: FollowUp(due: today.adding(days: -1), kind: "k"), today: today), .overdue)
        XCTAssertEqual(InMemoryRepository.status(of: FollowUp(due: today, kind: "k"), today: today), .dueSoon)
    }

    func testTrialCountsAndCandidates() throws {
        let t = try repo.trials()
        XCTAssertEqual(t.map(\.trial.id), ["DEMO-AML-FLT3", "DEMO-AML-MENIN", "DEMO-CML-STOP", "DEMO-MDS-OLD"])
        let menin = try XCTUnwrap(t.first { $0.trial.id == "DEMO-AML-MENIN" })
        XCTAssertEqual([menin.eligible, menin.possiblyEligible, menin.ineligible], [0, 1, 2])
        let d = try XCTUnwrap(repo.trialDetail(id: "DEMO-AML-MENIN"))
        XCTAssertEqual(d.possiblyEligible.first?.toObtain, ["GVHD treatment status not recorded since 2026-08-04"])
        XCTAssertEqual(d.ineligible.map(\.patientID), ["SL-ALL-0103", "SL-MDS-0019"])
        XCTAssertEqual(d.ineligible.first?.failing, ["no NPM1 variant; diagnosis not AML"])
        XCTAssertNil(try repo.trialDetail(id: "NOPE"))
    }

    func testQueryFiltersSearchAndFacets() throws {
        XCTAssertEqual(repo.facets.groups, [.aml, .all, .mpn, .mds, .bmf, .germline])
        XCTAssertEqual(repo.facets.sites, ["Avicenne", "Robert-Debré", "Saint-Louis"])
        XCTAssertEqual(try repo.caseIDs(matching: CaseQuery(search: "Leroy")), ["SL-ALL-0103"])
        XCTAssertEqual(try repo.caseIDs(matching: CaseQuery(search: "Leroy", hideIdentities: true)), [])
        XCTAssertEqual(try repo.caseIDs(matching: CaseQuery(search: "90000007")), ["SL-CML-0007"], "MRN searchable")
        let bmf = try repo.caseIDs(matching: CaseQuery(filter: CaseFilter(group: .bmf, site: "Avicenne")))
        XCTAssertEqual(bmf, ["SL-BMF-0003", "SL-BMF-0204", "SL-BMF-0210", "SL-BMF-0216", "SL-BMF-0222"].filter { id in
            BoardFixtures.patients.first { $0.id == id }?.site == "Avicenne"
        })
        let relapsed = try repo.caseIDs(matching: CaseQuery(filter: CaseFilter(status: .relapsed)))
        XCTAssertFalse(relapsed.isEmpty)
        XCTAssertTrue(try relapsed.allSatisfy { try repo.summary(id: $0)?.status == .relapsed })
        XCTAssertEqual(repo.interpretedCount, relapsed.count, "filtering on stored fields interprets nothing")
    }

    func testWorklistMostUrgentFirst() throws {
        let rows = try repo.worklist(filter: WorklistFilter())
        XCTAssertEqual(rows.first?.task.id, "T-19-1")
        XCTAssertEqual(rows.map(\.task.status), rows.map(\.task.status).sorted())
        for (a, b) in zip(rows, rows.dropFirst()) where a.task.status == b.task.status { XCTAssertLessThanOrEqual(a.task.due, b.task.due) }
        XCTAssertTrue(try repo.worklist(filter: WorklistFilter(kind: "clinic visit")).allSatisfy { $0.task.kind == "clinic visit" })
    }

    func testIndexAndLoaderLoadOnlyWhatIsShown() {
        final class Counter { var loads: [String] = [] }
        let counter = Counter()
        let byID = Dictionary(uniqueKeysWithValues: BoardFixtures.patients.map { ($0.id, $0) })
        let repo = InMemoryRepository(
            index: BoardFixtures.patients.map { CaseIndexEntry(patient: $0, today: BoardFixtures.today) },
            loader: { id in counter.loads.append(id); return byID[id] },
            trials: BoardFixtures.trials, today: BoardFixtures.today,
            interpreter: BoardFixtures.interpretation(_:today:), verdicts: BoardFixtures.verdicts(_:_:))
        let rt = AppRuntime(repository: repo, width: 80, height: 24, ascii: false)
        let visible = ScreenLayout.tableRows(width: 80, height: 24)
        rt.start()
        XCTAssertEqual(counter.loads, Array(rt.state.caseList.ids.prefix(visible)), "start loads the visible rows only")
        rt.send(.filterGroup)
        rt.send(.search); rt.type("npm1")
        XCTAssertEqual(rt.state.caseList.ids, ["SL-AML-0042"], "filters and search use the index only")
        // Every load was a row the runtime asked for, and it asks for a visible window at most.
        let asked = rt.performed.compactMap { e -> [String]? in if case .loadCaseRows(let ids, _) = e { return ids } else { return nil } }
        XCTAssertTrue(asked.allSatisfy { $0.count <= visible })
        XCTAssertEqual(Set(counter.loads), Set(asked.flatMap { $0 }))
        XCTAssertEqual(Set(counter.loads).count, counter.loads.count, "each case is loaded once")
        XCTAssertLessThan(counter.loads.count, BoardFixtures.patients.count)
        let before = counter.loads.count
        _ = rt.render()
        rt.send(.openCase("SL-AML-0042"))
        _ = rt.render()
        XCTAssertEqual(counter.loads.count, before + (counter.loads.prefix(before).contains("SL-AML-0042") ? 0 : 1), "each case is loaded once")
        XCTAssertNil(try repo.detail(id: "NOPE"))
    }

    func testFastTrialVerdictsServeTheCountsAndReasonsOnlyTheCase() throws {
        final class Calls { var explained: [String] = []; var fast: [String] = [] }
        let calls = Calls()
        let repo = InMemoryRepository(
            patients: BoardFixtures.patients, trials: BoardFixtures.trials, today: BoardFixtures.today,
            interpreter: BoardFixtures.interpretation(_:today:),
            verdicts: { p, i in calls.explained.append(p.id); return BoardFixtures.verdicts(p, i) },
            trialVerdicts: { p, i in
                calls.fast.append(p.id)
                var out: [String: Verdict] = [:]
                for r in CaseTrialRow.rows(from: BoardFixtures.verdicts(p, i), titles: [:]) { out[r.trialID] = r.verdict }
                return out
            })
        let rt = AppRuntime(repository: repo, width: 120, height: 40, ascii: false)
        rt.start()
        _ = rt.render()
        XCTAssertTrue(calls.explained.isEmpty, "the list needs no reasons")
        XCTAssertEqual(calls.fast.count, min(repo.caseCount, ScreenLayout.tableRows(width: 120, height: 40)))
        XCTAssertEqual(try repo.summary(id: "SL-CML-0007")?.eligibleTrials, 1)
        XCTAssertEqual(try repo.summary(id: "SL-AML-0042")?.possiblyEligibleTrials, 1)
        let d = try XCTUnwrap(repo.detail(id: "SL-AML-0042"))
        XCTAssertEqual(calls.explained, ["SL-AML-0042"])
        XCTAssertEqual(d.trials.first?.arms.first?.criteria.count, 4)
        let menin = try XCTUnwrap(repo.trials().first { $0.trial.id == "DEMO-AML-MENIN" })
        XCTAssertEqual([menin.eligible, menin.possiblyEligible, menin.ineligible], [0, 1, 2])
        XCTAssertEqual(calls.explained, ["SL-AML-0042"], "catalogue counts come from the fast path")
    }

    func testBulkLoadAndOneTrialVerdictsForTheWholeCatalogueViews() throws {
        final class Calls {
            var single: [String] = []; var bulk = 0; var oneTrial: [String] = []; var explained = 0
            var openTasks: (([Patient]) throws -> [String: [FollowUpTask]]?)?
        }
        let calls = Calls()
        let byID = Dictionary(uniqueKeysWithValues: BoardFixtures.patients.map { ($0.id, $0) })
        let repo = InMemoryRepository(
            index: BoardFixtures.patients.map { CaseIndexEntry(patient: $0, today: BoardFixtures.today) },
            loader: { id in calls.single.append(id); return byID[id] },
            trials: BoardFixtures.trials, today: BoardFixtures.today, interpreter: BoardFixtures.interpretation(_:today:),
            verdicts: { p, i in calls.explained += 1; return BoardFixtures.verdicts(p, i) },
            backing: .init(loadAll: { calls.bulk += 1; return BoardFixtures.patients },
                           openTasks: { ps in try calls.openTasks?(ps) },
                           verdictsForTrial: { id, cases in
                               calls.oneTrial.append(id)
                               return cases.map { p, i in
                                   let i = i ?? BoardFixtures.interpretation(p, today: BoardFixtures.today)
                                   return (i, BoardFixtures.verdicts(p, i).filter { $0.trial == id })
                               }
                           }))
        let d = try XCTUnwrap(repo.trialDetail(id: "DEMO-AML-MENIN"))
        XCTAssertEqual(calls.bulk, 1, "every case in one pass")
        XCTAssertTrue(calls.single.isEmpty)
        XCTAssertEqual(calls.explained, 0, "one trial's verdicts, not the whole catalogue per case")
        XCTAssertEqual(Set(calls.oneTrial), ["DEMO-AML-MENIN"])
        XCTAssertEqual(d.possiblyEligible.map(\.patientID), ["SL-AML-0042"])
        XCTAssertEqual(d.possiblyEligible.first?.toObtain.isEmpty, false, "what to obtain comes with the verdict")
        _ = try repo.worklist(filter: WorklistFilter())
        XCTAssertEqual(calls.bulk, 1, "loaded once")
        final class Asked { var cases = 0 }
        let asked = Asked()
        calls.openTasks = { ps in
            asked.cases = ps.count
            return ["SL-CML-0007": [FollowUpTask(id: "X", patient: "SL-CML-0007", due: BoardFixtures.today, kind: "bulk", status: .dueSoon, source: "t")]]
        }
        XCTAssertEqual(try repo.worklist(filter: WorklistFilter()).map(\.task.id), ["X"], "open tasks of every case in one call")
        XCTAssertEqual(asked.cases, repo.caseCount)
        XCTAssertTrue(try repo.worklist(filter: WorklistFilter(includeDone: true)).contains { $0.task.status == .done },
                      "done tasks come from the per-case path")
    }

    /// The fixtures' verdicts as the store would hold them (best open arm per trial; candidates only).
    func storedFromFixtures() -> StoredTrialVerdicts {
        var candidates: [String: [String: Verdict]] = [:], withVerdict = Set<String>()
        for p in BoardFixtures.patients {
            for r in CaseTrialRow.rows(from: BoardFixtures.verdicts(p, BoardFixtures.interpretation(p, today: BoardFixtures.today)), titles: [:]) {
                withVerdict.insert(r.trialID)
                if r.verdict != .ineligible { candidates[p.id, default: [:]][r.trialID] = r.verdict }
            }
        }
        return StoredTrialVerdicts(candidates: candidates, trialsWithOpenArm: withVerdict)
    }

    func testStoredVerdictsServeTheCatalogueAndListCountsWithoutLoadingACase() throws {
        final class Calls { var loads: [String] = []; var bulk = 0; var fast = 0; var writes: [String?] = [] }
        let calls = Calls()
        let byID = Dictionary(uniqueKeysWithValues: BoardFixtures.patients.map { ($0.id, $0) })
        let stored = storedFromFixtures()
        let repo = InMemoryRepository(
            index: BoardFixtures.patients.map { CaseIndexEntry(patient: $0, today: BoardFixtures.today) },
            loader: { id in calls.loads.append(id); return byID[id] },
            trials: BoardFixtures.trials, today: BoardFixtures.today, interpreter: BoardFixtures.interpretation(_:today:),
            verdicts: BoardFixtures.verdicts(_:_:), trialVerdicts: { _, _ in calls.fast += 1; return [:] },
            backing: .init(loadAll: { calls.bulk += 1; return BoardFixtures.patients }, storedTrialVerdicts: { stored },
                           afterWrite: { id in calls.writes.append(id) }))
        let expected = try BoardFixtures.repository().trials()
        let got = try repo.trials()
        XCTAssertEqual(got.map { [$0.eligible, $0.possiblyEligible] }, expected.map { [$0.eligible, $0.possiblyEligible] })
        // The store matches every case against every trial: a case without a candidate verdict is ineligible
        // for each trial with an open arm (the fixture's own verdicts cover only some cases).
        XCTAssertEqual(got.map(\.ineligible), got.map { stored.trialsWithOpenArm.contains($0.trial.id) ? repo.caseCount - $0.eligible - $0.possiblyEligible : 0 })
        XCTAssertEqual(got.map(\.trial.id), expected.map(\.trial.id))
        XCTAssertTrue(got.contains { $0.eligible + $0.possiblyEligible > 0 }, "the fixture has candidates")
        XCTAssertTrue(calls.loads.isEmpty, "no case loaded for the catalogue counts")
        XCTAssertEqual(calls.bulk, 0)
        XCTAssertEqual(calls.fast, 0, "nothing evaluated")
        // The list counts of a case come from the stored verdicts too.
        XCTAssertEqual(try repo.summary(id: "SL-CML-0007")?.eligibleTrials, 1)
        XCTAssertEqual(try repo.summary(id: "SL-AML-0042")?.possiblyEligibleTrials, 1)
        XCTAssertEqual(calls.fast, 0)
        // After a write: the case is read again, other cases stay cached, and the background update is scheduled.
        let loadsBefore = calls.loads.count
        repo.invalidate(caseID: "SL-AML-0042")
        _ = try repo.summary(id: "SL-AML-0042")
        _ = try repo.summary(id: "SL-CML-0007")
        XCTAssertEqual(calls.loads.count, loadsBefore + 1, "the written case is read again, the other one is not")
        XCTAssertEqual(calls.writes, ["SL-AML-0042"])
    }

    func testWithoutStoredVerdictsTheOnTheFlyPathIsUsed() throws {
        final class Calls { var fast = 0 }
        let calls = Calls()
        let repo = InMemoryRepository(
            patients: BoardFixtures.patients, trials: BoardFixtures.trials, today: BoardFixtures.today,
            interpreter: BoardFixtures.interpretation(_:today:), verdicts: BoardFixtures.verdicts(_:_:),
            trialVerdicts: { p, i in
                calls.fast += 1
                var out: [String: Verdict] = [:]
                for r in CaseTrialRow.rows(from: BoardFixtures.verdicts(p, i), titles: [:]) { out[r.trialID] = r.verdict }
                return out
            },
            backing: .init(storedTrialVerdicts: { nil }))  // not ready yet
        let counts = try repo.trials().map { [$0.eligible, $0.possiblyEligible, $0.ineligible] }
        XCTAssertEqual(calls.fast, repo.caseCount)
        XCTAssertEqual(counts, try BoardFixtures.repository().trials().map { [$0.eligible, $0.possiblyEligible, $0.ineligible] })
    }
}
