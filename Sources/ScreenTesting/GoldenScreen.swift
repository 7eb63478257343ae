import Foundation
import ScreenKit

/// Golden screen files: the text of every row quoted (so trailing spaces show), then the role of
/// every cell as one code per cell, then a legend of the codes used.
public enum GoldenScreen {
    public enum Outcome: Equatable {
        case matched
        /// The golden did not exist (or recording was asked): it was written and must be reviewed.
        case recorded(path: String)
        case mismatched(path: String, diff: String)
    }

    /// The golden text of a buffer.
    public static func text(of buffer: Buffer) -> String {
        var out = "size \(buffer.width)x\(buffer.height)\n"
        for y in 0..<buffer.height { out += "\"" + buffer.rowText(y) + "\"\n" }
        out += "roles\n"
        for y in 0..<buffer.height {
            var line = "\""
            for x in 0..<buffer.width {
                let c = buffer[x, y]
                if c.isContinuation { continue }
                line.append(RoleCodes.code(c.role))
                // A wide glyph takes two columns of text: keep the role row aligned with it.
                if DisplayWidth.of(c.text) == 2 { line.append(RoleCodes.code(c.role)) }
            }
            out += line + "\"\n"
        }
        out += "legend " + RoleCodes.legend(for: buffer) + "\n"
        return out
    }

    /// Compares `buffer` with `directory/name.txt`. Records it when missing or when the environment
    /// variable `CASEBOARD_RECORD_GOLDENS` is set (the caller then fails so a person reviews it).
    public static func check(_ buffer: Buffer, name: String, directory: URL) -> Outcome {
        let url = directory.appendingPathComponent(name + ".txt")
        let actual = text(of: buffer)
        let record = ProcessInfo.processInfo.environment["CASEBOARD_RECORD_GOLDENS"] != nil
        if !record, let expected = try? String(contentsOf: url, encoding: .utf8) {
            if expected == actual { return .matched }
            return .mismatched(path: url.path, diff: firstDifference(expected, actual))
        }
        try? FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        try? actual.write(to: url, atomically: true, encoding: .utf8)
        return .recorded(path: url.path)
    }

    /// The first differing line of two goldens, both versions shown.
    public static func firstDifference(_ a: String, _ b: String) -> String {
        let la = a.components(separatedBy: "\n"), lb = b.components(separatedBy: "\n")
        for i in 0..<max(la.count, lb.count) {
            let x = i < la.count ? la[i] : "<none>", y = i < lb.count ? lb[i] : "<none>"
            if x != y { return "line \(i + 1):\n  golden: \(x)\n  actual: \(y)" }
        }
        return "identical lines, different endings"
    }
}
