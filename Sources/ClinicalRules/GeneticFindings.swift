import CaseModel

/// The mutation findings of a patient as the risk rules read them: which genes carry a counted
/// variant, and which genes were tested at all (tested-negative versus not tested).
struct GeneticFindings {
    let patient: Patient
    /// Variants that count as mutations: not benign, likely benign or of uncertain significance.
    let counted: [Variant]

    init(_ patient: Patient, upTo limit: LocalDate? = nil) {
        self.patient = patient
        counted = patient.variants.filter { v in
            if let limit, v.date > limit { return false }
            switch v.classification {
            case .benign?, .likelyBenign?, .vus?: return false
            default: return true
            }
        }
    }

    func variants(_ gene: String) -> [Variant] { counted.filter { $0.gene == gene } }

    func has(_ gene: String) -> Bool { counted.contains { $0.gene == gene } }

    /// Tested (a panel covered the gene, or a variant was reported).
    func tested(_ gene: String) -> Bool { patient.wasTested(gene) }

    /// NPM1 mutation (any counted variant of NPM1).
    var npm1: Variant? { counted.first { $0.gene == "NPM1" } }

    /// FLT3 internal tandem duplication (consequence `itd`, or gene written `FLT3-ITD`).
    var flt3ITD: Variant? {
        counted.first { ($0.gene == "FLT3" && $0.consequence == .itd) || $0.gene == "FLT3-ITD" }
    }

    var flt3Tested: Bool { tested("FLT3") || tested("FLT3-ITD") }

    /// KMT2A partial tandem duplication (not a KMT2A rearrangement).
    var kmt2aPTD: Variant? {
        counted.first { ($0.gene == "KMT2A" && $0.consequence == .ptd) || $0.gene == "KMT2A-PTD" }
    }

    /// A short label for a variant: "NPM1 c.860_863dup VAF 41 %".
    static func label(_ v: Variant) -> String {
        var s = v.gene
        if let c = v.hgvsp ?? v.hgvsc {
            let short = c.split(separator: ":").last.map(String.init) ?? c
            s += " " + short
        } else if let c = v.consequence {
            s += " " + c.rawValue
        }
        if let vaf = v.vaf { s += " VAF " + percent(vaf) }
        return s
    }

    /// "41 %", "9.9 %", "12 %" without Foundation formatting.
    static func percent(_ fraction: Double) -> String {
        guard let tenths = TotalArithmetic.int((fraction * 1000).rounded()) else { return "\(fraction * 100) %" }
        if tenths % 10 == 0 { return "\(tenths / 10) %" }
        return "\(tenths / 10).\(tenths % 10) %"
    }

    /// A fraction as a percentage with two significant digits: 0.012 → "1.2 %", 0.00012 → "0.012 %".
    static func percentSignificant(_ fraction: Double) -> String {
        let p = fraction * 100
        guard p > 0, p.isFinite else { return "0 %" }
        var decimals = 0
        var t = p
        while t < 10 && decimals < 7 { t *= 10; decimals += 1 }
        var scale = 1.0
        for _ in 0..<decimals { scale *= 10 }
        guard let n = TotalArithmetic.int((p * scale).rounded()) else { return "\(p) %" }
        if decimals == 0 { return "\(n) %" }
        var digits = String(n)
        while digits.count <= decimals { digits = "0" + digits }
        let cut = digits.index(digits.endIndex, offsetBy: -decimals)
        var frac = String(digits[cut...])
        while frac.hasSuffix("0") { frac.removeLast() }
        return frac.isEmpty ? "\(digits[..<cut]) %" : "\(digits[..<cut]).\(frac) %"
    }
}
