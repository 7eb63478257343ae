import CaseModel
import GRDB

/// PLACEHOLDER, to be implemented by the foundation work (issue 2).
public enum CaseStoreInfo {
    public static let sqliteVersion: String = {
        (try? DatabaseQueue().read { try String.fetchOne($0, sql: "select sqlite_version()") }) ?? "?"
    }() ?? "?"
}
