import CaseModel

/// ELN 2024 genetic risk for AML patients on less-intensive therapy (HMA ± venetoclax, AZA + IVO).
///
/// Source: Döhner H et al., Blood 2024;144(21):2169, Table 1 [C] (clinical-reference.md §2a):
/// - favourable: mutated NPM1 (FLT3-ITD neg, NRAS wt, KRAS wt, TP53 wt); mutated IDH2 (same);
///   mutated IDH1 (TP53 wt; * favourable for AZA+IVO irrespective of signalling mutations);
///   mutated DDX41; other abnormalities with FLT3-ITD neg, NRAS wt, KRAS wt, TP53 wt;
/// - intermediate: other abnormalities with FLT3-ITD pos and/or NRAS mut and/or KRAS mut; TP53 wt;
/// - adverse: mutated TP53 — and only TP53 (KRAS/PTPN11 are NOT adverse; see reference §0 point 5).
/// Not applicable after prior HMA.
public enum ELN2024LessIntensive {
    public static let rule = "ELN 2024 less-intensive therapy (Döhner et al., Blood 2024;144:2169, Table 1)"
    public static let version = "2024.1"

    /// Table 1 says "mutated TP53" without a VAF: adverse at any VAF (the 10 % floor belongs to ELN 2022
    /// only;, SL-AML-0009 with TP53 VAF 0.099 is adverse).
    public static let tp53MinVAF = 0.0
    /// Agents of the one regimen for which IDH1 is favourable irrespective of NRAS/KRAS/FLT3-ITD
    /// (Table 1 footnote: azacitidine + ivosidenib).
    public static let idh1RegimenAgents: Set<String> = ["azacitidine", "ivosidenib"]
    /// Signalling lesions that move "other" and NPM1/IDH2 from favourable to intermediate. [C]
    public static let signallingGenes = ["NRAS", "KRAS"]
    /// Hypomethylating agents (prior exposure makes the classification not applicable). [C] footnote.
    public static let hmaAgents: Set<String> = ["azacitidine", "decitabine", "guadecitabine", "oral azacitidine", "cc-486"]

    public static func assess(_ patient: Patient) -> RiskAssessment? {
        guard let dx = patient.diagnosis, dx.category == .aml else { return nil }
        let limit = dx.date.adding(days: CytogeneticProfile.diagnosticWindowDays)
        var g = GeneticFindings(patient, upTo: limit)
        if g.counted.isEmpty && !patient.variants.isEmpty { g = GeneticFindings(patient) }
        var drivers: [String] = []
        var missing: [String] = []

        if let hma = patient.therapies.first(where: { t in
            t.start < dx.date && t.agents.contains { hmaAgents.contains($0.lowercased()) }
        }) {
            // Döhner 2024, Table 1: the classification does not apply after prior HMA treatment.
            var r = RiskAssessment(risk: .intermediate,
                                   drivers: ["does not apply after prior HMA treatment (\(hma.regimen) from \(DateText.iso(hma.start)))"],
                                   missing: [], rule: rule)
            r.applicable = false
            return r
        }

        let tp53 = g.variants("TP53")
        if !tp53.isEmpty {
            drivers.insert("mutated TP53 at any VAF (\(tp53.map(GeneticFindings.label).joined(separator: ", ")))", at: 0)
            return RiskAssessment(risk: .adverse, drivers: drivers, missing: missing, rule: rule)
        }
        let tp53Tested = g.tested("TP53")
        // Never "TP53 wild-type" unless TP53 was tested.
        let tp53Text = tp53Tested ? "TP53 wild-type" : "TP53 not tested"
        if !tp53Tested {
            drivers.append("TP53 not tested: a TP53 mutation would make it adverse")
            missing.append("TP53 not tested")
        }
        if let ddx = g.variants("DDX41").first {
            var s = "mutated DDX41 (\(GeneticFindings.label(ddx)))"
            if let v = ddx.vaf, GermlinePredisposition.isNearHeterozygous(v, gene: "DDX41") {
                s += "; near-heterozygous VAF: consider germline DDX41"
            }
            drivers.insert(s, at: 0)
            return RiskAssessment(risk: .favorable, drivers: drivers, missing: missing, rule: rule)
        }
        var signalling: [String] = []
        if let itd = g.flt3ITD { signalling.append("FLT3-ITD (\(GeneticFindings.label(itd)))") }
        for gene in signallingGenes { for v in g.variants(gene) { signalling.append(GeneticFindings.label(v)) } }
        let idh1 = g.variants("IDH1").first
        if let idh1 {
            let azaIvo = patient.therapies.contains { t in
                idh1RegimenAgents.isSubset(of: Set(t.agents.map { $0.lowercased() }))
            }
            if signalling.isEmpty || azaIvo {
                let checkSignalling = !azaIvo
                var s = "mutated IDH1 (\(GeneticFindings.label(idh1))), \(tp53Text)"
                if !signalling.isEmpty { s += "; with \(signalling.joined(separator: ", ")): favourable for azacitidine + ivosidenib" }
                drivers.insert(s, at: 0)
                if checkSignalling { missing += untestedSignalling(g, &drivers) }
                return RiskAssessment(risk: .favorable, drivers: drivers, missing: missing, rule: rule)
            }
        }
        let base: String
        if let n = g.npm1 { base = "mutated NPM1 (\(GeneticFindings.label(n)))" }
        else if let i = idh1 { base = "mutated IDH1 (\(GeneticFindings.label(i))), not on azacitidine + ivosidenib," }
        else if let i = g.variants("IDH2").first { base = "mutated IDH2 (\(GeneticFindings.label(i)))" }
        else { base = "other abnormalities" }
        if !signalling.isEmpty {
            drivers.insert("\(base) with \(signalling.joined(separator: ", ")), \(tp53Text)", at: 0)
            return RiskAssessment(risk: .intermediate, drivers: drivers, missing: missing, rule: rule)
        }
        missing += untestedSignalling(g, &drivers)
        drivers.insert("\(base) without FLT3-ITD, NRAS or KRAS mutation, \(tp53Text)", at: 0)
        return RiskAssessment(risk: .favorable, drivers: drivers, missing: missing, rule: rule)
    }

    /// FLT3 / NRAS / KRAS not tested: a signalling mutation would make it intermediate (the class is provisional).
    static func untestedSignalling(_ g: GeneticFindings, _ drivers: inout [String]) -> [String] {
        var untested: [String] = []
        if !g.flt3Tested { untested.append("FLT3") }
        for gene in signallingGenes where !g.tested(gene) { untested.append(gene) }
        if !untested.isEmpty {
            drivers.append("\(untested.joined(separator: ", ")) not tested: a signalling mutation would make it intermediate")
        }
        return untested.map { "\($0) not tested" }
    }
}
