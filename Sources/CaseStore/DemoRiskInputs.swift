import CaseModel
import ClinicalRules

/// The data the non-AML risk scores need, added to each demo patient of those groups:
/// labs at diagnosis, spleen size, constitutional symptoms, thrombosis history, marrow cellularity,
/// copy-number panels and findings. Drawn from an RNG derived from the patient's serial number, so the
/// rest of the demo (drawn from the main stream) is unchanged. Each group cycles through archetypes so
/// that the demo shows every category of every score, and some inputs are missing on purpose.
struct DemoRiskInputs {
    private var rng: SplitMix64
    let ref: LocalDate

    init(seed: UInt64, serial: Int, ref: LocalDate) {
        rng = SplitMix64(seed: seed ^ (UInt64(serial) &* 0x9E37_79B9_7F4A_7C15) ^ 0x5249_534B)
        self.ref = ref
    }

    private mutating func r(_ lo: Double, _ hi: Double, _ digits: Double = 10) -> Double { (rng.double(lo, hi) * digits).rounded() / digits }

    /// Adds the inputs to `p`, choosing its archetype from `counters` (per group, and for the MPN by age band so
    /// that the few patients of each entity still show every category).
    mutating func add(to p: inout Patient, counters: inout [String: Int]) {
        // Generated patients always have a birth date; a case without one gets no generated score inputs.
        guard let dx = p.diagnosis, let age = p.age(on: ref) else { return }
        let d = dx.date
        func next(_ key: String) -> Int { let n = counters[key, default: 0]; counters[key] = n + 1; return n }
        func lab(_ test: String, _ v: Double, _ unit: String, _ date: LocalDate? = nil) {
            let day = date ?? d
            // The score's input is the value of record that day: a generated blood count of the same test on the same
            // day (e.g. the last-contact visit) gives way to it.
            if date != nil { p.labs.removeAll { $0.test == test && $0.date >= day } }
            p.labs.append(LabResult(date: day, test: test, value: v, unit: unit))
        }
        func finding(_ kind: String, _ v: ClinicalFinding.Value, _ date: LocalDate? = nil) {
            p.findings.append(ClinicalFinding(date: date ?? d, kind: kind, value: v))
        }
        switch dx.category {
        case .mds:
            switch next("mds") % 4 {
            case 0: lab("hemoglobin", r(10.5, 13), "g/dL"); lab("platelets", r(120, 300, 1), "10^9/L"); lab("ANC", r(1, 4), "10^9/L")
            case 1: lab("hemoglobin", r(8, 9.9), "g/dL"); lab("platelets", r(50, 99, 1), "10^9/L"); lab("ANC", r(0.8, 2), "10^9/L")
            case 2: lab("hemoglobin", r(6.5, 7.9), "g/dL"); lab("platelets", r(10, 49, 1), "10^9/L"); lab("ANC", r(0.2, 0.7), "10^9/L")
            default: lab("hemoglobin", r(9, 12), "g/dL"); lab("platelets", r(60, 200, 1), "10^9/L")   // ANC missing on purpose
            }
        case .cml:
            switch next("cml") % 4 {
            case 0: finding("spleen-cm", .number(0)); lab("PB-blasts", r(0, 1), "%"); lab("platelets", r(250, 400, 1), "10^9/L")
            case 1: finding("spleen-cm", .number(r(4, 7, 1))); lab("PB-blasts", r(1.5, 3), "%"); lab("platelets", r(280, 450, 1), "10^9/L")
            case 2: finding("spleen-cm", .number(r(12, 20, 1))); lab("PB-blasts", r(4, 8), "%"); lab("platelets", r(150, 250, 1), "10^9/L")
            default: lab("PB-blasts", r(0, 3), "%"); lab("platelets", r(200, 600, 1), "10^9/L")     // spleen not recorded
            }
        case .mpn:
            let who = (dx.who2022 ?? "").lowercased()
            if who.contains("myelofibrosis") {
                // The latest values are taken on the last follow-up day (the reference date, or the last
                // contact or death of a patient no longer followed: nothing is dated after it; same-day values added here come last, so they are the latest).
                let seen = min(ref, p.lastContact ?? ref, p.death?.date ?? ref)
                let latest = max(d, seen)
                // DIPSS: ≤ 65 years without adverse feature (low); older: one point (intermediate-1), anaemia and symptoms
                // (intermediate-2), everything adverse but symptoms not recorded (high, provisional).
                let pattern = age <= 65 ? 0 : 1 + next("mf-old") % 3
                switch pattern {
                case 0, 1: finding("constitutional-symptoms", .flag(false), latest); lab("PB-blasts", 0, "%", latest)
                           lab("hemoglobin", r(11, 14), "g/dL", latest); lab("WBC", r(5, 15), "10^9/L", latest)
                case 2: finding("constitutional-symptoms", .flag(true), latest); lab("PB-blasts", 0, "%", latest)
                        lab("hemoglobin", r(8.5, 9.8), "g/dL", latest); lab("WBC", r(6, 20), "10^9/L", latest)
                default: lab("PB-blasts", r(1, 3), "%", latest); lab("hemoglobin", r(8, 9.5), "g/dL", latest)
                         lab("WBC", r(26, 35), "10^9/L", latest)                                   // symptoms not recorded
                }
                addMIPSS70Inputs(to: &p, age: age, diagnosisDate: d, latest: latest, counters: &counters)
            } else {
                let pv = who.contains("polycyth")
                let jak2 = p.variants.contains { $0.gene == "JAK2" && ($0.hgvsp ?? "").contains("617") }
                // Thrombosis history: reviewed without event, an event, or not recorded (missing on purpose).
                let pattern: Int
                if pv { pattern = age < 60 ? [0, 2][next("pv-young") % 2] : [0, 1][next("pv-old") % 2] }
                else if age <= 60 || !jak2 { pattern = 0 }
                else { pattern = [1, 2][next("et-old-jak2") % 2] }
                switch pattern {
                case 0: finding("thrombosis", .flag(false))
                case 1: finding("thrombosis", .flag(false), d.adding(days: -400)); finding("thrombosis", .flag(true), d.adding(days: -60))
                default: break
                }
            }
        case .tALL:
            // 0: fully tested, driver present; 1: copy number not assessed; 2: PTEN deletion.
            let n = next("tall") % 3
            let complement = ["PTEN", "PIK3CA", "PIK3R1", "DNMT3A", "IDH1", "IDH2", "EP300"]
            if n != 1 {
                p.testedGenes.append(GenePanel(date: d, assay: "NGS T-ALL complement", tissue: .bm, genes: complement))
                p.testedGenes.append(GenePanel(date: d, assay: "MLPA P335 + PTEN", tissue: .bm, genes: ["IKZF1", "PTEN", "CDKN2A", "CDKN2B"],
                                               copyNumber: true))
            }
            if n != 2 && !p.variants.contains(where: { $0.gene == "NOTCH1" || $0.gene == "FBXW7" }) {
                p.variants.append(Variant(gene: "NOTCH1", date: d, hgvsp: "p.(Leu1600Pro)", consequence: .missense, vaf: r(0.2, 0.45, 100),
                                          origin: .somatic, tissue: .bm, classification: .pathogenic))
            }
            if n == 2 { p.copyNumber.append(CopyNumberFinding(date: d, gene: "PTEN", call: .deletion, detail: "exons 2-5", method: "MLPA")) }
            if n == 0 { p.copyNumber.append(CopyNumberFinding(date: d, gene: "CDKN2A", call: .homozygousDeletion, method: "MLPA")) }
        case .bALL:
            let n = next("ball") % 4
            if n != 3 {
                p.testedGenes.append(GenePanel(date: d, assay: "MLPA P335", tissue: .bm, genes: ["IKZF1", "CDKN2A", "CDKN2B", "PAX5", "PAR1", "ERG"],
                                               copyNumber: true))
            }
            func del(_ g: String, _ detail: String? = nil) {
                p.copyNumber.append(CopyNumberFinding(date: d, gene: g, call: .deletion, detail: detail, method: "MLPA"))
            }
            switch n {
            case 0: del("IKZF1", "exons 4-7"); del("CDKN2A")
            case 1: del("IKZF1", "exons 2-8"); del("PAX5"); del("ERG")
            case 3: del("IKZF1", "exons 4-7"); del("PAX5")                                       // ERG not tested
            default: break
            }
        case .aplasticAnaemia:
            let n = next("aa")
            switch n % 4 {
            case 0: finding("marrow-cellularity", .number(r(5, 15, 1))); lab("ANC", r(0.05, 0.18, 100), "10^9/L")
                    lab("platelets", r(3, 15, 1), "10^9/L"); lab("reticulocytes", r(5, 30, 1), "10^9/L")
            case 1: finding("marrow-cellularity", .number(r(15, 24, 1))); lab("ANC", r(0.25, 0.45, 100), "10^9/L")
                    lab("platelets", r(8, 19, 1), "10^9/L"); lab("reticulocytes", r(20, 55, 1), "10^9/L")
            case 2: finding("marrow-cellularity", .number(r(30, 45, 1))); finding("residual-haematopoiesis", .number(r(40, 60, 1)))
                    lab("ANC", r(0.8, 1.4), "10^9/L"); lab("platelets", r(30, 60, 1), "10^9/L"); lab("reticulocytes", r(60, 90, 1), "10^9/L")
            default: lab("ANC", r(0.25, 0.45, 100), "10^9/L"); lab("platelets", r(5, 15, 1), "10^9/L")   // no marrow, no reticulocytes
                    lab("reticulocytes", r(10, 40, 1), "10^9/L")
            }
            if n % 2 == 0 { lab("PNH-clone", r(0.5, 25), "%") }
        default:
            return
        }
        p.labs.sort { ($0.date, $0.test) < ($1.date, $1.test) }
    }

    /// MIPSS70 is a score at diagnosis: blood counts, circulating blasts, the fibrosis grade of the diagnostic biopsy and
    /// constitutional symptoms, dated on the diagnosis day, chosen around the patient's mutations (CALR type 1 / HMR
    /// genes) so that the few myelofibrosis cases show every category: low (a younger patient without an HMR mutation
    /// whose biopsy shows the prefibrotic stage, MF-1), then intermediate, high, and one with the fibrosis grade and the
    /// symptoms not recorded (missing on purpose). Symptoms are dated at diagnosis only when a later assessment exists,
    /// so DIPSS (the latest values) reads what it read before; nothing is added on the diagnosis day of a patient last
    /// seen that day (DIPSS's values are then the diagnosis-day values).
    private mutating func addMIPSS70Inputs(to p: inout Patient, age: Int, diagnosisDate d: LocalDate, latest: LocalDate,
                                           counters: inout [String: Int]) {
        guard latest > d, let dx = p.diagnosis, !MPNSubtype.isSecondaryMyelofibrosis(dx) else { return }
        let x = MIPSS70.inputs(p, today: ref)
        let genetic = (x.calrType1 == true ? 0 : 1) + min(2, x.hmrMutated.count + x.hmrUntested.count)
        enum Archetype { case low, intermediate, high, missing }
        let archetype: Archetype
        if genetic <= 1 && age <= 65 && counters["mipss-low", default: 0] == 0 {
            counters["mipss-low"] = 1; archetype = .low
        } else {
            let n = counters["mipss", default: 0]; counters["mipss"] = n + 1
            archetype = [Archetype.intermediate, .high, .missing][n % 3]
        }
        func lab(_ test: String, _ v: Double, _ unit: String) { p.labs.append(LabResult(date: d, test: test, value: v, unit: unit)) }
        let symptomsLater = p.findings.contains { $0.kind == "constitutional-symptoms" && $0.date > d }
        switch archetype {
        case .low, .intermediate, .missing:
            // No clinical point: Hb ≥ 10, leukocytes ≤ 25, platelets ≥ 100, blasts < 2 %; intermediate adds anaemia
            // when the mutations alone leave the score below 2.
            let anaemic = archetype == .intermediate && genetic + 1 < 2
            lab("hemoglobin", anaemic ? r(8.5, 9.8) : r(10.5, 13.5), "g/dL"); lab("WBC", r(6, 18), "10^9/L")
            lab("platelets", r(150, 400, 1), "10^9/L"); lab("PB-blasts", r(0, 1.5), "%")
            if archetype != .missing {
                p.findings.append(ClinicalFinding(date: d, kind: "marrow-fibrosis-grade", value: .number(archetype == .low ? 1 : 2)))
                if symptomsLater { p.findings.append(ClinicalFinding(date: d, kind: "constitutional-symptoms", value: .flag(false))) }
            }
            if archetype == .low, var dxRecord = p.diagnoses.last, dxRecord.icc2022 != nil {
                dxRecord.icc2022 = "Primary myelofibrosis, early/prefibrotic stage"
                p.diagnoses[p.diagnoses.count - 1] = dxRecord
            }
        case .high:
            // Anaemia 1, platelets < 100 ×10⁹/L 2, circulating blasts ≥ 2 % 1, MF-3 1: high whatever the mutations.
            lab("hemoglobin", r(7.5, 9.5), "g/dL"); lab("WBC", r(8, 22), "10^9/L"); lab("platelets", r(40, 95, 1), "10^9/L")
            lab("PB-blasts", r(2, 4), "%")
            p.findings.append(ClinicalFinding(date: d, kind: "marrow-fibrosis-grade", value: .number(3)))
            if symptomsLater { p.findings.append(ClinicalFinding(date: d, kind: "constitutional-symptoms", value: .flag(true))) }
        }
    }
}
