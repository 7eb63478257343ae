import CaseModel

/// One predicate with its offset in the rule text.
public struct Atom: Sendable {
    public var predicate: Predicate
    public var offset: Int
}
