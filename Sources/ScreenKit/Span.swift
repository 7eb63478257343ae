/// A run of text in one role (a table cell, a piece of a styled line).
public struct Span: Equatable, Sendable, ExpressibleByStringLiteral {
    public var text: String
    public var role: Role
    public init(_ text: String, role: Role = .normal) { self.text = text; self.role = role }
    public init(stringLiteral value: String) { self.text = value; self.role = .normal }
    public var width: Int { DisplayWidth.of(text) }
}

extension Buffer {
    /// Writes spans one after another from (x, y), clipped to `maxWidth` columns. Returns columns written.
    @discardableResult
    public mutating func write(spans: [Span], x: Int, y: Int, maxWidth: Int? = nil) -> Int {
        let limit = maxWidth ?? (width - x)
        var used = 0
        for s in spans where used < limit {
            used += write(s.text, x: x + used, y: y, role: s.role, maxWidth: limit - used)
        }
        return used
    }
}
