import CaseModel
import Foundation

/// What the rules say about a case that the board record needs (computed by the caller, which may
/// use ClinicalRules; the store does not).
public struct MeetingCaseFacts: Sendable, Equatable {
    /// ELN 2022 genetic risk; nil when not applicable or not computed.
    public var eln2022: RiskAssessment?
    /// Germline next steps, shown in the board record when any.
    public var germlineActions: [GermlineAction] = []
    /// MRD series as the rules read them (events with their confirm-by dates), drawn on the record's chart.
    public var mrdSeries: [MRDSeriesAssessment] = []
    /// The group's risk scores (IPSS-R, ELTS, DIPSS, T-ALL, AA…) with their drivers; empty for AML and others.
    public var risks: [SchemeRiskAssessment] = []
    public init(eln2022: RiskAssessment? = nil) { self.eln2022 = eln2022 }
}

/// The board record (fiche RCP) of a meeting as Markdown or HTML, with the mandatory fields of
/// clinical-reference.md §4.2 for every case on the agenda, in agenda order. The HTML carries the
/// MRD chart of each case as inline SVG; all text is escaped.
///
/// Fields per case: patient identity (name, MRN, birth date, sex, case id), treating site, RCP (name,
/// date, site, meeting id), participants, quorum, reason for presentation (question asked), disease
/// status, diagnosis, ELN 2022 risk, performance status, MRD (latest per series), proposal,
/// conforme / hors référentiel (with justification), clinical-trial proposal (yes/no, which),
/// next review, recorded by.
public enum MeetingExport {
    /// The language of the record's guideline wording: English ("follows the guideline" / "outside the
    /// guideline"), or French ("conforme au référentiel" / "HORS RÉFÉRENTIEL") for a French export only.
    public enum Language: String, CaseIterable, Sendable { case en, fr }

    /// The guideline-adherence value of a decision in `language`.
    public static func guidelineText(_ d: BoardDecision, language: Language) -> String {
        switch language {
        case .en: return d.followsGuideline ? "follows the guideline"
            : "outside the guideline — justification: \(d.justification ?? "none given")"
        case .fr: return d.followsGuideline ? "conforme au référentiel"
            : "HORS RÉFÉRENTIEL — justification : \(d.justification ?? "aucune")"
        }
    }

    public static func escapeHTML(_ s: String) -> String { HTMLText.escape(s) }

    /// (label, value) rows of one case.
    /// With `pseudonym` (the pseudonymised record): no name, MRN or birth date; the pseudonym, the age at diagnosis
    /// and the sex instead, and the pseudonym wherever the case id would be.
    public static func fields(meeting m: BoardMeeting, item: AgendaItem, patient: Patient?, facts: MeetingCaseFacts,
                              pseudonym: String? = nil, language: Language = .en) -> [(String, String)] {
        var rows: [(String, String)] = []
        if let p = patient, let pseudonym {
            var who = ["pseudonym \(pseudonym)"]
            if let dx = p.diagnosis, let age = p.age(on: dx.date) { who.append("age at diagnosis \(age) y") } else { who.append("age at diagnosis not recorded") }
            who.append(p.sex.rawValue)
            rows.append(("Patient", who.joined(separator: " · ")))
            rows.append(("Treating site", p.site ?? "not recorded"))
        } else if let p = patient {
            var who = [p.displayName ?? "(name not recorded)"]
            who.append("MRN " + (p.identity?.mrn ?? "not recorded"))
            if let b = p.birthDate, let age = p.age(on: m.date) { who.append("born \(b) (\(age) y)") } else { who.append("birth date not recorded") }
            who.append(p.sex.rawValue)
            who.append("case \(p.id)")
            rows.append(("Patient", who.joined(separator: " · ")))
            rows.append(("Treating site", p.site ?? "not recorded"))
        } else {
            rows.append(("Patient", "case \(pseudonym ?? item.patient) (no longer in the database)"))
        }
        rows.append(("RCP", "\(m.name) · \(m.date)" + (m.site.map { " · \($0)" } ?? "") + " · meeting \(m.id)"))
        let d = item.decision
        if let d {
            rows.append(("Participants", d.participants.isEmpty ? "none recorded" : d.participants.map {
                "\($0.name) (\($0.specialty)\($0.isPhysician ? ", physician" : ", non-physician: not counted"))" }.joined(separator: "; ")))
            let physicianSpecialties = BoardRoles.physicianSpecialties(d.participants).count
            rows.append(("Quorum", d.hasQuorum ? "met (\(physicianSpecialties) physician specialties)"
                : "NOT MET: \(physicianSpecialties) physician specialt\(physicianSpecialties == 1 ? "y" : "ies"), 3 required"))
        } else {
            rows.append(("Participants", "decision not recorded"))
        }
        rows.append(("Reason for presentation (question)", item.question))
        let recordStatus = patient.flatMap { $0.status(on: m.date) }.map { "\($0.status.rawValue) (\($0.date), from the record)" }
        rows.append(("Disease status", d?.diseaseStatus ?? recordStatus ?? "not recorded"))
        if let dx = patient?.diagnosis {
            var parts = [dx.category.rawValue]
            if let w = dx.who2022 { parts.append("WHO 2022: \(w)") }
            if let i = dx.icc2022 { parts.append("ICC 2022: \(i)") }
            if let c = dx.icd10 { parts.append("ICD-10 \(c)") }
            parts.append("diagnosed \(dx.date)")
            rows.append(("Diagnosis", parts.joined(separator: " · ")))
        } else {
            rows.append(("Diagnosis", "not recorded"))
        }
        let eln: String
        if let r = facts.eln2022 {
            eln = r.displayText + (r.drivers.isEmpty ? "" : " — " + r.drivers.joined(separator: "; "))
                + (r.missing.isEmpty ? "" : " (missing: " + r.missing.joined(separator: "; ") + ")")
        } else if let c = patient?.diagnosis?.category, c != .aml {
            eln = "not applicable (\(c.rawValue))"
        } else {
            eln = "not computed"
        }
        rows.append(("ELN 2022 risk", eln))
        for r in facts.risks {
            var v = r.category + (r.score.map { " (score \($0))" } ?? "") + (r.complete ? "" : " (provisional)")
            if !r.drivers.isEmpty { v += " — " + r.drivers.joined(separator: "; ") }
            if !r.missing.isEmpty { v += " (missing: " + r.missing.joined(separator: "; ") + ")" }
            rows.append(("\(r.scheme) risk", v))
        }
        if !facts.germlineActions.isEmpty {
            rows.append(("Germline next steps", facts.germlineActions.map(\.label).joined(separator: "; ")))
        }
        if let ps = patient?.performanceStatus.filter({ $0.date <= m.date }).max(by: { $0.date < $1.date }) {
            rows.append(("Performance status", "ECOG \(ps.ecog) (\(ps.date))"))
        } else {
            rows.append(("Performance status", "not recorded"))
        }
        rows.append(("MRD (latest per series)", mrdSummary(patient?.mrd ?? [], before: m.date)))
        guard let d else {
            rows.append(("Proposal", "decision not recorded"))
            return rows
        }
        rows.append(("Proposal", d.proposal))
        rows.append(("Guideline", guidelineText(d, language: language)))
        rows.append(("Clinical trial proposed", d.trialProposed.map { "yes — \($0)" } ?? "no"))
        rows.append(("Next review", d.nextReview?.description ?? "none planned"))
        rows.append(("Recorded by", d.recordedBy ?? "not recorded"))
        return rows
    }

    /// "NPM1 qPCR PB 1.2×10⁻³ (2026-03-01); …" — the latest result of each series on or before `date`.
    static func mrdSummary(_ results: [MRDResult], before date: LocalDate) -> String {
        let series = Dictionary(grouping: results.filter { $0.date <= date }) { "\($0.marker) \($0.method.rawValue) \($0.tissue.rawValue)" }
        if series.isEmpty { return "no results" }
        return series.keys.sorted().compactMap { key in
            guard let r = series[key]?.max(by: { $0.date < $1.date }) else { return nil }
            let v = r.detected ? MeetingMRDChart.scientific(r.value ?? 0)
                : "undetectable" + (r.sensitivity.map { " (<\(MeetingMRDChart.scientific($0)))" } ?? "")
            return "\(key) \(v) (\(r.date))"
        }.joined(separator: "; ")
    }

    static func md(_ s: String) -> String {
        // Markdown renderers pass raw HTML through: escape < and > too, so text stays text.
        s.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "|", with: "\\|")
            .replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(of: ">", with: "&gt;")
            .replacingOccurrences(of: "\r\n", with: " ").replacingOccurrences(of: "\n", with: " ")
    }

    /// `pseudonyms` (case id → pseudonym): the pseudonymised record (see `fields`).
    public static func markdown(_ m: BoardMeeting, patients: [String: Patient], facts: (Patient) -> MeetingCaseFacts,
                                isDemo: Bool = false, pseudonyms: [String: String]? = nil, language: Language = .en) -> String {
        var out = "# Fiche RCP — \(md(m.name)) — \(m.date)\n\n"
        if isDemo { out += "> SYNTHETIC DEMO DATA — fictitious patients, not for clinical use\n\n" }
        out += "- Meeting: \(md(m.id))\n- Date: \(m.date)\n- Site: \(md(m.site ?? "not recorded"))\n"
        let decided = m.agenda.filter { $0.decision != nil }.count
        out += "- Cases: \(m.agenda.count) (\(decided) with a recorded decision)\n"
        for (i, item) in m.agenda.enumerated() {
            let p = patients[item.patient]
            let shown = pseudonyms.map { $0[item.patient] ?? "PSN-?" } ?? item.patient
            out += "\n## Case \(i + 1) of \(m.agenda.count) — \(md(shown))\n\n| Field | Value |\n|---|---|\n"
            for (label, value) in fields(meeting: m, item: item, patient: p, facts: p.map(facts) ?? MeetingCaseFacts(),
                                         pseudonym: pseudonyms.map { _ in shown }, language: language) {
                out += "| \(md(label)) | \(md(value)) |\n"
            }
        }
        return out
    }

    public static func html(_ m: BoardMeeting, patients: [String: Patient], facts: (Patient) -> MeetingCaseFacts,
                            isDemo: Bool = false, pseudonyms: [String: String]? = nil, language: Language = .en) -> String {
        let e = escapeHTML
        var out = """
            <!DOCTYPE html>
            <html lang="\(language.rawValue)">
            <head>
            <meta charset="utf-8">
            <title>Fiche RCP — \(e(m.name)) — \(m.date)</title>
            <style>
            body { font-family: sans-serif; margin: 2em; }
            table { border-collapse: collapse; margin-bottom: 1em; }
            th, td { border: 1px solid #999; padding: 4px 8px; text-align: left; vertical-align: top; }
            th { background: #eee; width: 16em; }
            .warning { color: #a00; font-weight: bold; }
            .demo { border: 2px solid #a00; padding: 4px; }
            </style>
            </head>
            <body>
            <h1>Fiche RCP — \(e(m.name)) — \(m.date)</h1>

            """
        if isDemo { out += "<p class=\"demo\">SYNTHETIC DEMO DATA — fictitious patients, not for clinical use</p>\n" }
        let decided = m.agenda.filter { $0.decision != nil }.count
        out += "<ul>\n<li>Meeting: \(e(m.id))</li>\n<li>Date: \(m.date)</li>\n<li>Site: \(e(m.site ?? "not recorded"))</li>\n"
        out += "<li>Cases: \(m.agenda.count) (\(decided) with a recorded decision)</li>\n</ul>\n"
        for (i, item) in m.agenda.enumerated() {
            let p = patients[item.patient]
            let shown = pseudonyms.map { $0[item.patient] ?? "PSN-?" } ?? item.patient
            out += "<section class=\"case\">\n<h2>Case \(i + 1) of \(m.agenda.count) — \(e(shown))</h2>\n<table>\n"
            let caseFacts = p.map(facts) ?? MeetingCaseFacts()
            for (label, value) in fields(meeting: m, item: item, patient: p, facts: caseFacts,
                                         pseudonym: pseudonyms.map { _ in shown }, language: language) {
                let warn = label == "Quorum" && value.hasPrefix("NOT MET")
                    || label == "Guideline" && item.decision.map { !$0.followsGuideline } == true
                out += "<tr><th>\(e(label))</th><td\(warn ? " class=\"warning\"" : "")>\(e(value))</td></tr>\n"
            }
            out += "</table>\n<figure>\n"
            if let svg = MeetingMRDChart.svg((p?.mrd ?? []).filter { $0.date <= m.date }, series: caseFacts.mrdSeries, asOf: m.date) {
                out += svg + "\n<figcaption>MRD of \(e(shown)) up to \(m.date): log10 scale; ▽ undetectable, drawn at the assay sensitivity; dashed lines: reference thresholds; ▲ above the axis / ▼ below it: value out of the drawn range, printed beside the marker.</figcaption>\n"
            } else {
                out += "<figcaption>No MRD results up to \(m.date).</figcaption>\n"
            }
            out += "</figure>\n</section>\n"
        }
        out += "</body>\n</html>\n"
        return out
    }
}
