import ArgumentParser
import Foundation
import BoardApp
import ScreenKit

/// `caseboard screen NAME`: renders one screen of the UI as text on stdout, for scripts and review.
struct ScreenCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "screen",
        abstract: "Print one screen of the terminal UI as text.",
        discussion: "NAME is one of: \(ScreenCommand.names.joined(separator: ", ")).")

    static let names = ["case-list", "case", "trials", "trial", "worklist", "screening", "meeting", "help"]

    @Argument(help: "The screen to print.")
    var name: String

    @Option(name: .customLong("case"), help: "Case id (for `case`; default: the first case).")
    var caseID: String?

    @Option(name: .customLong("trial"), help: "Trial id (for `trial` and `screening`; default: the first trial).")
    var trialID: String?

    @Option(name: .customLong("meeting"), help: "Board meeting id (for `meeting`; default: the latest meeting, if any).")
    var meetingID: String?

    @Option(name: .long, help: "Screen size as WIDTHxHEIGHT.")
    var size = "120x40"

    @Flag(name: .long, help: "ASCII characters only.")
    var ascii = false

    @OptionGroup var options: GlobalOptions

    static func parseSize(_ s: String) -> (Int, Int)? {
        let parts = s.lowercased().split(separator: "x")
        guard parts.count == 2, let w = Int(parts[0]), let h = Int(parts[1]), w > 0, h > 0, w <= 1000, h <= 1000 else { return nil }
        return (w, h)
    }

    func run() throws {
        guard ScreenCommand.names.contains(name) else {
            throw ScreenCommand.userError("unknown screen \"\(name)\" (expected one of: \(ScreenCommand.names.joined(separator: ", ")))")
        }
        guard let (w, h) = ScreenCommand.parseSize(size) else {
            throw ScreenCommand.userError("--size: expected WIDTHxHEIGHT such as 120x40, found \"\(size)\"")
        }
        let session = try LiveRepository.open(options)
        let repository = session.repository
        let runtime = LiveRepository.runtime(session, width: w, height: h, ascii: ascii)
        runtime.start()
        switch name {
        case "case":
            guard let id = caseID ?? runtime.state.caseList.ids.first else { throw ScreenCommand.userError("the database has no case") }
            guard repository.summary(id: id) != nil else { throw ScreenCommand.userError("unknown case id \(id)") }
            runtime.send(.openCase(id))
        case "trial", "screening":
            let trials = repository.trials()
            if name == "screening" { runtime.send(.showScreen(.screening)) }
            let id: String
            if let t = trialID {
                guard let i = trials.firstIndex(where: { $0.trial.id == t }) else { throw ScreenCommand.userError("unknown trial id \(t)") }
                id = t
                if name == "screening" {
                    for _ in 0..<i { runtime.send(.down) }
                    runtime.send(.open)
                }
            } else {
                guard let first = trials.first?.trial.id else {
                    if name == "trial" { throw ScreenCommand.userError("no trial catalogue is loaded for this database") }
                    break
                }
                id = first
            }
            if name == "trial" { runtime.send(.openTrial(id)) }
        case "trials": runtime.send(.showScreen(.trials))
        case "worklist": runtime.send(.showScreen(.worklist))
        case "meeting":
            runtime.send(.showScreen(.meeting))
            if let id = meetingID {
                guard runtime.state.meeting.meetings.contains(where: { $0.id == id }) else { throw ScreenCommand.userError("unknown meeting id \(id)") }
                runtime.send(.openMeeting(id))
            } else if let latest = runtime.state.meeting.meetings.first {
                runtime.send(.openMeeting(latest.id))
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
        FileHandle.standardOutput.write(Data(out.utf8))
    }
}

extension ScreenCommand {
    /// A user error: the message on stderr, exit status 1 (formats.md §4). Shared with `UICommand`.
    static func userError(_ message: String) -> Error {
        FileHandle.standardError.write(Data("caseboard: \(message)\n".utf8))
        return ExitCode(1)
    }
}
