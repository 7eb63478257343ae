import CaseModel

/// The cytogenetic picture of a patient at diagnosis: parsed karyotype abnormalities, the
/// class-defining recurring lesions (from the karyotype or from molecularly detected fusions),
/// complex and monosomal karyotype status, and the ELN 2022 adverse chromosomal abnormalities.
///
/// Complex karyotype and monosomal karyotype follow ELN 2022 (Döhner et al., Blood 2022;140:1345,
/// Table 6 footnotes) [C]:
/// - complex: ≥3 unrelated chromosome abnormalities in the absence of other class-defining recurring
///   genetic abnormalities; excludes hyperdiploid karyotypes with ≥3 trisomies (or polysomies)
///   without structural abnormalities;
/// - monosomal: ≥2 distinct autosomal monosomies, or one autosomal monosomy with ≥1 structural
///   abnormality (losses of X or Y excluded; core-binding-factor AML excluded, applied by ELN2022).
public struct CytogeneticProfile: Sendable, Equatable {
    /// Minimum number of unrelated abnormalities for a complex karyotype. [C] ELN 2022 Table 6.
    public static let complexKaryotypeMinAbnormalities = 3
    /// Trisomies/polysomies that make a structurally normal hyperdiploid karyotype non-complex. [C] ELN 2022.
    public static let hyperdiploidExclusionMinGains = 3
    /// Distinct autosomal monosomies that alone make a monosomal karyotype. [C] ELN 2022 (Breems 2008).
    public static let monosomalMinMonosomies = 2
    /// Karyotypes and fusions dated up to this many days after the diagnosis date count as diagnostic. [U] local convention.
    public static let diagnosticWindowDays = 30

    public struct Lesion: Sendable, Equatable {
        public var lesion: RecurrentLesion
        /// The token or fusion that showed it ("t(8;21)(q22;q22.1)", "RUNX1::RUNX1T1 (RT-PCR)").
        public var evidence: String
        public var note: String?
    }

    /// Whether any karyotype result exists (an empty abnormality list is a normal karyotype).
    public var karyotypeAvailable: Bool
    public var karyotypeDate: LocalDate?
    public var abnormalities: [KaryotypeAbnormality]
    public var lesions: [Lesion]
    public var abnormalityCount: Int
    public var isComplex: Bool
    public var isMonosomal: Bool
    /// −5/del(5q), −7, −17/abn(17p) tokens found (ELN 2022 adverse), as written.
    public var adverseChromosomal: [String]
    /// Why complex/monosomal status was or was not assigned.
    public var notes: [String]
    /// A karyotype and a fusion that disagree (t(6;11)(q27;q23.3) recorded with
    /// KMT2A::MLLT3, which is t(9;11)): named as a conflict to resolve. The disagreeing fusion's lesion is
    /// left out of `lesions`: the class is computed from the cytogenetic finding.
    public var conflicts: [String] = []

    public var recurrent: Set<RecurrentLesion> { Set(lesions.map(\.lesion)) }
    public func has(_ l: RecurrentLesion) -> Bool { lesions.contains { $0.lesion == l } }
    public var hasClassDefiningLesion: Bool { !lesions.isEmpty }

    /// Builds the profile from the diagnostic karyotype and fusions of `patient`.
    public static func diagnostic(for patient: Patient) -> CytogeneticProfile {
        let dx = patient.diagnosis?.date
        let limit = dx?.adding(days: diagnosticWindowDays)
        let karyo: Karyotype? = {
            guard !patient.karyotypes.isEmpty else { return nil }
            if let limit {
                let eligible = patient.karyotypes.filter { $0.date <= limit }
                if let k = eligible.max(by: { $0.date < $1.date }) { return k }
            }
            return patient.karyotypes.min(by: { $0.date < $1.date })
        }()
        let fusions = patient.fusions.filter { f in limit.map { f.date <= $0 } ?? true }
        return analyse(karyotype: karyo, fusions: fusions.isEmpty ? patient.fusions : fusions)
    }

    /// Analyses one karyotype (nil: not done) together with fusions found molecularly.
    public static func analyse(karyotype: Karyotype?, fusions: [Fusion] = []) -> CytogeneticProfile {
        let tokens = karyotype?.abnormalities ?? []
        let abn = tokens.map(KaryotypeTokenCache.shared.parse)
        var lesions: [Lesion] = []
        for a in abn {
            if let (l, note) = RecurrentLesion.fromAbnormality(a), !lesions.contains(where: { $0.lesion == l }) {
                lesions.append(Lesion(lesion: l, evidence: a.token, note: note))
            }
        }
        var conflicts: [String] = []
        let fromKaryotype = lesions.filter { !FastText.contains($0.evidence, "v;") && !FastText.contains($0.evidence, ";v") }
        for f in fusions {
            guard let l = RecurrentLesion.fromFusion(f.name) else { continue }
            if karyotype != nil, !lesions.contains(where: { $0.lesion == l }),
               let k = fromKaryotype.first(where: { !$0.lesion.genes.isDisjoint(with: l.genes) }) {
                conflicts.append("conflict to resolve: karyotype \(k.evidence) (\(k.lesion.shortName)) and fusion \(f.name) (\(l.shortName)) disagree; classified from the karyotype")
                continue
            }
            let ev = f.method.map { "\(f.name) (\($0))" } ?? f.name
            if let i = lesions.firstIndex(where: { $0.lesion == l }) {
                lesions[i].evidence += ", " + ev
            } else {
                lesions.append(Lesion(lesion: l, evidence: ev, note: nil))
            }
        }
        lesions.sort { $0.lesion < $1.lesion }

        var count = 0
        var gains = 0, losses = 0, structural = 0
        var monosomies = Set<String>()
        for a in abn {
            count += a.kind == .marker ? max(1, a.copies) : 1
            switch a.kind {
            case .gain: gains += 1
            case .loss:
                losses += 1
                if a.isAutosomalMonosomy, let c = a.chromosomes.first { monosomies.insert(c) }
            default: structural += 1
            }
        }
        var notes: [String] = []
        var complex = count >= complexKaryotypeMinAbnormalities
        if complex && structural == 0 && gains >= hyperdiploidExclusionMinGains && gains > losses {
            complex = false
            notes.append("hyperdiploid karyotype with \(gains) trisomies/polysomies and no structural abnormality: not complex (ELN 2022)")
        }
        if complex && !lesions.isEmpty {
            complex = false
            notes.append("\(count) abnormalities but class-defining \(lesions[0].lesion.shortName) present: not counted as complex (ELN 2022)")
        }
        let monosomal = monosomies.count >= monosomalMinMonosomies || (monosomies.count >= 1 && structural >= 1)

        var adverse: [String] = []
        for a in abn {
            switch a.kind {
            case .loss where a.chromosomes == ["5"] || a.chromosomes == ["7"] || a.chromosomes == ["17"]:
                adverse.append(a.token)
            case .deletion where a.involves("5", arm: "q"):
                adverse.append(a.token)
            case .deletion, .abnormal, .addition:
                if a.involves("17", arm: "p") { adverse.append(a.token) }
            case .isochromosome where a.chromosomes == ["17"] && (a.bands.first.map { $0.hasPrefix("q") } ?? false):
                // i(17q) entails loss of 17p: counted as abn(17p). [K] ELN 2022 "−17/abn(17p)".
                adverse.append(a.token)
            default: break
            }
        }
        return CytogeneticProfile(karyotypeAvailable: karyotype != nil, karyotypeDate: karyotype?.date, abnormalities: abn,
                                  lesions: lesions, abnormalityCount: count, isComplex: complex, isMonosomal: monosomal,
                                  adverseChromosomal: adverse, notes: notes, conflicts: conflicts)
    }
}
