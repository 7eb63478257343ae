import Foundation
import ScreenKit
import SurvivalStats

/// `outcomes`: Kaplan–Meier (OS, EFS, RFS) or cumulative incidence of relapse (CIR) curves of the cohort by group,
/// with the number at risk under the axis, medians and the log-rank p in the header, and the groups as a legend
/// (Enter lists the selected group's patients). Reads only the state (the analysis is loaded by an effect).
public enum OutcomesScreen {
    static func fmt(_ v: Double?) -> String {
        guard let v else { return "NR" }
        return String(format: "%.1f", v)
    }

    static func pValue(_ p: Double) -> String {
        p < 0.001 ? "<0.001" : String(format: "%.3f", p)
    }

    /// "OS by eln2022 · cohort: all cases" and the test line.
    static func header(_ s: AppState) -> [[Span]] {
        let q = s.outcomes.query
        var line: [Span] = [Span(" \(q.endpoint.rawValue)", role: .title),
                            Span(" by ", role: .muted), Span(q.grouping?.rawValue ?? "(all patients)"),
                            Span("  cohort: ", role: .muted), Span(q.whereText ?? "all cases", role: q.whereText == nil ? .normal : .search)]
        guard let d = s.outcomes.data else { return [line] }
        let r = d.report
        let analysed = r.groups.map(\.n).reduce(0, +)
        line += [Span("  \(analysed) analysed", role: .normal), Span(", \(r.excludedPatients?.count ?? 0) excluded", role: .muted)]
        var test: [Span] = [Span(" ")]
        if let lr = r.logRank {
            test.append(Span(lr.stratified ? "stratified log-rank " : "log-rank ", role: .muted))
            test.append(Span((s.ascii ? "chi2 " : "χ² ") + String(format: "%.2f", lr.chiSquare) + ", df \(lr.df), "))
            if let p = lr.p { test.append(Span("p " + pValue(p), role: p < 0.05 ? .title : .normal)) }
            else { test.append(Span("p not shown" + (lr.note.map { ": " + $0 } ?? ""), role: .warning)) }
        } else {
            test.append(Span("no comparison (one group)", role: .muted))
        }
        if q.endpoint != .cir {
            let medians = r.groups.map { "\($0.name) \(fmt($0.median))" }.joined(separator: ", ")
            test.append(Span("   median (months): ", role: .muted))
            test.append(Span(medians))
        }
        return [line, test]
    }

    static func curves(_ d: OutcomesData, ticks: [Double], ascii: Bool) -> [SurvivalChart.Curve] {
        let r = d.report
        return r.groups.enumerated().map { i, g in
            let atRisk = ticks.map { g.curve.atRisk(at: $0) }
            let marker = SurvivalChart.marker(i, ascii: ascii)
            if d.query.endpoint == .cir {
                let inc = r.cumulativeIncidence.first { $0.name == g.name && $0.event == 1 }
                let steps = (inc?.steps ?? []).filter { $0.events > 0 }.map { (time: $0.time, value: $0.estimate) }
                func at(_ t: Double) -> Double { steps.last { $0.time <= t }?.value ?? 0 }
                let cens = d.patients.filter { $0.group == g.name && $0.status == 0 }.map { (time: $0.months, value: at($0.months)) }
                return SurvivalChart.Curve(name: g.name, steps: steps, censored: cens, atRisk: atRisk, role: .chartSeries(i), marker: marker)
            }
            let steps = g.curve.steps.filter { $0.events > 0 }.map { (time: $0.time, value: $0.survival) }
            let cens = g.curve.steps.filter { $0.censored > 0 }.map { (time: $0.time, value: $0.survival) }
            return SurvivalChart.Curve(name: g.name, steps: steps, censored: cens, atRisk: atRisk, role: .chartSeries(i), marker: marker)
        }
    }

    /// The legend: one entry per group (marker, n, events, median or CIR at 24 months), the selected one highlighted.
    static func legend(_ d: OutcomesData, ascii: Bool) -> [[Span]] {
        let r = d.report
        var out: [[Span]] = []
        for (i, g) in r.groups.enumerated() {
            let m = String(SurvivalChart.marker(i, ascii: ascii))
            out.append([Span(m + " ", role: .chartSeries(i)), Span(g.name, role: .title)])
            out.append([Span("  n \(g.n), \(g.events) event\(g.events == 1 ? "" : "s"), \(g.censored) censored", role: .muted)])
            if d.query.endpoint == .cir {
                let inc = r.cumulativeIncidence.first { $0.name == g.name && $0.event == 1 }
                let v = inc?.steps.last { $0.time <= 24 }?.estimate ?? 0
                out.append([Span("  CIR at 24 mo ", role: .muted), Span(String(format: "%.0f%%", v * 100))])
            } else {
                out.append([Span("  median ", role: .muted), Span(fmt(g.median)),
                            Span(" (" + fmt(g.medianLower) + (ascii ? "-" : "–") + fmt(g.medianUpper) + ")", role: .muted)])
            }
        }
        if let hr = r.hazardRatios.first, !r.hazardRatios.isEmpty {
            out.append([])
            out.append([Span("Cox HR vs \(hr.versus)", role: .muted)])
            for h in r.hazardRatios {
                let text = h.hr.map { String(format: "%.2f", $0) + " (" + fmt2(h.lower) + (ascii ? "-" : "–") + fmt2(h.upper) + ")" } ?? "not estimable"
                out.append([Span("  \(h.group) "), Span(text, role: .muted)])
            }
        }
        return out
    }

    static func fmt2(_ v: Double?) -> String { v.map { String(format: "%.2f", $0) } ?? "?" }

    public static let patientColumns: [TableColumn] = [
        TableColumn("ID", width: .fixed(12)),
        TableColumn("Months", width: .fixed(6), alignment: .right),
        TableColumn("Status", width: .fixed(9)),
        TableColumn("End of follow-up", width: .fill(1)),
    ]

    public static func render(_ s: AppState, into buffer: inout Buffer, area: Rect) {
        let head = header(s)
        for (i, line) in head.enumerated() { buffer.write(spans: line, x: area.x, y: area.y + i, maxWidth: area.width) }
        let body = Rect(x: area.x, y: area.y + 2, width: area.width, height: area.height - 2)
        guard let d = s.outcomes.data else {
            let msg = s.outcomes.problem ?? (s.outcomes.isLoaded ? "No analysis." : "Loading...")
            buffer.write(msg, x: body.x + 2, y: body.y + 1, role: s.outcomes.problem == nil ? .muted : .warning, maxWidth: body.width - 2)
            return
        }
        if let g = s.outcomes.listedGroup {
            renderPatients(s, d, group: g, into: &buffer, area: body)
            return
        }
        let legendW = min(44, max(28, body.width / 3))
        let chartArea = Rect(x: body.x, y: body.y, width: body.width - legendW, height: body.height)
        let legendArea = Rect(x: body.maxX - legendW, y: body.y, width: legendW, height: body.height)
        let maxTime = d.patients.map(\.months).max() ?? 12
        let ticks = SurvivalChart.ticks(maxTime: maxTime)
        SurvivalChart(curves: curves(d, ticks: ticks, ascii: s.ascii), ticks: ticks, maxTime: maxTime,
                      rising: d.query.endpoint == .cir, ascii: s.ascii).render(into: &buffer, area: chartArea)
        let lines = legend(d, ascii: s.ascii)
        let selected = s.outcomes.groups.selected
        let inner = Panel(title: "Groups", isFocused: true, ascii: s.ascii).render(into: &buffer, area: legendArea)
        guard !inner.isEmpty else { return }
        let perGroup = 3
        let first = max(0, min(selected * perGroup - (inner.height - perGroup), lines.count - inner.height))
        for (k, line) in lines.dropFirst(first).prefix(inner.height).enumerated() {
            let y = inner.y + k
            buffer.write(spans: line, x: inner.x + 1, y: y, maxWidth: inner.width - 1)
            let index = first + k
            if index / perGroup == selected && index < d.report.groups.count * perGroup {
                buffer.setRole(.selection, in: Rect(x: inner.x, y: y, width: inner.width, height: 1))
            }
        }
    }

    static func renderPatients(_ s: AppState, _ d: OutcomesData, group: String, into buffer: inout Buffer, area: Rect) {
        let ps = d.patients(of: group)
        let eventName = d.query.endpoint == .cir ? "relapse" : "event"
        buffer.write(spans: [Span(" \(group)", role: .title), Span(": \(ps.count) patients, Enter opens a case, Esc goes back to the curves", role: .muted)],
                     x: area.x, y: area.y, maxWidth: area.width)
        var list = s.outcomes.patientList
        let table = Table(columns: patientColumns, rowCount: ps.count, ascii: s.ascii) { i in
            let p = ps[i]
            let status = p.status == 1 ? eventName : (p.status == 2 ? "competing" : "censored")
            return [Span(p.id), Span(String(format: "%.1f", p.months)),
                    Span(status, role: p.status == 0 ? .muted : .warning), Span(p.outcome ?? Formatting.none(s.ascii))]
        }
        table.render(into: &buffer, area: Rect(x: area.x, y: area.y + 1, width: area.width, height: area.height - 1), state: &list)
    }
}
