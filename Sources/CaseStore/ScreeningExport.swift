import CaseModel

/// The pre-screening log of one trial as CSV (RFC 4180, `\n` line ends), pseudonymised: patients appear
/// only by their pseudonymous case id — no name, no MRN, no birth date.
///
/// Layout: block 1, one row per patient (ordered by patient id), header
/// `trial,arm,patient,source,status,status_date,identified,pre_screened,approached,consented,enrolled,reason,criterion,recheck,changed_by,history`
/// where the five date columns hold the first date each status was reached, `reason`/`criterion`/
/// `recheck` are those of the latest change, and `history` lists every change as `DATE status`
/// separated by `; `. Then one empty line. Block 2, the counts, header `measure,detail,count`:
/// `in_log` (patients in the log), `screened` (chart reviewed: any status beyond identified),
/// `eligible` (reached pre-screened), `approached`, `consented`, `enrolled`, `deferred` (currently),
/// then one `failed` row per (final failed status: criterion or reason) — pre-screen-failed,
/// screen-failed, declined — with the detail `STATUS: REASON`.
public enum ScreeningExport {
    public static let header = "trial,arm,patient,source,status,status_date,identified,pre_screened,approached,consented,enrolled,reason,criterion,recheck,changed_by,history"

    /// One CSV field: quoted when needed; a leading `=`, `+`, `-`, `@`, tab or carriage return is neutralised
    /// with a `'` (spreadsheet formulas; added `-` and CR).
    public static func field(_ s: String) -> String {
        var v = s
        if let c = v.unicodeScalars.first, ["=", "+", "-", "@", "\t", "\r"].contains(c) { v = "'" + v }
        if v.unicodeScalars.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) { // scalars: "\r\n" is one Character
            return "\"" + v.replacingOccurrences(of: "\"", with: "\"\"") + "\""
        }
        return v
    }

    public static func csv(_ records: [ScreeningRecord]) -> String {
        var out = header + "\n"
        let sorted = records.sorted { ($0.trial, $0.patient) < ($1.trial, $1.patient) }
        for r in sorted {
            func first(_ s: ScreeningStatus) -> String { r.history.first { $0.status == s }?.date.description ?? "" }
            let last = r.history.last
            let cells = [r.trial, r.arm ?? "", r.patient, r.source, last?.status.rawValue ?? "", last?.date.description ?? "",
                         first(.identified), first(.preScreened), first(.approached), first(.consented), first(.enrolled),
                         last?.reason ?? "", last?.criterion ?? "", last?.recheck?.description ?? "", last?.who ?? "",
                         r.history.map { "\($0.date) \($0.status.rawValue)" }.joined(separator: "; ")]
            out += cells.map(field).joined(separator: ",") + "\n"
        }
        out += "\nmeasure,detail,count\n"
        for (measure, count) in counts(records) {
            out += "\(field(measure.0)),\(field(measure.1)),\(count)\n"
        }
        return out
    }

    /// The summary counts in output order: ((measure, detail), count).
    public static func counts(_ records: [ScreeningRecord]) -> [((String, String), Int)] {
        func ever(_ s: ScreeningStatus) -> Int { records.filter { $0.history.contains { $0.status == s } }.count }
        var rows: [((String, String), Int)] = [
            (("in_log", ""), records.count),
            (("screened", ""), records.filter { $0.history.contains { $0.status != .identified } }.count),
            (("eligible", ""), ever(.preScreened)),
            (("approached", ""), ever(.approached)),
            (("consented", ""), ever(.consented)),
            (("enrolled", ""), ever(.enrolled)),
            (("deferred", ""), records.filter { $0.status == .deferred }.count),
        ]
        var failed: [String: Int] = [:]
        for r in records {
            guard let last = r.history.last, [.preScreenFailed, .screenFailed, .declined].contains(last.status) else { continue }
            let why = last.status == .declined ? (last.reason ?? "no reason") : (last.criterion ?? last.reason ?? "no criterion")
            failed["\(last.status.rawValue): \(why)", default: 0] += 1
        }
        for k in failed.keys.sorted() { rows.append((("failed", k), failed[k] ?? 0)) }
        return rows
    }
}
