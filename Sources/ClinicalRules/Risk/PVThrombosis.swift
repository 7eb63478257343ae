import CaseModel

/// Thrombosis risk in polycythaemia vera (ELN: Barbui et al., Leukemia 2018;32:1057; NCCN MPN) [C]:
/// high when age ≥ 60 years or a history of thrombosis; otherwise low.
public enum PVThrombosis {
    public static let scheme = "PV-thrombosis"
    public static let version = "ELN 2018"
    public static let ageThreshold = 60
    public static let order = ["low", "high"]

    /// `thrombosis`: true an event is recorded, false the history was reviewed without event, nil not recorded.
    /// `age`: nil when the birth date is not recorded (both sides of the threshold are then tried).
    public static func assess(age: Int?, thrombosis: Bool?) -> SchemeRiskAssessment {
        var drivers: [String] = []
        let older = age.map { $0 >= ageThreshold }
        if let a = age, a >= ageThreshold { drivers.append("age \(a) y (≥ \(ageThreshold))") }
        if thrombosis == true { drivers.append("history of thrombosis") }
        if drivers.isEmpty, let a = age { drivers.append("age \(a) y (< \(ageThreshold))") }
        if thrombosis == false { drivers.append("no thrombosis recorded (history reviewed)") }
        let possible = Possibilities.categories([older, thrombosis], order: order) { v in
            (v[0] || v[1]) ? "high" : "low"
        }
        var missing: [String] = []
        if age == nil { missing.append("age (birth date not recorded)") }
        if thrombosis == nil { missing.append("thrombosis history not recorded") }
        return Possibilities.assessment(scheme: scheme, version: version, possible: possible, missing: missing, drivers: drivers)
    }

    static func assess(_ r: RiskInputs) -> SchemeRiskAssessment {
        assess(age: r.ageToday, thrombosis: r.thrombosisHistory?.value)
    }
}
