import Foundation

/// Turns the columns of a CSV table into survival observations, refusing bad rows with
/// `FILE: row N, column C: message` (N is the file line, the header being row 1).
public enum SurvivalTable {
    /// - Parameters:
    ///   - competingCode: the status value of the competing event, if any (otherwise status must be 0 or 1).
    ///   - entry: a delayed-entry column; any non-zero entry is refused (left truncation is not supported).
    public static func observations(_ table: CSVTable, file: String, time: String, event: String,
                                    group: String? = nil, competingCode: Int? = nil,
                                    entry: String? = nil, stratum: String? = nil) throws -> [SurvivalObservation] {
        let ti = try table.column(time, file: file)
        let ei = try table.column(event, file: file)
        let gi = try group.map { try table.column($0, file: file) }
        let ni = try entry.map { try table.column($0, file: file) }
        let si = try stratum.map { try table.column($0, file: file) }
        if let c = competingCode, c <= 1 {
            throw CSVTable.ReadError(file: file, row: 1, column: event, message: "the competing-event code must be 2 or more (0 is censored, 1 the event), not \(c)")
        }
        var out: [SurvivalObservation] = []
        guard !table.records.isEmpty else {
            throw CSVTable.ReadError(file: file, row: 2, column: nil, message: "the table has a header and no rows")
        }
        for r in table.records {
            func fail(_ column: String, _ message: String) -> CSVTable.ReadError {
                CSVTable.ReadError(file: file, row: r.line, column: column, message: message)
            }
            let tText = r.fields[ti].trimmingCharacters(in: .whitespaces)
            guard !tText.isEmpty else { throw fail(time, "the time is missing") }
            guard let t = Double(tText), t.isFinite else { throw fail(time, "'\(tText)' is not a number") }
            guard t >= 0 else { throw fail(time, "negative time \(tText)") }
            let eText = r.fields[ei].trimmingCharacters(in: .whitespaces)
            guard !eText.isEmpty else { throw fail(event, "the status is missing") }
            guard let e = Int(eText) else { throw fail(event, "'\(eText)' is not a status code (0 censored, 1 event)") }
            let allowed = competingCode.map { "0 (censored), 1 (event) or \($0) (competing event)" } ?? "0 (censored) or 1 (event)"
            guard e == 0 || e == 1 || e == competingCode else { throw fail(event, "status \(e) is not \(allowed)") }
            var g = "all"
            if let gi, let group {
                g = r.fields[gi].trimmingCharacters(in: .whitespaces)
                guard !g.isEmpty else { throw fail(group, "the group is missing") }
            }
            var en = 0.0
            if let ni, let entry {
                let nText = r.fields[ni].trimmingCharacters(in: .whitespaces)
                guard let v = Double(nText), v.isFinite, v >= 0 else { throw fail(entry, "'\(nText)' is not a time ≥ 0") }
                if v > t { throw fail(entry, "entry \(nText) is after the exit time \(tText)") }
                if v != 0 { throw fail(entry, "late entry (left truncation) is not supported: the entry time must be 0, not \(nText)") }
                en = v
            }
            var st = ""
            if let si, let stratum {
                st = r.fields[si].trimmingCharacters(in: .whitespaces)
                guard !st.isEmpty else { throw fail(stratum, "the stratum is missing") }
            }
            out.append(SurvivalObservation(time: t, status: e, group: g, stratum: st, entry: en))
        }
        return out
    }
}
