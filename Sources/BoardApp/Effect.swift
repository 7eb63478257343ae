import CaseModel

/// Side effects the reducer asks for; the runtime performs them and feeds the results back as actions.
public enum Effect: Equatable, Sendable {
    case loadCaseList(CaseQuery)
    /// The rows of these cases (the case list's visible window), for the generation of the data they show.
    case loadCaseRows(ids: [String], generation: Int)
    case loadCase(String)
    case loadTrials
    case loadTrial(String)
    /// The best arm and the reasons of these candidates of a trial (the rows on screen), for a load of its detail.
    case explainCandidates(trial: String, ids: [String], generation: Int)
    case loadWorklist(WorklistFilter)
    case quit
    // Workflows, performed through the `WorkflowRepository`.
    case loadScreening(trial: String)
    case loadMeetings
    case loadMeeting(String)
    case loadMeetingCase(String)
    case completeTask(id: String, date: LocalDate?)
    case rescheduleTask(id: String, to: LocalDate, reason: String)
    case noteTask(id: String, text: String)
    case setScreeningStatus(ScreeningChange)
    case createMeeting(date: LocalDate, name: String, site: String?)
    case addToAgenda(meetingID: String, patientID: String, question: String)
    case recordDecision(meetingID: String, patientID: String, BoardDecision)
    case undo
    /// The Outcomes view's analysis (CohortAnalysis over the repository's cases).
    case loadOutcomes(OutcomesQuery)
    /// Undo one change of the session (`u`, after the confirmation); `what` names it in the result message.
    case undoChange(id: Int64, what: String)
    /// Re-apply the newest undo (`Ctrl-R`).
    case redo
    /// Read the session's history (after every write and at start).
    case loadHistory
    /// Another process changed the database: forget what is cached (the reloads follow).
    case forgetCached
    /// Re-read an open meeting, or report it gone (`meetingGone`) when it no longer exists.
    case reloadMeeting(String)
    /// Who is acting, typed at start.
    case setActor(String)
}
