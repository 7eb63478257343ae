/// The panels of the case screen, in Tab order.
public enum CasePanel: String, CaseIterable, Equatable, Sendable, Hashable {
    case identity, genetics, mrd, trials, timeline, followUps

    public var title: String {
        switch self {
        case .identity: return "Identity & diagnosis"
        case .genetics: return "Genetics & germline"
        case .mrd: return "MRD"
        case .trials: return "Trials"
        case .timeline: return "Therapies & transplants"
        case .followUps: return "Follow-ups"
        }
    }
}
