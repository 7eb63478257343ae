import ScreenKit

/// Which trial candidates the runtime should explain: those on screen in the trial detail or the screening view that
/// came unexplained (from the stored verdicts) and were not asked for yet. A pure function of the state, applied after
/// every action by `reduce` (as `CaseListRows`): explaining costs a case load and an evaluation, so only the rows
/// shown pay for it.
enum CandidateRows {
    static func request(_ s: inout AppState) -> Effect? {
        switch s.screen {
        case .trialDetail:
            guard let d = s.trialDetail.detail else { return nil }
            let rows = TrialDetailScreen.candidateRows(width: s.width, height: s.height)
            let range = VerdictGroupedList(counts: d.countsByVerdict, selected: s.trialDetail.candidates.selected, isFocused: false, ascii: s.ascii)
                .visibleCandidates(height: rows)
            let ids = range.map(d.candidate(at:)).filter { !$0.explained && !s.trialDetail.explainRequested.contains($0.patientID) }.map(\.patientID)
            guard !ids.isEmpty else { return nil }
            s.trialDetail.explainRequested.formUnion(ids)
            return .explainCandidates(trial: d.trial.id, ids: ids, generation: s.trialDetail.explainGeneration)
        case .screening:
            guard let d = s.screening.detail else { return nil }
            let rows = ScreeningScreen.candidateRows(width: s.width, height: s.height)
            let range = VerdictGroupedList(counts: d.countsByVerdict, selected: s.screening.candidates.selected, isFocused: false, ascii: s.ascii)
                .visibleCandidates(height: rows)
            let ordered = s.screening.ordered
            let ids = range.filter { $0 < ordered.count }.map { ordered[$0] }
                .filter { !$0.explained && !s.screening.explainRequested.contains($0.patientID) }.map(\.patientID)
            guard !ids.isEmpty else { return nil }
            s.screening.explainRequested.formUnion(ids)
            return .explainCandidates(trial: d.trial.id, ids: ids, generation: s.screening.explainGeneration)
        default:
            return nil
        }
    }
}
