import CaseModel
import ScreenKit

/// A form drawn over the screen (reschedule, note, screening status, new meeting, board decision).
/// Kept as a draft when closed with Esc after an edit: `q` then asks before quitting.
public struct FormState: Equatable, Sendable {
    public var title: String
    public var fields: [FormField]
    public var focus = 0
    public var purpose: FormPurpose
    /// Validation message of the last save attempt.
    public var error: String?
    /// True once a field was edited.
    public var isDirty = false
    /// The key of the field the validation error is about: the error goes once that field is fixed.
    public var errorField: String? = nil
    public init(title: String, fields: [FormField], purpose: FormPurpose) {
        self.title = title; self.fields = fields; self.purpose = purpose
    }

    public func value(_ key: String) -> String { fields.first { $0.key == key }?.value ?? "" }
    public func index(_ key: String) -> Int? { fields.firstIndex { $0.key == key } }

    /// Participants typed as "Name:specialty; Name:specialty[:non-physician]" (as `meeting record --participant`).
    public static func participants(_ text: String) -> (participants: [Participant], problem: String?) {
        var out: [Participant] = []
        for part in text.split(whereSeparator: { $0 == ";" || $0 == "\n" }) {
            let item = part.trimmingCharacters(in: .whitespaces)
            if item.isEmpty { continue }
            let bits = item.split(separator: ":", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
            guard bits.count >= 2, !bits[0].isEmpty, !bits[1].isEmpty, bits.count <= 3 else {
                return (out, "participant \"\(item)\": expected Name:specialty (separate participants with ;)")
            }
            let physician = bits.count < 3 || bits[2].lowercased() != "non-physician"
            guard BoardRoles.classify(bits[1]) != nil || !physician else {
                return (out, "participant \"\(item)\": \"\(bits[1])\" is not a role of the list (\(BoardRoles.hint))")
            }
            out.append(BoardRoles.participant(name: bits[0], role: bits[1], nonPhysicianFlag: !physician))
        }
        return (out, nil)
    }

    /// The quorum warning for the participants field of a decision form, or nil.
    public var quorumWarning: String? {
        guard case .decision = purpose else { return nil }
        let ps = FormState.participants(value("participants")).participants
        let n = BoardRoles.physicianSpecialties(ps).count
        return n >= 3 ? nil : "Quorum not met: \(n) physician specialt\(n == 1 ? "y" : "ies") present, at least 3 required — roles: \(BoardRoles.hint)"
    }
}
