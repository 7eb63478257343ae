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
    /// The Outcomes view's cohort (`--where`); not a write.
    case outcomesCohort
    /// Who is acting, asked once at start when neither --user nor $USER gave it.
    case actor

    /// The meeting the form writes to, if any (a form on a meeting that no longer exists is closed).
    var meetingID: String? {
        if case .decision(let m, _) = self { return m }
        return nil
    }
}
