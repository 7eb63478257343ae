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
        let m: ResultTableImporter.Map
        let read: (rows: [ResultTableImporter.Row], warnings: [String])
        do {
            m = try ResultTableImporter.map(path: map)
            read = try ResultTableImporter.rows(path: file, map: m)
        } catch let f as InteropFailure {
            for p in f.problems { FileHandle.standardError.write(Data("\(p)\n".utf8)) }
            throw CLIError.user("import refused: \(f.problems.count) problem\(f.problems.count == 1 ? "" : "s") found; nothing was written.")
        }
        for w in read.warnings { FileHandle.standardError.write(Data("warning: \(w)\n".utf8)) }
        let context = try global.workspace()
        let db = try context.database(forWriting: !dryRun)
        let ids = Set(read.rows.map(\.patient))
        let patients = try db.patients().filter { ids.contains($0.id) }
        let merged = ResultTableImporter.merge(read.rows, into: patients)
        if !merged.unknown.isEmpty {
            throw CLIError.user("\(file): patient\(merged.unknown.count == 1 ? "" : "s") not in the database: \(merged.unknown.joined(separator: ", ")); nothing was written.")
        }
        let kind = m.kind == .lab ? "lab results" : "MRD results"
        for c in merged.perPatient {
            print("\(dryRun ? "would import " : "")patient \(c.id): \(kind) \(c.added) added, 0 replaced, \(c.unchanged) unchanged (already stored)")
        }
        print("\(read.rows.count) rows: \(merged.added) added, \(merged.duplicates) already stored (skipped)")
        if dryRun { FileHandle.standardError.write(Data("dry run: nothing was written\n".utf8)); return }
        guard !merged.patients.isEmpty else { return }
        let hash: String
        do { hash = try FileDigest.sha256(path: file) } catch { throw CLIError.user("\(file): cannot read the file: \(error)") }
        try db.importPatients(merged.patients, who: global.resolvedUser, source: "results (\(m.kind.rawValue)): \(file) (sha256 \(hash)), map \(map)")
    }
}
