import ArgumentParser
import CaseModel
import CaseStore
import Foundation

/// `caseboard import FILE…`: validates every file completely first; on any error prints each
/// problem as `FILE: patient ID: JSON path: message`, exits 1 and writes nothing (the database
/// is not even opened).
struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import caseboard-cases v1 files (all or nothing; an existing id is replaced).")

    @OptionGroup var global: GlobalOptions

    @Argument(help: "Case files (caseboard-cases v1 JSON).")
    var files: [String]

    func run() throws {
        let reader = CaseFileReader.read(files: files, today: try global.resolvedToday())
        let stderr = FileHandle.standardError
        for w in reader.warnings { stderr.write(Data("warning: \(w)\n".utf8)) }
        if !reader.errors.isEmpty {
            for e in reader.errors { stderr.write(Data("\(e)\n".utf8)) }
            throw CLIError.user("import refused: \(reader.errors.count) problem\(reader.errors.count == 1 ? "" : "s") found; nothing was written.")
        }
        let context = try CommandContext(global)
        let db = try context.database(forWriting: true)
        let outcome = try CaseImporter.importValidated(reader, into: db, who: global.resolvedUser, source: files.joined(separator: " "))
        stderr.write(Data("imported \(outcome.imported) patient\(outcome.imported == 1 ? "" : "s") (\(outcome.replaced) replaced) into \(db.path)\n".utf8))
    }
}
