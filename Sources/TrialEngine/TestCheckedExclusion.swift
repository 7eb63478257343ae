import CaseModel

/// Exclusions a protocol checks with a test (HIV/HBV/HCV serology, pregnancy test, active infection): absent
/// from the comorbidity list is *not known* unless the case records that comorbidities were reviewed on a
/// day (formats.md §1 `comorbiditiesReviewed`). Then absent = not present that day.
public enum TestCheckedExclusion {
    public static let tags: Set<String> = ["hiv", "hbv", "hcv", "pregnancy", "active-infection"]

    /// The review date that makes an absent test-checked tag "not present", if on or before `today`.
    public static func review(_ p: Patient, today: LocalDate) -> LocalDate? {
        guard let r = p.comorbiditiesReviewed, r <= today else { return nil }
        return r
    }

    /// Whether fusions of this pair can be seen on a karyotype (a translocation the engine reads as the fusion,
    /// or t(v;11q23.3) for KMT2A); others (NUP98::NSD1, CBFA2T3::GLIS2 …) are cryptic.
    public static func visibleOnKaryotype(_ a: String?, _ b: String?) -> Bool {
        if a == "KMT2A" || b == "KMT2A" { return true }
        for t in karyotypeTokens {
            guard let f = KaryotypeLesion.impliedFusion(t) else { continue }
            let g = f.components(separatedBy: "::")
            if (a == nil || g.contains(a ?? "")) && (b == nil || g.contains(b ?? "")) { return true }
        }
        return false
    }

    /// Translocations the engine reads as fusions (as in RuleSQL).
    static let karyotypeTokens = ["t(9;22)", "t(8;21)", "inv(16)", "t(16;16)", "t(15;17)", "t(9;11)", "t(6;9)", "t(4;11)",
                                  "t(12;21)", "t(1;19)"]
}
