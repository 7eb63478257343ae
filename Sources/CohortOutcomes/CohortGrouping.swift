import CaseModel
import ClinicalRules

/// The `--by` keys of `caseboard outcomes`: how patients are split into curves.
public enum CohortGrouping: String, Sendable, CaseIterable {
    case eln2022, eln2024, group, category, site, sex
    case ageBand = "age-band"
    /// The trial and arm the patient was enrolled in (the pre-screening log's `enrolled` entries, `TrialEnrolment`).
    case trialArm = "trial-arm"

    /// Age bands at diagnosis.
    public static let ageBands: [(label: String, range: Range<Int>)] = [
        ("<40", 0..<40), ("40-59", 40..<60), ("60-69", 60..<70), (">=70", 70..<200),
    ]

    /// The patient's group, or the reason there is none (the patient is then excluded and listed).
    public func group(of p: Patient, interpretation i: Interpretation) -> Result<String, Missing> {
        switch self {
        case .eln2022:
            guard let r = i.eln2022 else { return .failure(Missing("no ELN 2022 risk (\(p.diagnosis?.category.rawValue ?? "no diagnosis"), not AML)")) }
            return .success(r.risk.rawValue)
        case .eln2024:
            guard let r = i.eln2024LessIntensive else { return .failure(Missing("no ELN 2024 less-intensive risk")) }
            return .success(r.risk.rawValue)
        case .group:
            guard let d = p.diagnosis else { return .failure(Missing("no diagnosis")) }
            return .success(d.category.group.rawValue)
        case .category:
            guard let d = p.diagnosis else { return .failure(Missing("no diagnosis")) }
            return .success(d.category.rawValue)
        case .site:
            guard let s = p.site, !s.isEmpty else { return .failure(Missing("no site recorded")) }
            return .success(s)
        case .sex:
            return p.sex == .unknown ? .failure(Missing("sex not recorded")) : .success(p.sex.rawValue)
        case .ageBand:
            guard let d = p.diagnosis else { return .failure(Missing("no diagnosis")) }
            guard let birth = p.birthDate else { return .failure(Missing("birth date not recorded")) }
            let age = birth.age(on: d.date)
            return .success(Self.ageBands.first { $0.range.contains(age) }?.label ?? ">=70")
        case .trialArm:
            return .failure(Missing("not enrolled in a trial (no enrolled entry in the screening log)"))
        }
    }

    /// The order of the curves (the first is the Cox reference).
    public func order(_ names: [String]) -> [String] {
        let fixed: [String]
        switch self {
        case .eln2022, .eln2024: fixed = ELNRisk.allCases.map(\.rawValue)
        case .ageBand: fixed = Self.ageBands.map(\.label)
        default: fixed = []
        }
        let known = fixed.filter(names.contains)
        return known + names.filter { !fixed.contains($0) }.sorted()
    }

    public struct Missing: Error, Equatable, Sendable {
        public var reason: String
        public init(_ reason: String) { self.reason = reason }
    }
}
