import CaseModel

/// One distinct criterion atom lowered for the matching table: every name (gene, agent, lab test, tag, lesion,
/// OncoTree code) is replaced by a small integer id of `FastProgram`'s symbol tables, so evaluating it does no
/// text work and touches no reference-counted value. The semantics are `Evaluator.atom`'s, which explains the
/// same atom with its reason; `FastEvaluatorTests` checks both agree atom by atom.
enum FastAtom {
    case age(Comparison, Double)
    case ageRange(Int, Int)
    /// bit i: `Sex.allCases[i]`
    case sex(UInt8)
    /// bit i: `DiagnosisCategory.allCases[i]`
    case diagnosis(UInt32)
    case liquid
    case diagnosisFlag(DiagnosisFlag)
    /// index into `FastProgram.labels`
    case label(Int32)
    /// OncoTree code id (-1: a name with no heme code, never met when a code is known)
    case oncotree(code: Int32, isA: Bool)
    /// bit i: `DiseaseStatus.allCases[i]`; plus "any remission" and "first remission"
    case status(mask: UInt32, remission: Bool, firstRemission: Bool)
    case priorLines(Int, Int)
    /// index into `FastProgram.agentLists`; window in days (-1: none)
    case prior(agents: Int32, within: Int32)
    /// type: -1 any, else `TransplantType.allCases` index; window in days (-1: none)
    case transplant(type: Int8, within: Int32)
    /// gene id, index into `FastProgram.variantPatterns`
    case variant(gene: Int32, pattern: Int32)
    case tested(Int32)
    case wildtype(Int32)
    /// gene ids (-1: any partner)
    case fusion(Int32, Int32)
    case karyotypeNormal, karyotypeComplex, karyotypeMonosomal
    /// lesion id
    case karyotypeLesion(Int32)
    /// bit i: `ELNRisk.allCases[i]`
    case eln(UInt8)
    /// index into `FastProgram.mrdSpecs`
    case mrd(Int32)
    /// index into `FastProgram.riskSpecs`
    case risk(Int32)
    /// lab test id; limit in the canonical unit; window in days (-1: none)
    case lab(test: Int32, Comparison, Double, within: Int32)
    case ecog(Comparison, Int, within: Int32)
    case comorbidity(Int32)
    case feature(Int32)
    /// index into `FastProgram.germlineSpecs`
    case germline(Int32)
    case unmapped
}

/// Bit index helpers over the model's enumerations (declaration order).
enum FastBits {
    static let categories = DiagnosisCategory.allCases
    static let statuses = DiseaseStatus.allCases
    static let risks = ELNRisk.allCases
    static let sexes = Sex.allCases
    static let transplantTypes = TransplantType.allCases

    @inline(__always) static func index<T: Equatable>(_ x: T, in all: [T]) -> Int { all.firstIndex(of: x) ?? 0 }
}
