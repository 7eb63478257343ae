import ArgumentParser

// PLACEHOLDER: replaced by the issue that implements `caseboard themes`.
struct ThemesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "themes", abstract: "(not yet implemented)")
    func run() throws {
        throw ValidationError("caseboard themes is not implemented yet")
    }
}
