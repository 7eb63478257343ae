/// Horizontal alignment of text in a column.
public enum Alignment: Sendable, Equatable { case left, right, center }

/// Fitting text to a number of terminal columns (display-width aware).
public enum TextFit {
    /// `text` cut to at most `width` columns; when cut, it ends with `ellipsis`.
    public static func truncate(_ text: String, to width: Int, ellipsis: String = "…") -> String {
        guard width > 0 else { return "" }
        if DisplayWidth.of(text) <= width { return text }
        let ew = DisplayWidth.of(ellipsis)
        if ew > width { return prefix(text, width: width) }
        return prefix(text, width: width - ew) + ellipsis
    }

    /// The longest prefix of `text` that fits in `width` columns (combining marks kept).
    public static func prefix(_ text: String, width: Int) -> String {
        var out = "", used = 0
        for ch in text {
            let w = DisplayWidth.of(ch)
            if used + w > width { break }
            out.append(ch); used += w
        }
        return out
    }

    /// `text` truncated and padded with spaces to exactly `width` columns.
    public static func fit(_ text: String, width: Int, alignment: Alignment = .left, ellipsis: String = "…") -> String {
        guard width > 0 else { return "" }
        let t = truncate(text, to: width, ellipsis: ellipsis)
        let pad = max(0, width - DisplayWidth.of(t))
        switch alignment {
        case .left: return t + String(repeating: " ", count: pad)
        case .right: return String(repeating: " ", count: pad) + t
        case .center:
            let l = pad / 2
            return String(repeating: " ", count: l) + t + String(repeating: " ", count: pad - l)
        }
    }
}
