import CaseModel
import Foundation
import SurvivalStats

/// `caseboard outcomes … --out FILE.html`: the curves the Outcomes view draws, as an inline SVG (steps, censor marks
/// with one marker shape per group, months on the x-axis, the number-at-risk table under it), with the medians, the
/// log-rank test and the excluded patients. Self-contained, every text escaped. Pure.
public enum OutcomesHTML {
    static func esc(_ s: String) -> String { HTMLText.escape(s) }

    static let colours = ["#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#8c564b", "#e377c2", "#17becf"]

    static func num(_ v: Double) -> String { String(format: "%.1f", v) }
    static func opt(_ v: Double?) -> String { v.map { String(format: "%.1f", $0) } ?? "not reached" }

    /// Ticks every 6, 12, 24 or 60 months (at most 11).
    public static func ticks(maxTime: Double) -> [Double] {
        let step = [6.0, 12, 24, 60].first { maxTime / $0 <= 10 } ?? 120
        let last = max(step, (maxTime / step).rounded(.up) * step)
        return stride(from: 0.0, through: last, by: step).map { $0 }
    }

    /// One group's drawable curve: steps (time, value after), censor marks, number at risk at the ticks.
    struct Curve {
        var name: String
        var steps: [(Double, Double)]
        var censored: [(Double, Double)]
        var atRisk: [Int]
    }

    static func curves(_ result: CohortAnalysis.Result, endpoint: Endpoint, ticks: [Double]) -> [Curve] {
        let r = result.report
        return r.groups.map { g in
            let atRisk = ticks.map { g.curve.atRisk(at: $0) }
            if endpoint == .cir {
                let inc = r.cumulativeIncidence.first { $0.name == g.name && $0.event == 1 }
                let steps = (inc?.steps ?? []).filter { $0.events > 0 }.map { ($0.time, $0.estimate) }
                func at(_ t: Double) -> Double { steps.last { $0.0 <= t }?.1 ?? 0 }
                let cens = result.records.filter { $0.group == g.name && $0.record.status == 0 }.compactMap { rec in
                    rec.record.months.map { ($0, at($0)) }
                }
                return Curve(name: g.name, steps: steps, censored: cens, atRisk: atRisk)
            }
            return Curve(name: g.name, steps: g.curve.steps.filter { $0.events > 0 }.map { ($0.time, $0.survival) },
                         censored: g.curve.steps.filter { $0.censored > 0 }.map { ($0.time, $0.survival) }, atRisk: atRisk)
        }
    }

    /// The marker of group `i` at (x, y): circle, square, triangle, diamond, cross, plus.
    static func marker(_ i: Int, x: Double, y: Double, colour: String) -> String {
        let (xs, ys) = (num(x), num(y))
        switch i % 6 {
        case 0: return "<circle cx=\"\(xs)\" cy=\"\(ys)\" r=\"3\" fill=\"none\" stroke=\"\(colour)\"/>"
        case 1: return "<rect x=\"\(num(x - 3))\" y=\"\(num(y - 3))\" width=\"6\" height=\"6\" fill=\"none\" stroke=\"\(colour)\"/>"
        case 2: return "<path d=\"M\(xs) \(num(y - 3.5))L\(num(x + 3.5)) \(num(y + 3))L\(num(x - 3.5)) \(num(y + 3))Z\" fill=\"none\" stroke=\"\(colour)\"/>"
        case 3: return "<path d=\"M\(xs) \(num(y - 4))L\(num(x + 4)) \(ys)L\(xs) \(num(y + 4))L\(num(x - 4)) \(ys)Z\" fill=\"none\" stroke=\"\(colour)\"/>"
        case 4: return "<path d=\"M\(num(x - 3)) \(num(y - 3))L\(num(x + 3)) \(num(y + 3))M\(num(x - 3)) \(num(y + 3))L\(num(x + 3)) \(num(y - 3))\" stroke=\"\(colour)\"/>"
        default: return "<path d=\"M\(num(x - 4)) \(ys)L\(num(x + 4)) \(ys)M\(xs) \(num(y - 4))L\(xs) \(num(y + 4))\" stroke=\"\(colour)\"/>"
        }
    }

    /// The SVG: plot 720×360 px, then one at-risk row per group.
    public static func svg(_ result: CohortAnalysis.Result, endpoint: Endpoint) -> String {
        let maxTime = result.records.compactMap { $0.record.months }.max() ?? 12
        let ticks = ticks(maxTime: maxTime)
        let cs = curves(result, endpoint: endpoint, ticks: ticks)
        let left = 130.0, top = 20.0, w = 720.0, h = 360.0
        let lastTick = ticks.last ?? 12
        func x(_ t: Double) -> Double { left + min(max(0, t), lastTick) / lastTick * w }
        func y(_ v: Double) -> Double { top + (1 - min(1, max(0, v))) * h }
        let tableTop = top + h + 50
        let height = tableTop + 20 + Double(cs.count) * 18 + 10
        var s = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(Int(left + w + 30))\" height=\"\(Int(height))\" font-family=\"sans-serif\" font-size=\"12\">\n"
        s += "<line x1=\"\(num(left))\" y1=\"\(num(top))\" x2=\"\(num(left))\" y2=\"\(num(top + h))\" stroke=\"#000\"/>\n"
        s += "<line x1=\"\(num(left))\" y1=\"\(num(top + h))\" x2=\"\(num(left + w))\" y2=\"\(num(top + h))\" stroke=\"#000\"/>\n"
        for v in [0.0, 0.25, 0.5, 0.75, 1.0] {
            s += "<text x=\"\(num(left - 6))\" y=\"\(num(y(v) + 4))\" text-anchor=\"end\">\(Int(v * 100))%</text>"
            s += "<line x1=\"\(num(left - 4))\" y1=\"\(num(y(v)))\" x2=\"\(num(left))\" y2=\"\(num(y(v)))\" stroke=\"#000\"/>\n"
        }
        for t in ticks {
            s += "<line x1=\"\(num(x(t)))\" y1=\"\(num(top + h))\" x2=\"\(num(x(t)))\" y2=\"\(num(top + h + 4))\" stroke=\"#000\"/>"
            s += "<text x=\"\(num(x(t)))\" y=\"\(num(top + h + 18))\" text-anchor=\"middle\">\(Int(t))</text>\n"
        }
        s += "<text x=\"\(num(left + w / 2))\" y=\"\(num(top + h + 34))\" text-anchor=\"middle\">months</text>\n"
        for (i, c) in cs.enumerated() {
            let colour = colours[i % colours.count]
            var d = "M\(num(x(0))) \(num(y(endpoint == .cir ? 0 : 1)))"
            var prev = endpoint == .cir ? 0.0 : 1.0
            for (t, v) in c.steps { d += "H\(num(x(t)))V\(num(y(v)))"; prev = v }
            let end = max(c.steps.last?.0 ?? 0, c.censored.map(\.0).max() ?? 0)
            d += "H\(num(x(end)))"
            _ = prev
            s += "<path class=\"curve\" data-group=\"\(esc(c.name))\" d=\"\(d)\" fill=\"none\" stroke=\"\(colour)\" stroke-width=\"1.5\"/>\n"
            for (t, v) in c.censored { s += marker(i, x: x(t), y: y(v), colour: colour) }
            s += "\n"
        }
        s += "<text x=\"4\" y=\"\(num(tableTop))\" font-weight=\"bold\">Number at risk</text>\n"
        for (i, c) in cs.enumerated() {
            let yy = tableTop + 18 + Double(i) * 18
            let colour = colours[i % colours.count]
            s += marker(i, x: 10, y: yy - 4, colour: colour)
            s += "<text x=\"20\" y=\"\(num(yy))\" fill=\"\(colour)\">\(esc(c.name))</text>"
            for (k, t) in ticks.enumerated() where k < c.atRisk.count {
                s += "<text class=\"at-risk\" x=\"\(num(x(t)))\" y=\"\(num(yy))\" text-anchor=\"middle\">\(c.atRisk[k])</text>"
            }
            s += "\n"
        }
        return s + "</svg>"
    }

    /// The whole page.
    public static func page(_ result: CohortAnalysis.Result, endpoint: Endpoint, grouping: CohortGrouping?, isDemo: Bool) -> String {
        let r = result.report
        var h = "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Caseboard outcomes: \(esc(endpoint.rawValue))</title>\n"
        h += "<style>body{font-family:sans-serif;margin:2em}table{border-collapse:collapse}td,th{border:1px solid #999;padding:2px 8px;text-align:right}td:first-child,th:first-child{text-align:left}.demo{color:#b00;font-weight:bold}</style></head><body>\n"
        if isDemo { h += "<p class=\"demo\">SYNTHETIC DEMO DATA</p>\n" }
        h += "<h1>\(esc(endpoint.rawValue))" + (grouping.map { " by \(esc($0.rawValue))" } ?? "") + "</h1>\n"
        if let d = r.definition { h += "<p>\(esc(d))</p>\n" }
        if let c = r.cohort {
            h += "<p>Cohort: " + esc(c.where ?? "every case") + " — \(c.met) met, \(c.notMet) not met, \(c.unknown) unknown of \(c.patients) patients.</p>\n"
        }
        if let lr = r.logRank {
            h += "<p>" + (lr.stratified ? "Stratified log-rank" : "Log-rank") + String(format: ": χ² %.2f, df %d, ", lr.chiSquare, lr.df)
            h += lr.p.map { "p " + ($0 < 0.001 ? "&lt; 0.001" : String(format: "%.4f", $0)) } ?? "p not shown"
            if let n = lr.note { h += " (" + esc(n) + ")" }
            h += "</p>\n"
        }
        h += svg(result, endpoint: endpoint) + "\n"
        h += "<table><tr><th>Group</th><th>n</th><th>events</th><th>censored</th><th>excluded</th><th>median (months)</th><th>95% CI</th></tr>\n"
        for g in r.groups {
            h += "<tr><td>\(esc(g.name))</td><td>\(g.n)</td><td>\(g.events)</td><td>\(g.censored)</td><td>\(g.excluded)</td>"
            h += "<td>\(opt(g.median))</td><td>\(opt(g.medianLower)) – \(opt(g.medianUpper))</td></tr>\n"
        }
        h += "</table>\n"
        if !r.hazardRatios.isEmpty {
            h += "<h2>Hazard ratios (Cox, \(esc(r.ties)) ties)</h2><table><tr><th>Group</th><th>versus</th><th>HR</th><th>95% CI</th><th>p</th></tr>\n"
            for hr in r.hazardRatios {
                h += "<tr><td>\(esc(hr.group))</td><td>\(esc(hr.versus))</td><td>" + (hr.hr.map { String(format: "%.3f", $0) } ?? "—") + "</td>"
                h += "<td>" + (hr.lower.map { String(format: "%.3f", $0) } ?? "—") + " – " + (hr.upper.map { String(format: "%.3f", $0) } ?? "—") + "</td>"
                h += "<td>" + (hr.p.map { String(format: "%.4f", $0) } ?? (hr.note.map(esc) ?? "—")) + "</td></tr>\n"
            }
            h += "</table>\n"
        }
        for n in r.notes { h += "<p>\(esc(n))</p>\n" }
        h += "<h2>Excluded (\(result.excluded.count))</h2><ul>\n"
        for e in result.excluded { h += "<li>\(esc(e.id))" + (e.group.map { " [\(esc($0))]" } ?? "") + ": \(esc(e.reason))</li>\n" }
        return h + "</ul></body></html>\n"
    }
}
