import ArgumentParser

// PLACEHOLDER: replaced by the issue that implements `caseboard followups`.
struct FollowupsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "followups", abstract: "(not yet implemented)")
    func run() throws {
        throw ValidationError("caseboard followups is not implemented yet")
    }
}
