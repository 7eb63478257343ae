import CaseModel

/// The IPSS-R cytogenetic risk groups (Schanz et al., J Clin Oncol 2012;30:820, as adopted by
/// Greenberg et al., Blood 2012;120:2454, Table 2) [C]:
/// - very good: −Y, del(11q) (single);
/// - good: normal, del(5q), del(12p), del(20q) (single), double including del(5q);
/// - intermediate: del(7q), +8, +19, i(17q), any other single or double independent clones;
/// - poor: −7, inv(3)/t(3q)/del(3q) (single), double including −7/del(7q), complex with 3 abnormalities;
/// - very poor: complex with more than 3 abnormalities.
/// A double with both del(5q) and −7/del(7q) is poor here (the −7/del(7q) rule is read as taking
/// precedence). [U] the table does not say which wins.
public enum IPSSRCytogenetics: Int, Sendable, CaseIterable, Comparable {
    case veryGood = 0, good, intermediate, poor, veryPoor

    public var name: String {
        switch self {
        case .veryGood: return "very-good"
        case .good: return "good"
        case .intermediate: return "intermediate"
        case .poor: return "poor"
        case .veryPoor: return "very-poor"
        }
    }

    /// IPSS-R points (Greenberg 2012 Table 3): 0, 1, 2, 3, 4.
    public var points: Double { Double(rawValue) }

    public static func < (a: IPSSRCytogenetics, b: IPSSRCytogenetics) -> Bool { a.rawValue < b.rawValue }

    static func isDeletion(_ a: KaryotypeAbnormality, _ chr: String, arm: Character) -> Bool {
        a.kind == .deletion && a.chromosomes == [chr] && (a.bands.first?.first == arm)
    }
    static func isLoss(_ a: KaryotypeAbnormality, _ chr: String) -> Bool { a.kind == .loss && a.chromosomes == [chr] }
    static func isGain(_ a: KaryotypeAbnormality, _ chr: String) -> Bool { a.kind == .gain && a.chromosomes == [chr] }
    static func isMinus7OrDel7q(_ a: KaryotypeAbnormality) -> Bool { isLoss(a, "7") || isDeletion(a, "7", arm: "q") }
    static func isChromosome3q(_ a: KaryotypeAbnormality) -> Bool {
        switch a.kind {
        case .inversion: return a.chromosomes == ["3"]
        case .translocation: return a.involves("3", arm: "q") && a.band(of: "3").map { $0.isEmpty || $0.first == "q" } == true
        case .deletion: return isDeletion(a, "3", arm: "q")
        default: return false
        }
    }

    /// The group of a karyotype given as parsed abnormalities and their count (markers by copies).
    public static func classify(_ abnormalities: [KaryotypeAbnormality], count: Int) -> (group: IPSSRCytogenetics, reason: String) {
        let tokens = abnormalities.map(\.token).joined(separator: ", ")
        if count == 0 { return (.good, "normal karyotype") }
        if count > 3 { return (.veryPoor, "complex karyotype, \(count) abnormalities (> 3): \(tokens)") }
        if count == 3 { return (.poor, "complex karyotype, 3 abnormalities: \(tokens)") }
        if count == 2 {
            if abnormalities.contains(where: isMinus7OrDel7q) { return (.poor, "double abnormality including −7/del(7q): \(tokens)") }
            if abnormalities.contains(where: { isDeletion($0, "5", arm: "q") }) { return (.good, "double abnormality including del(5q): \(tokens)") }
            return (.intermediate, "double abnormality: \(tokens)")
        }
        guard let a = abnormalities.first else { return (.intermediate, "single abnormality") }
        if isLoss(a, "Y") || isDeletion(a, "11", arm: "q") { return (.veryGood, "single \(a.token)") }
        if isDeletion(a, "5", arm: "q") || isDeletion(a, "12", arm: "p") || isDeletion(a, "20", arm: "q") {
            return (.good, "single \(a.token)")
        }
        if isLoss(a, "7") || isChromosome3q(a) { return (.poor, "single \(a.token)") }
        return (.intermediate, "single \(a.token)")
    }

    /// The group of the patient's diagnostic karyotype, or nil when no karyotype is recorded.
    public static func classify(_ patient: Patient) -> (group: IPSSRCytogenetics, reason: String)? {
        let profile = CytogeneticProfile.diagnostic(for: patient)
        guard profile.karyotypeAvailable else { return nil }
        return classify(profile.abnormalities, count: profile.abnormalityCount)
    }
}
