import CaseModel
import ScreenKit

/// `screening`: pick a trial on the left; its candidates by verdict with the data to obtain on the
/// right. The pre-screening log statuses (issue #6) will be shown beside each candidate.
public enum ScreeningScreen {
    public static func render(_ s: AppState, into buffer: inout Buffer, area: Rect) {
        let (left, right) = ScreenLayout.split(area, leftPercent: 35)
        let rows = s.trials.rows
        let inner = Panel(title: "Trials", isFocused: s.screening.focus == .criteria, ascii: s.ascii).render(into: &buffer, area: left)
        if !inner.isEmpty {
            let content = Rect(x: inner.x + 1, y: inner.y, width: max(0, inner.width - 1), height: inner.height)
            if rows.isEmpty {
                buffer.write(s.trials.isLoaded ? "No trial catalogue." : "Loading...", x: content.x, y: content.y, role: .muted, maxWidth: content.width)
            } else {
                var l = s.screening.trialList
                ListView(rowCount: rows.count, isFocused: s.screening.focus == .criteria, ascii: s.ascii) { i in
                    let r = rows[i]
                    return [Span(r.trial.id, role: .title), Span(" \(r.eligible)", role: .trialEligible), Span("/"),
                            Span("\(r.possiblyEligible)", role: .trialPossibly), Span(" " + r.trial.title, role: .muted)]
                }.render(into: &buffer, area: content, state: &l)
            }
        }
        if let d = s.screening.detail {
            TrialDetailScreen.renderCandidates(d, list: s.screening.candidates, focused: s.screening.focus == .candidates,
                                               presenter: s.presenter, ascii: s.ascii, into: &buffer, area: right)
        } else {
            LinesPanel(title: "Candidates", lines: [[Span("Choose a trial with Enter.", role: .muted)]], isFocused: false, ascii: s.ascii)
                .render(into: &buffer, area: right, scroll: 0)
        }
    }
}
