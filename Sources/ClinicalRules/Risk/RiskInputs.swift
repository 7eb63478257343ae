import CaseModel

/// How the risk schemes read a patient's data: values at diagnosis (within a window around the
/// diagnosis date) or the latest on or before today; gene and copy-number testing status.
/// Every accessor answers nil for "not recorded": no scheme ever substitutes a default.
struct RiskInputs {
    /// Labs and findings dated within this many days of the diagnosis date count as "at diagnosis". [U] local convention.
    static let diagnosticWindowDays = 30

    let patient: Patient
    let today: LocalDate
    let genetics: GeneticFindings

    init(_ patient: Patient, today: LocalDate) {
        self.patient = patient
        self.today = today
        genetics = GeneticFindings(patient)
    }

    var diagnosis: Diagnosis? { patient.diagnosis }
    var diagnosisDate: LocalDate? { patient.diagnosis?.date }

    /// Age in completed years at diagnosis.
    var ageAtDiagnosis: Int? { diagnosisDate.flatMap { patient.age(on: $0) } }
    /// nil when the birth date is not recorded.
    var ageToday: Int? { patient.age(on: today) }

    /// A lab value converted to the unit a scheme uses (nil when the unit is not understood).
    static func normalised(_ l: LabResult) -> Double? {
        let u = l.unit.lowercased().replacingOccurrences(of: " ", with: "")
        switch l.test {
        case "hemoglobin":
            if u == "g/dl" || u.isEmpty { return l.value }
            if u == "g/l" { return l.value / 10 }
            if u == "mmol/l" { return l.value * 1.611 }
            return nil
        case "ANC", "WBC", "platelets", "reticulocytes":
            if u == "10^9/l" || u == "g/l" || u == "x10^9/l" || u == "×10^9/l" || u == "10⁹/l" || u.isEmpty { return l.value }
            if u == "/µl" || u == "/ul" || u == "/mm3" { return l.value / 1000 }
            return nil
        default:
            return l.value
        }
    }

    /// The value of `test` closest to the diagnosis date within the diagnostic window.
    func labAtDiagnosis(_ test: String) -> (value: Double, date: LocalDate)? {
        guard let dx = diagnosisDate else { return nil }
        let near = patient.labs.filter { $0.test == test && abs(dx.days(until: $0.date)) <= Self.diagnosticWindowDays }
        guard let l = near.min(by: { abs(dx.days(until: $0.date)) < abs(dx.days(until: $1.date)) }),
              let v = Self.normalised(l) else { return nil }
        return (v, l.date)
    }

    /// The latest value of `test` on or before today.
    func labLatest(_ test: String) -> (value: Double, date: LocalDate)? {
        guard let l = patient.labs.filter({ $0.test == test && $0.date <= today }).max(by: { $0.date < $1.date }),
              let v = Self.normalised(l) else { return nil }
        return (v, l.date)
    }

    /// Marrow blasts at diagnosis: the diagnosis record, else a `BM-blasts` lab at diagnosis.
    var marrowBlastsAtDiagnosis: Double? { diagnosis?.blastsBM ?? labAtDiagnosis("BM-blasts")?.value }
    /// Peripheral blasts at diagnosis: the diagnosis record, else a `PB-blasts` lab at diagnosis.
    var peripheralBlastsAtDiagnosis: Double? { diagnosis?.blastsPB ?? labAtDiagnosis("PB-blasts")?.value }

    /// The finding of `kind` closest to the diagnosis date within the window.
    func findingAtDiagnosis(_ kind: String) -> ClinicalFinding? {
        guard let dx = diagnosisDate else { return nil }
        return patient.findings.filter { $0.kind == kind && abs(dx.days(until: $0.date)) <= Self.diagnosticWindowDays }
            .min { abs(dx.days(until: $0.date)) < abs(dx.days(until: $1.date)) }
    }

    /// The latest finding of `kind` on or before today.
    func findingLatest(_ kind: String) -> ClinicalFinding? {
        patient.findings.filter { $0.kind == kind && $0.date <= today }.max { $0.date < $1.date }
    }

    /// Thrombosis history on or before today: true when an event is recorded, false when the history was
    /// reviewed (a `thrombosis: false` finding) with no event recorded, nil when never recorded.
    var thrombosisHistory: (value: Bool, date: LocalDate)? {
        let t = patient.findings.filter { $0.kind == "thrombosis" && $0.date <= today }
        if let e = t.filter({ $0.value.flag == true }).max(by: { $0.date < $1.date }) { return (true, e.date) }
        if let r = t.filter({ $0.value.flag == false }).max(by: { $0.date < $1.date }) { return (false, r.date) }
        return nil
    }

    // MARK: genetics

    func mutated(_ gene: String) -> [Variant] { genetics.variants(gene) }
    func tested(_ gene: String) -> Bool { genetics.tested(gene) }

    /// Copy-number losses recorded for `gene`.
    func deletions(_ gene: String) -> [CopyNumberFinding] {
        patient.copyNumber.filter { $0.gene == gene && $0.call.isLoss && $0.date <= today }
    }

    /// Whether copy number of `gene` was assessed: a finding for it, or a panel with `copyNumber: true` covering it.
    func copyNumberTested(_ gene: String) -> Bool {
        patient.copyNumber.contains { $0.gene == gene } || patient.testedGenes.contains { $0.copyNumber == true && $0.genes.contains(gene) }
    }

    static func label(_ v: Variant) -> String { GeneticFindings.label(v) }

    static func label(_ c: CopyNumberFinding) -> String {
        "\(c.gene) \(c.call.rawValue)\(c.detail.map { " (\($0))" } ?? "")"
    }

    /// "12.5" / "3" without trailing zeros.
    static func number(_ d: Double) -> String {
        if d == d.rounded() && abs(d) < 1e9 { return String(Int(d)) }
        let r = (d * 100).rounded() / 100
        return String(r)
    }
}
