/// A repository that cannot analyse outcomes (it has no cases loaded as patients).
public struct OutcomesUnavailable: Error, CustomStringConvertible {
    public init() {}
    public var description: String { "outcome analysis is not available for this repository" }
}
