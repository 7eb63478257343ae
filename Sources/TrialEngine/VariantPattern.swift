import CaseModel

public struct VariantPattern: Sendable {
    public var gene: String
    public var consequences: [VariantConsequence] = []
    public var protein: HGVSProtein?
    public var vaf: (Comparison, Double)?
    public var origin: VariantOrigin?
    public var exon: Int?
    public var label: String {
        var s = gene
        if !consequences.isEmpty { s += " " + consequences.map(\.rawValue).joined(separator: "/") }
        if let p = protein { s += " " + (p.isWildcard ? "p.\(p.reference)\(p.position) (any change)" : p.description) }
        if let o = origin { s += " \(o.rawValue)" }
        if let e = exon { s += " exon \(e)" }
        if let (c, v) = vaf { s += " VAF \(c.symbol) \(RuleToken.format(v * 100)) %" }
        return s
    }
}
