import CaseModel
import CaseStore
import Foundation
import Interop

/// What the commands that move whole databases or files do (`import`, `export`, `demo-db`, `backup`, `restore`,
/// `audit`), behind their argument parsing.
public enum DataRuns {
    /// The FHIR-only options of `import`.
    public struct FHIROptions {
        public var idSystem: String?, patient: String?, date: String?, dryRun: Bool
        public init(idSystem: String?, patient: String?, date: String?, dryRun: Bool) {
            self.idSystem = idSystem; self.patient = patient; self.date = date; self.dryRun = dryRun
        }
        var anyGiven: Bool { dryRun || idSystem != nil || patient != nil || date != nil }
    }

    /// `import FILE…`: caseboard-cases files are validated completely first; on any error every problem is printed
    /// as `FILE: patient ID: JSON path: message`, the exit status is 1 and nothing is written (the database is not
    /// even opened). FHIR files go to the FHIR importer.
    public static func importFiles(_ context: Workspace, files: [String], fhir options: FHIROptions, console: Console) throws {
        let fhir = files.filter { $0.hasSuffix(".fsh") || (FileManager.default.contents(atPath: $0).map { !CaseFileReader.scansAsCaseFile($0) && FHIRDocument.looksLikeFHIR($0) } ?? false) }
        if !fhir.isEmpty {
            guard fhir.count == files.count else { throw CoreError.user("import FHIR files and caseboard-cases files separately") }
            return try InteropImports.fhir(context, files: files, idSystem: options.idSystem, patient: options.patient, date: options.date,
                                           dryRun: options.dryRun, out: { console.line($0) }, err: { console.err($0) })
        }
        if options.anyGiven { throw CoreError.user("--dry-run, --id-system, --patient and --date apply to FHIR input") }
        let reader = CaseFileReader.read(files: files, today: context.today)
        for w in reader.warnings { console.err("warning: \(w)") }
        if !reader.errors.isEmpty {
            for e in reader.errors { console.err("\(e)") }
            throw CoreError.user("import refused: \(reader.errors.count) problem\(reader.errors.count == 1 ? "" : "s") found; nothing was written.")
        }
        let db = try context.database(forWriting: true)
        let outcome = try CaseImporter.importValidated(reader, into: db, who: context.options.user, source: files.joined(separator: " "))
        console.err("imported \(outcome.imported) patient\(outcome.imported == 1 ? "" : "s") (\(outcome.replaced) replaced) into \(db.path)")
    }

    /// `export [--out FILE] [--format cases|fhir] [--patient ID…] [--force]`.
    /// `cases` streams: the patients are loaded in batches and written as they come (to a temporary file renamed at
    /// the end with `--out`), never the whole document in memory.
    public static func export(_ context: Workspace, out: String?, format: String, patientIDs: [String], force: Bool, console: Console) throws {
        if format == "cases" {
            guard let out else { return try CaseExport.streamCases(context, patientIDs: patientIDs) { console.write($0) } }
            try OutputGuard.check(out, writing: "a caseboard-cases export", mayReplace: [.caseFile], force: force,
                                  openDatabase: try context.database().path)
            let tmp = out + ".tmp-\(ProcessInfo.processInfo.processIdentifier)"
            try? FileManager.default.removeItem(atPath: tmp) // a leftover of a killed run, if any
            defer { try? FileManager.default.removeItem(atPath: tmp) } // gone after the rename; left only on failure
            guard FileManager.default.createFile(atPath: tmp, contents: nil), let handle = FileHandle(forWritingAtPath: tmp) else {
                throw CoreError.user("cannot write \(out): cannot create \(tmp)")
            }
            do {
                defer { try? handle.close() }
                try CaseExport.streamCases(context, patientIDs: patientIDs) { try handle.write(contentsOf: $0) }
                try handle.synchronize()
            } catch let e as CoreError { throw e } catch {
                throw CoreError.user("cannot write \(out): \(error.localizedDescription)")
            }
            guard rename(tmp, out) == 0 else { throw CoreError.user("cannot write \(out) (errno \(errno))") }
            return
        }
        let export = try CaseExport.make(context, format: format, patientIDs: patientIDs)
        for w in export.warnings { console.err("warning: \(w)") }
        guard let out else { console.write(export.data); return }
        try OutputGuard.check(out, writing: "a caseboard-cases export", mayReplace: [.caseFile], force: force,
                              openDatabase: try context.database().path)
        do { try export.data.write(to: URL(fileURLWithPath: out), options: .atomic) } catch {
            throw CoreError.user("cannot write \(out): \(error.localizedDescription)")
        }
    }

    /// `demo-db [--patients N] [--seed S] [--out PATH] [--force]`: without `--out`, builds the cached demo database
    /// and prints its path; with it, writes a synthetic database there (through a temporary file, renamed).
    public static func demoDB(patients: Int?, seed: UInt64?, out: String?, force: Bool, console: Console) throws {
        let dir = try DemoDatabase.locate()
        guard let out else { console.line(try DemoDatabase.ensure(demoDir: dir)); return }
        if let n = patients, n < 1 { throw CoreError.user("--patients must be at least 1") }
        try OutputGuard.check(out, writing: "a synthetic demo database", mayReplace: [.demoDatabase], force: force, openDatabase: nil)
        let sources = try DemoSources.load(demoDirectory: dir)
        let tmp = out + ".tmp-\(ProcessInfo.processInfo.processIdentifier)"
        try? FileManager.default.removeItem(atPath: tmp) // a leftover of a killed run, if any
        defer { try? FileManager.default.removeItem(atPath: tmp) } // gone after the rename; left only on failure
        let start = Date()
        let report = try DemoDatabase.build(path: tmp, sources: sources, seed: seed, count: patients, trialFiles: DemoDatabase.trialFiles(dir))
        for suffix in ["-wal", "-shm"] { try? FileManager.default.removeItem(atPath: out + suffix) } // the old file's, if any
        guard rename(tmp, out) == 0 else { throw CoreError.user("cannot write \(out) (errno \(errno))") }
        console.err(String(format: "SYNTHETIC DEMO DATA: %d patients written to %@ in %.2f s (generate %.2f s, write %.2f s)",
                           report.patients, out, Date().timeIntervalSince(start), report.generateSeconds, report.writeSeconds))
    }

    public static func backup(_ context: Workspace, out: String, console: Console) throws {
        let db = try context.database()
        let r = try DatabaseBackup.backup(db, to: out)
        console.err("backed up \(db.path) to \(r.path): \(r.patients) patients, \(r.auditRows) audit rows, \(r.bytes) bytes, integrity_check ok")
    }

    public static func restore(file: String, out: String, console: Console) throws {
        let r = try DatabaseBackup.restore(file, to: out)
        console.err("restored \(file) into \(r.path): \(r.patients) patients, \(r.auditRows) audit rows, integrity_check ok")
    }

    /// `audit --patient ID [--json]`: every change to one case, oldest first.
    public static func audit(_ context: Workspace, patient: String, json: Bool, console: Console) throws {
        let rows = try context.database().auditTrail(patientId: patient)
        if json {
            let e = JSONEncoder()
            e.outputFormatting = [.prettyPrinted, .sortedKeys]
            console.write(try e.encode(rows))
            console.line()
            return
        }
        if rows.isEmpty { console.err("no audit entry for case \(patient)") }
        for r in rows { console.line("\(r.at)  \(r.who)  \(r.action)  \(r.entity)\(r.before.map { "  before \($0)" } ?? "")") }
    }
}
