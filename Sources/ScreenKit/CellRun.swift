/// A run of consecutive changed cells on one row, as `Buffer.diff(from:)` returns them.
public struct CellRun: Equatable, Sendable {
    public var x: Int
    public var y: Int
    public var cells: [Cell]
    public init(x: Int, y: Int, cells: [Cell]) { self.x = x; self.y = y; self.cells = cells }
}

extension Buffer {
    /// The runs of cells that differ from `old` (every row when `old` is nil or of another size).
    /// A run never starts on the second half of a wide glyph: it is extended back to the glyph.
    public func diff(from old: Buffer?) -> [CellRun] {
        let full = old.map { $0.width != width || $0.height != height } ?? true
        var runs: [CellRun] = []
        for y in 0..<height {
            var x = 0
            while x < width {
                let i = y * width + x
                if !full, let o = old, o.cells[i] == cells[i] { x += 1; continue }
                var start = x
                while start > 0 && cells[y * width + start].isContinuation { start -= 1 }
                if let last = runs.last, last.y == y, last.x + last.cells.count > start {
                    start = last.x + last.cells.count
                }
                var end = x + 1
                while end < width {
                    let j = y * width + end
                    if !full, let o = old, o.cells[j] == cells[j], !cells[j].isContinuation { break }
                    end += 1
                }
                let slice = Array(cells[(y * width + start)..<(y * width + end)])
                if let last = runs.last, last.y == y, last.x + last.cells.count == start {
                    runs[runs.count - 1].cells += slice
                } else if !slice.isEmpty {
                    runs.append(CellRun(x: start, y: y, cells: slice))
                }
                x = end
            }
        }
        return runs
    }
}
