/// Normalised protein change: `p.Arg132His`, `p.(Arg132His)` and `p.R132H` all become `R132H`; stop as `*`,
/// frameshifts as `R132fs` (the new residue and length are dropped for matching). A codon wildcard is `R132`
/// (reference residue + position, nothing after).
public struct HGVSProtein: Hashable, Sendable, CustomStringConvertible {
    /// One-letter reference residue ("R"), or "" when absent.
    public var reference: String
    /// Codon position (the first of a range).
    public var position: Int
    /// What follows the position in one-letter code: "H", "*", "fs", "del", "_E686del", "" (wildcard) …
    public var change: String

    public var description: String { "p.\(reference)\(position)\(change)" }
    /// Matching key: everything, but frameshifts compared without their new residue/length.
    public var key: String { "\(reference)\(position)\(change)" }

    static let three: [String: String] = [
        "ala": "A", "arg": "R", "asn": "N", "asp": "D", "cys": "C", "gln": "Q", "glu": "E", "gly": "G", "his": "H",
        "ile": "I", "leu": "L", "lys": "K", "met": "M", "phe": "F", "pro": "P", "ser": "S", "thr": "T", "trp": "W",
        "tyr": "Y", "val": "V", "ter": "*", "sec": "U", "pyl": "O", "xaa": "X",
    ]

    /// Parses a protein change in three- or one-letter code (with or without `p.`, parentheses or a transcript
    /// prefix). Returns nil when the text is not a recognisable protein change.
    public init?(_ text: String) {
        var s = Substring(text.trimmingCharacters(in: .whitespaces))
        if let colon = s.lastIndex(of: ":") { s = s[s.index(after: colon)...] }
        if s.hasPrefix("p.") { s = s.dropFirst(2) }
        if s.hasPrefix("(") && s.hasSuffix(")") { s = s.dropFirst().dropLast() }
        let chars = Array(s)
        var i = 0
        func residue() -> String? {
            guard i < chars.count else { return nil }
            if i + 3 <= chars.count {
                let tri = String(chars[i..<i + 3]).lowercased()
                if let one = HGVSProtein.three[tri], chars[i].isUppercase { i += 3; return one }
            }
            let c = chars[i]
            if c == "*" { i += 1; return "*" }
            if c.isUppercase && c.isLetter { i += 1; return String(c) }
            return nil
        }
        guard let ref = residue() else { return nil }
        var pos = 0
        let start = i
        while i < chars.count, let d = chars[i].wholeNumberValue, chars[i].isASCII { pos = pos * 10 + d; i += 1 }
        guard i > start, pos > 0 else { return nil }
        reference = ref; position = pos
        // Rest: translate embedded three-letter residues to one letter.
        var rest = ""
        while i < chars.count {
            if chars[i] == "f" && i + 1 < chars.count && chars[i + 1] == "s" { rest += "fs"; break }
            if let r = residue() { rest += r; continue }
            rest.append(chars[i]); i += 1
        }
        if rest == "=" { rest = "=" }
        change = rest
    }

    public var isWildcard: Bool { change.isEmpty }

    /// Whether an observed change matches this (possibly wildcard) pattern.
    public func matches(_ observed: HGVSProtein) -> Bool {
        if isWildcard { return position == observed.position && (reference.isEmpty || reference == observed.reference) }
        return key == observed.key
    }
}
import Foundation
