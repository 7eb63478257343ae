/// Side effects the reducer asks for; the runtime performs them and feeds the results back as actions.
public enum Effect: Equatable, Sendable {
    case loadCaseList(CaseQuery)
    case loadCase(String)
    case loadTrials
    case loadTrial(String)
    case loadWorklist(WorklistFilter)
    case quit
}
