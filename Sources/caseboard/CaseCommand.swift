import ArgumentParser
import CaseboardCore
import Foundation

/// `caseboard case ID [--json]`: one case with its interpretations (formats.md §4).
struct CaseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "case", abstract: "Show one case with its interpretations.")

    @OptionGroup var global: GlobalOptions
    @Argument(help: "Case id, e.g. SL-AML-0042.") var id: String
    @Flag(name: .long, help: "Print one JSON object on stdout.") var json = false

    func run() throws { try CaseRuns.show(try global.workspace(), id: id, json: json, console: .standard) }
}
