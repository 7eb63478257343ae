import GRDB

/// Pseudonyms for the pseudonymised board record (`meeting export --pseudonymised`, issue 12 item 9).
///
/// A case's pseudonym is `PSN-` and the first 12 hex digits of SHA-256(salt ":" case id), with a random 256-bit salt
/// made once per database (migration `v12-pseudonym-salt`, `metadata.pseudonymSalt`): stable for one database (the
/// same case has the same pseudonym in every export), not computable from the case id without the database.
public enum BoardRecordPseudonyms {
    static let saltKey = "pseudonymSalt"

    static func register(_ migrator: inout DatabaseMigrator) {
        migrator.registerMigration("v12-pseudonym-salt") { db in
            var rng = SystemRandomNumberGenerator()
            let salt = (0..<4).map { _ in
                let s = String(rng.next() as UInt64, radix: 16)
                return String(repeating: "0", count: 16 - s.count) + s
            }.joined()
            try db.execute(sql: "INSERT OR IGNORE INTO metadata (key, value) VALUES (?, ?)", arguments: [saltKey, salt])
        }
    }

    /// The pseudonym of `id` under `salt`.
    public static func pseudonym(_ id: String, salt: String) -> String {
        "PSN-" + String(SHA256.hex(Array("\(salt):\(id)".utf8)).prefix(12)).uppercased()
    }
}

extension AppDatabase {
    /// Pseudonyms of the given case ids (this database's salt).
    public func pseudonyms(for ids: [String]) throws -> [String: String] {
        guard let salt = try metadata(BoardRecordPseudonyms.saltKey), !salt.isEmpty else {
            throw StoreError.unusable(path: path, reason: "it has no pseudonym salt (metadata.pseudonymSalt); open it once without --read-only to upgrade it.")
        }
        var out: [String: String] = [:]
        for id in ids { out[id] = BoardRecordPseudonyms.pseudonym(id, salt: salt) }
        return out
    }
}
