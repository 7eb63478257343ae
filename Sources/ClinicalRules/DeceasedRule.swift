import CaseModel

/// A patient recorded dead (`vitalStatus` dead, formats.md §1) gets no new follow-up task, and their open tasks are
/// shown as "patient deceased" (never overdue); every trial arm is ineligible with the reason "deceased". Owned here,
/// asked by the follow-up scheduler and by every matching path of the trial engine. `unknown` is not dead.
public enum DeceasedRule {
    public static let rule = "Deceased patient: no new follow-up, no trial verdict other than ineligible (reason: deceased)"

    /// The text of the criterion the explained verdicts add for a deceased patient.
    public static let criterionText = "Patient alive"

    public static func isDeceased(_ p: Patient) -> Bool { p.vitalStatus == .dead }

    /// "deceased (2026-05-02)" or "deceased (date not recorded)".
    public static func reason(_ p: Patient) -> String {
        "deceased (" + (p.death.map { "\($0.date)" } ?? "date not recorded") + ")"
    }
}
