public struct LabResult: Codable, Sendable, Equatable {
    public var date: LocalDate
    public var test: String
    public var value: Double
    public var unit: String
    public init(date: LocalDate, test: String, value: Double, unit: String) {
        self.date = date; self.test = test; self.value = value; self.unit = unit
    }
}

public struct PerformanceStatus: Codable, Sendable, Equatable {
    public var date: LocalDate
    public var ecog: Int
    public init(date: LocalDate, ecog: Int) { self.date = date; self.ecog = ecog }
}

public struct Therapy: Codable, Sendable, Equatable {
    public var start: LocalDate
    public var end: LocalDate?
    public var regimen: String
    public var agents: [String]
    public var intent: TherapyIntent
    public var line: Int?
    public var response: String?
    public init(start: LocalDate, end: LocalDate? = nil, regimen: String, agents: [String], intent: TherapyIntent,
                line: Int? = nil, response: String? = nil) {
        self.start = start; self.end = end; self.regimen = regimen; self.agents = agents; self.intent = intent
        self.line = line; self.response = response
    }
}

public struct Transplant: Codable, Sendable, Equatable {
    public var date: LocalDate
    public var type: TransplantType
    public var donor: String?
    public var gvhd: GVHDState?
    public init(date: LocalDate, type: TransplantType, donor: String? = nil, gvhd: GVHDState? = nil) {
        self.date = date; self.type = type; self.donor = donor; self.gvhd = gvhd
    }
}

public struct FamilyHistoryEntry: Codable, Sendable, Equatable {
    public var relation: FamilyRelation
    public var condition: String
    public var ageAtDiagnosis: Int?
    public init(relation: FamilyRelation, condition: String, ageAtDiagnosis: Int? = nil) {
        self.relation = relation; self.condition = condition; self.ageAtDiagnosis = ageAtDiagnosis
    }
}

/// An explicit follow-up task from the case file (`followUps`). Schedule-derived tasks are
/// computed by ClinicalRules and merged with these.
public struct FollowUp: Codable, Sendable, Equatable {
    /// Stable task id; assigned by the store when the file gives none.
    public var id: String?
    public var due: LocalDate
    public var kind: String
    public var note: String?
    /// Completion date; `done: true` without a date is kept as `doneFlag`.
    public var done: LocalDate?
    public var doneFlag: Bool

    public init(id: String? = nil, due: LocalDate, kind: String, note: String? = nil, done: LocalDate? = nil, doneFlag: Bool = false) {
        self.id = id; self.due = due; self.kind = kind; self.note = note; self.done = done
        self.doneFlag = doneFlag || done != nil
    }

    public var isDone: Bool { doneFlag || done != nil }

    enum CodingKeys: String, CodingKey { case id, due, kind, note, done }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decodeIfPresent(String.self, forKey: .id)
        due = try c.decode(LocalDate.self, forKey: .due)
        kind = try c.decode(String.self, forKey: .kind)
        note = try c.decodeIfPresent(String.self, forKey: .note)
        if let b = try? c.decodeIfPresent(Bool.self, forKey: .done) {
            done = nil; doneFlag = b
        } else {
            done = try c.decodeIfPresent(LocalDate.self, forKey: .done); doneFlag = done != nil
        }
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encodeIfPresent(id, forKey: .id)
        try c.encode(due, forKey: .due)
        try c.encode(kind, forKey: .kind)
        try c.encodeIfPresent(note, forKey: .note)
        if let d = done { try c.encode(d, forKey: .done) } else if doneFlag { try c.encode(true, forKey: .done) }
    }
}
