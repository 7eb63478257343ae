/// Every user-visible action by name. Key maps bind keys to these; tests send them directly.
public enum Command: String, CaseIterable, Equatable, Sendable {
    // global
    case quit, back, help, search, presenter, undo
    case view1, view2, view3, view4, view5, view6, view7, view8, view9
    // movement
    case up, down, pageUp, pageDown, top, bottom, open
    // panels
    case nextPanel, previousPanel, zoom
    // case list
    case sortNext, sortReverse, filterGroup, filterSite, filterStatus, clearFilters
    // worklist
    case filterWorklistSite, filterWorklistKind, toggleDone, openTaskCase, markDone, reschedule, addNote
    // screening
    case moveStatus
    // meeting
    case newMeeting, nextCase, previousCase, recordDecision, openMeetingCase
    // case detail
    case addToAgenda
    // forms
    case formNext, formPrevious, formSave, formOptionNext, formOptionPrevious
    // confirm dialog
    case confirmYes, confirmNo
    // outcomes
    case cycleEndpoint, cycleGrouping, editCohort
    // undo history, live data (appended)
    case history, redo, refresh
    // key-map convention (appended): reverse order, disease-status filter, done tasks shown
    case clearWorklistFilters

    /// The main view index (0-based) of view1…view9.
    public var viewIndex: Int? {
        let all: [Command] = [.view1, .view2, .view3, .view4, .view5, .view6, .view7, .view8, .view9]
        return all.firstIndex(of: self)
    }
}
