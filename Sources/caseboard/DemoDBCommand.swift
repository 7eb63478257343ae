import ArgumentParser
import CaseStore
import Foundation

/// `caseboard demo-db --patients N --seed S --out PATH`: a synthetic database for benchmarks.
struct DemoDBCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo-db",
        abstract: "Generate a synthetic database (deterministic for a seed), or print where the demo database is.")

    @Option(name: .long, help: "Number of patients (default: the demo size of demo-db/generator/settings.json).") var patients: Int?
    @OptionGroup var sharing: GroupSharedOption
    @Option(name: .long, help: "Random seed (default: the demo seed).") var seed: UInt64?
    @Option(name: .long, help: "Output .sqlite file (replaces only an earlier demo database; anything else needs --force). Without it, builds the cached demo database and prints its path.")
    var out: String?

    @Flag(name: .long, help: "Replace --out even when it is not a demo database.") var force = false

    func run() throws {
        let dir = try DemoDatabase.locate()
        guard let out else {
            print(try DemoDatabase.ensure(demoDir: dir))
            return
        }
        if let n = patients, n < 1 { throw CLIError.user("--patients must be at least 1") }
        try OutputGuard.check(out, writing: "a synthetic demo database", mayReplace: [.demoDatabase], force: force, openDatabase: nil)
        let sources = try DemoSources.load(demoDirectory: dir)
        let tmp = out + ".tmp-\(ProcessInfo.processInfo.processIdentifier)"
        try? FileManager.default.removeItem(atPath: tmp)
        defer { try? FileManager.default.removeItem(atPath: tmp) }
        let start = Date()
        let report = try DemoDatabase.build(path: tmp, sources: sources, seed: seed, count: patients, trialFiles: DemoDatabase.trialFiles(dir))
        for suffix in ["-wal", "-shm"] { try? FileManager.default.removeItem(atPath: out + suffix) }
        guard rename(tmp, out) == 0 else { throw CLIError.user("cannot write \(out) (errno \(errno))") }
        let seconds = Date().timeIntervalSince(start)
        FileHandle.standardError.write(Data(String(format: "SYNTHETIC DEMO DATA: %d patients written to %@ in %.2f s (generate %.2f s, write %.2f s)\n",
                                                   report.patients, out, seconds, report.generateSeconds, report.writeSeconds).utf8))
    }
}
