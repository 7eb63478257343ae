import Foundation

/// The listing of `caseboard themes`: every theme file found (built-in directories first), the remembered one
/// marked with `*`, each loaded so that an invalid file is shown with its `file:line` error.
public struct ThemeListing: Sendable {
    public var lines: [String]
    /// The errors of the invalid theme files (`file:line: message`).
    public var failures: [String]

    public static func make(namesOnly: Bool) -> ThemeListing {
        let found = Theme.available()
        let config = ThemeConfig.load()
        let current = config.theme ?? "default"
        if found.isEmpty {
            return ThemeListing(lines: ["No theme files found (looked in: \(Theme.defaultSearchPaths().joined(separator: ", "))); the built-in default is used."],
                                failures: [])
        }
        var out = ThemeListing(lines: [], failures: [])
        let width = found.map(\.name.count).max() ?? 0
        for (name, path) in found {
            if namesOnly { out.lines.append(name); continue }
            let mark = (name == current || path == current) ? "*" : " "
            let padded = name.padding(toLength: width, withPad: " ", startingAt: 0)
            do {
                let t = try Theme.load(path: path)
                out.lines.append("\(mark) \(padded)  \(t.summary)")
            } catch {
                out.failures.append("\(error)")
                out.lines.append("\(mark) \(padded)  (invalid: \(error))")
            }
        }
        if !namesOnly {
            out.lines += ["", "Current: \(current) (remembered in \(config.path)); choose with: caseboard --theme NAME|PATH"]
        }
        return out
    }
}
