/// A ClinicalTrials.gov registration as read from API v2 JSON or the classic XML, before it becomes a trial file.
/// An absent optional means the record does not carry the datum (never "no restriction", except for the age
/// limits, where a missing key is the registry's way of writing "no limit").
struct CTGovStudy: Sendable {
    struct Arm: Sendable { var label: String; var type: String?; var interventions: [String] }

    var nctID: String
    var title: String
    var acronym: String?
    var sponsor: String?
    /// The registry's status, normalised to the API v2 spelling (`ACTIVE_NOT_RECRUITING`).
    var status: String?
    /// API v2 phase codes (`PHASE1`, `EARLY_PHASE1`, `NA`); nil when the design module is missing.
    var phases: [String]?
    var conditions: [String]
    /// nil when the record has no arm groups at all.
    var arms: [Arm]?
    /// Whether the record has an eligibility section.
    var hasEligibility: Bool
    var criteriaText: String?
    /// `ALL`, `FEMALE`, `MALE`; nil when not given.
    var sex: String?
    /// Age limits as written (`18 Years`); nil when absent or `N/A` (no limit).
    var minimumAge: String?
    var maximumAge: String?
    /// Where the study sits in its file (for messages): a JSON path or an XML element path.
    var location: String
}
