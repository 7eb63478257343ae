/// One patient of the case database, the unit of import (formats.md §1).
/// Arrays are empty when the file had none: an absent optional datum means "not known".
public struct Patient: Codable, Sendable, Equatable, Identifiable {
    public var id: String
    public var identity: Identity?
    public var sex: Sex
    /// nil when the source does not record it (formats.md): age-dependent rules then give `unknown`.
    public var birthDate: LocalDate?
    public var site: String?
    public var diagnoses: [Diagnosis]
    public var diseaseStatus: [DiseaseStatusEntry]
    public var karyotypes: [Karyotype]
    public var fusions: [Fusion]
    public var variants: [Variant]
    public var testedGenes: [GenePanel]
    public var mrd: [MRDResult]
    public var labs: [LabResult]
    public var performanceStatus: [PerformanceStatus]
    public var therapies: [Therapy]
    public var transplants: [Transplant]
    public var familyHistory: [FamilyHistoryEntry]
    public var clinicalFeatures: [String]
    public var comorbidities: [String]
    public var followUps: [FollowUp]
    /// Copy-number findings (formats.md `copyNumber`).
    public var copyNumber: [CopyNumberFinding] = []
    /// Dated clinical findings that risk scores need (formats.md `findings`).
    public var findings: [ClinicalFinding] = []
    /// `alive`, `dead` or `unknown` (the default: not recorded).
    public var vitalStatus: VitalStatus = .unknown
    /// The last day the patient was known alive (the censoring date of survival endpoints); nil: not recorded.
    public var lastContact: LocalDate?
    /// The death, when recorded.
    public var death: Death?
    /// formats.md §1: the day the comorbidity list was last reviewed; with it an absent tag means *not present*
    /// on that day, without it *not known*.
    public var comorbiditiesReviewed: LocalDate? = nil
    /// formats.md §1: fusion assays and the genes they cover.
    public var testedFusions: [FusionPanel] = []

    public init(id: String, identity: Identity? = nil, sex: Sex, birthDate: LocalDate?, site: String? = nil,
                diagnoses: [Diagnosis], diseaseStatus: [DiseaseStatusEntry] = [], karyotypes: [Karyotype] = [],
                fusions: [Fusion] = [], variants: [Variant] = [], testedGenes: [GenePanel] = [], mrd: [MRDResult] = [],
                labs: [LabResult] = [], performanceStatus: [PerformanceStatus] = [], therapies: [Therapy] = [],
                transplants: [Transplant] = [], familyHistory: [FamilyHistoryEntry] = [], clinicalFeatures: [String] = [],
                comorbidities: [String] = [], followUps: [FollowUp] = [],
                copyNumber: [CopyNumberFinding] = [], findings: [ClinicalFinding] = []) {
        self.id = id; self.identity = identity; self.sex = sex; self.birthDate = birthDate; self.site = site
        self.diagnoses = diagnoses; self.diseaseStatus = diseaseStatus; self.karyotypes = karyotypes
        self.fusions = fusions; self.variants = variants; self.testedGenes = testedGenes; self.mrd = mrd
        self.labs = labs; self.performanceStatus = performanceStatus; self.therapies = therapies
        self.transplants = transplants; self.familyHistory = familyHistory; self.clinicalFeatures = clinicalFeatures
        self.comorbidities = comorbidities; self.followUps = followUps
        self.copyNumber = copyNumber; self.findings = findings
    }

    /// The current diagnosis (the file lists diagnoses oldest first, newest last).
    public var diagnosis: Diagnosis? { diagnoses.last }

    /// Age in completed years on `date`; nil when the birth date is not recorded.
    public func age(on date: LocalDate) -> Int? { birthDate?.age(on: date) }

    /// The latest disease status on or before `date`, if any.
    public func status(on date: LocalDate) -> DiseaseStatusEntry? {
        diseaseStatus.filter { $0.date <= date }.max { $0.date < $1.date }
    }

    /// Genes covered by any panel (tested), whatever the result.
    public var testedGeneSet: Set<String> { Set(testedGenes.flatMap(\.genes)) }

    /// Whether `gene` was covered by a panel or has a reported variant (a reported variant implies testing).
    public func wasTested(_ gene: String) -> Bool {
        testedGenes.contains { $0.genes.contains(gene) } || variants.contains { $0.gene == gene }
    }

    /// Initials for presenter mode ("M.D."), or the id when no identity is known.
    public var initials: String {
        guard let i = identity, let g = i.given?.first, let f = i.family?.first else { return id }
        return "\(g).\(f)."
    }

    /// "FAMILY Given", or nil.
    public var displayName: String? {
        guard let i = identity else { return nil }
        let parts = [i.family?.uppercased(), i.given].compactMap { $0 }
        return parts.isEmpty ? nil : parts.joined(separator: " ")
    }
}

public struct Identity: Codable, Sendable, Equatable {
    public var mrn: String?
    public var family: String?
    public var given: String?
    public init(mrn: String? = nil, family: String? = nil, given: String? = nil) {
        self.mrn = mrn; self.family = family; self.given = given
    }
}
