import ArgumentParser
import CaseModel
import CaseStore
import ClinicalRules
import Foundation
import TrialEngine

/// `caseboard cases [--json] [--filter KEY=VALUE …]`: the case list.
struct CasesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cases",
        abstract: "List cases.",
        discussion: """
        Filters (KEY=VALUE, case-insensitive; different keys must all match, a repeated key matches any of its values):
          group=AML|ALL|MPN|MDS|BMF|germline   pathology group of the current diagnosis
          category=AML|APL|B-ALL|CML|…         diagnosis category (formats.md §1)
          site=TEXT                            treating site contains TEXT
          status=CR|relapsed|…                 latest disease status
          q=TEXT                               free text in id, name, MRN, diagnosis labels, genes, fusions
        """)

    @OptionGroup var global: GlobalOptions

    @Flag(name: .long, help: "Print one JSON array on stdout.")
    var json = false

    @Option(name: .long, parsing: .singleValue, help: "KEY=VALUE filter (group, category, site, status, q); repeatable.")
    var filter: [String] = []

    static let filterKeys = ["group", "category", "site", "status", "q"]

    /// Parsed filters: key → accepted values (lower-cased).
    static func parseFilters(_ raw: [String]) throws -> [String: [String]] {
        var out: [String: [String]] = [:]
        for f in raw {
            guard let eq = f.firstIndex(of: "=") else {
                throw CLIError.user("--filter \(f): expected KEY=VALUE with KEY one of \(filterKeys.joined(separator: ", "))")
            }
            let key = String(f[..<eq]).lowercased(), value = String(f[f.index(after: eq)...]).lowercased()
            guard filterKeys.contains(key) else {
                throw CLIError.user("--filter \(f): unknown key \"\(key)\" (keys: \(filterKeys.joined(separator: ", ")))")
            }
            if key == "group", !PathologyGroup.allCases.contains(where: { $0.rawValue.lowercased() == value }) {
                throw CLIError.user("--filter \(f): unknown group (groups: \(PathologyGroup.allCases.map(\.rawValue).joined(separator: ", ")))")
            }
            out[key, default: []].append(value)
        }
        return out
    }

    static func matches(_ p: Patient, _ filters: [String: [String]], today: LocalDate) -> Bool {
        for (key, values) in filters {
            let ok = values.contains { v in
                switch key {
                case "group": return p.diagnosis?.category.group.rawValue.lowercased() == v
                case "category": return p.diagnosis?.category.rawValue.lowercased() == v
                case "site": return (p.site ?? "").lowercased().contains(v)
                case "status": return p.status(on: today)?.status.rawValue.lowercased() == v
                default:
                    var hay = [p.id, p.identity?.mrn, p.identity?.family, p.identity?.given, p.site].compactMap { $0 }
                    for d in p.diagnoses { hay += [d.category.rawValue, d.who2022, d.icc2022, d.oncotree, d.icd10].compactMap { $0 } }
                    hay += p.variants.map(\.gene) + p.fusions.map(\.name)
                    return hay.contains { $0.lowercased().contains(v) }
                }
            }
            if !ok { return false }
        }
        return true
    }

    /// One row of `cases --json`.
    struct Row: Encodable {
        var id: String
        var sex: String
        var age: Int
        var site: String?
        var diagnosis: CaseCommand.DiagnosisJSON?
        var eln2022Risk: String?
        var germlineTestingRecommended: Bool
        var nextFollowUp: NextFollowUp?
        /// Open trials whose best open arm is eligible / possibly eligible (nil when no catalogue is in force).
        var eligibleTrials: Int?
        var possiblyEligibleTrials: Int?
        var status: String?
        /// formats.md: false when the ELN 2022 risk is provisional; nil (null) outside AML.
        var eln2022Complete: Bool? = nil
        struct NextFollowUp: Encodable { var due: LocalDate; var kind: String; var status: String }

        enum CodingKeys: String, CodingKey { case id, sex, age, site, diagnosis, eln2022Risk, germlineTestingRecommended, nextFollowUp, status, eligibleTrials, possiblyEligibleTrials, eln2022Complete }
        func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(id, forKey: .id); try c.encode(sex, forKey: .sex); try c.encode(age, forKey: .age)
            try c.encode(site, forKey: .site); try c.encode(diagnosis, forKey: .diagnosis); try c.encode(eln2022Risk, forKey: .eln2022Risk)
            try c.encode(germlineTestingRecommended, forKey: .germlineTestingRecommended)
            try c.encode(nextFollowUp, forKey: .nextFollowUp); try c.encode(status, forKey: .status)
            try c.encode(eligibleTrials, forKey: .eligibleTrials); try c.encode(possiblyEligibleTrials, forKey: .possiblyEligibleTrials)
            try c.encode(eln2022Complete, forKey: .eln2022Complete)
        }
    }

    /// One listing row. `tasks` are the patient's follow-ups with nurses' completions applied;
    /// `matcher` (when a catalogue is in force) gives the per-trial counts, unless `storedCounts` (from the
    /// stored results, brought up to date: patient id → counts, absent = none) gives them.
    static func row(_ p: Patient, today: LocalDate, tasks: [FollowUpTask], matcher: Matcher?,
                    storedCounts: [String: (eligible: Int, possiblyEligible: Int)]? = nil) -> Row {
        let i = Interpretation.interpret(p, today: today, followUps: false)
        let next = tasks.filter { $0.status != .done }.min { ($0.due, $0.kind) < ($1.due, $1.kind) }
        var eligible: Int?, possibly: Int?
        if matcher != nil, let storedCounts {
            let c = storedCounts[p.id]
            eligible = c?.eligible ?? 0; possibly = c?.possiblyEligible ?? 0
        } else if let matcher {
            let facts = PatientFacts(patient: p, interpretation: i, today: today)
            var e = 0, q = 0
            for t in matcher.trials.indices {
                switch matcher.trialVerdict(t, facts: facts) {
                case .eligible?: e += 1
                case .possiblyEligible?: q += 1
                default: break
                }
            }
            eligible = e; possibly = q
        }
        var row = Row(id: p.id, sex: p.sex.rawValue, age: p.age(on: today), site: p.site, diagnosis: p.diagnosis.map(CaseCommand.DiagnosisJSON.init),
                   eln2022Risk: i.eln2022?.risk.rawValue, germlineTestingRecommended: i.germline.testingRecommended,
                   nextFollowUp: next.map { Row.NextFollowUp(due: $0.due, kind: $0.kind, status: $0.status.rawValue) },
                   eligibleTrials: eligible, possiblyEligibleTrials: possibly, status: p.status(on: today)?.status.rawValue)
        row.eln2022Complete = i.eln2022?.complete
        return row
    }

    func run() throws {
        let filters = try Self.parseFilters(filter)
        let context = try CommandContext(global)
        let service = try WorkflowCLI.service(context, withCatalogue: false)
        let matcher = try WorkflowCLI.catalogueDirectory(context).map { Matcher.compile(try TrialsIO.catalogue(directory: $0)) }
        // Trial counts from the stored results on a writable database (brought up to date first; one SQL
        // aggregate), on the fly when read-only or when the stored results cannot be brought up to date.
        var storedCounts: [String: (eligible: Int, possiblyEligible: Int)]?
        if let matcher, StoredMatching.bringUpToDate(try context.database(), matcher: matcher, today: context.today, command: "cases") {
            do { storedCounts = try StoredMatching.candidateCounts(try context.database(), matcher: matcher) } catch {
                WorkflowCLI.warn("cases", "could not read the stored trial results (\(CLIError.classify(error).message)); computing on the fly.")
            }
        }
        let rows = try context.patients().filter { Self.matches($0, filters, today: context.today) }.map {
            Self.row($0, today: context.today, tasks: try service.tasks(for: $0), matcher: matcher, storedCounts: storedCounts)
        }
        if json {
            FileHandle.standardOutput.write(try CaseCommand.encodeJSON(rows))
            return
        }
        print(pad("ID", 12) + pad("SEX", 7) + pad("AGE", 5) + pad("DIAGNOSIS", 18) + pad("DX DATE", 12) + pad("ELN22", 13) + pad("GERMLINE", 9) + pad("TRIALS ✓/?", 11) + "NEXT FOLLOW-UP")
        for r in rows {
            let fu = r.nextFollowUp.map { "\($0.due) \($0.kind) (\($0.status))" } ?? "-"
            print(pad(r.id, 12) + pad(r.sex, 7) + pad(String(r.age), 5) + pad(r.diagnosis?.category ?? "-", 18)
                  + pad(r.diagnosis.map { "\($0.date)" } ?? "-", 12) + pad(r.eln2022Risk.map { $0 + (r.eln2022Complete == false ? "?" : "") } ?? "-", 13)
                  + pad(r.germlineTestingRecommended ? "test" : "-", 9)
                  + pad(r.eligibleTrials.map { "\($0)/\(r.possiblyEligibleTrials ?? 0)" } ?? "-", 11) + fu)
        }
        print("\(rows.count) case\(rows.count == 1 ? "" : "s")")
    }

    func pad(_ s: String, _ n: Int) -> String { s.count >= n ? s + " " : s + String(repeating: " ", count: n - s.count) }
}
