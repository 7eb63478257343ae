import CaseModel
import ScreenKit

/// `worklist`: follow-up tasks grouped overdue / due soon / upcoming, most urgent first.
public enum WorklistScreen {
    public static func render(_ s: AppState, into buffer: inout Buffer, area: Rect) {
        let st = s.worklist
        let counts = st.statusCounts
        if !st.isLoaded {
            // Never "0 tasks" for a list not read yet.
            buffer.write(spans: [Span(" Loading the worklist" + (s.ascii ? "..." : "…"), role: .title)], x: area.x, y: area.y, maxWidth: area.width)
            return
        }
        buffer.write(spans: [Span(" \(st.rows.count) tasks", role: .title),
                             Span("  \(counts[0]) overdue", role: .taskOverdue), Span("  \(counts[1]) due soon", role: .taskDuesoon),
                             Span("  \(counts[2]) upcoming", role: .taskUpcoming),
                             Span("  site: ", role: .muted), Span(st.filter.site ?? "all"),
                             Span("  kind: ", role: .muted), Span(st.filter.kind ?? "all"),
                             Span(st.filter.dueText(ascii: s.ascii).map { "  " + $0 } ?? "", role: .title),
                             Span(st.filter.includeDone ? "  (done shown)" : "", role: .muted)],
                     x: area.x, y: area.y, maxWidth: area.width)
        let listArea = Rect(x: area.x, y: area.y + 1, width: area.width, height: area.height - 1)
        if st.lines.isEmpty {
            buffer.write(st.isLoaded ? "No follow-up task." : "Loading...", x: listArea.x + 2, y: listArea.y + 1, role: .muted)
            return
        }
        let cols = Layout.sizes(total: listArea.width, [.fixed(12), .fixed(10), .fixed(9), .fixed(12), .fill(2), .fill(3), .fixed(10)], spacing: 1)
        let lines = st.lines
        var list = st.list
        ListView(rowCount: lines.count, ascii: s.ascii) { i in
            switch lines[i] {
            case .heading(let status, let n):
                return [Span(" \(ClinicalGlyphs.groupHeading(status)) (\(n))", role: ClinicalGlyphs.task(status, ascii: s.ascii).role)]
            case .task(let r):
                let t = r.task
                let name = s.presenter ? r.initials : (r.name ?? r.initials)
                let fields: [Span] = [
                    ClinicalGlyphs.task(t.status, ascii: s.ascii), Span("\(t.due)"), WorklistScreen.when(t, today: s.today),
                    Span(t.patient, role: .title),
                    Span(name, role: s.presenter ? .presenter : .normal),
                    Span(t.kind + (t.note.map { " (\($0))" } ?? "")), Span(t.site ?? "", role: .muted),
                ]
                return zip(fields, cols).map { f, w in Span(TextFit.fit(f.text, width: w, ellipsis: s.ascii ? "~" : "…") + " ", role: f.role) }
            }
        }.render(into: &buffer, area: listArea, state: &list)
    }

    /// Days overdue ("12 d late"), "today", days to go ("in 3 d"), or "done".
    static func when(_ t: FollowUpTask, today: LocalDate) -> Span {
        if t.status == .done { return Span("done", role: .muted) }
        let d = today.days(until: t.due)
        if d < 0 { return Span("\(-d) d late", role: .taskOverdue) }
        return Span(d == 0 ? "today" : "in \(d) d", role: d == 0 ? .taskDuesoon : .muted)
    }
}
