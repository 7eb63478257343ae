import CaseModel

/// Side effects the reducer asks for; the runtime performs them and feeds the results back as actions.
public enum Effect: Equatable, Sendable {
    case loadCaseList(CaseQuery)
    /// The rows of these cases (the case list's visible window), for the generation of the data they show.
    case loadCaseRows(ids: [String], generation: Int)
    case loadCase(String)
    case loadTrials
    case loadTrial(String)
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
}
