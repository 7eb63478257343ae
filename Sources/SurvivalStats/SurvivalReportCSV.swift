import Foundation

/// The curves of a `SurvivalReport` as CSV (RFC 4180): one row per group and event time, then the
/// cumulative-incidence steps. Empty cells are "not estimable".
public enum SurvivalReportCSV {
    public static func render(_ r: SurvivalReport) -> String {
        var lines = ["endpoint,group,curve,time,atRisk,events,censored,estimate,stdErr,lower,upper"]
        func cell(_ v: Double?) -> String { v.map { String($0) } ?? "" }
        for g in r.groups {
            for s in g.steps {
                lines.append([quote(r.endpoint), quote(g.name), "survival", String(s.time), "\(s.atRisk)", "\(s.events)", "\(s.censored)",
                              String(s.survival), cell(s.stdErr), cell(s.lower), cell(s.upper)].joined(separator: ","))
            }
        }
        for c in r.cumulativeIncidence {
            for s in c.steps {
                lines.append([quote(r.endpoint), quote(c.name), quote("incidence of \(c.label ?? "event \(c.event)")"), String(s.time),
                              "\(s.atRisk)", "\(s.events)", "", String(s.estimate), String(s.stdErr), "", ""].joined(separator: ","))
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    static func quote(_ s: String) -> String {
        s.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) ? "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : s
    }
}
