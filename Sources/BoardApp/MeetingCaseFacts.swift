import CaseModel
import ScreenKit

/// The facts the board's decision needs, shown in meeting mode under the question: disease status with
/// its date, MRD status and latest value with its date per series, germline flags, and the eligible /
/// possibly eligible trials (the first few, then "+N more").
enum MeetingCaseFacts {
    /// Trials listed by name before "+N more".
    static let trialsShown = 4

    /// "Status: CR since 2026-03-02" (or "not recorded").
    static func status(_ d: CaseDetail, today: LocalDate) -> [Span] {
        guard let st = d.patient.status(on: today) else { return [Span("Status: ", role: .muted), Span("not recorded", role: .warning)] }
        return [Span("Status: ", role: .muted), Span(st.status.rawValue, role: .title), Span(" since \(st.date)", role: .muted)]
    }

    /// One line per MRD series: "MRD NPM1 qPCR PB: MRD RELAPSE  last 1.2×10⁻³ on 2026-11-10".
    static func mrd(_ d: CaseDetail, ascii: Bool) -> [[Span]] {
        let series = d.interpretation.mrd.sorted { $0.key < $1.key }
        guard !series.isEmpty else {
            return [[Span("MRD: ", role: .muted), Span(d.patient.mrd.isEmpty ? "no result recorded" : "not interpreted", role: .muted)]]
        }
        return series.map { s in
            var line: [Span] = [Span("MRD ", role: .muted), Span(MRDChartPanel.seriesName(s.key) + ": "), ClinicalGlyphs.mrdStatus(s.status)]
            if let last = s.latest {
                let v = last.detected ? (last.value.map { Formatting.fraction($0, ascii: ascii) } ?? "detected")
                                      : (last.evaluable ? "undetectable" : "negative, not evaluable")
                line.append(Span("  last \(v) on \(last.date)", role: .muted))
            }
            if let e = s.events.max(by: { $0.date < $1.date }), let due = e.confirmationDue {
                line.append(Span("  confirm by \(due)", role: .mrdEvent))
            }
            return line
        }
    }

    /// "Germline: ⚠ testing recommended · ◇ SUSPECTED DDX41 · [!] RED FLAG" or "no flag".
    static func germline(_ d: CaseDetail, ascii: Bool) -> [Span] {
        let g = d.interpretation.germline
        var out: [Span] = [Span("Germline: ", role: .muted)]
        guard !g.flags.isEmpty else { return out + [Span("no flag", role: .muted)] }
        if g.testingRecommended { out.append(Span(ascii ? "!! testing recommended" : "⚠ testing recommended", role: .germlineRedflag)) }
        for f in g.flags.sorted(by: { $0.level < $1.level }) {
            if out.count > 1 { out.append(Span(Formatting.dot(ascii), role: .muted)) }
            var w = ClinicalGlyphs.germlineLevelWord(f.level, ascii: ascii)
            if let gene = f.gene { w.text += " " + gene }
            out.append(w)
        }
        return out
    }

    /// The candidate trials: every eligible and possibly eligible one, the first `trialsShown` by name.
    static func trials(_ d: CaseDetail, ascii: Bool) -> [[Span]] {
        let candidates = d.trials.filter { $0.verdict == .eligible || $0.verdict == .possiblyEligible }
        var out: [[Span]] = [[Span("Trials: ", role: .muted),
                              Span("\(d.trials.filter { $0.verdict == .eligible }.count) eligible", role: .trialEligible),
                              Span(", "), Span("\(d.trials.filter { $0.verdict == .possiblyEligible }.count) possibly", role: .trialPossibly)]]
        for t in candidates.prefix(trialsShown) {
            let g = ClinicalGlyphs.verdict(t.verdict, ascii: ascii)
            out.append([Span("  " + String(g.text.prefix(1)) + " ", role: g.role), Span(t.trialID, role: .title), Span(" " + t.title, role: .muted)])
        }
        if candidates.count > trialsShown {
            out.append([Span("  +\(candidates.count - trialsShown) more", role: .title), Span(" (every trial: the case screen)", role: .muted)])
        }
        return out
    }
}
