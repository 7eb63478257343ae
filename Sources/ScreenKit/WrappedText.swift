/// Text word-wrapped to a width (display-width aware; over-long words are broken).
public struct WrappedText: Sendable {
    public var text: String
    public var role: Role

    public init(_ text: String, role: Role = .normal) { self.text = text; self.role = role }

    /// The lines of `text` wrapped to `width` columns. Newlines start new paragraphs.
    public static func wrap(_ text: String, width: Int) -> [String] {
        guard width > 0 else { return [] }
        var lines: [String] = []
        for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
            var line = "", lineW = 0
            for word in paragraph.split(separator: " ", omittingEmptySubsequences: true) {
                let ww = DisplayWidth.of(String(word))
                if lineW > 0 && lineW + 1 + ww <= width { line += " " + word; lineW += 1 + ww; continue }
                if lineW > 0 { lines.append(line); line = ""; lineW = 0 }
                if ww <= width { line = String(word); lineW = ww; continue }
                // An over-long word is cut into chunks of `width` columns in one pass (linear in its length).
                var chunk = "", chunkW = 0
                for ch in word {
                    let cw = DisplayWidth.of(ch)
                    if chunkW + cw > width && chunkW > 0 { lines.append(chunk); chunk = ""; chunkW = 0 }
                    chunk.append(ch); chunkW += cw
                }
                line = chunk; lineW = chunkW
            }
            lines.append(line)
        }
        return lines
    }

    /// Draws the wrapped text from line `scroll`; returns the total number of wrapped lines.
    @discardableResult
    public func render(into buffer: inout Buffer, area: Rect, scroll: Int = 0) -> Int {
        let lines = WrappedText.wrap(text, width: area.width)
        for (i, l) in lines.dropFirst(max(0, scroll)).prefix(area.height).enumerated() {
            buffer.write(l, x: area.x, y: area.y + i, role: role, maxWidth: area.width)
        }
        return lines.count
    }
}
