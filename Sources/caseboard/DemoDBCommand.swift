import ArgumentParser

// PLACEHOLDER: replaced by the issue that implements `caseboard demo-db`.
struct DemoDBCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "demo-db", abstract: "(not yet implemented)")
    func run() throws {
        throw ValidationError("caseboard demo-db is not implemented yet")
    }
}
