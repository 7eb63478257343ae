import ArgumentParser

// PLACEHOLDER: replaced by the issue that implements `caseboard match`.
struct MatchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "match", abstract: "(not yet implemented)")
    func run() throws {
        throw ValidationError("caseboard match is not implemented yet")
    }
}
