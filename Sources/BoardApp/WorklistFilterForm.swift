import CaseModel
import ScreenKit

/// The worklist's filter form (`t`): the kind of task chosen from a list (type to narrow), "due within N
/// days" and "overdue by more than N days". Saving sets the filter and reloads; nothing is written.
extension Reducer {
    static let allKinds = "(all kinds)"
    /// The screening form's "no reason code" option.
    static let noReasonCode = "(none)"

    static func openWorklistFilter(_ s: inout AppState) {
        let f = s.worklist.filter
        let kinds = [allKinds] + s.worklist.kinds
        let choice = f.kind.flatMap { kinds.firstIndex(of: $0) } ?? 0
        var kindField = FormField("kind", "Kind of task", kind: .choice(kinds), choice: choice)
        kindField.listed = true
        s.overlay = .form(FormState(title: "Worklist filter", fields: [
            kindField,
            FormField("dueWithin", "Due within (days, empty: any)", value: f.dueWithinDays.map(String.init) ?? ""),
            FormField("overdueBy", "Overdue by more than (days)", value: f.overdueMoreThanDays.map(String.init) ?? ""),
        ], purpose: .worklistFilter))
    }

    /// A whole number of days ≥ 0, nil when empty; a message naming the field otherwise.
    static func days(_ text: String, label: String) -> (value: Int?, problem: String?) {
        if text.isEmpty { return (nil, nil) }
        guard let n = Int(text), n >= 0, n <= 3650 else { return (nil, "\(label): expected a whole number of days (0-3650), found \"\(text)\".") }
        return (n, nil)
    }

    static func submitWorklistFilter(_ form: FormState, _ s: inout AppState) -> [Effect] {
        var f = form
        func fail(_ m: String, _ key: String) -> [Effect] {
            f.error = m; f.errorField = key
            if let i = f.index(key) { f.focus = i }
            s.overlay = .form(f)
            return []
        }
        if let i = f.index("kind"), f.fields[i].matches.isEmpty {
            return fail("No kind of task matches \"\(f.fields[i].editor.text)\": Backspace widens the list.", "kind")
        }
        let due = days(f.value("dueWithin"), label: "Due within")
        if let p = due.problem { return fail(p, "dueWithin") }
        let overdue = days(f.value("overdueBy"), label: "Overdue by more than")
        if let p = overdue.problem { return fail(p, "overdueBy") }
        var filter = s.worklist.filter
        let kind = f.value("kind")
        filter.kind = kind == allKinds ? nil : kind
        filter.dueWithinDays = due.value
        filter.overdueMoreThanDays = overdue.value
        s.worklist.filter = filter
        s.overlay = nil
        return [.loadWorklist(filter)]
    }
}

extension FormState {
    /// Clears the validation error once the field it names holds a valid value again.
    mutating func clearFixedError(today: LocalDate) {
        guard error != nil, let key = errorField, let i = index(key) else { return }
        let field = fields[i]
        let v = field.value
        var fixed: Bool
        switch field.kind {
        case .choice: fixed = !field.isList || !field.matches.isEmpty
        case .date: fixed = !v.isEmpty && RelativeDate.parse(v, today: today) != nil
        case .text: fixed = !v.isEmpty
        }
        if fixed, key == "participants" { fixed = FormState.participants(v).problem == nil }
        if key == "reasonCode" { fixed = ScreeningReason(rawValue: v) != nil }
        // The filter's day counts may be empty (no filter).
        if key == "dueWithin" || key == "overdueBy" { fixed = Reducer.days(v, label: "").problem == nil }
        if fixed { error = nil; errorField = nil }
    }
}
