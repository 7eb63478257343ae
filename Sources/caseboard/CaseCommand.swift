import ArgumentParser
import CaseboardCore
import Foundation

/// `caseboard case ID [--json]`: one case with its interpretations (formats.md §4).
struct CaseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "case", abstract: "Show one case with its interpretations.")

    @OptionGroup var global: GlobalOptions
    @Argument(help: "Case id, e.g. SL-AML-0042.") var id: String
    @Flag(name: .long, help: "Print one JSON object on stdout.") var json = false

    func run() throws {
        let context = try global.workspace()
        let p = try context.patient(id: id)
        let doc = try CaseDocument.make(p, in: context)
        if json {
            try CLI.printJSON(doc)
        } else {
            print(CaseTextSummary.text(p, doc, today: context.today), terminator: "")
        }
    }
}
