import BoardApp
import CaseModel
import CaseboardCore
import Foundation

/// Every view of the terminal UI opened through the headless runtime at 200×60 on a writable file whose stored
/// verdicts are prepared (`waitStored`): the case list sorted by each column, a case, the trial catalogue with its
/// counts, a trial's candidates, the worklist, the screening view and a meeting. `openMs`: the command that opens
/// the view (with every load it triggers) plus its first frame; `renderMs`: one more frame of the open view.
enum BenchViews {
    static func measure(options: WorkspaceOptions, patients: Int) throws -> [BenchViewResult] {
        let session = try LiveRepository.open(Workspace(options), waitStored: true)
        let rt = LiveRepository.runtime(session, width: 200, height: 60, ascii: false)
        var out: [BenchViewResult] = []
        func ms(_ body: () -> Void) -> Double {
            let a = DispatchTime.now().uptimeNanoseconds
            body()
            return Double(DispatchTime.now().uptimeNanoseconds - a) / 1e6
        }
        func step(_ name: String, expect screen: ScreenID, _ commands: [Command]) throws {
            var settled = true
            let open = ms { for c in commands { rt.send(c) }; settled = rt.settle(); _ = rt.render() }
            guard settled else { throw CoreError.internal("caseboard bench: \(name): the view's loads did not finish within 30 s") }
            guard rt.state.screen == screen else {
                throw CoreError.internal("caseboard bench: \(name): expected the \(screen.rawValue) view, the runtime shows \(rt.state.screen.rawValue)")
            }
            let render = ms { _ = rt.render() }
            out.append(BenchViewResult(view: name, patients: patients, openMs: open, renderMs: render))
        }
        let first = ms { rt.start(); rt.settle(); _ = rt.render() }
        out.append(BenchViewResult(view: "case list", patients: patients, openMs: first, renderMs: ms { _ = rt.render() }))
        for key in CaseSortKey.allCases.dropFirst() {
            try step("case list sorted by \(key.rawValue)", expect: .caseList, [.sortNext])
            guard rt.state.caseList.query.sort.key == key else {
                throw CoreError.internal("caseboard bench: the case list is sorted by \(rt.state.caseList.query.sort.key.rawValue), expected \(key.rawValue)")
            }
        }
        try step("case", expect: .caseDetail, [.open])
        try step("trials", expect: .trials, [.view2])
        try step("trial", expect: .trialDetail, [.open])
        try step("worklist", expect: .worklist, [.view3])
        try step("screening", expect: .screening, [.view4])
        try step("meeting", expect: .meeting, [.view5])
        return out
    }
}
