import Foundation

/// Dates as a person types them in a form or an option: `YYYY-MM-DD`, `today`, or an offset from today —
/// `+7d`, `+2w`, `+3m`, `+1y` (and `-…` for the past; `d` days, `w` weeks, `m` calendar months, `y` years).
public enum RelativeDate {
    /// The date `text` names relative to `today`; nil when it is neither a date nor an offset.
    public static func parse(_ text: String, today: LocalDate) -> LocalDate? {
        let t = text.trimmingCharacters(in: .whitespaces).lowercased()
        if t == "today" { return today }
        if let d = LocalDate(t) { return d }
        guard let sign = t.first, sign == "+" || sign == "-", t.count >= 3, let unit = t.last else { return nil }
        let digits = t.dropFirst().dropLast()
        guard digits.count <= 4, digits.allSatisfy(\.isNumber), let n = Int(digits) else { return nil }
        let k = sign == "-" ? -n : n
        switch unit {
        case "d": return today.adding(days: k)
        case "w": return today.adding(days: 7 * k)
        case "m": return today.adding(months: k)
        case "y": return today.adding(months: 12 * k)
        default: return nil
        }
    }

    /// How the forms and options describe what they accept.
    public static let hint = "YYYY-MM-DD, today, +7d, +2w, +3m"
}
