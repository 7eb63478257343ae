import CaseModel

/// What the case list's Risk column shows for a case, and the order it sorts in: the one owner of both (the
/// column renders it, the list's "risk" sort and the stored sort key rank by it).
///
/// The column shows the ELN 2022 risk when the case has one (AML), else the group's headline score
/// (`RiskSchemes.headline`: `IPSS-R hi`, `ELTS low`, `T-ALL HR`, …), else nothing.
public enum CaseListRisk: Equatable, Sendable {
    /// The ELN 2022 risk (nil: none, shown as a dash); `complete` false when provisional (`fav?`).
    case eln(ELNRisk?, complete: Bool)
    /// The headline score of a non-AML group.
    case scheme(SchemeRiskAssessment)

    /// The choice the column makes: the ELN risk when there is one or when no scheme applies, else the headline score.
    public static func of(eln: ELNRisk?, elnComplete: Bool, risks: [SchemeRiskAssessment]) -> CaseListRisk {
        if eln == nil, let h = RiskSchemes.headline(risks) { return .scheme(h) }
        return .eln(eln, complete: elnComplete)
    }

    /// As the case list computes it: the interpretation's ELN 2022 risk and `RiskSchemes.assess` on `today`.
    public static func of(_ patient: Patient, interpretation: Interpretation, today: LocalDate) -> CaseListRisk {
        of(eln: interpretation.eln2022?.risk, elnComplete: interpretation.eln2022?.complete ?? true,
           risks: RiskSchemes.assess(patient, today: today))
    }

    /// Ranks on the scale every ladder is spread over: 0 (lowest category) … `decidedMax` (highest).
    public static let decidedMax = 1000
    /// A score whose data do not decide a category (`IPSS-R ?`), or a category outside its scheme's ladder.
    public static let undecidedRank = 1001
    /// Nothing shown (no ELN risk and no score).
    public static let noneRank = 1002

    /// The sort rank, lowest risk first: the category's position on its scheme's ladder (`RiskSchemes.categories`;
    /// ELN: favourable, intermediate, adverse) spread over 0…1000, so that the lowest category of every ladder ranks 0
    /// and the highest 1000 (the column's colours follow the same ends); undecided scores after every decided one,
    /// cases without a risk last. A provisional value ranks with its category.
    public var rank: Int {
        switch self {
        case .eln(let r?, _):
            let ladder: [ELNRisk] = [.favorable, .intermediate, .adverse]
            return CaseListRisk.spread(ladder.firstIndex(of: r) ?? 0, of: ladder.count)
        case .eln(nil, _):
            return CaseListRisk.noneRank
        case .scheme(let a):
            guard a.isDecided, let ladder = RiskSchemes.categories[a.scheme], let i = ladder.firstIndex(of: a.category) else {
                return CaseListRisk.undecidedRank
            }
            return CaseListRisk.spread(i, of: ladder.count)
        }
    }

    /// Position `i` of a ladder of `n` categories on 0…1000.
    static func spread(_ i: Int, of n: Int) -> Int { n <= 1 ? 0 : i * decidedMax / (n - 1) }

}
