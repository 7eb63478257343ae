import ArgumentParser

// PLACEHOLDER: replaced by the issue that implements `caseboard export`.
struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "export", abstract: "(not yet implemented)")
    func run() throws {
        throw ValidationError("caseboard export is not implemented yet")
    }
}
