import CaseModel
import ScreenKit

/// Candidates listed under a heading per verdict (eligible, possibly eligible, ineligible), with the
/// selection — an index into the candidates, which are ordered by verdict — mapped onto the display lines.
/// Used by the trial detail and the screening screens.
struct VerdictGroupedList {
    /// Number of candidates per verdict, in `Verdict.allCases` order (the candidates' own order).
    let counts: [Verdict: Int]
    let selected: Int
    let isFocused: Bool
    let ascii: Bool

    enum Line { case heading(Verdict, Int), candidate(Int) }

    /// The display lines and the line of the selected candidate.
    var lines: (lines: [Line], selectedLine: Int) {
        var lines: [Line] = []
        var selectedLine = 0
        var k = 0
        for v in Verdict.allCases {
            let n = counts[v] ?? 0
            guard n > 0 else { continue }
            lines.append(.heading(v, n))
            for _ in 0..<n {
                if k == selected { selectedLine = lines.count }
                lines.append(.candidate(k)); k += 1
            }
        }
        return (lines, selectedLine)
    }

    /// Renders the list; `candidate(i)` gives the spans of the i-th candidate.
    func render(into buffer: inout Buffer, area: Rect, candidate: @escaping (Int) -> [Span]) {
        let (lines, selectedLine) = self.lines
        var l = ListState(selected: selectedLine, offset: 0)
        ListView(rowCount: lines.count, isFocused: isFocused, ascii: ascii) { i in
            switch lines[i] {
            case .heading(let v, let n):
                return [Span(ClinicalGlyphs.verdictHeading(v, ascii: ascii) + " (\(n))", role: ClinicalGlyphs.verdictRole(v))]
            case .candidate(let c):
                return candidate(c)
            }
        }.render(into: &buffer, area: area, state: &l)
    }
}
