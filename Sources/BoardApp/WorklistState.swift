import CaseModel
import ScreenKit

/// The nurse worklist: tasks grouped overdue / due soon / upcoming (/ done when shown).
/// `d` done, `r` reschedule, `n` note go through the workflows; `u` undoes.
public struct WorklistState: Equatable, Sendable {
    /// One displayed line: a group heading or a task.
    public enum Line: Equatable, Sendable {
        case heading(FollowUpStatus, count: Int)
        case task(WorklistRow)
    }

    public var rows: [WorklistRow] = [] {
        didSet {
            lines = WorklistState.lines(for: rows)
            var n = [Int](repeating: 0, count: FollowUpStatus.allCases.count)
            for r in rows { if let k = FollowUpStatus.allCases.firstIndex(of: r.task.status) { n[k] += 1 } }
            statusCounts = n
        }
    }
    public private(set) var lines: [Line] = []
    /// Tasks per status, in `FollowUpStatus.allCases` order (the header line; counted once per load, not per frame).
    public private(set) var statusCounts = [Int](repeating: 0, count: FollowUpStatus.allCases.count)
    public var list = ListState()
    public var filter = WorklistFilter()
    public var sites: [String] = []
    /// Kinds of task present (for the kind filter), from the last load without a kind filter.
    public var kinds: [String] = []
    public var isLoaded = false
    public init() {}

    static func lines(for rows: [WorklistRow]) -> [Line] {
        var out: [Line] = []
        for status in FollowUpStatus.allCases {
            let group = rows.filter { $0.task.status == status }
            guard !group.isEmpty else { continue }
            out.append(.heading(status, count: group.count))
            out += group.map { .task($0) }
        }
        return out
    }

    public var selectedRow: WorklistRow? {
        guard list.selected < lines.count, case .task(let r) = lines[list.selected] else { return nil }
        return r
    }

    /// Moves the selection off a heading, in the direction of travel.
    mutating func skipHeading(direction: Int, visibleRows: Int) {
        guard !lines.isEmpty else { return }
        var i = list.selected
        while i >= 0, i < lines.count, case .heading = lines[i] { i += direction >= 0 ? 1 : -1 }
        if i < 0 || i >= lines.count {
            i = list.selected
            while i >= 0, i < lines.count, case .heading = lines[i] { i += direction >= 0 ? -1 : 1 }
        }
        list.selected = min(max(0, i), lines.count - 1)
        list.clamp(rowCount: lines.count, visibleRows: visibleRows)
    }
}
