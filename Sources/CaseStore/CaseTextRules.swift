import Foundation

/// What an id and a text field may hold, checked at import and at every workflow write.
///
/// - A **patient id** is 1–64 ASCII characters `A–Z a–z 0–9 - _ .`, starting with a letter or digit. Ids are
///   compared byte for byte (no case folding, no Unicode normalisation); since no control character (NUL
///   included) can pass, SQLite's C-string binding can never cut an id short and overwrite another case.
/// - A **single-line text** (names, labels, codes, tags, reasons) has at most 1,000 characters and no control
///   character (U+0000–U+001F, U+007F–U+009F), tab and newline included.
/// - A **multi-line text** (notes, proposals, justifications) has at most 10,000 characters; tab and newline are
///   allowed, every other control character (carriage return included) is refused.
public enum CaseTextRules {
    public static let idMaxLength = 64
    public static let lineMaxLength = 1_000
    public static let noteMaxLength = 10_000

    /// Why `id` is not a valid patient id, or nil when it is.
    public static func idProblem(_ id: String) -> String? {
        let bytes = Array(id.utf8)
        func ok(_ b: UInt8, first: Bool) -> Bool {
            let alnum = (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A)
            return alnum || (!first && (b == 0x2D || b == 0x5F || b == 0x2E))
        }
        let valid = !bytes.isEmpty && bytes.count <= idMaxLength && bytes.enumerated().allSatisfy { ok($0.element, first: $0.offset == 0) }
        if valid { return nil }
        return "a patient id must be 1–\(idMaxLength) characters A–Z, a–z, 0–9, '-', '_', '.' starting with a letter or digit, found \(quoted(id))"
    }

    /// Why `text` is not acceptable as a single-line (`multiline` false) or multi-line text, or nil.
    public static func textProblem(_ text: String, multiline: Bool) -> String? {
        let max = multiline ? noteMaxLength : lineMaxLength
        var count = 0
        for s in text.unicodeScalars {
            count += 1
            if count > max { return "text longer than \(max) characters (\(text.unicodeScalars.count))" }
            let v = s.value
            if v < 0x20 || (v >= 0x7F && v < 0xA0) {
                if multiline && (v == 0x0A || v == 0x09) { continue }
                return "control character U+\(hex(v)) not allowed\(multiline ? " (only newline and tab are)" : " in a single-line text")"
            }
        }
        return nil
    }

    /// The text in double quotes with control characters shown as `\u{…}` and cut at 80 characters.
    public static func quoted(_ text: String) -> String {
        var out = "\"", n = 0
        for s in text.unicodeScalars {
            n += 1
            if n > 80 { out += "…"; break }
            let v = s.value
            if v < 0x20 || (v >= 0x7F && v < 0xA0) || s == "\"" || s == "\\" {
                out += s == "\"" ? "\\\"" : s == "\\" ? "\\\\" : "\\u{\(hex(v))}"
            } else { out.unicodeScalars.append(s) }
        }
        return out + "\""
    }

    static func hex(_ v: UInt32) -> String {
        let h = String(v, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, 4 - h.count)) + h
    }
}
