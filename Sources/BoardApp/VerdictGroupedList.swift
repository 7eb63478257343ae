import CaseModel
import ScreenKit

/// Candidates listed under a heading per verdict (eligible, possibly eligible, ineligible), with the
/// selection — an index into the candidates, which are ordered by verdict — mapped onto the display lines.
/// Used by the trial detail and the screening screens. The lines are computed from the counts (no array of every
/// line is built per frame: a trial may have 100,000 candidates).
struct VerdictGroupedList {
    /// Number of candidates per verdict, in `Verdict.allCases` order (the candidates' own order).
    let counts: [Verdict: Int]
    let selected: Int
    let isFocused: Bool
    let ascii: Bool

    enum Line: Equatable { case heading(Verdict, Int), candidate(Int) }

    /// The non-empty groups in display order with their sizes.
    private var groups: [(Verdict, Int)] { Verdict.allCases.compactMap { v in (counts[v] ?? 0) > 0 ? (v, counts[v]!) : nil } }

    /// Number of display lines: one heading per non-empty group and its candidates.
    var lineCount: Int { groups.reduce(0) { $0 + 1 + $1.1 } }

    /// The display line at `i` (0 ≤ i < `lineCount`).
    func line(at i: Int) -> Line {
        var first = 0, k = 0
        for (v, n) in groups {
            if i == first { return .heading(v, n) }
            if i <= first + n { return .candidate(k + i - first - 1) }
            first += 1 + n; k += n
        }
        return .candidate(max(0, k - 1))
    }

    /// The display line of the selected candidate (0 when there is none).
    var selectedLine: Int {
        var first = 0, k = 0
        for (_, n) in groups {
            if selected < k + n { return first + 1 + selected - k }
            first += 1 + n; k += n
        }
        return 0
    }

    /// The candidates on screen in a list of `height` lines: the list scrolls from the top just far enough to show
    /// the selected candidate (as `render` draws it). What the reducer asks to be explained.
    func visibleCandidates(height: Int) -> Range<Int> {
        let total = lineCount
        guard total > 0, height > 0 else { return 0..<0 }
        var l = ListState(selected: selectedLine, offset: 0)
        l.clamp(rowCount: total, visibleRows: height)
        var lo: Int?, hi = 0
        for i in l.offset..<min(total, l.offset + height) {
            if case .candidate(let c) = line(at: i) { lo = lo ?? c; hi = c + 1 }
        }
        return lo.map { $0..<hi } ?? 0..<0
    }

    /// Renders the list; `candidate(i)` gives the spans of the i-th candidate.
    func render(into buffer: inout Buffer, area: Rect, candidate: @escaping (Int) -> [Span]) {
        var l = ListState(selected: selectedLine, offset: 0)
        ListView(rowCount: lineCount, isFocused: isFocused, ascii: ascii) { i in
            switch line(at: i) {
            case .heading(let v, let n):
                return [Span(ClinicalGlyphs.verdictHeading(v, ascii: ascii) + " (\(n))", role: ClinicalGlyphs.verdictRole(v))]
            case .candidate(let c):
                return candidate(c)
            }
        }.render(into: &buffer, area: area, state: &l)
    }
}
