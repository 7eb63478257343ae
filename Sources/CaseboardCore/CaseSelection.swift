import CaseModel
import ClinicalRules
import CohortOutcomes
import Foundation

/// The case query of `cases --filter KEY=VALUE …` (README: the filter keys): parsed once, matched per case.
/// Different keys must all match; a repeated key matches any of its values; case-insensitive. Free text (`q`)
/// is `CaseSearch`, the same rule as `/` in the terminal UI's case list.
public struct CaseSelection: Sendable {

    public static let keys = ["group", "category", "site", "status", "q", "risk"]
    /// key → accepted values (lower-cased)
    public private(set) var filters: [String: [String]] = [:]
    /// `--where EXPR`: a criteria-language cohort query; a case is listed only when it is `met`.
    public private(set) var cohort: CohortSelection?
    public private(set) var cohortText: String?

    public init() {}

    /// Adds a `--where` cohort query (a user error naming the parse problem otherwise).
    public mutating func restrict(where text: String) throws {
        do { cohort = try CohortSelection(text) } catch { throw CoreError.user("--where: \(error)") }
        cohortText = text
    }

    /// The cohort query's result for a case (nil without one): `met` lists it; `unknown` (data missing) is neither
    /// listed nor not met, and the caller says how many.
    public func cohortResult(_ p: Patient, today: LocalDate) -> CriterionResult? { cohort?.result(p, today: today) }

    /// Parses `KEY=VALUE` strings; a user error naming the filter otherwise.
    public init(parsing raw: [String]) throws {
        for f in raw {
            guard let eq = f.firstIndex(of: "=") else {
                throw CoreError.user("--filter \(f): expected KEY=VALUE with KEY one of \(Self.keys.joined(separator: ", "))")
            }
            let key = String(f[..<eq]).lowercased(), value = String(f[f.index(after: eq)...]).lowercased()
            guard Self.keys.contains(key) else {
                throw CoreError.user("--filter \(f): unknown key \"\(key)\" (keys: \(Self.keys.joined(separator: ", ")))")
            }
            if key == "group", !PathologyGroup.allCases.contains(where: { $0.rawValue.lowercased() == value }) {
                throw CoreError.user("--filter \(f): unknown group (groups: \(PathologyGroup.allCases.map(\.rawValue).joined(separator: ", ")))")
            }
            if key == "risk", case .failure(let e) = RiskFilter.parse(value) { throw CoreError.user("--filter \(f): \(e.message)") }
            filters[key, default: []].append(key == "q" ? CaseSearch.needle(value) : value)
        }
    }

    public func matches(_ p: Patient, today: LocalDate) -> Bool {
        for (key, values) in filters {
            let ok = values.contains { v in
                switch key {
                case "group": return p.diagnosis?.category.group.rawValue.lowercased() == v
                case "category": return p.diagnosis?.category.rawValue.lowercased() == v
                case "site": return (p.site ?? "").lowercased().contains(v)
                case "status": return p.status(on: today)?.status.rawValue.lowercased() == v
                case "risk":
                    guard case .success(let rf) = RiskFilter.parse(v) else { return false }
                    return rf.matches(RiskSchemes.assess(p, today: today))
                default: return CaseSearch.matches(CaseSearch.clinicalTerms(of: p) + CaseSearch.identityTerms(of: p), needle: v)
                }
            }
            if !ok { return false }
        }
        return true
    }
}
