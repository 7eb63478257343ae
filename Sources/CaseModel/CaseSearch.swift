/// Free-text search over cases: one definition of what `/` in the case list and `cases --filter q=TEXT` look in.
///
/// Clinical terms: the case id, the treating site, every diagnosis's category, WHO 2022 and ICC 2022 labels,
/// OncoTree and ICD-10 codes, the genes of every variant and every fusion name. Identity terms (hidden in presenter
/// mode): MRN, family and given names and the display name. A case matches when any term contains the text,
/// case-insensitively, after trimming the surrounding spaces.
public enum CaseSearch {
    public static func clinicalTerms(of p: Patient) -> [String] {
        var terms = [p.id]
        if let s = p.site { terms.append(s) }
        for d in p.diagnoses { terms += diagnosisTerms(d) }
        terms += p.variants.map(\.gene)
        terms += p.fusions.map(\.name)
        return terms
    }

    public static func diagnosisTerms(_ d: Diagnosis) -> [String] {
        [d.category.rawValue, d.who2022, d.icc2022, d.oncotree, d.icd10].compactMap { $0 }
    }

    public static func identityTerms(of p: Patient) -> [String] {
        [p.identity?.mrn, p.identity?.family, p.identity?.given, p.displayName].compactMap { $0 }
    }

    /// The needle as matched: trimmed and lower-cased; empty matches every case.
    public static func needle(_ text: String) -> String {
        var t = Substring(text)
        while let f = t.first, f == " " || f == "\t" { t.removeFirst() }
        while let l = t.last, l == " " || l == "\t" { t.removeLast() }
        return t.lowercased()
    }

    /// True when `needle` (already normalised by `needle(_:)`) is empty or in one of the terms.
    public static func matches(_ terms: [String], needle: String) -> Bool {
        needle.isEmpty || terms.contains { $0.lowercased().contains(needle) }
    }
}
