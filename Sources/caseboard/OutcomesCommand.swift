import ArgumentParser
import CohortOutcomes
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

    @Option(name: .long, help: "OS, EFS, RFS or CIR.")
    var endpoint: String

    @Option(name: .long, help: "Split into curves by: eln2022, eln2024, group, category, site, sex, age-band.")
    var by: String?

    @Option(name: .customLong("where"), help: "Cohort: a criteria-language expression (only `met` counts).")
    var whereText: String?

    @Option(name: .long, help: "Start of time: diagnosis (OS, EFS), cr (RFS, CIR; OS) or hct.")
    var from: String?

    @Flag(name: .customLong("censor-at-hct"), help: "Censor at a transplant in first remission (secondary analysis).")
    var censorAtHCT = false

    @Option(name: .customLong("induction-days"), help: "EFS: days by which CR/CRh/CRi must be reached (default 180).")
    var inductionDays: Int = 180

    @Option(name: .long, help: "Months for the number-at-risk table (default 12,24,60).")
    var at: String = "12,24,60"

    @Option(name: .customLong("conf-type"), help: "Confidence interval of S(t): log (default) or log-log.")
    var confType: String = "log"

    @Flag(name: .long, help: "Print one JSON object (formats.md).")
    var json = false

    @Flag(name: .long, help: "Print the steps of every curve as CSV.")
    var csv = false

    func run() throws {
        guard let ep = Endpoint(rawValue: endpoint.uppercased()) else {
            throw CLIError.user("--endpoint \(endpoint): expected OS, EFS, RFS or CIR")
        }
        let grouping = try by.map { key -> CohortGrouping in
            guard let g = CohortGrouping(rawValue: key) else {
                throw CLIError.user("--by \(key): expected one of \(CohortGrouping.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            return g
        }
        let start = try from.map { f -> StartEvent in
            guard let s = StartEvent(rawValue: f) else { throw CLIError.user("--from \(f): expected diagnosis, cr or hct") }
            return s
        }
        guard let conf = ConfidenceType(rawValue: confType) else { throw CLIError.user("--conf-type \(confType): expected log or log-log") }
        guard inductionDays > 0 else { throw CLIError.user("--induction-days \(inductionDays): expected a number of days > 0") }
        if json && csv { throw CLIError.user("--json and --csv: choose one") }
        let times = try SurvivalCommand.parseTimes(at)
        let context = try global.workspace()
        let request = CohortAnalysis.Request(
            endpoint: ep, options: EndpointOptions(start: start, censorAtHCT: censorAtHCT, inductionLandmarkDays: inductionDays),
            grouping: grouping, whereText: whereText, at: times, today: context.today, confidenceType: conf)
        let result: CohortAnalysis.Result
        do { result = try CohortAnalysis.run(try context.patients(), request) } catch let e as CohortAnalysis.Failure {
            throw CLIError.user(e.description)
        } catch let e as SurvivalError {
            throw CLIError.user(e.description)
        }
        if json {
            FileHandle.standardOutput.write(try result.report.jsonData())
            FileHandle.standardOutput.write(Data("\n".utf8))
        } else if csv {
            FileHandle.standardOutput.write(Data(SurvivalReportCSV.render(result.report).utf8))
        } else {
            var text = SurvivalReportText.render(result.report)
            if let d = result.report.definition { text = d + "\n" + text }
            let c = result.cohort
            if c.where != nil { text += "Cohort: \(c.met) met, \(c.notMet) not met, \(c.unknown) unknown of \(c.patients) patients.\n" }
            text += "Excluded: \(result.excluded.count)" + (result.excluded.isEmpty ? "" : " —") + "\n"
            for e in result.excluded { text += "  \(e.id)\(e.group.map { " [\($0)]" } ?? ""): \(e.reason)\n" }
            FileHandle.standardOutput.write(Data(text.utf8))
        }
    }
}
