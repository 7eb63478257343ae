import CaseModel
import ScreenKit
import TrialEngine

/// `trial`: arms with their status, every criterion with the protocol's wording and its rule, and
/// the candidate cases grouped by verdict.
public enum TrialDetailScreen {
    public static func criteriaLines(_ t: Trial, width: Int, ascii: Bool) -> [[Span]] {
        var out: [[Span]] = []
        out += LinesPanel.wrapped(t.title, width: width, role: .title)
        var ids = [t.nct, t.euct].compactMap { $0 }.joined(separator: Formatting.dot(ascii))
        if !ids.isEmpty { ids = Formatting.dot(ascii) + ids }
        out.append([Span("Phase \(t.phase)" + ids, role: .muted), Span("  "), ClinicalGlyphs.trialStatus(t.status)])
        let coverage = RuleCoverage(trial: t)
        out.append([Span("Rule coverage \(coverage.withRule) / \(coverage.total)", role: .muted)])
        if let sp = t.sponsor { out.append([Span("Sponsor ", role: .muted), Span(sp)]) }
        if !t.sites.isEmpty { out += LinesPanel.wrapped(t.sites.joined(separator: ", "), width: width, first: [Span("Sites ", role: .muted)]) }
        for arm in t.arms {
            out.append([])
            out.append([Span("Arm \(arm.id): \(arm.name) ", role: .header), ClinicalGlyphs.trialStatus(arm.status)])
            for (kind, list) in [("Inclusion", arm.inclusion), ("Exclusion", arm.exclusion)] where !list.isEmpty {
                out.append([Span(" \(kind)", role: .title)])
                for c in list {
                    out += LinesPanel.wrapped(c.text, width: width, indent: 4, first: [Span(ascii ? "  - " : "  • ")])
                    out += LinesPanel.wrapped(c.rule, width: width, role: .muted, indent: 6, first: [Span("    rule: ", role: .muted)])
                }
            }
        }
        return out
    }

    /// One candidate: verdict glyph, id, name (initials in presenter mode), arm, what to obtain or what fails.
    static func candidateSpans(_ c: TrialCandidate, presenter: Bool, ascii: Bool) -> [Span] {
        let name = presenter ? c.initials : (c.name ?? c.initials)
        let glyph = ClinicalGlyphs.verdict(c.verdict, ascii: ascii)
        var spans: [Span] = [Span("  " + String(glyph.text.prefix(1)), role: glyph.role), Span(" \(c.patientID)", role: .title),
                             Span(" \(name)", role: presenter ? .presenter : .normal),
                             Span(" arm " + (c.explained ? c.arm : Formatting.ellipsis(ascii)), role: .muted)]
        spans += CandidateReason.spans(c, ascii: ascii)
        return spans
    }

    /// Lines of the candidate list at this terminal size: the content under the panel's borders (as `render` lays it
    /// out). What the reducer asks to be explained.
    static func candidateRows(width: Int, height: Int) -> Int { max(0, ScreenLayout.content(width: width, height: height).height - 2) }

    public static func render(_ s: AppState, into buffer: inout Buffer, area: Rect) {
        let st = s.trialDetail
        guard let d = st.detail else {
            buffer.write("Loading trial \(st.id ?? "")...", x: area.x + 2, y: area.y + 1, role: .muted)
            return
        }
        let (left, right) = ScreenLayout.split(area, leftPercent: 55)
        LinesPanel(title: "\(d.trial.id): arms and criteria", lines: criteriaLines(d.trial, width: left.width - 3, ascii: s.ascii),
                   isFocused: st.focus == .criteria, ascii: s.ascii).render(into: &buffer, area: left, scroll: st.criteriaScroll)
        renderCandidates(d, list: st.candidates, focused: st.focus == .candidates, presenter: s.presenter, ascii: s.ascii,
                         into: &buffer, area: right)
    }

    static func renderCandidates(_ d: TrialDetail, list: ListState, focused: Bool, presenter: Bool, ascii: Bool,
                                 into buffer: inout Buffer, area: Rect) {
        let counts = "\(d.eligible.count)/\(d.possiblyEligible.count)/\(d.ineligible.count)"
        let inner = Panel(title: "Candidates", isFocused: focused, ascii: ascii, rightTitle: counts).render(into: &buffer, area: area)
        guard !inner.isEmpty else { return }
        let content = Rect(x: inner.x + 1, y: inner.y, width: max(0, inner.width - 1), height: inner.height)
        if d.count == 0 {
            buffer.write("No case has a verdict for this trial.", x: content.x, y: content.y, role: .muted, maxWidth: content.width)
            return
        }
        VerdictGroupedList(counts: d.countsByVerdict, selected: list.selected, isFocused: focused, ascii: ascii)
            .render(into: &buffer, area: content) { candidateSpans(d.candidate(at: $0), presenter: presenter, ascii: ascii) }
    }
}
