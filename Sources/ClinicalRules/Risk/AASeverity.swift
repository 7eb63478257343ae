import CaseModel

/// Severity of acquired aplastic anaemia (Camitta et al., Blood 1976;48:63; Bacigalupo et al., Br J
/// Haematol 1988;70:177; as in Killick et al., Br J Haematol 2016;172:187) [C]:
/// severe = marrow cellularity < 25 % (or 25–50 % with < 30 % residual haematopoietic cells) and at
/// least two of ANC < 0.5 ×10⁹/L, platelets < 20 ×10⁹/L, reticulocytes < 60 ×10⁹/L (automated count);
/// very severe = severe and ANC < 0.2 ×10⁹/L; non-severe = not fulfilling the criteria for severe.
/// Values at diagnosis. The reticulocyte threshold is the automated-count one (formats.md labs carry no
/// counting method; a manual count's threshold is < 20 ×10⁹/L). The PNH clone size is shown beside it.
public enum AASeverity {
    public static let scheme = "AA-severity"
    public static let version = "Camitta 1976 / Bacigalupo 1988 (Killick 2016)"
    public static let order = ["non-severe", "severe", "very-severe"]
    public static let ancSevere = 0.5, ancVerySevere = 0.2, plateletSevere = 20.0, reticulocyteSevere = 60.0
    public static let cellularityLow = 25.0, cellularityHigh = 50.0, residualLow = 30.0

    public static func assess(cellularity: Double?, residualHaematopoiesis: Double?, anc: Double?, platelets: Double?,
                              reticulocytes: Double?, pnhClone: String? = nil) -> SchemeRiskAssessment {
        var drivers: [String] = []
        var missing: [String] = []
        // Marrow criterion: true / false / unknown.
        let marrow: Bool?
        if let c = cellularity {
            if c < cellularityLow { marrow = true; drivers.append("marrow cellularity \(RiskInputs.number(c)) % (< 25 %)") }
            else if c <= cellularityHigh {
                if let r = residualHaematopoiesis {
                    marrow = r < residualLow
                    drivers.append("marrow cellularity \(RiskInputs.number(c)) % with \(RiskInputs.number(r)) % residual haematopoietic cells")
                } else {
                    marrow = nil; missing.append("residual haematopoietic cells (%) with cellularity 25–50 %")
                    drivers.append("marrow cellularity \(RiskInputs.number(c)) %")
                }
            } else { marrow = false; drivers.append("marrow cellularity \(RiskInputs.number(c)) % (> 50 %)") }
        } else { marrow = nil; missing.append("marrow cellularity") }
        if let a = anc { drivers.append("ANC \(RiskInputs.number(a)) ×10⁹/L") } else { missing.append("ANC at diagnosis") }
        if let p = platelets { drivers.append("platelets \(RiskInputs.number(p)) ×10⁹/L") } else { missing.append("platelets at diagnosis") }
        if let r = reticulocytes { drivers.append("reticulocytes \(RiskInputs.number(r)) ×10⁹/L") } else { missing.append("reticulocytes at diagnosis") }
        if let pnh = pnhClone { drivers.append(pnh) }
        let values: [Bool?] = [marrow, anc.map { $0 < ancSevere }, anc.map { $0 < ancVerySevere }, platelets.map { $0 < plateletSevere },
                               reticulocytes.map { $0 < reticulocyteSevere }]
        let possible = Possibilities.categories(values, order: order) { v in
            let (m, a5, a2, p, r) = (v[0], v[1], v[2], v[3], v[4])
            if a2 && !a5 { return "impossible" }        // ANC < 0.2 implies ANC < 0.5
            let counts = [a5, p, r].filter { $0 }.count
            guard m && counts >= 2 else { return "non-severe" }
            return a2 ? "very-severe" : "severe"
        }
        return Possibilities.assessment(scheme: scheme, version: version, possible: possible, missing: missing, drivers: drivers)
    }

    /// "PNH clone 12 % (PNH-clone)" from the latest lab whose name mentions PNH, or nil.
    static func pnhClone(_ r: RiskInputs) -> String? {
        guard let l = r.patient.labs.filter({ $0.test.lowercased().contains("pnh") && $0.date <= r.today }).max(by: { $0.date < $1.date })
        else { return nil }
        return "PNH clone \(RiskInputs.number(l.value)) \(l.unit) (\(l.test), \(DateText.iso(l.date)))"
    }

    static func assess(_ r: RiskInputs) -> SchemeRiskAssessment {
        assess(cellularity: r.findingAtDiagnosis("marrow-cellularity")?.value.number,
               residualHaematopoiesis: r.findingAtDiagnosis("residual-haematopoiesis")?.value.number,
               anc: r.labAtDiagnosis("ANC")?.value, platelets: r.labAtDiagnosis("platelets")?.value,
               reticulocytes: r.labAtDiagnosis("reticulocytes")?.value, pnhClone: pnhClone(r))
    }
}
