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

    func run() throws { try CaseRuns.list(try global.workspace(), filters: filter, whereText: whereText, json: json, console: .standard) }
}
