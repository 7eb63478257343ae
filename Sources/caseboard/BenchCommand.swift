import ArgumentParser

// PLACEHOLDER: replaced by the issue that implements `caseboard bench`.
struct BenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "bench", abstract: "(not yet implemented)")
    func run() throws {
        throw ValidationError("caseboard bench is not implemented yet")
    }
}
