import CaseModel

/// Revised IPSET-thrombosis for essential thrombocythaemia (Barbui et al., Blood Cancer J
/// 2015;5:e369) [C]: very low = age ≤ 60, no thrombosis history, JAK2 V617F negative; low = age ≤ 60,
/// no thrombosis, JAK2 V617F; intermediate = age > 60, no thrombosis, JAK2 wild type; high =
/// thrombosis history at any age, or age > 60 with JAK2 V617F.
public enum IPSETThrombosis {
    public static let scheme = "ET-IPSET-thrombosis"
    public static let version = "Barbui 2015"
    public static let ageThreshold = 60
    public static let order = ["very-low", "low", "intermediate", "high"]

    public static func category(older: Bool, thrombosis: Bool, jak2: Bool) -> String {
        if thrombosis || (older && jak2) { return "high" }
        if older { return "intermediate" }
        return jak2 ? "low" : "very-low"
    }

    /// `age`: nil when the birth date is not recorded (both sides of the threshold are then tried).
    public static func assess(age: Int?, thrombosis: Bool?, jak2V617F: Bool?) -> SchemeRiskAssessment {
        let older = age.map { $0 > ageThreshold }
        var drivers = age.map { ["age \($0) y (\($0 > ageThreshold ? ">" : "≤") \(ageThreshold))"] } ?? []
        if let t = thrombosis { drivers.append(t ? "history of thrombosis" : "no thrombosis recorded (history reviewed)") }
        if let j = jak2V617F { drivers.append(j ? "JAK2 V617F" : "JAK2 V617F negative") }
        var missing: [String] = []
        if age == nil { missing.append("age (birth date not recorded)") }
        if thrombosis == nil { missing.append("thrombosis history not recorded") }
        if jak2V617F == nil { missing.append("JAK2 not tested") }
        let possible = Possibilities.categories([older, thrombosis, jak2V617F], order: order) { v in
            category(older: v[0], thrombosis: v[1], jak2: v[2])
        }
        return Possibilities.assessment(scheme: scheme, version: version, possible: possible, missing: missing, drivers: drivers)
    }

    /// JAK2 V617F by protein change (one- or three-letter) or the usual cDNA change c.1849G>T.
    static func isV617F(_ v: Variant) -> Bool {
        let p = v.hgvsp ?? "", c = v.hgvsc ?? ""
        return p.contains("V617F") || p.contains("Val617Phe") || c.contains("c.1849G>T")
    }

    static func jak2V617F(_ r: RiskInputs) -> Bool? {
        let j = r.mutated("JAK2")
        if j.contains(where: isV617F) { return true }
        return r.tested("JAK2") ? false : nil
    }

    static func assess(_ r: RiskInputs) -> SchemeRiskAssessment {
        assess(age: r.ageToday, thrombosis: r.thrombosisHistory?.value, jak2V617F: jak2V617F(r))
    }
}
