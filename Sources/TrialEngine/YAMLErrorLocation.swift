import Yams

/// Where a Yams error is, as `line`, `column` (1-based) and a one-line message without the document's text
/// (issue 12 item 10: YAML errors reported at the real `file:line:column`; a duplicate key named with its line,
/// never the whole file).
public enum YAMLErrorLocation {
    public struct Located: Sendable, Equatable {
        public var line: Int
        public var column: Int
        public var message: String
    }

    public static func locate(_ e: YamlError, text: String) -> Located {
        switch e {
        case .scanner(let ctx, let problem, let mark, _), .parser(let ctx, let problem, let mark, _),
             .composer(let ctx, let problem, let mark, _):
            return Located(line: mark.line, column: mark.column, message: problem + (ctx.map { " (\($0.text))" } ?? ""))
        case .reader(let problem, let offset, _, let yaml):
            var line = 1, column = 1
            if let offset {
                for ch in yaml.prefix(offset) { if ch == "\n" { line += 1; column = 1 } else { column += 1 } }
            }
            return Located(line: line, column: column, message: problem)
        case .duplicatedKeysInMapping(let duplicates, let context):
            let keys = Array(Set(duplicates)).sorted()
            let key = keys.first ?? "?"
            let first = context.mark
            // The repeated occurrence: the next line at the same indentation that starts with the key.
            let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
            let indent = max(0, first.column - 1)
            var again: (Int, Int)?
            if first.line >= 1 {
                for i in first.line..<lines.count {
                    let l = lines[i]
                    guard l.count > indent, l.prefix(indent).allSatisfy({ $0 == " " || $0 == "-" }) else { continue }
                    let rest = l.dropFirst(indent)
                    if rest.hasPrefix(key + ":") || rest.hasPrefix("\"\(key)\":") || rest.hasPrefix("'\(key)':") { again = (i + 1, indent + 1); break }
                }
            }
            let others = keys.count > 1 ? " (also duplicated: \(keys.dropFirst().prefix(5).joined(separator: ", ")))" : ""
            if let (l, c) = again {
                return Located(line: l, column: c, message: "duplicate key \"\(key)\" in a mapping (first at line \(first.line))\(others)")
            }
            return Located(line: max(1, first.line), column: max(1, first.column), message: "duplicate key \"\(key)\" in a mapping\(others)")
        default:
            let text = "\(e)"
            return Located(line: 1, column: 1, message: String(text.prefix(200)))
        }
    }
}
