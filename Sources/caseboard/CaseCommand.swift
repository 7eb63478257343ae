import ArgumentParser
import CaseModel
import ClinicalRules
import Foundation
import TrialEngine

/// `caseboard case ID [--json]`: one case with its interpretations (formats.md §4).
struct CaseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "case", abstract: "Show one case with its interpretations.")

    @OptionGroup var global: GlobalOptions

    @Argument(help: "Case id, e.g. SL-AML-0042.")
    var id: String

    @Flag(name: .long, help: "Print one JSON object on stdout.")
    var json = false

    struct DiagnosisJSON: Encodable {
        var category: String
        var date: LocalDate
        var who2022: String?
        var icc2022: String?
        var icd10: String?
        var oncotree: String?
        init(_ d: Diagnosis) {
            category = d.category.rawValue; date = d.date; who2022 = d.who2022; icc2022 = d.icc2022; icd10 = d.icd10; oncotree = d.oncotree
        }
        enum CodingKeys: String, CodingKey { case category, date, who2022, icc2022, icd10, oncotree }
        func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(category, forKey: .category); try c.encode(date, forKey: .date); try c.encode(who2022, forKey: .who2022)
            try c.encodeIfPresent(icc2022, forKey: .icc2022); try c.encodeIfPresent(icd10, forKey: .icd10)
            try c.encodeIfPresent(oncotree, forKey: .oncotree)
        }
    }

    /// The `case --json` document: every key of formats.md §4 is always present (null when not applicable).
    struct Document: Encodable {
        var id: String
        var age: Int
        var sex: String
        var site: String?
        var diagnosis: DiagnosisJSON?
        var status: String?
        var eln2022: RiskAssessment?
        var eln2024LessIntensive: RiskAssessment?
        var germline: GermlineAssessment
        var mrd: [MRDSeriesAssessment]
        var trials: [ArmVerdict]
        var followUps: [FollowUpTask]
        enum CodingKeys: String, CodingKey { case id, age, sex, site, diagnosis, status, eln2022, eln2024LessIntensive, germline, mrd, trials, followUps }
        func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(id, forKey: .id); try c.encode(age, forKey: .age); try c.encode(sex, forKey: .sex)
            try c.encode(site, forKey: .site); try c.encode(diagnosis, forKey: .diagnosis); try c.encode(status, forKey: .status)
            try c.encode(eln2022, forKey: .eln2022); try c.encode(eln2024LessIntensive, forKey: .eln2024LessIntensive)
            try c.encode(germline, forKey: .germline); try c.encode(mrd, forKey: .mrd); try c.encode(trials, forKey: .trials)
            try c.encode(followUps, forKey: .followUps)
        }
    }

    /// THE place where the trial engine plugs in: verdicts of `patient` for every arm of the catalogue
    /// in force. Returns [] until the TrialEngine work (issue 4) wires its matcher here.
    static func trialVerdicts(for patient: Patient, context: CommandContext) throws -> [ArmVerdict] {
        let matcher = Matcher.compile(try TrialsIO.catalogue(context: context))
        return matcher.verdicts(for: patient, interpretation: Interpretation.interpret(patient, today: context.today), today: context.today)
    }

    static func document(_ p: Patient, context: CommandContext) throws -> Document {
        let i = Interpretation.interpret(p, today: context.today)
        let isAML = p.diagnosis?.category == .aml
        return Document(id: p.id, age: p.age(on: context.today), sex: p.sex.rawValue, site: p.site, diagnosis: p.diagnosis.map(DiagnosisJSON.init),
                        status: p.status(on: context.today)?.status.rawValue,
                        eln2022: isAML ? i.eln2022 : nil, eln2024LessIntensive: isAML ? i.eln2024LessIntensive : nil,
                        germline: i.germline, mrd: i.mrd, trials: try trialVerdicts(for: p, context: context),
                        followUps: try WorkflowCLI.service(context, withCatalogue: false).tasks(for: p))
    }

    static func encodeJSON<T: Encodable>(_ value: T) throws -> Data {
        let e = JSONEncoder()
        e.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        var d = try e.encode(value)
        d.append(10)
        return d
    }

    func run() throws {
        let context = try CommandContext(global)
        let p = try context.patient(id: id)
        let doc = try Self.document(p, context: context)
        if json {
            FileHandle.standardOutput.write(try Self.encodeJSON(doc))
        } else {
            print(Self.summary(p, doc, today: context.today), terminator: "")
        }
    }

    /// A plain-text summary for a clinician.
    static func summary(_ p: Patient, _ doc: Document, today: LocalDate) -> String {
        var out = ""
        func line(_ s: String = "") { out += s + "\n" }
        func fmt(_ v: Double?) -> String { v.map { String(format: "%.3g", $0) } ?? "?" }
        let name = p.displayName.map { " — \($0)" } ?? ""
        line("\(p.id)\(name)   \(p.sex.rawValue), \(doc.age) y (born \(p.birthDate))\(p.identity?.mrn.map { ", MRN \($0)" } ?? "")")
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
            line("ELN 2022 risk: \(e.risk.rawValue.uppercased())" + (e.complete ? "" : " (provisional)"))
            for d in e.drivers { line("  - \(d)") }
            for m in e.missing { line("  ! missing: \(m)") }
        } else if p.diagnosis?.category == .aml {
            line("ELN 2022 risk: not computed")
        }
        if let e = doc.eln2024LessIntensive { line("ELN 2024 (less-intensive therapy): \(e.displayText)") }
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
        // One line per trial: its best open arm (closed or suspended arms never make a trial eligible).
        var best: [String: ArmVerdict] = [:]
        for v in doc.trials where v.armStatus == .open {
            if let b = best[v.trial], b.verdict <= v.verdict { continue }
            best[v.trial] = v
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
