import CaseModel
import CaseStore
import CaseboardCore
import Foundation
import Interop

/// `caseboard import` of FHIR R4 JSON files (told from their content): validate everything, print per-case changes,
/// then (unless `--dry-run`) write the merged cases and the resources' contributions in one audited transaction.
enum FHIRImportRun {
    static func run(files: [String], global: GlobalOptions, idSystem: String?, patient: String?, date: String?, dryRun: Bool) throws {
        let stderr = FileHandle.standardError
        var fallbackDate: LocalDate?
        if let d = date {
            guard let x = LocalDate(d) else { throw CLIError.user("--date: expected YYYY-MM-DD, found \"\(d)\"") }
            fallbackDate = x
        }
        var reader = FHIRReader(options: .init(idSystem: idSystem, patient: patient, date: fallbackDate))
        var sources: [String] = []
        for f in files {
            guard let data = FileManager.default.contents(atPath: f) else { throw CLIError.user("\(f): cannot read the file") }
            reader.read(data: data, file: f)
            sources.append("\(f) (sha256 \(SHA256.hex(Array(data))))")
        }
        for w in reader.warnings { stderr.write(Data("warning: \(w)\n".utf8)) }
        if !reader.problems.isEmpty {
            for p in reader.problems { stderr.write(Data("\(p)\n".utf8)) }
            throw CLIError.user("import refused: \(reader.problems.count) problem\(reader.problems.count == 1 ? "" : "s") found; nothing was written.")
        }
        let context = try global.workspace()
        let db: AppDatabase?
        if dryRun, let path = global.db, !FileManager.default.fileExists(atPath: path) { db = nil } else {
            db = try context.database(forWriting: !dryRun)
        }
        let plan = try FHIRImportPlan.make(reader, database: db)
        for l in plan.summaryLines { print((dryRun ? "would import " : "") + l) }
        if dryRun { stderr.write(Data("dry run: nothing was written\n".utf8)); return }
        guard let db else { return }
        if plan.patients.isEmpty { stderr.write(Data("nothing to import: every resource is unchanged\n".utf8)); return }
        let replaced = try db.importPatients(plan.patients, resources: plan.resources, who: global.resolvedUser,
                                             source: "FHIR: " + sources.joined(separator: ", "))
        stderr.write(Data("imported \(plan.patients.count) patient\(plan.patients.count == 1 ? "" : "s") (\(replaced) updated) into \(db.path)\n".utf8))
    }
}
