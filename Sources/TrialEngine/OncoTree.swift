import CaseModel

/// The haematological part of the OncoTree hierarchy (cBioPortal/oncotree 2025-10-03, clinical-reference §1.4),
/// with a few local codes for non-neoplastic marrow failure that OncoTree lacks.
public enum OncoTree {
    /// code → parent code (roots have no entry). `LIQUID` is a local root above every haematological node.
    public static let parent: [String: String] = {
        var p: [String: String] = [:]
        func add(_ parentCode: String, _ children: [String]) { for c in children { p[c] = parentCode } }
        add("LIQUID", ["AML", "MDS", "MPN", "MDS/MPN", "BLL", "TLL", "ALAL", "BPDCN", "MLNER", "MCD", "MNGLP"])
        add("AML", ["AMLNOS", "TMN", "MPRDS", "AMLMRC", "MS", "AMLRGA"])
        add("AMLNOS", ["AMKL", "AMML", "APMF", "AWM", "AMOL", "PERL", "ABL", "AM", "AMLMD"])
        add("TMN", ["TAML", "TMDS"])
        add("MPRDS", ["TAM", "MLADS"])
        add("AMLRGA", ["AMLGATA2MECOM", "AMLBCRABL1", "AMLRARA", "AMLCBFBMYH11", "AMLRBM15MKL1", "AMLRUNX1",
                       "AMLMLLT3KMT2A", "AMLDEKNUP214", "AMLNPM1", "AMLRUNX1RUNX1T1", "AMLCEBPA", "APLPMLRARA"])
        add("MDS", ["MDSRS", "MDSEB", "MDSSLD", "MDSMD", "MDSID5Q", "MDSDEL5Q", "MDSU", "RCYC", "MDSWP"])
        add("MDSRS", ["MDSRSSLD", "MDSRSMD"])
        add("MDSEB", ["MDSEB1", "MDSEB2"])
        add("MPN", ["CML", "PV", "ET", "PMF", "CNL", "CELNOS", "MPNU", "MPNWP"])
        add("CML", ["CMLBCRABL1"])
        add("PV", ["PVMF"])
        add("ET", ["ETMF"])
        add("PMF", ["PMFPES", "PMFOFS"])
        add("MDS/MPN", ["CMML", "JMML", "ACML", "MDSMPNRST", "MDSMPNU"])
        add("CMML", ["CMML0", "CMML1", "CMML2"])
        add("BLL", ["BLLRGA", "BLLNOS"])
        add("BLLRGA", ["BLLBCRABL1L", "BLLKMT2A", "BLLTCF3PBX1", "BLLIL3IGH", "BLLIAMP21", "BLLHYPER", "BLLHYPO",
                       "BLLBCRABL1", "BLLETV6RUNX1"])
        add("TLL", ["NKCLL", "ETPLL"])
        // Local, non-OncoTree nodes for non-neoplastic marrow failure (OncoTree has none).
        add("BMF", ["SAA", "AA", "PNH", "IBMFS"])
        return p
    }()

    /// OncoTree names (as CTML uses them) → codes. Case-insensitive lookup through `code(forName:)`.
    public static let names: [String: String] = [
        "acute myeloid leukemia": "AML", "aml": "AML",
        "acute myeloid leukemia, nos": "AMLNOS",
        "therapy-related myeloid neoplasms": "TMN", "therapy-related acute myeloid leukemia": "TAML",
        "acute myeloid leukemia with myelodysplasia-related changes": "AMLMRC",
        "myeloid sarcoma": "MS",
        "aml with recurrent genetic abnormalities": "AMLRGA",
        "aml with mutated npm1": "AMLNPM1", "acute myeloid leukemia with mutated npm1": "AMLNPM1",
        "aml with biallelic mutations of cebpa": "AMLCEBPA",
        "aml with t(8;21)(q22;q22.1);runx1-runx1t1": "AMLRUNX1RUNX1T1",
        "aml with inv(16)(p13.1q22) or t(16;16)(p13.1;q22);cbfb-myh11": "AMLCBFBMYH11",
        "aml with t(9;11)(p21.3;q23.3);mllt3-kmt2a": "AMLMLLT3KMT2A",
        "acute promyelocytic leukemia with pml-rara": "APLPMLRARA",
        "myelodysplastic syndromes": "MDS", "myelodysplasia": "MDS",
        "mds with excess blasts": "MDSEB",
        "myeloproliferative neoplasms": "MPN", "chronic myelogenous leukemia": "CML",
        "chronic myeloid leukemia, bcr-abl1+": "CMLBCRABL1",
        "polycythemia vera": "PV", "essential thrombocythemia": "ET", "primary myelofibrosis": "PMF",
        "myelodysplastic/myeloproliferative neoplasms": "MDS/MPN", "chronic myelomonocytic leukemia": "CMML",
        "juvenile myelomonocytic leukemia": "JMML",
        "b-lymphoblastic leukemia/lymphoma": "BLL", "b-lymphoblastic leukemia/lymphoma, nos": "BLLNOS",
        "b-lymphoblastic leukemia/lymphoma with recurrent genetic abnormalities": "BLLRGA",
        "b-lymphoblastic leukemia/lymphoma with t(9;22)(q34.1;q11.2);bcr-abl1": "BLLBCRABL1",
        "b-lymphoblastic leukemia/lymphoma, bcr-abl1-like": "BLLBCRABL1L",
        "b-lymphoblastic leukemia/lymphoma with t(v;11q23.3);kmt2a rearranged": "BLLKMT2A",
        "t-lymphoblastic leukemia/lymphoma": "TLL", "early t-cell precursor lymphoblastic leukemia": "ETPLL",
        "mixed phenotype acute leukemia": "ALAL", "acute leukemias of ambiguous lineage": "ALAL",
        "blastic plasmacytoid dendritic cell neoplasm": "BPDCN",
        "myeloid neoplasms with germ line predisposition": "MNGLP",
        "leukemia": "LIQUID", "_liquid_": "LIQUID",
        "aplastic anemia": "AA", "aplastic anaemia": "AA", "paroxysmal nocturnal hemoglobinuria": "PNH",
    ]

    public static func code(forName name: String) -> String? { names[name.lowercased()] }

    /// Whether `code` is known (a node of the table).
    public static func isKnown(_ code: String) -> Bool {
        parent[code] != nil || code == "LIQUID" || code == "BMF"
    }

    /// `code` is `ancestor` or lies below it.
    public static func isA(_ code: String, _ ancestor: String) -> Bool {
        var c: String? = code
        var guardCount = 0
        while let cur = c, guardCount < 16 {
            if cur == ancestor { return true }
            c = parent[cur]; guardCount += 1
        }
        return false
    }

    /// The node a diagnosis category stands for when the patient has no OncoTree code.
    public static func code(for category: DiagnosisCategory) -> String {
        switch category {
        case .aml: return "AML"
        case .apl: return "APLPMLRARA"
        case .mds: return "MDS"
        case .mdsMpn: return "MDS/MPN"
        case .mpn: return "MPN"
        case .cml: return "CML"
        case .bALL: return "BLL"
        case .tALL: return "TLL"
        case .mpal: return "ALAL"
        case .aplasticAnaemia: return "AA"
        case .pnh: return "PNH"
        case .ibmfs: return "IBMFS"
        case .germlinePredisposition: return "MNGLP"
        }
    }
}
