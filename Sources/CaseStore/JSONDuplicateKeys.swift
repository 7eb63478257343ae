import Foundation

/// Finds keys given twice in one JSON object: JSONSerialization silently keeps the
/// last one, so a case file saying `"vaf": 0.41, …, "vaf": 0.041` would be read as one of the two without a
/// word. Runs over text that JSONSerialization has already accepted; iterative (no recursion), linear.
public enum JSONDuplicateKeys {
    /// JSON paths (`$.patients[3].variants[0].vaf`) of every repeated key, in file order; `root` is the path of the
    /// value `data` holds (`$.patients[3]` for one patient read apart).
    public static func find(_ data: Data, root: String = "$") -> [String] {
        let b = [UInt8](data)
        var i = 0
        var out: [String] = []
        enum Frame { case object(path: String, keys: Set<String>), array(path: String, index: Int) }
        var stack: [Frame] = []
        var pendingPath = root // path of the value about to be read

        func skipWS() { while i < b.count, b[i] == 0x20 || b[i] == 0x0A || b[i] == 0x0D || b[i] == 0x09 { i += 1 } }
        /// Reads a string at `i` (on its opening quote); returns its decoded text.
        func readString() -> String {
            let start = i
            i += 1
            var escaped = false
            while i < b.count {
                let c = b[i]
                if c == 0x5C { escaped = true; i += 2; continue }
                if c == 0x22 { break }
                i += 1
            }
            let end = min(i, b.count)
            i += 1
            let raw = Array(b[min(start + 1, end)..<end])
            if !escaped { return String(decoding: raw, as: UTF8.self) }
            let quoted = Data([0x22] + raw + [0x22])
            if let s = (try? JSONSerialization.jsonObject(with: quoted, options: [.fragmentsAllowed])) as? String { return s }
            return String(decoding: raw, as: UTF8.self)
        }
        func member(_ path: String, _ key: String) -> String {
            // ASCII letters, digits and "_" only (a byte test: any non-ASCII scalar makes the key not plain).
            let plain = !key.isEmpty && key.utf8.allSatisfy { ($0 >= 0x41 && $0 <= 0x5A) || ($0 >= 0x61 && $0 <= 0x7A) || ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x5F }
            return plain ? "\(path).\(key)" : "\(path)[\(CaseTextRules.quoted(key))]"
        }
        /// After a value: moves to the next member/element or closes containers.
        func afterValue() {
            while true {
                skipWS()
                guard i < b.count, let top = stack.last else { return }
                if b[i] == 0x2C { // ,
                    i += 1
                    if case .array(let p, let n) = top { stack[stack.count - 1] = .array(path: p, index: n + 1); pendingPath = "\(p)[\(n + 1)]" }
                    return
                }
                if b[i] == 0x7D || b[i] == 0x5D { i += 1; stack.removeLast(); continue }
                i = b.count; return // malformed: stop
            }
        }
        while i < b.count {
            skipWS()
            guard i < b.count else { break }
            // Inside an object, a key comes first.
            if case .object(let p, var keys) = stack.last {
                if b[i] == 0x7D { i += 1; stack.removeLast(); afterValue(); continue }
                guard b[i] == 0x22 else { break }
                let key = readString()
                let path = member(p, key)
                if !keys.insert(key).inserted { out.append(path) }
                stack[stack.count - 1] = .object(path: p, keys: keys)
                skipWS()
                guard i < b.count, b[i] == 0x3A else { break }
                i += 1
                skipWS()
                pendingPath = path
            }
            guard i < b.count else { break }
            switch b[i] {
            case 0x7B: i += 1; stack.append(.object(path: pendingPath, keys: []))
            case 0x5B:
                i += 1
                stack.append(.array(path: pendingPath, index: 0))
                skipWS()
                if i < b.count, b[i] == 0x5D { i += 1; stack.removeLast(); afterValue() } else { pendingPath = "\(pendingPath)[0]" }
            case 0x22: _ = readString(); afterValue()
            default:
                let start = i
                while i < b.count, ![0x2C, 0x7D, 0x5D, 0x20, 0x0A, 0x0D, 0x09].contains(b[i]) { i += 1 }
                // A stray closing bracket outside every container (text before the top-level value, e.g. a UTF-8
                // byte-order mark that JSONSerialization accepts): step over it instead of looping on it forever.
                if i == start && stack.isEmpty { i += 1; continue }
                afterValue()
            }
            if stack.isEmpty { skipWS(); if i >= b.count { break } }
        }
        return out
    }
}
