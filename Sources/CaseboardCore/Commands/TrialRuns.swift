import CaseModel
import ClinicalRules
import Foundation
import TrialEngine

/// What `caseboard trials …` and `caseboard match` do, behind their argument parsing.
public enum TrialRuns {
    /// The catalogue of this run (`--trials DIR`, the demo's, or the database's rows; empty when the database holds
    /// none). Files that do not load are reported on stderr as `file:line:column: message`; the rest load.
    public static func catalogue(_ workspace: Workspace, console: Console) throws -> TrialCatalogue {
        let cat = try workspace.catalogue() ?? TrialCatalogue(trials: [], diagnostics: [])
        for d in cat.diagnostics where d.severity == .error { console.err(d.description) }
        return cat
    }

    /// The compiled catalogue of this run (errors reported as by `catalogue`).
    public static func matcher(_ workspace: Workspace, console: Console) throws -> Matcher {
        _ = try catalogue(workspace, console: console)
        return try workspace.matcher() ?? Matcher.compile(TrialCatalogue(trials: [], diagnostics: []))
    }

    public static func list(_ workspace: Workspace, json: Bool, console: Console) throws {
        let rows = try catalogue(workspace, console: console).trials.map(TrialRow.init)
        if json { try console.json(rows); return }
        func pad(_ s: String, _ n: Int) -> String { s.padding(toLength: n, withPad: " ", startingAt: 0) }
        for r in rows {
            let arms = r.arms.map { $0.status == "open" ? $0.id : "\($0.id) (\($0.status))" }.joined(separator: ", ")
            console.line("\(pad(r.id, 14)) \(pad(r.status, 12)) ph \(pad(r.phase, 13)) [\(r.groups.joined(separator: ","))] \(r.title)  arms: \(arms)")
        }
        console.line("\(rows.count) trials, \(rows.filter { $0.status == "open" }.count) open")
    }

    /// `trials check DIR`: diagnostics on stderr (or JSON on stdout), each trial's rule coverage; false when any error.
    public static func check(dir: String, json: Bool, console: Console) throws -> Bool {
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: dir, isDirectory: &isDir), isDir.boolValue else {
            throw CoreError.user("trial directory \(dir) does not exist")
        }
        let cat: TrialCatalogue
        do { cat = try TrialLoader.loadDirectory(URL(fileURLWithPath: dir)) } catch { throw CoreError.user("cannot read \(dir): \(error)") }
        let diags = TrialLinter.lint(cat)
        let errors = diags.filter { $0.severity == .error }.count
        if json {
            struct D: Encodable { var file: String; var line: Int; var column: Int; var severity: String; var message: String }
            try console.json(diags.map { D(file: $0.file, line: $0.line, column: $0.column, severity: $0.severity.rawValue, message: $0.message) })
        } else {
            for d in diags { console.err(d.description) }
            for t in cat.trials { console.line("\(t.trial.id): \(RuleCoverage(t))") }
            let warnings = diags.count - errors
            console.line("\(cat.trials.count) trials loaded (\(cat.openTrials.count) open), \(errors) error\(errors == 1 ? "" : "s"), \(warnings) warning\(warnings == 1 ? "" : "s")")
        }
        return errors == 0
    }

    /// `match --patient ID | --trial ID`: on a writable database the verdicts come from the stored results, brought up
    /// to date incrementally first (`StoredMatching`); read-only, or when the stored results cannot serve, on the fly.
    public static func match(_ ctx: Workspace, patient: String?, trial: String?, candidates: Bool, json: Bool, console: Console) throws {
        guard (patient == nil) != (trial == nil) else { throw CoreError.user("match: give exactly one of --patient ID or --trial ID") }
        let matcher = try matcher(ctx, console: console)
        let thePatient = try patient.map { try ctx.patient(id: $0) }
        if let tid = trial, !matcher.trials.contains(where: { $0.trial.id == tid }) { throw CoreError.user("unknown trial id \(tid)") }
        let db = try ctx.database()
        // Each verdict is written as soon as it is explained (a trial's verdicts over 10,000 cases are never all in memory).
        let writer = json ? JSONArrayWriter<ArmVerdict>(console) : nil
        var emitted = 0
        func emit(_ v: ArmVerdict) throws {
            if candidates && (v.verdict == .ineligible || v.armStatus != .open) { return }
            emitted += 1
            if let writer { try writer.append(v); return }
            let status = v.armStatus == .open ? "" : " [arm \(v.armStatus.rawValue): never eligible]"
            console.line("\(v.patient)  \(v.trial) arm \(v.arm): \(v.verdict.rawValue)\(status)")
            for c in v.criteria {
                let mark: String
                switch c.result { case .met: mark = "✓"; case .notMet: mark = "✗"; case .unknown: mark = "?" }
                console.line("   \(mark) \(c.kind == .inclusion ? "incl" : "excl") \(c.text) — \(c.result.rawValue): \(c.reason)")
            }
        }
        var served = false
        if StoredMatching.bringUpToDate(db, matcher: matcher, today: ctx.today, report: console.matchReport("match"), warn: { console.warn("match", $0) }) {
            do {
                if let p = thePatient {
                    if let stored = try StoredMatching.patientVerdicts(db, matcher: matcher, patient: p, today: ctx.today, candidatesOnly: candidates) {
                        for v in stored { try emit(v) }
                        served = true
                    }
                } else if let tid = trial {
                    served = try StoredMatching.forEachTrialVerdict(db, matcher: matcher, trialID: tid, today: ctx.today, candidatesOnly: candidates, emit)
                }
                if !served { console.warn("match", "the stored trial results do not cover the catalogue in force; computing on the fly.") }
            } catch {
                // Once verdicts were written, computing them again would repeat them: the failure is the command's.
                if emitted > 0 { throw error }
                console.warn("match", "could not read the stored trial results (\(CoreError.classify(error).message)); computing on the fly.")
            }
        }
        if !served {
            if let p = thePatient {
                for v in matcher.verdicts(for: p, interpretation: Interpretation.interpret(p, today: ctx.today), today: ctx.today) { try emit(v) }
            } else if let tid = trial {
                try db.forEachPatientChunk { chunk in
                    for p in chunk {
                        let f = PatientFacts(patient: p, interpretation: Interpretation.interpret(p, today: ctx.today), today: ctx.today)
                        for v in matcher.verdicts(trialID: tid, facts: f) { try emit(v) }
                    }
                }
            }
        }
        try writer?.finish()
    }

    /// `trials import-ctml FILE… --out DIR`: every file converted and loaded back before anything is written.
    public static func importCTML(files: [String], out: String, console: Console) throws {
        let converted = try CTMLConversion.convert(files: files, warn: { console.err($0) })
        for (id, path) in try CTMLConversion.write(converted, to: out) { console.line("\(id) → \(path)") }
    }

    /// `trials import-ctgov FILE… --out DIR`: ClinicalTrials.gov API v2 JSON (a study or a search page) or classic XML.
    public static func importCTGov(files: [String], out: String, console: Console) throws {
        let converted = try CTGovConversion.convert(files: files, warn: { console.err($0) })
        for (r, path) in try CTGovConversion.write(converted, to: out, warn: { console.err($0) }) {
            console.line("\(r.id) → \(path) (\(r.inclusionItems.count) inclusion, \(r.exclusionItems.count) exclusion items)")
        }
    }
}
