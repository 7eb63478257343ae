import CaseModel
import ScreenKit

/// Draws the whole screen for a state: header (view tabs, demo banner, breadcrumb), the current
/// screen, the footer generated from the key map, and overlays. A pure function of the state: what a screen
/// shows was loaded into the state by an effect.
public enum ScreenRenderer {
    public static func render(_ s: AppState, into buffer: inout Buffer) {
        buffer.fill(buffer.area)
        if s.isTooSmall {
            renderTooSmall(s, into: &buffer)
            return
        }
        renderHeader(s, into: &buffer)
        let content = ScreenLayout.content(width: s.width, height: s.height)
        switch s.screen {
        case .caseList: CaseListScreen.render(s, into: &buffer, area: content)
        case .caseDetail: CaseDetailScreen.render(s, into: &buffer, area: content)
        case .trials: TrialsScreen.render(s, into: &buffer, area: content)
        case .trialDetail: TrialDetailScreen.render(s, into: &buffer, area: content)
        case .worklist: WorklistScreen.render(s, into: &buffer, area: content)
        case .screening: ScreeningScreen.render(s, into: &buffer, area: content)
        case .meeting: MeetingScreen.render(s, into: &buffer, area: content)
        case .outcomes: OutcomesScreen.render(s, into: &buffer, area: content)
        }
        renderFooter(s, into: &buffer)
        switch s.overlay {
        case .help(let scroll)?:
            HelpOverlay(maps: AppKeyMaps.helpMaps(for: s.screen), title: "Help: \(s.screen.title) keys", ascii: s.ascii)
                .render(into: &buffer, area: content, scroll: scroll)
        case .confirmQuit(let modal)?, .confirm(let modal, _)?, .message(let modal, _)?:
            modal.render(into: &buffer, area: buffer.area)
        case .form(let f)?:
            FormView.render(f, ascii: s.ascii, into: &buffer, area: content)
        case .history(let scroll)?:
            // Newest first (lazygit's reflog): what each step changed, and whether it was undone or redone.
            let lines = Reducer.historyLines(s).map { [Span($0, role: $0.hasSuffix("]") ? .muted : .normal)] }
                + [[Span("u undoes this screen's latest · Ctrl-R redoes · Esc closes", role: .muted)]]
            let box = Rect(x: content.x + 2, y: content.y + 1, width: max(0, content.width - 4), height: max(0, content.height - 2))
            buffer.fill(box)
            LinesPanel(title: "History of this session (newest first)", lines: lines, isFocused: true, ascii: s.ascii)
                .render(into: &buffer, area: box, scroll: scroll)
        case nil: break
        }
    }

    static func renderTooSmall(_ s: AppState, into buffer: inout Buffer) {
        let lines = ["Terminal too small: \(s.width)×\(s.height)".replacingOccurrences(of: "×", with: s.ascii ? "x" : "×"),
                     "Caseboard needs at least \(AppState.minWidth)x\(AppState.minHeight).",
                     s.hasUnsavedChanges ? "Unsaved changes: enlarge the window to keep or discard them."
                                         : "Enlarge the window, or press q to quit."]
        let y0 = max(0, (s.height - lines.count) / 2)
        for (i, l) in lines.enumerated() {
            let t = TextFit.truncate(l, to: s.width, ellipsis: s.ascii ? "~" : "…")
            buffer.write(t, x: max(0, (s.width - DisplayWidth.of(t)) / 2), y: y0 + i, role: i == 0 ? .warning : .normal)
        }
    }

    /// The demo banner, longest first.
    static let demoBanners = [" SYNTHETIC DEMO DATA ", " SYNTHETIC DEMO ", " DEMO "]

    static func renderHeader(_ s: AppState, into buffer: inout Buffer) {
        let row = ScreenLayout.tabsRow(width: s.width)
        let tabs = ScreenLayout.tabs(selected: s.screen, ascii: s.ascii)
        tabs.render(into: &buffer, area: row)
        if s.isDemo {
            // The longest banner that leaves every tab visible (at 80 columns the six tabs leave room for " DEMO ");
            // the shortest is drawn whatever the width: demo data is always marked.
            let free = s.width - tabs.width - 1
            let banner = demoBanners.first { DisplayWidth.of($0) <= free } ?? demoBanners.last!
            buffer.write(spans: [Span(banner, role: .demoBanner)], x: max(0, s.width - DisplayWidth.of(banner)), y: 0)
        }
        // Breadcrumb and status line.
        let y = 1
        buffer.fill(Rect(x: 0, y: y, width: s.width, height: 1), role: .header)
        var crumbs = ["Caseboard"] + s.stack.map { screen -> String in
            switch screen {
            case .caseDetail: return "Case " + (s.caseDetail.detail.map { s.presenter ? $0.summary.initials + " (" + $0.patient.id + ")" : $0.patient.id } ?? s.caseDetail.id ?? "") + CaseDetailScreen.headerRisk(s)
            case .trialDetail: return "Trial " + (s.trialDetail.id ?? "")
            default: return screen.title
            }
        }
        if s.screen == .caseDetail && s.caseDetail.showReasons, let t = s.caseDetail.selectedTrial { crumbs.append("Reasons " + t.trialID) }
        let sep = s.ascii ? " > " : " › "
        let left = " " + crumbs.joined(separator: sep)
        let rightText = (s.readOnly ? "READ-ONLY " : "") + "today \(s.today) "
        let presenter = s.presenter ? " PRESENTER: identities hidden " : ""
        let rightW = DisplayWidth.of(rightText) + DisplayWidth.of(presenter)
        buffer.write(left, x: 0, y: y, role: .header, maxWidth: max(0, s.width - rightW - 1))
        if !presenter.isEmpty { buffer.write(presenter, x: max(0, s.width - rightW), y: y, role: .presenter) }
        buffer.write(rightText, x: max(0, s.width - DisplayWidth.of(rightText)), y: y, role: .header)
    }

    static func renderFooter(_ s: AppState, into buffer: inout Buffer) {
        let row = Rect(x: 0, y: s.height - 1, width: s.width, height: 1)
        if s.screen == .caseList, let editor = s.caseList.searchEditor {
            editor.render(into: &buffer, area: row, prompt: "/")
            let hint = " Enter keep  Esc clear "
            let w = DisplayWidth.of(hint)
            if s.width > w + 20 { buffer.write(hint, x: s.width - w, y: row.y, role: .footer) }
            return
        }
        // The status message (an error, a saved change, a refusal) replaces the key hints until the next key.
        if let m = s.message {
            buffer.fill(row, role: s.messageRole)
            buffer.write(" " + m, x: 0, y: row.y, role: s.messageRole, maxWidth: s.width)
            return
        }
        if case .form? = s.overlay {
            HintBar(maps: [AppKeyMaps.form], ascii: s.ascii).render(into: &buffer, area: row)
            return
        }
        HintBar(maps: [AppKeyMaps.map(for: s.screen)], ascii: s.ascii).render(into: &buffer, area: row)
    }
}
