import CaseModel
import Foundation

/// What `caseboard cases` and `caseboard case` do, behind their argument parsing.
public enum CaseRuns {
    /// `cases [--filter KEY=VALUE …] [--where EXPR] [--json]`.
    public static func list(_ context: Workspace, filters: [String], whereText: String?, json: Bool, console: Console) throws {
        var selection = try CaseSelection(parsing: filters)
        if let w = whereText { try selection.restrict(where: w) }
        let rows = try CaseRow.list(context, selection: selection, warn: { console.warn("cases", $0) }, report: console.matchReport("cases"))
        if json { try console.jsonArray(rows); return }
        console.raw(table(rows))
    }

    /// The text table of `caseboard cases`.
    public static func table(_ rows: [CaseRow]) -> String {
        func pad(_ s: String, _ n: Int) -> String { s.count >= n ? s + " " : s + String(repeating: " ", count: n - s.count) }
        var out = pad("ID", 12) + pad("SEX", 7) + pad("AGE", 5) + pad("DIAGNOSIS", 18) + pad("DX DATE", 12) + pad("RISK", 17)
            + pad("GERMLINE", 9) + pad("TRIALS ✓/?", 11) + "NEXT FOLLOW-UP\n"
        for r in rows {
            let fu = r.nextFollowUp.map { "\($0.due) \($0.kind) (\($0.status))" } ?? "-"
            let risk = r.eln2022Risk.map { "ELN \($0)" + (r.eln2022Complete == false ? "?" : "") } ?? r.risk ?? "-"
            out += pad(r.id, 12) + pad(r.sex, 7) + pad(r.age.map(String.init) ?? "?", 5) + pad(r.diagnosis?.category ?? "-", 18)
                + pad(r.diagnosis.map { "\($0.date)" } ?? "-", 12) + pad(risk, 17) + pad(r.germlineTestingRecommended ? "test" : "-", 9)
                + pad(r.eligibleTrials.map { "\($0)/\(r.possiblyEligibleTrials ?? 0)" } ?? "-", 11) + fu + "\n"
        }
        return out + "\(rows.count) case\(rows.count == 1 ? "" : "s")\n"
    }

    /// `case ID [--json]`: the case document, or the clinician's text summary.
    public static func show(_ context: Workspace, id: String, json: Bool, console: Console) throws {
        let p = try context.patient(id: id)
        let doc = try CaseDocument.make(p, in: context)
        if json { try console.json(doc) } else { console.raw(CaseTextSummary.text(p, doc, today: context.today)) }
    }
}
