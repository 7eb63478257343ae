import ArgumentParser
import CaseboardCore
import Foundation

/// `caseboard backup --out FILE`: SQLite online backup of the whole database into a NEW file (0600).
struct BackupCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "backup",
        abstract: "Copy the whole database (cases, meetings, screening, nurse records, audit) into a new file, safely while in use.")

    @OptionGroup var global: GlobalOptions
    @Option(name: .long, help: "The backup file to create (must not exist).") var out: String

    func run() throws { try DataRuns.backup(try global.workspace(), out: out, console: .standard) }
}

/// `caseboard restore FILE --out NEW`: checks a backup and restores it into a NEW database file.
struct RestoreCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "restore",
        abstract: "Check a backup (integrity_check) and restore it into a new database file (never over an existing one).")

    @Argument(help: "The backup file.") var file: String
    @OptionGroup var sharing: GroupSharedOption
    @Option(name: .long, help: "The database file to create (must not exist).") var out: String

    func run() throws { try DataRuns.restore(file: file, out: out, console: .standard) }
}
