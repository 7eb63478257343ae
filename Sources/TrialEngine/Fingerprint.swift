/// FNV-1a 64-bit hash (stable across runs, unlike `Hasher`).
public enum Fingerprint {
    public static func of(_ text: String) -> UInt64 { of(bytes: Array(text.utf8)) }
    public static func of(bytes: [UInt8]) -> UInt64 {
        var h: UInt64 = 0xcbf29ce484222325
        for b in bytes { h ^= UInt64(b); h = h &* 0x100000001b3 }
        return h
    }
}
