import CohortOutcomes
import ScreenKit

/// The Outcomes view's part of the reducer: endpoint, grouping and cohort choices (each one load effect), the
/// group legend, the patients of a group and opening their cases.
enum OutcomesReducer {
    static func show(_ s: inout AppState) -> [Effect] {
        s.outcomes.isLoaded || s.outcomes.data != nil ? [] : [.loadOutcomes(s.outcomes.query)]
    }

    static func reload(_ s: inout AppState) -> [Effect] {
        s.outcomes.listedGroup = nil
        s.outcomes.isLoaded = false
        return [.loadOutcomes(s.outcomes.query)]
    }

    static func loaded(_ d: OutcomesData, _ s: inout AppState) -> [Effect] {
        guard d.query == s.outcomes.query else { return [] }   // an older choice's result
        let previous = s.outcomes.selectedGroup
        s.outcomes.data = d; s.outcomes.isLoaded = true; s.outcomes.problem = nil
        let names = d.report.groups.map(\.name)
        s.outcomes.groups = ListState(selected: previous.flatMap { names.firstIndex(of: $0) } ?? 0)
        s.outcomes.groups.clamp(rowCount: names.count, visibleRows: names.count)
        return []
    }

    static func failed(_ q: OutcomesQuery, _ message: String, _ s: inout AppState) -> [Effect] {
        guard q == s.outcomes.query else { return [] }
        s.outcomes.data = nil; s.outcomes.isLoaded = true
        s.outcomes.problem = "Could not analyse \(q.endpoint.rawValue): \(message)"
        return []
    }

    static func command(_ c: Command, _ s: inout AppState) -> [Effect] {
        switch c {
        case .cycleEndpoint:
            let all = Endpoint.allCases
            let i = all.firstIndex(of: s.outcomes.query.endpoint) ?? 0
            s.outcomes.query.endpoint = all[(i + 1) % all.count]
            return reload(&s)
        case .cycleGrouping:
            let all = OutcomesQuery.groupings
            let i = all.firstIndex(of: s.outcomes.query.grouping) ?? 0
            s.outcomes.query.grouping = all[(i + 1) % all.count]
            return reload(&s)
        case .editCohort:
            s.overlay = .form(FormState(title: "Cohort: trial criteria expression (empty: every case)", fields: [
                FormField("where", "Where", value: s.outcomes.query.whereText ?? ""),
            ], purpose: .outcomesCohort))
            return []
        default: return []
        }
    }

    /// The cohort form saved: the new `--where` (empty: none) and a reload.
    static func setCohort(_ f: FormState, _ s: inout AppState) -> [Effect] {
        s.overlay = nil
        let w = f.value("where")
        s.outcomes.query.whereText = w.isEmpty ? nil : w
        return reload(&s)
    }

    static func move(_ c: Command, _ s: inout AppState, listRows: Int) {
        if s.outcomes.listedGroup != nil {
            Reducer.apply(c, to: &s.outcomes.patientList, rowCount: s.outcomes.listedPatients.count, visibleRows: max(1, listRows - 2))
        } else {
            let n = s.outcomes.data?.report.groups.count ?? 0
            Reducer.apply(c, to: &s.outcomes.groups, rowCount: n, visibleRows: n)
        }
    }

    static func open(_ s: inout AppState) -> [Effect] {
        if s.outcomes.listedGroup != nil {
            let ps = s.outcomes.listedPatients
            guard s.outcomes.patientList.selected < ps.count else { return [] }
            return Reducer.apply(.openCase(ps[s.outcomes.patientList.selected].id), to: &s)
        }
        guard let g = s.outcomes.selectedGroup else { return [] }
        s.outcomes.listedGroup = g
        s.outcomes.patientList = ListState()
        return []
    }

    /// Esc: from a group's patients back to the curves. True when handled.
    static func back(_ s: inout AppState) -> Bool {
        guard s.screen == .outcomes, s.outcomes.listedGroup != nil else { return false }
        s.outcomes.listedGroup = nil
        return true
    }
}
