import ArgumentParser
import CaseboardCore
import Foundation

/// `caseboard export [--out FILE]`: caseboard-cases v1, patients by id, keys sorted.
struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "export", abstract: "Export every case as caseboard-cases v1 JSON.")

    @OptionGroup var global: GlobalOptions
    @Option(name: .long, help: "Write to FILE instead of stdout (written to a temporary file, then renamed).") var out: String?
    @Option(name: .long, help: "cases (caseboard-cases v1, default) or fhir (a FHIR R4 collection Bundle).") var format = "cases"
    @Option(name: .long, parsing: .upToNextOption, help: "Only these case ids.") var patient: [String] = []
    @Flag(name: .long, help: "Replace --out even when it is not an earlier export (never the open database).") var force = false

    func run() throws {
        try DataRuns.export(try global.workspace(), out: out, format: format, patientIDs: patient, force: force, console: .standard)
    }
}
