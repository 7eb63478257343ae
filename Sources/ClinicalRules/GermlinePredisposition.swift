import CaseModel

/// Germline predisposition flags: `confirmed`, `suspected`, `red-flag`, each with its reason.
///
/// Sources (clinical-reference.md §2c): WHO 2022 (Khoury, Leukemia 2022) and ICC 2022 (Rudelius,
/// Virchows Arch 2023) gene lists [K]/[C]; red flags from Godley & Shimamura (Blood 2017), Nordic
/// guidelines (Baliakas, HemaSphere 2019), Schlegelberger (Fam Cancer 2021), Porter (Clin Cancer Res
/// 2017) [K]; tumour-NGS VAF windows [U]; DDX41 near-heterozygous VAF (ELN 2024 footnote) [C].
public enum GermlinePredisposition {
    public static let rule = "Germline predisposition: WHO 2022 / ICC 2022 gene lists; red flags after Godley & Shimamura 2017, Nordic guidelines 2019"
    public static let version = "2022.1"

    /// Predisposition genes (WHO 2022, ICC 2022, WHO 2016 additions, lymphoid genes often tested). [K]
    public static let genes: Set<String> = [
        // no pre-existing disorder
        "CEBPA", "DDX41", "TP53",
        // platelet disorder
        "RUNX1", "ANKRD26", "ETV6",
        // organ dysfunction, BM failure syndromes
        "GATA2", "SAMD9", "SAMD9L", "ELANE", "SBDS", "DNAJC21", "EFL1", "BLM",
        // Fanconi anaemia
        "FANCA", "FANCB", "FANCC", "BRCA2", "FANCD2", "FANCE", "FANCF", "FANCG", "FANCI", "BRIP1", "FANCL", "FANCM",
        "PALB2", "RAD51C", "SLX4", "ERCC4", "RAD51", "BRCA1", "UBE2T", "XRCC2", "MAD2L2", "RFWD3",
        // telomere biology disorders
        "TERT", "TERC", "DKC1", "RTEL1", "TINF2", "NOP10", "NHP2", "WRAP53", "PARN", "ACD", "CTC1",
        // RASopathies (named in the reference)
        "NF1", "CBL", "PTPN11",
        // WHO 2016 additions
        "SRP72", "ATG2B", "GSKIP",
        // lymphoid predisposition often tested
        "PAX5", "IKZF1", "ATM", "NBN", "MLH1", "MSH2", "MSH6", "PMS2",
    ]
    public static let telomereGenes: Set<String> = ["TERT", "TERC", "DKC1", "RTEL1", "TINF2", "NOP10", "NHP2", "WRAP53", "PARN", "ACD", "CTC1"]
    public static let fanconiGenes: Set<String> = ["FANCA", "FANCB", "FANCC", "BRCA2", "FANCD2", "FANCE", "FANCF", "FANCG", "FANCI",
                                                   "BRIP1", "FANCL", "FANCM", "PALB2", "RAD51C", "SLX4", "ERCC4", "RAD51", "UBE2T",
                                                   "XRCC2", "MAD2L2", "RFWD3"]

    /// Heterozygous constitutional VAF window on tumour NGS: about 0.4–0.6. [U] exact cut-offs vary by group.
    public static let heterozygousVAFLow = 0.40
    public static let heterozygousVAFHigh = 0.60
    /// Homozygous / hemizygous constitutional VAF: ≥0.9 ("~100 %"). [U]
    public static let homozygousVAFLow = 0.90
    /// DDX41 near-heterozygous window (somatic DDX41 second hits sit at 5–10 %). [U] ELN 2024 footnote gives no numbers.
    public static let ddx41NearHeterozygousLow = 0.35
    public static let ddx41NearHeterozygousHigh = 0.65
    /// Persisting in remission: remission VAF at least this fraction of the earlier VAF… [U]
    public static let remissionPersistenceMinRatio = 0.5
    /// …and at least this VAF (a clone cleared to a few percent is not persisting). [U]
    public static let remissionPersistenceMinVAF = 0.25
    /// Young age at a myeloid neoplasm: children, adolescents and young adults, i.e. under 40 at diagnosis
    /// (the AYA band ends at 39). [U] the reference names no number.
    public static let youngAgeLimit = 40
    /// Monosomy 7 in a child or young adult: same age limit. [U]
    public static let monosomy7AgeLimit = 40
    /// Relatives of degree ≤ 2 (first or second degree) with a haematological neoplasm. [K]
    public static let maxRelativeDegree = 2
    /// Categories in which young age is a red flag (myeloid neoplasms except CML and APL, which are not
    /// associated with germline predisposition syndromes).
    /// Godley & Shimamura (Blood 2017) / clinical-reference.md §2c: "young age at myeloid neoplasm (MDS/AML in
    /// children/adolescents/young adults)", and aplastic anaemia — not MPN.
    public static let youngAgeCategories: Set<DiagnosisCategory> = [.aml, .mds, .aplasticAnaemia]
    /// Relatives' conditions that are a red flag besides haematological neoplasms: thrombocytopenia, bleeding
    /// tendency, cytopenias (the platelet-disorder families). Godley & Shimamura (Blood 2017); reference §2c.
    public static let familyRedFlagWords = ["thrombocytop", "bleeding", "platelet", "cytopeni", "aplastic", "marrow failure"]
    /// Genes whose copy-number losses are recurrent somatic events in B-ALL: their "VAF" is no germline
    /// evidence (reference §2c lists PAX5/IKZF1 as germline genes only for sequence variants).
    public static let somaticCopyNumberGenes: Set<String> = ["IKZF1", "PAX5", "CDKN2A", "CDKN2B", "ETV6", "BTG1", "EBF1", "RB1", "ERG"]
    /// Words that make a family-history condition a haematological neoplasm.
    public static let haemNeoplasmWords = ["leuk", "aml", "all", "mds", "myelodysplas", "lymphoma", "myeloma", "mpn",
                                           "cml", "cll", "myeloprolif", "aplastic", "haematolog", "hematolog", "blood cancer"]
    /// Syndromic features (formats.md §1 tags) and the disorder they suggest. [K]
    public static let syndromicFeatures: [String: String] = [
        "nail-dystrophy": "telomere biology disorder", "leukoplakia": "telomere biology disorder",
        "early-greying": "telomere biology disorder", "pulmonary-fibrosis": "telomere biology disorder",
        "reticular-pigmentation": "telomere biology disorder", "liver-disease": "telomere biology disorder",
        "lymphoedema": "GATA2 deficiency", "warts": "GATA2 deficiency", "mycobacterial-infection": "GATA2 deficiency",
        "monocytopenia": "GATA2 deficiency", "deafness": "GATA2 deficiency",
        "short-stature": "Fanconi anaemia", "radial-ray-anomaly": "Fanconi anaemia", "cafe-au-lait": "Fanconi anaemia",
        "pancreatic-insufficiency": "Shwachman-Diamond syndrome",
        "lifelong-thrombocytopenia": "familial platelet disorder (RUNX1, ANKRD26, ETV6)",
        "bleeding-tendency": "familial platelet disorder (RUNX1, ANKRD26, ETV6)",
        "excessive-chemo-toxicity": "excessive chemotherapy toxicity (DNA-repair or telomere disorder)",
    ]

    static let e = ELN2022.vafEpsilon

    public static func isHeterozygousOrHomozygous(_ vaf: Double) -> Bool {
        (vaf >= heterozygousVAFLow - e && vaf <= heterozygousVAFHigh + e) || vaf >= homozygousVAFLow - e
    }

    public static func isNearHeterozygous(_ vaf: Double, gene: String) -> Bool {
        if gene == "DDX41" { return vaf >= ddx41NearHeterozygousLow - e && vaf <= ddx41NearHeterozygousHigh + e }
        return vaf >= heterozygousVAFLow - e && vaf <= heterozygousVAFHigh + e
    }

    /// Germline assessment of `patient` as of `today`.
    public static func assess(_ patient: Patient, today: LocalDate) -> GermlineAssessment {
        var flags: [GermlineFlag] = []
        // Genes covered by a test on germline tissue (for resolving suspicion).
        var germlineTested = Set<String>()
        for panel in patient.testedGenes where panel.tissue?.isGermlineTissue == true { germlineTested.formUnion(panel.genes) }
        for v in patient.variants where v.tissue?.isGermlineTissue == true { germlineTested.insert(v.gene) }

        var confirmedGenes = Set<String>()
        var suspectedGenes = Set<String>()
        let relevant = patient.variants.filter { v in
            guard genes.contains(v.gene) else { return false }
            return v.classification != .benign && v.classification != .likelyBenign
        }
        // Confirmed: germline origin on germline tissue; a variant found on a germline tissue (fibroblasts, hair)
        // with origin left `unknown` is germline too.
        for v in relevant where v.origin == .germline || (v.origin == .unknown && v.tissue?.isGermlineTissue == true) {
            let onGermlineTissue = v.tissue.map(\.isGermlineTissue) ?? true
            if onGermlineTissue && v.classification != .vus {
                if confirmedGenes.insert(v.gene).inserted {
                    let where_ = v.tissue.map { " on \($0.rawValue)" } ?? ""
                    flags.append(GermlineFlag(level: .confirmed, gene: v.gene,
                                              reason: "germline \(GeneticFindings.label(v))\(where_) (\(DateText.iso(v.date)))"))
                }
            } else if !confirmedGenes.contains(v.gene), suspectedGenes.insert(v.gene).inserted {
                let why = v.classification == .vus ? "germline variant of uncertain significance" :
                    "reported germline on \(v.tissue?.rawValue ?? "?"), a haematopoietic tissue: confirm on cultured skin fibroblasts"
                flags.append(GermlineFlag(level: .suspected, gene: v.gene, reason: "\(GeneticFindings.label(v)) (\(DateText.iso(v.date))): \(why)"))
            }
        }
        // Suspected from tumour NGS.
        for v in relevant where v.origin != .germline && !confirmedGenes.contains(v.gene) && !suspectedGenes.contains(v.gene) {
            if v.tissue?.isGermlineTissue == true { continue }
            // A copy-number loss of a B-ALL deletion gene is not a constitutional allele fraction.
            if somaticCopyNumberGenes.contains(v.gene) && (v.consequence == .deletion || v.consequence == .amplification) { continue }
            // Tested negative on germline tissue: the tumour finding is somatic.
            if germlineTested.contains(v.gene) && !patient.variants.contains(where: { $0.gene == v.gene && $0.tissue?.isGermlineTissue == true }) { continue }
            var reason: String? = nil
            if let vaf = v.vaf {
                if v.gene == "DDX41" && isNearHeterozygous(vaf, gene: "DDX41") {
                    reason = "DDX41 at near-heterozygous VAF (\(GeneticFindings.label(v)), \(DateText.iso(v.date))): consider germline DDX41"
                } else if isHeterozygousOrHomozygous(vaf) {
                    let zyg = vaf >= homozygousVAFLow - e ? "homozygous-range" : "heterozygous-range"
                    reason = "\(GeneticFindings.label(v)) on \(v.tissue?.rawValue ?? "tumour") \(DateText.iso(v.date)): \(zyg) VAF compatible with a constitutional variant"
                }
            }
            if reason == nil, let p = persistingInRemission(v, patient) { reason = p }
            if let reason, suspectedGenes.insert(v.gene).inserted {
                flags.append(GermlineFlag(level: .suspected, gene: v.gene, reason: reason))
            }
        }

        // Red flags.
        if let first = patient.diagnoses.first(where: { youngAgeCategories.contains($0.category) }),
           let age = patient.birthDate?.age(on: first.date) {  // birth date not recorded: no age-based flag
            if age < youngAgeLimit {
                flags.append(GermlineFlag(level: .redFlag, reason: "\(first.category.rawValue) diagnosed at age \(age) (\(DateText.iso(first.date))), under \(youngAgeLimit)"))
            }
        }
        if let k = patient.karyotypes.first(where: { k in k.abnormalities.contains { $0 == "-7" || ($0.hasPrefix("-7") && KaryotypeTokenCache.shared.parse($0).chromosomes == ["7"]) } }),
           let age = patient.birthDate?.age(on: k.date) {
            if age < monosomy7AgeLimit {
                flags.append(GermlineFlag(level: .redFlag, gene: nil, reason: "monosomy 7 at age \(age) (karyotype \(DateText.iso(k.date)))"))
            }
        }
        for f in patient.familyHistory {
            guard let d = f.relation.degree, d <= maxRelativeDegree, isHaemNeoplasm(f.condition) || isFamilyRedFlag(f.condition) else { continue }
            let deg = d == 1 ? "first" : "second"
            let age = f.ageAtDiagnosis.map { " at age \($0)" } ?? ""
            flags.append(GermlineFlag(level: .redFlag, reason: "\(f.relation.rawValue) (\(deg)-degree relative) with \(f.condition)\(age)"))
        }
        for tag in patient.clinicalFeatures {
            if let syndrome = syndromicFeatures[tag.lowercased()] {
                flags.append(GermlineFlag(level: .redFlag, reason: "clinical feature \(tag): suggests \(syndrome)"))
            }
        }

        let hasConfirmed = flags.contains { $0.level == .confirmed }
        let hasSuspected = flags.contains { $0.level == .suspected }
        let hasRed = flags.contains { $0.level == .redFlag }
        let testingDone = !germlineTested.isEmpty
        // Suspected flags are never raised for a gene already confirmed, so each one still needs testing;
        // red flags need testing until germline testing has been done or has confirmed a predisposition.
        let recommended = hasSuspected || (hasRed && !testingDone && !hasConfirmed)
        var actions: [GermlineAction] = []
        if recommended { actions.append(.germlineTesting) }
        if hasConfirmed {
            actions += [.geneticCounselling, .cascadeTestingOfRelatives]
            if transplantConsidered(patient, today: today) { actions.append(.screenRelatedDonors) }
        }
        return GermlineAssessment(flags: flags, actions: actions)
    }

    /// An allogeneic transplant is considered or planned: a transplant or conditioning dated after `today`,
    /// or an open follow-up about a transplant, HCT or donor search.
    static func transplantConsidered(_ patient: Patient, today: LocalDate) -> Bool {
        if patient.transplants.contains(where: { $0.type == .allogeneic && $0.date >= today }) { return true }
        if patient.therapies.contains(where: { $0.intent == .conditioning && $0.start >= today }) { return true }
        return patient.followUps.contains { f in
            guard f.done == nil && !f.doneFlag else { return false }
            let k = (f.kind + " " + (f.note ?? "")).lowercased()
            return FastText.contains(k, "transplant") || FastText.contains(k, "hct") || FastText.contains(k, "donor")
        }
    }

    static func isFamilyRedFlag(_ condition: String) -> Bool {
        let c = condition.lowercased()
        return familyRedFlagWords.contains { FastText.contains(c, $0) }
    }

    static func isHaemNeoplasm(_ condition: String) -> Bool {
        let c = condition.lowercased()
        // Whole-word match for short acronyms, substring for stems.
        let words = c.split(whereSeparator: { !$0.isLetter && !$0.isNumber }).map(String.init)
        for w in haemNeoplasmWords {
            if w.count <= 4 && !w.hasPrefix("leuk") { if words.contains(w) { return true } }
            else if FastText.contains(c, w) { return true }
        }
        return false
    }

    /// A later sample in remission showing the same variant at a similar VAF.
    static func persistingInRemission(_ v: Variant, _ patient: Patient) -> String? {
        guard let vaf = v.vaf, vaf > 0 else { return nil }
        for w in patient.variants where w.gene == v.gene && w.date > v.date && w.origin != .germline {
            guard sameVariant(v, w), let wv = w.vaf, let st = patient.status(on: w.date), st.status.isRemission else { continue }
            if wv >= remissionPersistenceMinVAF - e && wv >= vaf * remissionPersistenceMinRatio - e {
                return "\(v.gene) persisting in remission: VAF \(GeneticFindings.percent(vaf)) on \(DateText.iso(v.date)), \(GeneticFindings.percent(wv)) on \(DateText.iso(w.date)) (\(st.status.rawValue))"
            }
        }
        return nil
    }

    static func sameVariant(_ a: Variant, _ b: Variant) -> Bool {
        if let x = a.hgvsc, let y = b.hgvsc { return x == y }
        if let x = a.hgvsp, let y = b.hgvsp { return x == y }
        return a.gene == b.gene
    }
}
