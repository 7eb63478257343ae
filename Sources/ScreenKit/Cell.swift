/// One terminal cell: a grapheme cluster (possibly with combining marks) and its role.
/// A wide glyph occupies its cell and a following `continuation` cell.
public struct Cell: Equatable, Sendable {
    public var text: String
    public var role: Role
    /// True for the second half of a double-width glyph.
    public var isContinuation: Bool
    public init(text: String = " ", role: Role = .normal, isContinuation: Bool = false) {
        self.text = text; self.role = role; self.isContinuation = isContinuation
    }
    public static let blank = Cell()
}
