import ArgumentParser
import CaseboardCore
import Foundation
import SurvivalStats

/// `caseboard survival FILE.csv --time COL --event COL [--group COL] …`: the survival statistics on a plain table.
struct SurvivalCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "survival",
        abstract: "Kaplan–Meier, log-rank, Cox hazard ratio and cumulative incidence of a CSV table.",
        discussion: """
        The table is RFC 4180 CSV with a header. Status: 0 censored, 1 event, and with --competing-code N
        the value N for the competing event (then the curves count the first event of either kind and the
        cumulative incidence of each kind is added). Times are in the table's own unit.
        """)

    @Argument(help: "The CSV file.") var file: String
    @Option(name: .long, help: "Column of follow-up times (≥ 0).") var time: String
    @Option(name: .long, help: "Column of status codes (0 censored, 1 event).") var event: String
    @Option(name: .long, help: "Column naming each row's group.") var group: String?
    @Option(name: .customLong("competing-code"), help: "Status value of the competing event (≥ 2).") var competingCode: Int?
    @Option(name: .customLong("conf-type"), help: "Confidence interval of S(t): log (default) or log-log.") var confType: String = "log"
    @Option(name: .long, help: "Cox ties: efron (default) or breslow.") var ties: String = "efron"
    @Option(name: .long, help: "Times for the number-at-risk table, comma-separated (e.g. 12,24,60).") var at: String?
    @Option(name: .long, help: "Name of the time unit, printed with the results.") var unit: String?
    @Option(name: .long, help: "Delayed-entry column: refused unless every entry is 0 (left truncation is not supported).") var entry: String?
    @Option(name: .long, help: "Column of strata: the log-rank test is stratified by it.") var strata: String?
    @Option(name: .long, help: "Landmark analysis: only rows followed beyond this time, time counted from it.") var landmark: Double?
    @Flag(name: .long, help: "Print one JSON object (formats.md).") var json = false

    func run() throws {
        FileHandle.standardOutput.write(try OutcomeRuns.survival(
            file: file, time: time, event: event, group: group, competingCode: competingCode, confType: confType, ties: ties, at: at,
            unit: unit, entry: entry, strata: strata, landmark: landmark, json: json))
    }
}
