import CaseModel

/// The pre-screening log of one trial as CSV (RFC 4180, `\n` line ends), pseudonymised: patients appear
/// only by their pseudonymous case id — no name, no MRN, no birth date. Two separate outputs, each one table:
///
/// `csv`: one row per patient and trial (ordered by trial, patient), header
/// `trial,arm,patient,source,status,status_date,identified,pre_screened,approached,consented,enrolled,reason_code,reason_text,criterion,recheck,changed_by,history`
/// where the five date columns hold the first date each status was reached; `reason_code` (a
/// `ScreeningReason` code, empty when the reason was recorded as free text only), `reason_text` (the free
/// text), `criterion` and `recheck` are those of the latest change; `history` lists every change as
/// `DATE status` separated by `; `.
///
/// `summaryCSV`: the counts, header `measure,detail,count`: `in_log`, `screened` (any status beyond
/// identified), `possibly_eligible` (reached pre-screened: chart review passed, potentially eligible),
/// `eligible` (confirmed by protocol screening: reached enrolled; a possibly eligible patient is never
/// counted here), `approached`, `consented`, `enrolled`, `deferred` (currently), then one `failed` row per
/// final failure: `pre-screen-failed: CRITERION`, `screen-failed: CRITERION`, `declined: CODE` (the
/// controlled code; `declined: not coded` for a free-text-only reason — free text is never a category).
public enum ScreeningExport {
    public static let header = "trial,arm,patient,source,status,status_date,identified,pre_screened,approached,consented,enrolled,reason_code,reason_text,criterion,recheck,changed_by,history"
    public static let summaryHeader = "measure,detail,count"

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

    /// The rows table (no summary: see `summaryCSV`).
    public static func csv(_ records: [ScreeningRecord]) -> String {
        var out = header + "\n"
        let sorted = records.sorted { ($0.trial, $0.patient) < ($1.trial, $1.patient) }
        for r in sorted {
            func first(_ s: ScreeningStatus) -> String { r.history.first { $0.status == s }?.date.description ?? "" }
            let last = r.history.last
            let reason = ScreeningReason.split(last?.reason)
            let cells = [r.trial, r.arm ?? "", r.patient, r.source, last?.status.rawValue ?? "", last?.date.description ?? "",
                         first(.identified), first(.preScreened), first(.approached), first(.consented), first(.enrolled),
                         reason.code?.rawValue ?? "", reason.text ?? "", last?.criterion ?? "", last?.recheck?.description ?? "", last?.who ?? "",
                         r.history.map { "\($0.date) \($0.status.rawValue)" }.joined(separator: "; ")]
            out += cells.map(field).joined(separator: ",") + "\n"
        }
        return out
    }

    /// The counts table (`--summary`).
    public static func summaryCSV(_ records: [ScreeningRecord]) -> String {
        var out = summaryHeader + "\n"
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
            (("possibly_eligible", ""), ever(.preScreened)),
            (("eligible", ""), ever(.enrolled)),
            (("approached", ""), ever(.approached)),
            (("consented", ""), ever(.consented)),
            (("enrolled", ""), ever(.enrolled)),
            (("deferred", ""), records.filter { $0.status == .deferred }.count),
        ]
        var failed: [String: Int] = [:]
        for r in records {
            guard let last = r.history.last, [.preScreenFailed, .screenFailed, .declined].contains(last.status) else { continue }
            let why: String
            if last.status == .declined {
                why = ScreeningReason.split(last.reason).code?.rawValue ?? "not coded"
            } else {
                why = last.criterion ?? "criterion not recorded"
            }
            failed["\(last.status.rawValue): \(why)", default: 0] += 1
        }
        for k in failed.keys.sorted() { rows.append((("failed", k), failed[k] ?? 0)) }
        return rows
    }
}
