import ArgumentParser
import CaseboardCore
import Foundation

/// `caseboard audit --patient ID [--json]`: every change to one case, oldest first.
struct AuditCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit", abstract: "Show every change to a case (who, when, what; replaced versions by hash and size).",
        subcommands: [AuditVerifyCommand.self])

    @OptionGroup var global: GlobalOptions
    @Option(name: .long, help: "The case id.") var patient: String?
    @Flag(name: .long, help: "Print a JSON array of {id, at, who, action, entity, before, after}.") var json = false

    func run() throws {
        guard let patient else { throw ValidationError("audit: give --patient ID, or `audit verify` to check the hash chain") }
        try DataRuns.audit(try global.workspace(), patient: patient, json: json, console: .standard)
    }
}
