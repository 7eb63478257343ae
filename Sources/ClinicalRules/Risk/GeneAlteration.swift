import CaseModel

/// The state of one gene for a genetic classifier: altered (with evidence), not altered (tested), or not
/// known. A mutation needs the gene sequenced; a deletion needs copy number assessed.
struct GeneAlteration {
    let gene: String
    /// true altered, false tested and not altered, nil not known.
    let altered: Bool?
    let evidence: [String]
    let untested: [String]

    /// Mutation (and, when `deletion`, copy-number loss) of `gene`; a recorded copy-number loss always counts.
    static func of(_ gene: String, _ r: RiskInputs, mutation: Bool = true, deletion: Bool = false) -> GeneAlteration {
        var evidence: [String] = []
        if mutation { evidence += r.mutated(gene).map(RiskInputs.label) }
        evidence += r.deletions(gene).map(RiskInputs.label)
        if !evidence.isEmpty { return GeneAlteration(gene: gene, altered: true, evidence: evidence, untested: []) }
        var untested: [String] = []
        if mutation && !r.tested(gene) { untested.append("\(gene) mutation not tested") }
        if deletion && !r.copyNumberTested(gene) { untested.append("\(gene) deletion not tested (no copy-number assay)") }
        return GeneAlteration(gene: gene, altered: untested.isEmpty ? false : nil, evidence: [], untested: untested)
    }

    /// Copy-number loss only.
    static func deletionOf(_ gene: String, _ r: RiskInputs) -> GeneAlteration {
        let ev = r.deletions(gene).map(RiskInputs.label)
        if !ev.isEmpty { return GeneAlteration(gene: gene, altered: true, evidence: ev, untested: []) }
        let tested = r.copyNumberTested(gene)
        return GeneAlteration(gene: gene, altered: tested ? false : nil, evidence: [],
                              untested: tested ? [] : ["\(gene) deletion not tested (no copy-number assay)"])
    }
}

/// A "driver present and no exclusion lesion" classifier (the T-ALL oncogenetic classifiers):
/// low risk needs a driver altered and every exclusion gene tested and unaltered; high risk when no
/// driver is altered (all tested) or any exclusion gene is altered; otherwise not evaluable.
struct DriverExclusionClassifier {
    let scheme: String
    let version: String
    let drivers: [GeneAlteration]
    let exclusions: [GeneAlteration]

    func assess() -> SchemeRiskAssessment {
        var text: [String] = []
        let driverHits = drivers.filter { $0.altered == true }
        let exclusionHits = exclusions.filter { $0.altered == true }
        if !driverHits.isEmpty { text.append("driver: " + driverHits.flatMap(\.evidence).joined(separator: ", ")) }
        else if drivers.allSatisfy({ $0.altered == false }) {
            text.append("no \(drivers.map(\.gene).joined(separator: "/")) mutation (tested)")
        }
        if !exclusionHits.isEmpty { text.append("high-risk lesion: " + exclusionHits.flatMap(\.evidence).joined(separator: ", ")) }
        else if exclusions.allSatisfy({ $0.altered == false }) {
            text.append("no \(exclusions.map(\.gene).joined(separator: "/")) alteration (tested)")
        }
        let values = drivers.map(\.altered) + exclusions.map(\.altered)
        let n = drivers.count
        let (possible, missing) = Possibilities.evaluate(values, labels: (drivers + exclusions).map(\.untested),
                                                         order: ["low", "high"]) { v in
            v[..<n].contains(true) && !v[n...].contains(true) ? "low" : "high"
        }
        if possible.count > 1 { text.append("low risk not provable until every exclusion gene is tested") }
        return Possibilities.assessment(scheme: scheme, version: version, possible: possible, missing: missing, drivers: text)
    }
}
