import CaseModel
import Foundation

extension FieldValidator {
    /// `vitalStatus`, `lastContact` and `death` (formats.md §1), checked against each other and the
    /// patient's dates: a death needs `vitalStatus` dead (or absent), no date before birth or after the
    /// death, the last contact not after the death. `dead` without a death date is a warning: the
    /// patient is then excluded from the survival endpoints (and listed as such).
    mutating func outcome(_ o: [String: Any], _ path: String, birthDate: LocalDate?, diagnoses: [Diagnosis])
        -> (VitalStatus, LocalDate?, Death?) {
        var vital: VitalStatus? = enumValue(o, "vitalStatus", path)
        let lastContact = date(o, "lastContact", path)
        var death: Death?
        if let v = value(o, "death", path, required: false) {
            if let d = v as? [String: Any] {
                let p = "\(path).death"
                unknown(d, allowed: ["date", "cause"], path: p)
                let when = date(d, "date", p, required: true)
                let cause: DeathCause? = enumValue(d, "cause", p)
                if let when { death = Death(date: when, cause: cause) }
            } else { error("\(path).death", "expected an object {date, cause?}, found \(Self.kind(v))") }
        }
        if let death {
            if vital == nil { vital = .dead }
            if vital != .dead { error("\(path).vitalStatus", "a death is recorded but vitalStatus is \"\(vital?.rawValue ?? "")\" (expected dead)") }
            if let b = birthDate, death.date < b { error("\(path).death.date", "the death (\(death.date)) is before the birth date (\(b))") }
            if let lc = lastContact, death.date < lc {
                error("\(path).lastContact", "the last contact (\(lc)) is after the death (\(death.date))")
            }
        } else if vital == .dead {
            warn("\(path).death", "vitalStatus is dead but no death date is recorded: the patient is excluded from survival endpoints")
        }
        if let lc = lastContact, let b = birthDate, lc < b {
            error("\(path).lastContact", "the last contact (\(lc)) is before the birth date (\(b))")
        }
        if let lc = lastContact, let first = diagnoses.map(\.date).min(), lc < first {
            error("\(path).lastContact", "the last contact (\(lc)) is before the first diagnosis (\(first))")
        }
        return (vital ?? .unknown, lastContact, death)
    }
}
