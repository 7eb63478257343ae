import CaseModel

/// The four CML diagnosis inputs shared by ELTS and Sokal, with the ranges a missing one can take:
/// chronic-phase blasts are < 15 % by definition; spleen 0–35 cm and platelets 50–3000 ×10⁹/L are
/// bounds of plausibility. [U] local convention, used only to bound a provisional score.
struct CMLInputs {
    static let spleenRange: ClosedRange<Double> = 0...35
    static let blastRange: ClosedRange<Double> = 0...14.9
    static let plateletRange: ClosedRange<Double> = 50...3000
    /// An unknown age (birth date not recorded) spans the whole range of life. [U] local convention.
    static let ageRange: ClosedRange<Double> = 0...110

    /// nil when the birth date is not recorded
    var age: Double?
    var spleen: Double?
    var blasts: Double?
    var platelets: Double?

    init(age: Double?, spleen: Double?, blasts: Double?, platelets: Double?) {
        self.age = age; self.spleen = spleen; self.blasts = blasts; self.platelets = platelets
    }

    init(_ r: RiskInputs) {
        age = (r.ageAtDiagnosis ?? r.ageToday).map(Double.init)
        spleen = r.findingAtDiagnosis("spleen-cm")?.value.number
        blasts = r.peripheralBlastsAtDiagnosis
        platelets = r.labAtDiagnosis("platelets")?.value
    }

    var missing: [String] {
        var m: [String] = []
        if age == nil { m.append("age (birth date not recorded)") }
        if spleen == nil { m.append("spleen size at diagnosis (cm below the costal margin)") }
        if blasts == nil { m.append("peripheral blasts at diagnosis") }
        if platelets == nil { m.append("platelets at diagnosis") }
        return m
    }

    var drivers: [String] {
        var d = age.map { ["age \(Int($0)) y"] } ?? []
        if let s = spleen { d.append("spleen \(RiskInputs.number(s)) cm") }
        if let b = blasts { d.append("peripheral blasts \(RiskInputs.number(b)) %") }
        if let p = platelets { d.append("platelets \(RiskInputs.number(p)) ×10⁹/L") }
        return d
    }

    /// The lowest and highest value of a score monotone in each input over the missing inputs' ranges.
    func range(_ f: (Double, Double, Double, Double) -> Double) -> (Double, Double) {
        let ss = spleen.map { [$0] } ?? [Self.spleenRange.lowerBound, Self.spleenRange.upperBound]
        let bs = blasts.map { [$0] } ?? [Self.blastRange.lowerBound, Self.blastRange.upperBound]
        let ps = platelets.map { [$0] } ?? [Self.plateletRange.lowerBound, Self.plateletRange.upperBound]
        let ages = age.map { [$0] } ?? [Self.ageRange.lowerBound, Self.ageRange.upperBound]
        var lo = Double.infinity, hi = -Double.infinity
        for a in ages { for s in ss { for b in bs { for p in ps { let v = f(a, s, b, p); lo = min(lo, v); hi = max(hi, v) } } } }
        return (lo, hi)
    }

    func assessment(scheme: String, version: String, ladder: CategoryLadder,
                    _ f: (Double, Double, Double, Double) -> Double) -> SchemeRiskAssessment {
        let (lo, hi) = range(f)
        let possible = ladder.possible(lo, hi)
        let complete = missing.isEmpty
        var d = drivers
        let rounded = (lo * 10000).rounded() / 10000
        if complete { d.insert("score \(rounded)", at: 0) }
        else {
            let r = "\((lo * 100).rounded() / 100)–\((hi * 100).rounded() / 100)"
            d.append(possible.count == 1 ? "provisional: \(possible[0]) for any value of the missing inputs (score \(r))"
                                         : "score \(r) with the missing inputs: \(possible.joined(separator: " to ")) possible")
        }
        return SchemeRiskAssessment(scheme: scheme, version: version,
                                    category: possible.count == 1 ? possible[0] : SchemeRiskAssessment.notEvaluable,
                                    score: complete ? rounded : nil, complete: complete, missing: missing, drivers: d, possible: possible)
    }
}
