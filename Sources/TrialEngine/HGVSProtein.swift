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

    /// Three-letter codes (lower-case ASCII) → one letter.
    static let three: [String: UInt8] = [
        "ala": 65, "arg": 82, "asn": 78, "asp": 68, "cys": 67, "gln": 81, "glu": 69, "gly": 71, "his": 72,
        "ile": 73, "leu": 76, "lys": 75, "met": 77, "phe": 70, "pro": 80, "ser": 83, "thr": 84, "trp": 87,
        "tyr": 89, "val": 86, "ter": 42, "sec": 85, "pyl": 79, "xaa": 88,
    ]

    /// Parses a protein change in three- or one-letter code (with or without `p.`, parentheses or a transcript
    /// prefix). Returns nil when the text is not a recognisable protein change. Works on UTF-8 bytes.
    public init?(_ text: String) {
        var b = Array(text.utf8)
        while let f = b.first, f == 32 { b.removeFirst() }
        while let l = b.last, l == 32 { b.removeLast() }
        if let colon = b.lastIndex(of: 58) { b = Array(b[(colon + 1)...]) }
        if b.count >= 2, b[0] == 112, b[1] == 46 { b.removeFirst(2) }            // "p."
        if b.count >= 2, b.first == 40, b.last == 41 { b = Array(b[1..<(b.count - 1)]) }  // ( … )
        var i = 0
        func isUpper(_ c: UInt8) -> Bool { c >= 65 && c <= 90 }
        func isLower(_ c: UInt8) -> Bool { c >= 97 && c <= 122 }
        func residue() -> UInt8? {
            guard i < b.count else { return nil }
            if i + 3 <= b.count, isUpper(b[i]), isLower(b[i + 1]), isLower(b[i + 2]) {
                let tri = String(decoding: [b[i] + 32, b[i + 1], b[i + 2]], as: UTF8.self)
                if let one = HGVSProtein.three[tri] { i += 3; return one }
            }
            let c = b[i]
            if c == 42 { i += 1; return 42 }
            if isUpper(c) { i += 1; return c }
            return nil
        }
        guard let ref = residue() else { return nil }
        var pos = 0
        let start = i
        while i < b.count, b[i] >= 48, b[i] <= 57 { pos = pos * 10 + Int(b[i] - 48); i += 1; if pos > 100_000 { return nil } }
        guard i > start, pos > 0 else { return nil }
        reference = String(UnicodeScalar(ref))
        position = pos
        var rest: [UInt8] = []
        while i < b.count {
            if b[i] == 102, i + 1 < b.count, b[i + 1] == 115 { rest += [102, 115]; break }   // "fs"
            if let r = residue() { rest.append(r); continue }
            rest.append(b[i]); i += 1
        }
        change = String(decoding: rest, as: UTF8.self)
    }

    public var isWildcard: Bool { change.isEmpty }

    /// Whether an observed change matches this (possibly wildcard) pattern.
    public func matches(_ observed: HGVSProtein) -> Bool {
        if isWildcard { return position == observed.position && (reference.isEmpty || reference == observed.reference) }
        return reference == observed.reference && position == observed.position && change == observed.change
    }
}
