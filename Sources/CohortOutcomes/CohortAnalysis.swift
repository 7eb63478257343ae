import CaseModel
import ClinicalRules
import Foundation
import SurvivalStats
import TrialEngine

/// `caseboard outcomes`: selects the cohort (`--where`, tri-state, only `met` counts), splits it (`--by`),
/// builds each patient's endpoint record and runs the survival statistics. Pure: patients in, report out.
public enum CohortAnalysis {
    public struct Request: Sendable {
        public var endpoint: Endpoint
        public var options: EndpointOptions
        public var grouping: CohortGrouping?
        public var whereText: String?
        /// Months for the number-at-risk table and the point estimates.
        public var at: [Double]
        public var today: LocalDate
        public var confidenceType: ConfidenceType
        /// `--by trial-arm`: patient id → "TRIAL arm ARM" from the screening log (`TrialEnrolment.groups`).
        public var enrolments: [String: String] = [:]

        public init(endpoint: Endpoint, options: EndpointOptions = EndpointOptions(), grouping: CohortGrouping? = nil,
                    whereText: String? = nil, at: [Double] = [12, 24, 60], today: LocalDate, confidenceType: ConfidenceType = .log) {
            self.endpoint = endpoint; self.options = options; self.grouping = grouping; self.whereText = whereText
            self.at = at; self.today = today; self.confidenceType = confidenceType
        }
    }

    public struct Result: Sendable {
        public var report: SurvivalReport
        /// Every included patient's record, with its group.
        public var records: [(group: String, record: EndpointRecord)]
        /// Patients of the cohort that could not be analysed, with the reason.
        public var excluded: [(id: String, group: String?, reason: String)]
        public var cohort: SurvivalReport.Cohort
    }

    public enum Failure: Error, CustomStringConvertible, Equatable {
        case badWhere(String)
        case badStart(String)
        case noPatients(String)
        public var description: String {
            switch self {
            case .badWhere(let m), .badStart(let m), .noPatients(let m): return m
            }
        }
    }

    public static func run(_ patients: [Patient], _ request: Request) throws -> Result {
        let start = request.options.start ?? request.endpoint.allowedStarts[0]
        guard request.endpoint.allowedStarts.contains(start) else {
            throw Failure.badStart("--from \(start.rawValue): \(request.endpoint.rawValue) starts at \(request.endpoint.allowedStarts.map(\.rawValue).joined(separator: " or "))")
        }
        if request.options.censorAtHCT && start == .hct {
            throw Failure.badStart("--censor-at-hct cannot be combined with --from hct")
        }
        var selection: CohortSelection?
        if let w = request.whereText {
            do { selection = try CohortSelection(w) } catch { throw Failure.badWhere("\(error)") }
        }
        var cohort = SurvivalReport.Cohort(where: request.whereText, patients: patients.count, met: 0, notMet: 0, unknown: 0)
        var included: [(String, EndpointRecord)] = []
        var excluded: [(id: String, group: String?, reason: String)] = []
        for p in patients {
            let interpretation = Interpretation.interpret(p, today: request.today, followUps: false)
            if let selection {
                switch selection.result(p, interpretation: interpretation, today: request.today) {
                case .met: cohort.met += 1
                case .notMet: cohort.notMet += 1; continue
                case .unknown: cohort.unknown += 1; continue
                }
            } else { cohort.met += 1 }
            var group = "all"
            if let g = request.grouping {
                if g == .trialArm, let arm = request.enrolments[p.id] {
                    group = arm
                } else { switch g.group(of: p, interpretation: interpretation) {
                case .success(let name): group = name
                case .failure(let m): excluded.append((p.id, nil, m.reason)); continue
                } }
            }
            let r = EndpointDefinitions.record(p, endpoint: request.endpoint, options: request.options)
            if let reason = r.excludedReason { excluded.append((p.id, group, reason)); continue }
            included.append((group, r))
        }
        guard !included.isEmpty else {
            throw Failure.noPatients("no patient of the cohort has the data \(request.endpoint.rawValue) needs (\(excluded.count) excluded)")
        }
        let names = request.grouping?.order(Array(Set(included.map(\.0)))) ?? ["all"]
        let observations = included.compactMap { g, r -> SurvivalObservation? in
            guard let m = r.months, let s = r.status else { return nil }
            return SurvivalObservation(time: m, status: s, group: g)
        }
        var perGroupExcluded: [String: Int] = [:]
        for e in excluded { if let g = e.group { perGroupExcluded[g, default: 0] += 1 } }
        var report = try SurvivalAnalysis.report(observations, options: .init(
            endpoint: request.endpoint.rawValue, unit: "months", confidenceType: request.confidenceType, ties: .efron,
            at: request.at, competingCode: request.endpoint == .cir ? 2 : nil,
            eventLabels: request.endpoint == .cir ? [1: "relapse", 2: "death without relapse"] : [:],
            excluded: perGroupExcluded, groupOrder: names))
        report.definition = definition(request.endpoint, start: start, options: request.options)
        report.cohort = cohort
        report.excludedPatients = excluded.map { SurvivalReport.Exclusion(id: $0.id, group: $0.group, reason: $0.reason) }
        if cohort.unknown > 0 {
            report.notes.append("\(cohort.unknown) patient(s) with an unknown --where result are not in the cohort (only met counts).")
        }
        if request.options.censorAtHCT { report.notes.append("Secondary analysis: censored at transplant in first remission.") }
        return Result(report: report, records: included.map { (group: $0.0, record: $0.1) }, excluded: excluded, cohort: cohort)
    }

    static func definition(_ e: Endpoint, start: StartEvent, options: EndpointOptions) -> String {
        let from: String
        switch start {
        case .diagnosis: from = "from diagnosis"
        case .cr: from = "from first CR/CRh/CRi"
        case .hct: from = "from transplant"
        }
        let what: String
        switch e {
        case .os: what = "death from any cause; alive censored at last contact"
        case .efs: what = "no CR/CRh/CRi by day \(options.inductionLandmarkDays) (event on day 1), relapse or death; censored at last contact"
        case .rfs: what = "relapse or death; censored at last contact"
        case .cir: what = "relapse; competing: death without relapse; censored at last contact"
        }
        return "\(Endpoint.ruleSet) \(e.rawValue) \(from): \(what)" + (options.censorAtHCT ? "; censored at HCT in CR1" : "")
    }
}
