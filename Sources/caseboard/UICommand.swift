import ArgumentParser
import Foundation
import BoardApp
import CaseboardCore
import CursesBackend
import ScreenKit

extension CursesTerminal: TerminalDevice {}

/// `caseboard` (no subcommand): the interactive terminal UI on the database (`TerminalSession` in the core).
struct UICommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ui", abstract: "Open the terminal UI on the database (the default command).")

    @OptionGroup var options: GlobalOptions
    @Option(name: .long, help: "Colour theme: a name from `caseboard themes` or a path to a theme file (remembered).") var theme: String?
    @Flag(name: .long, help: "Draw with ASCII characters only (the default when the locale is not UTF-8).") var ascii = false

    func run() throws {
        let started = DispatchTime.now().uptimeNanoseconds
        let chosenTheme: Theme
        do {
            chosenTheme = try Theme.resolve(option: theme) { FileHandle.standardError.write(Data("caseboard: warning: \($0)\n".utf8)) }
        } catch { throw CLIError.user("\(error)") }
        try TerminalSession.run(try options.workspace(), startedAt: started) {
            let terminal: CursesTerminal
            do { terminal = try CursesTerminal(theme: chosenTheme, forceASCII: ascii ? true : nil) } catch { throw CLIError.user("\(error)") }
            return (terminal, terminal.ascii, { terminal.shutdown() })
        }
    }
}
