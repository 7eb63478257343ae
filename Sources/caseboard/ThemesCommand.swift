import ArgumentParser
import Foundation
import ScreenKit

/// `caseboard themes`: lists the colour themes (built-in directories first), marks the remembered one,
/// and with `--check` validates every theme file (errors name file:line, exit 1).
struct ThemesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "themes",
        abstract: "List the colour themes (use one with --theme NAME|PATH; the choice is remembered).")

    @Flag(name: .long, help: "Validate every theme file; exit 1 if any has an error.")
    var check = false

    @Flag(name: .long, help: "Print only the theme names.")
    var names = false

    func run() throws {
        let found = Theme.available()
        let config = ThemeConfig.load()
        let current = config.theme ?? "default"
        if found.isEmpty {
            print("No theme files found (looked in: \(Theme.defaultSearchPaths().joined(separator: ", "))); the built-in default is used.")
            return
        }
        var failures: [String] = []
        let width = found.map(\.name.count).max() ?? 0
        for (name, path) in found {
            if names { print(name); continue }
            let mark = (name == current || path == current) ? "*" : " "
            do {
                let t = try Theme.load(path: path)
                print("\(mark) \(name.padding(toLength: width, withPad: " ", startingAt: 0))  \(t.summary)")
            } catch {
                failures.append("\(error)")
                print("\(mark) \(name.padding(toLength: width, withPad: " ", startingAt: 0))  (invalid: \(error))")
            }
        }
        if !names {
            print("")
            print("Current: \(current) (remembered in \(config.path)); choose with: caseboard --theme NAME|PATH")
        }
        if check && !failures.isEmpty {
            for f in failures { FileHandle.standardError.write(Data("caseboard: \(f)\n".utf8)) }
            throw ExitCode(1)
        }
    }
}
