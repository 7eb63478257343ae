import Foundation

/// One located problem of an interchange document: `FILE: where: message` (where is a JSON path, `line N`,
/// `row N, column C` or an XML element path).
public struct InteropProblem: Error, CustomStringConvertible, Sendable, Equatable {
    public var file: String
    public var location: String?
    public var message: String

    public init(file: String, location: String?, message: String) {
        self.file = file; self.location = location; self.message = message
    }

    public var description: String {
        if let l = location, !l.isEmpty { return "\(file): \(l): \(message)" }
        return "\(file): \(message)"
    }
}

/// Every problem of a refused document (all are reported, none is fatal on its own).
public struct InteropFailure: Error, CustomStringConvertible, Sendable {
    public var problems: [InteropProblem]
    public init(_ problems: [InteropProblem]) { self.problems = problems }
    public var description: String { problems.map(\.description).joined(separator: "\n") }
}
