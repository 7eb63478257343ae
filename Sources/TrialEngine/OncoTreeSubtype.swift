import CaseModel

/// Issue 11 point 21: a diagnosis coded only at a generic OncoTree node (e.g. `MDS`, or the category's node when no
/// code is recorded) does not say which subtype below it the patient has, so a criterion on a subtype is `unknown`,
/// not `not met`, unless the WHO/ICC label or the blast counts decide it.
///
/// What decides, for the MDS subtypes (OncoTree MDSEB, MDSEB1/2 = MDS with excess blasts; the others below MDS are
/// low-blast types):
/// - WHO 2022 (Khoury et al., Leukemia 2022;36:1703, Table 3): "MDS with increased blasts" (MDS-IB1/IB2) and
///   "MDS with fibrosis" (MDS-f) have BM 5–19 % / PB 2–19 % blasts; "MDS with low blasts" (MDS-LB, MDS-5q,
///   MDS-SF3B1) have BM < 5 % and PB < 2 %.
/// - ICC 2022 (Arber et al., Blood 2022;140:1200, Table 10): "MDS with excess blasts" (MDS-EB, BM 5–9 % / PB 2–9 %)
///   and "MDS/AML" (10–19 %) have excess blasts; "MDS with mutated SF3B1", "MDS with del(5q)", "MDS, NOS without
///   dysplasia / with single lineage / with multilineage dysplasia" have BM < 5 % and PB < 2 %.
/// - Otherwise the blasts: BM ≥ 5 % or PB ≥ 2 % = excess; BM < 5 % and PB < 2 % (both recorded) = not excess;
///   anything less is undecided (PB ≥ 2 % alone defines MDS-EB1/IB1).
public enum OncoTreeSubtype {
    public static let excessBlastsCode = "MDSEB"

    static let excessLabels = ["increased blasts", "excess blasts", "mds-ib", "mds-eb", "mds/aml", "with fibrosis", "mds-f"]
    static let lowBlastLabels = ["low blasts", "mds-lb", "mds-sf3b1", "mutated sf3b1", "mds-5q", "with del(5q)", "nos without dysplasia",
                                 "single lineage dysplasia", "multilineage dysplasia"]

    /// Whether the MDS has excess blasts: from the label first (WHO 2022, then ICC 2022), then the blasts; nil when
    /// neither decides.
    public static func excessBlasts(_ d: Diagnosis?) -> Bool? {
        guard let d else { return nil }
        for label in [d.who2022, d.icc2022] {
            guard let l = label?.lowercased() else { continue }
            if excessLabels.contains(where: { l.contains($0) }) { return true }
            if lowBlastLabels.contains(where: { l.contains($0) }) { return false }
        }
        let bm = d.blastsBM, pb = d.blastsPB
        if let bm, bm >= 5 { return true }
        if let pb, pb >= 2 { return true }
        if let bm, let pb, bm < 5, pb < 2 { return false }
        return nil
    }

    /// The result of `oncotree [is-a] code` for a patient whose code `patientCode` lies strictly above `code`;
    /// nil when `code` is not strictly below `patientCode` (the ordinary comparison applies).
    public static func coarseResult(code: String, isA: Bool, patientCode: String, diagnosis: Diagnosis?) -> CriterionResult? {
        guard code != patientCode, OncoTree.isA(code, patientCode) else { return nil }
        guard code != "MDS", OncoTree.isA(code, "MDS"), let excess = excessBlasts(diagnosis) else { return .unknown }
        if OncoTree.isA(code, excessBlastsCode) {
            // Not excess: no code at or below MDSEB applies. Excess: the patient is MDSEB or below.
            if !excess { return .notMet }
            return code == excessBlastsCode && isA ? .met : .unknown
        }
        // The other MDS subtypes are low-blast types.
        return excess ? .notMet : .unknown
    }

    /// `coarseResult` as SQL over the newest diagnosis row `x` (1 met, 0 not met, NULL unknown), for a patient whose
    /// code lies strictly above `code` (RuleSQL, the SQL baseline of the benchmark).
    public static func coarseSQL(code: String, isA: Bool) -> String {
        guard code != "MDS", OncoTree.isA(code, "MDS") else { return "NULL" }
        func any(_ col: String, _ texts: [String]) -> String {
            "(" + texts.map { "instr(lower(coalesce(\(col), '')), '\($0.replacingOccurrences(of: "'", with: "''"))') > 0" }
                .joined(separator: " OR ") + ")"
        }
        let excess = "(CASE WHEN \(any("x.who2022", excessLabels)) THEN 1 WHEN \(any("x.who2022", lowBlastLabels)) THEN 0 "
            + "WHEN \(any("x.icc2022", excessLabels)) THEN 1 WHEN \(any("x.icc2022", lowBlastLabels)) THEN 0 "
            + "WHEN x.blastsBM >= 5 THEN 1 WHEN x.blastsPB >= 2 THEN 1 WHEN x.blastsBM < 5 AND x.blastsPB < 2 THEN 0 END)"
        if OncoTree.isA(code, excessBlastsCode) {
            return "(CASE \(excess) WHEN 0 THEN 0 WHEN 1 THEN \(code == excessBlastsCode && isA ? "1" : "NULL") END)"
        }
        return "(CASE \(excess) WHEN 1 THEN 0 END)"
    }

    /// The codes strictly above `code` (its ancestors).
    public static func strictAncestors(_ code: String) -> [String] {
        var out: [String] = []
        var cur = OncoTree.parent[code]
        while let c = cur, out.count < 16, !out.contains(c) { out.append(c); cur = OncoTree.parent[c] }
        return out
    }
}
