import CaseModel
import ClinicalRules
import Foundation

/// What a `FastProgram`'s atoms need of one patient, indexed by the program's interned ids: the matching-table
/// counterpart of `PatientFacts` (which the explained path uses). One instance per worker thread is reloaded for
/// each patient (`load`): per-name entries are valid only when their stamp equals the current patient's, so
/// nothing is cleared between patients and nothing is allocated per patient once the caches are warm.
///
/// Only data dated on or before `today` is considered, exactly as `PatientFacts` does; `FastEvaluatorTests`
/// checks every atom of the demo catalogue gives the same result on both.
final class FastFacts {
    private(set) var patient: Patient
    private(set) var interpretation: Interpretation
    private(set) var today: LocalDate
    private var stamp: UInt32 = 0
    /// The patient's risk scores, computed on the first `risk` atom (most catalogues have none).
    private var risks: [SchemeRiskAssessment]?

    // scalars
    /// nil when the birth date is not recorded.
    private var age: Int?
    private var sex = Sex.unknown
    private var category: Int = -1
    private var diagnosis: Diagnosis?
    private var oncotreeCode: String?
    private var oncotreeID: Int32 = -1
    private var oncotreeDerived = true
    /// oncoCoarse[code * 2 + isA]: `OncoTreeSubtype.coarseResult` for this patient (0: the code is not below theirs)
    private var oncoCoarse: [UInt8] = []
    private var latestStatus: DiseaseStatus?
    private var everRelapsed = false
    private var lines: Int?
    private var therapyCount = 0
    /// latest transplant day by type index (last slot: any type); Int.min when none
    private var transplantDay = [Int](repeating: Int.min, count: FastBits.transplantTypes.count + 1)
    private var ecog: PerformanceStatus?
    private var eln: (known: Bool, applicable: Bool, provisional: Bool, risk: UInt8) = (false, false, false, 0)
    private var anyFusion = false
    /// fusions dated on or before today, as gene ids (-2: a gene no rule names)
    private var fusions: [[Int32]] = []
    private var karyotype: FastKaryotype?
    private var germlineTested = false
    /// a non-benign germline variant dated on or before today
    private var hasGermlineVariant = false
    /// genes of the non-benign variants of unestablished origin dated on or before today
    private var unknownOriginGenes: [String] = []
    /// per label atom of the program: its result for this patient's diagnosis
    private var labelCodes: [UInt8] = []
    /// label results by (icc, label text) — labels come from a small vocabulary
    private var labelCache: [LabelKey: [UInt8]] = [:]
    private struct LabelKey: Hashable { var who: String?; var icc: String?; var hasDiagnosis: Bool }

    // per-name tables (valid when stamp matches)
    private let geneStamp: UnsafeMutablePointer<UInt32>
    private let geneTested: UnsafeMutablePointer<Bool>
    private let genePanel: UnsafeMutablePointer<Bool>
    /// first variant (index into patient.variants, dated ≤ today) of the gene; chained by `variantNext`
    private let geneFirst: UnsafeMutablePointer<Int32>
    private var variantNext: [Int32] = []
    private var variantLast: [Int32] = []
    private var proteins: [HGVSProtein?] = []
    private var consequences: [VariantConsequence?] = []
    private let agentStamp: UnsafeMutablePointer<UInt32>
    /// latest day of exposure (end, or today while ongoing) per agent
    private let agentLastDay: UnsafeMutablePointer<Int>
    private let labStamp: UnsafeMutablePointer<UInt32>
    private let labIndex: UnsafeMutablePointer<Int32>
    /// the latest lab's value in the test's canonical unit (NaN: not convertible), valid when labValueStamp matches
    private let labValueStamp: UnsafeMutablePointer<UInt32>
    private let labValue: UnsafeMutablePointer<Double>
    private let comorbidityStamp: UnsafeMutablePointer<UInt32>
    private let featureStamp: UnsafeMutablePointer<UInt32>
    private let oncoStamp: UnsafeMutablePointer<UInt32>
    private let counts: (genes: Int, agents: Int, labs: Int, comorbidities: Int, features: Int, onco: Int)

    // caches of text work (names → ids, parsed protein changes, analysed karyotypes)
    private var agentCache: [String: Int32] = [:]
    private var labCache: [String: Int32] = [:]
    private var comorbidityCache: [String: Int32] = [:]
    private var featureCache: [String: Int32] = [:]
    private var proteinCache: [String: HGVSProtein?] = [:]
    private var karyotypeCache: [[String]: FastKaryotype] = [:]
    private let symbols: FastSymbols
    /// per comorbidity tag id: a test-checked exclusion (`TestCheckedExclusion.tags`)
    private let comorbidityTestChecked: [Bool]
    /// gene names by id (for fusion assays and karyotype visibility)
    private let geneNames: [String]
    private var fusionVisibleCache: [Int64: Bool] = [:]

    init(_ program: FastProgram) {
        symbols = program.symbols
        let s = program.symbols
        var tc = [Bool](repeating: false, count: s.comorbidityTags.count)
        for (tag, id) in s.comorbidityTags where Int(id) < tc.count { tc[Int(id)] = TestCheckedExclusion.tags.contains(tag) }
        comorbidityTestChecked = tc
        var names = [String](repeating: "", count: s.genes.count)
        for (g, id) in s.genes where id >= 0 && Int(id) < names.count { names[Int(id)] = g }
        geneNames = names
        counts = (s.genes.count, s.agents.count, s.labTests.count, s.comorbidityTags.count, s.featureTags.count, s.oncotreeCodes.count)
        func table<T>(_ n: Int, _ v: T) -> UnsafeMutablePointer<T> {
            let p = UnsafeMutablePointer<T>.allocate(capacity: max(1, n))
            p.initialize(repeating: v, count: max(1, n))
            return p
        }
        geneStamp = table(counts.genes, 0); geneTested = table(counts.genes, false); genePanel = table(counts.genes, false)
        geneFirst = table(counts.genes, -1)
        agentStamp = table(counts.agents, 0); agentLastDay = table(counts.agents, 0)
        labStamp = table(counts.labs, 0); labIndex = table(counts.labs, -1)
        labValueStamp = table(counts.labs, 0); labValue = table(counts.labs, Double.nan)
        comorbidityStamp = table(counts.comorbidities, 0); featureStamp = table(counts.features, 0)
        oncoStamp = table(counts.onco, 0)
        patient = Patient(id: "", sex: .unknown, birthDate: LocalDate(daysSinceEpoch: 0), diagnoses: [])
        interpretation = Interpretation(eln2022: nil, eln2024LessIntensive: nil,
                                        germline: GermlineAssessment(testingRecommended: false, flags: []), mrd: [], followUps: [],
                                        age: 0, cytogenetics: nil)
        today = LocalDate(daysSinceEpoch: 0)
    }

    deinit {
        for p in [geneStamp, agentStamp, labStamp, labValueStamp, comorbidityStamp, featureStamp, oncoStamp] { p.deallocate() }
        labValue.deallocate()
        geneTested.deallocate(); genePanel.deallocate(); geneFirst.deallocate()
        agentLastDay.deallocate(); labIndex.deallocate()
    }

    // MARK: loading one patient

    func load(_ p: Patient, _ interp: Interpretation, today t: LocalDate) {
        stamp &+= 1
        if stamp == 0 {  // wrapped: invalidate every entry
            for (ptr, n) in [(geneStamp, counts.genes), (agentStamp, counts.agents), (labStamp, counts.labs), (labValueStamp, counts.labs),
                             (comorbidityStamp, counts.comorbidities), (featureStamp, counts.features), (oncoStamp, counts.onco)] {
                ptr.update(repeating: 0, count: max(1, n))
            }
            stamp = 1
        }
        patient = p; interpretation = interp; today = t
        risks = nil
        let td = t.daysSinceEpoch
        age = p.age(on: t)
        sex = p.sex
        diagnosis = p.diagnosis
        category = diagnosis.map { FastBits.index($0.category, in: FastBits.categories) } ?? -1
        loadOncotree()
        loadLabels()

        // disease status
        var ls: DiseaseStatusEntry?
        everRelapsed = false
        for s in p.diseaseStatus where s.date.daysSinceEpoch <= td {
            if let l = ls { if l.date <= s.date { ls = s } } else { ls = s }
            if s.status == .relapsed { everRelapsed = true }
        }
        latestStatus = ls?.status

        // therapies and lines
        var maxLine: Int?
        var lineCount = 0, count = 0
        for th in p.therapies where th.start.daysSinceEpoch <= td {
            count += 1
            let last = th.end?.daysSinceEpoch ?? td
            for a in th.agents {
                let id = agentID(a)
                guard id >= 0 else { continue }
                let i = Int(id)
                if agentStamp[i] != stamp { agentStamp[i] = stamp; agentLastDay[i] = last } else if last > agentLastDay[i] { agentLastDay[i] = last }
            }
            if let l = th.line { maxLine = max(maxLine ?? 0, l) }
            if th.intent == .induction || th.intent == .salvage { lineCount += 1 }
        }
        therapyCount = count
        if let m = maxLine { lines = m }
        else if count > 0 { lines = lineCount }
        else if ls?.status == .newlyDiagnosed { lines = 0 }
        else { lines = nil }

        for k in transplantDay.indices { transplantDay[k] = Int.min }
        let anyTx = FastBits.transplantTypes.count
        for x in p.transplants where x.date.daysSinceEpoch <= td {
            let k = FastBits.index(x.type, in: FastBits.transplantTypes)
            transplantDay[k] = max(transplantDay[k], x.date.daysSinceEpoch)
            transplantDay[anyTx] = max(transplantDay[anyTx], x.date.daysSinceEpoch)
        }

        loadGenes(p, td)

        // fusions
        anyFusion = !p.fusions.isEmpty
        fusions.removeAll(keepingCapacity: true)
        for f in p.fusions where f.date.daysSinceEpoch <= td { fusions.append(f.genes.map { symbols.genes[$0] ?? -2 }) }

        // karyotype: the latest on or before today (a later entry wins a tie)
        var lk: Karyotype?
        for k in p.karyotypes where k.date.daysSinceEpoch <= td {
            if let l = lk { if l.date <= k.date { lk = k } } else { lk = k }
        }
        karyotype = lk.map(karyotypeInfo)

        // labs: the latest of each test on or before today (a later entry wins a tie)
        for (i, l) in p.labs.enumerated() where l.date.daysSinceEpoch <= td {
            let id = labID(l.test)
            guard id >= 0 else { continue }
            let k = Int(id)
            if labStamp[k] == stamp, p.labs[Int(labIndex[k])].date > l.date { continue }
            labStamp[k] = stamp; labIndex[k] = Int32(i)
        }

        var le: PerformanceStatus?
        for e in p.performanceStatus where e.date.daysSinceEpoch <= td {
            if let l = le { if l.date <= e.date { le = e } } else { le = e }
        }
        ecog = le

        for c in p.comorbidities { let id = tagID(c, comorbidity: true); if id >= 0 { comorbidityStamp[Int(id)] = stamp } }
        for c in p.clinicalFeatures { let id = tagID(c, comorbidity: false); if id >= 0 { featureStamp[Int(id)] = stamp } }

        if let r = interp.eln2022 {
            eln = (true, true, !r.missing.isEmpty && r.risk != .adverse, UInt8(FastBits.index(r.risk, in: FastBits.risks)))
        } else {
            eln = (false, !(diagnosis.map { $0.category != .aml } ?? false), false, 0)
        }
    }

    private func loadOncotree() {
        if let d = diagnosis {
            if let c = d.oncotree, !c.isEmpty { oncotreeCode = c; oncotreeDerived = false }
            else { oncotreeCode = OncoTree.code(for: d.category); oncotreeDerived = true }
        } else { oncotreeCode = nil; oncotreeDerived = true }
        oncotreeID = oncotreeCode.flatMap { symbols.oncotreeCodes[$0] } ?? -1
        guard counts.onco > 0 else { return }
        var cur = oncotreeCode
        var seen = 0
        var visited: [String] = []
        while let c = cur, seen < 16, !visited.contains(c) {
            visited.append(c); seen += 1
            if let id = symbols.oncotreeCodes[c] { oncoStamp[Int(id)] = stamp }
            cur = OncoTree.parent[c]
        }
        if oncoCoarse.count != counts.onco * 2 { oncoCoarse = [UInt8](repeating: 0, count: counts.onco * 2) }
        guard let pc = oncotreeCode else { return }
        for (i, name) in symbols.oncotreeNames.enumerated() where i < counts.onco {
            for a in 0..<2 {
                let r = OncoTreeSubtype.coarseResult(code: name, isA: a == 1, patientCode: pc, diagnosis: diagnosis)
                oncoCoarse[i * 2 + a] = r.map { $0 == .met ? 1 : $0 == .notMet ? 2 : 3 } ?? 0
            }
        }
    }

    private func loadLabels() {
        guard !symbols.labels.isEmpty else { return }
        let key = LabelKey(who: diagnosis?.who2022, icc: diagnosis?.icc2022, hasDiagnosis: diagnosis != nil)
        if let c = labelCache[key] { labelCodes = c; return }
        let d = diagnosis
        let codes = symbols.labels.map { l in Self.code(Evaluator.label(icc: l.icc, text: l.text, contains: l.contains, d).0) }
        labelCache[key] = codes
        labelCodes = codes
    }

    private func loadGenes(_ p: Patient, _ td: Int) {
        let n = p.variants.count
        if variantNext.count < n {
            variantNext = [Int32](repeating: -1, count: n); variantLast = variantNext
            proteins = [HGVSProtein?](repeating: nil, count: n); consequences = [VariantConsequence?](repeating: nil, count: n)
        }
        germlineTested = false
        hasGermlineVariant = false
        unknownOriginGenes.removeAll(keepingCapacity: true)
        for (i, v) in p.variants.enumerated() where v.date.daysSinceEpoch <= td {
            if v.origin == .germline { germlineTested = true; if !Evaluator.isBenign(v) { hasGermlineVariant = true } }
            if v.origin == .unknown && !Evaluator.isBenign(v) { unknownOriginGenes.append(v.gene) }
            guard let id = symbols.genes[v.gene] else { continue }
            let g = Int(id)
            let hp = v.hgvsp.flatMap(protein)
            proteins[i] = hp
            consequences[i] = v.consequence ?? PatientFacts.inferConsequence(hp)
            variantNext[i] = -1
            if geneStamp[g] != stamp {
                geneStamp[g] = stamp; geneTested[g] = true; genePanel[g] = false; geneFirst[g] = Int32(i)
            } else if geneFirst[g] < 0 {
                geneTested[g] = true; geneFirst[g] = Int32(i)
            } else {
                variantNext[Int(variantLast[Int(geneFirst[g])])] = Int32(i)
            }
            variantLast[Int(geneFirst[g])] = Int32(i)
        }
        for panel in p.testedGenes where panel.date.daysSinceEpoch <= td {
            if let t = panel.tissue, t.isGermlineTissue || t == .buccal { germlineTested = true }
            for gene in panel.genes {
                guard let id = symbols.genes[gene] else { continue }
                let g = Int(id)
                if geneStamp[g] != stamp { geneStamp[g] = stamp; geneFirst[g] = -1 }
                geneTested[g] = true; genePanel[g] = true
            }
        }
    }

    private func protein(_ text: String) -> HGVSProtein? {
        if let p = proteinCache[text] { return p }
        let p = HGVSProtein(text)
        proteinCache[text] = p
        return p
    }

    private func agentID(_ name: String) -> Int32 {
        if let i = agentCache[name] { return i }
        let i = symbols.agents[AgentClasses.canonicalAgent(name)] ?? -1
        agentCache[name] = i
        return i
    }

    private func labID(_ test: String) -> Int32 {
        if let i = labCache[test] { return i }
        let i = symbols.labTests[LabTable.canonicalName(test)] ?? -1
        labCache[test] = i
        return i
    }

    private func tagID(_ tag: String, comorbidity: Bool) -> Int32 {
        if comorbidity {
            if let i = comorbidityCache[tag] { return i }
            let i = symbols.comorbidityTags[tag.lowercased()] ?? -1
            comorbidityCache[tag] = i
            return i
        }
        if let i = featureCache[tag] { return i }
        let i = symbols.featureTags[tag.lowercased()] ?? -1
        featureCache[tag] = i
        return i
    }

    private func karyotypeInfo(_ k: Karyotype) -> FastKaryotype {
        if let c = karyotypeCache[k.abnormalities] { return c }
        let info = FastKaryotype(k, symbols)
        karyotypeCache[k.abnormalities] = info
        return info
    }

    // MARK: atoms

    @inline(__always) private static func tri(_ b: Bool) -> UInt8 { b ? 1 : 2 }

    @inline(__always) private func geneTestedFlag(_ g: Int32) -> Bool { geneStamp[Int(g)] == stamp && geneTested[Int(g)] }

    /// Result code (1 met, 2 not met, 3 unknown) of one atom: `Evaluator.atom`'s result, without its reason.
    func code(_ a: FastAtom, _ prog: FastProgram) -> UInt8 {
        switch a {
        case .age(let c, let v):
            guard let age else { return 3 }
            return Self.tri(c.holds(Double(age), v))
        case .ageRange(let lo, let hi):
            guard let age else { return 3 }
            return Self.tri(age >= lo && age <= hi)
        case .sex(let m):
            if m & (1 << UInt8(FastBits.index(sex, in: FastBits.sexes))) != 0 { return 1 }
            return sex == .unknown ? 3 : 2
        case .diagnosis(let m):
            guard category >= 0 else { return 3 }
            return Self.tri(m & (1 << UInt32(category)) != 0)
        case .liquid:
            guard let d = diagnosis else { return 3 }
            return Self.tri(Evaluator.isLiquid(d.category))
        case .diagnosisFlag(let flag):
            guard let d = diagnosis else { return 3 }
            let v: Bool?
            switch flag {
            case .therapyRelated: v = d.therapyRelated
            case .postMDS: v = d.postMDS
            case .postMPN: v = d.postMPN
            }
            guard let v else { return 3 }
            return Self.tri(v)
        case .label(let i):
            return labelCodes[Int(i)]
        case .oncotree(let code, let isA):
            guard oncotreeCode != nil else { return 3 }
            guard code >= 0 else { return 2 }
            if isA ? oncoStamp[Int(code)] == stamp : oncotreeID == code { return 1 }
            // As Evaluator: a generic code is unknown for a subtype below it unless label/blasts decide.
            let coarse = oncoCoarse[Int(code) * 2 + (isA ? 1 : 0)]
            return coarse != 0 ? coarse : 2
        case .status(let mask, let remission, let first):
            guard let s = latestStatus else { return 3 }
            if mask & (1 << UInt32(FastBits.index(s, in: FastBits.statuses))) != 0 { return 1 }
            if remission && s.isRemission { return 1 }
            if first && s.isRemission && !everRelapsed { return 1 }
            return 2
        case .priorLines(let lo, let hi):
            guard let n = lines else { return 3 }
            return Self.tri(n >= lo && n <= hi)
        case .prior(let list, let within):
            var best = Int.min
            for a in symbols.agentLists[Int(list)] where agentStamp[Int(a)] == stamp { best = max(best, agentLastDay[Int(a)]) }
            if best != Int.min {
                if within >= 0 && today.daysSinceEpoch - min(best, today.daysSinceEpoch) > Int(within) { return 2 }
                return 1
            }
            if therapyCount == 0 && lines == nil { return 3 }
            return 2
        case .transplant(let type, let within):
            let d = transplantDay[type < 0 ? FastBits.transplantTypes.count : Int(type)]
            guard d != Int.min else { return 2 }
            if within >= 0 && today.daysSinceEpoch - d > Int(within) { return 2 }
            return 1
        case .variant(let gene, let pattern):
            return variant(gene, pattern)
        case .tested(let g): return Self.tri(geneTestedFlag(g))
        case .wildtype(let g):
            if geneStamp[Int(g)] == stamp {
                var i = geneFirst[Int(g)]
                while i >= 0 { if !Evaluator.isBenign(patient.variants[Int(i)]) { return 2 }; i = variantNext[Int(i)] }
            }
            return geneTestedFlag(g) ? 1 : 3
        case .fusion(let a, let b):
            return fusion(a, b)
        case .karyotypeNormal:
            guard let k = karyotype else { return 3 }
            return Self.tri(k.isNormal)
        case .karyotypeComplex:
            guard let k = karyotype else { return 3 }
            return Self.tri(k.isComplex)
        case .karyotypeMonosomal:
            guard let k = karyotype else { return 3 }
            return Self.tri(k.isMonosomal)
        case .karyotypeLesion(let l):
            guard let k = karyotype else {
                return Evaluator.del5qDiagnosis(symbols.lesions[Int(l)], patient.diagnosis) != nil ? 1 : 3
            }
            return Self.tri(k.lesions[Int(l)])
        case .eln(let m):
            guard eln.known else { return eln.applicable ? 3 : 2 }
            if eln.provisional { return 3 }
            return Self.tri(m & (1 << eln.risk) != 0)
        case .risk(let i):
            let all: [SchemeRiskAssessment]
            if let r = risks { all = r } else { all = RiskSchemes.assess(patient, today: today); risks = all }
            let s = symbols.riskSpecs[Int(i)]
            return Self.code(RiskCriterion.evaluate(all, scheme: s.scheme, accepted: s.accepted, diagnosis: diagnosis).0)
        case .mrd(let i):
            if interpretation.mrd.isEmpty && patient.mrd.isEmpty { return 3 }  // no MRD result at all
            let s = symbols.mrdSpecs[Int(i)]
            return Self.code(Evaluator.mrd(s.marker, s.tissue, s.sel, series: interpretation.mrd, raw: patient.mrd, today: today).0)
        case .lab(let test, let c, let v, let within):
            guard labStamp[Int(test)] == stamp else { return 3 }
            let l = patient.labs[Int(labIndex[Int(test)])]
            if within >= 0 && today.daysSinceEpoch - l.date.daysSinceEpoch > Int(within) { return 3 }
            let k = Int(test)
            if labValueStamp[k] != stamp {
                labValueStamp[k] = stamp
                labValue[k] = LabTable.canonical(test: LabTable.canonicalName(l.test), value: l.value, unit: l.unit) ?? .nan
            }
            let canon = labValue[k]
            guard !canon.isNaN else { return 3 }
            return Self.tri(c.holds(canon, v))
        case .ecog(let c, let v, let within):
            guard let e = ecog else { return 3 }
            if within >= 0 && today.daysSinceEpoch - e.date.daysSinceEpoch > Int(within) { return 3 }
            return Self.tri(c.holds(Double(e.ecog), Double(v)))
        case .comorbidity(let t):
            if comorbidityStamp[Int(t)] == stamp { return 1 }
            if comorbidityTestChecked[Int(t)] { return TestCheckedExclusion.review(patient, today: today) != nil ? 2 : 3 }
            return 2
        case .feature(let t): return Self.tri(featureStamp[Int(t)] == stamp)
        case .germline(let i):
            let s = symbols.germlineSpecs[Int(i)]
            if s.sel == .tested { return Self.tri(germlineTested) }
            if !hasGermlineVariant && interpretation.germline.flags.isEmpty {
                // Nothing germline on record: `Evaluator.germline` ends in its last two branches.
                if s.sel == .confirmed && !germlineTested, let g = s.gene, unknownOriginGenes.contains(g) { return 3 }
                return 2
            }
            return Self.code(Evaluator.germline(s.sel, s.gene, tested: germlineTested, variants: patient.variants,
                                                flags: interpretation.germline.flags, today: today).0)
        case .unmapped: return 3
        }
    }

    @inline(__always) static func code(_ r: CriterionResult) -> UInt8 {
        switch r { case .met: return 1; case .notMet: return 2; case .unknown: return 3 }
    }

    /// `Evaluator.variant`'s result.
    private func variant(_ gene: Int32, _ pattern: Int32) -> UInt8 {
        let g = Int(gene)
        var unknown = false, other = false
        if geneStamp[g] == stamp {
            let vp = symbols.variantPatterns[Int(pattern)]
            var j = geneFirst[g]
            while j >= 0 {
                let i = Int(j)
                j = variantNext[i]
                let v = patient.variants[i]
                if Evaluator.isBenign(v) { continue }
                var maybe = false, ok = true
                if !vp.consequences.isEmpty {
                    if let c = consequences[i] { if !vp.consequences.contains(c) { ok = false } } else { maybe = true }
                }
                if ok, let want = vp.protein {
                    if let have = proteins[i] { if !want.matches(have) { ok = false } } else { maybe = true }
                }
                if ok, let o = vp.origin {
                    if v.origin == .unknown { if o == .germline { maybe = true } } else if v.origin != o { ok = false }
                }
                if ok, vp.exon != nil { maybe = true }
                if ok, let (c, t) = vp.vaf {
                    if let x = v.vaf { if !c.holds(x, t) { ok = false } } else { maybe = true }
                }
                if !ok { other = true; continue }
                if maybe { unknown = true; continue }
                return 1
            }
        }
        if unknown { return 3 }
        if other { return 2 }
        return geneTestedFlag(gene) ? 2 : 3
    }

    /// `Evaluator.fusion`'s result.
    private func fusion(_ a: Int32, _ b: Int32) -> UInt8 {
        if a >= 0 || b >= 0 {
            for g in fusions {
                if a >= 0 && !g.contains(a) { continue }
                if b >= 0 && !g.contains(b) { continue }
                return 1
            }
        }
        if let k = karyotype {
            for g in k.impliedFusions {
                let okA = a < 0 || g.contains(a)
                let okB = b < 0 || g.contains(b) || (g.contains(FastKaryotype.anyPartner) && a >= 0 && g.contains(a))
                if okA && okB { return 1 }
            }
        }
        let na: String? = a >= 0 ? geneNames[Int(a)] : nil, nb: String? = b >= 0 ? geneNames[Int(b)] : nil
        for fp in patient.testedFusions where fp.date <= today {
            if (na.map(fp.genes.contains) ?? false) || (nb.map(fp.genes.contains) ?? false) { return 2 }
        }
        if karyotype != nil {
            let key = Int64(a) << 32 | Int64(UInt32(bitPattern: b))
            let visible: Bool
            if let v = fusionVisibleCache[key] { visible = v } else {
                visible = TestCheckedExclusion.visibleOnKaryotype(na, nb)
                fusionVisibleCache[key] = visible
            }
            if visible { return 2 }
        }
        let panelCovers = (a >= 0 && geneStamp[Int(a)] == stamp && genePanel[Int(a)]) || (b >= 0 && geneStamp[Int(b)] == stamp && genePanel[Int(b)])
        if panelCovers { return 2 }
        return 3
    }
}

/// What the atoms need of one karyotype (cached by its abnormality list: karyotypes repeat across patients).
final class FastKaryotype {
    static let anyPartner: Int32 = -3
    let isNormal: Bool
    let isComplex: Bool
    let isMonosomal: Bool
    /// per lesion id of the program: whether a token matches it
    let lesions: [Bool]
    /// fusions implied by the tokens, as gene ids (-2: a gene no rule names; `anyPartner`: `*`)
    let impliedFusions: [[Int32]]

    init(_ k: Karyotype, _ symbols: FastSymbols) {
        let toks = k.abnormalities
        isNormal = toks.isEmpty
        let profile = CytogeneticProfile.analyse(karyotype: k)
        isComplex = profile.isComplex
        isMonosomal = profile.isMonosomal
        let short = toks.map(KaryotypeLesion.short)
        lesions = symbols.lesions.map { l in
            toks.indices.contains { j in short[j] == l || toks[j] == l || (l.hasPrefix("t(v;") && KaryotypeLesion.matches(rule: l, token: toks[j])) }
        }
        impliedFusions = toks.compactMap { t in
            KaryotypeLesion.impliedFusion(t).map { $0.components(separatedBy: "::").map { $0 == "*" ? FastKaryotype.anyPartner : (symbols.genes[$0] ?? -2) } }
        }
    }
}
