import Foundation
import ScreenKit

/// Step curves (Kaplan–Meier survival falling from 100 %, or cumulative incidence rising from 0 %) on the braille
/// canvas, as the MRD chart draws its series: a y-axis in percent, months on the x-axis, one marker style per group
/// for the censor marks, and the number-at-risk table under the axis. Pure drawing of precomputed curves.
struct SurvivalChart {
    struct Curve {
        var name: String
        /// (time, value after the step) in time order; the curve starts at (0, `start`).
        var steps: [(time: Double, value: Double)]
        /// Times and values of the censor marks.
        var censored: [(time: Double, value: Double)]
        /// Number at risk at each tick (same order as `ticks`).
        var atRisk: [Int]
        var role: Role
        var marker: Character
    }

    var curves: [Curve]
    /// Months where the x-axis is labelled and the at-risk table counts.
    var ticks: [Double]
    var maxTime: Double
    /// Survival curves start at 1 and fall; incidence curves start at 0 and rise.
    var rising: Bool
    var ascii: Bool

    static let markers: [Character] = ["●", "■", "▲", "◆", "★", "✚"]
    static let asciiMarkers: [Character] = ["o", "#", "+", "x", "@", "%"]
    static func marker(_ i: Int, ascii: Bool) -> Character {
        ascii ? asciiMarkers[i % asciiMarkers.count] : markers[i % markers.count]
    }

    /// Ticks every 6, 12, 24 or 60 months so that at most 11 fit the follow-up.
    static func ticks(maxTime: Double) -> [Double] {
        let step = [6.0, 12, 24, 60].first { maxTime / $0 <= 10 } ?? 120
        let last = max(step, (maxTime / step).rounded(.up) * step)
        return stride(from: 0.0, through: last, by: step).map { $0 }
    }

    /// Rows the at-risk table takes (a title row and one per curve).
    var atRiskRows: Int { 1 + curves.count }

    func render(into buffer: inout Buffer, area: Rect) {
        let g = Glyphs.forASCII(ascii)
        let labelW = 4
        let tableH = atRiskRows
        let nameW = min(12, max(6, curves.map { $0.name.count + 2 }.max() ?? 6))
        let plotX = area.x + max(labelW + 1, nameW)
        let plot = Rect(x: plotX, y: area.y, width: area.maxX - plotX - 1, height: area.height - 2 - tableH)
        guard plot.width >= 8, plot.height >= 3 else {
            buffer.write("chart: too small", x: area.x, y: area.y, role: .muted, maxWidth: area.width)
            return
        }
        let braille = !ascii
        let dotsW = plot.width * (braille ? 2 : 1), dotsH = plot.height * (braille ? 4 : 1)
        let lastTick = ticks.last ?? max(1, maxTime)
        func dx(_ t: Double) -> Int { Int((min(max(0, t), lastTick) / lastTick * Double(dotsW - 1)).rounded()) }
        func dy(_ v: Double) -> Int { Int(((1 - min(1, max(0, v))) * Double(dotsH - 1)).rounded()) }
        func cellX(_ t: Double) -> Int { plot.x + dx(t) / (braille ? 2 : 1) }
        func cellY(_ v: Double) -> Int { plot.y + dy(v) / (braille ? 4 : 1) }
        // Y axis: 0 %, 25 %, 50 %, 75 %, 100 %.
        let axisX = plot.x - 1
        for y in plot.y..<plot.maxY { buffer.write(String(g.vertical), x: axisX, y: y, role: .chartAxis) }
        for v in [0.0, 0.25, 0.5, 0.75, 1.0] {
            let label = "\(Int(v * 100))%"
            let y = cellY(v)
            buffer.write(label, x: axisX - label.count, y: y, role: .chartLabel)
            buffer.write(String(g.teeLeft), x: axisX, y: y, role: .chartAxis)
        }
        // X axis with month ticks.
        let axisY = plot.maxY
        buffer.write(String(g.bottomLeft), x: axisX, y: axisY, role: .chartAxis)
        for x in plot.x..<plot.maxX { buffer.write(String(g.horizontal), x: x, y: axisY, role: .chartAxis) }
        var nextFree = area.x
        var tickColumns: [Int?] = []
        for t in ticks {
            let cx = cellX(t)
            let label = t == 0 ? "0" : String(Int(t))
            let x = min(max(cx - label.count / 2, nextFree), area.maxX - label.count)
            if x >= nextFree {
                buffer.write(String(g.teeDown), x: cx, y: axisY, role: .chartAxis)
                buffer.write(label, x: x, y: axisY + 1, role: .chartLabel)
                nextFree = x + label.count + 1
                tickColumns.append(cx)
            } else { tickColumns.append(nil) }
        }
        // The curves: horizontal to the next step time, then vertical to the new value.
        var canvas = DotCanvas(width: plot.width, height: plot.height, braille: braille)
        for c in curves {
            var prev = (x: 0, y: dy(rising ? 0 : 1))
            for s in c.steps {
                let x = dx(s.time), y = dy(s.value)
                canvas.line(from: prev, to: (x, prev.y), role: c.role)
                canvas.line(from: (x, prev.y), to: (x, y), role: c.role)
                prev = (x, y)
            }
            let end = c.censored.map(\.time).max().map { max($0, c.steps.last?.time ?? 0) } ?? (c.steps.last?.time ?? 0)
            canvas.line(from: prev, to: (dx(end), prev.y), role: c.role)
        }
        canvas.render(into: &buffer, x: plot.x, y: plot.y)
        // Censor marks: the group's marker, one per cell.
        for c in curves {
            var seen = Set<Int>()
            for m in c.censored {
                let x = cellX(m.time), y = cellY(m.value)
                guard seen.insert(y * 10_000 + x).inserted else { continue }
                buffer[x, y] = Cell(text: String(c.marker), role: c.role)
            }
        }
        // Number at risk under the axis, aligned on the ticks.
        let tableY = axisY + 2
        buffer.write("At risk", x: area.x, y: tableY, role: .title, maxWidth: nameW + 1)
        let unitLabel = "(x: months)"
        if area.width > nameW + unitLabel.count + 2 { buffer.write(unitLabel, x: area.maxX - unitLabel.count - 1, y: tableY, role: .muted) }
        for (i, c) in curves.enumerated() {
            let y = tableY + 1 + i
            guard y < area.maxY else { break }
            let name = TextFit.truncate(String(c.marker) + " " + c.name, to: nameW - 1, ellipsis: g.ellipsis)
            buffer.write(name, x: area.x, y: y, role: c.role)
            var free = area.x + nameW
            for (k, col) in tickColumns.enumerated() {
                guard let cx = col, k < c.atRisk.count else { continue }
                let text = String(c.atRisk[k])
                let x = min(max(cx - text.count / 2, free), area.maxX - text.count)
                guard x >= free else { continue }
                buffer.write(text, x: x, y: y, role: .normal)
                free = x + text.count + 1
            }
        }
    }
}
