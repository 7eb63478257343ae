import Foundation

/// Parses one JSON value into the values `JSONSerialization` gives (`[String: Any]`, `[Any]`, `String`, `NSNumber`,
/// `NSNull`) but as native Swift containers, so the case reader's casts do not bridge `NSArray`/`NSDictionary` on every
/// access (a quarter of an import's time, issue #16). Deliberately narrow: anything outside plain JSON — an invalid
/// UTF-8 sequence, a lone surrogate, a control character in a string, a number with more than 17 significant digits
/// or a leading `-0`, nesting deeper than 64 — returns nil, and the caller parses that value with `JSONSerialization`
/// instead (whose answer, or refusal, then counts). A repeated key keeps the last value, as `JSONSerialization` does.
enum NativeJSON {
    /// `true` and `false` as `JSONSerialization` makes them (so `JSONScalar.isBool` tells them apart the same way).
    nonisolated(unsafe) static let booleans: (Any, Any) = {
        let parsed = (try? JSONSerialization.jsonObject(with: Data("[true,false]".utf8))) as? [Any]
        return (parsed?.first ?? NSNumber(value: true), parsed?.last ?? NSNumber(value: false))
    }()

    /// The value, and whether some object in it gives a key twice (keys compared as Swift strings, as
    /// `JSONDuplicateKeys` does, which the caller then runs for the paths).
    static func parse(_ b: UnsafeBufferPointer<UInt8>) -> (value: Any, duplicateKeys: Bool)? {
        var p = Parser(b: b)
        p.ws()
        guard let v = p.value(depth: 0) else { return nil }
        p.ws()
        return p.i == b.count ? (v, p.duplicateKeys) : nil
    }

    private struct Parser {
        let b: UnsafeBufferPointer<UInt8>
        var i = 0
        var duplicateKeys = false

        mutating func ws() { while i < b.count, b[i] == 0x20 || b[i] == 0x0A || b[i] == 0x0D || b[i] == 0x09 { i += 1 } }

        mutating func literal(_ text: StaticString) -> Bool {
            let n = text.utf8CodeUnitCount
            guard i + n <= b.count else { return false }
            for k in 0..<n where b[i + k] != text.utf8Start[k] { return false }
            i += n
            return true
        }

        mutating func value(depth: Int) -> Any? {
            guard i < b.count, depth < 64 else { return nil }
            switch b[i] {
            case 0x7B:
                i += 1
                var o: [String: Any] = [:]
                ws()
                if i < b.count, b[i] == 0x7D { i += 1; return o }
                while true {
                    ws()
                    guard let k = string() else { return nil }
                    ws()
                    guard i < b.count, b[i] == 0x3A else { return nil }
                    i += 1
                    ws()
                    guard let v = value(depth: depth + 1) else { return nil }
                    if o.updateValue(v, forKey: k) != nil { duplicateKeys = true }
                    ws()
                    guard i < b.count else { return nil }
                    if b[i] == 0x2C { i += 1; continue }
                    guard b[i] == 0x7D else { return nil }
                    i += 1
                    return o
                }
            case 0x5B:
                i += 1
                var a: [Any] = []
                ws()
                if i < b.count, b[i] == 0x5D { i += 1; return a }
                while true {
                    ws()
                    guard let v = value(depth: depth + 1) else { return nil }
                    a.append(v)
                    ws()
                    guard i < b.count else { return nil }
                    if b[i] == 0x2C { i += 1; continue }
                    guard b[i] == 0x5D else { return nil }
                    i += 1
                    return a
                }
            case 0x22: return string()
            case 0x74: return literal("true") ? booleans.0 : nil
            case 0x66: return literal("false") ? booleans.1 : nil
            case 0x6E: return literal("null") ? NSNull() : nil
            default: return number()
            }
        }

        /// A string at `i` (on its quote), or nil when it is not plain valid JSON text.
        mutating func string() -> String? {
            guard i < b.count, b[i] == 0x22 else { return nil }
            i += 1
            let start = i
            while i < b.count, b[i] != 0x22, b[i] != 0x5C, b[i] >= 0x20 { i += 1 }
            guard i < b.count else { return nil }
            if b[i] == 0x22 {
                let s = String(validating: UnsafeBufferPointer(rebasing: b[start..<i]), as: UTF8.self)
                i += 1
                return s
            }
            // With escapes: decode into bytes.
            var out = Array(b[start..<i])
            while i < b.count {
                let c = b[i]
                if c == 0x22 { i += 1; return String(validating: out, as: UTF8.self) }
                if c < 0x20 { return nil }
                if c != 0x5C { out.append(c); i += 1; continue }
                guard i + 1 < b.count else { return nil }
                let e = b[i + 1]
                i += 2
                switch e {
                case 0x22, 0x5C, 0x2F: out.append(e)
                case 0x62: out.append(0x08)
                case 0x66: out.append(0x0C)
                case 0x6E: out.append(0x0A)
                case 0x72: out.append(0x0D)
                case 0x74: out.append(0x09)
                case 0x75:
                    guard var u = hex4() else { return nil }
                    if u >= 0xD800 && u < 0xDC00 {
                        guard i + 1 < b.count, b[i] == 0x5C, b[i + 1] == 0x75 else { return nil }
                        i += 2
                        guard let low = hex4(), low >= 0xDC00 && low < 0xE000 else { return nil }
                        u = 0x10000 + ((u - 0xD800) << 10) + (low - 0xDC00)
                    } else if u >= 0xDC00 && u < 0xE000 { return nil }
                    guard let scalar = Unicode.Scalar(u) else { return nil }
                    out.append(contentsOf: Array(String(Character(scalar)).utf8))
                default: return nil
                }
            }
            return nil
        }

        mutating func hex4() -> UInt32? {
            guard i + 4 <= b.count else { return nil }
            var v: UInt32 = 0
            for k in 0..<4 {
                let c = b[i + k]
                let d: UInt8
                switch c {
                case 0x30...0x39: d = c - 0x30
                case 0x41...0x46: d = c - 0x41 + 10
                case 0x61...0x66: d = c - 0x61 + 10
                default: return nil
                }
                v = v << 4 | UInt32(d)
            }
            i += 4
            return v
        }

        /// `-?(0|[1-9][0-9]*)(.[0-9]+)?([eE][+-]?[0-9]+)?` with at most 17 digits before the exponent.
        mutating func number() -> Any? {
            let start = i
            var digits = 0
            if i < b.count, b[i] == 0x2D { i += 1 }
            guard i < b.count, b[i] >= 0x30 && b[i] <= 0x39 else { return nil }
            if b[i] == 0x30 {
                if b[start] == 0x2D { return nil }
                i += 1
                digits = 1
                if i < b.count, b[i] >= 0x30 && b[i] <= 0x39 { return nil }
            } else {
                while i < b.count, b[i] >= 0x30 && b[i] <= 0x39 { i += 1; digits += 1 }
            }
            var integral = true
            if i < b.count, b[i] == 0x2E {
                integral = false
                i += 1
                let f = i
                while i < b.count, b[i] >= 0x30 && b[i] <= 0x39 { i += 1; digits += 1 }
                if i == f { return nil }
            }
            if i < b.count, b[i] == 0x65 || b[i] == 0x45 {
                integral = false
                i += 1
                if i < b.count, b[i] == 0x2B || b[i] == 0x2D { i += 1 }
                let e = i
                while i < b.count, b[i] >= 0x30 && b[i] <= 0x39 { i += 1 }
                if i == e || i - e > 3 { return nil }
            }
            guard digits <= 17 else { return nil }
            let text = String(decoding: UnsafeBufferPointer(rebasing: b[start..<i]), as: UTF8.self)
            if integral, let n = Int(text) { return NSNumber(value: n) }
            guard let d = Double(text), d.isFinite else { return nil }
            return NSNumber(value: d)
        }
    }
}
