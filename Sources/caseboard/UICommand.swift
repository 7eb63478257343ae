import ArgumentParser
import Foundation
import BoardApp
import CaseboardCore
import CursesBackend
import ScreenKit

extension CursesTerminal: TerminalDevice {}

/// `caseboard` (no subcommand): the interactive terminal UI on the database.
struct UICommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ui", abstract: "Open the terminal UI on the database (the default command).")

    @OptionGroup var options: GlobalOptions
    @Option(name: .long, help: "Colour theme: a name from `caseboard themes` or a path to a theme file (remembered).") var theme: String?
    @Flag(name: .long, help: "Draw with ASCII characters only (the default when the locale is not UTF-8).") var ascii = false

    func run() throws {
        let started = DispatchTime.now().uptimeNanoseconds
        let chosenTheme: Theme
        do { chosenTheme = try Theme.resolve(option: theme) } catch {
            throw CLIError.user("\(error)")
        }
        let session = try LiveRepository.open(try options.workspace(), waitStored: ProcessInfo.processInfo.environment["CASEBOARD_WAIT_STORED"] == "1")
        let repository = session.repository
        let terminal: CursesTerminal
        do { terminal = try CursesTerminal(theme: chosenTheme, forceASCII: ascii ? true : nil) } catch {
            throw CLIError.user("\(error)")
        }
        defer { terminal.shutdown() }
        let (w, h) = terminal.size
        let runtime = LiveRepository.runtime(session, width: w, height: h, ascii: terminal.ascii)
        runtime.start()
        var loop = AppLoop(runtime: runtime, terminal: terminal)
        if let log = ProcessInfo.processInfo.environment["CASEBOARD_STARTUP_LOG"] {
            loop.onFirstFrame = {
                let ms = Double(DispatchTime.now().uptimeNanoseconds - started) / 1e6
                let phases = session.phases.map { "\($0.0) \(String(format: "%.1f", $0.1))" }.joined(separator: " ")
                let line = "first-frame-ms \(String(format: "%.1f", ms)) cases \(repository.caseCount) interpreted \(repository.interpretedCount) (\(phases))\n"
                try? line.write(toFile: log, atomically: true, encoding: .utf8)
            }
        }
        loop.run()
    }
}
