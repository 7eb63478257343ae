/// The glyphs widgets draw, in a Unicode set and an ASCII fallback (non-UTF-8 locales, the Linux
/// console, `--ascii`).
public struct Glyphs: Sendable, Equatable {
    public var isASCII: Bool
    public var horizontal: Character, vertical: Character
    public var topLeft: Character, topRight: Character, bottomLeft: Character, bottomRight: Character
    public var teeLeft: Character, teeRight: Character, teeUp: Character, teeDown: Character, cross: Character
    public var ellipsis: String
    public var tabSeparator: String
    public var scrollUp: Character, scrollDown: Character

    public static let unicode = Glyphs(
        isASCII: false, horizontal: "─", vertical: "│", topLeft: "┌", topRight: "┐", bottomLeft: "└", bottomRight: "┘",
        teeLeft: "┤", teeRight: "├", teeUp: "┴", teeDown: "┬", cross: "┼", ellipsis: "…", tabSeparator: "│",
        scrollUp: "▲", scrollDown: "▼")
    public static let ascii = Glyphs(
        isASCII: true, horizontal: "-", vertical: "|", topLeft: "+", topRight: "+", bottomLeft: "+", bottomRight: "+",
        teeLeft: "+", teeRight: "+", teeUp: "+", teeDown: "+", cross: "+", ellipsis: "~", tabSeparator: "|",
        scrollUp: "^", scrollDown: "v")

    public static func forASCII(_ ascii: Bool) -> Glyphs { ascii ? .ascii : .unicode }
}
