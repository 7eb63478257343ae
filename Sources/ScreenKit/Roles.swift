/// The complete list of semantic roles the application uses. Theme files may only name these roles
/// (an unknown role is an error naming file:line); a role a theme does not set falls back to its
/// dotted parent (`border.focused` → `border`) and finally to `normal`.
extension Role {
    public static let title: Role = "title"
    public static let border: Role = "border"
    public static let borderFocused: Role = "border.focused"
    public static let selection: Role = "selection"
    public static let selectionUnfocused: Role = "selection.unfocused"
    public static let header: Role = "header"
    public static let footer: Role = "footer"
    public static let hintKey: Role = "hint.key"
    public static let muted: Role = "muted"
    public static let error: Role = "error"
    public static let warning: Role = "warning"
    public static let ok: Role = "ok"
    public static let tabActive: Role = "tab.active"
    public static let tabInactive: Role = "tab.inactive"
    public static let button: Role = "button"
    public static let buttonFocused: Role = "button.focused"
    public static let input: Role = "input"
    public static let inputCursor: Role = "input.cursor"
    public static let modal: Role = "modal"
    public static let search: Role = "search"
    public static let elnFavorable: Role = "eln.favorable"
    public static let elnIntermediate: Role = "eln.intermediate"
    public static let elnAdverse: Role = "eln.adverse"
    public static let germlineConfirmed: Role = "germline.confirmed"
    public static let germlineSuspected: Role = "germline.suspected"
    public static let germlineRedflag: Role = "germline.redflag"
    public static let mrdPositive: Role = "mrd.positive"
    public static let mrdNegative: Role = "mrd.negative"
    public static let mrdLowlevel: Role = "mrd.lowlevel"
    public static let mrdNotevaluable: Role = "mrd.notevaluable"
    public static let mrdThreshold: Role = "mrd.threshold"
    public static let mrdEvent: Role = "mrd.event"
    public static let chartAxis: Role = "chart.axis"
    public static let chartLabel: Role = "chart.label"
    public static let chartSeries1: Role = "chart.series1"
    public static let chartSeries2: Role = "chart.series2"
    public static let chartSeries3: Role = "chart.series3"
    public static let chartSeries4: Role = "chart.series4"
    public static let chartSeries5: Role = "chart.series5"
    public static let chartSeries6: Role = "chart.series6"
    public static let trialEligible: Role = "trial.eligible"
    public static let trialPossibly: Role = "trial.possibly"
    public static let trialIneligible: Role = "trial.ineligible"
    public static let trialClosed: Role = "trial.closed"
    public static let taskOverdue: Role = "task.overdue"
    public static let taskDuesoon: Role = "task.duesoon"
    public static let taskUpcoming: Role = "task.upcoming"
    public static let taskDone: Role = "task.done"
    public static let demoBanner: Role = "demo.banner"
    public static let presenter: Role = "presenter"
    public static let screeningStatus: Role = "screening.status"
    public static let meetingDecision: Role = "meeting.decision"

    /// The chart series roles, in order (series beyond six cycle).
    public static func chartSeries(_ index: Int) -> Role {
        let all: [Role] = [.chartSeries1, .chartSeries2, .chartSeries3, .chartSeries4, .chartSeries5, .chartSeries6]
        return all[((index % all.count) + all.count) % all.count]
    }

    /// Every role a theme may set.
    public static let all: [Role] = [
        .normal, .title, .border, .borderFocused, .selection, .selectionUnfocused, .header, .footer, .hintKey,
        .muted, .error, .warning, .ok, .tabActive, .tabInactive, .button, .buttonFocused, .input, .inputCursor,
        .modal, .search,
        .elnFavorable, .elnIntermediate, .elnAdverse,
        .germlineConfirmed, .germlineSuspected, .germlineRedflag,
        .mrdPositive, .mrdNegative, .mrdLowlevel, .mrdNotevaluable, .mrdThreshold, .mrdEvent,
        .chartAxis, .chartLabel, .chartSeries1, .chartSeries2, .chartSeries3, .chartSeries4, .chartSeries5, .chartSeries6,
        .trialEligible, .trialPossibly, .trialIneligible, .trialClosed,
        .taskOverdue, .taskDuesoon, .taskUpcoming, .taskDone,
        .demoBanner, .presenter, .screeningStatus, .meetingDecision,
    ]

    /// True when `role` is one of `all`.
    public static func isKnown(_ role: Role) -> Bool { knownNames.contains(role.name) }
    private static let knownNames: Set<String> = Set(all.map(\.name))

    /// The dotted parent (`border.focused` → `border`), nil for a top-level role.
    public var parent: Role? {
        guard let dot = name.lastIndex(of: ".") else { return nil }
        return Role(String(name[..<dot]))
    }
}
