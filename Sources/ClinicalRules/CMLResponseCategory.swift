/// ELN 2020 response category of a CML milestone (formats.md: `optimal`, `warning`, `failure`).
public enum CMLResponseCategory: String, Codable, Sendable, CaseIterable, Comparable {
    case optimal, warning, failure
    public static func < (a: CMLResponseCategory, b: CMLResponseCategory) -> Bool {
        let order: [CMLResponseCategory] = [.optimal, .warning, .failure]
        return (order.firstIndex(of: a) ?? 0) < (order.firstIndex(of: b) ?? 0)
    }
}
