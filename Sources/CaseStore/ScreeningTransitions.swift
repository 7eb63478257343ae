import CaseModel

/// The pre-screening status model (clinical-reference.md §4.1): which status may follow which, and
/// what each status requires.
///
///     (none) ──► identified ──► pre-screened ──► approached ──► consented ──► enrolled
///                    │               │               │              └──► screen-failed (criterion)
///                    ├──► pre-screen-failed (criterion)   ──► declined (reason) from any open status
///                    └──► deferred (recheck date) ──► back to pre-screened / approached, or failed / declined
///
/// `enrolled`, `pre-screen-failed`, `declined` and `screen-failed` are final.
public enum ScreeningTransitions {
    public static let final: Set<ScreeningStatus> = [.enrolled, .preScreenFailed, .declined, .screenFailed]

    /// Statuses allowed after `current` (nil: the patient is not yet in the log of this trial).
    public static func allowed(after current: ScreeningStatus?) -> [ScreeningStatus] {
        ScreeningStatus.allowed(after: current)
    }

    /// Why `next` may not follow `current`, or nil when it may.
    public static func refusal(from current: ScreeningStatus?, to next: ScreeningStatus) -> String? {
        if let c = current, final.contains(c) {
            return "\(c.rawValue) is a final status; no further change is allowed."
        }
        if current == next { return "the patient is already \(next.rawValue)." }
        let ok = allowed(after: current)
        if ok.contains(next) { return nil }
        let prerequisite: String
        switch next {
        case .enrolled: prerequisite = "enrolled requires consented first"
        case .consented: prerequisite = "consented requires approached first"
        case .screenFailed: prerequisite = "screen-failed applies only after consent (use pre-screen-failed before consent)"
        case .approached: prerequisite = "approached requires pre-screened first"
        default: prerequisite = "not allowed from \(current?.rawValue ?? "no status")"
        }
        return "\(prerequisite) (allowed next: \(ok.map(\.rawValue).joined(separator: ", ")))."
    }
}
