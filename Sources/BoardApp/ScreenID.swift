/// The screens of the app (names of formats.md §4, as `caseboard screen NAME` takes them).
public enum ScreenID: String, CaseIterable, Equatable, Sendable {
    case caseList = "case-list", caseDetail = "case", trials, trialDetail = "trial", worklist, screening, meeting, outcomes

    /// The main views reached with 1…9, in order (case and trial detail are opened from them).
    public static let mainViews: [ScreenID] = [.caseList, .trials, .worklist, .screening, .meeting, .outcomes]

    public var title: String {
        switch self {
        case .caseList: return "Cases"
        case .caseDetail: return "Case"
        case .trials: return "Trials"
        case .trialDetail: return "Trial"
        case .worklist: return "Worklist"
        case .screening: return "Screening"
        case .meeting: return "Meeting"
        case .outcomes: return "Outcomes"
        }
    }

    /// The main view this screen belongs to (for the header tabs).
    public var mainView: ScreenID {
        switch self {
        case .caseDetail: return .caseList
        case .trialDetail: return .trials
        default: return self
        }
    }
}
