/// JSON coding of `Patient` in the `caseboard-cases` v1 shape: absent arrays decode as empty and
/// empty arrays are omitted on export, so a round trip is lossless.
extension Patient {
    enum CodingKeys: String, CodingKey {
        case id, identity, sex, birthDate, site, diagnoses, diseaseStatus, karyotypes, fusions, variants, testedGenes
        case mrd, labs, performanceStatus, therapies, transplants, familyHistory, clinicalFeatures, comorbidities, followUps
        case copyNumber, findings
        case vitalStatus, lastContact, death
        case comorbiditiesReviewed, testedFusions
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        func list<T: Decodable>(_ k: CodingKeys) throws -> [T] { try c.decodeIfPresent([T].self, forKey: k) ?? [] }
        self.init(id: try c.decode(String.self, forKey: .id),
                  identity: try c.decodeIfPresent(Identity.self, forKey: .identity),
                  sex: try c.decode(Sex.self, forKey: .sex),
                  birthDate: try c.decodeIfPresent(LocalDate.self, forKey: .birthDate),
                  site: try c.decodeIfPresent(String.self, forKey: .site),
                  diagnoses: try list(.diagnoses), diseaseStatus: try list(.diseaseStatus),
                  karyotypes: try list(.karyotypes), fusions: try list(.fusions), variants: try list(.variants),
                  testedGenes: try list(.testedGenes), mrd: try list(.mrd), labs: try list(.labs),
                  performanceStatus: try list(.performanceStatus), therapies: try list(.therapies),
                  transplants: try list(.transplants), familyHistory: try list(.familyHistory),
                  clinicalFeatures: try list(.clinicalFeatures), comorbidities: try list(.comorbidities),
                  followUps: try list(.followUps), copyNumber: try list(.copyNumber), findings: try list(.findings))
        vitalStatus = try c.decodeIfPresent(VitalStatus.self, forKey: .vitalStatus) ?? .unknown
        lastContact = try c.decodeIfPresent(LocalDate.self, forKey: .lastContact)
        death = try c.decodeIfPresent(Death.self, forKey: .death)
        comorbiditiesReviewed = try c.decodeIfPresent(LocalDate.self, forKey: .comorbiditiesReviewed)
        testedFusions = try list(.testedFusions)
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        func list<T: Encodable>(_ v: [T], _ k: CodingKeys) throws { if !v.isEmpty { try c.encode(v, forKey: k) } }
        try c.encode(id, forKey: .id)
        try c.encodeIfPresent(identity, forKey: .identity)
        try c.encode(sex, forKey: .sex)
        try c.encode(birthDate, forKey: .birthDate)  // null when not recorded
        try c.encodeIfPresent(site, forKey: .site)
        try c.encode(diagnoses, forKey: .diagnoses)
        try list(diseaseStatus, .diseaseStatus); try list(karyotypes, .karyotypes); try list(fusions, .fusions)
        try list(variants, .variants); try list(testedGenes, .testedGenes); try list(mrd, .mrd); try list(labs, .labs)
        try list(performanceStatus, .performanceStatus); try list(therapies, .therapies)
        try list(transplants, .transplants); try list(familyHistory, .familyHistory)
        try list(clinicalFeatures, .clinicalFeatures); try list(comorbidities, .comorbidities)
        try list(followUps, .followUps)
        try list(copyNumber, .copyNumber); try list(findings, .findings)
        if vitalStatus != .unknown { try c.encode(vitalStatus, forKey: .vitalStatus) }
        try c.encodeIfPresent(lastContact, forKey: .lastContact)
        try c.encodeIfPresent(death, forKey: .death)
        try c.encodeIfPresent(comorbiditiesReviewed, forKey: .comorbiditiesReviewed)
        try list(testedFusions, .testedFusions)
    }
}

/// The top-level document of a case file.
public struct CaseFile: Codable, Sendable, Equatable {
    public static let formatName = "caseboard-cases"
    public static let currentVersion = 1
    public var format: String
    public var version: Int
    public var patients: [Patient]
    public init(patients: [Patient]) {
        self.format = CaseFile.formatName; self.version = CaseFile.currentVersion; self.patients = patients
    }
}
