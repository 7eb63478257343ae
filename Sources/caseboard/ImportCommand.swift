import ArgumentParser

// PLACEHOLDER: replaced by the issue that implements `caseboard import`.
struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "import", abstract: "(not yet implemented)")
    func run() throws {
        throw ValidationError("caseboard import is not implemented yet")
    }
}
