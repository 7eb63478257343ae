import Foundation

/// Splits a registry's eligibility text (ClinicalTrials.gov Markdown, or the classic record's indented text) into
/// its inclusion and exclusion items. Headings: a line `Inclusion Criteria:` / `Exclusion Criteria:` (also
/// `Key …`, `Main …`, Markdown bold or `#`). Items: lines starting `1.`, `1)`, `a.`, `*`, `-`, `+` or `•`; an item
/// marker indented deeper than the list's first one is a nested item and joins its parent (`parent • nested`);
/// unmarked lines right after an item continue it. A paragraph after a blank line at the list's own
/// indentation belongs to neither list (a disclaimer, a note) and is returned apart. A section without markers
/// takes each paragraph as one item. Markdown escapes (`\>`, `\[`) are removed.
public struct CriteriaTextSplitter: Sendable {
    public var inclusion: [String] = []
    public var exclusion: [String] = []
    /// Paragraphs in neither list.
    public var outside: [String] = []
    /// Whether an inclusion or exclusion heading was seen (without one every item is an inclusion).
    public var headingFound = false

    enum Section { case none, inclusion, exclusion }

    public init(_ text: String) {
        var section = Section.none
        var current: [String]?
        var currentIsOutside = false
        var topIndent: Int?
        var sectionHasMarkers = false
        var prevBlank = true

        func flush(_ me: inout CriteriaTextSplitter) {
            guard let parts = current else { return }
            let t = CriteriaTextSplitter.clean(parts.joined(separator: " "))
            let wasOutside = currentIsOutside
            current = nil
            currentIsOutside = false
            guard !t.isEmpty else { return }
            if wasOutside { me.outside.append(t); return }
            switch section {
            case .exclusion: me.exclusion.append(t)
            case .inclusion, .none: me.inclusion.append(t)
            }
        }

        for rawLine in text.replacingOccurrences(of: "\r\n", with: "\n").split(separator: "\n", omittingEmptySubsequences: false) {
            let line = rawLine.replacingOccurrences(of: "\t", with: "    ")
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.isEmpty { prevBlank = true; continue }
            let indent = line.prefix { $0 == " " }.count
            if let h = CriteriaTextSplitter.heading(trimmed) {
                flush(&self)
                section = h; headingFound = true; topIndent = nil; sectionHasMarkers = false; prevBlank = true
                continue
            }
            if let body = CriteriaTextSplitter.itemBody(trimmed) {
                if let top = topIndent, indent > top, current != nil, !currentIsOutside {
                    current?.append("• " + body)
                } else {
                    flush(&self)
                    if topIndent == nil || !sectionHasMarkers { topIndent = indent }
                    sectionHasMarkers = true
                    current = [body]
                }
                prevBlank = false
                continue
            }
            if current != nil && (!prevBlank || (topIndent.map { indent > $0 } ?? false)) {
                current?.append(trimmed)
            } else {
                flush(&self)
                if section == .none || sectionHasMarkers {
                    // Text before any heading, or a paragraph at the list's level after a blank line: in neither list.
                    currentIsOutside = true
                } else {
                    // A section written as paragraphs: each paragraph is one item.
                    topIndent = indent
                    currentIsOutside = false
                }
                current = [trimmed]
            }
            prevBlank = false
        }
        flush(&self)
    }

    static func heading(_ t: String) -> Section? {
        var s = t.lowercased()
        for junk in ["**", "__", "#"] { s = s.replacingOccurrences(of: junk, with: "") }
        s = s.trimmingCharacters(in: .whitespaces)
        guard s.count <= 60 else { return nil }
        let pattern = #"^(key |main |other |general |additional )?(inclusion|exclusion) criteria\b[^:.]*:?$"#
        guard let r = s.range(of: pattern, options: .regularExpression) else { return nil }
        return s[r].contains("inclusion criteria") ? .inclusion : .exclusion
    }

    /// The text after an item marker, or nil when the line is not an item.
    static func itemBody(_ t: String) -> String? {
        guard let r = t.range(of: #"^(\d{1,3}[.)]|[a-zA-Z][.)]|[*\-+•·])\s+"#, options: .regularExpression) else { return nil }
        let body = t[r.upperBound...].trimmingCharacters(in: .whitespaces)
        return body.isEmpty ? nil : body
    }

    /// Collapses white space and removes Markdown backslash escapes.
    static func clean(_ s: String) -> String {
        var out = ""
        var escape = false
        for ch in s {
            if escape {
                if !("\\`*_{}[]()#+-.!<>|~".contains(ch)) { out.append("\\") }
                out.append(ch); escape = false
            } else if ch == "\\" { escape = true } else { out.append(ch) }
        }
        if escape { out.append("\\") }
        return out.split(whereSeparator: { $0 == " " || $0 == "\n" }).joined(separator: " ")
    }
}
