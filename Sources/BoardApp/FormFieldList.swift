import ScreenKit

/// A choice field with many options (the worklist's kinds of task) is a list: the form shows the options
/// under it, typing narrows them (case-insensitive, anywhere in the name), ↑/↓ and ←/→ move among the
/// matching ones. Never a walk through every option one by one.
extension FormField {
    /// More options than this make the field a list.
    public static let listThreshold = 6

    public var isList: Bool { isChoice && (listed || options.count > FormField.listThreshold) }

    /// Indices of the options containing the typed text; all when nothing is typed.
    public var matches: [Int] {
        let q = editor.text.trimmingCharacters(in: .whitespaces).lowercased()
        return options.indices.filter { q.isEmpty || options[$0].lowercased().contains(q) }
    }

    /// Moves the choice `step` matching options on (0: onto the first match unless already on one).
    public mutating func selectMatch(step: Int) {
        let m = matches
        guard !m.isEmpty else { return }
        if let i = m.firstIndex(of: choice) { choice = m[((i + step) % m.count + m.count) % m.count] } else { choice = m[0] }
    }

    /// Handles a key of a focused list field; false when the key is not the field's (Tab, Enter, F2, Esc).
    mutating func handleListKey(_ key: KeyEvent) -> Bool {
        switch key {
        case .down, .right: selectMatch(step: 1); return true
        case .up, .left: selectMatch(step: -1); return true
        case .char, .backspace:
            if case .edited = editor.handle(key) { selectMatch(step: 0) }
            return true
        default: return false
        }
    }
}
