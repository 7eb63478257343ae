/// Hand-written lexer of the criteria language. Offsets are counted in Unicode scalars.
public struct RuleLexer {
    let s: [Unicode.Scalar]
    var i = 0

    public init(_ text: String) { s = Array(text.unicodeScalars) }

    static func isSpace(_ c: Unicode.Scalar) -> Bool { c == " " || c == "\t" || c == "\n" || c == "\r" }
    static func isDigit(_ c: Unicode.Scalar) -> Bool { c.value >= 48 && c.value <= 57 }
    static func isAlnum(_ c: Unicode.Scalar) -> Bool {
        isDigit(c) || (c.value >= 65 && c.value <= 90) || (c.value >= 97 && c.value <= 122) || c.value > 127
    }

    /// All tokens, ending with `.end`.
    public static func tokens(_ text: String) throws(RuleError) -> [RuleToken] {
        var lx = RuleLexer(text)
        var out: [RuleToken] = []
        while true {
            let t = try lx.next()
            out.append(t)
            if case .end = t.kind { return out }
        }
    }

    mutating func next() throws(RuleError) -> RuleToken {
        while i < s.count, RuleLexer.isSpace(s[i]) { i += 1 }
        guard i < s.count else { return RuleToken(kind: .end, offset: s.count) }
        let start = i
        let c = s[i]
        switch c {
        case "(": i += 1; return RuleToken(kind: .lparen, offset: start)
        case ")": i += 1; return RuleToken(kind: .rparen, offset: start)
        case ",": i += 1; return RuleToken(kind: .comma, offset: start)
        case "≤": i += 1; return RuleToken(kind: .comparison(.le), offset: start)
        case "≥": i += 1; return RuleToken(kind: .comparison(.ge), offset: start)
        case "<", ">", "=", "!":
            i += 1
            let eq = i < s.count && s[i] == "="
            if eq { i += 1 }
            switch (c, eq) {
            case ("<", false): return RuleToken(kind: .comparison(.lt), offset: start)
            case ("<", true): return RuleToken(kind: .comparison(.le), offset: start)
            case (">", false): return RuleToken(kind: .comparison(.gt), offset: start)
            case (">", true): return RuleToken(kind: .comparison(.ge), offset: start)
            case ("=", _): return RuleToken(kind: .comparison(.eq), offset: start)
            case ("!", true): return RuleToken(kind: .comparison(.ne), offset: start)
            default: throw RuleError(offset: start, message: "unexpected character '!' (use 'not' to negate)")
            }
        case "\"":
            i += 1
            var str = String.UnicodeScalarView()
            while i < s.count, s[i] != "\"" {
                if s[i] == "\\", i + 1 < s.count { i += 1 }
                str.append(s[i]); i += 1
            }
            guard i < s.count else { throw RuleError(offset: start, message: "unterminated string") }
            i += 1
            return RuleToken(kind: .string(String(str)), offset: start)
        case ".":
            if i + 1 < s.count, s[i + 1] == "." { i += 2; return RuleToken(kind: .range, offset: start) }
            throw RuleError(offset: start, message: "unexpected character '.'")
        default:
            break
        }
        if RuleLexer.isDigit(c) {
            var v = 0.0
            while i < s.count, RuleLexer.isDigit(s[i]) { v = v * 10 + Double(s[i].value - 48); i += 1 }
            if i + 1 < s.count, s[i] == ".", RuleLexer.isDigit(s[i + 1]) {
                i += 1
                var scale = 0.1
                while i < s.count, RuleLexer.isDigit(s[i]) { v += Double(s[i].value - 48) * scale; scale /= 10; i += 1 }
            }
            var pct = false
            if i < s.count, s[i] == "%" { pct = true; i += 1 }
            return RuleToken(kind: .number(v, percent: pct), offset: start)
        }
        let signed = (c == "-" || c == "+") && i + 1 < s.count && RuleLexer.isAlnum(s[i + 1])
        guard RuleLexer.isAlnum(c) || c == "_" || c == "*" || c == "%" || signed else {
            throw RuleError(offset: start, message: "unexpected character '\(Character(c))'")
        }
        var depth = 0
        var w = String.UnicodeScalarView()
        while i < s.count {
            let d = s[i]
            if RuleLexer.isSpace(d) || d == "," || d == "\"" || d == "<" || d == ">" || d == "=" || d == "≤" || d == "≥" { break }
            if d == "!" { break }
            if d == "(" { depth += 1 }
            if d == ")" { if depth == 0 { break }; depth -= 1 }
            w.append(d); i += 1
        }
        if depth != 0 { throw RuleError(offset: start, message: "unbalanced '(' in '\(String(w))'") }
        return RuleToken(kind: .word(String(w)), offset: start)
    }
}
