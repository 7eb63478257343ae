import CaseModel
import Foundation

/// `caseboard trials check`: everything the loader reports, plus unknown genes, criteria that can never be met,
/// OncoTree names outside the haematological table, unmapped (CTML) criteria and registration-like ids.
public enum TrialLinter {
    public static func lint(_ catalogue: TrialCatalogue) -> [TrialDiagnostic] {
        var out = catalogue.diagnostics
        for t in catalogue.trials { out += lint(t) }
        return out
    }

    public static func lint(_ t: CompiledTrial) -> [TrialDiagnostic] {
        var out: [TrialDiagnostic] = []
        // A trial imported from its registration (import-ctgov) keeps the NCT number as its id, and says so in `nct`.
        if t.trial.id.range(of: #"^NCT\d{8}$"#, options: .regularExpression) != nil, t.trial.nct != t.trial.id {
            out.append(TrialDiagnostic(file: t.file, line: 1, column: 1, message: "trial id '\(t.trial.id)' looks like a real registration number; use a local protocol id", severity: .warning))
        }
        for a in t.arms {
            for c in a.criteria {
                func report(_ atom: Atom?, _ m: String, _ sev: TrialDiagnostic.Severity = .error) {
                    let pos = atom.map { c.position(ofAtomAt: $0.offset) } ?? (line: c.line, column: c.column)
                    out.append(TrialDiagnostic(file: t.file, line: pos.line, column: pos.column, message: "arm \(a.arm.id): \(m)", severity: sev))
                }
                for atom in c.expr.atoms {
                    for g in genes(atom.predicate) where !GeneList.known.contains(g) {
                        report(atom, "unknown gene '\(g)'")
                    }
                    switch atom.predicate {
                    case .oncotree(nil, let name, _):
                        report(atom, "OncoTree name \"\(name)\" is not in the haematological table; it never matches a leukaemia", .warning)
                    case .unmapped(let s):
                        report(atom, "criterion cannot be evaluated (always unknown): \(s)", .warning)
                    case .risk(let scheme, let accepted) where accepted.isEmpty:
                        report(atom, "risk \(scheme): no category satisfies the comparison; it can never be met")
                    case .prior(let agents, _, false, _):
                        for ag in agents where !AgentClasses.isKnownAgent(ag) { report(atom, "agent '\(ag)' is not in the agent→class table", .warning) }
                    case .mrd(let marker, _, _):
                        // Issue 11 point 20: the latest sample is used whatever its age.
                        report(atom, "MRD criterion on \(marker) has no time window: the latest sample is used whatever its date", .warning)
                    case .lab(let test, _, _, _, _, nil):
                        report(atom, "lab criterion on \(test) has no time window (within N days): the latest value is used whatever its date", .warning)
                    default: break
                    }
                }
                if let m = never(c.expr) { report(nil, "criterion can never be met: \(m)") }
            }
            // Issue 11 point 22: an arm no inclusion criterion ties to a diagnosis matches any disease.
            let hasDiagnosis = a.criteria.contains { c in
                c.kind == .inclusion && c.expr.atoms.contains { atom in
                    switch atom.predicate {
                    case .diagnosis, .diagnosisFlag, .label, .oncotree: return true
                    default: return false
                    }
                }
            }
            if !hasDiagnosis {
                out.append(TrialDiagnostic(file: t.file, line: 1, column: 1,
                                           message: "arm \(a.arm.id): no diagnosis criterion among the inclusions: patients of any disease can match",
                                           severity: .warning))
            }
        }
        return out
    }

    static func genes(_ p: Predicate) -> [String] {
        switch p {
        case .variant(let vp): return [vp.gene]
        case .tested(let g), .wildtype(let g): return [g]
        case .fusion(let a, let b): return [a, b].compactMap { $0 }
        case .germline(_, let g): return g.map { [$0] } ?? []
        default: return []
        }
    }

    /// A reason why the expression is unsatisfiable, if a simple interval check proves it.
    static func never(_ e: RuleExpr) -> String? {
        switch e {
        case .atom, .not: return nil
        case .or(let xs):
            let rs = xs.map(never)
            return rs.allSatisfy({ $0 != nil }) ? rs.compactMap { $0 }.joined(separator: "; ") : nil
        case .and(let xs):
            for x in xs { if let m = never(x) { return m } }
            var age = (lo: -Double.infinity, hi: Double.infinity)
            var lines = (lo: 0, hi: Int.max)
            var ecog = (lo: 0.0, hi: 5.0)
            var sexes: Set<Sex>?
            var cats: Set<DiagnosisCategory>?
            for x in xs {
                guard case .atom(let a) = x else { continue }
                switch a.predicate {
                case .age(let c, let v): age = narrow(age, c, v)
                case .ageRange(let lo, let hi): age = (max(age.lo, Double(lo)), min(age.hi, Double(hi)))
                case .priorLines(let lo, let hi): lines = (max(lines.lo, lo), min(lines.hi, hi))
                case .ecog(let c, let v, _): ecog = narrow(ecog, c, Double(v))
                case .sex(let s): sexes = (sexes ?? Set(Sex.allCases)).intersection(s)
                case .diagnosis(let d): cats = (cats ?? Set(DiagnosisCategory.allCases)).intersection(d)
                default: break
                }
            }
            if age.lo > age.hi { return "no age satisfies every age condition" }
            if lines.lo > lines.hi { return "no number of prior lines satisfies every condition" }
            if ecog.lo > ecog.hi { return "no ECOG satisfies every condition" }
            if let s = sexes, s.isEmpty { return "contradictory sex conditions" }
            if let d = cats, d.isEmpty { return "contradictory diagnosis categories" }
            return nil
        }
    }

    static func narrow(_ r: (lo: Double, hi: Double), _ c: Comparison, _ v: Double) -> (lo: Double, hi: Double) {
        switch c {
        case .lt: return (r.lo, min(r.hi, v - 1e-9))
        case .le: return (r.lo, min(r.hi, v))
        case .gt: return (max(r.lo, v + 1e-9), r.hi)
        case .ge: return (max(r.lo, v), r.hi)
        case .eq: return (max(r.lo, v), min(r.hi, v))
        case .ne: return r
        }
    }
}
