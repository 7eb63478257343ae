/// A semantic style role (`mrd.positive`, `trial.possibly`, `task.overdue`). Themes map roles to
/// colours and attributes; widget code never names a colour.
public struct Role: Hashable, Sendable, ExpressibleByStringLiteral, CustomStringConvertible {
    public let name: String
    public init(_ name: String) { self.name = name }
    public init(stringLiteral value: String) { self.name = value }
    public var description: String { name }

    public static let normal: Role = "normal"
}
