/// Controlled vocabularies of the `caseboard-cases` v1 format (formats.md §1).
/// Raw values are the exact strings of the file format.

public enum Sex: String, Codable, Sendable, CaseIterable { case female, male, other, unknown }

public enum DiagnosisCategory: String, Codable, Sendable, CaseIterable {
    case aml = "AML", apl = "APL", mds = "MDS", mdsMpn = "MDS/MPN", mpn = "MPN", cml = "CML"
    case bALL = "B-ALL", tALL = "T-ALL", mpal = "MPAL"
    case aplasticAnaemia = "aplastic-anaemia", pnh = "PNH", ibmfs = "IBMFS"
    case germlinePredisposition = "germline-predisposition"

    /// The institute's six pathology groups.
    public var group: PathologyGroup {
        switch self {
        case .aml, .apl: return .aml
        case .bALL, .tALL, .mpal: return .all
        case .mpn, .cml: return .mpn
        case .mds, .mdsMpn: return .mds
        case .aplasticAnaemia, .pnh, .ibmfs: return .bmf
        case .germlinePredisposition: return .germline
        }
    }

    /// Myeloid neoplasm (for germline red flags such as young age at a myeloid neoplasm).
    public var isMyeloid: Bool {
        switch self {
        case .aml, .apl, .mds, .mdsMpn, .mpn, .cml: return true
        default: return false
        }
    }
}

/// The six groups of the institute; raw values are used on the command line (`--filter group=AML`).
public enum PathologyGroup: String, Codable, Sendable, CaseIterable {
    case aml = "AML", all = "ALL", mpn = "MPN", mds = "MDS", bmf = "BMF", germline = "germline"

    public var title: String {
        switch self {
        case .aml: return "Acute myeloid leukaemia"
        case .all: return "Acute lymphoblastic leukaemia"
        case .mpn: return "Myeloproliferative neoplasms"
        case .mds: return "MDS and MDS/MPN"
        case .bmf: return "Bone-marrow failure"
        case .germline: return "Germline predisposition"
        }
    }
}

public enum DiseaseStatus: String, Codable, Sendable, CaseIterable {
    case newlyDiagnosed = "newly-diagnosed", cr = "CR", cri = "CRi", crh = "CRh", mlfs = "MLFS", pr = "PR", sd = "SD"
    case refractory, relapsed, progression
    case chronicPhase = "chronic-phase", blastPhase = "blast-phase"

    public var isRemission: Bool { self == .cr || self == .cri || self == .crh }
}

public enum VariantConsequence: String, Codable, Sendable, CaseIterable {
    case missense, nonsense, frameshift
    case inframeInsertion = "inframe-insertion", inframeDeletion = "inframe-deletion"
    case splice, itd, ptd, tkd, amplification, deletion
}

public enum VariantOrigin: String, Codable, Sendable, CaseIterable { case somatic, germline, unknown }

public enum SampleTissue: String, Codable, Sendable, CaseIterable {
    case bm = "BM", pb = "PB", skinFibroblast = "skin-fibroblast", buccal, hair, other

    /// Tissues that represent the constitutional genome (not the haematopoietic clone).
    public var isGermlineTissue: Bool { self == .skinFibroblast || self == .hair }
}

public enum VariantClassification: String, Codable, Sendable, CaseIterable {
    case pathogenic, likelyPathogenic = "likely-pathogenic", vus, likelyBenign = "likely-benign", benign
}

public enum MRDMethod: String, Codable, Sendable, CaseIterable { case qPCR, ddPCR, MFC, NGS }

public enum MRDTissue: String, Codable, Sendable, CaseIterable { case pb = "PB", bm = "BM" }

public enum TherapyIntent: String, Codable, Sendable, CaseIterable {
    case induction, consolidation, maintenance, salvage, conditioning, immunosuppression, supportive, other
}

public enum TransplantType: String, Codable, Sendable, CaseIterable { case allogeneic, autologous }

public enum GVHDState: String, Codable, Sendable, CaseIterable { case none, acute, chronic }

public enum FamilyRelation: String, Codable, Sendable, CaseIterable {
    case parent, sibling, child, grandparent, auntUncle = "aunt-uncle", cousin, other

    /// Degree of relationship: 1 for parents, siblings, children; 2 for grandparents, aunts/uncles;
    /// 3 for first cousins; nil when unknown.
    public var degree: Int? {
        switch self {
        case .parent, .sibling, .child: return 1
        case .grandparent, .auntUncle: return 2
        case .cousin: return 3
        case .other: return nil
        }
    }
}
