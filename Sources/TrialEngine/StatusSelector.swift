import CaseModel

public enum StatusSelector: Sendable, Equatable {
    case status(DiseaseStatus)
    case remission
    case firstRemission
    public var label: String {
        switch self {
        case .status(let s): return s.rawValue
        case .remission: return "remission"
        case .firstRemission: return "CR1"
        }
    }
}
