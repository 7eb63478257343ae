import Foundation

/// The top level of a case file without parsing it (issue #16: import without a whole-file tree): the members of
/// the top-level object, and the byte range of each element of its `patients` array, so that each patient is parsed
/// and validated on its own. Tracks strings, escapes and nesting only; it does not check the text inside a value
/// (each range is parsed by `JSONSerialization` afterwards). Returns nil for anything it does not recognise — not
/// an object, no `patients` array or two of them, nesting deeper than `maxDepth`, a structural slip — and the reader
/// then falls back to the whole-file parse, so every message stays the one that parse gives.
struct CaseFileScan {
    /// The top-level keys in file order (decoded).
    var keys: [String] = []
    /// `[` and `]` of the `patients` array (offsets of the bytes).
    var arrayOpen = 0, arrayClose = 0
    /// Each element's bytes, whitespace excluded.
    var elements: [Range<Int>] = []

    /// Deeper than this (the file's own nesting) is left to the whole-file parse and its refusal.
    static let maxDepth = 64

    static func scan(_ b: UnsafeBufferPointer<UInt8>) -> CaseFileScan? {
        var s = CaseFileScan()
        var i = 0
        let n = b.count
        func ws() { while i < n, b[i] == 0x20 || b[i] == 0x0A || b[i] == 0x0D || b[i] == 0x09 { i += 1 } }
        /// Skips a string at `i` (on its quote); returns the raw range inside the quotes and whether it had an escape.
        func string() -> (Range<Int>, Bool)? {
            guard i < n, b[i] == 0x22 else { return nil }
            let start = i + 1
            var escaped = false
            i += 1
            while i < n {
                let c = b[i]
                if c == 0x5C { escaped = true; i += 2; continue }
                if c == 0x22 { let r = start..<i; i += 1; return (r, escaped) }
                i += 1
            }
            return nil
        }
        /// Skips one value at `i`; nil when the brackets do not match or nesting goes beyond `maxDepth` (counting `depth`).
        func value(depth: Int) -> Range<Int>? {
            let start = i
            guard i < n else { return nil }
            switch b[i] {
            case 0x22:
                guard string() != nil else { return nil }
            case 0x7B, 0x5B:
                var stack: [UInt8] = []
                while i < n {
                    let c = b[i]
                    if c == 0x22 { guard string() != nil else { return nil }; continue }
                    if c == 0x7B || c == 0x5B {
                        stack.append(c == 0x7B ? 0x7D : 0x5D)
                        if depth + stack.count > maxDepth { return nil }
                    } else if c == 0x7D || c == 0x5D {
                        guard stack.last == c else { return nil }
                        stack.removeLast()
                        if stack.isEmpty { i += 1; return start..<i }
                    }
                    i += 1
                }
                return nil
            default:
                // A number or a literal: up to the next structural character or whitespace.
                while i < n, ![0x2C, 0x7D, 0x5D, 0x20, 0x0A, 0x0D, 0x09].contains(b[i]) { i += 1 }
                if i == start { return nil }
            }
            return start..<i
        }
        ws()
        guard i < n, b[i] == 0x7B else { return nil }
        i += 1
        ws()
        var sawPatients = false
        if i < n, b[i] == 0x7D { return nil }
        while true {
            ws()
            guard let (raw, escaped) = string() else { return nil }
            let key: String
            if escaped {
                // The key with its quotes, decoded by JSONSerialization (rare: an escape in a top-level key).
                let quoted = Data(UnsafeBufferPointer(rebasing: b[(raw.lowerBound - 1)...raw.upperBound]))
                guard let k = (try? JSONSerialization.jsonObject(with: quoted, options: [.fragmentsAllowed])) as? String else { return nil }
                key = k
            } else {
                key = String(decoding: UnsafeBufferPointer(rebasing: b[raw]), as: UTF8.self)
            }
            s.keys.append(key)
            ws()
            guard i < n, b[i] == 0x3A else { return nil }
            i += 1
            ws()
            if key == "patients" {
                guard !sawPatients, i < n, b[i] == 0x5B else { return nil }
                sawPatients = true
                s.arrayOpen = i
                i += 1
                ws()
                if i < n, b[i] == 0x5D {
                    s.arrayClose = i
                    i += 1
                } else {
                    while true {
                        ws()
                        guard let r = value(depth: 2) else { return nil }
                        s.elements.append(r)
                        ws()
                        guard i < n else { return nil }
                        if b[i] == 0x2C { i += 1; continue }
                        guard b[i] == 0x5D else { return nil }
                        s.arrayClose = i
                        i += 1
                        break
                    }
                }
            } else {
                guard value(depth: 1) != nil else { return nil }
            }
            ws()
            guard i < n else { return nil }
            if b[i] == 0x2C { i += 1; continue }
            guard b[i] == 0x7D else { return nil }
            i += 1
            break
        }
        ws()
        guard i == n, sawPatients else { return nil }
        return s
    }

    /// The file with the `patients` array emptied (`[]`): the header alone, for the whole-file checks.
    func skeleton(_ b: UnsafeBufferPointer<UInt8>) -> Data {
        var d = Data(UnsafeBufferPointer(rebasing: b[0...arrayOpen]))
        d.append(contentsOf: UnsafeBufferPointer(rebasing: b[arrayClose..<b.count]))
        return d
    }
}
