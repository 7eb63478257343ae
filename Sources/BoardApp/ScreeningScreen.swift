import CaseModel
import ScreenKit

/// `screening`: pick a trial on the left; its candidates on the right, grouped by verdict, each with
/// its pre-screening log status (and last change) and the data to obtain. `m` moves the status.
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
        guard let d = s.screening.detail else {
            LinesPanel(title: "Candidates", lines: [[Span("Choose a trial with Enter.", role: .muted)]], isFocused: false, ascii: s.ascii)
                .render(into: &buffer, area: right, scroll: 0)
            return
        }
        renderCandidates(s, d, into: &buffer, area: right)
    }

    /// Counts of the log by status ("identified 2 · approached 1").
    static func logCounts(_ records: [String: ScreeningRecord]) -> String {
        var counts: [ScreeningStatus: Int] = [:]
        for r in records.values { if let st = r.status { counts[st, default: 0] += 1 } }
        return ScreeningStatus.allCases.compactMap { st in counts[st].map { "\(st.rawValue) \($0)" } }.joined(separator: ", ")
    }

    /// Lines of the candidate list at this terminal size: the content under the panel's borders and the log line (as
    /// `renderCandidates` lays it out). What the reducer asks to be explained.
    static func candidateRows(width: Int, height: Int) -> Int { max(0, ScreenLayout.content(width: width, height: height).height - 3) }

    static func renderCandidates(_ s: AppState, _ d: TrialDetail, into buffer: inout Buffer, area: Rect) {
        let st = s.screening
        let focused = st.focus == .candidates
        let counts = "\(d.eligible.count)/\(d.possiblyEligible.count)/\(d.ineligible.count)"
        let inner = Panel(title: "Candidates for \(d.trial.id) and screening log", isFocused: focused, ascii: s.ascii, rightTitle: counts)
            .render(into: &buffer, area: area)
        guard !inner.isEmpty else { return }
        let log = logCounts(st.records)
        buffer.write("Log: " + (log.isEmpty ? "nobody yet" : log), x: inner.x + 1, y: inner.y, role: .muted, maxWidth: inner.width - 1)
        let content = Rect(x: inner.x + 1, y: inner.y + 1, width: max(0, inner.width - 1), height: max(0, inner.height - 1))
        let all = st.ordered
        if all.isEmpty {
            buffer.write("No case has a verdict for this trial.", x: content.x, y: content.y, role: .muted, maxWidth: content.width)
            return
        }
        // The order groups the candidates by verdict: each group's size is its count (no pass over every candidate).
        let perVerdict = d.countsByVerdict.filter { $0.value > 0 }
        VerdictGroupedList(counts: perVerdict, selected: st.candidates.selected, isFocused: focused, ascii: s.ascii)
            .render(into: &buffer, area: content) { c in
                let cand = all[c]
                let name = s.presenter ? cand.initials : (cand.name ?? cand.initials)
                let glyph = ClinicalGlyphs.verdict(cand.verdict, ascii: s.ascii)
                var spans = [Span("  " + String(glyph.text.prefix(1)), role: glyph.role), Span(" \(cand.patientID)", role: .title),
                             Span(" \(name)", role: s.presenter ? .presenter : .normal)]
                if let r = st.records[cand.patientID], let last = r.history.last {
                    var text = " [\(last.status.rawValue) \(last.date)"
                    if let c = last.criterion { text += ": \(c)" } else if let why = last.reason { text += ": \(why)" }
                    if let rc = last.recheck { text += ", recheck \(rc)" }
                    spans.append(Span(text + "]", role: .screeningStatus))
                } else {
                    spans.append(Span(" [not in log]", role: .muted))
                }
                spans += CandidateReason.spans(cand, ascii: s.ascii)
                return spans
            }
    }
}
