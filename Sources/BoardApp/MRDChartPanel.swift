import ClinicalRules
import CaseModel
import ScreenKit

/// The MRD panel of the case screen: a log-scale chart of every series (one marker style each,
/// undetectable results at their sensitivity with their own glyph, thresholds, therapy and
/// transplant events on the time axis) and, below it, each series' status and its annotated events.
public enum MRDChartPanel {
    static let markers: [Character] = ["●", "■", "▲", "◆", "★", "✚"]
    static let asciiMarkers: [Character] = ["o", "#", "+", "x", "@", "%"]

    /// Reference thresholds drawn for a series (clinical-reference.md §3, display only; ClinicalRules).
    public static func thresholds(for key: MRDSeriesKey, ascii: Bool) -> [LogChart.Threshold] {
        MRDReferenceThreshold.thresholds(for: key, ascii: ascii).map { LogChart.Threshold(value: $0.value, label: $0.label, tag: $0.tag) }
    }

    /// The unit of the y axis, in the panel's title line.
    public static func axisTitle(ascii: Bool) -> String { ascii ? "y: fraction, log10" : "y: fraction, log₁₀" }

    /// "≥1 log rise (+1.4) 2026-05-02 — confirm by 2026-05-30".
    public static func annotation(_ e: MRDEvent, ascii: Bool) -> String {
        let dash = ascii ? "-" : "—"
        var t: String
        switch e.kind {
        case .logRise: t = (ascii ? ">=1 log rise" : "≥1 log rise") + (e.log10Change.map { " (\(Formatting.signed($0)))" } ?? "")
        case .conversion: t = "conversion to positive"
        }
        t += " \(e.date)"
        if let due = e.confirmationDue { t += " \(dash) confirm by \(due)" } else if e.confirmed { t += " \(dash) confirmed" }
        return t
    }

    static func chart(_ d: CaseDetail, ascii: Bool) -> LogChart {
        let series = d.interpretation.mrd.sorted { $0.key < $1.key }
        var chartSeries: [LogChart.Series] = []
        var thresholds: [LogChart.Threshold] = []
        var events: [LogChart.Event] = []
        for (i, s) in series.enumerated() {
            let pts = s.points.map { p -> LogChart.Point in
                if p.detected, let v = p.value { return LogChart.Point(day: p.date.daysSinceEpoch, value: v) }
                return LogChart.Point(day: p.date.daysSinceEpoch, value: p.sensitivity ?? 0, isUndetectable: true)
            }
            chartSeries.append(LogChart.Series(name: seriesName(s.key), points: pts, role: .chartSeries(i),
                                               marker: markers[i % markers.count], asciiMarker: asciiMarkers[i % asciiMarkers.count]))
            for t in MRDChartPanel.thresholds(for: s.key, ascii: ascii) where !thresholds.contains(where: { $0.value == t.value }) { thresholds.append(t) }
            // Log rises are marked on the time axis; every event is annotated in full under the chart.
            for e in s.events where e.kind == .logRise {
                events.append(LogChart.Event(day: e.date.daysSinceEpoch, label: ascii ? ">=1log" : "≥1log", role: .mrdEvent))
            }
        }
        let days = series.flatMap { $0.points.map(\.date.daysSinceEpoch) }
        if let first = days.min() {
            for t in d.patient.therapies where t.start.daysSinceEpoch >= first - 60 {
                events.append(LogChart.Event(day: t.start.daysSinceEpoch, label: t.regimen, role: .chartLabel))
            }
            for t in d.patient.transplants where t.date.daysSinceEpoch >= first - 60 {
                events.append(LogChart.Event(day: t.date.daysSinceEpoch, label: t.type == .allogeneic ? "alloHCT" : "autoHCT", role: .chartLabel))
            }
        }
        return LogChart(series: chartSeries, thresholds: thresholds, events: events, ascii: ascii) { Formatting.month($0) }
    }

    /// "NPM1 qPCR PB"; "MFC BM" when the marker is the method.
    static func seriesName(_ k: MRDSeriesKey) -> String {
        k.marker == k.method.rawValue ? "\(k.marker) \(k.tissue.rawValue)" : k.description
    }

    /// Status and event lines under the chart: the series with the most recent event first, that
    /// event right under its status line (so the first two lines always show it), then the others.
    static func notes(_ d: CaseDetail, ascii: Bool) -> [[Span]] {
        var out: [[Span]] = []
        let sorted = d.interpretation.mrd.sorted { $0.key < $1.key }
        let latestEventDay: (MRDSeriesAssessment) -> Int = { $0.events.map(\.date.daysSinceEpoch).max() ?? Int.min }
        let order = sorted.indices.sorted { a, b in
            let da = latestEventDay(sorted[a]), db = latestEventDay(sorted[b])
            if da != db { return da > db }
            return a < b
        }
        for i in order {
            let s = sorted[i]
            let marker = String(ascii ? asciiMarkers[i % asciiMarkers.count] : markers[i % markers.count])
            var line: [Span] = [Span(marker + " ", role: .chartSeries(i)), Span(seriesName(s.key) + ": "), ClinicalGlyphs.mrdStatus(s.status)]
            if let last = s.latest {
                let v = last.detected ? (last.value.map { Formatting.fraction($0, ascii: ascii) } ?? "detected")
                                      : (last.evaluable ? "undetectable" : "negative, not evaluable")
                line.append(Span("  last \(last.date) \(v)", role: .muted))
            }
            out.append(line)
            for e in s.events.sorted(by: { $0.date > $1.date }) {
                out.append([Span("  " + (ascii ? "! " : "⚠ "), role: .mrdEvent), Span(annotation(e, ascii: ascii), role: .mrdEvent)])
            }
        }
        return out
    }

    /// Rows the notes need so that the most recent event is shown: its series' status and the event.
    static func notesNeeded(_ d: CaseDetail) -> Int {
        d.interpretation.mrd.contains { !$0.events.isEmpty } ? 2 : 1
    }

    public static func render(_ d: CaseDetail?, into buffer: inout Buffer, area: Rect, focused: Bool, ascii: Bool, scroll: Int) {
        guard let d, !d.interpretation.mrd.isEmpty else {
            let msg = d == nil ? "Loading..." : (d?.patient.mrd.isEmpty ?? true ? "No MRD results." : "MRD results not interpreted.")
            LinesPanel(title: CasePanel.mrd.title, lines: [[Span(msg, role: .muted)]], isFocused: focused, ascii: ascii)
                .render(into: &buffer, area: area, scroll: 0)
            return
        }
        let inner = Panel(title: CasePanel.mrd.title, isFocused: focused, ascii: ascii,
                          rightTitle: axisTitle(ascii: ascii)).render(into: &buffer, area: area)
        guard !inner.isEmpty else { return }
        let noteLines = notes(d, ascii: ascii)
        // A small panel drops the chart's legend (the notes carry each series' marker) so that the most
        // recent event stays in view; the chart keeps the rows its evenly spaced decades use, the notes the rest.
        var c = chart(d, ascii: ascii)
        c.showLegend = inner.height >= 12
        let chartMin = c.showLegend ? 7 : 6
        let wanted = min(noteLines.count, max(notesNeeded(d), inner.height / 3))
        var notesH = inner.height >= chartMin + 1 ? min(wanted, max(1, inner.height - chartMin)) : inner.height
        var chartH = inner.height - notesH
        if chartH >= chartMin {
            chartH = c.usedHeight(in: Rect(x: inner.x, y: inner.y, width: inner.width, height: chartH))
            notesH = min(noteLines.count, inner.height - chartH)
            c.render(into: &buffer, area: Rect(x: inner.x, y: inner.y, width: inner.width, height: chartH))
        }
        let notesArea = Rect(x: inner.x, y: inner.y + max(0, chartH), width: inner.width, height: notesH)
        let start = min(max(0, scroll), max(0, noteLines.count - notesH))
        LinesPanel.draw(noteLines, from: start, into: &buffer, area: notesArea, ascii: ascii)
    }
}
