import CaseModel

/// Why an atom got its result: a small value with indices into the patient's record; turned into text only when
/// output needs it (`ReasonText`).
public enum Reason: Sendable {
    case none
    case age(Int)
    case sex
    case noDiagnosis
    case category
    case flag(Bool?)
    case label(String?)
    case oncotree(tooCoarse: Bool)
    /// A generic MDS code; the WHO/ICC label or the blasts decided excess blasts (`OncoTreeSubtype`).
    case oncotreeSubtype(excessBlasts: Bool)
    case noStatus
    case status(Int)
    case lines(Int?)
    case therapy(Int, agent: String)
    case therapyTooOld(Int, agent: String)
    case noTherapyHistory
    case noExposure(Int)
    case transplant(Int)
    case transplantTooOld(Int)
    case noTransplant
    case variant(Int)
    case variantVAFMissing(Int)
    case variantDetailMissing(Int, String)
    case variantOther(Int)
    case geneNegative(panel: Int?)
    case geneNotTested
    case fusion(Int)
    case fusionFromKaryotype(Int, String)
    case fusionNegative(karyotype: Int?)
    case fusionNotTested
    case karyotype(Int)
    case noKaryotype
    case eln
    case elnProvisional
    case elnNotComputed
    case elnNotApplicable
    /// A risk scheme's decided category (`risk` atoms); the scheme name.
    case risk(String)
    /// The data leave several categories of the scheme possible.
    case riskUndecided(String)
    /// The scheme does not apply to the diagnosis.
    case riskNotApplicable(String)
    case mrdSeries(Int)
    case mrdRaw(Int, logRise: Double?)
    case mrdNotEvaluable(Int)
    case noMRD
    case lab(Int, canonical: Double, limit: Double)
    case noLab
    case labTooOld(Int)
    case labUnit(Int)
    case ecog(Int)
    case noECOG
    case ecogTooOld(Int)
    case tag(present: Bool)
    /// A test-checked tag (HIV, pregnancy …) absent and comorbidities never reviewed: not known.
    case tagNotReviewed
    /// A test-checked tag absent on the comorbidity review of that day.
    case tagAbsentOnReview(LocalDate)
    /// No fusion of the pair on the fusion assay (index into `testedFusions`) that covers the gene.
    case fusionAssayNegative(Int)
    /// A karyotype lesion established by the diagnosis (MDS with isolated del(5q)), no karyotype on record.
    case karyotypeFromDiagnosis(String)
    case germlineVariant(Int)
    case germlineFlag(Int)
    case germlineNone
    case germlineNotTested
    case unmapped
    case noBirthDate
}
