import CaseModel
import Foundation

/// Converts ClinicalTrials.gov records — API v2 JSON (a study or a search page) or the classic XML — into trial
/// files of the catalogue (demo-db/trials/README.md). Only age and sex are structured in a registration, so they
/// become machine rules; every inclusion and exclusion item of the criteria text becomes its own criterion with
/// the protocol's wording and an `unmapped` rule (always unknown) for the coordinator to write. A trial whose
/// criteria are all unmapped is therefore never "eligible" for anyone.
public enum CTGovImporter {
    public struct Result: Sendable {
        public var id: String
        public var fileName: String
        public var yaml: String
        public var warnings: [String]
        /// Items of the criteria text, per list (the age and sex rules are not counted here).
        public var inclusionItems: [String]
        public var exclusionItems: [String]
    }

    /// Reads one file's bytes (JSON or XML, told from the first character) and converts every study in it.
    /// Throws `InteropFailure` with every located problem; nothing is returned then.
    public static func importData(_ data: Data, file: String) throws -> [Result] {
        let first = data.first { !($0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 || $0 == 0xEF || $0 == 0xBB || $0 == 0xBF) }
        var studies: [CTGovStudy] = []
        var warnings: [String] = []
        switch first {
        case UInt8(ascii: "<"):
            var r = CTGovXMLReader(file: file)
            studies = r.read(data)
            if !r.problems.isEmpty { throw InteropFailure(r.problems) }
        case UInt8(ascii: "{"), UInt8(ascii: "["):
            var r = CTGovJSONReader(file: file)
            studies = r.read(data)
            warnings = r.warnings
            if !r.problems.isEmpty { throw InteropFailure(r.problems) }
        default:
            throw InteropFailure([InteropProblem(file: file, location: nil, message: "neither ClinicalTrials.gov JSON nor XML (the file must start with '{' or '<')")])
        }
        var results = studies.map { convert($0, file: file) }
        if !results.isEmpty { results[0].warnings = warnings + results[0].warnings }
        return results
    }

    static func isNCT(_ s: String) -> Bool { s.range(of: #"^NCT\d{8}$"#, options: .regularExpression) != nil }

    /// `"18 Years"` → 18; `"6 Months"` → 0.5; nil when unreadable.
    static func ageYears(_ s: String) -> Double? {
        let parts = s.trimmingCharacters(in: .whitespaces).split(separator: " ")
        guard parts.count == 2, let n = Double(parts[0]), n >= 0 else { return nil }
        switch parts[1].lowercased() {
        case "year", "years": return n
        case "month", "months": return n / 12
        case "week", "weeks": return n * 7 / 365.25
        case "day", "days": return n / 365.25
        case "hour", "hours", "minute", "minutes": return 0
        default: return nil
        }
    }

    /// API v2 status → trial status (unknown statuses are closed: never offered for screening).
    static func status(_ s: String?, warnings: inout [String], id: String) -> TrialStatus {
        switch s {
        case "RECRUITING", "ENROLLING_BY_INVITATION", "AVAILABLE": return .open
        case "NOT_YET_RECRUITING": return .notYetOpen
        case "SUSPENDED", "TEMPORARILY_NOT_AVAILABLE": return .suspended
        case "ACTIVE_NOT_RECRUITING", "COMPLETED", "TERMINATED", "WITHDRAWN", "NO_LONGER_AVAILABLE", "APPROVED_FOR_MARKETING", "WITHHELD":
            return .closed
        case nil:
            warnings.append("\(id): no overall status in the record; imported as closed")
            return .closed
        case let x?:
            warnings.append("\(id): overall status '\(x)' is not known; imported as closed")
            return .closed
        }
    }

    /// `["PHASE1","PHASE2"]` → `1/2`; `["NA"]` → `N/A`; `EARLY_PHASE1` → `early 1`.
    static func phase(_ p: [String]?, warnings: inout [String], id: String) -> String {
        guard let p, !p.isEmpty else { warnings.append("\(id): no phase in the record; phase 'unknown'"); return "unknown" }
        return p.map { x -> String in
            if x == "NA" { return "N/A" }
            if x.hasPrefix("EARLY_PHASE") { return "early " + x.dropFirst("EARLY_PHASE".count) }
            if x.hasPrefix("PHASE") { return String(x.dropFirst("PHASE".count)) }
            return x.lowercased()
        }.joined(separator: "/")
    }

    /// Conditions → pathology groups (case-insensitive keywords); a condition of no group is named in a warning.
    static let groupKeywords: [(String, [PathologyGroup])] = [
        ("acute myeloid", [.aml]), ("aml", [.aml]), ("promyelocytic", [.aml]), ("myeloid sarcoma", [.aml]),
        ("lymphoblastic", [.all]), ("b-all", [.all]), ("t-all", [.all]), ("mixed phenotype", [.all, .aml]),
        ("acute leukemia", [.aml, .all]), ("acute leukaemia", [.aml, .all]),
        ("myelodysplastic", [.mds]), ("mds", [.mds]), ("myelomonocytic", [.mds]),
        ("chronic myeloid", [.mpn]), ("chronic myelogenous", [.mpn]), ("cml", [.mpn]), ("myeloproliferative", [.mpn]),
        ("polycythemia", [.mpn]), ("thrombocythemia", [.mpn]), ("myelofibrosis", [.mpn]),
        ("aplastic", [.bmf]), ("paroxysmal nocturnal", [.bmf]), ("bone marrow failure", [.bmf]), ("fanconi", [.bmf]),
        ("diamond-blackfan", [.bmf]), ("dyskeratosis", [.bmf]),
        ("germline predisposition", [.germline]), ("familial", [.germline]),
    ]

    static func groups(_ conditions: [String], warnings: inout [String], id: String) -> [PathologyGroup] {
        var out: [PathologyGroup] = []
        for c in conditions {
            let l = " " + c.lowercased().replacingOccurrences(of: ",", with: " ") + " "
            let hits = groupKeywords.filter { k, _ in
                k.count <= 5 ? l.contains(" \(k) ") : l.contains(k)
            }.flatMap(\.1)
            if hits.isEmpty { warnings.append("\(id): condition '\(c)' maps to no pathology group") }
            for g in hits where !out.contains(g) { out.append(g) }
        }
        return PathologyGroup.allCases.filter(out.contains)
    }

    struct Criterion { var text: String; var rule: String }

    static func convert(_ s: CTGovStudy, file: String) -> Result {
        var warnings: [String] = []
        let id = s.nctID
        let status = status(s.status, warnings: &warnings, id: id)
        let phase = phase(s.phases, warnings: &warnings, id: id)
        let groups = groups(s.conditions, warnings: &warnings, id: id)
        var inclusion: [Criterion] = []
        var exclusion: [Criterion] = []
        // Age and sex: the registry's structured eligibility.
        if s.hasEligibility {
            inclusion += ageCriteria(s, warnings: &warnings)
            switch s.sex {
            case "ALL": inclusion.append(Criterion(text: "Sex: all (registry)", rule: "sex female, male, other"))
            case "FEMALE": inclusion.append(Criterion(text: "Sex: female (registry)", rule: "sex female"))
            case "MALE": inclusion.append(Criterion(text: "Sex: male (registry)", rule: "sex male"))
            default:
                warnings.append("\(id): no sex eligibility in the record; criterion left unknown")
                inclusion.append(Criterion(text: "Sex eligibility not given in the registry record", rule: #"unmapped "sex eligibility not given""#))
            }
        } else {
            warnings.append("\(id): no eligibility module in the record; age, sex and criteria left unknown")
            inclusion.append(Criterion(text: "Eligibility (age, sex, criteria) not given in the registry record", rule: #"unmapped "eligibility not given""#))
        }
        var incItems: [String] = [], excItems: [String] = [], notes: [String] = []
        if let text = s.criteriaText, !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            let split = CriteriaTextSplitter(text)
            incItems = split.inclusion; excItems = split.exclusion; notes = split.outside
            if !split.headingFound {
                warnings.append("\(id): criteria text without an 'Inclusion Criteria:' / 'Exclusion Criteria:' heading; every item taken as an inclusion")
                if incItems.isEmpty { incItems = [CriteriaTextSplitter.clean(text)]; notes = [] }
            }
            if !notes.isEmpty { warnings.append("\(id): \(notes.count) paragraph\(notes.count == 1 ? "" : "s") of the criteria text in neither list kept as notes") }
        } else if s.hasEligibility {
            warnings.append("\(id): no eligibility criteria text in the record; criteria left unknown")
            inclusion.append(Criterion(text: "Eligibility criteria not given in the registry record", rule: #"unmapped "eligibility criteria not given""#))
        }
        for (i, t) in incItems.enumerated() { inclusion.append(Criterion(text: t, rule: "unmapped \"inclusion item \(i + 1) of the registry text\"")) }
        for (i, t) in excItems.enumerated() { exclusion.append(Criterion(text: t, rule: "unmapped \"exclusion item \(i + 1) of the registry text\"")) }
        if !incItems.isEmpty || !excItems.isEmpty {
            warnings.append("\(id): \(incItems.count) inclusion and \(excItems.count) exclusion items imported as unmapped criteria (always unknown): write their rules")
        }
        var armLines: [(id: String, name: String)] = []
        if let arms = s.arms {
            var seen = Set<String>()
            for a in arms {
                var base = String(a.label.lowercased().map { $0.isLetter || $0.isNumber ? $0 : "-" })
                while base.contains("--") { base = base.replacingOccurrences(of: "--", with: "-") }
                base = base.trimmingCharacters(in: CharacterSet(charactersIn: "-"))
                if base.isEmpty { base = "arm" }
                var aid = base, k = 2
                while seen.contains(aid) { aid = "\(base)-\(k)"; k += 1 }
                seen.insert(aid)
                let extra = a.interventions.isEmpty ? (a.type.map { " (\($0.lowercased().replacingOccurrences(of: "_", with: " ")))" } ?? "") : " — " + a.interventions.joined(separator: ", ")
                armLines.append((aid, a.label + extra))
            }
        } else {
            warnings.append("\(id): no arm groups in the record; one arm 'main'")
        }
        var l: [String] = ["# Imported from ClinicalTrials.gov (\(URL(fileURLWithPath: file).lastPathComponent)) by caseboard trials import-ctgov.",
                           "id: \(yaml(id))", "nct: \(yaml(id))", "title: \(yaml(s.acronym.map { "\($0): \(s.title)" } ?? s.title))",
                           "phase: \(yaml(phase))"]
        if let sp = s.sponsor { l.append("sponsor: \(yaml(sp))") }
        l.append("status: \(status.rawValue)")
        l.append("groups: [\(groups.map(\.rawValue).joined(separator: ", "))]")
        l.append("source: \(yaml("ClinicalTrials.gov \(id), overall status \(s.status ?? "not given")"))")
        if !notes.isEmpty { l.append("notes: \(yaml(notes.joined(separator: " ")))") }
        func list(_ key: String, _ cs: [Criterion]) {
            guard !cs.isEmpty else { return }
            l.append("\(key):")
            for c in cs { l.append("  - text: \(yaml(c.text))"); l.append("    rule: \(yaml(c.rule))") }
        }
        list("inclusion", inclusion)
        list("exclusion", exclusion)
        if !armLines.isEmpty {
            l.append("arms:")
            for a in armLines { l.append("  - id: \(yaml(a.id))"); l.append("    name: \(yaml(a.name))") }
        }
        return Result(id: id, fileName: id + ".yaml", yaml: l.joined(separator: "\n") + "\n", warnings: warnings,
                      inclusionItems: incItems, exclusionItems: excItems)
    }

    /// Age limits in whole years become `age` rules; a limit finer than a year (months, weeks, days) cannot be
    /// written in whole years without guessing, so it becomes an unmapped criterion with a warning.
    static func ageCriteria(_ s: CTGovStudy, warnings: inout [String]) -> [Criterion] {
        func whole(_ t: String?) -> Int?? {
            guard let t else { return .some(nil) }
            guard let y = ageYears(t), y == y.rounded() else { return nil }
            return .some(Int(y))
        }
        let lo = whole(s.minimumAge), hi = whole(s.maximumAge)
        let label = "Age " + [s.minimumAge.map { "from \($0)" }, s.maximumAge.map { "up to \($0)" }].compactMap { $0 }.joined(separator: " ") + " (registry)"
        switch (lo, hi) {
        case (.some(nil), .some(nil)): return []
        case (.some(let a?), .some(let b?)): return [Criterion(text: label, rule: "age in \(a)..\(b)")]
        case (.some(let a?), .some(nil)): return [Criterion(text: label, rule: "age >= \(a)")]
        case (.some(nil), .some(let b?)): return [Criterion(text: label, rule: "age <= \(b)")]
        default:
            warnings.append("\(s.nctID): age limit \(label) is finer than whole years; criterion left unknown")
            return [Criterion(text: label, rule: #"unmapped "age limit finer than whole years""#)]
        }
    }

    /// A YAML double-quoted scalar.
    static func yaml(_ s: String) -> String {
        var out = "\""
        for u in s.unicodeScalars {
            switch u {
            case "\\": out += "\\\\"
            case "\"": out += "\\\""
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            case "\r": out += "\\r"
            default:
                if u.value < 0x20 { out += String(format: "\\x%02X", u.value) } else { out.unicodeScalars.append(u) }
            }
        }
        return out + "\""
    }
}
