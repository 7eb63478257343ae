public struct Diagnosis: Codable, Sendable, Equatable {
    public var date: LocalDate
    public var category: DiagnosisCategory
    public var who2022: String?
    public var icc2022: String?
    public var icd10: String?
    public var oncotree: String?
    public var blastsBM: Double?
    public var blastsPB: Double?
    public var therapyRelated: Bool?
    public var postMDS: Bool?
    public var postMPN: Bool?

    public init(date: LocalDate, category: DiagnosisCategory, who2022: String? = nil, icc2022: String? = nil,
                icd10: String? = nil, oncotree: String? = nil, blastsBM: Double? = nil, blastsPB: Double? = nil,
                therapyRelated: Bool? = nil, postMDS: Bool? = nil, postMPN: Bool? = nil) {
        self.date = date; self.category = category; self.who2022 = who2022; self.icc2022 = icc2022
        self.icd10 = icd10; self.oncotree = oncotree; self.blastsBM = blastsBM; self.blastsPB = blastsPB
        self.therapyRelated = therapyRelated; self.postMDS = postMDS; self.postMPN = postMPN
    }
}

public struct DiseaseStatusEntry: Codable, Sendable, Equatable {
    public var date: LocalDate
    public var status: DiseaseStatus
    public init(date: LocalDate, status: DiseaseStatus) { self.date = date; self.status = status }
}
