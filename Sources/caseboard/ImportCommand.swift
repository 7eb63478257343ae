import ArgumentParser
import CaseboardCore
import Foundation

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
        try DataRuns.importFiles(try global.workspace(), files: files,
                                 fhir: .init(idSystem: idSystem, patient: patient, date: date, dryRun: dryRun), console: .standard)
    }
}
