import ArgumentParser

// PLACEHOLDER: replaced by the issue that implements `caseboard case`.
struct CaseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "case", abstract: "(not yet implemented)")
    func run() throws {
        throw ValidationError("caseboard case is not implemented yet")
    }
}
