import CaseModel
import ScreenKit

/// `case-list`: one row per case, drawn from the rows the state holds (loaded for the visible window by an effect).
public enum CaseListScreen {
    public static let columns: [TableColumn] = [
        TableColumn("ID", width: .fixed(12)),
        TableColumn("Name", width: .fill(2)),
        TableColumn("Age", width: .fixed(3), alignment: .right),
        TableColumn("Diagnosis", width: .fill(3)),
        TableColumn("Risk", width: .fixed(13)),
        TableColumn("Germ", width: .fixed(6)),
        TableColumn("MRD", width: .fixed(3), alignment: .center),
        TableColumn("El/Po", width: .fixed(5), alignment: .center),
        TableColumn("Next follow-up", width: .fill(3)),
    ]

    static func row(_ c: CaseSummary, presenter: Bool, ascii: Bool) -> [Span] {
        // The WHO label alone when it names the category ("AML with NPM1 mutation"), else both.
        let cat = c.category?.rawValue ?? ""
        let label = c.diagnosisLabel
        let dx = label == cat || cat.isEmpty ? label
            : (label.lowercased().hasPrefix(cat.lowercased()) ? label : cat + Formatting.dot(ascii) + label)
        let trials = Span("\(c.eligibleTrials)/\(c.possiblyEligibleTrials)",
                          role: c.eligibleTrials > 0 ? .trialEligible : (c.possiblyEligibleTrials > 0 ? .trialPossibly : .muted))
        var next = Span(Formatting.none(ascii), role: .muted)
        if let f = c.nextFollowUp {
            let mark = ClinicalGlyphs.taskShort(f.status, ascii: ascii).text
            next = Span("\(mark) \(f.due) \(f.kind)", role: ClinicalGlyphs.task(f.status, ascii: ascii).role)
        }
        let risk: Span
        switch c.listRisk {
        case .scheme: risk = ClinicalGlyphs.schemeRisk(c.risks, ascii: ascii)
        case .eln(let r, let complete): risk = ClinicalGlyphs.eln(r, complete: complete, ascii: ascii)
        }
        return [
            Span(c.id),
            Span(c.displayName(presenter: presenter), role: presenter ? .presenter : .normal),
            Span(c.age.map(String.init) ?? "?"),
            Span(dx),
            risk,
            ClinicalGlyphs.germline(c.germline, ascii: ascii),
            ClinicalGlyphs.trend(c.mrdTrend, ascii: ascii),
            trials,
            next,
        ]
    }

    static func infoLine(_ s: AppState) -> [Span] {
        let q = s.caseList.query
        let arrow = q.sort.ascending ? (s.ascii ? "^" : "↑") : (s.ascii ? "v" : "↓")
        var spans: [Span] = [
            Span(" \(s.caseList.ids.count) of \(s.caseCount) cases", role: .title),
            Span("  group: ", role: .muted), Span(q.filter.group?.rawValue ?? "all"),
            Span("  site: ", role: .muted), Span(q.filter.site ?? "all"),
            Span("  status: ", role: .muted), Span(q.filter.status?.rawValue ?? "all"),
            Span("  sort: ", role: .muted), Span("\(q.sort.key.rawValue) \(arrow)"),
        ]
        if !q.search.isEmpty { spans += [Span("  search: ", role: .muted), Span("\"\(q.search)\"", role: .search)] }
        if let note = s.verdicts.note(ascii: s.ascii) { spans.append(Span("  " + note, role: .warning)) }
        return spans
    }

    public static func render(_ s: AppState, into buffer: inout Buffer, area: Rect) {
        buffer.write(spans: infoLine(s), x: area.x, y: area.y, maxWidth: area.width)
        let tableArea = Rect(x: area.x, y: area.y + 1, width: area.width, height: area.height - 1)
        let ids = s.caseList.ids
        var list = s.caseList.list
        if ids.isEmpty {
            Table(columns: columns, rowCount: 0, ascii: s.ascii) { _ in [] }.render(into: &buffer, area: tableArea, state: &list)
            let msg = s.caseList.isLoaded ? "No case matches. Esc clears the search, x the filters." : "Loading..."
            buffer.write(msg, x: tableArea.x + 2, y: tableArea.y + 2, role: .muted, maxWidth: tableArea.width - 2)
            return
        }
        let table = Table(columns: columns, rowCount: ids.count, isFocused: s.caseList.searchEditor == nil, ascii: s.ascii) { i in
            // A row that cannot be read says so on its line (never a blank or a default row).
            switch s.caseList.rows[ids[i]] {
            case .loaded(let c): return row(c, presenter: s.presenter, ascii: s.ascii)
            case .missing: return [Span(ids[i]), Span("(missing)", role: .error)]
            case .failed(let message): return [Span(ids[i]), Span("could not read: \(message)", role: .error)]
            case nil: return [Span(ids[i]), Span(Formatting.ellipsis(s.ascii), role: .muted)]
            }
        }
        table.render(into: &buffer, area: tableArea, state: &list)
    }
}
