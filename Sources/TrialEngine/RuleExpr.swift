import CaseModel

/// A parsed and resolved rule: and/or/not over atoms. Parsing resolves names (classes → agents, OncoTree names
/// → codes, units) so evaluation does no text work.
public indirect enum RuleExpr: Sendable {
    case and([RuleExpr])
    case or([RuleExpr])
    case not(RuleExpr)
    case atom(Atom)

    /// Every atom, depth first.
    public var atoms: [Atom] {
        switch self {
        case .and(let xs), .or(let xs): return xs.flatMap(\.atoms)
        case .not(let x): return x.atoms
        case .atom(let a): return [a]
        }
    }
}

/// One predicate with its offset in the rule text.
public struct Atom: Sendable {
    public var predicate: Predicate
    public var offset: Int
}

public enum DiagnosisFlag: String, Sendable { case therapyRelated = "therapy-related", postMDS = "post-MDS", postMPN = "post-MPN" }

public enum StatusSelector: Sendable, Equatable {
    case status(DiseaseStatus)
    case remission
    case firstRemission
    public var label: String {
        switch self {
        case .status(let s): return s.rawValue
        case .remission: return "remission"
        case .firstRemission: return "CR1"
        }
    }
}

public enum KaryotypeSelector: Sendable, Equatable {
    case normal, complex, monosomal
    case lesion(String)
    public var label: String {
        switch self {
        case .normal: return "normal karyotype"
        case .complex: return "complex karyotype"
        case .monosomal: return "monosomal karyotype"
        case .lesion(let l): return l
        }
    }
}

public enum MRDSelector: String, Sendable { case positive, negative, logRise = "log-rise" }

public enum GermlineSelector: String, Sendable { case confirmed, suspected, redFlag = "red-flag", tested }

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
