import CaseModel
import ScreenKit

/// `trials`: the catalogue with the number of cases under each verdict.
public enum TrialsScreen {
    public static let columns: [TableColumn] = [
        TableColumn("Trial", width: .fixed(14)),
        TableColumn("Phase", width: .fixed(5)),
        TableColumn("Status", width: .fixed(9)),
        TableColumn("Groups", width: .fixed(9)),
        TableColumn("Title", width: .fill),
        TableColumn("Elig", width: .fixed(4), alignment: .right),
        TableColumn("Poss", width: .fixed(4), alignment: .right),
        TableColumn("Inel", width: .fixed(4), alignment: .right),
    ]

    public static func render(_ s: AppState, into buffer: inout Buffer, area: Rect) {
        let rows = s.trials.rows
        let open = rows.filter { $0.trial.status == .open }.count
        let ok = s.ascii ? "+" : "✓", no = s.ascii ? "x" : "✗"
        var header = [Span(" \(rows.count) trials, \(open) open", role: .title),
                      Span("   cases per verdict: ", role: .muted), Span("\(ok) Elig", role: .trialEligible),
                      Span("  ? Poss", role: .trialPossibly), Span("  \(no) Inel", role: .trialIneligible)]
        if let note = s.verdicts.note(ascii: s.ascii) { header.append(Span("  " + note, role: .warning)) }
        buffer.write(spans: header, x: area.x, y: area.y, maxWidth: area.width)
        let tableArea = Rect(x: area.x, y: area.y + 1, width: area.width, height: area.height - 1)
        var list = s.trials.list
        Table(columns: columns, rowCount: rows.count, ascii: s.ascii) { i in
            let r = rows[i]
            return [Span(r.trial.id, role: .title), Span(r.trial.phase), ClinicalGlyphs.trialStatus(r.trial.status),
                    Span(r.trial.groups.map(\.rawValue).joined(separator: ",")), Span(r.trial.title),
                    Span("\(r.eligible)", role: r.eligible > 0 ? .trialEligible : .muted),
                    Span("\(r.possiblyEligible)", role: r.possiblyEligible > 0 ? .trialPossibly : .muted),
                    Span("\(r.ineligible)", role: .muted)]
        }.render(into: &buffer, area: tableArea, state: &list)
        if rows.isEmpty {
            let msg = s.trials.isLoaded ? "No trial catalogue loaded for this database." : "Loading..."
            buffer.write(msg, x: tableArea.x + 2, y: tableArea.y + 2, role: .muted, maxWidth: tableArea.width - 2)
        }
    }
}
