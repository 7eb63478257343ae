import GRDB

extension AppDatabase {
    /// Bytes of the database's pages in use (page count minus free pages, times the page size), as of the latest
    /// commit (WAL included): what `caseboard bench` compares before and after storing the trial verdicts.
    public func usedBytes() throws -> Int {
        try read { db in
            let pages = try Int.fetchOne(db, sql: "PRAGMA page_count") ?? 0
            let free = try Int.fetchOne(db, sql: "PRAGMA freelist_count") ?? 0
            let size = try Int.fetchOne(db, sql: "PRAGMA page_size") ?? 0
            return (pages - free) * size
        }
    }
}
