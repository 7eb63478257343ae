import ArgumentParser

// PLACEHOLDER: replaced by the issue that implements `caseboard meeting`.
struct MeetingCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "meeting", abstract: "(not yet implemented)")
    func run() throws {
        throw ValidationError("caseboard meeting is not implemented yet")
    }
}
