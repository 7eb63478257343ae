import CaseModel

/// Everything the clinical rules say about one patient on one day.
public struct Interpretation: Sendable, Equatable {
    /// Version of the clinical rules as the trial engine reads them: bump it with every change that can alter an
    /// interpretation (risk, MRD status, germline flags), so that stored trial verdicts computed by an older
    /// engine are recomputed rather than served.
    public static let rulesVersion = "rules-2026-12-02.2"
    public var eln2022: RiskAssessment?
    public var eln2024LessIntensive: RiskAssessment?
    public var germline: GermlineAssessment
    public var mrd: [MRDSeriesAssessment]
    public var followUps: [FollowUpTask]
    /// Age in completed years on `today` (29 February birthdays fall on 28 February in common years).
    /// nil when the birth date is not recorded.
    public var age: Int?
    /// Complex / monosomal karyotype and class-defining lesions at diagnosis (nil without karyotype or fusion data).
    public var cytogenetics: CytogeneticProfile?

    public init(eln2022: RiskAssessment?, eln2024LessIntensive: RiskAssessment?, germline: GermlineAssessment,
                mrd: [MRDSeriesAssessment], followUps: [FollowUpTask], age: Int? = nil, cytogenetics: CytogeneticProfile? = nil) {
        self.eln2022 = eln2022; self.eln2024LessIntensive = eln2024LessIntensive; self.germline = germline
        self.mrd = mrd; self.followUps = followUps; self.age = age; self.cytogenetics = cytogenetics
    }

    /// The rule sets applied, with their versions (for reports and the README).
    public static let ruleSets: [(name: String, version: String)] = [
        (ELN2022.rule, ELN2022.version),
        (ELN2024LessIntensive.rule, ELN2024LessIntensive.version),
        (MRDInterpreter.rule, MRDInterpreter.version),
        (GermlinePredisposition.rule, GermlinePredisposition.version),
        (FollowUpScheduler.rule, FollowUpScheduler.version),
    ]

    /// Interprets `patient` as of `today`. Pure: no clock, no I/O.
    public static func interpret(_ patient: Patient, today: LocalDate) -> Interpretation {
        interpret(patient, today: today, followUps: true)
    }

    /// As `interpret(_:today:)`; with `followUps: false` the follow-up schedule is not generated
    /// (`followUps` is empty): for the trial engine, which needs risk, germline and MRD for 100,000
    /// patients and no worklist. The schedule is the costliest part (about ten tasks per patient).
    public static func interpret(_ patient: Patient, today: LocalDate, followUps: Bool) -> Interpretation {
        let category = patient.diagnosis?.category
        let cyto: CytogeneticProfile? = (patient.karyotypes.isEmpty && patient.fusions.isEmpty)
            ? nil : CytogeneticProfile.diagnostic(for: patient)
        let eln: RiskAssessment?
        if category == .aml {
            eln = ELN2022.assess(patient, cytogenetics: cyto ?? CytogeneticProfile.analyse(karyotype: nil))
        } else {
            eln = nil
        }
        let eln24 = ELN2024LessIntensive.assess(patient)
        let germline = GermlinePredisposition.assess(patient, today: today)
        let mrd = MRDInterpreter.assess(patient.mrd, category: category, therapies: patient.therapies)
        let tasks = followUps
            ? FollowUpScheduler.tasks(for: patient, today: today, mrd: mrd, germline: germline, cytogenetics: cyto) : []
        return Interpretation(eln2022: eln, eln2024LessIntensive: eln24, germline: germline, mrd: mrd, followUps: tasks,
                              age: patient.age(on: today), cytogenetics: cyto)
    }
}
