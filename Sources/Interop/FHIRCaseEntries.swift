import CaseModel

/// What one FHIR resource contributes to a case: the entries it maps to, per kind. Stored beside the case (by the
/// resource's key) so a later import of the same resource replaces exactly these entries and nothing else.
public struct FHIRCaseEntries: Codable, Sendable, Equatable {
    public var diagnoses: [Diagnosis] = []
    public var variants: [Variant] = []
    public var testedGenes: [GenePanel] = []
    public var labs: [LabResult] = []
    public var performanceStatus: [PerformanceStatus] = []
    public var therapies: [Therapy] = []
    public var transplants: [Transplant] = []
    public var copyNumber: [CopyNumberFinding] = []
    public var findings: [ClinicalFinding] = []

    public init() {}

    enum CodingKeys: String, CodingKey {
        case diagnoses, variants, testedGenes, labs, performanceStatus, therapies, transplants, copyNumber, findings
    }

    /// Entries stored before a kind existed lack its key: read as none.
    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        func list<T: Decodable>(_ k: CodingKeys) throws -> [T] { try c.decodeIfPresent([T].self, forKey: k) ?? [] }
        diagnoses = try list(.diagnoses); variants = try list(.variants); testedGenes = try list(.testedGenes); labs = try list(.labs)
        performanceStatus = try list(.performanceStatus); therapies = try list(.therapies); transplants = try list(.transplants)
        copyNumber = try list(.copyNumber); findings = try list(.findings)
    }

    public var isEmpty: Bool { kinds.isEmpty }

    /// The kinds this resource carries (`variants`, `labs` …).
    public var kinds: [String] {
        var k: [String] = []
        if !diagnoses.isEmpty { k.append("diagnoses") }
        if !variants.isEmpty { k.append("variants") }
        if !testedGenes.isEmpty { k.append("testedGenes") }
        if !labs.isEmpty { k.append("labs") }
        if !performanceStatus.isEmpty { k.append("performanceStatus") }
        if !therapies.isEmpty { k.append("therapies") }
        if !transplants.isEmpty { k.append("transplants") }
        if !copyNumber.isEmpty { k.append("copyNumber") }
        if !findings.isEmpty { k.append("findings") }
        return k
    }

    /// Adds these entries to a patient.
    func add(to p: inout Patient) {
        p.diagnoses += diagnoses; p.variants += variants; p.testedGenes += testedGenes; p.labs += labs
        p.performanceStatus += performanceStatus; p.therapies += therapies; p.transplants += transplants
        p.copyNumber += copyNumber; p.findings += findings
    }

    /// Removes one equal entry for each of these entries (entries edited since are left alone).
    func remove(from p: inout Patient) {
        func drop<T: Equatable>(_ items: [T], _ from: inout [T]) {
            for x in items { if let i = from.firstIndex(of: x) { from.remove(at: i) } }
        }
        drop(diagnoses, &p.diagnoses); drop(variants, &p.variants); drop(testedGenes, &p.testedGenes); drop(labs, &p.labs)
        drop(performanceStatus, &p.performanceStatus); drop(therapies, &p.therapies); drop(transplants, &p.transplants)
        drop(copyNumber, &p.copyNumber); drop(findings, &p.findings)
    }
}

/// One mapped resource: its key (`Observation/abc`, or the entry's `urn:uuid:` full URL), the case and the entries.
public struct FHIRContribution: Sendable, Equatable {
    public var key: String
    public var patientID: String
    public var entries: FHIRCaseEntries
    public init(key: String, patientID: String, entries: FHIRCaseEntries) { self.key = key; self.patientID = patientID; self.entries = entries }
}

/// The Patient resource's data for a case; nil fields were not in the resource.
public struct FHIRPatientHeader: Sendable, Equatable {
    public var id: String
    public var sex: Sex?
    public var birthDate: LocalDate?
    public var identity: Identity?
    public var key: String?
    public init(id: String, sex: Sex? = nil, birthDate: LocalDate? = nil, identity: Identity? = nil, key: String? = nil) {
        self.id = id; self.sex = sex; self.birthDate = birthDate; self.identity = identity; self.key = key
    }
}
