/// (Used by the terminal UI; a store can fill it from its patient table in one query.)
/// The few stored fields the case list filters, searches and sorts on without loading a whole case:
/// a store can read these for every case in one light query and load full cases only when shown.
public struct CaseIndexEntry: Equatable, Sendable {
    public var id: String
    /// "FAMILY Given", nil without identity.
    public var name: String?
    public var initials: String
    public var mrn: String?
    public var birthDate: LocalDate?
    public var site: String?
    public var category: DiagnosisCategory?
    public var who2022: String?
    /// Disease status on the repository's today.
    public var status: DiseaseStatus?
    /// `CaseSearch.clinicalTerms` of the case (id, site, diagnosis labels and codes, genes, fusions).
    public var searchTerms: [String]
    /// `CaseSearch.identityTerms` of the case (MRN, names), searched unless identities are hidden.
    public var identityTerms: [String]

    public init(id: String, name: String?, initials: String, mrn: String?, birthDate: LocalDate?, site: String?,
                category: DiagnosisCategory?, who2022: String?, status: DiseaseStatus?,
                searchTerms: [String]? = nil, identityTerms: [String]? = nil) {
        self.id = id; self.name = name; self.initials = initials; self.mrn = mrn; self.birthDate = birthDate
        self.site = site; self.category = category; self.who2022 = who2022; self.status = status
        self.searchTerms = searchTerms ?? [id, site, category?.rawValue, who2022].compactMap { $0 }
        self.identityTerms = identityTerms ?? [mrn, name].compactMap { $0 }
    }

    public init(patient p: Patient, today: LocalDate) {
        self.init(id: p.id, name: p.displayName, initials: p.initials, mrn: p.identity?.mrn, birthDate: p.birthDate,
                  site: p.site, category: p.diagnosis?.category, who2022: p.diagnosis?.who2022,
                  status: p.status(on: today)?.status,
                  searchTerms: CaseSearch.clinicalTerms(of: p), identityTerms: CaseSearch.identityTerms(of: p))
    }
}
