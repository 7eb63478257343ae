import CaseModel
import Foundation

/// All-or-nothing import of case files into a database file: every file is read and validated
/// before the database is even opened, so a failed import leaves it byte-for-byte unchanged.
public enum CaseImporter {
    public struct Outcome: Sendable {
        public var imported: Int
        public var replaced: Int
        public var warnings: [ImportProblem]
    }

    public enum Failure: Error, CustomStringConvertible, Sendable {
        case invalid(errors: [ImportProblem], warnings: [ImportProblem])
        public var description: String {
            guard case .invalid(let errors, _) = self else { return "" }
            return errors.map(\.description).joined(separator: "\n")
        }
    }

    /// Validates `files`; when clean, opens (creating if needed) the database at `path` and imports in one transaction.
    public static func importFiles(_ files: [String], into path: String, readOnly: Bool = false, who: String) throws -> Outcome {
        let reader = CaseFileReader.read(files: files)
        guard reader.errors.isEmpty else { throw Failure.invalid(errors: reader.errors, warnings: reader.warnings) }
        let db = try AppDatabase.open(path: path, readOnly: readOnly, create: true)
        return try importValidated(reader, into: db, who: who, source: files.joined(separator: " "))
    }

    /// Imports an already validated reader's patients (refuses when it holds errors).
    public static func importValidated(_ reader: CaseFileReader, into db: AppDatabase, who: String, source: String) throws -> Outcome {
        guard reader.errors.isEmpty else { throw Failure.invalid(errors: reader.errors, warnings: reader.warnings) }
        let replaced = try db.importPatients(reader.patients, who: who, source: source)
        return Outcome(imported: reader.patients.count, replaced: replaced, warnings: reader.warnings)
    }
}
