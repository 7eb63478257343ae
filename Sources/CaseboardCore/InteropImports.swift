import CaseModel
import CaseStore
import Foundation
import Interop

/// The importers of other formats as the command line runs them: VCF, result tables, FHIR R4. Each validates its
/// whole input first (every problem on `err`, then a user error: nothing written), prints what changes per case on
/// `out`, and writes in one audited transaction with the source file's SHA-256.
public enum InteropImports {
    /// `import-vcf`: validate the whole file, print per-case changes on `out`, then write (unless `dryRun`).
    public static func vcf(_ workspace: Workspace, file: String, patient: String, date: String, tissue: String?, assay: String?,
                           panel: String?, genes: String?, sample: String?, minVaf: Double?, dryRun: Bool,
                           out: (String) -> Void, err: (String) -> Void) throws {
        guard let d = LocalDate(date) else { throw CoreError.user("--date: expected YYYY-MM-DD, found \"\(date)\"") }
        var t: SampleTissue?
        if let x = tissue {
            guard let v = SampleTissue(rawValue: x) else { throw CoreError.user("--tissue: expected one of \(SampleTissue.allCases.map(\.rawValue).joined(separator: ", ")); found \"\(x)\"") }
            t = v
        }
        if panel != nil && genes != nil { throw CoreError.user("give --panel or --genes, not both") }
        if let m = minVaf, !(0...1).contains(m) { throw CoreError.user("--min-vaf must be between 0 and 1, found \(m)") }
        let geneList = genes.map { $0.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces).uppercased() }.filter { !$0.isEmpty } }
        let result: VCFImporter.Result
        do {
            result = try VCFImporter.read(path: file, options: .init(patient: patient, date: d, tissue: t, assay: assay, sample: sample,
                                                                        minVAF: minVaf, genes: geneList, panelBED: panel))
        } catch let f as InteropFailure {
            for p in f.problems { err("\(p)") }
            throw CoreError.user("import refused: \(f.problems.count) problem\(f.problems.count == 1 ? "" : "s") found; nothing was written.")
        }
        for w in result.warnings { err("warning: \(w)") }
                let db = try workspace.database(forWriting: !dryRun)
        guard try db.patientIDs().contains(patient) else { throw CoreError.user("patient '\(patient)' is not in the database: import the case first") }
        let contribution = FHIRContribution(key: result.key, patientID: patient, entries: result.entries)
        let plan = try FHIRImportPlan.make(headers: [FHIRPatientHeader(id: patient)], contributions: [contribution], database: db)
        out("\(result.records) records, \(result.filtered) filtered (FILTER not PASS), \(result.entries.variants.count) variants of sample \(result.sample ?? "-")")
        for l in plan.summaryLines { out((dryRun ? "would import " : "") + l) }
        if dryRun { err("dry run: nothing was written"); return }
        if plan.patients.isEmpty { err("nothing to import: unchanged"); return }
        let hash: String
        do { hash = try FileDigest.sha256(path: file) } catch { throw CoreError.user("\(file): cannot read the file: \(error)") }
        try db.importPatients(plan.patients, resources: plan.resources, who: workspace.options.user, source: "VCF: \(file) (sha256 \(hash))")
    }

    /// `import-results`: validate the table and its map, print per-case changes on `out`, then write (unless `dryRun`).
    public static func results(_ workspace: Workspace, file: String, map: String, dryRun: Bool,
                               out: (String) -> Void, err: (String) -> Void) throws {
        let m: ResultTableImporter.Map
        let read: (rows: [ResultTableImporter.Row], warnings: [String])
        do {
            m = try ResultTableImporter.map(path: map)
            read = try ResultTableImporter.rows(path: file, map: m)
        } catch let f as InteropFailure {
            for p in f.problems { err("\(p)") }
            throw CoreError.user("import refused: \(f.problems.count) problem\(f.problems.count == 1 ? "" : "s") found; nothing was written.")
        }
        for w in read.warnings { err("warning: \(w)") }
                let db = try workspace.database(forWriting: !dryRun)
        let ids = Set(read.rows.map(\.patient))
        let patients = try db.patients().filter { ids.contains($0.id) }
        let merged = ResultTableImporter.merge(read.rows, into: patients)
        if !merged.unknown.isEmpty {
            throw CoreError.user("\(file): patient\(merged.unknown.count == 1 ? "" : "s") not in the database: \(merged.unknown.joined(separator: ", ")); nothing was written.")
        }
        let kind = m.kind == .lab ? "lab results" : "MRD results"
        for c in merged.perPatient {
            out("\(dryRun ? "would import " : "")patient \(c.id): \(kind) \(c.added) added, 0 replaced, \(c.unchanged) unchanged (already stored)")
        }
        out("\(read.rows.count) rows: \(merged.added) added, \(merged.duplicates) already stored (skipped)")
        if dryRun { err("dry run: nothing was written"); return }
        guard !merged.patients.isEmpty else { return }
        let hash: String
        do { hash = try FileDigest.sha256(path: file) } catch { throw CoreError.user("\(file): cannot read the file: \(error)") }
        try db.importPatients(merged.patients, who: workspace.options.user, source: "results (\(m.kind.rawValue)): \(file) (sha256 \(hash)), map \(map)")
    }

    /// `import` of FHIR R4 JSON files (told from their content): validate everything, print per-case changes, then
    /// (unless `dryRun`) write the merged cases and the resources' contributions in one audited transaction.
    public static func fhir(_ workspace: Workspace, files: [String], idSystem: String?, patient: String?, date: String?, dryRun: Bool,
                            out: (String) -> Void, err: (String) -> Void) throws {
        var fallbackDate: LocalDate?
        if let d = date {
            guard let x = LocalDate(d) else { throw CoreError.user("--date: expected YYYY-MM-DD, found \"\(d)\"") }
            fallbackDate = x
        }
        var reader = FHIRReader(options: .init(idSystem: idSystem, patient: patient, date: fallbackDate))
        var sources: [String] = []
        for f in files {
            guard let data = FileManager.default.contents(atPath: f) else { throw CoreError.user("\(f): cannot read the file") }
            reader.read(data: data, file: f)
            sources.append("\(f) (sha256 \(SHA256.hex(Array(data))))")
        }
        for w in reader.warnings { err("warning: \(w)") }
        if !reader.problems.isEmpty {
            for p in reader.problems { err("\(p)") }
            throw CoreError.user("import refused: \(reader.problems.count) problem\(reader.problems.count == 1 ? "" : "s") found; nothing was written.")
        }
                let db: AppDatabase?
        if dryRun, let path = workspace.options.db, !FileManager.default.fileExists(atPath: path) { db = nil } else {
            db = try workspace.database(forWriting: !dryRun)
        }
        let plan = try FHIRImportPlan.make(reader, database: db)
        for l in plan.summaryLines { out((dryRun ? "would import " : "") + l) }
        if dryRun { err("dry run: nothing was written"); return }
        guard let db else { return }
        if plan.patients.isEmpty { err("nothing to import: every resource is unchanged"); return }
        let replaced = try db.importPatients(plan.patients, resources: plan.resources, who: workspace.options.user,
                                             source: "FHIR: " + sources.joined(separator: ", "))
        err("imported \(plan.patients.count) patient\(plan.patients.count == 1 ? "" : "s") (\(replaced) updated) into \(db.path)")
    }
}
