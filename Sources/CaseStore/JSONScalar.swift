import Foundation

/// How a parsed JSON scalar is told apart and shown in messages, for every reader of JSON (case files, FHIR).
public enum JSONScalar {
    /// Whether a number parsed by `JSONSerialization` was a JSON `true`/`false` (not `1`/`0`).
    public static func isBool(_ n: NSNumber) -> Bool {
        let c = n.objCType.pointee
        let charOrBool = (c == 0x63 || c == 0x42) && n.objCType[1] == 0  // "c" or "B"
        // A plain NSNumber (every number NativeJSON and JSONSerialization give) is told by its type code alone; only
        // another class (a Boolean subclass) needs its name read.
        if type(of: n) == NSNumber.self { return charOrBool }
        return charOrBool || String(describing: type(of: n)).contains("Boolean")
    }

    /// Whether a parsed JSON value is `null` (`NSNull`), by its exact type: `v is NSNull` on a Swift array or
    /// dictionary bridges the whole container to `NSArray`/`NSDictionary` first on Linux (half of the import's
    /// validation time at 10,000 patients, issue #16).
    @inline(__always) public static func isNull(_ v: Any) -> Bool { type(of: v) == NSNull.self }

    /// `120`, `0.5`: a number as a message shows it.
    public static func describe(_ d: Double) -> String {
        d == d.rounded() && abs(d) < 1e15 ? String(Int(d)) : String(d)
    }
}
