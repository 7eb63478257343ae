import XCTest
import CaseModel
import ClinicalRules
@testable import BoardApp
import ScreenKit
import ScreenTesting

/// Issue #16 (the trial view at 100,000 patients): with the stored verdicts ready, a trial's candidates come from them
/// without loading or explaining any case, and only the rows on screen are explained (best arm, what to obtain, what
/// fails). What the screens show must be exactly what the fully explained path shows.
final class StoredTrialDetailTests: XCTestCase {
    static let trial = Trial(id: "T-ONE", title: "One trial", phase: "2", status: .open, groups: [.aml], arms: [
        TrialArm(id: "A", name: "arm A", status: .open, inclusion: [CriterionSpec(text: "Adults", rule: "age >= 18")], exclusion: []),
        TrialArm(id: "B", name: "arm B", status: .open, inclusion: [CriterionSpec(text: "FLT3", rule: "variant FLT3")], exclusion: []),
    ])
    static let patients: [Patient] = (1...300).map {
        Patient(id: String(format: "P%04d", $0), identity: Identity(mrn: "M\($0)", family: "Fam\($0)", given: "Giv\($0)"),
                sex: .female, birthDate: nil, diagnoses: [])
    }

    /// Patient k: every 10th eligible on arm B, the next possibly eligible on arm A (FLT3 not tested), the rest
    /// ineligible (age fails on A, FLT3 negative on B).
    static func verdicts(_ p: Patient, _ i: Interpretation) -> [ArmVerdict] {
        let k = Int(p.id.dropFirst())!
        func arm(_ a: String, _ v: Verdict, _ c: [CriterionOutcome]) -> ArmVerdict {
            ArmVerdict(patient: p.id, trial: trial.id, arm: a, armStatus: .open, verdict: v, criteria: c)
        }
        switch k % 10 {
        case 0:
            return [arm("A", .ineligible, [CriterionOutcome(kind: .inclusion, text: "Adults", result: .notMet, reason: "age 9 (\(p.id))")]),
                    arm("B", .eligible, [CriterionOutcome(kind: .inclusion, text: "FLT3", result: .met, reason: "FLT3-ITD (\(p.id))")])]
        case 1:
            return [arm("A", .possiblyEligible, [CriterionOutcome(kind: .inclusion, text: "Adults", result: .unknown, reason: "birth date not recorded (\(p.id))")]),
                    arm("B", .ineligible, [CriterionOutcome(kind: .inclusion, text: "FLT3", result: .notMet, reason: "FLT3 negative (\(p.id))")])]
        default:
            return [arm("A", .ineligible, [CriterionOutcome(kind: .inclusion, text: "Adults", result: .notMet, reason: "age 12 (\(p.id))")]),
                    arm("B", .ineligible, [CriterionOutcome(kind: .inclusion, text: "FLT3", result: .notMet, reason: "FLT3 negative (\(p.id))")])]
        }
    }

    static var stored: StoredTrialVerdicts {
        var c: [String: [String: Verdict]] = [:]
        for p in patients {
            let k = Int(p.id.dropFirst())!
            if k % 10 == 0 { c[p.id] = [trial.id: .eligible] } else if k % 10 == 1 { c[p.id] = [trial.id: .possiblyEligible] }
        }
        return StoredTrialVerdicts(candidates: c, trialsWithOpenArm: [trial.id])
    }

    final class Loads: @unchecked Sendable { var ids: [String] = [] }

    /// The repository over the stored verdicts (`stored: true`) or computing on the fly, counting the cases it loads.
    func repository(stored: Bool, loads: Loads = Loads()) -> InMemoryRepository {
        let byID = Dictionary(uniqueKeysWithValues: Self.patients.map { ($0.id, $0) })
        let s = Self.stored
        return InMemoryRepository(
            index: Self.patients.map { CaseIndexEntry(patient: $0, today: BoardFixtures.today) },
            loader: { loads.ids.append($0); return byID[$0] }, trials: [Self.trial], today: BoardFixtures.today,
            interpreter: { _, _ in Interpretation(eln2022: nil, eln2024LessIntensive: nil, germline: GermlineAssessment(testingRecommended: false, flags: []), mrd: [], followUps: []) },
            verdicts: Self.verdicts(_:_:), backing: .init(storedTrialVerdicts: stored ? { s } : nil))
    }

    func testStoredDetailLoadsNoCaseAndExplainsOnlyWhatIsAsked() throws {
        let loads = Loads()
        let repo = repository(stored: true, loads: loads)
        let d = try XCTUnwrap(repo.trialDetail(id: Self.trial.id))
        XCTAssertTrue(loads.ids.isEmpty, "no case loaded to list the candidates")
        XCTAssertEqual([d.eligible.count, d.possiblyEligible.count, d.ineligible.count], [30, 30, 240])
        XCTAssertTrue((0..<d.count).allSatisfy { !d.candidate(at: $0).explained })
        let full = try XCTUnwrap(repository(stored: false).trialDetail(id: Self.trial.id))
        XCTAssertEqual(d.eligible.map(\.patientID), full.eligible.map(\.patientID))
        XCTAssertEqual(d.possiblyEligible.map(\.patientID), full.possiblyEligible.map(\.patientID))
        XCTAssertEqual(d.ineligible.map(\.patientID), full.ineligible.map(\.patientID))
        XCTAssertEqual(d.eligible.first?.name, full.eligible.first?.name)
        // Explained on request: the same rows as the full path, and only those cases loaded.
        let ids = ["P0010", "P0011", "P0299"]
        let rows = try repo.explainedCandidates(trialID: Self.trial.id, ids: ids)
        XCTAssertEqual(rows, ids.map { id in (0..<full.count).map(full.candidate(at:)).first { $0.patientID == id }! })
        XCTAssertEqual(rows.map(\.arm), ["B", "A", "A"], "the best arm: eligible B, possibly eligible A")
        XCTAssertEqual(rows[2].failing, ["age 12 (P0299)"])
        XCTAssertEqual(loads.ids, ids)
        XCTAssertEqual(try repo.explainedCandidates(trialID: "NOPE", ids: ids), [])
    }

    /// The trial screen drawn over the stored verdicts equals the one drawn over the fully explained candidates, at the
    /// top and at the bottom of the list; what was explained is what the screen showed, nothing more.
    func testTrialScreenExplainsTheRowsOnScreenAndDrawsAsTheFullPath() throws {
        let loads = Loads()
        let rt = AppRuntime(repository: repository(stored: true, loads: loads), width: 120, height: 30, ascii: false)
        let full = AppRuntime(repository: repository(stored: false), width: 120, height: 30, ascii: false)
        let rows = TrialDetailScreen.candidateRows(width: 120, height: 30)
        for r in [rt, full] { r.start() }
        loads.ids = []  // the case list's rows
        for r in [rt, full] { r.send(.openTrial(Self.trial.id)); r.send(.open) }
        XCTAssertEqual(rt.state.trialDetail.focus, .candidates)
        XCTAssertEqual(rt.render().text, full.render().text)
        let d0 = try XCTUnwrap(rt.state.trialDetail.detail)
        XCTAssertEqual((0..<d0.count).filter { d0.candidate(at: $0).explained }.count, rows - 1,
                       "the window's candidates (one line is the first heading)")
        XCTAssertTrue(rt.render().text.contains("arm B"))
        for r in [rt, full] { r.send(.bottom) }
        XCTAssertEqual(rt.render().text, full.render().text)
        XCTAssertEqual(rt.state.trialDetail.candidates.selected, d0.count - 1)
        let d = try XCTUnwrap(rt.state.trialDetail.detail)
        let explained = (0..<d.count).filter { d.candidate(at: $0).explained }.count
        XCTAssertTrue(d.candidate(at: d.count - 1).explained, "the last row, shown at the bottom, is explained")
        XCTAssertLessThanOrEqual(explained, 2 * rows, "only the two windows shown were explained")
        XCTAssertEqual(Set(loads.ids).count, loads.ids.count, "no case explained twice")
    }

    func testScreeningScreenExplainsTheRowsOnScreenAndDrawsAsTheFullPath() throws {
        let loads = Loads()
        let rt = AppRuntime(repository: repository(stored: true, loads: loads), width: 120, height: 30, ascii: true)
        let full = AppRuntime(repository: repository(stored: false), width: 120, height: 30, ascii: true)
        for r in [rt, full] { r.start() }
        loads.ids = []  // the case list's rows
        for r in [rt, full] { r.send(.view4); r.send(.open) }
        XCTAssertEqual(rt.state.screen, .screening)
        XCTAssertEqual(rt.state.screening.detail?.trial.id, Self.trial.id)
        XCTAssertEqual(rt.render().text, full.render().text)
        for r in [rt, full] { r.send(.pageDown); r.send(.pageDown) }
        XCTAssertEqual(rt.state.screening.candidates.selected, full.state.screening.candidates.selected)
        XCTAssertEqual(rt.render().text, full.render().text)
        XCTAssertLessThanOrEqual(loads.ids.count, 3 * ScreeningScreen.candidateRows(width: 120, height: 30))
    }

    /// An explanation asked for an earlier load of the trial never lands in a later one (which asks its own).
    func testAnExplanationOfAnEarlierLoadIsIgnored() throws {
        var s = AppState(width: 120, height: 30, ascii: false, isDemo: false, today: BoardFixtures.today, caseCount: 300)
        let d = try XCTUnwrap(repository(stored: true).trialDetail(id: Self.trial.id))
        (s, _) = reduce(s, .openTrial(Self.trial.id))
        var effects: [Effect]
        (s, effects) = reduce(s, .trialLoaded(id: Self.trial.id, d))
        let first = s.trialDetail.explainGeneration
        guard case .explainCandidates(_, let ids, let generation)? = effects.last else { return XCTFail("no explanation asked: \(effects)") }
        XCTAssertEqual(generation, first)
        (s, _) = reduce(s, .trialLoaded(id: Self.trial.id, d))  // reloaded (a write, the stored verdicts ready again)
        XCTAssertNotEqual(s.trialDetail.explainGeneration, first)
        let explained = try repository(stored: false).explainedCandidates(trialID: Self.trial.id, ids: ids)
        (s, _) = reduce(s, .candidatesExplained(trial: Self.trial.id, generation: first, explained))
        XCTAssertFalse(s.trialDetail.detail!.eligible[0].explained, "the stale answer is dropped")
        (s, _) = reduce(s, .candidatesExplained(trial: Self.trial.id, generation: s.trialDetail.explainGeneration, explained))
        XCTAssertTrue(s.trialDetail.detail!.eligible[0].explained)
    }

    /// The grouped list's lines computed from the counts equal the lines written out one by one.
    func testGroupedListLinesFromCounts() {
        for counts in [[Verdict.eligible: 3, .possiblyEligible: 0, .ineligible: 5], [.ineligible: 1], [.eligible: 2, .possiblyEligible: 2], [:]] {
            var lines: [VerdictGroupedList.Line] = []
            var selectedLines: [Int] = []
            for v in Verdict.allCases where (counts[v] ?? 0) > 0 {
                lines.append(.heading(v, counts[v]!))
                for _ in 0..<counts[v]! { selectedLines.append(lines.count); lines.append(.candidate(selectedLines.count - 1)) }
            }
            for sel in 0..<max(1, selectedLines.count) {
                let list = VerdictGroupedList(counts: counts, selected: sel, isFocused: true, ascii: false)
                XCTAssertEqual(list.lineCount, lines.count)
                XCTAssertEqual((0..<list.lineCount).map(list.line(at:)), lines, "\(counts)")
                XCTAssertEqual(list.selectedLine, selectedLines.isEmpty ? 0 : selectedLines[sel])
            }
        }
        // 3 eligible, 5 ineligible in 4 lines with the last candidate selected: lines 6…9 show ineligible 4…7.
        let list = VerdictGroupedList(counts: [.eligible: 3, .ineligible: 5], selected: 7, isFocused: true, ascii: false)
        XCTAssertEqual(list.visibleCandidates(height: 4), 4..<8)
        XCTAssertEqual(VerdictGroupedList(counts: [.eligible: 3, .ineligible: 5], selected: 0, isFocused: true, ascii: false).visibleCandidates(height: 4), 0..<3)
    }
}
