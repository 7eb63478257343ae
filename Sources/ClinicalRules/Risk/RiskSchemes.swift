import CaseModel

/// The risk scores of every non-AML disease group: one entry point that returns the list applicable
/// to the patient's current diagnosis (AML and APL keep their ELN values; germline and others get none).
///
/// | diagnosis | schemes |
/// |---|---|
/// | MDS | IPSS-R, IPSS-M |
/// | CML | ELTS, Sokal (the ELN 2020 milestone assessment `CML-ELN2020-milestone` is built by the MRD rules) |
/// | MPN: PV / ET / myelofibrosis | PV-thrombosis / ET-IPSET-thrombosis / DIPSS, and MIPSS70 for primary myelofibrosis |
/// | T-ALL | T-ALL-GRAALL-2013, T-ALL-NGS-2024, ALL-MRD |
/// | B-ALL | IKZF1plus, ALL-MRD |
/// | aplastic anaemia | AA-severity |
public enum RiskSchemes {
    public static let rule = "Risk schemes of the non-AML groups (IPSS-R, IPSS-M, ELTS, Sokal, DIPSS, MIPSS70, PV, IPSET, T-ALL, IKZF1plus, ALL-MRD, AA)"
    public static let version = "2"

    /// Every scheme name this module computes, in display order (formats.md §4 spellings).
    public static let schemes = [IPSSR.scheme, IPSSM.scheme, ELTS.scheme, Sokal.scheme, PVThrombosis.scheme, IPSETThrombosis.scheme,
                                 DIPSS.scheme, MIPSS70.scheme, TALLOncogenetic.scheme2013, TALLOncogenetic.scheme2024, IKZF1plus.scheme,
                                 ALLMRDRisk.scheme, AASeverity.scheme, cmlMilestoneScheme]

    /// The categories of each scheme, lowest risk first (for criteria `risk SCHEME <= category`).
    public static let categories: [String: [String]] = [
        IPSSR.scheme: IPSSR.ladder.names, IPSSM.scheme: IPSSM.ladder.names, ELTS.scheme: ELTS.ladder.names,
        Sokal.scheme: Sokal.ladder.names, PVThrombosis.scheme: PVThrombosis.order, IPSETThrombosis.scheme: IPSETThrombosis.order,
        DIPSS.scheme: DIPSS.ladder.names, MIPSS70.scheme: MIPSS70.ladder.names, TALLOncogenetic.scheme2013: ["low", "high"], TALLOncogenetic.scheme2024: ["low", "high"],
        IKZF1plus.scheme: ["negative", "positive"], ALLMRDRisk.scheme: ["low", "high"], AASeverity.scheme: AASeverity.order,
        cmlMilestoneScheme: CMLResponseCategory.allCases.map(\.rawValue),
    ]

    /// The CML ELN 2020 milestone assessment (Hochhaus et al., Leukemia 2020): owned by the MRD rules
    /// (`ELN2020CML`), listed here beside ELTS and Sokal as scheme `CML-ELN2020-milestone` (optimal / warning /
    /// failure at the milestone the latest BCR::ABL1 IS sample falls on).
    public static let cmlMilestoneScheme = "CML-ELN2020-milestone"

    /// The milestone assessment as a risk entry; nil outside CML. Without a sample or a TKI start: not evaluable,
    /// naming what is missing (never a default category).
    public static func cmlMilestone(_ patient: Patient, today: LocalDate) -> SchemeRiskAssessment? {
        guard let m = ELN2020CML.assess(patient, today: today) else { return nil }
        var drivers = m.drivers
        if let ms = m.milestone { drivers.insert("milestone: \(ms)", at: 0) }
        if let d = m.sampleDate { drivers.append("BCR::ABL1 IS sample of \(d)") }
        return SchemeRiskAssessment(scheme: cmlMilestoneScheme, version: m.version,
                                    category: m.category?.rawValue ?? SchemeRiskAssessment.notEvaluable,
                                    complete: m.complete && m.category != nil, missing: m.missing, drivers: drivers)
    }

    /// The scores applicable to `patient`'s current diagnosis, computed as of `today`. Pure.
    public static func assess(_ patient: Patient, today: LocalDate) -> [SchemeRiskAssessment] {
        guard let dx = patient.diagnosis else { return [] }
        switch dx.category {
        case .mds, .cml, .mpn, .tALL, .bALL, .aplasticAnaemia: break
        default: return []
        }
        let r = RiskInputs(patient, today: today)
        switch dx.category {
        case .mds: return [IPSSR.assess(r), IPSSM.assess(r)]
        case .cml: return [ELTS.assess(r), Sokal.assess(r)] + (cmlMilestone(patient, today: today).map { [$0] } ?? [])
        case .mpn:
            switch MPNSubtype.of(dx) {
            case .pv?: return [PVThrombosis.assess(r)]
            case .et?: return [IPSETThrombosis.assess(r)]
            case .myelofibrosis?: return [DIPSS.assess(r)] + (MPNSubtype.isSecondaryMyelofibrosis(dx) ? [] : [MIPSS70.assess(r)])
            case nil: return []
            }
        case .tALL: return [TALLOncogenetic.graall2013(r), TALLOncogenetic.ngs2024(r), ALLMRDRisk.assess(r)]
        case .bALL: return [IKZF1plus.assess(r), ALLMRDRisk.assess(r)]
        case .aplasticAnaemia: return [AASeverity.assess(r)]
        default: return []
        }
    }

    /// Whether `scheme` could apply to `diagnosis` when `assess` returned no entry for it: false when the
    /// diagnosis excludes it, nil when the data cannot tell (an MPN whose labels name no PV, ET or myelofibrosis).
    public static func couldApply(_ scheme: String, to diagnosis: Diagnosis?) -> Bool? {
        guard let d = diagnosis else { return nil }
        let mpnSchemes = [PVThrombosis.scheme, IPSETThrombosis.scheme, DIPSS.scheme, MIPSS70.scheme]
        if d.category == .mpn && MPNSubtype.of(d) == nil && mpnSchemes.contains(scheme) { return nil }
        return false
    }

    /// The scheme that stands for the case in one-line displays (the case list's risk column).
    public static func headline(_ risks: [SchemeRiskAssessment]) -> SchemeRiskAssessment? {
        risks.first { $0.scheme != ALLMRDRisk.scheme || risks.count == 1 }
    }

    /// Short form for the case list: "IPSS-R hi", "ELTS low", "T-ALL HR", "SAA"; "?" marks provisional, and an
    /// undecided category shows as "SCHEME ?".
    public static func shortForm(_ a: SchemeRiskAssessment) -> String {
        let c = a.category
        let mark = a.complete ? "" : "?"
        let label: String
        switch a.scheme {
        case TALLOncogenetic.scheme2013: label = "T-ALL"
        case TALLOncogenetic.scheme2024: label = "T-ALL NGS"
        case ALLMRDRisk.scheme: label = "MRD"
        case PVThrombosis.scheme: label = "PV"
        case IPSETThrombosis.scheme: label = "IPSET"
        case AASeverity.scheme: label = "AA"
        default: label = a.scheme
        }
        if !a.isDecided { return "\(label) ?" }
        switch a.scheme {
        case AASeverity.scheme: return (c == "very-severe" ? "vSAA" : c == "severe" ? "SAA" : "NSAA") + mark
        case TALLOncogenetic.scheme2013, TALLOncogenetic.scheme2024, ALLMRDRisk.scheme: return "\(label) \(c == "low" ? "LR" : "HR")\(mark)"
        case IKZF1plus.scheme: return (c == "positive" ? "IKZF1plus" : "IKZF1plus neg") + mark
        default: return "\(label) \(abbreviation(c))\(mark)"
        }
    }

    static func abbreviation(_ c: String) -> String {
        switch c {
        case "very-low": return "vlow"
        case "intermediate": return "int"
        case "intermediate-1": return "int-1"
        case "intermediate-2": return "int-2"
        case "moderate-low": return "mod-low"
        case "moderate-high": return "mod-high"
        case "high": return "hi"
        case "very-high": return "vhi"
        default: return c
        }
    }
}
