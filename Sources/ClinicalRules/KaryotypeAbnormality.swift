import CaseModel

/// One ISCN abnormality token parsed into its parts.
///
/// Rule set: ISCN 2020 (International System for Human Cytogenomic Nomenclature) token shapes as
/// used in the `abnormalities` list of a case file (formats.md §1). The parser is deliberately
/// forgiving: a token it cannot read is kept as `.unrecognised` and still counts as one abnormality.
public struct KaryotypeAbnormality: Sendable, Equatable, CustomStringConvertible {
    public enum Kind: String, Sendable, Equatable {
        /// `+8`, `+21`: gain of a whole chromosome (trisomy or polysomy).
        case gain
        /// `-7`, `-X`: loss of a whole chromosome.
        case loss
        case translocation      // t(8;21)(q22;q22.1), t(v;11q23.3)
        case inversion          // inv(16)(p13.1q22), inv(3)
        case deletion           // del(5q), del(7)(q22q36)
        case isochromosome      // i(17q), i(17)(q10)
        case isodicentric       // idic(X)(q13)
        case derivative         // der(1;7)(q10;p10), der(17)t(…)
        case addition           // add(7)(q22)
        case duplication        // dup(1)(q21q32)
        case insertion          // ins(3;3)(q26;q21q26)
        case ring               // r(7)
        case marker             // +mar, +2mar
        case abnormal           // abn(17p): unspecified structural abnormality of a region
        case unrecognised
    }

    /// The token as written.
    public var token: String
    public var kind: Kind
    /// Chromosomes named in the first parentheses (or the gained/lost chromosome): "8", "21", "X", "v".
    public var chromosomes: [String]
    /// Band or arm per chromosome, when given either in the chromosome term (`5q`, `11q23.3`) or in
    /// the second parentheses (`(q22;q22.1)`); "" when not given. Same count as `chromosomes`.
    public var bands: [String]
    /// Number of copies for gains/losses/markers (`+2mar` → 2; `+8` → 1).
    public var copies: Int
    /// For `der(…)` written with its origin (`der(17)t(5;17)(q11;p13)`): the rearrangement after the
    /// derivative chromosome, parsed.
    public var origin: [KaryotypeAbnormality]

    public var description: String { token }

    /// Numerical (whole-chromosome gain or loss) as opposed to structural.
    public var isNumerical: Bool { kind == .gain || kind == .loss }
    /// Structural abnormality (markers, rings and unrecognised tokens included: they cannot be proven numerical).
    public var isStructural: Bool { !isNumerical }

    /// Loss of an autosome (monosomy); loss of X or Y is not autosomal.
    public var isAutosomalMonosomy: Bool { kind == .loss && chromosomes.first.map(KaryotypeAbnormality.isAutosome) == true }

    /// Gain of a whole chromosome (a trisomy or polysomy), markers excluded.
    public var isWholeChromosomeGain: Bool { kind == .gain }

    static func isAutosome(_ c: String) -> Bool {
        guard let n = Int(c) else { return false }
        return (1...22).contains(n)
    }

    /// Whether the abnormality involves chromosome `c` (and, when `arm` is given, that arm: "p" or "q";
    /// a band "q23.3" involves arm "q"; an abnormality with no band given involves both arms).
    public func involves(_ c: String, arm: Character? = nil) -> Bool {
        for (i, chr) in chromosomes.enumerated() where chr == c {
            guard let arm else { return true }
            let b = bands[i]
            if b.isEmpty || b.first == arm || b.contains(arm) { return true }
        }
        return origin.contains { $0.involves(c, arm: arm) }
    }

    /// The band given for chromosome `c` ("" when none given, nil when `c` is not involved).
    public func band(of c: String) -> String? {
        if let i = chromosomes.firstIndex(of: c) { return bands[i] }
        for o in origin { if let b = o.band(of: c) { return b } }
        return nil
    }

    public init(token: String, kind: Kind, chromosomes: [String] = [], bands: [String] = [], copies: Int = 1,
                origin: [KaryotypeAbnormality] = []) {
        self.token = token; self.kind = kind; self.chromosomes = chromosomes
        self.bands = bands.count == chromosomes.count ? bands : Array(repeating: "", count: chromosomes.count)
        self.copies = copies; self.origin = origin
    }

    // MARK: - Parsing

    /// Parses one ISCN abnormality token. Never fails: unreadable tokens become `.unrecognised`.
    public static func parse(_ raw: String) -> KaryotypeAbnormality {
        var s = Substring(raw.trimmingSpaces())
        // Trailing qualifiers: constitutional "c", clone counts "[20]".
        if let i = s.firstIndex(of: "[") { s = s[..<i] }
        if s.hasSuffix("c") && s.count > 2 && s.dropLast().last.map({ $0 == ")" || $0.isNumber || $0 == "X" || $0 == "Y" }) == true {
            s = s.dropLast()
        }
        let token = String(raw.trimmingSpaces())
        guard let first = s.first else { return KaryotypeAbnormality(token: token, kind: .unrecognised) }

        if first == "+" || first == "-" {
            let rest = s.dropFirst()
            // Leading copy number: +2mar, +21x2 handled below.
            var body = rest[...]
            if rest.hasSuffix("mar") {
                let digits = rest.dropLast(3)
                let n = digits.isEmpty ? 1 : (Int(digits) ?? 1)
                return KaryotypeAbnormality(token: token, kind: .marker, copies: n)
            }
            // Whole chromosome: +8, -7, -X, +21x2 (polysomy written with a multiplier).
            var copies = 1
            if let xi = body.firstIndex(of: "x"), body[body.index(after: xi)...].allSatisfy(\.isNumber),
               body.index(after: xi) < body.endIndex {
                copies = Int(body[body.index(after: xi)...]) ?? 1
                body = body[..<xi]
            }
            if isChromosomeName(body) {
                return KaryotypeAbnormality(token: token, kind: first == "+" ? .gain : .loss,
                                            chromosomes: [String(body)], bands: [""], copies: copies)
            }
            // "+der(22)t(9;22)…", "-der(7)…": a gained/lost structurally abnormal chromosome: structural.
            var inner = parse(String(body))
            inner.token = token
            return inner
        }
        digitsPrefixSkip(&s)
        guard let open = s.firstIndex(of: "(") else { return KaryotypeAbnormality(token: token, kind: .unrecognised) }
        let name = s[..<open].lowercased()
        let kind: Kind
        switch name {
        case "t": kind = .translocation
        case "inv": kind = .inversion
        case "del": kind = .deletion
        case "i": kind = .isochromosome
        case "idic": kind = .isodicentric
        case "der": kind = .derivative
        case "add": kind = .addition
        case "dup": kind = .duplication
        case "ins": kind = .insertion
        case "r": kind = .ring
        case "abn": kind = .abnormal
        default: kind = .unrecognised
        }
        // Parenthesised groups after the name.
        var groups: [Substring] = []
        var idx = open
        while idx < s.endIndex, s[idx] == "(" {
            guard let close = s[idx...].firstIndex(of: ")") else { break }
            groups.append(s[s.index(after: idx)..<close])
            idx = s.index(after: close)
        }
        let remainder = s[idx...]
        guard let g0 = groups.first else { return KaryotypeAbnormality(token: token, kind: .unrecognised) }
        var chromosomes: [String] = []
        var bands: [String] = []
        for part in g0.split(separator: ";", omittingEmptySubsequences: false) {
            let (c, b) = splitChromosomeTerm(part)
            chromosomes.append(c); bands.append(b)
        }
        if groups.count >= 2 {
            let bandParts = groups[1].split(separator: ";", omittingEmptySubsequences: false).map(String.init)
            if bandParts.count == chromosomes.count {
                for i in 0..<chromosomes.count where bands[i].isEmpty { bands[i] = bandParts[i] }
            } else if chromosomes.count == 1, bands[0].isEmpty {
                bands[0] = groups[1].replacingSemicolons()
            }
        }
        var origin: [KaryotypeAbnormality] = []
        if !remainder.isEmpty {
            // der(17)t(5;17)(q11;p13) or der(7)t(7;11)(…)del(…): parse each following rearrangement.
            var rest = remainder
            while let o = rest.firstIndex(of: "(") {
                // find the end of this rearrangement: all consecutive groups
                var j = o
                while j < rest.endIndex, rest[j] == "(" {
                    guard let c = rest[j...].firstIndex(of: ")") else { j = rest.endIndex; break }
                    j = rest.index(after: c)
                }
                origin.append(parse(String(rest[rest.startIndex..<j])))
                rest = rest[j...]
            }
        }
        if kind == .unrecognised {
            return KaryotypeAbnormality(token: token, kind: .unrecognised, chromosomes: chromosomes, bands: bands, origin: origin)
        }
        return KaryotypeAbnormality(token: token, kind: kind, chromosomes: chromosomes, bands: bands, origin: origin)
    }

    static func isChromosomeName<S: StringProtocol>(_ s: S) -> Bool {
        if s == "X" || s == "Y" { return true }
        guard let n = Int(s) else { return false }
        return (1...22).contains(n)
    }

    /// Skips a leading copy count such as the "2" of "2mar" (not used by the named forms).
    private static func digitsPrefixSkip(_ s: inout Substring) {
        while let f = s.first, f.isNumber { s = s.dropFirst() }
    }

    /// "11q23.3" → ("11", "q23.3"); "5q" → ("5", "q"); "v" → ("v", ""); "X" → ("X", "").
    static func splitChromosomeTerm(_ part: Substring) -> (String, String) {
        let p = part.trimmingSpaces()
        var i = p.startIndex
        if let f = p.first, f == "X" || f == "Y" || f == "v" || f == "V" {
            i = p.index(after: i)
        } else {
            while i < p.endIndex, p[i].isNumber { i = p.index(after: i) }
        }
        let c = String(p[..<i])
        return (c == "V" ? "v" : c, String(p[i...]))
    }
}

extension StringProtocol {
    func trimmingSpaces() -> SubSequence {
        var s = self[...]
        while let f = s.first, f == " " || f == "\t" { s = s.dropFirst() }
        while let l = s.last, l == " " || l == "\t" { s = s.dropLast() }
        return s
    }

    func replacingSemicolons() -> String { String(self.filter { $0 != ";" }) }
}
