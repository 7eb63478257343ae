import Foundation

/// The plain-text rendering of a `SurvivalReport` (the layout of R's `summary(survfit)` per group,
/// then the tests). "NR" is "not reached"; "—" is "not estimable".
public enum SurvivalReportText {
    public static func render(_ r: SurvivalReport) -> String {
        var out: [String] = []
        let unit = r.unit.map { " (\($0))" } ?? ""
        out.append("\(r.endpoint)\(unit): Kaplan–Meier, Greenwood SE, 95 % CI \(r.confType)")
        for g in r.groups {
            out.append("")
            var head = "\(g.name): n=\(g.n), events=\(g.events), censored=\(g.censored)"
            if g.excluded > 0 { head += ", excluded=\(g.excluded)" }
            head += "; median \(num(g.median, nr: true)) (95 % CI \(num(g.medianLower, nr: true)) – \(num(g.medianUpper, nr: true)))"
            out.append(head)
            out.append(pad(["time", "n.risk", "n.event", "survival", "std.err", "lower 95%", "upper 95%"]))
            for s in g.steps {
                out.append(pad([num(s.time), "\(s.atRisk)", "\(s.events)", fixed(s.survival, 4), fixed(s.stdErr, 4),
                                fixed(s.lower, 4), fixed(s.upper, 4)]))
            }
            if !g.atRiskTable.isEmpty {
                out.append("  at risk: " + g.atRiskTable.map { "\(num($0.time)): \($0.atRisk) (S=\(fixed($0.survival, 3)))" }.joined(separator: ", "))
            }
        }
        if let lr = r.logRank {
            out.append("")
            out.append("Log-rank\(lr.stratified ? " (stratified)" : ""): chi-square \(fixed(lr.chiSquare, 2)) on \(lr.df) df, p = \(pValue(lr.p))"
                       + (lr.note.map { " — \($0)" } ?? ""))
        }
        for h in r.hazardRatios {
            out.append("Cox (\(r.ties)): \(h.group) vs \(h.versus): HR \(fixed(h.hr, 3)) (95 % CI \(fixed(h.lower, 3)) – \(fixed(h.upper, 3))), p = \(pValue(h.p))"
                       + (h.note.map { " — \($0)" } ?? ""))
        }
        if !r.cumulativeIncidence.isEmpty {
            out.append("")
            out.append("Cumulative incidence (Aalen–Johansen, delta-method SE)")
            for c in r.cumulativeIncidence {
                let label = c.label.map { " (\($0))" } ?? ""
                out.append("\(c.name), event \(c.event)\(label):")
                out.append(pad(["time", "n.risk", "n.event", "estimate", "std.err"]))
                for s in c.steps {
                    out.append(pad([num(s.time), "\(s.atRisk)", "\(s.events)", fixed(s.estimate, 4), fixed(s.stdErr, 4)]))
                }
                if !c.atTimes.isEmpty {
                    out.append("  at: " + c.atTimes.map { "\(num($0.time)): \(fixed($0.estimate, 3))" }.joined(separator: ", "))
                }
            }
        }
        for n in r.notes { out.append("Note: \(n)") }
        return out.joined(separator: "\n") + "\n"
    }

    static func pad(_ cells: [String]) -> String {
        cells.map { $0.count >= 10 ? " " + $0 : String(repeating: " ", count: 10 - $0.count) + $0 }.joined()
    }

    static func num(_ v: Double?, nr: Bool = false) -> String {
        guard let v else { return nr ? "NR" : "—" }
        return v == v.rounded() && abs(v) < 1e12 ? String(Int(v)) : String(format: "%.2f", v)
    }

    static func fixed(_ v: Double?, _ digits: Int) -> String {
        guard let v else { return "—" }
        return String(format: "%.\(digits)f", v)
    }

    static func pValue(_ p: Double?) -> String {
        guard let p else { return "not shown" }
        return p < 0.0001 ? String(format: "%.1e", p) : String(format: "%.4f", p)
    }
}
