import CaseModel
import Foundation

/// The Molecular International Prognostic Scoring System for MDS (Bernard et al., NEJM Evidence
/// 2022;1(7):EVIDoa2200008), with the authors' published model: the weights (`coeff`), the
/// reference values (`means`) and the best / worst values of each variable, the 15 residual
/// genes and the generalised min(Nres, 2) for missing residual genes, exactly as the authors'
/// R package `ipssm` (papaemmelab/ipssm) and their JavaScript calculator (papaemmelab/ipssm-api,
/// `betasRiskScore`, `preprocess`, `risk`) define them. [C]
///
/// score = Σ (value − mean) × coeff / ln 2, rounded to 2 decimals; categories (right-closed):
/// very low ≤ −1.5 < low ≤ −0.5 < moderate low ≤ 0 < moderate high ≤ 0.5 < high ≤ 1.5 < very high.
/// A variable not known (gene not tested, no karyotype, TP53 allelic state unknown) is set to its
/// best, mean or worst value: the three scenarios. `score` and `category` are the mean scenario (the
/// authors' main result); `possible` spans the best to the worst category.
public enum IPSSM {
    public static let scheme = "IPSS-M"
    public static let version = "Bernard 2022 (ipssm model weights)"
    public static let ladder = CategoryLadder(names: ["very-low", "low", "moderate-low", "moderate-high", "high", "very-high"],
                                              bounds: [-1.5, -0.5, 0, 0.5, 1.5], strictUpper: false)

    /// One model variable: weight, reference (mean) value, worst and best values. [C] authors' model.
    public struct Beta: Sendable {
        public let name: String, coeff: Double, mean: Double, worst: Double, best: Double
    }

    public static let betas: [Beta] = [
        Beta(name: "CYTOVEC", coeff: 0.287, mean: 1.39, worst: 4, best: 0),
        Beta(name: "BLAST5", coeff: 0.352, mean: 0.922, worst: 4, best: 0),
        Beta(name: "TRANSF_PLT100", coeff: -0.222, mean: 1.41, worst: 0, best: 2.5),
        Beta(name: "HB1", coeff: -0.171, mean: 9.87, worst: 2, best: 20),
        Beta(name: "SF3B1_alpha", coeff: -0.0794, mean: 0.186, worst: 0, best: 1),
        Beta(name: "SF3B1_5q", coeff: 0.504, mean: 0.0166, worst: 1, best: 0),
        Beta(name: "ASXL1", coeff: 0.213, mean: 0.252, worst: 1, best: 0),
        Beta(name: "SRSF2", coeff: 0.239, mean: 0.158, worst: 1, best: 0),
        Beta(name: "DNMT3A", coeff: 0.221, mean: 0.161, worst: 1, best: 0),
        Beta(name: "RUNX1", coeff: 0.423, mean: 0.126, worst: 1, best: 0),
        Beta(name: "U2AF1", coeff: 0.247, mean: 0.0866, worst: 1, best: 0),
        Beta(name: "EZH2", coeff: 0.27, mean: 0.0588, worst: 1, best: 0),
        Beta(name: "CBL", coeff: 0.295, mean: 0.0473, worst: 1, best: 0),
        Beta(name: "NRAS", coeff: 0.417, mean: 0.0362, worst: 1, best: 0),
        Beta(name: "IDH2", coeff: 0.379, mean: 0.0429, worst: 1, best: 0),
        Beta(name: "KRAS", coeff: 0.202, mean: 0.0271, worst: 1, best: 0),
        Beta(name: "MLL_PTD", coeff: 0.798, mean: 0.0247, worst: 1, best: 0),
        Beta(name: "ETV6", coeff: 0.391, mean: 0.0216, worst: 1, best: 0),
        Beta(name: "NPM1", coeff: 0.43, mean: 0.0112, worst: 1, best: 0),
        Beta(name: "TP53multi", coeff: 1.18, mean: 0.071, worst: 1, best: 0),
        Beta(name: "FLT3", coeff: 0.798, mean: 0.0108, worst: 1, best: 0),
        Beta(name: "Nres2", coeff: 0.231, mean: 0.388, worst: 2, best: 0),
    ]

    /// The main-effect genes entered one by one. [C]
    public static let mainGenes = ["ASXL1", "SRSF2", "DNMT3A", "RUNX1", "U2AF1", "EZH2", "CBL", "NRAS", "IDH2", "KRAS", "ETV6", "NPM1"]
    /// The residual genes counted together as min(Nres, 2). [C]
    public static let residualGenes = ["BCOR", "STAG2", "NF1", "CEBPA", "SETBP1", "PTPN11", "GATA2", "PRPF8", "BCORL1",
                                       "ETNK1", "PPM1D", "PHF6", "WT1", "IDH1", "GNB1"]
    /// TP53 VAF above which a single TP53 mutation is taken as LOH (multi-hit). [C] authors' preprocessing.
    public static let tp53LOHVAF = 0.55

    /// The user-level inputs, each nil when not known (the authors' "NA"). Genes: 1 mutated, 0 wild type.
    public struct Input: Sendable, Equatable {
        public var haemoglobin: Double?, platelets: Double?, marrowBlasts: Double?
        public var cytogenetics: IPSSRCytogenetics?
        public var del5q: Bool?, del7or7q: Bool?, complex: Bool?, del17or17p: Bool?
        /// Number of TP53 mutations (0, 1, 2 = "2 or more").
        public var tp53Mutations: Int?
        public var tp53MaxVAF: Double?
        public var tp53LOH: Bool?
        public var genes: [String: Bool] = [:]
        public init() {}
    }

    public enum Scenario: String, CaseIterable, Sendable { case best, mean, worst }

    /// The model variables (nil = NA) from the inputs, as the authors' preprocessing builds them.
    public static func modelVariables(_ i: Input) -> [String: Double?] {
        func b(_ x: Bool?) -> Double? { x.map { $0 ? 1 : 0 } }
        let g: (String) -> Double? = { b(i.genes[$0]) }
        var v: [String: Double?] = [:]
        v["HB1"] = i.haemoglobin
        v["BLAST5"] = i.marrowBlasts.map { min($0, 20) / 5 }
        v["TRANSF_PLT100"] = i.platelets.map { min($0, 250) / 100 }
        v["CYTOVEC"] = i.cytogenetics.map { $0.points }
        let sf3b1 = g("SF3B1")
        let sf3b1_5q: Double?
        if let s = sf3b1 {
            sf3b1_5q = (s == 1 && i.del5q == true && i.del7or7q == false && i.complex == false) ? 1 : 0
        } else {
            sf3b1_5q = i.del5q == false ? 0 : nil
        }
        v["SF3B1_5q"] = sf3b1_5q
        let others = ["SRSF2", "STAG2", "BCOR", "BCORL1", "RUNX1", "NRAS"].map(g)
        if let s = sf3b1, let q = sf3b1_5q, others.allSatisfy({ $0 != nil }) {
            v["SF3B1_alpha"] = (s == 1 && q == 0 && others.allSatisfy { $0 == 0 }) ? 1 : 0
        } else if others.contains(where: { $0 == 1 }) {
            v["SF3B1_alpha"] = 0
        } else {
            v["SF3B1_alpha"] = Double?.none
        }
        var loh = i.tp53LOH
        if (i.tp53MaxVAF ?? 0) > tp53LOHVAF || i.del17or17p == true { loh = true }
        let multi: Double?
        switch i.tp53Mutations {
        case 0?: multi = 0
        case let n? where n >= 2: multi = 1
        case 1?: multi = loh.map { $0 ? 1 : 0 }
        default: multi = nil
        }
        v["TP53multi"] = multi
        for gene in mainGenes { v[gene] = g(gene) }
        v["MLL_PTD"] = g("MLL_PTD")
        v["FLT3"] = g("FLT3")
        return v
    }

    /// Generalised min(Nres, 2) per scenario for residual genes with missing values. [C] authors' `calculateNResMissing`.
    public static func nres2(_ genes: [String: Bool], reference: Double = 0.388) -> [Scenario: Double] {
        let known = residualGenes.compactMap { genes[$0] }
        let m = Double(residualGenes.count - known.count), s = Double(known.count)
        let ns = Double(known.filter { $0 }.count)
        let mean = min(ns, 2) + max(((2 - ns) / 2) * (m / (s + m)) * reference, 0)
        return [.worst: min(ns + m, 2), .best: min(ns, 2), .mean: mean]
    }

    /// The three scenario scores (rounded to 2 decimals as the authors do).
    public static func scores(_ i: Input) -> [Scenario: Double] {
        let v = modelVariables(i)
        let nres = nres2(i.genes)
        var out: [Scenario: Double] = [:]
        for sc in Scenario.allCases {
            var sum = 0.0
            for beta in betas {
                let x: Double
                if beta.name == "Nres2" { x = nres[sc] ?? beta.mean }
                else if let known = v[beta.name] ?? nil { x = known }
                else { x = sc == .best ? beta.best : sc == .worst ? beta.worst : beta.mean }
                sum += (x - beta.mean) * beta.coeff / log(2)
            }
            out[sc] = (sum * 100).rounded() / 100
        }
        return out
    }

    static let variableWords: [String: String] = [
        "HB1": "haemoglobin at diagnosis", "BLAST5": "marrow blasts at diagnosis", "TRANSF_PLT100": "platelets at diagnosis",
        "CYTOVEC": "karyotype at diagnosis", "SF3B1_5q": "SF3B1 / del(5q) status", "SF3B1_alpha": "SF3B1 and co-mutation status",
        "TP53multi": "TP53 multi-hit state (mutation count, allelic state)", "MLL_PTD": "KMT2A-PTD not tested", "FLT3": "FLT3 not tested",
    ]

    public static func assess(_ i: Input, drivers extra: [String] = []) -> SchemeRiskAssessment {
        let v = modelVariables(i)
        var missing: [String] = []
        for beta in betas where beta.name != "Nres2" {
            if (v[beta.name] ?? nil) == nil { missing.append(variableWords[beta.name] ?? "\(beta.name) not tested") }
        }
        let resMissing = residualGenes.filter { i.genes[$0] == nil }
        if !resMissing.isEmpty { missing.append("residual genes not tested: \(resMissing.joined(separator: ", "))") }
        let s = scores(i)
        let best = s[.best] ?? 0, mean = s[.mean] ?? 0, worst = s[.worst] ?? 0
        var drivers = extra
        let mutated = (mainGenes + ["SF3B1", "MLL_PTD", "FLT3"] + residualGenes).filter { i.genes[$0] == true }
        drivers.append(mutated.isEmpty ? "no mutation in the model's genes" : "mutated: \(mutated.joined(separator: ", "))")
        if (v["TP53multi"] ?? nil) == 1 { drivers.append("TP53 multi-hit") }
        if !missing.isEmpty {
            drivers.append("missing data: best \(best) (\(ladder.category(best))), mean \(mean), worst \(worst) (\(ladder.category(worst)))")
        }
        let scen: [String: SchemeRiskAssessment.Scenario] = [
            "best": .init(score: best, category: ladder.category(best)),
            "mean": .init(score: mean, category: ladder.category(mean)),
            "worst": .init(score: worst, category: ladder.category(worst)),
        ]
        return SchemeRiskAssessment(scheme: scheme, version: version, category: ladder.category(mean), score: mean,
                                    complete: missing.isEmpty, missing: missing, drivers: drivers,
                                    possible: ladder.possible(best, worst), scenarios: scen)
    }

    /// The inputs read from a patient's data at diagnosis.
    static func input(_ r: RiskInputs) -> Input {
        var i = Input()
        i.haemoglobin = r.labAtDiagnosis("hemoglobin")?.value
        i.platelets = r.labAtDiagnosis("platelets")?.value
        i.marrowBlasts = r.marrowBlastsAtDiagnosis
        let profile = CytogeneticProfile.diagnostic(for: r.patient)
        if profile.karyotypeAvailable {
            let abn = profile.abnormalities
            i.cytogenetics = IPSSRCytogenetics.classify(abn, count: profile.abnormalityCount).group
            i.del5q = abn.contains { IPSSRCytogenetics.isDeletion($0, "5", arm: "q") }
            i.del7or7q = abn.contains(where: IPSSRCytogenetics.isMinus7OrDel7q)
            i.complex = profile.abnormalityCount >= 3
            i.del17or17p = abn.contains { IPSSRCytogenetics.isLoss($0, "17") || IPSSRCytogenetics.isDeletion($0, "17", arm: "p")
                || ($0.kind == .isochromosome && $0.chromosomes == ["17"] && ($0.bands.first?.first == "q")) }
        }
        if r.tested("TP53") {
            let tp = r.mutated("TP53")
            i.tp53Mutations = min(tp.count, 2)
            i.tp53MaxVAF = tp.compactMap(\.vaf).max()
            if !r.deletions("TP53").isEmpty { i.tp53LOH = true }
        }
        for gene in mainGenes + residualGenes + ["SF3B1"] where r.tested(gene) { i.genes[gene] = !r.mutated(gene).isEmpty }
        if r.tested("KMT2A") || r.tested("KMT2A-PTD") { i.genes["MLL_PTD"] = r.genetics.kmt2aPTD != nil }
        if r.genetics.flt3Tested { i.genes["FLT3"] = !r.mutated("FLT3").isEmpty || !r.mutated("FLT3-ITD").isEmpty }
        return i
    }

    static func assess(_ r: RiskInputs) -> SchemeRiskAssessment { assess(input(r)) }
}
