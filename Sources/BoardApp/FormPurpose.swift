/// What a form saves when submitted.
public enum FormPurpose: Equatable, Sendable {
    case completeTask(taskID: String)
    case reschedule(taskID: String)
    case note(taskID: String)
    case screening(trial: String, patient: String)
    case createMeeting
    case addToAgenda(patientID: String)
    case decision(meetingID: String, patientID: String)
    /// The worklist's filters (kind from a list, due within / overdue by N days): no write.
    case worklistFilter
}
