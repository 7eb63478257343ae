import CaseModel

/// The MPN entity of a diagnosis, read from its WHO 2022 / ICC 2022 labels and OncoTree code:
/// polycythaemia vera, essential thrombocythaemia, primary or secondary (post-PV/post-ET) myelofibrosis.
public enum MPNSubtype: String, Sendable, CaseIterable {
    case pv, et, myelofibrosis

    public static func of(_ d: Diagnosis) -> MPNSubtype? {
        let text = [d.who2022, d.icc2022, d.oncotree].compactMap { $0 }.joined(separator: " ").lowercased()
        if text.contains("myelofibrosis") || text.contains("pmf") || d.postMPN == true { return .myelofibrosis }
        if text.contains("polycyth") || text.contains(" pv") || text.hasPrefix("pv") { return .pv }
        if text.contains("thrombocyth") || text.contains(" et") || text.hasPrefix("et") { return .et }
        return nil
    }

    /// Post-PV / post-ET myelofibrosis: the diagnosis says it follows an MPN (`postMPN`), or its labels say "post-".
    /// Scores derived in primary myelofibrosis only (MIPSS70) are not applied to it.
    public static func isSecondaryMyelofibrosis(_ d: Diagnosis) -> Bool {
        guard of(d) == .myelofibrosis else { return false }
        let text = [d.who2022, d.icc2022].compactMap { $0 }.joined(separator: " ").lowercased()
        return d.postMPN == true || text.contains("post-") || text.contains("post ") || text.contains("secondary")
    }
}
