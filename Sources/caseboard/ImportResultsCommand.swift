import ArgumentParser
import CaseModel
import CaseStore
import CaseboardCore
import Foundation
import Interop

/// `caseboard import-results FILE.csv --map MAP.yaml [--dry-run]`: laboratory or MRD results added to cases already in
/// the database; results equal to stored ones are skipped and counted; audited with the file's SHA-256.
struct ImportResultsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "import-results", abstract: "Import lab or MRD results from a CSV export with a column map.")

    @OptionGroup var global: GlobalOptions
    @Argument(help: "The laboratory's CSV export.") var file: String
    @Option(name: .long, help: "Column map (YAML; examples in demo-db/interop/).") var map: String
    @Flag(name: .long, help: "Print what would change without writing.") var dryRun = false

    func run() throws {
        try InteropImports.results(try global.workspace(), file: file, map: map, dryRun: dryRun, out: { print($0) }, err: { CLI.stderr($0) })
    }
}
