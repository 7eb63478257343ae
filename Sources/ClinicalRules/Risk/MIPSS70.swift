import CaseModel

/// Mutation-enhanced International Prognostic Scoring System for transplant-age (≤ 70 years) primary myelofibrosis,
/// MIPSS70 (Guglielmelli et al., J Clin Oncol 2018;36:310–318, Table 3): haemoglobin < 10 g/dL 1 point; leukocytes
/// > 25 ×10⁹/L 2; platelets < 100 ×10⁹/L 2; circulating blasts ≥ 2 % 1; bone marrow fibrosis grade ≥ 2 1;
/// constitutional symptoms 1; absence of a CALR type-1/like mutation 1; one high-molecular-risk (HMR) mutation —
/// ASXL1, EZH2, SRSF2, IDH1 or IDH2 — 1, two or more HMR mutations 2. Categories: low 0–1, intermediate 2–4,
/// high ≥ 5. A missing input is an interval (never a default): an untested HMR gene may add a mutation, an unknown
/// CALR status a point. CALR type 1/like is read as the 52-bp deletion (c.1092_1143del) [U: type-1-like indels are
/// not classified from the HGVS here].
///
/// A score at diagnosis, as it was derived (490 patients with PMF aged ≤ 70, clinical and molecular data at
/// diagnosis): blood counts, circulating blasts, the fibrosis grade of the diagnostic biopsy and constitutional
/// symptoms are the values closest to the diagnosis date within ±30 days (`RiskInputs.diagnosticWindowDays`); the
/// mutations are those recorded. Applied to primary myelofibrosis (`RiskSchemes`); a patient older than 70 at
/// diagnosis gets the score with a driver saying he is outside the derivation cohort.
public enum MIPSS70 {
    public static let scheme = "MIPSS70"
    public static let version = "Guglielmelli 2018"
    public static let ladder = CategoryLadder(names: ["low", "intermediate", "high"], bounds: [1, 4], strictUpper: false)
    /// The high-molecular-risk genes of MIPSS70.
    public static let hmrGenes = ["ASXL1", "EZH2", "SRSF2", "IDH1", "IDH2"]

    /// The inputs; nil = not recorded.
    public struct Inputs: Sendable, Equatable {
        public var haemoglobin: Double?
        public var leukocytes: Double?
        public var platelets: Double?
        public var peripheralBlasts: Double?
        public var fibrosisGrade: Int?
        public var constitutionalSymptoms: Bool?
        /// true: a CALR type-1/like mutation; false: CALR tested without one; nil: CALR not tested.
        public var calrType1: Bool?
        /// HMR genes found mutated.
        public var hmrMutated: [String]
        /// HMR genes not tested (each may be mutated).
        public var hmrUntested: [String]
        public init(haemoglobin: Double? = nil, leukocytes: Double? = nil, platelets: Double? = nil, peripheralBlasts: Double? = nil,
                    fibrosisGrade: Int? = nil, constitutionalSymptoms: Bool? = nil, calrType1: Bool? = nil,
                    hmrMutated: [String] = [], hmrUntested: [String] = []) {
            self.haemoglobin = haemoglobin; self.leukocytes = leukocytes; self.platelets = platelets
            self.peripheralBlasts = peripheralBlasts; self.fibrosisGrade = fibrosisGrade
            self.constitutionalSymptoms = constitutionalSymptoms; self.calrType1 = calrType1
            self.hmrMutated = hmrMutated; self.hmrUntested = hmrUntested
        }
    }

    static func hmrPoints(_ n: Int) -> Double { n == 0 ? 0 : (n == 1 ? 1 : 2) }

    public static func assess(_ x: Inputs) -> SchemeRiskAssessment {
        var s = PointScore()
        func term(_ v: Double?, _ name: String, _ unit: String, points: Double, _ hit: (Double) -> Bool) {
            guard let v else { s.addMissing(0...points, name); return }
            let p = hit(v) ? points : 0
            s.add(p, "\(name) \(RiskInputs.number(v))\(unit): \(RiskInputs.number(p))")
        }
        term(x.haemoglobin, "haemoglobin", " g/dL", points: 1) { $0 < 10 }
        term(x.leukocytes, "leukocytes", " ×10⁹/L", points: 2) { $0 > 25 }
        term(x.platelets, "platelets", " ×10⁹/L", points: 2) { $0 < 100 }
        term(x.peripheralBlasts, "circulating blasts", " %", points: 1) { $0 >= 2 }
        if let g = x.fibrosisGrade { s.add(g >= 2 ? 1 : 0, "marrow fibrosis grade MF-\(g): \(g >= 2 ? 1 : 0)") }
        else { s.addMissing(0...1, "marrow fibrosis grade") }
        if let c = x.constitutionalSymptoms { s.add(c ? 1 : 0, c ? "constitutional symptoms: 1" : "no constitutional symptoms: 0") }
        else { s.addMissing(0...1, "constitutional symptoms not recorded") }
        switch x.calrType1 {
        case true?: s.add(0, "CALR type-1/like mutation: 0")
        case false?: s.add(1, "no CALR type-1/like mutation: 1")
        case nil: s.addMissing(0...1, "CALR not tested")
        }
        let m = x.hmrMutated.count, u = x.hmrUntested.count
        if u == 0 {
            s.add(hmrPoints(m), m == 0 ? "no HMR mutation (\(hmrGenes.joined(separator: "/")) tested): 0"
                                       : "HMR mutation\(m > 1 ? "s" : ""): \(x.hmrMutated.joined(separator: ", ")): \(RiskInputs.number(hmrPoints(m)))")
        } else {
            if m > 0 { s.drivers.append("HMR mutated: \(x.hmrMutated.joined(separator: ", "))") }
            s.low += hmrPoints(m); s.high += hmrPoints(m + u)
            s.missing.append("HMR genes not tested: \(x.hmrUntested.joined(separator: ", "))")
        }
        return ladder.assessment(scheme: scheme, version: version, s)
    }

    /// The inputs read from a patient at diagnosis; `marrow-fibrosis-grade` is a finding (MF-0 … MF-3, an integer).
    static func inputs(_ r: RiskInputs) -> Inputs {
        var x = Inputs(haemoglobin: r.labAtDiagnosis("hemoglobin")?.value, leukocytes: r.labAtDiagnosis("WBC")?.value,
                       platelets: r.labAtDiagnosis("platelets")?.value,
                       peripheralBlasts: r.peripheralBlastsAtDiagnosis,
                       fibrosisGrade: r.findingAtDiagnosis("marrow-fibrosis-grade")?.value.number.map { Int($0) },
                       constitutionalSymptoms: r.findingAtDiagnosis("constitutional-symptoms")?.value.flag)
        let calr = r.mutated("CALR")
        if calr.contains(where: { ($0.hgvsc ?? "").contains("1092_1143del") }) { x.calrType1 = true }
        else if calr.contains(where: { $0.hgvsc == nil }) { x.calrType1 = nil }   // a CALR mutation of unknown type
        else if !calr.isEmpty || r.tested("CALR") { x.calrType1 = false }
        x.hmrMutated = hmrGenes.filter { !r.mutated($0).isEmpty }
        x.hmrUntested = hmrGenes.filter { r.mutated($0).isEmpty && !r.tested($0) }
        return x
    }

    /// The inputs of `patient` (public for the demo generator, which sets the clinical inputs around them).
    public static func inputs(_ patient: Patient, today: LocalDate) -> Inputs { inputs(RiskInputs(patient, today: today)) }

    /// The age above which the patient is outside the derivation cohort (transplant-age patients, ≤ 70 years).
    public static let derivationMaxAge = 70

    static func assess(_ r: RiskInputs) -> SchemeRiskAssessment {
        var a = assess(inputs(r))
        if let age = r.ageAtDiagnosis, age > derivationMaxAge {
            a.drivers.append("age \(age) at diagnosis: MIPSS70 was derived in patients aged ≤ \(derivationMaxAge) (transplant age)")
        }
        return a
    }

    public static func assess(_ patient: Patient, today: LocalDate) -> SchemeRiskAssessment {
        assess(RiskInputs(patient, today: today))
    }
}
