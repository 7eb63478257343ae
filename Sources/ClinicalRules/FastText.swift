/// Byte-level text helpers for the hot paths (the generic `StringProtocol.contains(_:)` of the
/// standard library's string-processing module is far slower than a UTF-8 scan).
enum FastText {
    /// Whether `haystack` contains `needle` (exact bytes).
    static func contains(_ haystack: String, _ needle: String) -> Bool {
        var h = haystack, n = needle
        return h.withUTF8 { hb in
            n.withUTF8 { nb in
                let hc = hb.count, nc = nb.count
                if nc == 0 { return true }
                if nc > hc { return false }
                let first = nb[0]
                var i = 0
                while i <= hc - nc {
                    if hb[i] == first {
                        var j = 1
                        while j < nc && hb[i + j] == nb[j] { j += 1 }
                        if j == nc { return true }
                    }
                    i += 1
                }
                return false
            }
        }
    }

    /// ASCII lower-casing (other bytes unchanged).
    static func lower(_ s: String) -> String {
        var s = s
        return s.withUTF8 { b in
            String(decoding: b.map { ($0 >= 65 && $0 <= 90) ? $0 + 32 : $0 }, as: UTF8.self)
        }
    }
}
