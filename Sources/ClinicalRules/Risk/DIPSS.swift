import CaseModel

/// Dynamic International Prognostic Scoring System for primary myelofibrosis (Passamonti et al.,
/// Blood 2010;115:1703) [C]; used for post-PV/post-ET myelofibrosis by the same boards [K].
/// Points: age > 65 years 1; haemoglobin < 10 g/dL 2; WBC > 25 ×10⁹/L 1; peripheral blasts ≥ 1 % 1;
/// constitutional symptoms 1. Categories: low 0; intermediate-1 1–2; intermediate-2 3–4; high 5–6.
/// Dynamic: applicable at any time, so the latest values on or before today are used.
public enum DIPSS {
    public static let scheme = "DIPSS"
    public static let version = "Passamonti 2010"
    public static let ladder = CategoryLadder(names: ["low", "intermediate-1", "intermediate-2", "high"],
                                              bounds: [0, 2, 4], strictUpper: false)

    /// `age`: nil when the birth date is not recorded (its point is then a missing input).
    public static func assess(age: Int?, haemoglobin: Double?, wbc: Double?, peripheralBlasts: Double?,
                              constitutionalSymptoms: Bool?) -> SchemeRiskAssessment {
        var s = PointScore()
        if let age { s.add(age > 65 ? 1 : 0, "age \(age) y: \(age > 65 ? 1 : 0)") }
        else { s.addMissing(0...1, "age (birth date not recorded)") }
        if let h = haemoglobin { s.add(h < 10 ? 2 : 0, "haemoglobin \(RiskInputs.number(h)) g/dL: \(h < 10 ? 2 : 0)") }
        else { s.addMissing(0...2, "haemoglobin") }
        if let w = wbc { s.add(w > 25 ? 1 : 0, "WBC \(RiskInputs.number(w)) ×10⁹/L: \(w > 25 ? 1 : 0)") }
        else { s.addMissing(0...1, "WBC") }
        if let b = peripheralBlasts { s.add(b >= 1 ? 1 : 0, "peripheral blasts \(RiskInputs.number(b)) %: \(b >= 1 ? 1 : 0)") }
        else { s.addMissing(0...1, "peripheral blasts") }
        if let c = constitutionalSymptoms { s.add(c ? 1 : 0, c ? "constitutional symptoms: 1" : "no constitutional symptoms: 0") }
        else { s.addMissing(0...1, "constitutional symptoms not recorded") }
        return ladder.assessment(scheme: scheme, version: version, s)
    }

    static func assess(_ r: RiskInputs) -> SchemeRiskAssessment {
        assess(age: r.ageToday, haemoglobin: r.labLatest("hemoglobin")?.value, wbc: r.labLatest("WBC")?.value,
               peripheralBlasts: r.labLatest("PB-blasts")?.value ?? r.diagnosis?.blastsPB,
               constitutionalSymptoms: r.findingLatest("constitutional-symptoms")?.value.flag)
    }
}
