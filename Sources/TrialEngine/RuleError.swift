/// A criteria-language error at an offset (Unicode scalars) inside the rule text.
public struct RuleError: Error, Sendable, Equatable, CustomStringConvertible {
    public var offset: Int
    public var message: String
    public init(offset: Int, message: String) { self.offset = offset; self.message = message }
    public var description: String { "\(offset): \(message)" }
}
