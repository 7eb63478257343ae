import ArgumentParser
import CaseboardCore
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

    func run() throws { try DataRuns.demoDB(patients: patients, seed: seed, out: out, force: force, console: .standard) }
}
