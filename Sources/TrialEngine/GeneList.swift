/// Genes the linter accepts in criteria (HGNC symbols of myeloid/lymphoid/germline panels). A gene outside this
/// list is a lint error: a typo would silently never match.
public enum GeneList {
    public static let known: Set<String> = [
        "ABL1", "ABL2", "ANKRD26", "ARID1A", "ASXL1", "ASXL2", "ATM", "ATRX", "BCOR", "BCORL1", "BCR", "BRAF", "BRCA1",
        "BRCA2", "BTK", "CALR", "CBFB", "CBL", "CBLB", "CD19", "CD22", "CD33", "CD123", "CDKN2A", "CDKN2B", "CEBPA",
        "CREBBP", "CRLF2", "CSF3R", "CSNK1A1", "CUX1", "DDX41", "DEK", "DNMT3A", "EPOR", "ERG", "ETNK1", "ETV6", "EZH2",
        "FBXW7", "FLT3", "GATA1", "GATA2", "GNAS", "GNB1", "IDH1", "IDH2", "IKZF1", "IL7R", "JAK1", "JAK2", "JAK3",
        "KDM6A", "KIT", "KMT2A", "KMT2D", "KRAS", "LUC7L2", "MECOM", "MLLT3", "MLLT10", "MPL", "MYC", "MYH11", "NF1",
        "NOTCH1", "NPM1", "NRAS", "NSD1", "NUP98", "NUP214", "PAX5", "PBX1", "PDGFRA", "PDGFRB", "PHF6", "PIGA",
        "PML", "PPM1D", "PRPF8", "PTEN", "PTPN11", "RAD21", "RARA", "RBM15", "RUNX1", "RUNX1T1", "SAMD9", "SAMD9L",
        "SETBP1", "SF3B1", "SH2B3", "SMC1A", "SMC3", "SRSF2", "STAG2", "STAT3", "STAT5B", "TCF3", "TERC", "TERT",
        "TET2", "TP53", "U2AF1", "U2AF2", "UBA1", "WT1", "ZRSR2", "FANCA", "FANCC", "FANCG", "SBDS", "DKC1", "RTEL1",
        "ELANE", "HAX1", "RPS19", "MKL1", "IGH", "IL3", "ZNF384", "MEF2D", "NUTM1", "DUX4", "LMO2", "TAL1", "TLX1",
        "TLX3", "HOXA9", "PICALM", "ETV6-RUNX1", "PRDM16", "BCL2", "CCND1", "TYK2", "FGFR1", "PCM1", "CHEK2",
    ]
}
