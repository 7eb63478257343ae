import Foundation

/// Reads a ClinicalTrials.gov classic XML record (`<clinical_study>`), as published before API v2 and in AACT
/// exports, into the same study value as the JSON reader. Statuses (`Active, not recruiting`), phases
/// (`Phase 1/Phase 2`), gender and ages (`N/A` = no limit) are normalised to the API v2 spelling.
struct CTGovXMLReader {
    let file: String
    var problems: [InteropProblem] = []

    init(file: String) { self.file = file }

    mutating func read(_ data: Data) -> [CTGovStudy] {
        let root: XMLElementNode
        do { root = try XMLTree.parse(data) } catch let e as XMLTreeError {
            problems.append(InteropProblem(file: file, location: "line \(e.line)", message: "invalid XML: \(e.message)")); return []
        } catch {
            problems.append(InteropProblem(file: file, location: nil, message: "invalid XML: \(error)")); return []
        }
        guard root.name == "clinical_study" else {
            problems.append(InteropProblem(file: file, location: "line \(root.line)", message: "expected a <clinical_study> record, found <\(root.name)>"))
            return []
        }
        let before = problems.count
        let nct = root.value("id_info/nct_id")
        if nct == nil { problems.append(InteropProblem(file: file, location: "clinical_study/id_info/nct_id", message: "missing")) }
        if let n = nct, !CTGovImporter.isNCT(n) {
            problems.append(InteropProblem(file: file, location: "line \(root.at("id_info/nct_id")?.line ?? root.line)", message: "'\(n)' is not an NCT number (NCT followed by 8 digits)"))
        }
        let status = root.value("overall_status").map(CTGovXMLReader.normaliseStatus)
        let phases = root.value("phase").map(CTGovXMLReader.phases)
        let arms = root.all("arm_group").compactMap { g -> CTGovStudy.Arm? in
            guard let label = g.value("arm_group_label") else { return nil }
            let interventions = root.all("intervention").filter { iv in iv.all("arm_group_label").contains { $0.text.trimmingCharacters(in: .whitespacesAndNewlines) == label } }
                .compactMap { iv -> String? in
                    guard let n = iv.value("intervention_name") else { return nil }
                    return iv.value("intervention_type").map { "\($0): \(n)" } ?? n
                }
            return CTGovStudy.Arm(label: label, type: g.value("arm_group_type"), interventions: interventions)
        }
        let elig = root.child("eligibility")
        var sex: String?
        if let g = elig?.value("gender") {
            switch g.lowercased() {
            case "all", "both": sex = "ALL"
            case "female": sex = "FEMALE"
            case "male": sex = "MALE"
            default: problems.append(InteropProblem(file: file, location: "line \(elig?.child("gender")?.line ?? root.line)", message: "unknown gender '\(g)' (All, Female, Male)"))
            }
        }
        func age(_ key: String) -> String? {
            guard let v = elig?.value(key), v.uppercased() != "N/A" else { return nil }
            if CTGovImporter.ageYears(v) == nil {
                problems.append(InteropProblem(file: file, location: "line \(elig?.child(key)?.line ?? root.line)", message: "cannot read the age '\(v)' (a number and Years, Months, Weeks, Days or Hours, or N/A)"))
            }
            return v
        }
        let minA = age("minimum_age"), maxA = age("maximum_age")
        guard problems.count == before, let nct else { return [] }
        return [CTGovStudy(nctID: nct, title: root.value("brief_title") ?? root.value("official_title") ?? nct, acronym: root.value("acronym"),
                           sponsor: root.value("sponsors/lead_sponsor/agency"), status: status, phases: phases,
                           conditions: root.all("condition").map { $0.text.trimmingCharacters(in: .whitespacesAndNewlines) }.filter { !$0.isEmpty },
                           arms: arms.isEmpty ? nil : arms, hasEligibility: elig != nil,
                           criteriaText: elig?.value("criteria/textblock"), sex: sex, minimumAge: minA, maximumAge: maxA, location: "clinical_study")]
    }

    /// `Active, not recruiting` → `ACTIVE_NOT_RECRUITING`.
    static func normaliseStatus(_ s: String) -> String {
        s.uppercased().replacingOccurrences(of: ",", with: "").split(whereSeparator: { $0 == " " || $0 == "-" }).joined(separator: "_")
    }

    /// `Phase 1/Phase 2` → `["PHASE1","PHASE2"]`, `Early Phase 1` → `["EARLY_PHASE1"]`, `N/A` → `["NA"]`.
    static func phases(_ s: String) -> [String] {
        if s.uppercased() == "N/A" { return ["NA"] }
        return s.split(separator: "/").map { part in
            let p = part.trimmingCharacters(in: .whitespaces).uppercased()
            if p.hasPrefix("EARLY PHASE") { return "EARLY_PHASE" + p.dropFirst("EARLY PHASE".count).trimmingCharacters(in: .whitespaces) }
            return p.replacingOccurrences(of: " ", with: "")
        }
    }
}
