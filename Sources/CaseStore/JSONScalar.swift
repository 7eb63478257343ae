import Foundation

/// How a parsed JSON scalar is told apart and shown in messages, for every reader of JSON (case files, FHIR).
public enum JSONScalar {
    /// Whether a number parsed by `JSONSerialization` was a JSON `true`/`false` (not `1`/`0`).
    public static func isBool(_ n: NSNumber) -> Bool {
        let t = String(cString: n.objCType)
        return t == "c" || t == "B" || String(describing: type(of: n)).contains("Boolean")
    }

    /// `120`, `0.5`: a number as a message shows it.
    public static func describe(_ d: Double) -> String {
        d == d.rounded() && abs(d) < 1e15 ? String(Int(d)) : String(d)
    }
}
