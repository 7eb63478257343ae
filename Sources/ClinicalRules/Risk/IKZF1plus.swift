import CaseModel

/// IKZF1plus (Stanulla et al., J Clin Oncol 2018;36:1240) [C-2nd]: an IKZF1 deletion co-occurring with a
/// deletion of CDKN2A, CDKN2B, PAX5 or PAR1, in the absence of an ERG deletion. A paediatric/AYA B-ALL
/// marker (no prognostic impact in adults in UKALL14, Blood Adv 2021;5:3322): shown as a marker,
/// category `positive` or `negative`. Needs copy-number testing of the genes involved.
public enum IKZF1plus {
    public static let scheme = "IKZF1plus"
    public static let version = "Stanulla 2018"
    public static let partners = ["CDKN2A", "CDKN2B", "PAX5", "PAR1"]
    public static let adultAge = 40

    static func assess(_ r: RiskInputs) -> SchemeRiskAssessment {
        let ikzf1 = GeneAlteration.deletionOf("IKZF1", r)
        let co = partners.map { GeneAlteration.deletionOf($0, r) }
        let erg = GeneAlteration.deletionOf("ERG", r)
        var drivers: [String] = []
        if ikzf1.altered == true { drivers.append("IKZF1 deletion: " + ikzf1.evidence.joined(separator: ", ")) }
        else if ikzf1.altered == false { drivers.append("no IKZF1 deletion (copy number tested)") }
        let coHits = co.filter { $0.altered == true }.flatMap(\.evidence)
        if !coHits.isEmpty { drivers.append("co-deletion: " + coHits.joined(separator: ", ")) }
        if erg.altered == true { drivers.append("ERG deletion: " + erg.evidence.joined(separator: ", ")) }
        if (r.ageAtDiagnosis ?? 0) >= adultAge { drivers.append("adult: IKZF1plus was defined in paediatric B-ALL (no impact in UKALL14)") }
        let values = [ikzf1.altered] + co.map(\.altered) + [erg.altered]
        let (possible, missing) = Possibilities.evaluate(values, labels: ([ikzf1] + co + [erg]).map(\.untested),
                                                         order: ["negative", "positive"]) { v in
            v[0] && v[1...4].contains(true) && !v[5] ? "positive" : "negative"
        }
        return Possibilities.assessment(scheme: scheme, version: version, possible: possible, missing: missing, drivers: drivers)
    }

    public static func assess(_ p: Patient, today: LocalDate) -> SchemeRiskAssessment { assess(RiskInputs(p, today: today)) }
}
