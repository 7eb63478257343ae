import ArgumentParser
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

    @Argument(help: "The CSV file.")
    var file: String

    @Option(name: .long, help: "Column of follow-up times (≥ 0).")
    var time: String

    @Option(name: .long, help: "Column of status codes (0 censored, 1 event).")
    var event: String

    @Option(name: .long, help: "Column naming each row's group.")
    var group: String?

    @Option(name: .customLong("competing-code"), help: "Status value of the competing event (≥ 2).")
    var competingCode: Int?

    @Option(name: .customLong("conf-type"), help: "Confidence interval of S(t): log (default) or log-log.")
    var confType: String = "log"

    @Option(name: .long, help: "Cox ties: efron (default) or breslow.")
    var ties: String = "efron"

    @Option(name: .long, help: "Times for the number-at-risk table, comma-separated (e.g. 12,24,60).")
    var at: String?

    @Option(name: .long, help: "Name of the time unit, printed with the results.")
    var unit: String?

    @Option(name: .long, help: "Delayed-entry column: refused unless every entry is 0 (left truncation is not supported).")
    var entry: String?

    @Option(name: .long, help: "Column of strata: the log-rank test is stratified by it.")
    var strata: String?

    @Option(name: .long, help: "Landmark analysis: only rows followed beyond this time, time counted from it.")
    var landmark: Double?

    @Flag(name: .long, help: "Print one JSON object (formats.md).")
    var json = false

    func run() throws {
        guard let conf = ConfidenceType(rawValue: confType) else {
            throw CLIError.user("--conf-type \(confType): expected log or log-log")
        }
        guard let tieMethod = CoxModel.Ties(rawValue: ties) else {
            throw CLIError.user("--ties \(ties): expected efron or breslow")
        }
        let times = try Self.parseTimes(at)
        let data: Data
        do { data = try Data(contentsOf: URL(fileURLWithPath: file)) } catch {
            throw CLIError.user("\(file): cannot read the file (\(error.localizedDescription))")
        }
        guard let text = String(data: data, encoding: .utf8) else { throw CLIError.user("\(file): not UTF-8 text") }
        var report: SurvivalReport
        do {
            let table = try CSVTable.parse(text, file: file)
            var obs = try SurvivalTable.observations(table, file: file, time: time, event: event, group: group,
                                                     competingCode: competingCode, entry: entry, stratum: strata)
            var landmarkNote: String?
            if let landmark {
                let lm = try Landmark.apply(obs, at: landmark)
                obs = lm.observations
                landmarkNote = "Landmark at \(landmark): \(lm.excluded.count) row(s) with an event or censoring at or before it are left out; times are from the landmark."
            }
            var options = SurvivalAnalysis.Options(endpoint: event, unit: unit, confidenceType: conf,
                                                   ties: tieMethod, at: times, competingCode: competingCode)
            options.stratified = strata != nil
            report = try SurvivalAnalysis.report(obs, options: options)
            if let landmarkNote { report.notes.append(landmarkNote) }
        } catch let e as CSVTable.ReadError {
            throw CLIError.user(e.description)
        } catch let e as SurvivalError {
            throw CLIError.user("\(file): \(e.description)")
        }
        if json {
            FileHandle.standardOutput.write(try report.jsonData())
            FileHandle.standardOutput.write(Data("\n".utf8))
        } else {
            FileHandle.standardOutput.write(Data(SurvivalReportText.render(report).utf8))
        }
    }

    /// "12,24,60" → [12, 24, 60]; nil → [].
    static func parseTimes(_ text: String?) throws -> [Double] {
        guard let text else { return [] }
        return try text.split(separator: ",").map { part in
            let s = part.trimmingCharacters(in: .whitespaces)
            guard let v = Double(s), v.isFinite, v >= 0 else { throw CLIError.user("--at \(text): \"\(s)\" is not a time ≥ 0") }
            return v
        }
    }
}
