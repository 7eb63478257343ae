import CaseStore
import CohortOutcomes
import Foundation

extension OutcomeRuns {
    /// `outcomes --out FILE.html`: the page of `OutcomesHTML`, written atomically (a new file, mode 0600 under the
    /// process umask, 0660 with CASEBOARD_GROUP_SHARED=1). Never onto a database (the open one or any other) nor a
    /// case export: those are refused with the path named and nothing written.
    static func writeHTML(_ result: CohortAnalysis.Result, endpoint: Endpoint, grouping: CohortGrouping?, workspace: Workspace, to path: String) throws {
        do {
            try OutputGuard.check(path, writing: "an outcomes HTML report", mayReplace: [.other], force: false,
                                  openDatabase: try workspace.database().path)
        } catch let e as SafetyError {
            throw CoreError.user("--out: \(e)")
        }
        let html = OutcomesHTML.page(result, endpoint: endpoint, grouping: grouping, isDemo: workspace.isDemo)
        do { try Data(html.utf8).write(to: URL(fileURLWithPath: path), options: .atomic) } catch {
            throw CoreError.user("--out: cannot write \(path): \(error.localizedDescription)")
        }
    }
}
