import CaseModel
import ScreenKit

/// `meeting`: board meeting mode (issue #6) walks the agenda case by case. Until a meeting exists
/// it says so and how to create one.
public enum MeetingScreen {
    public static func render(_ s: AppState, into buffer: inout Buffer, area: Rect) {
        guard let m = s.meeting.meeting else {
            LinesPanel(title: "Board meeting", lines: [
                [Span("No board meeting is open.", role: .title)],
                [Span("Meetings and their agendas are created with `caseboard meeting`; meeting mode then", role: .muted)],
                [Span("walks the agenda here, case by case, with the case detail and the decision form.", role: .muted)],
            ], isFocused: true, ascii: s.ascii).render(into: &buffer, area: area, scroll: 0)
            return
        }
        var lines: [[Span]] = [[Span(m.name + Formatting.dot(s.ascii) + "\(m.date)" + (m.site.map { Formatting.dot(s.ascii) + $0 } ?? ""), role: .title)]]
        for item in m.agenda.sorted(by: { $0.position < $1.position }) {
            let mark = item.position == s.meeting.current + 1 ? (s.ascii ? ">" : "▶") : " "
            lines.append([Span("\(mark) \(item.position). \(item.patient) ", role: .title), Span(item.question),
                          Span(item.decision == nil ? "" : "  decided", role: .meetingDecision)])
        }
        LinesPanel(title: "Board meeting: case \(s.meeting.current + 1) of \(m.agenda.count)", lines: lines, isFocused: true, ascii: s.ascii)
            .render(into: &buffer, area: area, scroll: 0)
    }
}
