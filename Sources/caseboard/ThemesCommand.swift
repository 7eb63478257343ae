import ArgumentParser
import Foundation
import ScreenKit

/// `caseboard themes`: lists the colour themes (built-in directories first), marks the remembered one,
/// and with `--check` validates every theme file (errors name file:line, exit 1).
struct ThemesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "themes",
        abstract: "List the colour themes (use one with --theme NAME|PATH; the choice is remembered).")

    @Flag(name: .long, help: "Validate every theme file; exit 1 if any has an error.") var check = false
    @Flag(name: .long, help: "Print only the theme names.") var names = false

    func run() throws {
        let listing = ThemeListing.make(namesOnly: names)
        for l in listing.lines { print(l) }
        if check && !listing.failures.isEmpty {
            for f in listing.failures { CLI.stderr("caseboard: \(f)") }
            throw ExitCode(1)
        }
    }
}
