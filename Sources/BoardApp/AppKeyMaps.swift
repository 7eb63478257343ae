import ScreenKit

/// The key maps: one per screen plus the global one. The footer hint bar and the `?` overlay are
/// generated from these; the reducer resolves keys through them.
public enum AppKeyMaps {
    static func b(_ c: Command, _ keys: [KeyEvent], _ help: String, footer: Bool = false) -> KeyBinding {
        KeyBinding(c.rawValue, keys: keys, help: help, inFooter: footer)
    }

    public static let global = KeyMap(name: "Everywhere", bindings: [
        b(.quit, [.char("q")], "Quit (asks when something is unsaved)", footer: true),
        b(.back, [.escape], "Back / close", footer: true),
        b(.help, [.char("?")], "Help: every key", footer: true),
        b(.search, [.char("/")], "Search cases", footer: true),
        b(.presenter, [.char("p")], "Presenter mode: hide identities"),
        b(.undo, [.char("u")], "Undo the last change made since the app was opened"),
        b(.view1, [.char("1")], "Cases"),
        b(.view2, [.char("2")], "Trials"),
        b(.view3, [.char("3")], "Worklist"),
        b(.view4, [.char("4")], "Screening"),
        b(.view5, [.char("5")], "Meeting"),
    ])

    static let movement: [KeyBinding] = [
        b(.up, [.up, .char("k")], "Move up"),
        b(.down, [.down, .char("j")], "Move down"),
        b(.pageUp, [.pageUp], "Page up"),
        b(.pageDown, [.pageDown], "Page down"),
        b(.top, [.char("g"), .home], "Top"),
        b(.bottom, [.char("G"), .end], "Bottom"),
    ]

    public static let caseList = KeyMap(name: "Cases", bindings: [
        b(.open, [.enter], "Open case", footer: true),
    ] + movement + [
        b(.sortNext, [.char("s")], "Sort by next column", footer: true),
        b(.sortReverse, [.char("r")], "Reverse sort"),
        b(.filterGroup, [.char("f")], "Filter: next group", footer: true),
        b(.filterSite, [.char("c")], "Filter: next site (centre)"),
        b(.filterStatus, [.char("t")], "Filter: next disease status"),
        b(.clearFilters, [.char("x")], "Clear filters and search"),
    ])

    public static let caseDetail = KeyMap(name: "Case", bindings: [
        b(.nextPanel, [.tab], "Next panel", footer: true),
        b(.previousPanel, [.backTab], "Previous panel"),
        b(.open, [.enter], "Trial reasons (every criterion)", footer: true),
        b(.zoom, [.char("z")], "Zoom the focused panel", footer: true),
        b(.addToAgenda, [.char("a")], "Put the case on a board meeting's agenda (with the question)"),
    ] + movement)

    public static let trials = KeyMap(name: "Trials", bindings: [
        b(.open, [.enter], "Open trial", footer: true),
    ] + movement)

    public static let trialDetail = KeyMap(name: "Trial", bindings: [
        b(.nextPanel, [.tab], "Criteria / candidates", footer: true),
        b(.previousPanel, [.backTab], "Criteria / candidates"),
        b(.open, [.enter], "Open candidate's case", footer: true),
    ] + movement)

    public static let worklist = KeyMap(name: "Worklist", bindings: [
        b(.open, [.enter], "Task details", footer: true),
        b(.markDone, [.char("d")], "Mark the task done (today; asks first)", footer: true),
        b(.reschedule, [.char("r")], "Reschedule the task (new date and reason)", footer: true),
        b(.addNote, [.char("n")], "Add a note to the task", footer: true),
        b(.openTaskCase, [.char("o")], "Open the task's case"),
        b(.filterWorklistSite, [.char("c")], "Filter: next site (centre)"),
        b(.filterWorklistKind, [.char("t")], "Filter: kind (from a list), due within / overdue by N days"),
        b(.toggleDone, [.char("a")], "Show / hide done tasks"),
    ] + movement)

    public static let screening = KeyMap(name: "Screening", bindings: [
        b(.nextPanel, [.tab], "Trials / candidates", footer: true),
        b(.previousPanel, [.backTab], "Trials / candidates"),
        b(.open, [.enter], "Choose trial / open candidate's case", footer: true),
        b(.moveStatus, [.char("m")], "Move the candidate's screening status", footer: true),
    ] + movement)

    public static let meeting = KeyMap(name: "Meeting", bindings: [
        b(.open, [.enter], "Open the meeting / record the decision", footer: true),
        b(.newMeeting, [.char("N")], "New meeting (date, name, site)", footer: true),
        b(.nextCase, [.right, .char("]")], "Next case on the agenda", footer: true),
        b(.previousCase, [.left, .char("[")], "Previous case on the agenda"),
        b(.recordDecision, [.char("e")], "Record the board's decision for this case", footer: true),
        b(.openMeetingCase, [.char("o")], "Open the whole case (MRD chart, trial reasons); Esc comes back"),
    ] + movement)

    /// Keys inside a form (the focused text field takes every other key).
    public static let form = KeyMap(name: "Form", bindings: [
        b(.formSave, [.function(2)], "Save (Enter on the last field saves too)", footer: true),
        b(.formNext, [.tab, .down], "Next field", footer: true),
        b(.formPrevious, [.backTab, .up], "Previous field"),
        b(.formOptionNext, [.right, .char(" ")], "Next option (choice fields)", footer: true),
        b(.formOptionPrevious, [.left], "Previous option (choice fields)"),
        b(.back, [.escape], "Close (an edited form is kept as a draft)", footer: true),
    ])

    /// The key map of `screen` (its own bindings first, then the global ones).
    public static func map(for screen: ScreenID) -> KeyMap {
        let own: KeyMap
        switch screen {
        case .caseList: own = caseList
        case .caseDetail: own = caseDetail
        case .trials: own = trials
        case .trialDetail: own = trialDetail
        case .worklist: own = worklist
        case .screening: own = screening
        case .meeting: own = meeting
        }
        return own.merged(with: global)
    }

    /// The maps shown by the help overlay for `screen`.
    public static func helpMaps(for screen: ScreenID) -> [KeyMap] {
        let own = map(for: screen)
        return [KeyMap(name: own.name, bindings: own.bindings.filter { b in !global.bindings.contains(b) }), global]
    }

    /// The command a key runs on `screen`, if any.
    public static func command(for key: KeyEvent, on screen: ScreenID) -> Command? {
        map(for: screen).action(for: key).flatMap(Command.init(rawValue:))
    }
}
