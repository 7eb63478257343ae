import CaseModel
import Foundation
import GRDB
import GRDBSQLite

/// Reads the current row of a stepped `sqlite3_stmt` column by column (no `Row`, no dictionary, no boxing):
/// the fast path of `PatientColumnLoad`. A NULL where the model requires a value, a date that is not
/// `YYYY-MM-DD` and an unknown enum value are `StoreError.corrupt`, naming table and column.
struct ColumnReader {
    let statement: OpaquePointer
    let table: String
    let columns: [String]

    func name(_ i: Int32) -> String { Int(i) < columns.count ? columns[Int(i)] : "#\(i)" }

    @inline(__always) func isNull(_ i: Int32) -> Bool { sqlite3_column_type(statement, i) == SQLITE_NULL }

    func corrupt(_ i: Int32, _ value: String) -> StoreError { .corrupt(table: table, column: name(i), value: value) }

    @inline(__always) func optionalText(_ i: Int32) -> String? {
        guard let p = sqlite3_column_text(statement, i) else { return nil }
        return String(decoding: UnsafeBufferPointer(start: p, count: Int(sqlite3_column_bytes(statement, i))), as: UTF8.self)
    }

    @inline(__always) func text(_ i: Int32) throws -> String {
        guard let s = optionalText(i) else { throw corrupt(i, "NULL") }
        return s
    }

    @inline(__always) func optionalInt(_ i: Int32) -> Int? { isNull(i) ? nil : Int(sqlite3_column_int64(statement, i)) }
    func int(_ i: Int32) throws -> Int {
        guard let v = optionalInt(i) else { throw corrupt(i, "NULL") }
        return v
    }

    @inline(__always) func optionalDouble(_ i: Int32) -> Double? { isNull(i) ? nil : sqlite3_column_double(statement, i) }
    func double(_ i: Int32) throws -> Double {
        guard let v = optionalDouble(i) else { throw corrupt(i, "NULL") }
        return v
    }

    @inline(__always) func optionalBool(_ i: Int32) -> Bool? { isNull(i) ? nil : sqlite3_column_int64(statement, i) != 0 }
    func bool(_ i: Int32) throws -> Bool {
        guard let v = optionalBool(i) else { throw corrupt(i, "NULL") }
        return v
    }

    /// A `YYYY-MM-DD` date parsed from the column's bytes (exactly as `LocalDate(_:)` parses text).
    func optionalDate(_ i: Int32) throws -> LocalDate? {
        guard let p = sqlite3_column_text(statement, i) else { return nil }
        let n = Int(sqlite3_column_bytes(statement, i))
        if n == 10, p[4] == 45, p[7] == 45 {
            var ok = true
            func num(_ lo: Int, _ hi: Int) -> Int {
                var v = 0
                for k in lo..<hi { let c = p[k]; if c < 48 || c > 57 { ok = false }; v = v * 10 + Int(c &- 48) }
                return v
            }
            let y = num(0, 4), m = num(5, 7), d = num(8, 10)
            if ok, let date = LocalDate(year: y, month: m, day: d) { return date }
        }
        throw corrupt(i, String(decoding: UnsafeBufferPointer(start: p, count: n), as: UTF8.self))
    }

    func date(_ i: Int32) throws -> LocalDate {
        guard let d = try optionalDate(i) else { throw corrupt(i, "NULL") }
        return d
    }

    func enumValue<E: RawRepresentable>(_ i: Int32) throws -> E where E.RawValue == String {
        let t = try text(i)
        guard let v = E(rawValue: t) else { throw corrupt(i, t) }
        return v
    }

    func optionalEnum<E: RawRepresentable>(_ i: Int32) throws -> E? where E.RawValue == String {
        guard let t = optionalText(i) else { return nil }
        guard let v = E(rawValue: t) else { throw corrupt(i, t) }
        return v
    }

    /// A list column (`PatientRows.joinList`): split on the unit separator without an intermediate String.
    func list(_ i: Int32) throws -> [String] {
        guard let p = sqlite3_column_text(statement, i) else { throw corrupt(i, "NULL") }
        let n = Int(sqlite3_column_bytes(statement, i))
        if n == 0 { return [] }
        var out: [String] = []
        var start = 0
        for k in 0...n where k == n || p[k] == 0x1F {
            out.append(String(decoding: UnsafeBufferPointer(start: p + start, count: k - start), as: UTF8.self))
            start = k + 1
        }
        return out
    }

    /// Whether column `i` holds exactly the UTF-8 bytes of `bytes` (the patient id of the previous row).
    @inline(__always) func equals(_ i: Int32, _ bytes: [UInt8]) -> Bool {
        guard let p = sqlite3_column_text(statement, i) else { return false }
        let n = Int(sqlite3_column_bytes(statement, i))
        guard n == bytes.count else { return false }
        return bytes.withUnsafeBufferPointer { b in
            guard let base = b.baseAddress else { return n == 0 }
            return memcmp(p, base, n) == 0
        }
    }

    func bytes(_ i: Int32) -> [UInt8] {
        guard let p = sqlite3_column_text(statement, i) else { return [] }
        return Array(UnsafeBufferPointer(start: p, count: Int(sqlite3_column_bytes(statement, i))))
    }
}
