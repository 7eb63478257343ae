import ArgumentParser

// PLACEHOLDER: replaced by the issue that implements `caseboard ui`.
struct UICommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "ui", abstract: "(not yet implemented)")
    func run() throws {
        throw ValidationError("caseboard ui is not implemented yet")
    }
}
