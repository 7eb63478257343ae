import GRDB

/// Schema additions (hardening), appended after every other migration:
/// an optimistic version per board decision (`meetingItem.version`, +1 on every recorded decision) and the
/// time it was recorded (`meetingItem.recordedAt`), so a decision changed since it was read is refused
/// ("changed by NAME at HH:MM, reload") instead of silently overwritten.
enum HardeningSchema {
    static func register(_ migrator: inout DatabaseMigrator) {
        migrator.registerMigration("v12-hardening-decision-version") { db in
            try db.alter(table: "meetingItem") { t in
                t.add(column: "version", .integer).notNull().defaults(to: 0)
                t.add(column: "recordedAt", .text)
            }
        }
    }
}
