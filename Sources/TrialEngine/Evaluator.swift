import CaseModel
import ClinicalRules

/// Tri-state (Kleene) evaluation of compiled rules against a `PatientFacts` index.
public enum Evaluator {
    // MARK: Kleene connectives

    @inline(__always)
    public static func negate(_ r: CriterionResult) -> CriterionResult {
        switch r { case .met: return .notMet; case .notMet: return .met; case .unknown: return .unknown }
    }

    /// Result only (fast path: no explanation is built).
    public static func result(_ e: RuleExpr, _ f: PatientFacts) -> CriterionResult {
        switch e {
        case .atom(let a): return atom(a.predicate, f).0
        case .not(let x): return negate(result(x, f))
        case .and(let xs):
            var unknown = false
            for x in xs {
                switch result(x, f) {
                case .notMet: return .notMet
                case .unknown: unknown = true
                case .met: break
                }
            }
            return unknown ? .unknown : .met
        case .or(let xs):
            var unknown = false
            for x in xs {
                switch result(x, f) {
                case .met: return .met
                case .unknown: unknown = true
                case .notMet: break
                }
            }
            return unknown ? .unknown : .notMet
        }
    }

    /// Result with the atoms (and their reasons) that decided it.
    public static func explain(_ e: RuleExpr, _ f: PatientFacts) -> (CriterionResult, [(Atom, Reason)]) {
        switch e {
        case .atom(let a):
            let (r, why) = atom(a.predicate, f)
            return (r, [(a, why)])
        case .not(let x):
            let (r, why) = explain(x, f)
            return (negate(r), why)
        case .and(let xs):
            var all: [(Atom, Reason)] = [], unknowns: [(Atom, Reason)] = [], fails: [(Atom, Reason)] = []
            for x in xs {
                let (r, why) = explain(x, f)
                all += why
                if r == .notMet { fails += why } else if r == .unknown { unknowns += why }
            }
            if !fails.isEmpty { return (.notMet, fails) }
            if !unknowns.isEmpty { return (.unknown, unknowns) }
            return (.met, all)
        case .or(let xs):
            var all: [(Atom, Reason)] = [], unknowns: [(Atom, Reason)] = []
            for x in xs {
                let (r, why) = explain(x, f)
                if r == .met { return (.met, why) }
                all += why
                if r == .unknown { unknowns += why }
            }
            if !unknowns.isEmpty { return (.unknown, unknowns) }
            return (.notMet, all)
        }
    }

    // MARK: atoms

    @inline(__always)
    static func tri(_ b: Bool) -> CriterionResult { b ? .met : .notMet }

    @inline(__always)
    static func isLiquid(_ c: DiagnosisCategory) -> Bool {
        switch c {
        case .aml, .apl, .mds, .mdsMpn, .mpn, .cml, .bALL, .tALL, .mpal: return true
        case .aplasticAnaemia, .pnh, .ibmfs, .germlinePredisposition: return false
        }
    }

    public static func atom(_ p: Predicate, _ f: PatientFacts) -> (CriterionResult, Reason) {
        switch p {
        case .age(let c, let v):
            guard let age = f.age else { return (.unknown, .noBirthDate) }
            return (tri(c.holds(Double(age), v)), .age(age))
        case .ageRange(let lo, let hi):
            guard let age = f.age else { return (.unknown, .noBirthDate) }
            return (tri(age >= lo && age <= hi), .age(age))
        case .sex(let list):
            if list.contains(f.patient.sex) { return (.met, .sex) }
            return (f.patient.sex == .unknown ? .unknown : .notMet, .sex)
        case .diagnosis(let cats):
            guard let c = f.category else { return (.unknown, .noDiagnosis) }
            return (tri(cats.contains(c)), .category)
        case .liquid:
            guard let c = f.category else { return (.unknown, .noDiagnosis) }
            return (tri(isLiquid(c)), .category)
        case .diagnosisFlag(let flag):
            guard let d = f.patient.diagnosis else { return (.unknown, .noDiagnosis) }
            let v: Bool?
            switch flag {
            case .therapyRelated: v = d.therapyRelated
            case .postMDS: v = d.postMDS
            case .postMPN: v = d.postMPN
            }
            guard let v else { return (.unknown, .flag(nil)) }
            return (tri(v), .flag(v))
        case .label(let icc, let text, let contains):
            return label(icc: icc, text: text, contains: contains, f.patient.diagnosis)
        case .oncotree(let code, _, let isA):
            guard let pc = f.oncotreeCode else { return (.unknown, .noDiagnosis) }
            guard let code else { return (.notMet, .oncotree(tooCoarse: false)) }
            let ok = isA ? f.oncotreeAncestors.contains(code) : pc == code
            if ok { return (.met, .oncotree(tooCoarse: false)) }
            // Issue 11 point 21: a generic code (recorded or derived) is unknown for a subtype below it, unless
            // the WHO/ICC label or the blasts decide it (OncoTreeSubtype).
            if let r = OncoTreeSubtype.coarseResult(code: code, isA: isA, patientCode: pc, diagnosis: f.patient.diagnosis) {
                if r == .unknown { return (r, .oncotree(tooCoarse: true)) }
                return (r, .oncotreeSubtype(excessBlasts: OncoTreeSubtype.excessBlasts(f.patient.diagnosis) ?? false))
            }
            return (.notMet, .oncotree(tooCoarse: false))
        case .status(let sels):
            guard let i = f.latestStatus else { return (.unknown, .noStatus) }
            let s = f.patient.diseaseStatus[i].status
            for sel in sels {
                switch sel {
                case .status(let x): if s == x { return (.met, .status(i)) }
                case .remission: if s.isRemission { return (.met, .status(i)) }
                case .firstRemission: if s.isRemission && !f.everRelapsed { return (.met, .status(i)) }
                }
            }
            return (.notMet, .status(i))
        case .priorLines(let lo, let hi):
            guard let n = f.lines else { return (.unknown, .lines(nil)) }
            return (tri(n >= lo && n <= hi), .lines(n))
        case .prior(let agents, _, _, let within):
            var best: (Int, String)?
            for a in agents {
                guard let idx = f.therapiesByAgent[a] else { continue }
                for i in idx {
                    let t = f.patient.therapies[i]
                    let last = t.end ?? f.today
                    if let b = best {
                        let bl = f.patient.therapies[b.0].end ?? f.today
                        if last <= bl { continue }
                    }
                    best = (i, a)
                }
            }
            if let (i, a) = best {
                if let w = within {
                    let last = min(f.patient.therapies[i].end ?? f.today, f.today)
                    if last.days(until: f.today) > w { return (.notMet, .therapyTooOld(i, agent: a)) }
                }
                return (.met, .therapy(i, agent: a))
            }
            if f.therapyCount == 0 && f.lines == nil { return (.unknown, .noTherapyHistory) }
            return (.notMet, .noExposure(f.therapyCount))
        case .transplant(let type, let within):
            var best: Int?
            for (i, t) in f.patient.transplants.enumerated() where t.date <= f.today && (type == nil || t.type == type) {
                if let b = best, f.patient.transplants[b].date >= t.date { continue }
                best = i
            }
            guard let i = best else { return (.notMet, .noTransplant) }
            if let w = within, f.patient.transplants[i].date.days(until: f.today) > w { return (.notMet, .transplantTooOld(i)) }
            return (.met, .transplant(i))
        case .variant(let vp):
            return variant(vp, f)
        case .tested(let g):
            return f.tested(g) ? (.met, .geneNegative(panel: f.panelByGene[g])) : (.notMet, .geneNotTested)
        case .wildtype(let g):
            if let idx = f.variantsByGene[g], let i = idx.first(where: { !isBenign(f.patient.variants[$0]) }) {
                return (.notMet, .variantOther(i))
            }
            return f.tested(g) ? (.met, .geneNegative(panel: f.panelByGene[g])) : (.unknown, .geneNotTested)
        case .fusion(let a, let b):
            return fusion(a, b, f)
        case .karyotype(let sel):
            guard let k = f.latestKaryotype else {
                // Issue 11 point 21: an MDS-del(5q) diagnosis shows del(5q) without a karyotype on record.
                if case .lesion(let l) = sel, let label = del5qDiagnosis(l, f.patient.diagnosis) { return (.met, .karyotypeFromDiagnosis(label)) }
                return (.unknown, .noKaryotype)
            }
            let toks = f.karyotypeTokens
            let ok: Bool
            switch sel {
            case .normal: ok = toks.isEmpty
            case .complex: ok = f.karyotypeComplex
            case .monosomal: ok = f.karyotypeMonosomal
            case .lesion(let l):
                var hit = false
                for (j, t) in toks.enumerated() where f.karyotypeShort[j] == l || t == l || (l.hasPrefix("t(v;") && KaryotypeLesion.matches(rule: l, token: t)) { hit = true; break }
                ok = hit
            }
            return (tri(ok), .karyotype(k))
        case .eln(let risks):
            guard let r = f.interpretation.eln2022 else {
                if let d = f.patient.diagnosis, d.category != .aml { return (.notMet, .elnNotApplicable) }
                return (.unknown, .elnNotComputed)
            }
            if !r.missing.isEmpty && r.risk != .adverse { return (.unknown, .elnProvisional) }
            return (tri(risks.contains(r.risk)), .eln)
        case .risk(let scheme, let accepted):
            return RiskCriterion.evaluate(f.risks, scheme: scheme, accepted: accepted, diagnosis: f.patient.diagnosis)
        case .mrd(let marker, let tissue, let sel):
            return mrd(marker, tissue, sel, f)
        case .lab(let test, let c, let v, let uln, _, let within):
            guard let i = f.latestLab[test] else { return (.unknown, .noLab) }
            let l = f.patient.labs[i]
            if let w = within, l.date.days(until: f.today) > w { return (.unknown, .labTooOld(i)) }
            guard let canon = f.labCanonical[i] else { return (.unknown, .labUnit(i)) }
            let limit = v  // × ULN already applied at compile time
            return (tri(c.holds(canon, limit)), .lab(i, canonical: canon, limit: limit))
        case .ecog(let c, let v, let within):
            guard let i = f.latestECOG else { return (.unknown, .noECOG) }
            let e = f.patient.performanceStatus[i]
            if let w = within, e.date.days(until: f.today) > w { return (.unknown, .ecogTooOld(i)) }
            return (tri(c.holds(Double(e.ecog), Double(v))), .ecog(i))
        case .comorbidity(let tag):
            let present = f.comorbidities.contains(tag)
            if !present && TestCheckedExclusion.tags.contains(tag) {
                guard let r = TestCheckedExclusion.review(f.patient, today: f.today) else { return (.unknown, .tagNotReviewed) }
                return (.notMet, .tagAbsentOnReview(r))
            }
            return (tri(present), .tag(present: present))
        case .feature(let tag):
            let present = f.features.contains(tag)
            return (tri(present), .tag(present: present))
        case .germline(let sel, let gene):
            return germline(sel, gene, f)
        case .unmapped:
            return (.unknown, .unmapped)
        }
    }

    /// The diagnosis label (or OncoTree code) that establishes del(5q) when criterion lesion `l` is del(5q).
    static func del5qDiagnosis(_ l: String, _ d: Diagnosis?) -> String? {
        guard l == "del(5q)", let d else { return nil }
        if d.oncotree == "MDSDEL5Q" { return d.who2022 ?? d.icc2022 ?? "OncoTree MDSDEL5Q" }
        for label in [d.who2022, d.icc2022].compactMap({ $0 }) {
            let t = label.lowercased()
            if t.contains("5q deletion") || t.contains("del(5q)") { return label }
        }
        return nil
    }

    static func isBenign(_ v: Variant) -> Bool { v.classification == .benign || v.classification == .likelyBenign }

    static func variant(_ vp: VariantPattern, _ f: PatientFacts) -> (CriterionResult, Reason) {
        var unknown: Reason?
        var other: Int?
        if let idx = f.variantsByGene[vp.gene] {
            for i in idx {
                let v = f.patient.variants[i]
                if isBenign(v) { continue }
                var maybe: Reason?
                var ok = true
                if !vp.consequences.isEmpty {
                    if let c = f.consequences[i] { if !vp.consequences.contains(c) { ok = false } }
                    else { maybe = maybe ?? .variantDetailMissing(i, "consequence") }
                }
                if ok, let want = vp.protein {
                    if let have = f.proteins[i] { if !want.matches(have) { ok = false } }
                    else { maybe = maybe ?? .variantDetailMissing(i, "protein change") }
                }
                if ok, let o = vp.origin {
                    if v.origin == .unknown { if o == .germline { maybe = maybe ?? .variantDetailMissing(i, "origin") } }
                    else if v.origin != o { ok = false }
                }
                if ok, vp.exon != nil { maybe = maybe ?? .variantDetailMissing(i, "exon") }
                if ok, let (c, t) = vp.vaf {
                    if let x = v.vaf { if !c.holds(x, t) { ok = false } }
                    else { maybe = maybe ?? .variantVAFMissing(i) }
                }
                if !ok { other = other ?? i; continue }
                if let m = maybe { unknown = unknown ?? m; continue }
                return (.met, .variant(i))
            }
        }
        if let u = unknown { return (.unknown, u) }
        if let o = other { return (.notMet, .variantOther(o)) }
        if f.tested(vp.gene) { return (.notMet, .geneNegative(panel: f.panelByGene[vp.gene])) }
        return (.unknown, .geneNotTested)
    }

    static func fusion(_ a: String?, _ b: String?, _ f: PatientFacts) -> (CriterionResult, Reason) {
        let key = a ?? b ?? ""
        if let idx = f.fusionsByGene[key] {
            for i in idx {
                let g = f.patient.fusions[i].genes
                if let a, !g.contains(a) { continue }
                if let b, !g.contains(b) { continue }
                return (.met, .fusion(i))
            }
        }
        if let k = f.latestKaryotype {
            for (g, t) in f.impliedFusions {
                let okA = a == nil || g.contains(a ?? "")
                let okB = b == nil || g.contains(b ?? "") || (g.contains("*") && a != nil && g.contains(a ?? ""))
                if okA && okB { return (.met, .fusionFromKaryotype(k, t)) }
            }
        }
        // A fusion assay covering the gene, then a karyotype for a fusion visible on one, then a gene panel.
        // Recorded fusions of other genes are no evidence.
        for (i, fp) in f.patient.testedFusions.enumerated() where fp.date <= f.today {
            if (a.map(fp.genes.contains) ?? false) || (b.map(fp.genes.contains) ?? false) { return (.notMet, .fusionAssayNegative(i)) }
        }
        if let k = f.latestKaryotype, TestCheckedExclusion.visibleOnKaryotype(a, b) { return (.notMet, .fusionNegative(karyotype: k)) }
        let panelCovers = (a.map { f.panelByGene[$0] != nil } ?? false) || (b.map { f.panelByGene[$0] != nil } ?? false)
        if panelCovers { return (.notMet, .fusionNegative(karyotype: nil)) }
        return (.unknown, .fusionNotTested)
    }

    static func mrd(_ marker: String, _ tissue: MRDTissue?, _ sel: MRDSelector, _ f: PatientFacts) -> (CriterionResult, Reason) {
        mrd(marker, tissue, sel, series: f.interpretation.mrd, raw: f.patient.mrd, today: f.today)
    }

    /// `who2022` / `icc2022` label criterion (shared by both evaluation paths).
    static func label(icc: Bool, text: String, contains: Bool, _ diagnosis: Diagnosis?) -> (CriterionResult, Reason) {
        guard let d = diagnosis else { return (.unknown, .noDiagnosis) }
        guard let l = icc ? d.icc2022 : d.who2022 else { return (.unknown, .label(nil)) }
        let ok = contains ? l.lowercased().contains(text.lowercased()) : l.lowercased() == text.lowercased()
        return (tri(ok), .label(l))
    }

    /// MRD criterion over the interpreted series and the raw results (shared by both evaluation paths).
    static func mrd(_ marker: String, _ tissue: MRDTissue?, _ sel: MRDSelector, series: [MRDSeriesAssessment],
                    raw: [MRDResult], today: LocalDate) -> (CriterionResult, Reason) {
        var best: Int?
        for (i, s) in series.enumerated() where s.marker == marker && (tissue == nil || s.tissue == tissue) {
            guard let d = s.latest?.date else { continue }
            if let b = best, let bd = series[b].latest?.date, bd >= d { continue }
            best = i
        }
        if let i = best {
            let s = series[i]
            if s.status == .notEvaluable && sel != .logRise { return (.unknown, .mrdNotEvaluable(i)) }
            switch sel {
            case .positive:
                if [.optimal, .warning, .failure].contains(s.status) { return (tri(s.latest?.detected == true), .mrdSeries(i)) }
                return (tri(s.status == .positive || s.status == .lowLevel || s.status == .relapse), .mrdSeries(i))
            case .negative:
                if [.optimal, .warning, .failure].contains(s.status) {
                    return (tri(s.latest.map { !$0.detected && $0.evaluable } ?? false), .mrdSeries(i))
                }
                return (tri(s.status == .negative), .mrdSeries(i))
            case .logRise: return (tri(s.events.contains { $0.kind == .logRise }), .mrdSeries(i))
            }
        }
        // Raw results when the rules gave no series for this marker.
        var latest: Int?
        for (i, m) in raw.enumerated() where m.marker == marker && (tissue == nil || m.tissue == tissue) && m.date <= today {
            if let l = latest, raw[l].date >= m.date { continue }
            latest = i
        }
        guard let li = latest else { return (.unknown, .noMRD) }
        let m = raw[li]
        switch sel {
        case .positive: return (tri(m.detected), .mrdRaw(li, logRise: nil))
        case .negative: return (tri(!m.detected), .mrdRaw(li, logRise: nil))
        case .logRise:
            guard m.detected, let v = m.value, v > 0 else { return (.notMet, .mrdRaw(li, logRise: nil)) }
            var prev: Int?
            for (i, x) in raw.enumerated() where i != li && x.seriesKey == m.seriesKey && x.date < m.date && x.detected && (x.value ?? 0) > 0 {
                if let p = prev, raw[p].date >= x.date { continue }
                prev = i
            }
            guard let pi = prev, let pv = raw[pi].value else { return (.notMet, .mrdRaw(li, logRise: nil)) }
            let rise = log10(v / pv)
            return (tri(rise >= 1), .mrdRaw(li, logRise: rise))
        }
    }

    static func germline(_ sel: GermlineSelector, _ gene: String?, _ f: PatientFacts) -> (CriterionResult, Reason) {
        germline(sel, gene, tested: f.germlineTested, variants: f.patient.variants, flags: f.interpretation.germline.flags, today: f.today)
    }

    /// Germline criterion (shared by both evaluation paths). `tested`: a germline test or germline tissue on or
    /// before today; `variants`: every variant of the record (those after today are ignored here).
    static func germline(_ sel: GermlineSelector, _ gene: String?, tested germlineTested: Bool, variants: [Variant],
                         flags: [GermlineFlag], today: LocalDate) -> (CriterionResult, Reason) {
        if sel == .tested { return (tri(germlineTested), germlineTested ? .germlineNone : .germlineNotTested) }
        for (i, v) in variants.enumerated() where v.origin == .germline && v.date <= today && !isBenign(v) {
            if let g = gene, v.gene != g { continue }
            return (.met, .germlineVariant(i))
        }
        func wanted(_ level: GermlineFlagLevel) -> Bool {
            switch sel {
            case .confirmed: return level == .confirmed
            case .suspected: return level == .confirmed || level == .suspected
            case .redFlag, .tested: return true
            }
        }
        for (i, fl) in flags.enumerated() where wanted(fl.level) {
            if let g = gene, fl.gene != g { continue }
            return (.met, .germlineFlag(i))
        }
        // Not germline-tested: unknown only when something hints at a germline variant (a flag, or a variant of
        // that gene whose origin is not established); otherwise there is nothing to confirm.
        // Issue 11 point 19: unknown, not not-met, while a suspected germline variant (of that gene, or any
        // without a gene) or a red flag not yet resolved by germline testing is open.
        if sel == .confirmed || sel == .suspected {
            let open = flags.firstIndex { $0.level == .suspected && (gene == nil || $0.gene == nil || $0.gene == gene) }
                ?? (germlineTested ? nil : flags.firstIndex { $0.level == .redFlag })
            if let i = open { return (.unknown, .germlineFlag(i)) }
            let hint = sel == .confirmed && !germlineTested
                && (gene.map { g in variants.contains { $0.gene == g && $0.date <= today && $0.origin == .unknown && !isBenign($0) } } ?? false)
            if hint { return (.unknown, .germlineNotTested) }
        }
        return (.notMet, .germlineNone)
    }
}
import Foundation
