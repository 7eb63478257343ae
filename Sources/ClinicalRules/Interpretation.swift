import CaseModel

/// Everything the clinical rules say about one patient on one day.
/// PLACEHOLDER API, to be implemented by the ClinicalRules work (issue 3).
public struct Interpretation: Sendable, Equatable {
    public var eln2022: RiskAssessment?
    public var eln2024LessIntensive: RiskAssessment?
    public var germline: GermlineAssessment
    public var mrd: [MRDSeriesAssessment]
    public var followUps: [FollowUpTask]

    public init(eln2022: RiskAssessment?, eln2024LessIntensive: RiskAssessment?, germline: GermlineAssessment,
                mrd: [MRDSeriesAssessment], followUps: [FollowUpTask]) {
        self.eln2022 = eln2022; self.eln2024LessIntensive = eln2024LessIntensive; self.germline = germline
        self.mrd = mrd; self.followUps = followUps
    }

    /// Interprets `patient` as of `today`.
    public static func interpret(_ patient: Patient, today: LocalDate) -> Interpretation {
        Interpretation(eln2022: nil, eln2024LessIntensive: nil,
                       germline: GermlineAssessment(testingRecommended: false, flags: []), mrd: [], followUps: [])
    }
}
