/// A write refused to keep data safe: an invalid id or value, an overwrite of a database that is not
/// the command's own, a concurrent change, a path outside its directory. Always a user error (exit status 1);
/// nothing was written.
public struct SafetyError: Error, Equatable, CustomStringConvertible, Sendable {
    public let message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}
