import ArgumentParser
import CaseboardCore
import Foundation

/// `caseboard cases [--json] [--filter KEY=VALUE …]`: the case list.
struct CasesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cases",
        abstract: "List cases.",
        discussion: """
        Filters (KEY=VALUE, case-insensitive; different keys must all match, a repeated key matches any of its values):
          group=AML|ALL|MPN|MDS|BMF|germline   pathology group of the current diagnosis
          category=AML|APL|B-ALL|CML|…         diagnosis category (formats.md §1)
          site=TEXT                            treating site contains TEXT
          status=CR|relapsed|…                 latest disease status
          q=TEXT                               free text in id, name, MRN, diagnosis labels, genes, fusions
          risk=SCHEME[:CATEGORY]               a risk score applies (and decides CATEGORY), e.g. risk=IPSS-R:high
        """)

    @OptionGroup var global: GlobalOptions
    @Flag(name: .long, help: "Print one JSON array on stdout.") var json = false
    @Option(name: .customLong("where"), help: "Cohort query: a criteria-language expression; lists the cases for which it is met.")
    var whereText: String?

    @Option(name: .long, parsing: .singleValue, help: "KEY=VALUE filter (group, category, site, status, q, risk); repeatable.")
    var filter: [String] = []

    func run() throws {
        var selection = try CaseSelection(parsing: filter)
        if let w = whereText { try selection.restrict(where: w) }
        let context = try global.workspace()
        let rows = try CaseRow.list(context, selection: selection, warn: { CLI.warn("cases", $0) }, report: CLI.matchReport("cases"))
        if json {
            try CLI.printJSON(rows)
            return
        }
        print(pad("ID", 12) + pad("SEX", 7) + pad("AGE", 5) + pad("DIAGNOSIS", 18) + pad("DX DATE", 12) + pad("RISK", 17) + pad("GERMLINE", 9) + pad("TRIALS ✓/?", 11) + "NEXT FOLLOW-UP")
        for r in rows {
            let fu = r.nextFollowUp.map { "\($0.due) \($0.kind) (\($0.status))" } ?? "-"
            print(pad(r.id, 12) + pad(r.sex, 7) + pad(r.age.map(String.init) ?? "?", 5) + pad(r.diagnosis?.category ?? "-", 18)
                  + pad(r.diagnosis.map { "\($0.date)" } ?? "-", 12) + pad(r.eln2022Risk.map { "ELN \($0)" + (r.eln2022Complete == false ? "?" : "") } ?? r.risk ?? "-", 17)
                  + pad(r.germlineTestingRecommended ? "test" : "-", 9)
                  + pad(r.eligibleTrials.map { "\($0)/\(r.possiblyEligibleTrials ?? 0)" } ?? "-", 11) + fu)
        }
        print("\(rows.count) case\(rows.count == 1 ? "" : "s")")
    }

    func pad(_ s: String, _ n: Int) -> String { s.count >= n ? s + " " : s + String(repeating: " ", count: n - s.count) }
}
