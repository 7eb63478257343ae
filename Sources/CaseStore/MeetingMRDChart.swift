import CaseModel
import ClinicalRules
import Foundation

/// The MRD chart of the board record as inline SVG: log10 y-axis with decades 10⁻¹…10⁻⁶, one series
/// per marker × method × tissue (each with its own colour AND marker shape), undetectable results
/// drawn at their assay sensitivity with a hollow down-pointing triangle. Deterministic text.
public enum MeetingMRDChart {
    static let width = 640.0, height = 280.0, left = 64.0, right = 190.0, top = 16.0, bottom = 40.0
    static let topDecade = -1, bottomDecade = -6
    static let colours = ["#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#17becf"]
    static let shapes = ["circle", "square", "triangle", "diamond", "cross", "star"]

    /// "10⁻³"
    public static func decadeLabel(_ e: Int) -> String { "10" + superscript(e) }

    static func superscript(_ n: Int) -> String {
        let map: [Character: String] = ["-": "⁻", "0": "⁰", "1": "¹", "2": "²", "3": "³", "4": "⁴", "5": "⁵", "6": "⁶",
                                        "7": "⁷", "8": "⁸", "9": "⁹"]
        return String(n).map { map[$0] ?? String($0) }.joined()
    }

    /// 0.0012 → "1.2×10⁻³".
    public static func scientific(_ v: Double) -> String {
        guard v > 0, v.isFinite else { return "0" }
        var e = Int(floor(log10(v)))
        var m = v / pow(10, Double(e))
        if (m * 10).rounded() / 10 >= 10 { m /= 10; e += 1 }
        return String(format: "%.1f", m) + "×" + decadeLabel(e)
    }

    static func f(_ x: Double) -> String { String(format: "%.1f", x) }

    /// The SVG, or nil when the patient has no MRD result. `series` (the rules' reading of the results)
    /// adds the conversion / ≥1 log rise events with their confirm-by dates; the reference thresholds of
    /// every series drawn are dashed lines (one dash pattern each) labelled in the right margin. A value
    /// outside 10⁻¹…10⁻⁶ is never clipped silently: it is drawn on the edge as ▲ / ▼ with its value printed.
    public static func svg(_ results: [MRDResult], series assessments: [MRDSeriesAssessment] = [], asOf: LocalDate? = nil) -> String? {
        guard !results.isEmpty else { return nil }
        let pw = width - left - right, ph = height - top - bottom
        let series = Dictionary(grouping: results) { "\($0.marker) \($0.method.rawValue) \($0.tissue.rawValue)" }
            .map { (key: $0.key, points: $0.value.sorted { $0.date < $1.date }) }.sorted { $0.key < $1.key }
        // Events up to the record's date, in date order, numbered on the chart and listed under it.
        let events = assessments.flatMap { a in a.events.map { (series: "\(a.marker) \(a.method.rawValue) \(a.tissue.rawValue)", event: $0) } }
            .filter { item in asOf.map { item.event.date <= $0 } ?? true }
            .sorted { ($0.event.date, $0.series) < ($1.event.date, $1.series) }
        let dates = results.map(\.date) + events.map(\.event.date) + events.compactMap(\.event.confirmationDue)
        guard let minDate = dates.min(), let maxDate = dates.max() else { return nil }
        let span = Double(max(1, minDate.days(until: maxDate)))
        func x(_ d: LocalDate) -> Double {
            minDate == maxDate ? left + pw / 2 : left + Double(minDate.days(until: d)) / span * pw
        }
        func y(_ v: Double) -> Double {
            let l = min(Double(topDecade), max(Double(bottomDecade), log10(max(v, 1e-12))))
            return top + (Double(topDecade) - l) / Double(topDecade - bottomDecade) * ph
        }
        var thresholds: [MRDReferenceThreshold] = []
        for key in Set(results.map(\.seriesKey)).sorted() {
            for t in MRDReferenceThreshold.thresholds(for: key) where !thresholds.contains(where: { $0.value == t.value }) { thresholds.append(t) }
        }
        let legendRows = series.count + 1 + events.count
        let fullHeight = height + Double(legendRows) * 16 + 8
        var s = "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"mrd-chart\" width=\"\(Int(width))\" height=\"\(Int(fullHeight))\" viewBox=\"0 0 \(Int(width)) \(Int(fullHeight))\" role=\"img\" aria-label=\"MRD chart, log scale from 10^-1 to 10^-6\">\n"
        s += "<rect x=\"\(f(left))\" y=\"\(f(top))\" width=\"\(f(pw))\" height=\"\(f(ph))\" fill=\"none\" stroke=\"#888\"/>\n"
        for e in stride(from: topDecade, through: bottomDecade, by: -1) {
            let yy = y(pow(10, Double(e)))
            s += "<line class=\"decade\" x1=\"\(f(left))\" y1=\"\(f(yy))\" x2=\"\(f(left + pw))\" y2=\"\(f(yy))\" stroke=\"#ddd\"/>"
            s += "<text x=\"\(f(left - 6))\" y=\"\(f(yy + 4))\" text-anchor=\"end\" font-size=\"11\">\(decadeLabel(e))</text>\n"
        }
        // Reference thresholds: one dash pattern each, labelled in the right margin (outside the plot).
        let dashes = ["6 3", "2 2", "10 3 2 3", "1 4"]
        for (i, t) in thresholds.enumerated() {
            let yy = y(t.value)
            s += "<line class=\"threshold\" x1=\"\(f(left))\" y1=\"\(f(yy))\" x2=\"\(f(left + pw))\" y2=\"\(f(yy))\" stroke=\"#a05a00\" stroke-dasharray=\"\(dashes[i % dashes.count])\"/>"
            s += "<text class=\"threshold-label\" x=\"\(f(left + pw + 6))\" y=\"\(f(yy + 4))\" font-size=\"10\" fill=\"#a05a00\">\(MeetingExport.escapeHTML(t.label))</text>\n"
        }
        var ticks = [minDate]
        if maxDate != minDate {
            if span > 60 { ticks.append(minDate.adding(days: Int(span / 2))) }
            ticks.append(maxDate)
        }
        for d in ticks {
            s += "<text x=\"\(f(x(d)))\" y=\"\(f(top + ph + 16))\" text-anchor=\"middle\" font-size=\"11\">\(d)</text>\n"
        }
        s += "<text x=\"14\" y=\"\(f(top + ph / 2))\" font-size=\"11\" transform=\"rotate(-90 14 \(f(top + ph / 2)))\" text-anchor=\"middle\">MRD (fraction, log10)</text>\n"
        // Events: a numbered vertical line; the confirm-by date a numbered hollow diamond on the time axis.
        for (n, item) in events.enumerated() {
            let ex = x(item.event.date)
            s += "<line class=\"event\" x1=\"\(f(ex))\" y1=\"\(f(top))\" x2=\"\(f(ex))\" y2=\"\(f(top + ph))\" stroke=\"#c00\" stroke-dasharray=\"3 3\"/>"
            s += "<text class=\"event-number\" x=\"\(f(ex + 3))\" y=\"\(f(top + 10))\" font-size=\"10\" fill=\"#c00\">\(n + 1)</text>\n"
            if let due = item.event.confirmationDue {
                let dx = x(due), dy = top + ph
                s += "<polygon class=\"confirm-by\" points=\"\(f(dx)),\(f(dy - 5)) \(f(dx + 5)),\(f(dy)) \(f(dx)),\(f(dy + 5)) \(f(dx - 5)),\(f(dy))\" fill=\"white\" stroke=\"#c00\"><title>\(n + 1): confirm by \(due)</title></polygon>"
                s += "<text class=\"confirm-by-number\" x=\"\(f(dx + 6))\" y=\"\(f(dy - 6))\" font-size=\"10\" fill=\"#c00\">\(n + 1)</text>\n"
            }
        }
        let topValue = pow(10, Double(topDecade)), bottomValue = pow(10, Double(bottomDecade))
        for (i, serie) in series.enumerated() {
            let colour = colours[i % colours.count], shape = shapes[i % shapes.count]
            let plotted = serie.points.map { r -> (LocalDate, Double, Bool) in
                r.detected ? (r.date, r.value ?? 0, true) : (r.date, r.sensitivity ?? bottomValue, false)
            }
            s += "<g class=\"series\" data-series=\"\(MeetingExport.escapeHTML(serie.key))\">\n"
            if plotted.count > 1 {
                s += "<polyline fill=\"none\" stroke=\"\(colour)\" stroke-width=\"1.5\" points=\""
                    + plotted.map { "\(f(x($0.0))),\(f(y($0.1)))" }.joined(separator: " ") + "\"/>\n"
            }
            for (d, v, detected) in plotted {
                let above = detected && v > topValue, below = detected && v > 0 && v < bottomValue
                let clamp = above ? " (above 10⁻¹: drawn on the top edge)" : (below ? " (below 10⁻⁶: drawn on the bottom edge)" : "")
                let title = detected ? "\(serie.key) \(d): \(scientific(v))\(clamp)"
                    : "\(serie.key) \(d): undetectable" + (v > 0 ? " at sensitivity \(scientific(v))" : "")
                if above || below {
                    // Out of the drawn range: an arrow on the edge and the value printed, never a silent clip.
                    let cx = x(d), cy = y(v)
                    let pts = above ? "\(f(cx)),\(f(cy - 6)) \(f(cx + 5)),\(f(cy + 3)) \(f(cx - 5)),\(f(cy + 3))"
                                    : "\(f(cx)),\(f(cy + 6)) \(f(cx + 5)),\(f(cy - 3)) \(f(cx - 5)),\(f(cy - 3))"
                    s += "<polygon class=\"out-of-range\" points=\"\(pts)\" fill=\"\(colour)\"><title>\(MeetingExport.escapeHTML(title))</title></polygon>"
                    s += "<text class=\"out-of-range-value\" x=\"\(f(cx + 7))\" y=\"\(f(above ? cy + 12 : cy - 6))\" font-size=\"10\" fill=\"\(colour)\">\(above ? "▲" : "▼") \(scientific(v))</text>\n"
                } else {
                    s += marker(detected ? shape : "undetectable", cx: x(d), cy: y(v), colour: colour, title: title) + "\n"
                }
            }
            s += "</g>\n"
        }
        // Legend and the event list under the chart.
        var ly = height + 4
        for (i, serie) in series.enumerated() {
            let colour = colours[i % colours.count], shape = shapes[i % shapes.count]
            s += marker(shape, cx: left + 6, cy: ly, colour: colour, title: serie.key)
            s += "<text x=\"\(f(left + 18))\" y=\"\(f(ly + 4))\" font-size=\"11\">\(MeetingExport.escapeHTML(serie.key))</text>\n"
            ly += 16
        }
        s += marker("undetectable", cx: left + 6, cy: ly, colour: "#555", title: "undetectable")
        s += "<text x=\"\(f(left + 18))\" y=\"\(f(ly + 4))\" font-size=\"11\">undetectable (at sensitivity)</text>\n"
        for (n, item) in events.enumerated() {
            ly += 16
            s += "<text class=\"event-note\" x=\"\(f(left))\" y=\"\(f(ly + 4))\" font-size=\"11\" fill=\"#c00\">\(MeetingExport.escapeHTML("\(n + 1). " + eventText(item.event, series: item.series)))</text>\n"
        }
        s += "</svg>"
        return s
    }

    /// "NPM1 qPCR PB: ≥1 log rise (+1.2) 2026-10-02 — confirm by 2026-10-30".
    public static func eventText(_ e: MRDEvent, series: String) -> String {
        var t = series + ": "
        switch e.kind {
        case .logRise: t += "≥1 log rise" + (e.log10Change.map { String(format: " (%+.1f)", $0) } ?? "")
        case .conversion: t += "conversion to positive"
        }
        t += " \(e.date)"
        if let due = e.confirmationDue { t += " — confirm by \(due)" } else if e.confirmed { t += " — confirmed" }
        return t
    }

    static func marker(_ shape: String, cx: Double, cy: Double, colour: String, title: String) -> String {
        let t = "<title>\(MeetingExport.escapeHTML(title))</title>"
        let r = 4.0
        switch shape {
        case "square":
            return "<rect class=\"point\" x=\"\(f(cx - r))\" y=\"\(f(cy - r))\" width=\"\(f(2 * r))\" height=\"\(f(2 * r))\" fill=\"\(colour)\">\(t)</rect>"
        case "triangle":
            return "<polygon class=\"point\" points=\"\(f(cx)),\(f(cy - r)) \(f(cx + r)),\(f(cy + r)) \(f(cx - r)),\(f(cy + r))\" fill=\"\(colour)\">\(t)</polygon>"
        case "diamond":
            return "<polygon class=\"point\" points=\"\(f(cx)),\(f(cy - r)) \(f(cx + r)),\(f(cy)) \(f(cx)),\(f(cy + r)) \(f(cx - r)),\(f(cy))\" fill=\"\(colour)\">\(t)</polygon>"
        case "cross":
            return "<path class=\"point\" d=\"M\(f(cx - r)),\(f(cy - r))L\(f(cx + r)),\(f(cy + r))M\(f(cx + r)),\(f(cy - r))L\(f(cx - r)),\(f(cy + r))\" stroke=\"\(colour)\" stroke-width=\"2\">\(t)</path>"
        case "star":
            return "<path class=\"point\" d=\"M\(f(cx)),\(f(cy - r))V\(f(cy + r))M\(f(cx - r)),\(f(cy))H\(f(cx + r))\" stroke=\"\(colour)\" stroke-width=\"2\">\(t)</path>"
        case "undetectable":
            return "<polygon class=\"undetectable\" points=\"\(f(cx - r)),\(f(cy - r)) \(f(cx + r)),\(f(cy - r)) \(f(cx)),\(f(cy + r))\" fill=\"white\" stroke=\"\(colour)\" stroke-width=\"1.5\">\(t)</polygon>"
        default:
            return "<circle class=\"point\" cx=\"\(f(cx))\" cy=\"\(f(cy))\" r=\"\(f(r))\" fill=\"\(colour)\">\(t)</circle>"
        }
    }
}
