import ArgumentParser

// PLACEHOLDER: replaced by the issue that implements `caseboard cases`.
struct CasesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "cases", abstract: "(not yet implemented)")
    func run() throws {
        throw ValidationError("caseboard cases is not implemented yet")
    }
}
