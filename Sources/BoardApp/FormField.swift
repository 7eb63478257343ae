import ScreenKit

/// One field of a form: a line of text, a date (YYYY-MM-DD), or a choice among fixed options.
public struct FormField: Equatable, Sendable {
    public enum Kind: Equatable, Sendable { case text, date, choice([String]) }
    public var key: String
    public var label: String
    public var kind: Kind
    public var editor: LineEditor
    public var choice: Int
    public var required: Bool
    /// Shown as a list that typing narrows (`FormFieldList`), whatever the number of options.
    public var listed = false
    public init(_ key: String, _ label: String, kind: Kind = .text, value: String = "", choice: Int = 0, required: Bool = false) {
        self.key = key; self.label = label; self.kind = kind; self.editor = LineEditor(value); self.choice = choice
        self.required = required
    }

    public var options: [String] { if case .choice(let o) = kind { return o } else { return [] } }
    public var isChoice: Bool { if case .choice = kind { return true } else { return false } }

    /// The value: the chosen option, or the trimmed text.
    public var value: String {
        if case .choice(let o) = kind { return choice < o.count ? o[choice] : "" }
        return editor.text.trimmingCharacters(in: .whitespaces)
    }
}
