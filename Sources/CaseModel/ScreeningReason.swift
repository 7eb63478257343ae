/// The controlled reason codes of the pre-screening log (clinical-reference.md §4.1: criteria not met,
/// declined, physician decision, slot unavailable, lost to follow-up, died, other). A change's `reason`
/// is stored as `CODE` or `CODE: free text`; a reason written before the codes existed (free text only)
/// reads as uncoded — never as `other`.
public enum ScreeningReason: String, Codable, Sendable, CaseIterable {
    case criteriaNotMet = "criteria-not-met"
    case patientDeclined = "patient-declined"
    case physicianDecision = "physician-decision"
    case slotUnavailable = "slot-unavailable"
    case lostToFollowUp = "lost-to-follow-up"
    case died
    case other

    /// "criteria-not-met, patient-declined, …" for messages.
    public static var list: String { allCases.map(\.rawValue).joined(separator: ", ") }

    /// The stored reason of a code and its free text.
    public static func compose(_ code: ScreeningReason?, _ text: String?) -> String? {
        let t = text?.trimmingCharacters(in: .whitespaces)
        let free = (t?.isEmpty ?? true) ? nil : t
        switch (code, free) {
        case (nil, nil): return nil
        case (let c?, nil): return c.rawValue
        case (nil, let f?): return f
        case (let c?, let f?): return "\(c.rawValue): \(f)"
        }
    }

    /// A stored reason split into its code (nil: uncoded) and its free text (nil: none).
    public static func split(_ reason: String?) -> (code: ScreeningReason?, text: String?) {
        guard let r = reason?.trimmingCharacters(in: .whitespaces), !r.isEmpty else { return (nil, nil) }
        for c in allCases {
            if r == c.rawValue { return (c, nil) }
            if r.hasPrefix(c.rawValue + ":") {
                let rest = r.dropFirst(c.rawValue.count + 1).trimmingCharacters(in: .whitespaces)
                return (c, rest.isEmpty ? nil : rest)
            }
        }
        return (nil, r)
    }
}
