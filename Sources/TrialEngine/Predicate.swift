import CaseModel

public enum Predicate: Sendable {
    case age(Comparison, Double)
    case ageRange(Int, Int)
    case sex([Sex])
    case diagnosis([DiagnosisCategory])
    case liquid
    case diagnosisFlag(DiagnosisFlag)
    /// `who2022` / `icc2022` label, equal (case-insensitive) or containing.
    case label(icc: Bool, text: String, contains: Bool)
    /// OncoTree code (resolved); `name` kept when the rule gave a name that the heme table lacks (solid type).
    case oncotree(code: String?, name: String, isA: Bool)
    case status([StatusSelector])
    case priorLines(Int, Int)
    /// Prior exposure to any of `agents` (canonical names); `label` is the class or agent as written.
    case prior(agents: [String], label: String, isClass: Bool, withinDays: Int?)
    case transplant(TransplantType?, withinDays: Int?)
    case variant(VariantPattern)
    case tested(String)
    case wildtype(String)
    /// Fusion of `first` with `second`; nil is any partner.
    case fusion(String?, String?)
    case karyotype(KaryotypeSelector)
    case eln([ELNRisk])
    /// `risk SCHEME <= category` / `risk SCHEME category, …`: met when every category the data leave possible
    /// is accepted (ClinicalRules `RiskSchemes`); `accepted` is resolved from the scheme's category order.
    case risk(scheme: String, accepted: [String])
    case mrd(marker: String, tissue: MRDTissue?, MRDSelector)
    /// The value is in the test's canonical unit; for `x ULN` rules it is already multiplied by the ULN.
    case lab(test: String, Comparison, Double, uln: Bool, unit: String, withinDays: Int?)
    case ecog(Comparison, Int, withinDays: Int?)
    case comorbidity(String)
    case feature(String)
    case germline(GermlineSelector, gene: String?)
    /// A field with no equivalent (CTML import): always unknown.
    case unmapped(String)

    /// Short name of the predicate kind (for docs, lint and coverage checks).
    public var kindName: String {
        switch self {
        case .age, .ageRange: return "age"
        case .sex: return "sex"
        case .diagnosis, .liquid, .diagnosisFlag: return "diagnosis"
        case .label(let icc, _, _): return icc ? "icc2022" : "who2022"
        case .oncotree: return "oncotree"
        case .status: return "status"
        case .priorLines: return "prior_lines"
        case .prior(_, _, let isClass, _): return isClass ? "prior class" : "prior agent"
        case .transplant: return "transplant"
        case .variant: return "variant"
        case .tested: return "tested"
        case .wildtype: return "wildtype"
        case .fusion: return "fusion"
        case .karyotype: return "karyotype"
        case .eln: return "eln2022"
        case .risk: return "risk"
        case .mrd: return "mrd"
        case .lab: return "lab"
        case .ecog: return "ecog"
        case .comorbidity: return "comorbidity"
        case .feature: return "feature"
        case .germline: return "germline"
        case .unmapped: return "unmapped"
        }
    }
}
