import Foundation

/// Reads ClinicalTrials.gov API v2 JSON: one study (`{"protocolSection": …}`) or a search page
/// (`{"studies": […], "totalCount": N, "nextPageToken": "…"}`). Sections other than `protocolSection`
/// (results, derived data) are ignored. Every type problem is collected with its JSON path.
struct CTGovJSONReader {
    let file: String
    var problems: [InteropProblem] = []
    var warnings: [String] = []

    init(file: String) { self.file = file }

    mutating func read(_ data: Data) -> [CTGovStudy] {
        let root: Any
        do { root = try JSONSerialization.jsonObject(with: data) } catch {
            problems.append(InteropProblem(file: file, location: nil, message: "invalid JSON: \(JSONLocation.describe(error, data: data))"))
            return []
        }
        guard let obj = root as? [String: Any] else {
            problems.append(InteropProblem(file: file, location: "$", message: "expected a study object or a search page, found \(JSONLocation.kind(root))"))
            return []
        }
        if let studies = obj["studies"] {
            guard let list = studies as? [Any] else {
                problems.append(InteropProblem(file: file, location: "$.studies", message: "expected a list of studies, found \(JSONLocation.kind(studies))"))
                return []
            }
            if let token = obj["nextPageToken"] as? String, !token.isEmpty {
                let total = (obj["totalCount"] as? NSNumber).map { " of \($0.intValue)" } ?? ""
                warnings.append("\(file): a search page (\(list.count) studies\(total)); the next page (nextPageToken \(token)) is not in this file")
            }
            var out: [CTGovStudy] = []
            for (i, s) in list.enumerated() {
                let path = "$.studies[\(i)]"
                guard let so = s as? [String: Any] else {
                    problems.append(InteropProblem(file: file, location: path, message: "expected a study object, found \(JSONLocation.kind(s))"))
                    continue
                }
                if let st = study(so, path: path) { out.append(st) }
            }
            if list.isEmpty { problems.append(InteropProblem(file: file, location: "$.studies", message: "the search page holds no study")) }
            return out
        }
        guard obj["protocolSection"] != nil else {
            problems.append(InteropProblem(file: file, location: "$", message: "neither a study (protocolSection) nor a search page (studies)"))
            return []
        }
        return study(obj, path: "$").map { [$0] } ?? []
    }

    // MARK: typed access, each mismatch a located problem

    mutating func object(_ o: [String: Any], _ key: String, _ path: String) -> [String: Any]? {
        guard let v = o[key], !(v is NSNull) else { return nil }
        guard let m = v as? [String: Any] else {
            problems.append(InteropProblem(file: file, location: "\(path).\(key)", message: "expected an object, found \(JSONLocation.kind(v))"))
            return nil
        }
        return m
    }

    mutating func string(_ o: [String: Any]?, _ key: String, _ path: String) -> String? {
        guard let o, let v = o[key], !(v is NSNull) else { return nil }
        guard let s = v as? String else {
            problems.append(InteropProblem(file: file, location: "\(path).\(key)", message: "expected a string, found \(JSONLocation.kind(v))"))
            return nil
        }
        return s
    }

    mutating func strings(_ o: [String: Any]?, _ key: String, _ path: String) -> [String]? {
        guard let o, let v = o[key], !(v is NSNull) else { return nil }
        guard let a = v as? [Any] else {
            problems.append(InteropProblem(file: file, location: "\(path).\(key)", message: "expected a list of strings, found \(JSONLocation.kind(v))"))
            return nil
        }
        var out: [String] = []
        for (i, x) in a.enumerated() {
            if let s = x as? String { out.append(s) } else {
                problems.append(InteropProblem(file: file, location: "\(path).\(key)[\(i)]", message: "expected a string, found \(JSONLocation.kind(x))"))
            }
        }
        return out
    }

    mutating func study(_ s: [String: Any], path: String) -> CTGovStudy? {
        let before = problems.count
        let pp = "\(path).protocolSection"
        guard let ps = object(s, "protocolSection", path) else {
            if s["protocolSection"] == nil { problems.append(InteropProblem(file: file, location: pp, message: "missing")) }
            return nil
        }
        let idp = "\(pp).identificationModule"
        let ident = object(ps, "identificationModule", pp)
        let nct = string(ident, "nctId", idp)
        if ident == nil, ps["identificationModule"] == nil { problems.append(InteropProblem(file: file, location: idp, message: "missing")) }
        else if nct == nil, ident?["nctId"] == nil { problems.append(InteropProblem(file: file, location: "\(idp).nctId", message: "missing")) }
        if let n = nct, !CTGovImporter.isNCT(n) {
            problems.append(InteropProblem(file: file, location: "\(idp).nctId", message: "'\(n)' is not an NCT number (NCT followed by 8 digits)"))
        }
        let title = string(ident, "briefTitle", idp) ?? string(ident, "officialTitle", idp)
        let acronym = string(ident, "acronym", idp)
        let statusM = object(ps, "statusModule", pp)
        let status = string(statusM, "overallStatus", "\(pp).statusModule")
        let sponsorM = object(ps, "sponsorCollaboratorsModule", pp)
        let lead = sponsorM.flatMap { object($0, "leadSponsor", "\(pp).sponsorCollaboratorsModule") }
        let sponsor = string(lead, "name", "\(pp).sponsorCollaboratorsModule.leadSponsor")
        let design = object(ps, "designModule", pp)
        let phases = string(design, "phase", "\(pp).designModule").map { [$0] } ?? strings(design, "phases", "\(pp).designModule")
        let conds = strings(object(ps, "conditionsModule", pp), "conditions", "\(pp).conditionsModule") ?? []
        var arms: [CTGovStudy.Arm]?
        let aip = "\(pp).armsInterventionsModule"
        if let ai = object(ps, "armsInterventionsModule", pp), let groups = ai["armGroups"] {
            if let list = groups as? [Any] {
                var out: [CTGovStudy.Arm] = []
                for (i, g) in list.enumerated() {
                    let gp = "\(aip).armGroups[\(i)]"
                    guard let go = g as? [String: Any] else {
                        problems.append(InteropProblem(file: file, location: gp, message: "expected an arm group object, found \(JSONLocation.kind(g))")); continue
                    }
                    guard let label = string(go, "label", gp), !label.trimmingCharacters(in: .whitespaces).isEmpty else {
                        if go["label"] == nil { problems.append(InteropProblem(file: file, location: "\(gp).label", message: "missing")) }
                        continue
                    }
                    out.append(CTGovStudy.Arm(label: label, type: string(go, "type", gp), interventions: strings(go, "interventionNames", gp) ?? []))
                }
                arms = out.isEmpty ? nil : out
            } else {
                problems.append(InteropProblem(file: file, location: "\(aip).armGroups", message: "expected a list, found \(JSONLocation.kind(groups))"))
            }
        }
        let ep = "\(pp).eligibilityModule"
        let elig = object(ps, "eligibilityModule", pp)
        let criteria = string(elig, "eligibilityCriteria", ep)
        let sex = string(elig, "sex", ep)
        if let x = sex, !["ALL", "FEMALE", "MALE"].contains(x) {
            problems.append(InteropProblem(file: file, location: "\(ep).sex", message: "unknown sex '\(x)' (ALL, FEMALE, MALE)"))
        }
        let minA = string(elig, "minimumAge", ep), maxA = string(elig, "maximumAge", ep)
        for (k, v) in [("minimumAge", minA), ("maximumAge", maxA)] {
            if let v, CTGovImporter.ageYears(v) == nil {
                problems.append(InteropProblem(file: file, location: "\(ep).\(k)", message: "cannot read the age '\(v)' (a number and Years, Months, Weeks, Days or Hours)"))
            }
        }
        guard problems.count == before, let nct else { return nil }
        return CTGovStudy(nctID: nct, title: title ?? nct, acronym: acronym, sponsor: sponsor, status: status, phases: phases,
                          conditions: conds, arms: arms, hasEligibility: elig != nil, criteriaText: criteria, sex: sex,
                          minimumAge: minA, maximumAge: maxA, location: path)
    }
}
