import CaseModel
import ScreenKit

/// `meeting`: choose a board meeting (list; `N` creates one), then meeting mode walks its agenda:
/// progress "case 4 of 12", a clock, the current case's detail, and its decision (recorded with `e`).
public enum MeetingScreen {
    public static func render(_ s: AppState, into buffer: inout Buffer, area: Rect) {
        if s.meeting.meeting != nil { renderMode(s, into: &buffer, area: area) } else { renderList(s, into: &buffer, area: area) }
    }

    static func renderList(_ s: AppState, into buffer: inout Buffer, area: Rect) {
        let ms = s.meeting.meetings
        buffer.write(spans: [Span(" Board meetings: \(ms.count)", role: .title),
                             Span("  Enter opens meeting mode" + Formatting.dot(s.ascii) + "N new meeting", role: .muted)], x: area.x, y: area.y, maxWidth: area.width)
        let listArea = Rect(x: area.x, y: area.y + 1, width: area.width, height: area.height - 1)
        guard !ms.isEmpty else {
            LinesPanel(title: "Board meeting", lines: [
                [Span(s.meeting.isLoaded ? "No board meeting yet." : "Loading...", role: .title)],
                [Span("N creates one (date, name, site); a on a case puts it on the agenda.", role: .muted)],
            ], isFocused: true, ascii: s.ascii).render(into: &buffer, area: listArea, scroll: 0)
            return
        }
        var l = s.meeting.list
        let dot = Formatting.dot(s.ascii)
        ListView(rowCount: ms.count, ascii: s.ascii) { i in
            let m = ms[i]
            let decided = m.agenda.filter { $0.decision != nil }.count
            return [Span(" \(m.date) ", role: .title), Span(m.id, role: .muted), Span(dot + m.name),
                    Span((m.site.map { dot + $0 } ?? ""), role: .muted),
                    Span("  \(m.agenda.count) case\(m.agenda.count == 1 ? "" : "s"), \(decided) decided", role: .meetingDecision)]
        }.render(into: &buffer, area: listArea, state: &l)
    }

    static func clock(_ s: AppState) -> String {
        let e = s.meeting.elapsed
        return "\(s.meeting.wallClock ?? "--:--")  elapsed \(e / 60):" + (e % 60 < 10 ? "0" : "") + "\(e % 60)"
    }

    static func renderMode(_ s: AppState, into buffer: inout Buffer, area: Rect) {
        guard let m = s.meeting.meeting else { return }
        let agenda = s.meeting.agenda
        let dot = Formatting.dot(s.ascii)
        let progress = agenda.isEmpty ? "empty agenda" : "case \(s.meeting.current + 1) of \(agenda.count)"
        buffer.write(spans: [Span(" " + m.name + dot + "\(m.date)" + (m.site.map { dot + $0 } ?? ""), role: .title),
                             Span("  \(progress)", role: .meetingDecision), Span("  " + clock(s), role: .muted)],
                     x: area.x, y: area.y, maxWidth: area.width)
        let body = Rect(x: area.x, y: area.y + 1, width: area.width, height: area.height - 1)
        let (left, right) = ScreenLayout.split(body, leftPercent: 30)
        var lines: [[Span]] = []
        for (i, item) in agenda.enumerated() {
            let mark = i == s.meeting.current ? (s.ascii ? ">" : "▶") : " "
            lines.append([Span("\(mark)\(i + 1). \(item.patient)", role: i == s.meeting.current ? .title : .normal),
                          Span(item.decision == nil ? "" : (s.ascii ? " [decided]" : " ✓ decided"), role: .meetingDecision)])
            lines.append([Span("    " + item.question, role: .muted)])
        }
        if agenda.isEmpty { lines = [[Span("No case on the agenda yet:", role: .muted)], [Span("open a case and press a.", role: .muted)]] }
        LinesPanel(title: "Agenda", lines: lines, isFocused: false, ascii: s.ascii)
            .render(into: &buffer, area: left, scroll: max(0, s.meeting.current * 2 - (left.height - 4)))
        guard let item = s.meeting.currentItem else { return }
        LinesPanel(title: "Case \(item.patient)" + (s.presenter ? "" : (s.meeting.caseDetail?.summary.name.map { " · " + $0 } ?? "")),
                   lines: caseLines(s, item, width: right.width - 3), isFocused: true, ascii: s.ascii)
            .render(into: &buffer, area: right, scroll: 0)
    }

    static func caseLines(_ s: AppState, _ item: AgendaItem, width: Int) -> [[Span]] {
        var out: [[Span]] = LinesPanel.wrapped(item.question, width: width, role: .title, first: [Span("Question: ", role: .muted)])
        if let d = s.meeting.caseDetail {
            let sm = d.summary
            out.append([Span("Diagnosis: ", role: .muted), Span(sm.diagnosisLabel), Span("  age \(sm.age.map(String.init) ?? "not recorded")", role: .muted)])
            out.append(MeetingCaseFacts.status(d, today: s.today))
            if let e = d.interpretation.eln2022 {
                out.append([Span("ELN 2022: ", role: .muted), ClinicalGlyphs.elnWord(e),
                            Span("  " + e.drivers.prefix(3).joined(separator: "; "), role: .muted)])
            }
            out += MeetingCaseFacts.mrd(d, ascii: s.ascii)
            out.append(MeetingCaseFacts.germline(d, ascii: s.ascii))
            out += MeetingCaseFacts.trials(d, ascii: s.ascii)
        } else {
            out.append([Span("Loading the case...", role: .muted)])
        }
        out.append([])
        guard let dec = item.decision else {
            out.append([Span("No decision recorded yet: e (or Enter) opens the decision form.", role: .muted)])
            return out
        }
        out.append([Span("Decision", role: .meetingDecision), Span(dec.recordedBy.map { " recorded by \($0)" } ?? "", role: .muted)])
        out += LinesPanel.wrapped(dec.proposal, width: width, first: [Span("Proposal: ", role: .muted)])
        out.append([Span("Guideline: ", role: .muted), Span(dec.followsGuideline ? "follows" : "outside the guideline", role: dec.followsGuideline ? .ok : .warning),
                    Span(dec.justification.map { " — " + $0 } ?? "")])
        out.append([Span("Participants: ", role: .muted), Span(dec.participants.map { "\($0.name) (\($0.specialty))" }.joined(separator: ", "))])
        if !dec.hasQuorum { out.append([Span((s.ascii ? "! " : "⚠ ") + "Quorum not met (fewer than 3 physician specialties)", role: .warning)]) }
        out.append([Span("Trial proposed: ", role: .muted), Span(dec.trialProposed ?? "none"),
                    Span("  next review: ", role: .muted), Span(dec.nextReview?.description ?? "none")])
        return out
    }
}
