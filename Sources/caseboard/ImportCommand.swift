import ArgumentParser
import CaseModel
import CaseStore
import CaseboardCore
import Foundation
import Interop

/// `caseboard import FILE…`: validates every file completely first; on any error prints each
/// problem as `FILE: patient ID: JSON path: message`, exits 1 and writes nothing (the database
/// is not even opened).
struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import caseboard-cases v1 files (all or nothing; an existing id is replaced).")

    @OptionGroup var global: GlobalOptions
    @Argument(help: "Case files (caseboard-cases v1 JSON) or FHIR R4 JSON (Bundle, Parameters or one resource).") var files: [String]
    @Option(name: .long, help: "FHIR: identifier system whose value is the case id (else the first identifier).") var idSystem: String?
    @Option(name: .long, help: "FHIR: case id for resources without a subject.") var patient: String?
    @Option(name: .long, help: "FHIR: date (YYYY-MM-DD) for results that carry none.") var date: String?
    @Flag(name: .long, help: "FHIR: print the changes per case without writing.") var dryRun = false

    func run() throws {
        let fhir = files.filter { $0.hasSuffix(".fsh") || (FileManager.default.contents(atPath: $0).map(FHIRDocument.looksLikeFHIR) ?? false) }
        if !fhir.isEmpty {
            guard fhir.count == files.count else { throw CLIError.user("import FHIR files and caseboard-cases files separately") }
            return try InteropImports.fhir(try global.workspace(), files: files, idSystem: idSystem, patient: patient, date: date, dryRun: dryRun,
                                          out: { print($0) }, err: { CLI.stderr($0) })
        }
        if dryRun || idSystem != nil || patient != nil || date != nil {
            throw CLIError.user("--dry-run, --id-system, --patient and --date apply to FHIR input")
        }
        let reader = CaseFileReader.read(files: files, today: try global.resolvedToday())
        let stderr = FileHandle.standardError
        for w in reader.warnings { stderr.write(Data("warning: \(w)\n".utf8)) }
        if !reader.errors.isEmpty {
            for e in reader.errors { stderr.write(Data("\(e)\n".utf8)) }
            throw CLIError.user("import refused: \(reader.errors.count) problem\(reader.errors.count == 1 ? "" : "s") found; nothing was written.")
        }
        let context = try global.workspace()
        let db = try context.database(forWriting: true)
        let outcome = try CaseImporter.importValidated(reader, into: db, who: global.resolvedUser, source: files.joined(separator: " "))
        stderr.write(Data("imported \(outcome.imported) patient\(outcome.imported == 1 ? "" : "s") (\(outcome.replaced) replaced) into \(db.path)\n".utf8))
    }
}
