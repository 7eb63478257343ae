import CaseModel

/// Plain-text rendering of a risk score for reports and the command line's case summary.
public enum RiskText {
    /// "IPSS-R (Greenberg 2012): INTERMEDIATE, score 4" then one line per driver and per missing input.
    public static func lines(_ r: SchemeRiskAssessment) -> String {
        var out = "\(r.scheme) (\(r.version)): \(r.category.uppercased())"
        if let s = r.score { out += ", score \(RiskInputs.number(s))" }
        if !r.complete { out += " — provisional" }
        if !r.isDecided && !r.possible.isEmpty { out += " (\(r.possible.joined(separator: " / ")) possible)" }
        out += "\n"
        for d in r.drivers { out += "  - \(d)\n" }
        for m in r.missing { out += "  ! missing: \(m)\n" }
        return out
    }
}
