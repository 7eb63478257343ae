import CaseModel

/// Thrombosis risk in polycythaemia vera (ELN: Barbui et al., Leukemia 2018;32:1057; NCCN MPN) [C]:
/// high when age ≥ 60 years or a history of thrombosis; otherwise low.
public enum PVThrombosis {
    public static let scheme = "PV-thrombosis"
    public static let version = "ELN 2018"
    public static let ageThreshold = 60
    public static let order = ["low", "high"]

    /// `thrombosis`: true an event is recorded, false the history was reviewed without event, nil not recorded.
    public static func assess(age: Int, thrombosis: Bool?) -> SchemeRiskAssessment {
        var drivers: [String] = []
        if age >= ageThreshold { drivers.append("age \(age) y (≥ \(ageThreshold))") }
        if thrombosis == true { drivers.append("history of thrombosis") }
        if drivers.isEmpty { drivers.append("age \(age) y (< \(ageThreshold))") }
        if thrombosis == false { drivers.append("no thrombosis recorded (history reviewed)") }
        let possible = Possibilities.categories([thrombosis], order: order) { v in
            (age >= ageThreshold || v[0]) ? "high" : "low"
        }
        return Possibilities.assessment(scheme: scheme, version: version, possible: possible,
                                        missing: thrombosis == nil ? ["thrombosis history not recorded"] : [], drivers: drivers)
    }

    static func assess(_ r: RiskInputs) -> SchemeRiskAssessment {
        assess(age: r.ageToday, thrombosis: r.thrombosisHistory?.value)
    }
}
