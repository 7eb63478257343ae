import ScreenKit

/// Draws a form centred over the screen: one line per field (label, then the editor or the choice),
/// the live warning (quorum), the validation error, and the keys.
enum FormView {
    static func render(_ f: FormState, ascii: Bool, into buffer: inout Buffer, area: Rect) {
        let labelW = min(36, (f.fields.map { DisplayWidth.of($0.label) }.max() ?? 10) + 4)
        let w = min(area.width - 2, max(60, labelW + 40))
        let listRows = f.fields.indices.contains(f.focus) && f.fields[f.focus].isList ? FormField.listThreshold : 0
        let extra = (f.quorumWarning != nil ? 1 : 0) + (f.error != nil ? 1 : 0) + listRows
        let h = min(area.height, f.fields.count + extra + 4)
        let box = Layout.centered(area, width: w, height: h)
        let inner = Panel(title: f.title, isFocused: true, ascii: ascii).render(into: &buffer, area: box)
        guard !inner.isEmpty else { return }
        buffer.fill(inner, role: .modal)
        var y = inner.y
        let mark = ascii ? ">" : "▶"
        for (i, field) in f.fields.enumerated() where y < inner.maxY {
            let focused = i == f.focus
            let label = (focused ? mark : " ") + " " + field.label + (field.required ? "*" : "")
            buffer.write(TextFit.truncate(label, to: labelW, ellipsis: ascii ? "~" : "…"), x: inner.x, y: y,
                         role: focused ? .title : .modal, maxWidth: labelW)
            let vx = inner.x + labelW + 1
            let vw = max(1, inner.maxX - vx - 1)
            let valueArea = Rect(x: vx, y: y, width: vw, height: 1)
            if field.isList && focused {
                // A list: the typed text, then the matching options around the selection.
                let m = field.matches
                let typed = field.editor.text.isEmpty ? "type to narrow" : "matching \"\(field.editor.text)\": \(m.count) of \(field.options.count)"
                buffer.write(typed, x: vx, y: y, role: field.editor.text.isEmpty ? .muted : .input, maxWidth: vw)
                let at = m.firstIndex(of: field.choice) ?? 0
                let first = max(0, min(at - listRows / 2, m.count - listRows))
                for r in 0..<listRows where y + 1 + r < inner.maxY {
                    let yy = y + 1 + r
                    guard first + r < m.count else {
                        if r == 0 { buffer.write("(no option matches)", x: vx, y: yy, role: .warning, maxWidth: vw) }
                        continue
                    }
                    let idx = m[first + r]
                    let sel = idx == field.choice
                    buffer.write((sel ? mark + " " : "  ") + field.options[idx], x: vx, y: yy, role: sel ? .input : .modal, maxWidth: vw)
                }
                y += listRows
            } else if field.isChoice {
                let opts = field.options
                let text = opts.isEmpty ? "(no option)" : (ascii ? "< " : "‹ ") + field.value + (ascii ? " >" : " ›")
                    + "  (\(field.choice + 1)/\(opts.count))"
                buffer.write(text, x: vx, y: y, role: focused ? .input : .modal, maxWidth: vw)
            } else if focused {
                field.editor.render(into: &buffer, area: valueArea)
            } else {
                buffer.write(field.editor.text.isEmpty ? (field.kind == .date ? "YYYY-MM-DD" : "") : field.editor.text,
                             x: vx, y: y, role: field.editor.text.isEmpty ? .muted : .modal, maxWidth: vw)
            }
            y += 1
        }
        if let warning = f.quorumWarning, y < inner.maxY {
            buffer.write((ascii ? "! " : "⚠ ") + warning, x: inner.x + 1, y: y, role: .warning, maxWidth: inner.width - 2); y += 1
        }
        if let e = f.error, y < inner.maxY {
            buffer.write((ascii ? "x " : "✗ ") + e, x: inner.x + 1, y: y, role: .error, maxWidth: inner.width - 2); y += 1
        }
        let hint = "Enter next (last: save) · F2 save · Esc close" + (f.fields.contains { $0.isChoice } ? " · ←/→ option" : "")
            + (listRows > 0 ? " · type to narrow, ↑/↓ choose" : "")
        buffer.write(ascii ? hint.replacingOccurrences(of: "·", with: "|").replacingOccurrences(of: "←/→", with: "Left/Right").replacingOccurrences(of: "↑/↓", with: "Up/Down") : hint,
                     x: inner.x + 1, y: inner.maxY - 1, role: .muted, maxWidth: inner.width - 2)
    }
}
