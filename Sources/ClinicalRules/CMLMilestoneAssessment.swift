import CaseModel

/// One ELN 2020 CML milestone assessment (scheme `CML-ELN2020-milestone`), shaped like a formats.md `risk`
/// entry: `category` is nil (and `complete` false) when the milestone cannot be judged, `missing` says why.
public struct CMLMilestoneAssessment: Sendable, Equatable {
    public var scheme: String { ELN2020CML.scheme }
    public var version: String { ELN2020CML.version }
    public var category: CMLResponseCategory?
    /// "3 months", "6 months", "12 months and later"; nil before 3 months or without a TKI start.
    public var milestone: String?
    public var complete: Bool
    public var missing: [String]
    public var drivers: [String]
    /// The sample the category was read from.
    public var sampleDate: LocalDate?
    public init(category: CMLResponseCategory?, milestone: String?, complete: Bool, missing: [String], drivers: [String],
                sampleDate: LocalDate?) {
        self.category = category; self.milestone = milestone; self.complete = complete; self.missing = missing
        self.drivers = drivers; self.sampleDate = sampleDate
    }
}
