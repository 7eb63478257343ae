import ScreenKit

/// Where things go on the screen; shared by the screens (drawing) and the reducer (paging, clicks).
public enum ScreenLayout {
    /// Rows above the content: tabs + demo banner, then the breadcrumb/status line.
    public static let headerHeight = 2
    public static let footerHeight = 1

    public static func tabsRow(width: Int) -> Rect { Rect(x: 0, y: 0, width: width, height: 1) }

    public static func content(width: Int, height: Int) -> Rect {
        Rect(x: 0, y: headerHeight, width: width, height: height - headerHeight - footerHeight)
    }

    /// The table of the case list and of the trial catalogue: content minus one info line.
    public static func table(width: Int, height: Int) -> Rect {
        let c = content(width: width, height: height)
        return Rect(x: c.x, y: c.y + 1, width: c.width, height: c.height - 1)
    }

    /// Data rows a table shows (its header row excluded).
    public static func tableRows(width: Int, height: Int) -> Int { max(1, table(width: width, height: height).height - 1) }

    /// Lines of a scrolled list filling the content under an info line (worklist).
    public static func listRows(width: Int, height: Int) -> Int { max(1, table(width: width, height: height).height) }

    /// The tabs of the main views as drawn in the header.
    public static func tabs(selected: ScreenID, ascii: Bool) -> Tabs {
        Tabs(titles: ScreenID.mainViews.enumerated().map { "\($0.offset + 1) \($0.element.title)" },
             selected: ScreenID.mainViews.firstIndex(of: selected.mainView) ?? 0, ascii: ascii)
    }

    /// Left and right halves of split screens (trial detail, screening).
    public static func split(_ area: Rect, leftPercent: Int) -> (Rect, Rect) {
        let cols = Layout.columns(area, [.percent(leftPercent), .fill])
        return (cols[0], cols[1])
    }
}
