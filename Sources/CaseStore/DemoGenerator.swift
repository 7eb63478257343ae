import CaseModel
import Foundation

/// Deterministic synthetic patients from the demo sources: the hand-written scenarios first
/// (every clinical-rule case), then random patients drawn from the disease profiles with
/// `SplitMix64(seed)`. Same sources + same seed → identical patients. All dates are relative to
/// the sources' reference date (2026-11-29), never to the system clock.
public struct DemoGenerator {
    /// Bump when the generator's code changes what it produces (part of the demo database hash).
    public static let version = 7

    public let sources: DemoSources
    public let seed: UInt64
    let ref: LocalDate
    private var rng: SplitMix64
    private var counters: [String: Int] = [:]
    private var serial = 0
    /// Archetype counters of DemoRiskInputs (per group and age band).
    private var riskCounters: [String: Int] = [:]

    public init(sources: DemoSources, seed: UInt64? = nil) {
        self.sources = sources
        self.seed = seed ?? sources.settings.seed
        self.ref = sources.referenceDate
        self.rng = SplitMix64(seed: self.seed)
    }

    static func prefix(for category: DiagnosisCategory) -> String {
        switch category.group {
        case .aml: return "AML"
        case .all: return "ALL"
        case .mpn: return "MPN"
        case .mds: return "MDS"
        case .bmf: return "BMF"
        case .germline: return "GER"
        }
    }

    /// `count` patients (the demo size from the settings when nil): scenarios, then random ones.
    public mutating func generate(count: Int? = nil) throws -> [Patient] {
        let total = count ?? sources.settings.patients
        var out: [Patient] = []
        out.reserveCapacity(total)
        let profiles = Dictionary(sources.profiles.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        for s in sources.scenarios where out.count < total {
            guard let prof = profiles[s.profile] else { throw DemoError.unknownProfile(s.profile, scenario: s.id) }
            let parts = s.id.split(separator: "-")
            if parts.count == 3, let n = Int(parts[2]) { counters[String(parts[1]), default: 0] = max(counters[String(parts[1])] ?? 0, n) }
            out.append(make(profile: prof, scenario: s))
        }
        while out.count < total {
            guard let prof = rng.weighted(sources.profiles, weight: { $0.weight }) else { break }
            out.append(make(profile: prof, scenario: nil))
        }
        return out
    }

    private mutating func nextID(_ category: DiagnosisCategory) -> String {
        let p = Self.prefix(for: category)
        let n = (counters[p] ?? 0) + 1
        counters[p] = n
        return "SL-\(p)-" + String(format: "%04d", n)
    }

    private mutating func round(_ x: Double, _ digits: Double = 1000) -> Double { (x * digits).rounded() / digits }

    // MARK: one patient

    mutating func make(profile prof: DemoSources.Profile, scenario sc: DemoSources.Scenario?) -> Patient {
        serial += 1
        let category = DiagnosisCategory(rawValue: prof.category) ?? .aml
        let id = sc?.id ?? nextID(category)
        let sex: Sex = sc?.sex.flatMap(Sex.init) ?? (rng.chance(0.5) ? .female : .male)
        let dxDaysAgo = sc?.diagnosisDaysAgo ?? (rng.chance(0.06) ? rng.int(3...25) : rng.int(60...1100))
        let dx = ref.adding(days: -dxDaysAgo)
        let ageLo = prof.age.first ?? 20, ageHi = prof.age.last ?? 80
        let ageAtRef = sc?.age ?? rng.int(ageLo...max(ageLo, ageHi))
        // Never born after the diagnosis (a toddler diagnosed 3 years ago was): at least 30 days old at diagnosis.
        let birth = min(ref.adding(days: -(ageAtRef * 365 + rng.int(0...364) + ageAtRef / 4)), dx.adding(days: -30))
        let given = (sex == .female ? rng.pick(sources.names.female) : rng.pick(sources.names.male)) ?? "Demo"
        let family = rng.pick(sources.names.family) ?? "Patient"
        var p = Patient(id: id, identity: Identity(mrn: "DEMO-" + String(format: "%06d", serial), family: family, given: given),
                        sex: sex, birthDate: birth,
                        site: rng.pick(ageAtRef < 18 ? (sources.settings.paediatricSites ?? sources.settings.sites) : sources.settings.sites),
                        diagnoses: [])
        var diagnosis = Diagnosis(date: dx, category: category, who2022: sc?.who2022 ?? prof.who2022, icc2022: prof.icc2022,
                                  icd10: prof.icd10, oncotree: prof.oncotree)
        if let b = prof.blastsBM, b.count == 2 { diagnosis.blastsBM = round(rng.double(b[0], b[1]), 1) }
        p.diagnoses = [diagnosis]

        // Cytogenetics and fusions.
        if let k = sc?.karyotype {
            p.karyotypes = [Karyotype(date: dx, tissue: .bm, abnormalities: k)]
        } else if sc?.noKaryotype != true, rng.chance(prof.karyotypeProbability ?? 0.9),
                  let spec = rng.weighted(prof.karyotypes ?? [], weight: { $0.weight }) {
            p.karyotypes = [Karyotype(date: dx, tissue: .bm, iscn: spec.iscn, abnormalities: spec.abnormalities)]
        }
        if let f = sc?.fusions {
            p.fusions = f.map { Fusion(date: dx, name: $0, method: "RT-PCR") }
        } else {
            for f in prof.fusions ?? [] where rng.chance(f.probability) { p.fusions.append(Fusion(date: dx, name: f.name, method: f.method ?? "RT-PCR")) }
        }

        // Panel and variants: a gene not covered never carries a reported variant.
        var panelGenes: [String] = []
        let sequenced = sc?.variants != nil || rng.chance(prof.panelProbability ?? 0.95)
        if let name = prof.panel, let genes = sources.settings.panels[name], sequenced {
            var removed = Set(sc?.untested ?? [])
            if sc == nil { for (g, pr) in (prof.untested ?? [:]).sorted(by: { $0.key < $1.key }) where rng.chance(pr) { removed.insert(g) } }
            panelGenes = genes.filter { !removed.contains($0) }
        }
        if let vs = sc?.variants {
            for v in vs {
                p.variants.append(Variant(gene: v.gene, date: dx.adding(days: v.daysAfterDiagnosis ?? 0), hgvsc: v.hgvsc, hgvsp: v.hgvsp,
                                          consequence: v.consequence.flatMap(VariantConsequence.init), domain: v.domain, vaf: v.vaf,
                                          origin: v.origin.flatMap(VariantOrigin.init) ?? .somatic,
                                          tissue: v.tissue.flatMap(SampleTissue.init) ?? .bm,
                                          classification: v.classification.flatMap(VariantClassification.init) ?? .pathogenic))
                if !panelGenes.contains(v.gene) && !(v.tissue.flatMap(SampleTissue.init)?.isGermlineTissue ?? false) {
                    panelGenes.append(v.gene)
                }
            }
        } else if !panelGenes.isEmpty {
            let covered = Set(panelGenes)
            var used = Set<String>()
            for v in prof.variants ?? [] where covered.contains(v.gene) && rng.chance(v.probability) {
                if let ex = v.exclusive { if used.contains(ex) { continue }; used.insert(ex) }
                let alt = rng.pick(v.alternatives ?? [])
                let lo = v.vaf.first ?? 0.1, hi = v.vaf.last ?? 0.5
                p.variants.append(Variant(gene: v.gene, date: dx, hgvsc: alt?.first, hgvsp: alt?.last,
                                          consequence: v.consequence.flatMap(VariantConsequence.init), domain: v.domain,
                                          vaf: round(rng.double(lo, hi)), origin: v.origin.flatMap(VariantOrigin.init) ?? .somatic,
                                          tissue: v.tissue.flatMap(SampleTissue.init) ?? (category.group == .mpn ? .pb : .bm),
                                          classification: v.classification.flatMap(VariantClassification.init) ?? .pathogenic))
            }
        }
        if !panelGenes.isEmpty {
            let assay = prof.panel == "mpn-hotspot" ? "MPN hotspot qPCR/NGS" : "NGS \(prof.panel ?? "panel")"
            let tissue: SampleTissue = prof.panel == "germline" ? .skinFibroblast : (category.group == .mpn ? .pb : .bm)
            p.testedGenes.append(GenePanel(date: dx, assay: assay, tissue: tissue, genes: panelGenes))
        }
        for extra in sc?.extraPanels ?? [] {
            p.testedGenes.append(GenePanel(date: dx.adding(days: extra.daysAfterDiagnosis ?? 30), assay: extra.assay,
                                           tissue: extra.tissue.flatMap(SampleTissue.init), genes: extra.genes))
        }

        // Treatment timeline and disease status history.
        let initial = prof.initialStatus.flatMap(DiseaseStatus.init) ?? (category.group == .bmf || category.group == .germline ? nil : .newlyDiagnosed)
        if let s = initial { p.diseaseStatus.append(DiseaseStatusEntry(date: dx, status: s)) }
        var cursor = dx.adding(days: rng.int(2...10))
        var firstTreatmentEnd: LocalDate?
        var lastTransplant: LocalDate?
        if let path = rng.weighted(prof.pathways ?? [], weight: { $0.weight }) {
            var line = 1
            for spec in path.lines {
                if cursor >= ref.adding(days: -3) { break }
                if let sb = spec.statusBefore.flatMap(DiseaseStatus.init) {
                    p.diseaseStatus.append(DiseaseStatusEntry(date: cursor, status: sb)); line += 1
                }
                let endDate = cursor.adding(days: spec.days)
                let ongoing = endDate > ref
                let intent = TherapyIntent(rawValue: spec.intent) ?? .other
                p.therapies.append(Therapy(start: cursor, end: ongoing ? nil : endDate, regimen: spec.regimen, agents: spec.agents,
                                           intent: intent, line: intent == .supportive ? nil : line,
                                           response: ongoing ? nil : spec.response))
                if ongoing { break }
                if firstTreatmentEnd == nil { firstTreatmentEnd = endDate }
                if let st = spec.status.flatMap(DiseaseStatus.init) { p.diseaseStatus.append(DiseaseStatusEntry(date: endDate, status: st)) }
                if spec.transplant == true {
                    let tx = endDate.adding(days: 1)
                    let gvhd: GVHDState = rng.chance(0.55) ? .none : (rng.chance(0.6) ? .acute : .chronic)
                    p.transplants.append(Transplant(date: tx, type: .allogeneic, donor: rng.pick(sources.settings.donors), gvhd: gvhd))
                    lastTransplant = tx
                }
                cursor = endDate.adding(days: rng.int(10...45))
            }
        }
        if let days = sc?.transplantDaysAgo {
            let tx = ref.adding(days: -days)
            p.transplants = [Transplant(date: tx, type: .allogeneic, donor: rng.pick(sources.settings.donors),
                                        gvhd: sc?.gvhd.flatMap(GVHDState.init) ?? GVHDState.none)]
            lastTransplant = tx
        }
        if let s = sc?.status.flatMap(DiseaseStatus.init) {
            p.diseaseStatus.append(DiseaseStatusEntry(date: max(dx.adding(days: 1), ref.adding(days: -20)), status: s))
        }
        p.diseaseStatus.sort { $0.date < $1.date }

        // MRD series.
        let mrdStart = firstTreatmentEnd ?? dx.adding(days: 30)
        for spec in prof.mrd ?? [] where mrdStart < ref && (sc?.mrdPattern != nil || rng.chance(spec.probability)) {
            let pattern = sc?.mrdPattern ?? rng.weighted([("falling", 45.0), ("rising", 15), ("conversion", 15), ("undetectable", 15), ("low-level", 10)],
                                                          weight: { $0.1 })?.0 ?? "falling"
            for t in spec.tissues {
                guard let tissue = MRDTissue(rawValue: t), let method = MRDMethod(rawValue: spec.method) else { continue }
                p.mrd += series(spec: spec, tissue: tissue, method: method, pattern: pattern, dx: dx, from: mrdStart)
            }
        }
        _ = lastTransplant

        // Labs, performance status, comorbidities, family, features, follow-ups.
        p.labs = labs(category: category, hadAnthracycline: p.therapies.contains { $0.agents.contains { ["daunorubicin", "idarubicin", "CPX-351", "doxorubicin"].contains($0) } })
        let psCount = rng.int(1...3)
        for i in 0..<psCount {
            let d = ref.adding(days: -(rng.int(3...40) + (psCount - 1 - i) * rng.int(60...150) + (rng.chance(0.15) ? 200 : 0)))
            if d >= dx.adding(days: -10) || i == psCount - 1 {
                p.performanceStatus.append(PerformanceStatus(date: d, ecog: ageAtRef > 75 ? rng.int(1...3) : rng.int(0...2)))
            }
        }
        p.performanceStatus.sort { $0.date < $1.date }
        for c in sources.settings.comorbidities where rng.chance(0.05) { p.comorbidities.append(c) }
        if let fam = sc?.family {
            p.familyHistory = fam.compactMap { f in FamilyRelation(rawValue: f.relation).map { FamilyHistoryEntry(relation: $0, condition: f.condition, ageAtDiagnosis: f.ageAtDiagnosis) } }
        } else if rng.chance(prof.familyProbability ?? 0.04) {
            let rel = rng.pick([FamilyRelation.parent, .sibling, .grandparent, .auntUncle, .cousin]) ?? .parent
            p.familyHistory.append(FamilyHistoryEntry(relation: rel, condition: rng.pick(sources.settings.familyConditions) ?? "AML",
                                                      ageAtDiagnosis: rng.int(30...80)))
        }
        if let f = sc?.features { p.clinicalFeatures = f } else {
            for f in prof.features ?? [] where rng.chance(f.probability) { p.clinicalFeatures.append(f.tag) }
        }
        if let fu = sc?.followUps {
            p.followUps = fu.map { FollowUp(id: nil, due: ref.adding(days: $0.dueInDays), kind: $0.kind, note: $0.note,
                                            done: $0.done == true ? ref.adding(days: min(0, $0.dueInDays)) : nil) }
        } else if rng.chance(0.45) {
            for _ in 0..<rng.int(1...2) {
                let due = ref.adding(days: rng.int(-60...120))
                let done = due < ref && rng.chance(0.4) ? due.adding(days: rng.int(0...5)) : nil
                p.followUps.append(FollowUp(due: due, kind: rng.pick(sources.settings.followUpKinds) ?? "clinic visit",
                                            note: nil, done: done.map { min($0, ref) }))
            }
        }
        // Nurses' records of the post-transplant vaccination visits already given (most of them; the rest stay
        // overdue on the worklist). Visit months follow the scheduler's Majhail 2012 Table A visits.
        if sc == nil, let tx = p.transplants.filter({ $0.type == .allogeneic }).map(\.date).max() {
            for month in [3, 4, 5, 6, 7, 8, 12, 24] {
                let due = tx.adding(months: month)
                guard due < ref.adding(days: -14), rng.chance(0.85) else { continue }
                p.followUps.append(FollowUp(due: due, kind: "vaccination", note: "post-HCT vaccination visit, \(month) months",
                                            done: min(due.adding(days: rng.int(0...7)), ref)))
            }
        }
        // Risk-score inputs of the non-AML groups, from their own RNG stream.
        var risk = DemoRiskInputs(seed: seed, serial: serial, ref: ref)
        // The outcome first (it truncates what follows a death or the last contact), then the risk inputs, dated
        // within the follow-up the outcome leaves.
        assignOutcome(&p, scenario: sc != nil)
        risk.add(to: &p, counters: &riskCounters)
        // Last: contradictions a random draw (or the outcome's truncation) can produce are removed.
        return DemoGenerator.consistent(p)
    }

    /// Removes the contradictions a random draw can produce (`CaseConsistency` checks them),
    /// without drawing from the generator (other patients stay the same):
    /// - "AML with NPM1 mutation" whose panel left NPM1 out: the NPM1 variant found by a targeted NPM1 assay;
    /// - "biallelic TP53" with a single hit below VAF 50 %, "MDS-IB2" below 10 % blasts: the WHO 2022 label the
    ///   blasts give (low blasts < 5 %, IB1 5–9 %, IB2 10–19 %);
    /// - a conditioning regimen not followed by a transplant: moved to end the day before a transplant that has
    ///   no conditioning, else dropped (an ongoing one stays: its transplant is ahead).
    static func consistent(_ patient: Patient) -> Patient {
        var p = patient
        for i in p.diagnoses.indices {
            let d = p.diagnoses[i]
            if (d.who2022 ?? "").contains("NPM1") && !p.variants.contains(where: { $0.gene == "NPM1" }) {
                p.variants.append(Variant(gene: "NPM1", date: d.date, hgvsc: "NM_002520.7:c.860_863dup", hgvsp: "p.(Trp288CysfsTer12)",
                                          consequence: .frameshift, vaf: 0.4, origin: .somatic, tissue: .bm, classification: .pathogenic))
                p.testedGenes.append(GenePanel(date: d.date, assay: "NPM1 fragment analysis", tissue: .bm, genes: ["NPM1"]))
            }
            let tp53 = p.variants.filter { $0.gene == "TP53" }
            let singleHit = tp53.count < 2 && !tp53.contains { ($0.vaf ?? 0) >= 0.5 }
            let b = d.blastsBM ?? 0
            let byBlasts = b < 5 ? "MDS with low blasts" : (b < 10 ? "MDS with increased blasts-1" : "MDS with increased blasts-2")
            if (d.who2022 ?? "").contains("biallelic TP53") && singleHit { p.diagnoses[i].who2022 = byBlasts }
            if (d.who2022 ?? "").contains("increased blasts-2"), let bm = d.blastsBM, bm < 10 {
                p.diagnoses[i].who2022 = byBlasts
                if d.icc2022 == "MDS/AML" { p.diagnoses[i].icc2022 = bm < 5 ? "MDS, NOS" : "MDS with excess blasts" }
            }
        }
        func prepared(_ t: Therapy) -> Bool {
            p.transplants.contains { $0.date >= t.start && t.start.days(until: $0.date) <= CaseConsistency.conditioningWindowDays }
        }
        var kept: [Therapy] = []
        for t in p.therapies {
            guard t.intent == .conditioning, t.end != nil, !prepared(t) else { kept.append(t); continue }
            let unprepared = p.transplants.filter { tx in
                !p.therapies.contains { $0.intent == .conditioning && $0.start <= tx.date && $0.start.days(until: tx.date) <= CaseConsistency.conditioningWindowDays }
            }
            if let tx = unprepared.map(\.date).max(), let end = t.end {
                let length = max(1, t.start.days(until: end))
                var moved = t
                moved.end = tx.adding(days: -1)
                moved.start = tx.adding(days: -1 - length)
                kept.append(moved)
            }
        }
        p.therapies = kept.sorted { $0.start < $1.start }
        return p
    }

    /// One MRD series (marker × method × tissue) over 6–36 months following `pattern`.
    mutating func series(spec: DemoSources.MRDSpec, tissue: MRDTissue, method: MRDMethod, pattern: String,
                         dx: LocalDate, from: LocalDate) -> [MRDResult] {
        var out: [MRDResult] = []
        let pcr = method == .qPCR || method == .ddPCR
        let sens = spec.sensitivity
        func result(_ d: LocalDate, _ v: Double?) -> MRDResult {
            // An MRD value is a fraction (formats.md): a rising series or a high baseline never passes 0.9.
            if let raw = v, raw >= sens {
                let v = min(raw, 0.9)
                return MRDResult(date: d, marker: spec.marker, method: method, tissue: tissue, detected: true,
                                 value: Double(String(format: "%.3g", v)) ?? v, sensitivity: sens,
                                 controlCopies: pcr ? Double(rng.int(15...120) * 1000) : nil)
            }
            // A negative: sometimes not evaluable (too few ABL1 copies, < 10,000 per ELN; or too poor a sensitivity).
            let forced = pattern == "not-evaluable", clean = pattern == "conversion"
            let lowCopies = pcr && !clean && (forced || rng.chance(0.1))
            let poorSens = !pcr && !clean && (forced || rng.chance(0.1))
            return MRDResult(date: d, marker: spec.marker, method: method, tissue: tissue, detected: false, value: nil,
                             sensitivity: poorSens ? 1e-3 : sens,
                             controlCopies: pcr ? Double(lowCopies ? rng.int(2...9) * 1000 : rng.int(15...120) * 1000) : nil)
        }
        // Baseline at diagnosis for molecular markers.
        if pcr { out.append(result(dx, spec.start * rng.double(0.5, 1.5))) }
        let months = rng.int(6...36)
        let end = min(ref.adding(days: -rng.int(0...20)), from.adding(months: months))
        var dates: [LocalDate] = []
        var d = from
        while d <= end { dates.append(d); d = d.adding(days: tissue == .pb ? rng.int(28...50) : rng.int(70...100)) }
        if dates.isEmpty { return out }
        var level = spec.start * pow(10, -rng.double(1.5, 2.5))
        let n = dates.count
        for (i, date) in dates.enumerated() {
            var v: Double?
            switch pattern {
            case "rising":
                if i < n / 2 || n < 3 { level /= pow(10, rng.double(0.3, 0.7)) } else { level *= pow(10, rng.double(1.1, 1.6)) }
                v = max(level, sens * 2)
            case "conversion":
                if i < max(2, n - 2) { v = nil } else { v = sens * pow(10, rng.double(0.8, 1.6)) }
            case "undetectable", "not-evaluable":
                v = nil
            case "low-level":
                v = sens * pow(10, rng.double(0.2, 0.8))
            default: // falling
                level /= pow(10, rng.double(0.5, 1.2))
                v = level >= sens ? level : nil
            }
            out.append(result(date, v))
        }
        return out
    }

    mutating func labs(category: DiagnosisCategory, hadAnthracycline: Bool) -> [LabResult] {
        let stale = rng.chance(0.15)
        let recent = ref.adding(days: -(stale ? rng.int(90...400) : rng.int(1...28)))
        let older = recent.adding(days: -rng.int(30...120))
        var out: [LabResult] = []
        let cytopenic = category.group == .bmf || category.group == .mds
        for date in [older, recent] {
            out.append(LabResult(date: date, test: "ANC", value: round(rng.double(cytopenic ? 0.2 : 0.5, cytopenic ? 1.8 : 6), 10), unit: "10^9/L"))
            out.append(LabResult(date: date, test: "platelets", value: Double(rng.int(cytopenic ? 8...90 : 20...420)), unit: "10^9/L"))
            out.append(LabResult(date: date, test: "hemoglobin", value: round(rng.double(7, 15), 10), unit: "g/dL"))
        }
        out.append(LabResult(date: recent, test: "WBC", value: round(rng.double(0.8, category.group == .mpn ? 30 : 12), 10), unit: "10^9/L"))
        out.append(LabResult(date: recent, test: "creatinine", value: Double(rng.int(45...180)), unit: "µmol/L"))
        out.append(LabResult(date: recent, test: "bilirubin", value: Double(rng.int(4...45)), unit: "µmol/L"))
        out.append(LabResult(date: recent, test: "ALT", value: Double(rng.int(8...140)), unit: "U/L"))
        if hadAnthracycline || rng.chance(0.2) {
            out.append(LabResult(date: recent.adding(days: -rng.int(0...200)), test: "LVEF", value: Double(rng.int(35...68)), unit: "%"))
        }
        return out.sorted { ($0.date, $0.test) < ($1.date, $1.test) }
    }
}
