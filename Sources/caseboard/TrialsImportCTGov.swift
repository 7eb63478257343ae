import ArgumentParser
import Foundation
import Interop
import TrialEngine

/// `caseboard trials import-ctgov FILE… --out DIR`: ClinicalTrials.gov API v2 JSON (a study or a search page) or
/// classic XML → one trial file per study. Every file is read and every converted trial loaded back before
/// anything is written.
struct TrialsImportCTGov: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import-ctgov", abstract: "Convert ClinicalTrials.gov records (API v2 JSON or classic XML) into trial files.")
    @Argument(help: "ClinicalTrials.gov files (a study, a search page, or a classic XML record each).") var files: [String]
    @Option(name: .long, help: "Directory to write the trial files into.") var out: String

    func run() throws {
        guard !files.isEmpty else { throw CLIError.user("no ClinicalTrials.gov file given") }
        var results: [CTGovImporter.Result] = []
        var failed = false
        for f in files {
            guard let data = FileManager.default.contents(atPath: f) else { CLI.stderr("\(f): cannot read the file"); failed = true; continue }
            do { results += try CTGovImporter.importData(data, file: f) } catch { CLI.stderr("\(error)"); failed = true }
        }
        if failed { throw CLIError.user("import refused; nothing was written.") }
        for r in results {
            let (t, d) = TrialLoader.load(text: r.yaml, file: r.fileName)
            if t == nil {
                for x in d { CLI.stderr(x.description) }
                throw CLIError.internal("converted trial \(r.id) does not load")
            }
        }
        do { try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true) } catch {
            throw CLIError.user("cannot create \(out): \(error)")
        }
        var names = Set<String>()
        for r in results {
            guard names.insert(r.fileName).inserted else { CLI.stderr("warning: \(r.id) appears twice; the first record is kept"); continue }
            let path = URL(fileURLWithPath: out).appendingPathComponent(r.fileName).path
            do { try r.yaml.write(toFile: path, atomically: true, encoding: .utf8) } catch { throw CLIError.user("cannot write \(path): \(error)") }
            for w in r.warnings { CLI.stderr("warning: \(w)") }
            print("\(r.id) → \(path) (\(r.inclusionItems.count) inclusion, \(r.exclusionItems.count) exclusion items)")
        }
    }
}
