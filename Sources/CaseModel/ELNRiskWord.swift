/// The displayed spelling of an ELN risk: British "favourable" in every text a person reads; the JSON
/// value stays the rawValue of formats.md (`favorable`).
extension ELNRisk {
    public var word: String {
        switch self {
        case .favorable: return "favourable"
        case .intermediate: return "intermediate"
        case .adverse: return "adverse"
        }
    }
}
