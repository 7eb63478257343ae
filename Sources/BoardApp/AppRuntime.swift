import CaseModel
import ScreenKit

/// Runs the reducer and performs its effects against a repository, feeding results back as
/// actions, until nothing is left to do. Used by the terminal loop, `caseboard screen` and tests.
public final class AppRuntime {
    public private(set) var state: AppState
    public let repository: CaseRepository
    /// Every effect performed, in order (tests assert on it).
    public private(set) var performed: [Effect] = []

    public init(repository: CaseRepository, width: Int, height: Int, ascii: Bool) {
        self.repository = repository
        self.state = AppState(width: width, height: height, ascii: ascii, isDemo: repository.isDemo,
                              today: repository.today, caseCount: repository.caseCount, facets: repository.facets)
    }

    /// Loads what the first screen shows.
    public func start() { perform([.loadCaseList(state.caseList.query)]) }

    public var isQuitting: Bool { state.isQuitting }

    /// Sends one action (and whatever its effects bring back).
    public func send(_ action: Action) {
        let (next, effects) = reduce(state, action)
        state = next
        perform(effects)
    }

    public func send(_ command: Command) { send(.command(command)) }

    /// Types each character of `text` as a key.
    public func type(_ text: String) { for c in text { send(.key(.char(c))) } }

    private func perform(_ effects: [Effect]) {
        for e in effects {
            performed.append(e)
            switch e {
            case .loadCaseList(let q): send(.caseListLoaded(repository.caseIDs(matching: q)))
            case .loadCase(let id): send(.caseLoaded(id: id, repository.detail(id: id)))
            case .loadTrials: send(.trialsLoaded(repository.trials()))
            case .loadTrial(let id): send(.trialLoaded(id: id, repository.trialDetail(id: id)))
            case .loadWorklist(let f): send(.worklistLoaded(repository.worklist(filter: f)))
            case .quit: break
            }
        }
    }

    /// The current screen drawn into a new buffer.
    public func render() -> Buffer {
        var b = Buffer(width: state.width, height: state.height)
        ScreenRenderer.render(state, repository: repository, into: &b)
        return b
    }
}
