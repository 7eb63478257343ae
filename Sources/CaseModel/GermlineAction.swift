/// A next step for germline predisposition (formats.md §4 `germline.actions`).
public enum GermlineAction: String, Codable, Sendable, CaseIterable {
    /// Suspected variant or red flag, not yet confirmed on germline tissue.
    case germlineTesting = "germline-testing"
    /// Confirmed predisposition.
    case geneticCounselling = "genetic-counselling"
    case cascadeTestingOfRelatives = "cascade-testing-of-relatives"
    /// Confirmed predisposition and an allogeneic transplant considered or planned.
    case screenRelatedDonors = "screen-related-donors"

    /// Words for the screens and the board record.
    public var label: String {
        switch self {
        case .germlineTesting: return "germline testing"
        case .geneticCounselling: return "genetic counselling"
        case .cascadeTestingOfRelatives: return "cascade testing of relatives"
        case .screenRelatedDonors: return "screen related donors for the variant"
        }
    }
}
