import CaseModel

/// One patient's contribution to an endpoint: time from the start (days and months) and status
/// (0 censored, 1 event, 2 competing event), or the reason the patient could not be included.
public struct EndpointRecord: Sendable, Equatable {
    public var patientId: String
    public var start: LocalDate?
    public var days: Int?
    public var status: Int?
    /// What happened at the end of the time ("death", "relapse", "induction failure", "last contact", "transplant (censored)").
    public var outcome: String?
    /// Why the patient is excluded; nil when included.
    public var excludedReason: String?

    /// Months as days / 30.4375 (365.25 / 12).
    public var months: Double? { days.map { Double($0) / 30.4375 } }
    public var isIncluded: Bool { excludedReason == nil }

    public static func excluded(_ id: String, _ reason: String) -> EndpointRecord {
        EndpointRecord(patientId: id, start: nil, days: nil, status: nil, outcome: nil, excludedReason: reason)
    }
}
