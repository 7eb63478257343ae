import ArgumentParser
import CaseStore
import Foundation
import Interop

/// `caseboard export [--out FILE]`: caseboard-cases v1, patients by id, keys sorted.
struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "export", abstract: "Export every case as caseboard-cases v1 JSON.")

    @OptionGroup var global: GlobalOptions

    @Option(name: .long, help: "Write to FILE instead of stdout (written to a temporary file, then renamed).")
    var out: String?

    @Option(name: .long, help: "cases (caseboard-cases v1, default) or fhir (a FHIR R4 collection Bundle).") var format = "cases"
    @Option(name: .long, parsing: .upToNextOption, help: "Only these case ids.") var patient: [String] = []

    func run() throws {
        let context = try CommandContext(global)
        guard format == "cases" || format == "fhir" else { throw CLIError.user("--format: expected cases or fhir, found \"\(format)\"") }
        var patients = try context.patients()
        if !patient.isEmpty {
            let known = Set(patients.map(\.id))
            if let missing = patient.first(where: { !known.contains($0) }) { throw CLIError.user("unknown patient id '\(missing)'") }
            patients = patients.filter { patient.contains($0.id) }
        }
        let data: Data
        if format == "fhir" {
            let o = try FHIRWriter.bundle(patients)
            for w in o.warnings { FileHandle.standardError.write(Data("warning: \(w)\n".utf8)) }
            data = o.data
        } else { data = try CaseFileWriter.data(patients) }
        if let out {
            let url = URL(fileURLWithPath: out)
            do { try data.write(to: url, options: .atomic) } catch {
                throw CLIError.user("cannot write \(out): \(error.localizedDescription)")
            }
        } else {
            FileHandle.standardOutput.write(data)
        }
    }
}
