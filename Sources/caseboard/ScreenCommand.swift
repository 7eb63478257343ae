import ArgumentParser

// PLACEHOLDER: replaced by the issue that implements `caseboard screen`.
struct ScreenCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "screen", abstract: "(not yet implemented)")
    func run() throws {
        throw ValidationError("caseboard screen is not implemented yet")
    }
}
