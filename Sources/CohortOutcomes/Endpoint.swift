import CaseModel

/// The outcome endpoints of ELN 2022 Table 9 (Döhner et al., Blood 2022;140:1345) and ELN 2017 Table 7
/// (CIR with death without relapse as the competing event). Rule set name: `ELN2022_T9`.
public enum Endpoint: String, Sendable, CaseIterable {
    /// Overall survival: death from any cause; alive patients censored at the last contact.
    case os = "OS"
    /// Event-free survival: induction failure (no CR/CRh/CRi by the landmark, event on day 1), relapse, or
    /// death, whichever first; censored at the last contact.
    case efs = "EFS"
    /// Relapse-free survival, from CR/CRh/CRi: relapse or death; censored at the last contact.
    case rfs = "RFS"
    /// Cumulative incidence of relapse, from CR/CRh/CRi: relapse (event 1) with death without relapse as
    /// the competing event (event 2); censored at the last contact.
    case cir = "CIR"

    public static let ruleSet = "ELN2022_T9"

    /// The start events this endpoint allows (the first is the default).
    public var allowedStarts: [StartEvent] {
        switch self {
        case .os: return [.diagnosis, .cr, .hct]
        case .efs: return [.diagnosis]
        case .rfs, .cir: return [.cr, .hct]
        }
    }
}

/// Time zero of an endpoint.
public enum StartEvent: String, Sendable, CaseIterable {
    /// The date of the current diagnosis.
    case diagnosis
    /// The first CR, CRh or CRi on or after the diagnosis.
    case cr
    /// The first haematopoietic cell transplant on or after the diagnosis.
    case hct
}

public struct EndpointOptions: Sendable, Equatable {
    public var start: StartEvent?
    /// Censor at a transplant done in first remission (after the first CR, before any relapse) when it comes
    /// before the event (GRAALL-2014/B secondary analyses). Not with `start == .hct`.
    public var censorAtHCT: Bool
    /// EFS: days after the start by which CR/CRh/CRi must be reached (ELN 2022 Table 9 gives 2 intensive cycles
    /// or 180 days for less-intensive therapy; the default is 180).
    public var inductionLandmarkDays: Int

    public init(start: StartEvent? = nil, censorAtHCT: Bool = false, inductionLandmarkDays: Int = 180) {
        self.start = start; self.censorAtHCT = censorAtHCT; self.inductionLandmarkDays = inductionLandmarkDays
    }
}
