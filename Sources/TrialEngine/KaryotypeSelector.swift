import CaseModel

public enum KaryotypeSelector: Sendable, Equatable {
    case normal, complex, monosomal
    case lesion(String)
    public var label: String {
        switch self {
        case .normal: return "normal karyotype"
        case .complex: return "complex karyotype"
        case .monosomal: return "monosomal karyotype"
        case .lesion(let l): return l
        }
    }
}
