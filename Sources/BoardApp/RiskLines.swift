import CaseModel
import ClinicalRules
import ScreenKit

/// The group risk scores (IPSS-R, ELTS, DIPSS, T-ALL, AA…) as the case screen and the meeting screen show them: the
/// `cases` short form, the category, the score, the drivers and what is missing (provisional).
enum RiskLines {
    /// "IPSS-R hi  high, score 5.5" then one line per driver and per missing input (case screen header).
    static func detail(_ risks: [SchemeRiskAssessment], width: Int, ascii: Bool) -> [[Span]] {
        var out: [[Span]] = []
        for r in risks {
            out.append([Span(r.scheme + " ", role: .muted), Span(r.category, role: ClinicalGlyphs.schemeRisk([r], ascii: ascii).role),
                        Span(facts(r), role: .muted)])
            for drv in r.drivers { out += LinesPanel.wrapped(drv, width: width, indent: 2, first: [Span(ascii ? "  - " : "  • ", role: .muted)]) }
            for m in r.missing { out += LinesPanel.wrapped(m, width: width, role: .warning, indent: 2, first: [Span("  ? ", role: .warning)]) }
        }
        return out
    }

    /// One line per score with its first drivers (meeting screen).
    static func meeting(_ risks: [SchemeRiskAssessment], width: Int, ascii: Bool) -> [[Span]] {
        risks.map { r in
            var line: [Span] = [Span("Risk: ", role: .muted), ClinicalGlyphs.schemeRisk([r], ascii: ascii)]
            if !r.drivers.isEmpty { line.append(Span("  " + r.drivers.prefix(3).joined(separator: "; "), role: .muted)) }
            if !r.missing.isEmpty { line.append(Span("  missing: " + r.missing.joined(separator: ", "), role: .warning)) }
            return line
        }
    }

    /// " score 5.5, provisional; possible: low, intermediate" (empty when nothing to add).
    static func facts(_ r: SchemeRiskAssessment) -> String {
        var parts: [String] = []
        if let s = r.score { parts.append("score " + Formatting.oneDecimal(s)) }
        if !r.complete { parts.append("provisional") }
        if !r.isDecided && !r.possible.isEmpty { parts.append("possible: " + r.possible.joined(separator: ", ")) }
        return parts.isEmpty ? "" : " (" + parts.joined(separator: "; ") + ")"
    }
}
