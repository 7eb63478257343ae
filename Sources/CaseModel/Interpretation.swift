/// Results of the clinical rules (ClinicalRules) as plain values, shared by the store, the trial
/// engine, the command line and the screens. JSON keys follow formats.md §4.

public enum ELNRisk: String, Codable, Sendable, CaseIterable, Comparable {
    case favorable, intermediate, adverse
    public static func < (a: ELNRisk, b: ELNRisk) -> Bool {
        let order: [ELNRisk] = [.favorable, .intermediate, .adverse]
        return order.firstIndex(of: a)! < order.firstIndex(of: b)!
    }
}

/// A risk class with the lesions that drove it (and, when data was missing, what was missing).
public struct RiskAssessment: Codable, Sendable, Equatable {
    public var risk: ELNRisk
    public var drivers: [String]
    /// Data that would be needed to classify with confidence ("FLT3 not tested").
    public var missing: [String]
    /// Rule set and version ("ELN 2022 (Döhner et al., Blood 2022)").
    public var rule: String
    /// false when the classification does not apply to this patient (ELN 2024 less-intensive after prior
    /// HMA treatment): the risk is then not a class, and every display says "not applicable".
    public var applicable: Bool = true
    public init(risk: ELNRisk, drivers: [String], missing: [String] = [], rule: String) {
        self.risk = risk; self.drivers = drivers; self.missing = missing; self.rule = rule
    }

    /// formats.md §4: `complete` is false when data the classification needed was missing (the risk is then
    /// provisional and every display says so), or when it does not apply.
    public var complete: Bool { applicable && missing.isEmpty }

    enum CodingKeys: String, CodingKey { case risk, drivers, missing, rule, complete, applicable }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        risk = try c.decode(ELNRisk.self, forKey: .risk)
        drivers = try c.decode([String].self, forKey: .drivers)
        missing = try c.decode([String].self, forKey: .missing)
        rule = try c.decode(String.self, forKey: .rule)
        applicable = try c.decodeIfPresent(Bool.self, forKey: .applicable) ?? true
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(risk, forKey: .risk)
        try c.encode(drivers, forKey: .drivers)
        try c.encode(missing, forKey: .missing)
        try c.encode(rule, forKey: .rule)
        try c.encode(complete, forKey: .complete)
        try c.encode(applicable, forKey: .applicable)
    }

    /// The risk word with its qualifier: `favourable`, `favourable (provisional)`, `not applicable`
    /// (displayed spelling; the JSON value is `risk`).
    public var displayText: String {
        if !applicable { return "not applicable" }
        return complete ? risk.word : "\(risk.word) (provisional)"
    }

    /// The short case-list form: `fav`, `fav?` when provisional, `n/a` when not applicable.
    public var shortText: String {
        if !applicable { return "n/a" }
        let s: String
        switch risk {
        case .favorable: s = "fav"
        case .intermediate: s = "int"
        case .adverse: s = "ADV"
        }
        return complete ? s : s + "?"
    }
}

public enum GermlineFlagLevel: String, Codable, Sendable, CaseIterable, Comparable {
    case confirmed, suspected, redFlag = "red-flag"
    public static func < (a: GermlineFlagLevel, b: GermlineFlagLevel) -> Bool {
        let order: [GermlineFlagLevel] = [.confirmed, .suspected, .redFlag]
        return order.firstIndex(of: a)! < order.firstIndex(of: b)!
    }
}

public struct GermlineFlag: Codable, Sendable, Equatable {
    public var level: GermlineFlagLevel
    public var gene: String?
    public var reason: String
    public init(level: GermlineFlagLevel, gene: String? = nil, reason: String) {
        self.level = level; self.gene = gene; self.reason = reason
    }
}

public struct GermlineAssessment: Codable, Sendable, Equatable {
    public var testingRecommended: Bool
    public var flags: [GermlineFlag]
    /// What to do next (formats.md §4 `germline.actions`): `germline-testing`, `genetic-counselling`,
    /// `cascade-testing-of-relatives`, `screen-related-donors`. `testingRecommended` is true when any is due.
    public var actions: [GermlineAction] = []
    public init(testingRecommended: Bool, flags: [GermlineFlag]) {
        self.testingRecommended = testingRecommended; self.flags = flags
    }
    public init(flags: [GermlineFlag], actions: [GermlineAction]) {
        self.flags = flags; self.actions = actions; self.testingRecommended = !actions.isEmpty
    }

    enum CodingKeys: String, CodingKey { case testingRecommended, flags, actions }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        testingRecommended = try c.decode(Bool.self, forKey: .testingRecommended)
        flags = try c.decode([GermlineFlag].self, forKey: .flags)
        actions = try c.decodeIfPresent([GermlineAction].self, forKey: .actions) ?? []
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(testingRecommended, forKey: .testingRecommended)
        try c.encode(flags, forKey: .flags)
        try c.encode(actions, forKey: .actions)
    }
    /// The strongest flag level present, if any.
    public var strongest: GermlineFlagLevel? { flags.map(\.level).min() }
}

public enum MRDStatus: String, Codable, Sendable, CaseIterable {
    case negative, lowLevel = "low-level", positive, relapse, notEvaluable = "not-evaluable"
    /// ELN 2020 CML milestone categories of a BCR::ABL1 series on TKI (formats.md §4).
    case optimal, warning, failure
}

public enum MRDEventKind: String, Codable, Sendable, CaseIterable { case conversion, logRise = "log-rise" }

public struct MRDEvent: Codable, Sendable, Equatable {
    public var date: LocalDate
    public var kind: MRDEventKind
    /// log10(value / previous positive value); nil for a conversion from negative.
    public var log10Change: Double?
    /// Four weeks after `date`, until a confirming sample exists (then nil).
    public var confirmationDue: LocalDate?
    public var confirmed: Bool
    public init(date: LocalDate, kind: MRDEventKind, log10Change: Double?, confirmationDue: LocalDate?, confirmed: Bool = false) {
        self.date = date; self.kind = kind; self.log10Change = log10Change; self.confirmationDue = confirmationDue
        self.confirmed = confirmed
    }
}

/// One evaluated sample of a series.
public struct MRDPoint: Codable, Sendable, Equatable {
    public var date: LocalDate
    public var detected: Bool
    public var value: Double?
    public var sensitivity: Double?
    /// false for a negative with too few control copies or too poor a sensitivity.
    public var evaluable: Bool
    /// log10 change from the previous positive sample of the series.
    public var log10Change: Double?
    public init(date: LocalDate, detected: Bool, value: Double?, sensitivity: Double?, evaluable: Bool, log10Change: Double?) {
        self.date = date; self.detected = detected; self.value = value; self.sensitivity = sensitivity
        self.evaluable = evaluable; self.log10Change = log10Change
    }
}

/// MRD interpretation of one marker × method × tissue series.
public struct MRDSeriesAssessment: Codable, Sendable, Equatable {
    public var marker: String
    public var method: MRDMethod
    public var tissue: MRDTissue
    public var status: MRDStatus
    public var points: [MRDPoint]
    public var events: [MRDEvent]
    /// What the status means and which rule applied.
    public var explanation: String
    public init(marker: String, method: MRDMethod, tissue: MRDTissue, status: MRDStatus, points: [MRDPoint],
                events: [MRDEvent], explanation: String) {
        self.marker = marker; self.method = method; self.tissue = tissue; self.status = status; self.points = points
        self.events = events; self.explanation = explanation
    }
    public var key: MRDSeriesKey { MRDSeriesKey(marker: marker, method: method, tissue: tissue) }
    public var latest: MRDPoint? { points.last }
}

public enum FollowUpStatus: String, Codable, Sendable, CaseIterable, Comparable {
    case overdue, dueSoon = "due-soon", upcoming, done
    /// An open task of a patient recorded dead: neither overdue nor due (ClinicalRules `DeceasedRule`). A display and
    /// urgency status only: JSON keeps formats.md's four values (the task's `dueStatus`) and adds `patientDeceased: true`.
    case patientDeceased = "patient-deceased"
    public static func < (a: FollowUpStatus, b: FollowUpStatus) -> Bool {
        let order: [FollowUpStatus] = [.overdue, .dueSoon, .upcoming, .patientDeceased, .done]
        return order.firstIndex(of: a)! < order.firstIndex(of: b)!
    }
}

/// A follow-up task on the nurse worklist: explicit (from the data or recorded in the app) or
/// generated from a schedule template.
public struct FollowUpTask: Codable, Sendable, Equatable, Identifiable {
    public var id: String
    public var patient: String
    public var due: LocalDate
    public var kind: String
    public var status: FollowUpStatus
    public var note: String?
    /// `explicit` or the schedule template that generated it ("AML NPM1 MRD, ELN 2021").
    public var source: String
    public var done: LocalDate?
    /// Days between repeats when the schedule repeats (completing it creates the next one).
    public var repeatDays: Int?
    public var site: String?
    /// The status by the due date alone (overdue / due-soon / upcoming): set for an open task of a deceased patient,
    /// whose `status` is `.patientDeceased`; nil otherwise (`status` is then that status).
    public var dueStatus: FollowUpStatus?
    public init(id: String, patient: String, due: LocalDate, kind: String, status: FollowUpStatus, note: String? = nil,
                source: String, done: LocalDate? = nil, repeatDays: Int? = nil, site: String? = nil, dueStatus: FollowUpStatus? = nil) {
        self.id = id; self.patient = patient; self.due = due; self.kind = kind; self.status = status; self.note = note
        self.source = source; self.done = done; self.repeatDays = repeatDays; self.site = site; self.dueStatus = dueStatus
    }

    private enum CodingKeys: String, CodingKey { case id, patient, due, kind, status, note, source, done, repeatDays, site, patientDeceased }

    /// formats.md's `status` is one of overdue | due-soon | upcoming | done: a deceased patient's open task is written
    /// with its due-date status and `"patientDeceased": true` (the key is absent otherwise).
    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id); try c.encode(patient, forKey: .patient); try c.encode(due, forKey: .due)
        try c.encode(kind, forKey: .kind)
        if status == .patientDeceased {
            guard let d = dueStatus, d != .patientDeceased else {
                throw EncodingError.invalidValue(status, .init(codingPath: c.codingPath + [CodingKeys.status],
                                                              debugDescription: "task \(id) of a deceased patient has no due-date status"))
            }
            try c.encode(d, forKey: .status); try c.encode(true, forKey: .patientDeceased)
        } else {
            try c.encode(status, forKey: .status)
        }
        try c.encodeIfPresent(note, forKey: .note); try c.encode(source, forKey: .source)
        try c.encodeIfPresent(done, forKey: .done); try c.encodeIfPresent(repeatDays, forKey: .repeatDays)
        try c.encodeIfPresent(site, forKey: .site)
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decode(String.self, forKey: .id); patient = try c.decode(String.self, forKey: .patient)
        due = try c.decode(LocalDate.self, forKey: .due); kind = try c.decode(String.self, forKey: .kind)
        let written = try c.decode(FollowUpStatus.self, forKey: .status)
        if try c.decodeIfPresent(Bool.self, forKey: .patientDeceased) == true && written != .done {
            status = .patientDeceased; dueStatus = written
        } else {
            status = written; dueStatus = nil
        }
        note = try c.decodeIfPresent(String.self, forKey: .note); source = try c.decode(String.self, forKey: .source)
        done = try c.decodeIfPresent(LocalDate.self, forKey: .done); repeatDays = try c.decodeIfPresent(Int.self, forKey: .repeatDays)
        site = try c.decodeIfPresent(String.self, forKey: .site)
    }
}
