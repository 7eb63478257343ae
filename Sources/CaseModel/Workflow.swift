/// Records written by the three workflows: trial pre-screening, board meetings, audit.

public enum ScreeningStatus: String, Codable, Sendable, CaseIterable {
    case identified, preScreened = "pre-screened", approached, consented, enrolled
    case preScreenFailed = "pre-screen-failed", declined, deferred, screenFailed = "screen-failed"

    /// The pre-screening status model (clinical-reference.md §4.1): statuses allowed after `current`
    /// (nil: the patient is not yet in the log of this trial). The store validates against it and the UI
    /// offers only these.
    public static func allowed(after current: ScreeningStatus?) -> [ScreeningStatus] {
        switch current {
        case nil: return [.identified, .preScreened, .preScreenFailed, .deferred, .declined]
        case .identified?: return [.preScreened, .preScreenFailed, .deferred, .declined]
        case .preScreened?: return [.approached, .preScreenFailed, .deferred, .declined]
        case .deferred?: return [.identified, .preScreened, .approached, .preScreenFailed, .declined]
        case .approached?: return [.consented, .deferred, .declined]
        case .consented?: return [.enrolled, .screenFailed, .declined]
        case .enrolled?, .preScreenFailed?, .declined?, .screenFailed?: return []
        }
    }
}

public struct ScreeningEvent: Codable, Sendable, Equatable {
    public var date: LocalDate
    public var status: ScreeningStatus
    public var who: String
    public var reason: String?
    /// The failed criterion (`pre-screen-failed`, `screen-failed`).
    public var criterion: String?
    /// The recheck date (`deferred`).
    public var recheck: LocalDate?
    public init(date: LocalDate, status: ScreeningStatus, who: String, reason: String? = nil,
                criterion: String? = nil, recheck: LocalDate? = nil) {
        self.date = date; self.status = status; self.who = who; self.reason = reason
        self.criterion = criterion; self.recheck = recheck
    }
}

/// The pre-screening log entry of one patient for one trial, with its full status history.
public struct ScreeningRecord: Codable, Sendable, Equatable {
    public var patient: String
    public var trial: String
    public var arm: String?
    /// `engine`, `RCP` or `referral`.
    public var source: String
    public var history: [ScreeningEvent]
    public init(patient: String, trial: String, arm: String? = nil, source: String, history: [ScreeningEvent]) {
        self.patient = patient; self.trial = trial; self.arm = arm; self.source = source; self.history = history
    }
    public var status: ScreeningStatus? { history.last?.status }
}

public struct Participant: Codable, Sendable, Equatable {
    public var name: String
    public var specialty: String
    public var isPhysician: Bool
    public init(name: String, specialty: String, isPhysician: Bool = true) {
        self.name = name; self.specialty = specialty; self.isPhysician = isPhysician
    }
}

/// The board's decision for one case (fiche RCP).
public struct BoardDecision: Codable, Sendable, Equatable {
    public var participants: [Participant]
    public var diseaseStatus: String?
    public var proposal: String
    public var followsGuideline: Bool
    public var justification: String?
    public var trialProposed: String?
    public var nextReview: LocalDate?
    public var recordedBy: String?
    public init(participants: [Participant], diseaseStatus: String? = nil, proposal: String, followsGuideline: Bool,
                justification: String? = nil, trialProposed: String? = nil, nextReview: LocalDate? = nil, recordedBy: String? = nil) {
        self.participants = participants; self.diseaseStatus = diseaseStatus; self.proposal = proposal
        self.followsGuideline = followsGuideline; self.justification = justification; self.trialProposed = trialProposed
        self.nextReview = nextReview; self.recordedBy = recordedBy
    }

    /// Quorum: at least three physicians of different specialties (INCa / HAS).
    /// Specialties from the controlled list `BoardRoles` (aliases count once; non-physicians never count).
    public var hasQuorum: Bool {
        BoardRoles.physicianSpecialties(participants).count >= 3
    }
}

public struct AgendaItem: Codable, Sendable, Equatable {
    public var id: Int64?
    public var patient: String
    public var question: String
    public var position: Int
    public var decision: BoardDecision?
    public init(id: Int64? = nil, patient: String, question: String, position: Int, decision: BoardDecision? = nil) {
        self.id = id; self.patient = patient; self.question = question; self.position = position; self.decision = decision
    }
}

public struct BoardMeeting: Codable, Sendable, Equatable, Identifiable {
    public var id: String
    public var date: LocalDate
    public var name: String
    public var site: String?
    public var agenda: [AgendaItem]
    public init(id: String, date: LocalDate, name: String, site: String? = nil, agenda: [AgendaItem] = []) {
        self.id = id; self.date = date; self.name = name; self.site = site; self.agenda = agenda
    }
}

/// One audited write: who, when, what, with the values before and after (JSON text).
public struct AuditEntry: Codable, Sendable, Equatable {
    public var id: Int64?
    public var at: String
    public var who: String
    public var action: String
    public var entity: String
    public var before: String?
    public var after: String?
    public init(id: Int64? = nil, at: String, who: String, action: String, entity: String, before: String?, after: String?) {
        self.id = id; self.at = at; self.who = who; self.action = action; self.entity = entity
        self.before = before; self.after = after
    }
}
