import CaseModel

/// MRD risk of adult Ph-negative ALL at the GRAALL time points [C] (clinical-next.md §2.1):
/// MRD1 = end of induction (~week 6), MRD2 = after the first consolidation (~week 12), named from the
/// therapy lines. MRD1 ≥ 10⁻⁴ is high risk (Beldjord et al., Blood 2014;123:3739); allogeneic
/// transplant indication when MRD1 ≥ 10⁻³ (Dhédin et al., Blood 2015;125:2486) or MRD2 ≥ 10⁻⁴
/// (GRAALL-2014, ASH 2023 abstract 962). Category `high` or `low` from MRD1.
///
/// MRD1 is the marrow (else blood) IG/TR or flow result closest to the start of the first
/// consolidation, dated after the induction start (≥ 21 days) and no later than 7 days into the
/// consolidation; without a recorded consolidation, 21–70 days after the induction start. MRD2 is the
/// result 14 days or more after the first consolidation start and before the next line (or 84 days).
/// A negative counts as < 10⁻⁴ only when its sensitivity is 10⁻⁴ or better. [U] windows: local convention.
public enum ALLMRDRisk {
    public static let scheme = "ALL-MRD"
    public static let version = "GRAALL (Beldjord 2014, Dhédin 2015)"
    public static let highRiskThreshold = 1e-4
    public static let transplantThreshold = 1e-3

    /// A result at a time point: the value (0 for an evaluable negative) or nil when it cannot be compared to `threshold`.
    static func level(_ m: MRDResult, threshold: Double) -> Double? {
        if m.detected { return m.value }
        guard let s = m.sensitivity, s <= threshold else { return nil }
        return 0
    }

    static func isALLMarker(_ m: MRDResult) -> Bool {
        m.marker == "IG/TR" || m.marker == "MFC" || m.method == .MFC || m.marker.hasPrefix("IG") || m.marker.hasPrefix("TR")
    }

    static func pick(_ results: [MRDResult], near target: LocalDate) -> MRDResult? {
        let bm = results.filter { $0.tissue == .bm }
        let pool = bm.isEmpty ? results : bm
        return pool.min { abs($0.date.days(until: target)) < abs($1.date.days(until: target)) }
    }

    static func describe(_ m: MRDResult) -> String {
        let v = m.detected ? (m.value.map { GeneticFindings.percentSignificant($0) } ?? "detected") : "undetected"
        let s = m.sensitivity.map { " (sensitivity \(GeneticFindings.percentSignificant($0)))" } ?? ""
        return "\(m.marker) \(m.method.rawValue) \(m.tissue.rawValue) \(DateText.iso(m.date)): \(v)\(s)"
    }

    static func assess(_ r: RiskInputs) -> SchemeRiskAssessment {
        let p = r.patient
        let therapies = p.therapies.sorted { $0.start < $1.start }
        let mrd = p.mrd.filter { isALLMarker($0) && $0.date <= r.today }
        guard let induction = therapies.first(where: { $0.intent == .induction }) else {
            return SchemeRiskAssessment(scheme: scheme, version: version, category: SchemeRiskAssessment.notEvaluable,
                                        complete: false, missing: ["induction therapy not recorded (time points are named from it)"],
                                        drivers: [], possible: ["low", "high"])
        }
        let consolidation = therapies.first { $0.intent == .consolidation && $0.start > induction.start }
        let mrd1Window: [MRDResult]
        let mrd1Target: LocalDate
        if let c = consolidation {
            mrd1Target = c.start
            mrd1Window = mrd.filter { $0.date >= induction.start.adding(days: 21) && $0.date <= c.start.adding(days: 7) }
        } else {
            mrd1Target = induction.start.adding(days: 42)
            mrd1Window = mrd.filter { $0.date >= induction.start.adding(days: 21) && $0.date <= induction.start.adding(days: 70) }
        }
        var drivers: [String] = []
        if p.fusions.contains(where: { $0.name == "BCR::ABL1" }) {
            drivers.append("Ph-positive: the GRAALL thresholds were defined for Ph-negative ALL")
        }
        var mrd2Level: Double?
        if let c = consolidation {
            let next = therapies.first { $0.start > c.start && $0.intent != .supportive }
            let end = next?.start ?? c.start.adding(days: 84)
            let w = mrd.filter { $0.date >= c.start.adding(days: 14) && $0.date < end }
            if let m2 = pick(w, near: c.start.adding(days: 42)) {
                mrd2Level = level(m2, threshold: highRiskThreshold)
                drivers.append("MRD2 (after first consolidation) " + describe(m2))
            }
        }
        guard let m1 = pick(mrd1Window, near: mrd1Target) else {
            return SchemeRiskAssessment(scheme: scheme, version: version, category: SchemeRiskAssessment.notEvaluable,
                                        complete: false, missing: ["MRD after induction (MRD1) not recorded"],
                                        drivers: drivers, possible: ["low", "high"])
        }
        drivers.insert("MRD1 (end of induction, \(induction.regimen)) " + describe(m1), at: 0)
        guard let l1 = level(m1, threshold: highRiskThreshold) else {
            return SchemeRiskAssessment(scheme: scheme, version: version, category: SchemeRiskAssessment.notEvaluable,
                                        complete: false, missing: ["MRD1 negative with a sensitivity worse than 10⁻⁴"],
                                        drivers: drivers, possible: ["low", "high"])
        }
        let high = l1 >= highRiskThreshold
        drivers.insert(high ? "MRD1 ≥ 10⁻⁴: high risk" : "MRD1 < 10⁻⁴", at: 0)
        if l1 >= transplantThreshold { drivers.append("allogeneic transplant indication: MRD1 ≥ 10⁻³") }
        else if let l2 = mrd2Level, l2 >= highRiskThreshold { drivers.append("allogeneic transplant indication: MRD2 ≥ 10⁻⁴") }
        else if mrd2Level == nil { drivers.append("transplant indication depends on MRD2 (not available)") }
        return SchemeRiskAssessment(scheme: scheme, version: version, category: high ? "high" : "low",
                                    score: m1.detected ? m1.value : 0, complete: true, missing: [], drivers: drivers)
    }

    public static func assess(_ p: Patient, today: LocalDate) -> SchemeRiskAssessment { assess(RiskInputs(p, today: today)) }
}
