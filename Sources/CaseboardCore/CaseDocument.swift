import CaseModel
import ClinicalRules
import Foundation
import TrialEngine

public struct CaseDiagnosisJSON: Encodable, Sendable {
    public var category: String
    public var date: LocalDate
    public var who2022: String?
    public var icc2022: String?
    public var icd10: String?
    public var oncotree: String?
    public init(_ d: Diagnosis) {
        category = d.category.rawValue; date = d.date; who2022 = d.who2022; icc2022 = d.icc2022; icd10 = d.icd10; oncotree = d.oncotree
    }
    enum CodingKeys: String, CodingKey { case category, date, who2022, icc2022, icd10, oncotree }
    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(category, forKey: .category); try c.encode(date, forKey: .date); try c.encode(who2022, forKey: .who2022)
        try c.encodeIfPresent(icc2022, forKey: .icc2022); try c.encodeIfPresent(icd10, forKey: .icd10)
        try c.encodeIfPresent(oncotree, forKey: .oncotree)
    }
}

/// The `case --json` document: every key of formats.md §4 is always present (null when not applicable).
public struct CaseDocument: Encodable {
    public var id: String
    /// nil when the birth date is not recorded
    public var age: Int?
    public var sex: String
    public var site: String?
    public var diagnosis: CaseDiagnosisJSON?
    public var status: String?
    public var eln2022: RiskAssessment?
    public var eln2024LessIntensive: RiskAssessment?
    public var germline: GermlineAssessment
    public var mrd: [MRDSeriesAssessment]
    public var trials: [ArmVerdict]
    public var followUps: [FollowUpTask]
    /// The non-AML groups' scores (formats.md §4 `risk`), [] when none applies.
    public var risk: [SchemeRiskAssessment] = []
    enum CodingKeys: String, CodingKey { case id, age, sex, site, diagnosis, status, eln2022, eln2024LessIntensive, germline, mrd, trials, followUps, risk }
    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id); try c.encode(age, forKey: .age); try c.encode(sex, forKey: .sex)
        try c.encode(site, forKey: .site); try c.encode(diagnosis, forKey: .diagnosis); try c.encode(status, forKey: .status)
        try c.encode(eln2022, forKey: .eln2022); try c.encode(eln2024LessIntensive, forKey: .eln2024LessIntensive)
        try c.encode(germline, forKey: .germline); try c.encode(mrd, forKey: .mrd); try c.encode(trials, forKey: .trials)
        try c.encode(followUps, forKey: .followUps)
        try c.encode(risk, forKey: .risk)
    }
}

extension CaseDocument {
    /// One case analysed for `today`: interpretation, trial verdicts of every arm (`verdicts`), tasks with the
    /// nurses' records (`tasks`). `eln2022` / `eln2024LessIntensive` are null outside AML (APL included).
    public init(_ p: Patient, today: LocalDate, verdicts: [ArmVerdict], tasks: [FollowUpTask]) {
        let i = Interpretation.interpret(p, today: today)
        let isAML = p.diagnosis?.category == .aml
        self.init(id: p.id, age: p.age(on: today), sex: p.sex.rawValue, site: p.site, diagnosis: p.diagnosis.map(CaseDiagnosisJSON.init),
                  status: p.status(on: today)?.status.rawValue,
                  eln2022: isAML ? i.eln2022 : nil, eln2024LessIntensive: isAML ? i.eln2024LessIntensive : nil,
                  germline: i.germline, mrd: i.mrd, trials: verdicts, followUps: tasks, risk: RiskSchemes.assess(p, today: today))
    }

    /// The document of one case in a workspace: verdicts from the catalogue in force, tasks from the workflows.
    public static func make(_ p: Patient, in workspace: Workspace) throws -> CaseDocument {
        let today = workspace.today
        let verdicts = try workspace.matcher().map { $0.verdicts(for: p, interpretation: Interpretation.interpret(p, today: today), today: today) } ?? []
        return CaseDocument(p, today: today, verdicts: verdicts, tasks: try Workflows.service(workspace, withCatalogue: false).tasks(for: p))
    }
}

/// The clinician's plain-text summary of one case (`caseboard case ID`).
public enum CaseTextSummary {
    /// A plain-text summary for a clinician.
    public static func text(_ p: Patient, _ doc: CaseDocument, today: LocalDate) -> String {
        var out = ""
        func line(_ s: String = "") { out += s + "\n" }
        func fmt(_ v: Double?) -> String { v.map { String(format: "%.3g", $0) } ?? "?" }
        let name = p.displayName.map { " — \($0)" } ?? ""
        line("\(p.id)\(name)   \(p.sex.rawValue), \(doc.age.map { "\($0) y (born \(p.birthDate.map { "\($0)" } ?? ""))" } ?? "birth date not recorded")\(p.identity?.mrn.map { ", MRN \($0)" } ?? "")")
        if let s = p.site { line("Site: \(s)") }
        if let d = p.diagnosis {
            line("Diagnosis: \(d.category.rawValue) on \(d.date)")
            if let w = d.who2022 { line("  WHO 2022: \(w)") }
            if let c = d.icc2022 { line("  ICC 2022: \(c)") }
            if let b = d.blastsBM { line("  BM blasts: \(fmt(b)) %") }
        }
        if let s = p.status(on: today) { line("Status: \(s.status.rawValue) since \(s.date)") }
        line()
        if let e = doc.eln2022 {
            line("ELN 2022 risk: \(e.risk.word.uppercased())" + (e.complete ? "" : " (provisional)"))
            for d in e.drivers { line("  - \(d)") }
            for m in e.missing { line("  ! missing: \(m)") }
        } else if p.diagnosis?.category == .aml {
            line("ELN 2022 risk: not computed")
        }
        if let e = doc.eln2024LessIntensive { line("ELN 2024 (less-intensive therapy): \(e.displayText)") }
        for r in doc.risk { out += RiskText.lines(r) }
        line()
        line("Cytogenetics:")
        if p.karyotypes.isEmpty { line("  no karyotype") }
        for k in p.karyotypes { line("  \(k.date) \(k.tissue.rawValue): \(k.abnormalities.isEmpty ? "normal karyotype" : k.abnormalities.joined(separator: ", "))") }
        for f in p.fusions { line("  fusion \(f.name) (\(f.method ?? "method not stated"), \(f.date))") }
        line("Variants:")
        if p.variants.isEmpty { line("  none reported") }
        for v in p.variants {
            let vaf = v.vaf.map { String(format: "VAF %.1f %%", $0 * 100) } ?? "VAF ?"
            line("  \(v.gene) \(v.hgvsp ?? v.consequence?.rawValue ?? "") \(vaf) \(v.origin.rawValue)\(v.tissue.map { " [\($0.rawValue)]" } ?? "") \(v.date)")
        }
        if !p.testedGenes.isEmpty {
            line("Tested: " + p.testedGenes.map { "\($0.assay) \($0.date) (\($0.genes.count) genes)" }.joined(separator: "; "))
        } else {
            line("Tested: no gene panel recorded (genes are NOT TESTED, not negative)")
        }
        line()
        line("Germline: \(doc.germline.testingRecommended ? "germline testing recommended" : "no testing recommendation")")
        for f in doc.germline.flags { line("  [\(f.level.rawValue)] \(f.gene.map { "\($0): " } ?? "")\(f.reason)") }
        if !doc.germline.actions.isEmpty { line("  next: " + doc.germline.actions.map(\.label).joined(separator: "; ")) }
        if !p.familyHistory.isEmpty {
            line("Family history: " + p.familyHistory.map { "\($0.relation.rawValue) \($0.condition)\($0.ageAtDiagnosis.map { " at \($0)" } ?? "")" }.joined(separator: "; "))
        }
        if !p.clinicalFeatures.isEmpty { line("Clinical features: " + p.clinicalFeatures.joined(separator: ", ")) }
        line()
        line("MRD:")
        if !doc.mrd.isEmpty {
            for s in doc.mrd {
                line("  \(s.marker) \(s.method.rawValue) \(s.tissue.rawValue): \(s.status.rawValue) — \(s.explanation)")
                for e in s.events {
                    line("    \(e.kind.rawValue) \(e.date)\(e.log10Change.map { String(format: " (%+.1f log)", $0) } ?? "")\(e.confirmationDue.map { " — confirm by \($0)" } ?? "")")
                }
            }
        } else if p.mrd.isEmpty {
            line("  no MRD results")
        } else {
            let keys = Set(p.mrd.map(\.seriesKey)).sorted()
            for k in keys {
                let pts = p.mrd.filter { $0.seriesKey == k }.sorted { $0.date < $1.date }
                let last = pts.last
                let lastText = last.map { $0.detected ? "\(fmt($0.value)) on \($0.date)" : "undetected on \($0.date)" } ?? "-"
                line("  \(k): \(pts.count) results, latest \(lastText)")
            }
        }
        line()
        line("Therapy:")
        if p.therapies.isEmpty { line("  none recorded") }
        for t in p.therapies {
            line("  \(t.start)–\(t.end.map { "\($0)" } ?? "ongoing") \(t.regimen) [\(t.intent.rawValue)\(t.line.map { ", line \($0)" } ?? "")]\(t.response.map { " → \($0)" } ?? "")")
        }
        for t in p.transplants {
            line("  \(t.date) \(t.type.rawValue) transplant\(t.donor.map { ", \($0)" } ?? "")\(t.gvhd.map { ", GVHD: \($0.rawValue)" } ?? "") (day +\(t.date.days(until: today)))")
        }
        if let ps = p.performanceStatus.max(by: { $0.date < $1.date }) { line("ECOG \(ps.ecog) on \(ps.date)") }
        if !p.comorbidities.isEmpty { line("Comorbidities: " + p.comorbidities.joined(separator: ", ")) }
        line()
        line("Trials:")
        // One line per trial: its best open arm (`TrialVerdictRule`; closed or suspended arms never count).
        var best: [String: ArmVerdict] = [:]
        for (trial, arms) in Dictionary(grouping: doc.trials, by: \.trial) {
            if let b = TrialVerdictRule.bestOpenArm(arms) { best[trial] = b }
        }
        let ranked = best.values.sorted { ($0.verdict, $0.trial) < ($1.verdict, $1.trial) }
        if ranked.isEmpty { line("  no open trial arm in the catalogue") }
        for v in ranked where v.verdict != .ineligible {
            line("  \(v.verdict == .eligible ? "✓ eligible" : "? possibly eligible") \(v.trial) arm \(v.arm)")
            for u in v.unknowns { line("      to obtain: \(u.text) — \(u.reason)") }
        }
        let ineligible = ranked.filter { $0.verdict == .ineligible }.count
        if ineligible > 0 { line("  ✗ ineligible for \(ineligible) other open trial(s) (caseboard match --patient \(p.id) for the reasons)") }
        line("Follow-ups:")
        if doc.followUps.isEmpty {
            let explicit = p.followUps.sorted { $0.due < $1.due }
            if explicit.isEmpty { line("  none") }
            for f in explicit { line("  \(f.due) \(f.kind)\(f.isDone ? " (done)" : "")\(f.note.map { " — \($0)" } ?? "")") }
        }
        for f in doc.followUps { line("  \(f.due) \(f.kind) [\(f.status.rawValue)]\(f.note.map { " — \($0)" } ?? "")") }
        return out
    }
}
