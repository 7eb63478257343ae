import Foundation

/// Helpers for JSON messages: the kind of a value and the position of a syntax error.
enum JSONLocation {
    static func kind(_ v: Any) -> String {
        switch v {
        case is NSNull: return "null"
        case is String: return "a string"
        case is NSNumber: return "a number or boolean"
        case is [Any]: return "a list"
        case is [String: Any]: return "an object"
        default: return "\(type(of: v))"
        }
    }

    /// The parser's message, with the line of the byte offset it gives when it gives one.
    static func describe(_ error: Error, data: Data) -> String {
        let ns = error as NSError
        var msg = (ns.userInfo[NSDebugDescriptionErrorKey] as? String) ?? ns.localizedDescription
        if let idx = ns.userInfo["NSJSONSerializationErrorIndex"] as? Int, idx <= data.count {
            let line = data.prefix(idx).reduce(1) { $1 == 0x0A ? $0 + 1 : $0 }
            msg = "line \(line): " + msg
        }
        return msg
    }
}
