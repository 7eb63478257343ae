import CaseModel
import TrialEngine

/// The code tables of the FHIR mapping (documented in the README's FHIR section).
public enum FHIRTables {
    public static let loinc = "http://loinc.org"
    public static let snomedSystem = "http://snomed.info/sct"
    public static let ucum = "http://unitsofmeasure.org"
    /// Sequence Ontology as the Genomics Reporting IG names it (its DNA change type value set).
    public static let sequenceOntology = "http://sequenceontology.org"
    /// Caseboard's own code system for finding kinds that no standard code carries (the kind is the code).
    public static let findingKindSystem = "urn:caseboard:finding-kind"
    /// Caseboard's copy-number call (`deletion` …) beside the SO DNA change type.
    public static let copyNumberCallSystem = "urn:caseboard:copy-number-call"
    /// Caseboard's component of a region studied: copy number was called for its genes (`copy-number`, a boolean).
    public static let regionStudiedSystem = "urn:caseboard:region-studied"

    /// Standard codes of finding kinds, where one exists (README, FHIR table; sources in the README):
    /// LOINC 32489-7 "Spleen tip distance below costal margin" (Len, Qn, cm); SNOMED CT 439127006 "Thrombosis (disorder)".
    public static let findingCodes: [String: (system: String, code: String, display: String)] = [
        "spleen-cm": (loinc, "32489-7", "Spleen tip distance below costal margin"),
        "thrombosis": (snomedSystem, "439127006", "Thrombosis"),
    ]

    /// The text of a finding Observation's code.
    public static let findingText: [String: String] = [
        "spleen-cm": "Spleen below the costal margin (cm; 0 = not palpable)",
        "constitutional-symptoms": "Constitutional symptoms",
        "marrow-cellularity": "Bone marrow cellularity (%)",
        "residual-haematopoiesis": "Residual haematopoiesis (% of cellularity)",
        "thrombosis": "Thrombosis (true: an event that day; false: history reviewed, no event)",
        "transfusion-dependent": "Transfusion dependence",
        "marrow-fibrosis-grade": "Bone marrow fibrosis grade (MF-0 to MF-3, EUMNET)",
    ]

    /// UCUM unit of a numeric finding kind (nil: dimensionless or not fixed).
    public static func findingUnit(_ kind: String) -> String? {
        if kind == "spleen-cm" { return "cm" }
        if ["marrow-cellularity", "residual-haematopoiesis"].contains(kind) { return "%" }
        return nil
    }

    /// The finding kind a code names: a `urn:caseboard:finding-kind` coding, else a standard code of `findingCodes`.
    public static func findingKind(_ code: Any?) -> String? {
        let codings = FHIRReader.codings(code)
        if let k = codings.first(where: { $0["system"] as? String == findingKindSystem })?["code"] as? String { return k }
        for c in codings {
            guard let code = c["code"] as? String else { continue }
            let sys = (c["system"] as? String ?? "").lowercased()
            for (kind, std) in findingCodes where std.code == code {
                if std.system == snomedSystem && !(sys.isEmpty || sys.contains("snomed")) { continue }
                return kind
            }
        }
        return nil
    }

    /// SO DNA change types of copy number (Genomics Reporting IG, component 48019-4).
    public static let soCopyNumberLoss = ("SO:0001743", "copy_number_loss")
    public static let soCopyNumberGain = ("SO:0001742", "copy_number_gain")
    public static let soCopyNumberVariation = ("SO:0001019", "copy_number_variation")

    /// Laboratory LOINC codes → (lab test name of the criteria language, canonical unit when the resource gives none).
    public static let labs: [String: (test: String, unit: String)] = [
        "751-8": ("ANC", "10*9/L"), "26499-4": ("ANC", "10*9/L"), "753-4": ("ANC", "10*9/L"),
        "6690-2": ("WBC", "10*9/L"), "26464-8": ("WBC", "10*9/L"), "804-5": ("WBC", "10*9/L"),
        "777-3": ("platelets", "10*9/L"), "26515-7": ("platelets", "10*9/L"),
        "718-7": ("hemoglobin", "g/dL"),
        "2160-0": ("creatinine", "mg/dL"), "14682-9": ("creatinine", "umol/L"),
        "1975-2": ("bilirubin", "mg/dL"), "14631-6": ("bilirubin", "umol/L"),
        "1742-6": ("ALT", "U/L"), "1920-8": ("AST", "U/L"),
        "709-6": ("PB-blasts", "%"), "26446-5": ("PB-blasts", "%"),
        "11150-0": ("BM-blasts", "%"),
    ]

    /// ECOG answers (LOINC LA codes of 89247-1).
    public static let ecogAnswers: [String: Int] = ["LA9622-7": 0, "LA9623-5": 1, "LA9624-3": 2, "LA9625-0": 3, "LA9626-8": 4, "LA9627-6": 5]

    /// ICD-10 prefixes → category, most specific first.
    public static let icd10: [(String, DiagnosisCategory)] = [
        ("C92.4", .apl), ("C92.1", .cml), ("C92.0", .aml), ("C92.2", .cml), ("C92.3", .aml), ("C92.5", .aml), ("C92.6", .aml),
        ("C92.8", .aml), ("C92.A", .aml), ("C93.0", .aml), ("C93.1", .mdsMpn), ("C93.3", .mdsMpn), ("C94.0", .aml), ("C94.2", .aml),
        ("C94.4", .mpn), ("C94.6", .mdsMpn), ("C95.0", .mpal), ("D46", .mds), ("D45", .mpn), ("D47.1", .mpn), ("D47.3", .mpn),
        ("D47.4", .mpn), ("D61", .aplasticAnaemia), ("D59.5", .pnh),
    ]

    /// SNOMED CT concepts → category.
    public static let snomed: [String: DiagnosisCategory] = [
        "91861009": .aml, "110004001": .apl, "92818009": .cml, "109995007": .mds,
    ]

    /// The category of an OncoTree code: the deepest category node at or above it.
    public static func category(oncotree code: String) -> DiagnosisCategory? {
        guard OncoTree.isKnown(code) else { return nil }
        var best: (DiagnosisCategory, Int)?
        for c in DiagnosisCategory.allCases {
            let node = OncoTree.code(for: c)
            guard OncoTree.isA(code, node) else { continue }
            var depth = 0
            var cur: String? = node
            while let x = cur, let p = OncoTree.parent[x] { depth += 1; cur = p }
            if best.map({ depth > $0.1 }) ?? true { best = (c, depth) }
        }
        return best?.0
    }

    /// Sequence Ontology / LOINC (48006-1) consequences → the model's consequence.
    public static func consequence(_ code: String?, _ display: String?) -> VariantConsequence? {
        let t = (display ?? code ?? "").lowercased()
        switch code {
        case "SO:0001583", "LA6698-0": return .missense
        case "SO:0001587", "LA6699-8": return .nonsense
        case "SO:0001589", "SO:0000865", "LA6694-7": return .frameshift
        case "SO:0001821": return .inframeInsertion
        case "SO:0001822": return .inframeDeletion
        case "SO:0001629", "SO:0001575", "SO:0001574": return .splice
        default: break
        }
        if t.contains("missense") { return .missense }
        if t.contains("frameshift") { return .frameshift }
        if t.contains("nonsense") || t.contains("stop_gained") || t.contains("stop gained") { return .nonsense }
        if t.contains("inframe_insertion") || t.contains("inframe insertion") { return .inframeInsertion }
        if t.contains("inframe_deletion") || t.contains("inframe deletion") { return .inframeDeletion }
        if t.contains("splice") { return .splice }
        return nil
    }
}
