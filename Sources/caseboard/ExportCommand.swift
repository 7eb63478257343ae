import ArgumentParser
import CaseStore
import CaseboardCore
import Foundation
import Interop

/// `caseboard export [--out FILE]`: caseboard-cases v1, patients by id, keys sorted.
struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "export", abstract: "Export every case as caseboard-cases v1 JSON.")

    @OptionGroup var global: GlobalOptions
    @Option(name: .long, help: "Write to FILE instead of stdout (written to a temporary file, then renamed).") var out: String?
    @Option(name: .long, help: "cases (caseboard-cases v1, default) or fhir (a FHIR R4 collection Bundle).") var format = "cases"
    @Option(name: .long, parsing: .upToNextOption, help: "Only these case ids.") var patient: [String] = []
    @Flag(name: .long, help: "Replace --out even when it is not an earlier export (never the open database).") var force = false

    func run() throws {
        let context = try global.workspace()
        let export = try CaseExport.make(context, format: format, patientIDs: patient)
        for w in export.warnings { CLI.stderr("warning: \(w)") }
        let data = export.data
        if let out {
            try OutputGuard.check(out, writing: "a caseboard-cases export", mayReplace: [.caseFile], force: force,
                                  openDatabase: try context.database().path)
            let url = URL(fileURLWithPath: out)
            do { try data.write(to: url, options: .atomic) } catch {
                throw CLIError.user("cannot write \(out): \(error.localizedDescription)")
            }
        } else {
            FileHandle.standardOutput.write(data)
        }
    }
}
