import BoardApp
import Foundation

/// One screen of the terminal UI rendered as text (`caseboard screen NAME`): the real runtime over the live
/// repository, driven by the same actions a person's keys send.
public enum ScreenSnapshot {
    public static let names = ["case-list", "case", "trials", "trial", "worklist", "screening", "meeting", "help"]

    public struct Request: Sendable {
        public var name: String
        public var caseID: String?
        public var trialID: String?
        public var meetingID: String?
        /// `case-list`: the list as it shows after typing `/TEXT` and Enter.
        public var search: String?
        public var width: Int
        public var height: Int
        public var ascii: Bool
        public init(name: String, caseID: String? = nil, trialID: String? = nil, meetingID: String? = nil, search: String? = nil,
                    width: Int, height: Int, ascii: Bool) {
            self.name = name; self.caseID = caseID; self.trialID = trialID; self.meetingID = meetingID; self.search = search
            self.width = width; self.height = height; self.ascii = ascii
        }
    }

    /// `--size WIDTHxHEIGHT` (each 1–1000).
    public static func size(_ s: String) throws -> (width: Int, height: Int) {
        let parts = s.lowercased().split(separator: "x")
        guard parts.count == 2, let w = Int(parts[0]), let h = Int(parts[1]), (1...1000).contains(w), (1...1000).contains(h) else {
            throw CoreError.user("--size: expected WIDTHxHEIGHT such as 120x40, found \"\(s)\"")
        }
        return (w, h)
    }

    /// The screen's rows, trailing spaces trimmed, one per line. Unknown ids are user errors naming them.
    public static func render(_ request: Request, workspace: Workspace, waitStored: Bool) throws -> String {
        guard names.contains(request.name) else {
            throw CoreError.user("unknown screen \"\(request.name)\" (expected one of: \(names.joined(separator: ", ")))")
        }
        if request.search != nil && request.name != "case-list" { throw CoreError.user("--search applies to the case-list screen only") }
        let session = try LiveRepository.open(workspace, waitStored: waitStored)
        let repository = session.repository
        let runtime = LiveRepository.runtime(session, width: request.width, height: request.height, ascii: request.ascii)
        runtime.start()
        switch request.name {
        case "case":
            guard let id = request.caseID ?? runtime.state.caseList.ids.first else { throw CoreError.user("the database has no case") }
            guard try repository.summary(id: id) != nil else { throw CoreError.user("unknown case id \(id)") }
            runtime.send(.openCase(id))
        case "trial", "screening":
            let trials = try repository.trials()
            if request.name == "screening" { runtime.send(.showScreen(.screening)) }
            let id: String
            if let t = request.trialID {
                guard let i = trials.firstIndex(where: { $0.trial.id == t }) else { throw CoreError.user("unknown trial id \(t)") }
                id = t
                if request.name == "screening" {
                    for _ in 0..<i { runtime.send(.down) }
                    runtime.send(.open)
                }
            } else {
                guard let first = trials.first?.trial.id else {
                    if request.name == "trial" { throw CoreError.user("no trial catalogue is loaded for this database") }
                    break
                }
                id = first
            }
            if request.name == "trial" { runtime.send(.openTrial(id)) }
        case "trials": runtime.send(.showScreen(.trials))
        case "worklist": runtime.send(.showScreen(.worklist))
        case "meeting":
            runtime.send(.showScreen(.meeting))
            if let id = request.meetingID {
                guard runtime.state.meeting.meetings.contains(where: { $0.id == id }) else { throw CoreError.user("unknown meeting id \(id)") }
                runtime.send(.openMeeting(id))
            } else if let latest = runtime.state.meeting.meetings.first {
                runtime.send(.openMeeting(latest.id))
            }
        case "case-list":
            if let text = request.search {
                runtime.type("/")
                runtime.type(text)
                runtime.send(.key(.enter))
            }
        case "help": runtime.send(.help)
        default: break
        }
        let buffer = runtime.render()
        var out = ""
        for y in 0..<buffer.height {
            var row = buffer.rowText(y)
            while row.hasSuffix(" ") { row.removeLast() }
            out += row + "\n"
        }
        return out
    }
}
