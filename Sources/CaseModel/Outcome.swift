/// Outcome data of a patient (formats.md §1 patient table: `vitalStatus`, `lastContact`, `death`).

public enum VitalStatus: String, Codable, Sendable, CaseIterable { case alive, dead, unknown }

public enum DeathCause: String, Codable, Sendable, CaseIterable { case disease, treatment, infection, other, unknown }

/// A recorded death: its date and, when known, its cause.
public struct Death: Codable, Sendable, Equatable {
    public var date: LocalDate
    public var cause: DeathCause?
    public init(date: LocalDate, cause: DeathCause? = nil) { self.date = date; self.cause = cause }
}
