import CaseModel
import ClinicalRules

/// Per-patient index built once per (patient, today): every criterion then looks up what it needs without
/// scanning the record. Only data dated on or before `today` is considered.
public struct PatientFacts: Sendable {
    public let patient: Patient
    public let interpretation: Interpretation
    public let today: LocalDate
    /// nil when the birth date is not recorded (age criteria are then unknown).
    public let age: Int?
    public let oncotreeCode: String?
    public let oncotreeDerived: Bool
    /// the code and every ancestor of it in the heme OncoTree
    public let oncotreeAncestors: Set<String>
    public let category: DiagnosisCategory?
    /// gene → indices into patient.variants
    public let variantsByGene: [String: [Int]]
    public let proteins: [HGVSProtein?]
    public let consequences: [VariantConsequence?]
    /// gene → index into patient.testedGenes of the latest panel covering it
    public let panelByGene: [String: Int]
    public let latestStatus: Int?
    public let everRelapsed: Bool
    public let lines: Int?
    /// canonical agent → therapy indices
    public let therapiesByAgent: [String: [Int]]
    public let therapyCount: Int
    public let latestKaryotype: Int?
    /// gene → fusion indices
    public let fusionsByGene: [String: [Int]]
    /// canonical test name → index of the latest lab on or before today
    public let latestLab: [String: Int]
    /// per lab: value in the test's canonical unit (nil when not convertible)
    public let labCanonical: [Double?]
    /// latest karyotype's tokens and their short forms (`t(8;21)(q22;q22.1)` → `t(8;21)`)
    public let karyotypeTokens: [String]
    public let karyotypeShort: [String]
    /// fusions implied by the latest karyotype: (gene list, token)
    public let impliedFusions: [([String], String)]
    public let karyotypeComplex: Bool
    public let karyotypeMonosomal: Bool
    public let latestECOG: Int?
    public let comorbidities: Set<String>
    public let features: Set<String>
    public let germlineTested: Bool
    /// The non-AML risk scores (ClinicalRules `RiskSchemes`), [] when none applies.
    public let risks: [SchemeRiskAssessment]

    public init(patient: Patient, interpretation: Interpretation, today: LocalDate) {
        self.patient = patient
        self.interpretation = interpretation
        self.today = today
        risks = RiskSchemes.assess(patient, today: today)
        age = patient.age(on: today)
        if let d = patient.diagnosis {
            if let c = d.oncotree, !c.isEmpty { oncotreeCode = c; oncotreeDerived = false }
            else { oncotreeCode = OncoTree.code(for: d.category); oncotreeDerived = true }
        } else { oncotreeCode = nil; oncotreeDerived = true }
        category = patient.diagnosis?.category
        var anc = Set<String>()
        var cur = oncotreeCode
        while let c = cur, anc.count < 16, anc.insert(c).inserted { cur = OncoTree.parent[c] }
        oncotreeAncestors = anc

        var vbg: [String: [Int]] = [:]
        var prots: [HGVSProtein?] = []
        var cons: [VariantConsequence?] = []
        prots.reserveCapacity(patient.variants.count)
        for (i, v) in patient.variants.enumerated() {
            let hp = v.hgvsp.flatMap(HGVSProtein.init)
            prots.append(hp)
            cons.append(v.consequence ?? PatientFacts.inferConsequence(hp))
            if v.date <= today { vbg[v.gene, default: []].append(i) }
        }
        variantsByGene = vbg; proteins = prots; consequences = cons

        var pbg: [String: Int] = [:]
        var gTested = patient.variants.contains { $0.origin == .germline && $0.date <= today }
        for (i, panel) in patient.testedGenes.enumerated() where panel.date <= today {
            for g in panel.genes {
                if let j = pbg[g], patient.testedGenes[j].date > panel.date { continue }
                pbg[g] = i
            }
            if let t = panel.tissue, t.isGermlineTissue || t == .buccal { gTested = true }
        }
        panelByGene = pbg
        germlineTested = gTested

        var ls: Int?
        var relapsed = false
        for (i, s) in patient.diseaseStatus.enumerated() where s.date <= today {
            if let j = ls { if patient.diseaseStatus[j].date <= s.date { ls = i } } else { ls = i }
            if s.status == .relapsed { relapsed = true }
        }
        latestStatus = ls; everRelapsed = relapsed

        var tba: [String: [Int]] = [:]
        var maxLine: Int?
        var lineCount = 0
        var count = 0
        for (i, t) in patient.therapies.enumerated() where t.start <= today {
            count += 1
            for a in t.agents { tba[AgentClasses.canonicalAgent(a), default: []].append(i) }
            if let l = t.line { maxLine = max(maxLine ?? 0, l) }
            if t.intent == .induction || t.intent == .salvage { lineCount += 1 }
        }
        therapiesByAgent = tba; therapyCount = count
        if let m = maxLine { lines = m }
        else if count > 0 { lines = lineCount }
        else if let j = ls, patient.diseaseStatus[j].status == .newlyDiagnosed { lines = 0 }
        else { lines = nil }

        var lk: Int?
        for (i, k) in patient.karyotypes.enumerated() where k.date <= today {
            if let j = lk { if patient.karyotypes[j].date <= k.date { lk = i } } else { lk = i }
        }
        latestKaryotype = lk

        var fbg: [String: [Int]] = [:]
        for (i, f) in patient.fusions.enumerated() where f.date <= today {
            for g in f.genes { fbg[g, default: []].append(i) }
        }
        fusionsByGene = fbg

        var ll: [String: Int] = [:]
        var lc: [Double?] = []
        lc.reserveCapacity(patient.labs.count)
        for (i, l) in patient.labs.enumerated() {
            let k = LabTable.canonicalName(l.test)
            lc.append(LabTable.canonical(test: k, value: l.value, unit: l.unit))
            guard l.date <= today else { continue }
            if let j = ll[k], patient.labs[j].date > l.date { continue }
            ll[k] = i
        }
        latestLab = ll
        labCanonical = lc
        let toks = lk.map { patient.karyotypes[$0].abnormalities } ?? []
        karyotypeTokens = toks
        karyotypeShort = toks.map(KaryotypeLesion.short)
        // Complex and monosomal karyotype follow ClinicalRules' ELN 2022 definitions (one implementation).
        let profile = CytogeneticProfile.analyse(karyotype: lk.map { patient.karyotypes[$0] })
        karyotypeComplex = profile.isComplex
        karyotypeMonosomal = profile.isMonosomal
        impliedFusions = toks.compactMap { t in KaryotypeLesion.impliedFusion(t).map { ($0.components(separatedBy: "::"), t) } }

        var le: Int?
        for (i, e) in patient.performanceStatus.enumerated() where e.date <= today {
            if let j = le { if patient.performanceStatus[j].date <= e.date { le = i } } else { le = i }
        }
        latestECOG = le
        comorbidities = Set(patient.comorbidities.map { $0.lowercased() })
        features = Set(patient.clinicalFeatures.map { $0.lowercased() })
    }

    public init(patient: Patient, today: LocalDate) {
        self.init(patient: patient, interpretation: Interpretation.interpret(patient, today: today), today: today)
    }

    static func inferConsequence(_ p: HGVSProtein?) -> VariantConsequence? {
        guard let p else { return nil }
        let c = p.change
        if c.hasPrefix("fs") { return .frameshift }
        if c == "*" { return .nonsense }
        if c.contains("delins") { return nil }
        if c.hasSuffix("dup") || c.contains("ins") { return .inframeInsertion }
        if c.hasSuffix("del") { return .inframeDeletion }
        if c.count == 1, c != "=" { return .missense }
        return nil
    }

    /// Whether a gene was covered by a panel or reported with a variant (tested), on or before today.
    public func tested(_ gene: String) -> Bool { panelByGene[gene] != nil || variantsByGene[gene] != nil }
}
