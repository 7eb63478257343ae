import CaseModel
import ClinicalRules

/// The next open follow-up of a case.
public struct NextFollowUp: Equatable, Sendable {
    public var due: LocalDate
    public var kind: String
    public var status: FollowUpStatus
    public init(due: LocalDate, kind: String, status: FollowUpStatus) { self.due = due; self.kind = kind; self.status = status }
}

/// One row of the case list.
public struct CaseSummary: Equatable, Sendable {
    public var id: String
    /// "FAMILY Given", nil when the file has no identity.
    public var name: String?
    /// Initials or the pseudonymous id, shown in presenter mode.
    public var initials: String
    /// nil when the birth date is not recorded.
    public var age: Int?
    public var sex: Sex
    public var category: DiagnosisCategory?
    public var diagnosisLabel: String
    public var group: PathologyGroup?
    public var site: String?
    public var status: DiseaseStatus?
    public var elnRisk: ELNRisk?
    public var germline: GermlineFlagLevel?
    public var germlineTestingRecommended: Bool
    public var mrdTrend: MRDTrend?
    public var mrdStatus: MRDStatus?
    public var eligibleTrials: Int
    public var possiblyEligibleTrials: Int
    public var nextFollowUp: NextFollowUp?
    /// false when the ELN 2022 risk is provisional (data it needed was missing): the list shows `fav?`.
    public var elnComplete: Bool = true
    /// The group's risk scores (IPSS-R, ELTS, DIPSS, T-ALL, AA…, `RiskSchemes.assess`); empty for AML and others.
    public var risks: [SchemeRiskAssessment] = []

    /// The headline score in the `cases` table's short form ("IPSS-R hi", "ELTS low", "T-ALL HR", "SAA"); nil when none.
    public var riskShort: String? { RiskSchemes.headline(risks).map(RiskSchemes.shortForm) }

    /// What the Risk column shows (and the "risk" sort ranks by): the ELN risk, else the headline score.
    public var listRisk: CaseListRisk { CaseListRisk.of(eln: elnRisk, elnComplete: elnComplete, risks: risks) }

    public init(id: String, name: String?, initials: String, age: Int?, sex: Sex, category: DiagnosisCategory?,
                diagnosisLabel: String, group: PathologyGroup?, site: String?, status: DiseaseStatus?, elnRisk: ELNRisk?,
                germline: GermlineFlagLevel?, germlineTestingRecommended: Bool, mrdTrend: MRDTrend?, mrdStatus: MRDStatus?,
                eligibleTrials: Int, possiblyEligibleTrials: Int, nextFollowUp: NextFollowUp?) {
        self.id = id; self.name = name; self.initials = initials; self.age = age; self.sex = sex; self.category = category
        self.diagnosisLabel = diagnosisLabel; self.group = group; self.site = site; self.status = status
        self.elnRisk = elnRisk; self.germline = germline; self.germlineTestingRecommended = germlineTestingRecommended
        self.mrdTrend = mrdTrend; self.mrdStatus = mrdStatus; self.eligibleTrials = eligibleTrials
        self.possiblyEligibleTrials = possiblyEligibleTrials; self.nextFollowUp = nextFollowUp
    }

    /// The name shown: the identity, or the initials in presenter mode.
    public func displayName(presenter: Bool) -> String { presenter ? initials : (name ?? initials) }
}
