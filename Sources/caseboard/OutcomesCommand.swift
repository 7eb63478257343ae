import ArgumentParser
import CohortOutcomes
import CaseboardCore
import Foundation
import SurvivalStats

/// `caseboard outcomes --endpoint OS|EFS|RFS|CIR [--by KEY] [--where EXPR] …`: survival statistics of the case base.
struct OutcomesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "outcomes",
        abstract: "Overall, event-free and relapse-free survival and relapse incidence of the case base (ELN 2022 Table 9).",
        discussion: """
        --by: \(CohortGrouping.allCases.map(\.rawValue).joined(separator: ", ")).
        --where: a criteria-language expression (as in trial files); only patients for whom it is met are analysed.
        Patients without the data the endpoint needs are counted and listed as excluded.
        """)

    @OptionGroup var global: GlobalOptions
    @Option(name: .long, help: "OS, EFS, RFS or CIR.") var endpoint: String
    @Option(name: .long, help: "Split into curves by: eln2022, eln2024, group, category, site, sex, age-band.") var by: String?
    @Option(name: .customLong("where"), help: "Cohort: a criteria-language expression (only `met` counts).") var whereText: String?
    @Option(name: .long, help: "Start of time: diagnosis (OS, EFS), cr (RFS, CIR; OS) or hct.") var from: String?
    @Flag(name: .customLong("censor-at-hct"), help: "Censor at a transplant in first remission (secondary analysis).") var censorAtHCT = false
    @Option(name: .customLong("induction-days"), help: "EFS: days by which CR/CRh/CRi must be reached (default 180).") var inductionDays: Int = 180
    @Option(name: .long, help: "Months for the number-at-risk table (default 12,24,60).") var at: String = "12,24,60"
    @Option(name: .customLong("conf-type"), help: "Confidence interval of S(t): log (default) or log-log.") var confType: String = "log"
    @Flag(name: .long, help: "Print one JSON object (formats.md).") var json = false
    @Flag(name: .long, help: "Print the steps of every curve as CSV.") var csv = false
    @Option(name: .long, help: ArgumentHelp("Also write the curves as an HTML page with an SVG (file mode 0600; never a database).", valueName: "FILE.html")) var out: String?

    func run() throws {
        FileHandle.standardOutput.write(try OutcomeRuns.outcomes(
            try global.workspace(), endpoint: endpoint, by: by, whereText: whereText, from: from, censorAtHCT: censorAtHCT,
            inductionDays: inductionDays, at: at, confType: confType, json: json, csv: csv, out: out))
    }
}
