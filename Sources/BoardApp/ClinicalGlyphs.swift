import CaseModel
import ClinicalRules
import ScreenKit

/// Glyphs, words and roles for clinical states: meaning is never carried by colour alone, and every
/// glyph has an ASCII fallback.
public enum ClinicalGlyphs {
    public static func eln(_ r: ELNRisk?, ascii: Bool = false) -> Span {
        switch r {
        case .favorable?: return Span("fav", role: .elnFavorable)
        case .intermediate?: return Span("int", role: .elnIntermediate)
        case .adverse?: return Span("ADV", role: .elnAdverse)
        case nil: return Span(ascii ? "-" : "—", role: .muted)
        }
    }

    /// As `eln(_:ascii:)` with `?` appended when the risk is provisional (`fav?`).
    public static func eln(_ r: ELNRisk?, complete: Bool, ascii: Bool = false) -> Span {
        var s = eln(r, ascii: ascii)
        if r != nil && !complete { s.text += "?" }
        return s
    }

    /// The risk word of an assessment, "(provisional)" when incomplete, "not applicable" when it does not apply.
    public static func elnWord(_ a: RiskAssessment) -> Span {
        if !a.applicable { return Span("not applicable", role: .muted) }
        var s = elnWord(a.risk)
        if !a.complete { s.text += " (provisional)" }
        return s
    }

    public static func elnWord(_ r: ELNRisk) -> Span {
        switch r {
        case .favorable: return Span("favourable", role: .elnFavorable)
        case .intermediate: return Span("intermediate", role: .elnIntermediate)
        case .adverse: return Span("ADVERSE", role: .elnAdverse)
        }
    }

    /// Germline flag: a glyph and a short word ("◆ conf", "◇ susp", "! flag").
    public static func germline(_ l: GermlineFlagLevel?, ascii: Bool) -> Span {
        switch l {
        case .confirmed?: return Span(ascii ? "G conf" : "◆ conf", role: .germlineConfirmed)
        case .suspected?: return Span(ascii ? "g susp" : "◇ susp", role: .germlineSuspected)
        case .redFlag?: return Span("! flag", role: .germlineRedflag)
        case nil: return Span("", role: .muted)
        }
    }

    public static func germlineLevelWord(_ l: GermlineFlagLevel, ascii: Bool) -> Span {
        switch l {
        case .confirmed: return Span(ascii ? "[G] CONFIRMED" : "◆ CONFIRMED", role: .germlineConfirmed)
        case .suspected: return Span(ascii ? "[g] SUSPECTED" : "◇ SUSPECTED", role: .germlineSuspected)
        case .redFlag: return Span("[!] RED FLAG", role: .germlineRedflag)
        }
    }

    public static func trend(_ t: MRDTrend?, ascii: Bool) -> Span {
        switch t {
        case .rising?: return Span(ascii ? "^" : "↗", role: .mrdPositive)
        case .falling?: return Span(ascii ? "v" : "↘", role: .mrdNegative)
        case .stable?: return Span(ascii ? "=" : "→", role: .mrdLowlevel)
        case .negative?: return Span(ascii ? "0" : "○", role: .mrdNegative)
        case .notEvaluable?: return Span(ascii ? "~" : "◌", role: .mrdLowlevel)
        case nil: return Span("", role: .muted)
        }
    }

    public static func mrdStatus(_ s: MRDStatus) -> Span {
        switch s {
        case .negative: return Span("negative", role: .mrdNegative)
        case .lowLevel: return Span("low-level", role: .mrdLowlevel)
        case .positive: return Span("POSITIVE", role: .mrdPositive)
        case .relapse: return Span("MRD RELAPSE", role: .mrdPositive)
        case .notEvaluable: return Span("not evaluable", role: .mrdNotevaluable)
        case .optimal: return Span("optimal", role: .mrdNegative)
        case .warning: return Span("WARNING", role: .mrdLowlevel)
        case .failure: return Span("FAILURE", role: .mrdPositive)
        }
    }

    public static func verdict(_ v: Verdict, ascii: Bool) -> Span {
        switch v {
        case .eligible: return Span(ascii ? "+ eligible" : "✓ eligible", role: .trialEligible)
        case .possiblyEligible: return Span("? possibly", role: .trialPossibly)
        case .ineligible: return Span(ascii ? "x ineligible" : "✗ ineligible", role: .trialIneligible)
        }
    }

    /// A trial's verdict, nil meaning the trial has no open arm (`TrialVerdictRule`): never drawn as ineligible.
    public static func verdict(_ v: Verdict?, ascii: Bool) -> Span {
        guard let v else { return Span(ascii ? "- no open arm" : "– no open arm", role: .muted) }
        return verdict(v, ascii: ascii)
    }

    public static func verdictHeading(_ v: Verdict, ascii: Bool) -> String {
        switch v {
        case .eligible: return (ascii ? "+" : "✓") + " ELIGIBLE"
        case .possiblyEligible: return "? POSSIBLY ELIGIBLE (data to obtain)"
        case .ineligible: return (ascii ? "x" : "✗") + " INELIGIBLE"
        }
    }

    public static func verdictRole(_ v: Verdict) -> Role {
        switch v {
        case .eligible: return .trialEligible
        case .possiblyEligible: return .trialPossibly
        case .ineligible: return .trialIneligible
        }
    }

    /// A criterion's result; the glyph and role say what it does to eligibility, so an exclusion
    /// that is "not met" is good news (✓) and one that is "met" excludes (✗).
    public static func criterion(_ r: CriterionResult, kind: CriterionKind = .inclusion, ascii: Bool) -> Span {
        let good = ascii ? "+ " : "✓ ", bad = ascii ? "x " : "✗ "
        switch (r, kind) {
        case (.met, .inclusion): return Span(good + "met    ", role: .trialEligible)
        case (.notMet, .inclusion): return Span(bad + "not met", role: .trialIneligible)
        case (.met, .exclusion): return Span(bad + "met    ", role: .trialIneligible)
        case (.notMet, .exclusion): return Span(good + "not met", role: .trialEligible)
        case (.unknown, _): return Span("? unknown", role: .trialPossibly)
        }
    }

    public static func task(_ s: FollowUpStatus, ascii: Bool) -> Span {
        switch s {
        case .overdue: return Span("!! OVERDUE", role: .taskOverdue)
        case .dueSoon: return Span(ascii ? "*  due soon" : "•  due soon", role: .taskDuesoon)
        case .upcoming: return Span("   upcoming", role: .taskUpcoming)
        case .done: return Span(ascii ? "+  done" : "✓  done", role: .taskDone)
        case .patientDeceased: return Span(ascii ? "x  patient deceased" : "†  patient deceased", role: .muted)
        }
    }

    public static func taskShort(_ s: FollowUpStatus, ascii: Bool) -> Span {
        switch s {
        case .overdue: return Span("!!", role: .taskOverdue)
        case .dueSoon: return Span(ascii ? "* " : "• ", role: .taskDuesoon)
        case .upcoming: return Span("  ", role: .taskUpcoming)
        case .done: return Span(ascii ? "+ " : "✓ ", role: .taskDone)
        case .patientDeceased: return Span(ascii ? "x " : "† ", role: .muted)
        }
    }

    public static func groupHeading(_ s: FollowUpStatus) -> String {
        switch s {
        case .overdue: return "OVERDUE"
        case .dueSoon: return "DUE SOON (14 days)"
        case .upcoming: return "UPCOMING"
        case .done: return "DONE"
        case .patientDeceased: return "PATIENT DECEASED (no new tasks)"
        }
    }

    public static func trialStatus(_ s: TrialStatus) -> Span {
        switch s {
        case .open: return Span("open", role: .ok)
        case .closed: return Span("closed", role: .trialClosed)
        case .suspended: return Span("suspended", role: .trialClosed)
        case .notYetOpen: return Span("not yet open", role: .trialClosed)
        }
    }
}

extension ClinicalGlyphs {
    /// The headline group score in the `cases` short form (`RiskSchemes.shortForm`: "IPSS-R hi", "ELTS low", "T-ALL HR",
    /// "SAA"), coloured by its place in the scheme's categories (lowest: favourable role, highest: adverse, undecided: muted).
    public static func schemeRisk(_ risks: [SchemeRiskAssessment], ascii: Bool = false) -> Span {
        guard let r = RiskSchemes.headline(risks) else { return Span(ascii ? "-" : "—", role: .muted) }
        let text = RiskSchemes.shortForm(r)
        guard r.isDecided, let ladder = RiskSchemes.categories[r.scheme], let i = ladder.firstIndex(of: r.category) else {
            return Span(text, role: .muted)
        }
        return Span(text, role: i == 0 ? .elnFavorable : (i == ladder.count - 1 ? .elnAdverse : .elnIntermediate))
    }
}
