import CaseModel
import Foundation
import Interop
import TrialEngine

/// One trial of `caseboard trials --json`.
public struct TrialRow: Encodable, Sendable {
    public struct ArmRow: Encodable, Sendable { public var id: String; public var name: String; public var status: String }
    public var id: String; public var nct: String?; public var euct: String?; public var title: String; public var phase: String
    public var sponsor: String?; public var status: String; public var sites: [String]; public var groups: [String]
    public var arms: [ArmRow]; public var file: String; public var fingerprint: String

    public init(_ t: CompiledTrial) {
        id = t.trial.id; nct = t.trial.nct; euct = t.trial.euct; title = t.trial.title; phase = t.trial.phase; sponsor = t.trial.sponsor
        status = t.trial.status.rawValue; sites = t.trial.sites; groups = t.trial.groups.map(\.rawValue)
        arms = t.trial.arms.map { ArmRow(id: $0.id, name: $0.name, status: $0.status.rawValue) }
        file = t.file; fingerprint = String(t.fingerprint, radix: 16)
    }
}

/// `trials import-ctml`: MatchMiner CTML documents converted into trial files, every one checked to load before
/// anything is written.
public enum CTMLConversion {
    /// Reads and converts every file; any unreadable or invalid document is a user error naming it (after all
    /// were tried: every problem is reported through `warn`). A converted trial that does not load is internal.
    public static func convert(files: [String], warn: (String) -> Void) throws -> [CTMLImporter.Result] {
        guard !files.isEmpty else { throw CoreError.user("no CTML file given") }
        var results: [CTMLImporter.Result] = []
        var failed = 0
        for f in files {
            guard let data = FileManager.default.contents(atPath: f), let text = String(data: data, encoding: .utf8) else {
                warn("caseboard: cannot read \(f)"); failed += 1; continue
            }
            do { results += try CTMLImporter.importText(text, file: f) } catch { warn("\(error)"); failed += 1 }
        }
        if failed > 0 { throw CoreError.user("import-ctml: \(failed) of \(files.count) file\(files.count == 1 ? "" : "s") could not be converted; nothing was written.") }
        for r in results {
            let (t, d) = TrialLoader.load(text: r.yaml, file: r.fileName)
            if t == nil {
                for x in d { warn(x.description) }
                throw CoreError.internal("converted trial \(r.id) does not load")
            }
        }
        for r in results { for w in r.warnings { warn("warning: \(w)") } }
        return results
    }

    /// Writes the converted trials into `dir` (created), distinct names; returns (trial id, path) per file written.
    public static func write(_ results: [CTMLImporter.Result], to dir: String) throws -> [(String, String)] {
        do { try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true) } catch {
            throw CoreError.user("cannot create \(dir): \(error.localizedDescription)")
        }
        var names = Set<String>()
        var out: [(String, String)] = []
        for r in results {
            var name = r.fileName
            var k = 2
            while names.contains(name) { name = r.fileName.replacingOccurrences(of: ".yaml", with: "-\(k).yaml"); k += 1 }
            names.insert(name)
            let path = URL(fileURLWithPath: dir).appendingPathComponent(name).path
            do { try r.yaml.write(toFile: path, atomically: true, encoding: .utf8) } catch {
                throw CoreError.user("cannot write \(path): \(error.localizedDescription)")
            }
            out.append((r.id, path))
        }
        return out
    }
}

/// `trials import-ctgov`: ClinicalTrials.gov records (API v2 JSON or classic XML) converted into trial files, every one
/// checked to load before anything is written.
public enum CTGovConversion {
    public static func convert(files: [String], warn: (String) -> Void) throws -> [CTGovImporter.Result] {
        guard !files.isEmpty else { throw CoreError.user("no ClinicalTrials.gov file given") }
        var results: [CTGovImporter.Result] = []
        var failed = false
        for f in files {
            guard let data = FileManager.default.contents(atPath: f) else { warn("\(f): cannot read the file"); failed = true; continue }
            do { results += try CTGovImporter.importData(data, file: f) } catch { warn("\(error)"); failed = true }
        }
        if failed { throw CoreError.user("import refused; nothing was written.") }
        for r in results {
            let (t, d) = TrialLoader.load(text: r.yaml, file: r.fileName)
            if t == nil {
                for x in d { warn(x.description) }
                throw CoreError.internal("converted trial \(r.id) does not load")
            }
        }
        return results
    }

    /// Writes one file per study into `dir` (created); a study given twice is written once (warning).
    public static func write(_ results: [CTGovImporter.Result], to dir: String, warn: (String) -> Void) throws -> [(CTGovImporter.Result, String)] {
        do { try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true) } catch {
            throw CoreError.user("cannot create \(dir): \(error.localizedDescription)")
        }
        var names = Set<String>()
        var out: [(CTGovImporter.Result, String)] = []
        for r in results {
            guard names.insert(r.fileName).inserted else { warn("warning: \(r.id) appears twice; the first record is kept"); continue }
            let path = URL(fileURLWithPath: dir).appendingPathComponent(r.fileName).path
            do { try r.yaml.write(toFile: path, atomically: true, encoding: .utf8) } catch {
                throw CoreError.user("cannot write \(path): \(error.localizedDescription)")
            }
            for w in r.warnings { warn("warning: \(w)") }
            out.append((r, path))
        }
        return out
    }
}
