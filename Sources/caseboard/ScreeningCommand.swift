import ArgumentParser

// PLACEHOLDER: replaced by the issue that implements `caseboard screening`.
struct ScreeningCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "screening", abstract: "(not yet implemented)")
    func run() throws {
        throw ValidationError("caseboard screening is not implemented yet")
    }
}
