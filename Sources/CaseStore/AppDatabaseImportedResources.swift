import CaseModel
import Foundation
import GRDB

/// What an imported resource (a FHIR resource, keyed `Observation/abc` or by its `urn:uuid:`) contributed to a case,
/// as stored in `importedResource`: an opaque JSON text written and read by the importer.
public struct ImportedResource: Sendable, Equatable {
    public var patientId: String
    public var key: String
    public var entries: String
    public init(patientId: String, key: String, entries: String) {
        self.patientId = patientId; self.key = key; self.entries = entries
    }
}

extension AppDatabase {
    /// The stored contributions of imported resources to these patients, by patient then resource key.
    public func importedResources(patientIds: [String]) throws -> [String: [String: String]] {
        try read { db in
            var out: [String: [String: String]] = [:]
            let st = try db.cachedStatement(sql: "SELECT resourceKey, entries FROM importedResource WHERE patientId = ?")
            for id in patientIds {
                for r in try Row.fetchAll(st, arguments: [id]) { out[id, default: [:]][r[0]] = r[1] }
            }
            return out
        }
    }

    /// Imports (replaces) these merged patients and records which entries each resource contributed, in one
    /// transaction with the import's audit entry (`source` names the files and their SHA-256).
    @discardableResult
    public func importPatients(_ patients: [Patient], resources: [ImportedResource], who: String, source: String) throws -> Int {
        try write("import patients") { db in
            let replaced = try AppDatabase.importPatients(patients, db: db, who: who, source: source)
            let st = try db.cachedStatement(sql: """
                INSERT OR REPLACE INTO importedResource (patientId, resourceKey, entries, source) VALUES (?, ?, ?, ?)
                """)
            for r in resources { try st.execute(arguments: [r.patientId, r.key, r.entries, source]) }
            return replaced
        }
    }
}
