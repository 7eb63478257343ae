import CaseModel
import Foundation

/// Turns an atom's `Reason` into the sentence shown to coordinators, naming the datum and its date.
public enum ReasonText {
    static func pct(_ x: Double) -> String {
        let v = x * 100
        return v == v.rounded() && abs(v) < 1e15 ? "\(Int(v)) %" : String(format: "%.1f %%", v)
    }
    static func num(_ x: Double) -> String {
        x == x.rounded() && abs(x) < 1e9 ? String(Int(x)) : String(format: "%.3g", x)
    }

    public static func variantText(_ v: Variant) -> String {
        var s = v.gene
        if let c = v.hgvsc { s += " " + (c.split(separator: ":").last.map(String.init) ?? c) }
        else if let p = v.hgvsp { s += " " + p }
        else if let c = v.consequence { s += " " + c.rawValue }
        if let x = v.vaf { s += " VAF \(pct(x))" }
        if v.origin == .germline { s += " (germline)" }
        s += " on \(v.date.iso)"
        return s
    }

    public static func text(_ a: Atom, _ r: Reason, _ f: PatientFacts) -> String {
        let pt = f.patient
        let p = a.predicate
        switch r {
        case .none: return ""
        case .age(let n): return "age \(n) on \(f.today.iso)"
        case .noBirthDate: return "birth date not recorded"
        case .sex: return "sex \(pt.sex.rawValue)"
        case .noDiagnosis: return "no diagnosis recorded"
        case .category:
            guard let d = pt.diagnosis else { return "no diagnosis recorded" }
            return "diagnosis \(d.category.rawValue) on \(d.date.iso)"
        case .flag(let v):
            let name: String
            if case .diagnosisFlag(let fl) = p { name = fl.rawValue } else { name = "flag" }
            guard let v else { return "\(name) not recorded on the diagnosis" }
            return v ? "diagnosis is \(name)" : "diagnosis is not \(name)"
        case .label(let l):
            let scheme: String
            if case .label(let icc, _, _) = p { scheme = icc ? "ICC 2022" : "WHO 2022" } else { scheme = "label" }
            guard let l else { return "\(scheme) label not recorded" }
            return "\(scheme): \(l)"
        case .oncotree(let coarse):
            let code = f.oncotreeCode ?? "?"
            var want = ""
            if case .oncotree(let c, let name, let isA) = p {
                want = c == nil ? "\"\(name)\" (not a haematological OncoTree type)" : (isA ? "\(c ?? "") or below" : (c ?? ""))
            }
            if coarse {
                return "OncoTree only known as \(code) (\(f.oncotreeDerived ? "from the diagnosis category" : "no subtype recorded")); \(want) needs the subtype"
            }
            return "OncoTree \(code)\(f.oncotreeDerived ? " (from the diagnosis category)" : ""); criterion \(want)"
        case .oncotreeSubtype(let excess):
            let d = pt.diagnosis
            let label = d?.who2022.map { "WHO 2022 \($0)" } ?? d?.icc2022.map { "ICC 2022 \($0)" }
            let blasts = "BM blasts \(d?.blastsBM.map { "\($0) %" } ?? "not recorded"), PB blasts \(d?.blastsPB.map { "\($0) %" } ?? "not recorded")"
            return "OncoTree only known as \(f.oncotreeCode ?? "?"); \(label.map { $0 + ", " } ?? "")\(blasts): MDS \(excess ? "with" : "without") excess blasts"
        case .noStatus: return "disease status not recorded"
        case .status(let i):
            let s = pt.diseaseStatus[i]
            return "status \(s.status.rawValue) on \(s.date.iso)\(f.everRelapsed ? " (relapse on record)" : "")"
        case .lines(let n):
            guard let n else { return "no therapy history recorded" }
            return "\(n) prior line\(n == 1 ? "" : "s") of therapy"
        case .therapy(let i, let agent):
            let t = pt.therapies[i]
            return "\(agent) in \(t.regimen) from \(t.start.iso)\(t.end.map { " to \($0.iso)" } ?? " (ongoing)")"
        case .therapyTooOld(let i, let agent):
            let t = pt.therapies[i]
            var w = ""
            if case .prior(_, _, _, let d) = p, let d { w = ", more than \(d) days ago" }
            return "\(agent) in \(t.regimen) ended \(t.end.map(\.iso) ?? "?")\(w)"
        case .noTherapyHistory: return "no therapy history recorded"
        case .noExposure(let n):
            var what = "agent"
            if case .prior(_, let label, _, _) = p { what = label }
            return n == 0 ? "no prior therapy recorded" : "no \(what) in \(n) recorded therap\(n == 1 ? "y" : "ies")"
        case .transplant(let i):
            let t = pt.transplants[i]
            return "\(t.type.rawValue) transplant on \(t.date.iso) (\(t.date.days(until: f.today)) days ago)"
        case .transplantTooOld(let i):
            let t = pt.transplants[i]
            return "\(t.type.rawValue) transplant on \(t.date.iso), \(t.date.days(until: f.today)) days ago"
        case .noTransplant: return "no transplant recorded"
        case .variant(let i): return variantText(pt.variants[i])
        case .variantVAFMissing(let i): return "\(variantText(pt.variants[i])): VAF not reported"
        case .variantDetailMissing(let i, let what): return "\(variantText(pt.variants[i])): \(what) not recorded"
        case .variantOther(let i):
            var want = ""
            if case .variant(let vp) = p { want = " (criterion: \(vp.label))" }
            return "\(variantText(pt.variants[i]))\(want)"
        case .geneNegative(let panel):
            var g = ""
            switch p {
            case .variant(let vp): g = vp.gene
            case .tested(let x), .wildtype(let x): g = x
            default: break
            }
            if let i = panel {
                let pa = pt.testedGenes[i]
                if case .tested = p { return "\(g) tested (\(pa.assay) on \(pa.date.iso))" }
                return "\(g) tested, no variant (\(pa.assay) on \(pa.date.iso))"
            }
            return "\(g) tested, no matching variant"
        case .geneNotTested:
            switch p {
            case .variant(let vp): return "\(vp.gene) not tested"
            case .tested(let g), .wildtype(let g): return "\(g) not tested"
            default: return "gene not tested"
            }
        case .fusion(let i):
            let fu = pt.fusions[i]
            return "\(fu.name) on \(fu.date.iso)\(fu.method.map { " (\($0))" } ?? "")"
        case .fusionFromKaryotype(let k, let tok): return "\(tok) on karyotype of \(pt.karyotypes[k].date.iso)"
        case .fusionNegative(let k):
            var name = "fusion"
            if case .fusion(let a, let b) = p { name = "\(a ?? "*")::\(b ?? "*")" }
            if let k { return "no \(name) on the karyotype of \(pt.karyotypes[k].date.iso)" }
            return "no \(name): a gene panel covering it found none"
        case .fusionNotTested:
            var name = "fusion"
            if case .fusion(let a, let b) = p { name = "\(a ?? "*")::\(b ?? "*")" }
            return Reason.isVisible(p)
                ? "\(name) not tested (no karyotype, fusion assay or panel covering it)"
                : "\(name) not tested: cryptic on a karyotype, no fusion assay covering it"
        case .karyotype(let k):
            let ka = pt.karyotypes[k]
            let abn = ka.abnormalities.isEmpty ? "normal" : ka.abnormalities.joined(separator: ", ")
            return "karyotype \(ka.date.iso): \(abn)"
        case .noKaryotype: return "no karyotype recorded"
        case .eln:
            guard let r = f.interpretation.eln2022 else { return "ELN 2022 risk not computed" }
            return "ELN 2022 \(r.risk.rawValue)\(r.drivers.isEmpty ? "" : " (" + r.drivers.joined(separator: "; ") + ")")"
        case .elnProvisional:
            guard let r = f.interpretation.eln2022 else { return "ELN 2022 risk not computed" }
            return "ELN 2022 provisionally \(r.risk.rawValue); missing: \(r.missing.joined(separator: ", "))"
        case .elnNotComputed: return "ELN 2022 risk not available"
        case .risk(let s), .riskUndecided(let s), .riskNotApplicable(let s):
            return RiskCriterion.text(r, scheme: s, f.risks, diagnosis: pt.diagnosis?.category.rawValue)
        case .elnNotApplicable: return "ELN 2022 does not apply to \(pt.diagnosis?.category.rawValue ?? "this diagnosis")"
        case .mrdSeries(let i):
            let s = f.interpretation.mrd[i]
            var t = "MRD \(s.marker) \(s.method.rawValue) \(s.tissue.rawValue) \(s.status.rawValue)"
            if let l = s.latest { t += " on \(l.date.iso)" + (l.value.map { " (\(num($0)))" } ?? "") }
            if let e = s.events.last(where: { $0.kind == .logRise }) { t += "; log rise on \(e.date.iso)" }
            return t
        case .mrdRaw(let i, let rise):
            let m = pt.mrd[i]
            var t = "MRD \(m.marker) \(m.method.rawValue) \(m.tissue.rawValue) \(m.detected ? "detected" : "not detected") on \(m.date.iso)"
            if let v = m.value, m.detected { t += " (\(num(v)))" }
            if let r = rise { t += String(format: ", %.1f log change from the previous positive", r) }
            return t
        case .mrdNotEvaluable(let i):
            let s = f.interpretation.mrd[i]
            return "MRD \(s.marker) \(s.tissue.rawValue) not evaluable\(s.latest.map { " on \($0.date.iso)" } ?? "")"
        case .noMRD:
            if case .mrd(let m, let t, _) = p { return "no MRD result for \(m)\(t.map { " in \($0.rawValue)" } ?? "")" }
            return "no MRD result"
        case .lab(let i, let canon, let limit):
            let l = pt.labs[i]
            var test = l.test, unit = l.unit, ulnText = ""
            if case .lab(let t, _, let v, let uln, let u, _) = p {
                test = t; unit = u
                if uln, let ul = LabTable.entry(t)?.uln { ulnText = " (limit \(num(v / ul)) × ULN = \(num(limit)) \(u))" }
            }
            let conv = LabTable.normaliseUnit(l.unit) == LabTable.normaliseUnit(unit) ? "" : " = \(num(canon)) \(unit)"
            return "\(test) \(num(l.value)) \(l.unit)\(conv) on \(l.date.iso)\(ulnText)"
        case .noLab:
            if case .lab(let t, _, _, _, _, _) = p { return "no \(t) recorded" }
            return "no lab recorded"
        case .labTooOld(let i):
            let l = pt.labs[i]
            var w = 0
            if case .lab(_, _, _, _, _, let d) = p { w = d ?? 0 }
            return "\(l.test) last recorded \(l.date.iso), older than \(w) days"
        case .labUnit(let i):
            let l = pt.labs[i]
            return "\(l.test) \(num(l.value)) \(l.unit) on \(l.date.iso): unit not convertible"
        case .ecog(let i):
            let e = pt.performanceStatus[i]
            return "ECOG \(e.ecog) on \(e.date.iso)"
        case .noECOG: return "ECOG not recorded"
        case .ecogTooOld(let i):
            var w = 0
            if case .ecog(_, _, let d) = p { w = d ?? 0 }
            return "ECOG last recorded \(pt.performanceStatus[i].date.iso), older than \(w) days"
        case .tag(let present):
            var tag = ""
            if case .comorbidity(let t) = p { tag = t }
            if case .feature(let t) = p { tag = t }
            return present ? "\(tag) recorded" : "\(tag) not recorded"
        case .karyotypeFromDiagnosis(let label):
            return "del(5q) established by the diagnosis \"\(label)\" (no karyotype recorded)"
        case .tagNotReviewed:
            var tag = ""
            if case .comorbidity(let t) = p { tag = t }
            return "\(tag) not recorded and comorbidities not reviewed: result needed"
        case .tagAbsentOnReview(let d):
            var tag = ""
            if case .comorbidity(let t) = p { tag = t }
            return "\(tag) absent on the comorbidity review of \(d.iso)"
        case .fusionAssayNegative(let i):
            var name = "fusion"
            if case .fusion(let a, let b) = p { name = "\(a ?? "*")::\(b ?? "*")" }
            let fp = pt.testedFusions[i]
            return "no \(name) on \(fp.assay) of \(fp.date.iso)"
        case .germlineVariant(let i): return "germline \(variantText(pt.variants[i]))"
        case .germlineFlag(let i):
            let fl = f.interpretation.germline.flags[i]
            return "germline \(fl.level.rawValue)\(fl.gene.map { " \($0)" } ?? ""): \(fl.reason)"
        case .germlineNone:
            return f.germlineTested ? "germline testing on record, no matching finding" : "no germline testing recorded and nothing suggesting a germline variant"
        case .germlineNotTested: return "no germline testing recorded"
        case .unmapped:
            if case .unmapped(let s) = p { return "cannot be evaluated: \(s)" }
            return "cannot be evaluated"
        }
    }

    /// Joins several atoms' reasons (for and/or criteria).
    public static func join(_ parts: [(Atom, Reason)], _ f: PatientFacts) -> String {
        if parts.count == 1 { return text(parts[0].0, parts[0].1, f) }
        var seen = Set<String>()
        var out: [String] = []
        for (a, r) in parts {
            let t = text(a, r, f)
            if !t.isEmpty, seen.insert(t).inserted { out.append(t) }
        }
        return out.joined(separator: "; ")
    }
}

extension Reason {
    /// Whether the fusion predicate `p` names a fusion visible on a karyotype.
    static func isVisible(_ p: Predicate) -> Bool {
        if case .fusion(let a, let b) = p { return TestCheckedExclusion.visibleOnKaryotype(a, b) }
        return true
    }
}
