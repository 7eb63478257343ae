import Foundation

/// The remembered UI settings, in `$XDG_CONFIG_HOME/caseboard/config` (default `~/.config/caseboard/config`),
/// as `key = value` lines; `theme = NAME|PATH` is remembered from `--theme`.
public struct ThemeConfig: Equatable, Sendable {
    public var theme: String?
    /// The file this config was read from and is saved to.
    public var path: String

    public init(theme: String? = nil, path: String = ThemeConfig.defaultPath()) { self.theme = theme; self.path = path }

    public static func defaultPath(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        let base: String
        if let x = environment["XDG_CONFIG_HOME"], !x.isEmpty { base = x }
        else { base = ((environment["HOME"] ?? NSHomeDirectory()) as NSString).appendingPathComponent(".config") }
        return ((base as NSString).appendingPathComponent("caseboard") as NSString).appendingPathComponent("config")
    }

    /// Reads the config; a missing or unreadable file gives an empty config.
    public static func load(path: String = defaultPath()) -> ThemeConfig {
        var c = ThemeConfig(path: path)
        guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else { return c }
        for line in text.split(separator: "\n") {
            let t = line.trimmingCharacters(in: .whitespaces)
            if t.hasPrefix("#") { continue }
            let parts = t.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            if parts.count == 2, parts[0] == "theme", !parts[1].isEmpty { c.theme = parts[1] }
        }
        return c
    }

    /// Writes the config atomically, creating its directory; other lines in the file are kept.
    public func save() throws {
        let url = URL(fileURLWithPath: path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        var lines: [String] = []
        if let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) {
            lines = text.split(separator: "\n").map(String.init).filter {
                !$0.trimmingCharacters(in: .whitespaces).hasPrefix("theme") || $0.trimmingCharacters(in: .whitespaces).hasPrefix("#")
            }
        } else {
            lines = ["# caseboard settings (written by caseboard)"]
        }
        if let t = theme { lines.append("theme = \(t)") }
        try (lines.joined(separator: "\n") + "\n").write(to: url, atomically: true, encoding: .utf8)
    }
}
