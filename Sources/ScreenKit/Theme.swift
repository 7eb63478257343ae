import Foundation

/// Roles mapped to colours and attributes, read from a tig-like theme file:
///
///     # comment
///     color <role> <fg> <bg> [bold|underline|reverse|dim|italic|blink|standout…]
///
/// Colours: `default`, names (`black` … `white`, `bright-black` … `bright-white`, `gray`), 0–255, `#rrggbb`.
/// A role the file does not set falls back to its dotted parent, then to `normal`.
public struct Theme: Equatable, Sendable {
    public var name: String
    /// First comment line of the file (shown by `caseboard themes`).
    public var summary: String
    public var styles: [Role: ThemeStyle]

    public init(name: String, summary: String = "", styles: [Role: ThemeStyle] = [:]) {
        self.name = name; self.summary = summary; self.styles = styles
    }

    /// The style of `role`, falling back to its dotted parent, then `normal`.
    public func style(for role: Role) -> ThemeStyle {
        var r: Role? = role
        while let cur = r {
            if let s = styles[cur] { return s }
            r = cur.parent
        }
        return styles[.normal] ?? .plain
    }

    // MARK: parsing

    /// Parses theme text; `file` names the source in error messages.
    public static func parse(_ text: String, name: String, file: String) throws -> Theme {
        var theme = Theme(name: name)
        var lineNo = 0
        for raw in text.split(separator: "\n", omittingEmptySubsequences: false) {
            lineNo += 1
            let trimmed = raw.trimmingCharacters(in: .whitespaces)
            if trimmed.hasPrefix("#") {
                if theme.summary.isEmpty, theme.styles.isEmpty {
                    let c = trimmed.dropFirst().trimmingCharacters(in: .whitespaces)
                    if !c.isEmpty { theme.summary = c }
                }
                continue
            }
            // Words up to a trailing comment (a word starting with # that is not a fg/bg colour).
            var words: [String] = []
            for w in trimmed.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init) {
                if w.hasPrefix("#") && !(words.count == 2 || words.count == 3) { break }
                words.append(w)
            }
            guard let keyword = words.first else { continue }
            func fail(_ m: String) -> ThemeError { ThemeError(file: file, line: lineNo, message: m) }
            guard keyword == "color" else { throw fail("unknown keyword \"\(keyword)\" (expected: color <role> <fg> <bg> [attributes])") }
            guard words.count >= 4 else { throw fail("expected: color <role> <fg> <bg> [attributes]") }
            let role = Role(words[1])
            guard Role.isKnown(role) else { throw fail("unknown role \"\(words[1])\"") }
            guard let fg = ThemeColor(parsing: words[2]) else { throw fail("bad colour \"\(words[2])\" (a name, 0-255 or #rrggbb)") }
            guard let bg = ThemeColor(parsing: words[3]) else { throw fail("bad colour \"\(words[3])\" (a name, 0-255 or #rrggbb)") }
            var attrs: TextAttributes = []
            for a in words.dropFirst(4) {
                guard let v = TextAttributes.byName[a.lowercased()] else { throw fail("unknown attribute \"\(a)\" (bold, underline, reverse, dim, italic, blink, standout)") }
                attrs.formUnion(v)
            }
            theme.styles[role] = ThemeStyle(foreground: fg, background: bg, attributes: attrs)
        }
        return theme
    }

    /// Loads a theme file; the name is the file name without `.theme`.
    public static func load(path: String) throws -> Theme {
        let url = URL(fileURLWithPath: path)
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ThemeError(file: path, line: 0, message: "cannot read theme file")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw ThemeError(file: path, line: 0, message: "theme file is not UTF-8 text")
        }
        return try parse(text, name: url.deletingPathExtension().lastPathComponent, file: path)
    }

    // MARK: finding themes

    public static let fileExtension = "theme"

    /// Where built-in themes are looked for, in order: `$CASEBOARD_THEMES_DIR`, a `themes/` directory
    /// found walking up from the executable, then the source checkout's `themes/`.
    public static func defaultSearchPaths(environment: [String: String] = ProcessInfo.processInfo.environment) -> [String] {
        var paths: [String] = []
        if let env = environment["CASEBOARD_THEMES_DIR"], !env.isEmpty { paths.append(env) }
        var dir = URL(fileURLWithPath: CommandLine.arguments.first ?? "").resolvingSymlinksInPath().deletingLastPathComponent()
        for _ in 0..<8 {
            let candidate = dir.appendingPathComponent("themes").path
            if isDirectory(candidate) { paths.append(candidate); break }
            let parent = dir.deletingLastPathComponent()
            if parent.path == dir.path { break }
            dir = parent
        }
        let source = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("themes").path
        if isDirectory(source) { paths.append(source) }
        var seen = Set<String>()
        return paths.filter { seen.insert(URL(fileURLWithPath: $0).standardizedFileURL.path).inserted }
    }

    private static func isDirectory(_ path: String) -> Bool {
        var isDir: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDir) && isDir.boolValue
    }

    /// The themes available in `searchPaths`: name → file path (first path wins).
    public static func available(searchPaths: [String] = defaultSearchPaths()) -> [(name: String, path: String)] {
        var out: [(String, String)] = []
        var seen = Set<String>()
        for dir in searchPaths {
            let files = (try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? []
            for f in files.sorted() where f.hasSuffix("." + fileExtension) {
                let name = String(f.dropLast(fileExtension.count + 1))
                if seen.insert(name).inserted { out.append((name, (dir as NSString).appendingPathComponent(f))) }
            }
        }
        return out
    }

    /// A theme by name (`default`, `light`…) from the search paths, or by path (contains `/` or ends in
    /// `.theme`). `default` falls back to the built-in `Theme.fallback` when no file is found.
    public static func named(_ nameOrPath: String, searchPaths: [String] = defaultSearchPaths()) throws -> Theme {
        if nameOrPath.contains("/") || nameOrPath.hasSuffix("." + fileExtension) {
            return try load(path: nameOrPath)
        }
        if let hit = available(searchPaths: searchPaths).first(where: { $0.name == nameOrPath }) {
            return try load(path: hit.path)
        }
        if nameOrPath == "default" { return fallback }
        let names = available(searchPaths: searchPaths).map(\.name).joined(separator: ", ")
        throw ThemeError(file: nameOrPath, line: 0,
                         message: "no such theme (available: \(names.isEmpty ? "none found" : names))")
    }

    /// The theme in force: `option` (`--theme NAME|PATH`, remembered in the config when `remember`),
    /// else the remembered one, else `default`. A remembered theme that no longer loads, or a choice that cannot be
    /// remembered, is said through `warn` (the UI still opens: with `default` in the first case).
    public static func resolve(option: String?, config: ThemeConfig = ThemeConfig.load(),
                               searchPaths: [String] = defaultSearchPaths(), remember: Bool = true,
                               warn: (String) -> Void = { _ in }) throws -> Theme {
        if let o = option {
            let t = try named(o, searchPaths: searchPaths)
            if remember {
                var c = config; c.theme = o
                do { try c.save() } catch { warn("theme \(o) is used but could not be remembered: \(error)") }
            }
            return t
        }
        if let remembered = config.theme {
            do { return try named(remembered, searchPaths: searchPaths) } catch {
                warn("the remembered theme \(remembered) does not load (\(error)); using default")
            }
        }
        return try named("default", searchPaths: searchPaths)
    }

    /// A dark theme built in, used when no theme files can be found.
    public static let fallback: Theme = {
        let text = """
        # Built-in dark theme (used when themes/ cannot be found)
        color normal default default
        color title white default bold
        color border bright-black default
        color border.focused cyan default bold
        color selection black cyan
        color selection.unfocused default bright-black
        color header default default bold underline
        color footer default default
        color hint.key cyan default bold
        color muted bright-black default
        color error bright-red default bold
        color warning yellow default bold
        color ok green default
        color tab.active black cyan bold
        color button.focused black cyan bold
        color input.cursor default default reverse
        color eln.favorable green default
        color eln.intermediate yellow default
        color eln.adverse bright-red default bold
        color germline.redflag bright-magenta default bold
        color mrd.positive bright-red default
        color mrd.negative green default
        color mrd.lowlevel yellow default
        color mrd.threshold bright-black default
        color mrd.event magenta default
        color trial.eligible green default bold
        color trial.possibly yellow default
        color trial.ineligible bright-black default
        color task.overdue bright-red default bold
        color task.duesoon yellow default
        color demo.banner black yellow bold
        """
        return (try? parse(text, name: "default", file: "<built-in>")) ?? Theme(name: "default")
    }()
}
