import CaseModel
import CaseStore
import ClinicalRules
import Foundation
import TrialEngine

/// One row of `cases --json`.
public struct CaseRow: Encodable, Sendable {
    public var id: String
    public var sex: String
    /// nil when the birth date is not recorded
    public var age: Int?
    public var site: String?
    public var diagnosis: CaseDiagnosisJSON?
    public var eln2022Risk: String?
    public var germlineTestingRecommended: Bool
    public var nextFollowUp: NextFollowUp?
    /// Open trials whose best open arm is eligible / possibly eligible (nil when no catalogue is in force).
    public var eligibleTrials: Int?
    public var possiblyEligibleTrials: Int?
    public var status: String?
    /// formats.md: false when the ELN 2022 risk is provisional; nil (null) outside AML.
    public var eln2022Complete: Bool? = nil
    /// The group's headline risk score in short form ("IPSS-R hi", "ELTS low", "T-ALL HR", "SAA"); nil for AML and others.
    public var risk: String?
    public struct NextFollowUp: Encodable, Sendable { public var due: LocalDate; public var kind: String; public var status: String }

    enum CodingKeys: String, CodingKey { case id, sex, age, site, diagnosis, eln2022Risk, germlineTestingRecommended, nextFollowUp, status, eligibleTrials, possiblyEligibleTrials, risk, eln2022Complete }
    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id); try c.encode(sex, forKey: .sex); try c.encode(age, forKey: .age)
        try c.encode(site, forKey: .site); try c.encode(diagnosis, forKey: .diagnosis); try c.encode(eln2022Risk, forKey: .eln2022Risk)
        try c.encode(germlineTestingRecommended, forKey: .germlineTestingRecommended)
        try c.encode(nextFollowUp, forKey: .nextFollowUp); try c.encode(status, forKey: .status)
        try c.encode(eligibleTrials, forKey: .eligibleTrials); try c.encode(possiblyEligibleTrials, forKey: .possiblyEligibleTrials)
        try c.encode(risk, forKey: .risk)
        try c.encode(eln2022Complete, forKey: .eln2022Complete)
    }
}

extension CaseRow {
    /// One listing row. `tasks` are the patient's follow-ups with nurses' completions applied;
    /// `matcher` (when a catalogue is in force) gives the per-trial counts, unless `storedCounts` (from the
    /// stored results, brought up to date: patient id → counts, absent = none) gives them.
    public static func make(_ p: Patient, today: LocalDate, tasks: [FollowUpTask], matcher: Matcher?,
                    storedCounts: [String: (eligible: Int, possiblyEligible: Int)]? = nil) -> CaseRow {
        let i = Interpretation.interpret(p, today: today, followUps: false)
        let next = tasks.filter { $0.status != .done }.min { ($0.due, $0.kind) < ($1.due, $1.kind) }
        var eligible: Int?, possibly: Int?
        if matcher != nil, let storedCounts {
            let c = storedCounts[p.id]
            eligible = c?.eligible ?? 0; possibly = c?.possiblyEligible ?? 0
        } else if let matcher {
            let facts = PatientFacts(patient: p, interpretation: i, today: today)
            var e = 0, q = 0
            for t in matcher.trials.indices {
                switch matcher.trialVerdict(t, facts: facts) {
                case .eligible?: e += 1
                case .possiblyEligible?: q += 1
                default: break
                }
            }
            eligible = e; possibly = q
        }
        var row = CaseRow(id: p.id, sex: p.sex.rawValue, age: p.age(on: today), site: p.site, diagnosis: p.diagnosis.map(CaseDiagnosisJSON.init),
                   eln2022Risk: i.eln2022?.risk.rawValue, germlineTestingRecommended: i.germline.testingRecommended,
                   nextFollowUp: next.map { CaseRow.NextFollowUp(due: $0.due, kind: $0.kind, status: $0.status.rawValue) },
                   eligibleTrials: eligible, possiblyEligibleTrials: possibly, status: p.status(on: today)?.status.rawValue,
                   risk: RiskSchemes.headline(RiskSchemes.assess(p, today: today)).map(RiskSchemes.shortForm))
        row.eln2022Complete = i.eln2022?.complete
        return row
    }
}

extension CaseRow {
    /// The rows of `cases`: every case matching `selection`, in id order. Trial counts come from the stored
    /// results on a writable database (brought up to date first; one SQL aggregate), computed on the fly when the
    /// database is read-only or the stored results cannot be brought up to date (`warn` is told why).
    public static func list(_ workspace: Workspace, selection: CaseSelection, warn: (String) -> Void,
                            report: ((MatchRecomputeReport) -> Void)? = nil) throws -> [CaseRow] {
        let service = try Workflows.service(workspace, withCatalogue: false)
        let matcher = try workspace.matcher()
        let db = try workspace.database()
        var storedCounts: [String: (eligible: Int, possiblyEligible: Int)]?
        if let matcher, StoredMatching.bringUpToDate(db, matcher: matcher, today: workspace.today, report: report, warn: warn) {
            do { storedCounts = try StoredMatching.candidateCounts(db, matcher: matcher) } catch {
                warn("could not read the stored trial results (\(CoreError.classify(error).message)); computing on the fly.")
            }
        }
        var unknown = 0
        var rows: [CaseRow] = []
        // A chunk of patients at a time: only the rows (small) are kept, never the whole case base.
        try db.forEachPatientChunk { chunk in
            for p in chunk {
                guard selection.matches(p, today: workspace.today) else { continue }
                switch selection.cohortResult(p, today: workspace.today) {
                case nil, .met?: break
                case .unknown?: unknown += 1; continue
                case .notMet?: continue
                }
                rows.append(make(p, today: workspace.today, tasks: try service.tasks(for: p), matcher: matcher, storedCounts: storedCounts))
            }
        }
        if unknown > 0 {
            warn("\(unknown) case(s) not listed: --where is unknown for them (data missing), neither met nor not met.")
        }
        return rows
    }
}
