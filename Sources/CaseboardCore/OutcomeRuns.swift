import CohortOutcomes
import Foundation
import SurvivalStats

/// `caseboard survival` and `caseboard outcomes` as the command line runs them (the statistics are SurvivalStats',
/// the endpoints and cohorts CohortOutcomes'): options checked, results rendered.
public enum OutcomeRuns {
    /// `survival FILE.csv`: the statistics of a plain table, as JSON (formats.md) or text.
    public static func survival(file: String, time: String, event: String, group: String?, competingCode: Int?, confType: String,
                                ties: String, at: String?, unit: String?, entry: String?, strata: String?, landmark: Double?,
                                json: Bool) throws -> Data {
        guard let conf = ConfidenceType(rawValue: confType) else {
            throw CoreError.user("--conf-type \(confType): expected log or log-log")
        }
        guard let tieMethod = CoxModel.Ties(rawValue: ties) else {
            throw CoreError.user("--ties \(ties): expected efron or breslow")
        }
        let times = try parseTimes(at)
        let data: Data
        do { data = try Data(contentsOf: URL(fileURLWithPath: file)) } catch {
            throw CoreError.user("\(file): cannot read the file (\(error.localizedDescription))")
        }
        guard let text = String(data: data, encoding: .utf8) else { throw CoreError.user("\(file): not UTF-8 text") }
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
            throw CoreError.user(e.description)
        } catch let e as SurvivalError {
            throw CoreError.user("\(file): \(e.description)")
        }
        if json { return try report.jsonData() + Data("\n".utf8) }
        return Data(SurvivalReportText.render(report).utf8)
    }

    /// `outcomes`: the endpoint's statistics over the workspace's cases, as JSON, CSV or text (with the excluded cases).
    public static func outcomes(_ workspace: Workspace, endpoint: String, by: String?, whereText: String?, from: String?, censorAtHCT: Bool,
                                inductionDays: Int, at: String, confType: String, json: Bool, csv: Bool, out: String? = nil) throws -> Data {
        guard let ep = Endpoint(rawValue: endpoint.uppercased()) else {
            throw CoreError.user("--endpoint \(endpoint): expected OS, EFS, RFS or CIR")
        }
        let grouping = try by.map { key -> CohortGrouping in
            guard let g = CohortGrouping(rawValue: key) else {
                throw CoreError.user("--by \(key): expected one of \(CohortGrouping.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            return g
        }
        let start = try from.map { f -> StartEvent in
            guard let s = StartEvent(rawValue: f) else { throw CoreError.user("--from \(f): expected diagnosis, cr or hct") }
            return s
        }
        guard let conf = ConfidenceType(rawValue: confType) else { throw CoreError.user("--conf-type \(confType): expected log or log-log") }
        guard inductionDays > 0 else { throw CoreError.user("--induction-days \(inductionDays): expected a number of days > 0") }
        if json && csv { throw CoreError.user("--json and --csv: choose one") }
        let times = try parseTimes(at)
        var request = CohortAnalysis.Request(
            endpoint: ep, options: EndpointOptions(start: start, censorAtHCT: censorAtHCT, inductionLandmarkDays: inductionDays),
            grouping: grouping, whereText: whereText, at: times, today: workspace.today, confidenceType: conf)
        if grouping == .trialArm { request.enrolments = TrialEnrolment.groups(try workspace.database().screeningRecords()) }
        let result: CohortAnalysis.Result
        do { result = try CohortAnalysis.run(try workspace.patients(), request) } catch let e as CohortAnalysis.Failure {
            throw CoreError.user(e.description)
        } catch let e as SurvivalError {
            throw CoreError.user(e.description)
        }
        if let out { try writeHTML(result, endpoint: ep, grouping: grouping, workspace: workspace, to: out) }
        if json { return try result.report.jsonData() + Data("\n".utf8) }
        if csv { return Data(SurvivalReportCSV.render(result.report).utf8) }
        var text = SurvivalReportText.render(result.report)
        if let d = result.report.definition { text = d + "\n" + text }
        let c = result.cohort
        if c.where != nil { text += "Cohort: \(c.met) met, \(c.notMet) not met, \(c.unknown) unknown of \(c.patients) patients.\n" }
        text += "Excluded: \(result.excluded.count)" + (result.excluded.isEmpty ? "" : " —") + "\n"
        for e in result.excluded { text += "  \(e.id)\(e.group.map { " [\($0)]" } ?? ""): \(e.reason)\n" }
        return Data(text.utf8)
    }

    /// "12,24,60" → [12, 24, 60]; nil → [].
    public static func parseTimes(_ text: String?) throws -> [Double] {
        guard let text else { return [] }
        return try text.split(separator: ",").map { part in
            let s = part.trimmingCharacters(in: .whitespaces)
            guard let v = Double(s), v.isFinite, v >= 0 else { throw CoreError.user("--at \(text): \"\(s)\" is not a time ≥ 0") }
            return v
        }
    }
}
