import ArgumentParser
import Foundation
import BoardApp
import CaseboardCore
import ScreenKit

/// `caseboard screen NAME`: renders one screen of the UI as text on stdout, for scripts and review.
struct ScreenCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "screen",
        abstract: "Print one screen of the terminal UI as text.",
        discussion: "NAME is one of: \(ScreenSnapshot.names.joined(separator: ", ")).")

    @Argument(help: "The screen to print.") var name: String
    @Option(name: .customLong("case"), help: "Case id (for `case`; default: the first case).") var caseID: String?
    @Option(name: .customLong("trial"), help: "Trial id (for `trial` and `screening`; default: the first trial).") var trialID: String?
    @Option(name: .customLong("meeting"), help: "Board meeting id (for `meeting`; default: the latest meeting, if any).") var meetingID: String?
    @Option(name: .long, help: "For `case-list`: the list as it shows after typing /TEXT and Enter.") var search: String?
    @Option(name: .long, help: "Screen size as WIDTHxHEIGHT.") var size = "120x40"
    @Flag(name: .long, help: "ASCII characters only.") var ascii = false
    @OptionGroup var options: GlobalOptions

    func run() throws {
        let (w, h) = try ScreenSnapshot.size(size)
        let request = ScreenSnapshot.Request(name: name, caseID: caseID, trialID: trialID, meetingID: meetingID, search: search,
                                             width: w, height: h, ascii: ascii)
        Console.standard.raw(try ScreenSnapshot.render(request, workspace: try options.workspace(),
                                                       waitStored: ProcessInfo.processInfo.environment["CASEBOARD_WAIT_STORED"] == "1"))
    }
}
