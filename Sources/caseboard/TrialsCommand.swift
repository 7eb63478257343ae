import ArgumentParser

// PLACEHOLDER: replaced by the issue that implements `caseboard trials`.
struct TrialsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "trials", abstract: "(not yet implemented)")
    func run() throws {
        throw ValidationError("caseboard trials is not implemented yet")
    }
}
