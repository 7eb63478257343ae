import ArgumentParser
import CaseStore
import CaseboardCore
import Foundation

/// `caseboard backup --out FILE`: SQLite online backup of the whole database into a NEW file (0600).
struct BackupCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "backup",
        abstract: "Copy the whole database (cases, meetings, screening, nurse records, audit) into a new file, safely while in use.")

    @OptionGroup var global: GlobalOptions
    @Option(name: .long, help: "The backup file to create (must not exist).") var out: String

    func run() throws {
        let db = try global.workspace().database()
        let r = try DatabaseBackup.backup(db, to: out)
        FileHandle.standardError.write(Data("backed up \(db.path) to \(r.path): \(r.patients) patients, \(r.auditRows) audit rows, \(r.bytes) bytes, integrity_check ok\n".utf8))
    }
}

/// `caseboard restore FILE --out NEW`: checks a backup and restores it into a NEW database file.
struct RestoreCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "restore",
        abstract: "Check a backup (integrity_check) and restore it into a new database file (never over an existing one).")

    @Argument(help: "The backup file.") var file: String
    @OptionGroup var sharing: GroupSharedOption
    @Option(name: .long, help: "The database file to create (must not exist).") var out: String

    func run() throws {
        let r = try DatabaseBackup.restore(file, to: out)
        FileHandle.standardError.write(Data("restored \(file) into \(r.path): \(r.patients) patients, \(r.auditRows) audit rows, integrity_check ok\n".utf8))
    }
}
