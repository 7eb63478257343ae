import Foundation

/// A time chart with a log10 y-axis (MRD levels): labelled decades (10⁻¹ … 10⁻⁶, or `1e-1` … `1e-6`
/// in ASCII), dates on the x-axis, one marker glyph per series joined by dot lines on a braille canvas
/// (one dot per cell in ASCII), undetectable results drawn at their sensitivity with their own glyph,
/// horizontal threshold lines, vertical event markers with labels, and a legend.
/// x values are days (e.g. `LocalDate.dayNumber`); `dateLabel` turns a day into its axis label.
/// Values ≤ 0 or not finite are never passed to log10: they are drawn on the bottom row.
public struct LogChart {
    public struct Point: Sendable, Equatable {
        public var day: Int
        /// The measured level, or for an undetectable result the assay sensitivity.
        public var value: Double
        public var isUndetectable: Bool
        public init(day: Int, value: Double, isUndetectable: Bool = false) {
            self.day = day; self.value = value; self.isUndetectable = isUndetectable
        }
    }

    public struct Series: Sendable, Equatable {
        public var name: String
        public var points: [Point]
        public var role: Role
        public var marker: Character
        public var asciiMarker: Character
        public init(name: String, points: [Point], role: Role, marker: Character, asciiMarker: Character) {
            self.name = name; self.points = points; self.role = role; self.marker = marker; self.asciiMarker = asciiMarker
        }
    }

    public struct Threshold: Sendable, Equatable {
        public var value: Double
        public var label: String
        public var role: Role
        /// The tag written in the right gutter on the threshold's row (the legend carries `label` in full).
        public var tag: String
        public init(value: Double, label: String, role: Role = .mrdThreshold, tag: String? = nil) {
            self.value = value; self.label = label; self.role = role
            self.tag = tag ?? String(label.split(separator: " ").first.map(String.init)?.prefix(5) ?? "")
        }
    }

    /// Line glyphs of the thresholds, one per threshold in order (Unicode, ASCII): no two thresholds
    /// of a chart share a glyph.
    public static let thresholdGlyphs: [(Character, Character)] = [("╌", "-"), ("┈", "~"), ("═", "="), ("·", ".")]

    public struct Event: Sendable, Equatable {
        public var day: Int
        public var label: String
        public var role: Role
        public init(day: Int, label: String, role: Role = .mrdEvent) { self.day = day; self.label = label; self.role = role }
    }

    public var series: [Series]
    public var thresholds: [Threshold]
    public var events: [Event]
    /// Highest and lowest decades shown (extended when data fall outside).
    public var topDecade: Int
    public var bottomDecade: Int
    /// Day range shown (nil: from the data and events).
    public var dayRange: ClosedRange<Int>?
    public var dateLabel: (Int) -> String
    public var ascii: Bool
    public var showLegend: Bool
    public var undetectableMarker: Character
    public var asciiUndetectableMarker: Character
    public var undetectableLabel: String

    public init(series: [Series], thresholds: [Threshold] = [], events: [Event] = [],
                topDecade: Int = -1, bottomDecade: Int = -6, dayRange: ClosedRange<Int>? = nil,
                ascii: Bool = false, showLegend: Bool = true,
                undetectableMarker: Character = "▽", asciiUndetectableMarker: Character = "v",
                undetectableLabel: String = "undetectable (at sensitivity)",
                dateLabel: @escaping (Int) -> String) {
        self.series = series; self.thresholds = thresholds; self.events = events
        self.topDecade = topDecade; self.bottomDecade = bottomDecade; self.dayRange = dayRange
        self.ascii = ascii; self.showLegend = showLegend; self.undetectableMarker = undetectableMarker
        self.asciiUndetectableMarker = asciiUndetectableMarker; self.undetectableLabel = undetectableLabel
        self.dateLabel = dateLabel
    }

    // MARK: geometry

    /// The computed geometry of a rendered chart (for tests and hit-testing).
    public struct Geometry: Sendable, Equatable {
        /// The plotting area (inside the axes).
        public var plot: Rect
        public var top: Int, bottom: Int
        public var firstDay: Int, lastDay: Int
        public var braille: Bool
        /// Decades per label step: every `labelStep`-th decade from the top is labelled.
        public var labelStep: Int = 1
        /// Cell rows between two labelled decades (the same for every pair: even spacing).
        public var rowsPerStep: Int = 1
        /// The labelled decades, top first; their rows are `rowsPerStep` apart.
        public var labelledDecades: [Int] { Array(stride(from: top, through: bottom, by: -labelStep)) }
        /// Cell row of decade `d` (10^d).
        public func row(ofDecade d: Int) -> Int { row(ofLog: Double(d)) }
        /// Dot row of a log10 value: a labelled decade falls exactly on the first dot of its cell row.
        public func dotRow(ofLog l: Double) -> Int {
            let perCell = braille ? 4 : 1
            let dots = plot.height * perCell
            guard top > bottom, dots > 1, labelStep > 0 else { return 0 }
            let dotsPerDecade = Double(rowsPerStep * perCell) / Double(labelStep)
            let f = Double(top) - min(Double(top), max(Double(bottom), l))
            return min(dots - 1, Int((f * dotsPerDecade).rounded()))
        }
        /// Cell row (absolute) of a log10 value.
        public func row(ofLog l: Double) -> Int { plot.y + dotRow(ofLog: l) / (braille ? 4 : 1) }
        /// Dot row of a value (values ≤ 0 go to the bottom).
        public func dotRow(ofValue v: Double) -> Int {
            guard v > 0, v.isFinite else { return plot.height * (braille ? 4 : 1) - 1 }
            return dotRow(ofLog: log10(v))
        }
        public func dotColumn(ofDay day: Int) -> Int {
            let dots = plot.width * (braille ? 2 : 1)
            guard lastDay > firstDay else { return dots / 2 }
            let f = Double(min(max(day, firstDay), lastDay) - firstDay) / Double(lastDay - firstDay)
            return Int((f * Double(dots - 1)).rounded())
        }
        /// Cell column (absolute) of a day.
        public func column(ofDay day: Int) -> Int { plot.x + dotColumn(ofDay: day) / (braille ? 2 : 1) }
    }

    private var allValues: [Double] {
        series.flatMap { $0.points.map(\.value) } + thresholds.map(\.value)
    }

    /// The y-axis label of decade `d`: "10⁻³" (Unicode) or "1e-3" (ASCII).
    public static func decadeLabel(_ d: Int, ascii: Bool) -> String {
        if ascii { return "1e\(d)" }
        let sup: [Character: Character] = ["0": "⁰", "1": "¹", "2": "²", "3": "³", "4": "⁴", "5": "⁵", "6": "⁶",
                                           "7": "⁷", "8": "⁸", "9": "⁹", "-": "⁻"]
        return "10" + String(String(d).compactMap { sup[$0] })
    }

    public func geometry(in area: Rect) -> Geometry {
        let positives = allValues.filter { $0 > 0 && $0.isFinite }
        var top = topDecade, bottom = bottomDecade
        if let mx = positives.max() { top = max(top, Int(ceil(log10(mx)))) }
        if let mn = positives.min() { bottom = min(bottom, Int(floor(log10(mn)))) }
        if top <= bottom { top = bottom + 1 }
        let days = series.flatMap { $0.points.map(\.day) } + events.map(\.day)
        let first = dayRange?.lowerBound ?? days.min() ?? 0
        let last = dayRange?.upperBound ?? days.max() ?? first
        let labelW = (bottom...top).map { DisplayWidth.of(LogChart.decadeLabel($0, ascii: ascii)) }.max() ?? 4
        let legendH = showLegend ? 1 : 0
        let gutter = gutterWidth(plotWidth: area.width - labelW - 1)
        let available = area.height - 2 - legendH
        let (step, rows) = LogChart.decadeSpacing(span: top - bottom, rows: available)
        // The plot keeps the rows the evenly spaced decades need; the spare rows stay blank above it.
        let used = available < 2 ? available : min(available, rows * (top - bottom) / step + 1)
        let plot = Rect(x: area.x + labelW + 1, y: area.y + (available - used), width: area.width - labelW - 1 - gutter, height: used)
        var geo = Geometry(plot: plot, top: top, bottom: bottom, firstDay: first, lastDay: last, braille: !ascii)
        geo.labelStep = step; geo.rowsPerStep = rows
        return geo
    }

    /// The decade step and the rows between labelled decades for `span` decades in `rows` cell rows:
    /// the smallest step whose labels fit one per row at least, with as many rows between them as fit
    /// (the whole span, `rowsPerStep × span / step` rows rounded down, fits under the top row).
    /// Stable: the rows it uses give the same answer.
    public static func decadeSpacing(span: Int, rows: Int) -> (step: Int, rowsPerStep: Int) {
        guard span > 0, rows > 1 else { return (max(1, span), 1) }
        for k in 1...span {
            var g = 0
            while (g + 1) * span / k <= rows - 1 { g += 1 }
            if g >= 1 { return (k, g) }
        }
        return (span, 1)
    }

    /// The rows the chart uses in `area` (plot, axis, dates, legend): render it in that many rows to leave no
    /// blank rows above the plot.
    public func usedHeight(in area: Rect) -> Int {
        let geo = geometry(in: area)
        return min(area.height, geo.plot.height + 2 + (showLegend ? 1 : 0))
    }

    /// The right gutter holding the threshold tags (none when the plot would get too narrow).
    func gutterWidth(plotWidth: Int) -> Int {
        let tags = thresholds.filter { $0.value > 0 && $0.value.isFinite }.map { DisplayWidth.of($0.tag) }
        guard let w = tags.max(), w > 0 else { return 0 }
        return plotWidth - (w + 1) >= 16 ? w + 1 : 0
    }

    // MARK: rendering

    public func render(into buffer: inout Buffer, area: Rect) {
        let geo = geometry(in: area)
        let plot = geo.plot
        guard plot.width >= 4, plot.height >= 2 else {
            buffer.write(TextFit.truncate("chart: too small", to: area.width), x: area.x, y: area.y, role: .muted)
            return
        }
        let g = Glyphs.forASCII(ascii)
        buffer.fill(area)
        // Y axis with decade labels.
        let axisX = plot.x - 1
        for y in plot.y..<plot.maxY { buffer.write(String(g.vertical), x: axisX, y: y, role: .chartAxis) }
        for d in geo.labelledDecades {
            let y = geo.row(ofDecade: d)
            let label = LogChart.decadeLabel(d, ascii: ascii)
            buffer.write(label, x: axisX - DisplayWidth.of(label), y: y, role: .chartLabel)
            buffer.write(String(g.teeLeft), x: axisX, y: y, role: .chartAxis)
        }
        // X axis and date labels.
        let axisY = plot.maxY
        buffer.write(String(g.bottomLeft), x: axisX, y: axisY, role: .chartAxis)
        for x in plot.x..<plot.maxX { buffer.write(String(g.horizontal), x: x, y: axisY, role: .chartAxis) }
        drawDateLabels(into: &buffer, geo: geo, axisY: axisY, glyphs: g)
        // Threshold lines (under everything else), each with its own glyph, tagged in the right gutter
        // outside the plot, where no event line or series reaches.
        var gutterNext: [Int: Int] = [:]
        for (i, t) in thresholds.enumerated() where t.value > 0 && t.value.isFinite {
            let y = geo.row(ofLog: log10(t.value))
            let glyph = thresholdGlyph(i)
            for x in plot.x..<plot.maxX where buffer[x, y].text == " " {
                buffer.write(String(glyph), x: x, y: y, role: t.role)
            }
            let gx = gutterNext[y] ?? plot.maxX
            let room = area.maxX - gx - (gx == plot.maxX ? 0 : 1)
            if room >= DisplayWidth.of(t.tag), !t.tag.isEmpty {
                let x = gx == plot.maxX ? gx : gx + 1
                if gx != plot.maxX { buffer.write("/", x: gx, y: y, role: t.role) }
                buffer.write(t.tag, x: x, y: y, role: t.role)
                gutterNext[y] = x + DisplayWidth.of(t.tag)
            }
        }
        // Event markers: a vertical line and a label in the top rows.
        var labelRowsUsed: [[Range<Int>]] = [[], []]
        for e in events.sorted(by: { $0.day < $1.day }) {
            let x = geo.column(ofDay: e.day)
            for y in plot.y..<plot.maxY { buffer.write(ascii ? ":" : "┊", x: x, y: y, role: e.role) }
            buffer.write(String(g.teeUp), x: x, y: axisY, role: e.role)
            let w = min(DisplayWidth.of(e.label), max(1, plot.maxX - x - 1))
            let span = (x + 1)..<(x + 1 + w)
            for r in 0..<labelRowsUsed.count where !labelRowsUsed[r].contains(where: { $0.overlaps(span) }) {
                buffer.write(TextFit.truncate(e.label, to: w, ellipsis: g.ellipsis), x: x + 1, y: plot.y + r, role: e.role)
                labelRowsUsed[r].append((span.lowerBound)..<(span.upperBound + 1))
                break
            }
        }
        // Series: dot lines joining the points, then the markers on top.
        var canvas = DotCanvas(width: plot.width, height: plot.height, braille: !ascii)
        for s in series {
            let pts = s.points.sorted { $0.day < $1.day }.map { (x: geo.dotColumn(ofDay: $0.day), y: geo.dotRow(ofValue: $0.value)) }
            for (a, b) in zip(pts, pts.dropFirst()) { canvas.line(from: a, to: b, role: s.role) }
        }
        // Lines only where nothing but background, threshold or event lines was drawn.
        for y in plot.y..<plot.maxY {
            for x in plot.x..<plot.maxX {
                guard let c = canvas.cell(cellX: x - plot.x, cellY: y - plot.y) else { continue }
                let existing = buffer[x, y].text
                if existing == " " || thresholdLineTexts.contains(existing) || existing == "┊" || existing == ":" { buffer[x, y] = c }
            }
        }
        for s in series {
            for p in s.points {
                let x = geo.column(ofDay: p.day)
                let y = plot.y + geo.dotRow(ofValue: p.value) / (ascii ? 1 : 4)
                let glyph: Character = p.isUndetectable || !(p.value > 0) || !p.value.isFinite
                    ? (ascii ? asciiUndetectableMarker : undetectableMarker)
                    : (ascii ? s.asciiMarker : s.marker)
                buffer[x, y] = Cell(text: String(glyph), role: s.role)
            }
        }
        if showLegend { drawLegend(into: &buffer, area: area) }
    }

    /// The line glyph of the i-th threshold.
    public func thresholdGlyph(_ i: Int) -> Character {
        let g = LogChart.thresholdGlyphs[i % LogChart.thresholdGlyphs.count]
        return ascii ? g.1 : g.0
    }

    private var thresholdLineTexts: Set<String> { Set(thresholds.indices.map { String(thresholdGlyph($0)) }) }

    private func drawDateLabels(into buffer: inout Buffer, geo: Geometry, axisY: Int, glyphs g: Glyphs) {
        let plot = geo.plot
        let y = axisY + 1
        let sample = dateLabel(geo.firstDay)
        let lw = max(1, DisplayWidth.of(sample))
        var days: [Int]
        if geo.lastDay <= geo.firstDay { days = [geo.firstDay] }
        else {
            let n = max(2, min(8, (plot.width + 2) / (lw + 3)))
            days = (0..<n).map { geo.firstDay + (geo.lastDay - geo.firstDay) * $0 / (n - 1) }
        }
        var nextFree = plot.x - 1
        for d in days {
            let label = dateLabel(d)
            let w = DisplayWidth.of(label)
            let cx = geo.column(ofDay: d)
            let x = min(max(cx - w / 2, plot.x - 1, nextFree), plot.maxX - w)
            guard x >= nextFree, x + w <= plot.maxX else { continue }
            buffer.write(label, x: x, y: y, role: .chartLabel)
            buffer.write(String(g.teeDown), x: cx, y: axisY, role: .chartAxis)
            nextFree = x + w + 2
        }
    }

    private func drawLegend(into buffer: inout Buffer, area: Rect) {
        let y = area.maxY - 1
        var x = area.x
        var items: [(String, Role)] = series.map { (String(ascii ? $0.asciiMarker : $0.marker) + " " + $0.name, $0.role) }
        if series.contains(where: { $0.points.contains { $0.isUndetectable } }) {
            items.append((String(ascii ? asciiUndetectableMarker : undetectableMarker) + " " + undetectableLabel, .mrdNegative))
        }
        for (i, t) in thresholds.enumerated() { items.append((String(repeating: thresholdGlyph(i), count: 2) + " " + t.label, t.role)) }
        for (text, role) in items {
            let w = DisplayWidth.of(text)
            if x + w > area.maxX { break }
            buffer.write(text, x: x, y: y, role: role)
            x += w + 2
        }
    }
}
