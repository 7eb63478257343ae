/// A column of a `Table`: header, width constraint, alignment.
public struct TableColumn: Sendable, Equatable {
    public var title: String
    public var width: LayoutConstraint
    public var alignment: Alignment
    public init(_ title: String, width: LayoutConstraint = .fill, alignment: Alignment = .left) {
        self.title = title; self.width = width; self.alignment = alignment
    }
}
