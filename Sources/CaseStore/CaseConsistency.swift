import CaseModel

/// Checks that a case does not contradict itself, beyond what the importer's field
/// validation rejects: a WHO/ICC label naming a lesion the record does not carry, MDS-IB2 outside 10–19 %
/// marrow blasts (WHO 2022, Khoury et al., Leukemia 2022; clinical-reference.md §2d), conditioning not
/// followed by the transplant it prepares, CR declared while the marrow shows ≥5 % blasts (ELN 2022 response
/// criteria: CR needs bone-marrow blasts <5 %).
public enum CaseConsistency {
    /// Days between the start of a conditioning regimen and its transplant.
    public static let conditioningWindowDays = 30

    public static func problems(_ p: Patient) -> [String] {
        var out: [String] = []
        for (i, d) in p.diagnoses.enumerated() {
            let labels = [d.who2022, d.icc2022].compactMap { $0 }.map { $0.lowercased() }
            let variants = p.variants.filter { $0.classification != .benign && $0.classification != .likelyBenign }
            if labels.contains(where: { $0.contains("npm1") }) && !variants.contains(where: { $0.gene == "NPM1" }) {
                out.append("\(p.id): diagnoses[\(i)]: label names NPM1 but no NPM1 variant is recorded")
            }
            if labels.contains(where: { $0.contains("biallelic tp53") || $0.contains("multi-hit tp53") }) {
                let tp53 = variants.filter { $0.gene == "TP53" }
                if tp53.count < 2 && !tp53.contains(where: { ($0.vaf ?? 0) >= 0.5 }) {
                    out.append("\(p.id): diagnoses[\(i)]: label says biallelic TP53 but the TP53 variants do not show two hits")
                }
            }
            if labels.contains(where: { $0.contains("ib2") || $0.contains("increased blasts-2") }), let b = d.blastsBM, b < 10 || b >= 20 {
                out.append("\(p.id): diagnoses[\(i)]: MDS-IB2 needs 10–19 % marrow blasts, found \(b)")
            }
        }
        // An ongoing conditioning (no end) prepares a transplant still ahead.
        for (i, t) in p.therapies.enumerated() where t.intent == .conditioning && t.end != nil {
            let prepared = p.transplants.contains { $0.date >= t.start && t.start.days(until: $0.date) <= conditioningWindowDays }
            if !prepared {
                out.append("\(p.id): therapies[\(i)]: conditioning from \(t.start) without a transplant within \(conditioningWindowDays) days after it")
            }
        }
        for (i, s) in p.diseaseStatus.enumerated() where s.status == .cr {
            if let l = p.labs.first(where: { $0.test == "BM-blasts" && abs($0.date.days(until: s.date)) <= 7 && $0.value >= 5 }) {
                out.append("\(p.id): diseaseStatus[\(i)]: CR on \(s.date) with \(l.value) % marrow blasts on \(l.date)")
            }
        }
        return out
    }
}
