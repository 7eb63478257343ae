import CaseModel

/// Class-defining recurring genetic abnormalities of AML (WHO 2022 / ICC 2022 / ELN 2022 Table 6),
/// recognised either from a karyotype token or from a fusion found by a molecular test: a fusion
/// counts the same as its cytogenetic equivalent.
public enum RecurrentLesion: String, Sendable, CaseIterable, Comparable {
    case runx1Runx1t1 = "t(8;21)(q22;q22.1)/RUNX1::RUNX1T1"
    case cbfbMyh11 = "inv(16)(p13.1q22) or t(16;16)(p13.1;q22)/CBFB::MYH11"
    case pmlRara = "t(15;17)(q24.1;q21.2)/PML::RARA"
    case mllt3Kmt2a = "t(9;11)(p21.3;q23.3)/MLLT3::KMT2A"
    case dekNup214 = "t(6;9)(p23.3;q34.1)/DEK::NUP214"
    case kmt2aRearranged = "t(v;11q23.3)/KMT2A-rearranged"
    case bcrAbl1 = "t(9;22)(q34.1;q11.2)/BCR::ABL1"
    case kat6aCrebbp = "t(8;16)(p11.2;p13.3)/KAT6A::CREBBP"
    case gata2Mecom = "inv(3)(q21.3q26.2) or t(3;3)(q21.3;q26.2)/GATA2, MECOM(EVI1)"
    case mecomRearranged = "t(3q26.2;v)/MECOM(EVI1)-rearranged"
    case nup98Rearranged = "NUP98-rearranged (11p15.4)"
    case rbm15Mrtfa = "t(1;22)(p13.3;q13.1)/RBM15::MRTFA"

    /// Core-binding-factor AML.
    public var isCoreBindingFactor: Bool { self == .runx1Runx1t1 || self == .cbfbMyh11 }

    /// ELN 2022 adverse-risk fusions / rearrangements.
    public var isELN2022Adverse: Bool {
        switch self {
        case .dekNup214, .kmt2aRearranged, .bcrAbl1, .kat6aCrebbp, .gata2Mecom, .mecomRearranged: return true
        default: return false
        }
    }

    /// A short name for drivers ("t(8;21)/RUNX1::RUNX1T1").
    public var shortName: String {
        switch self {
        case .runx1Runx1t1: return "t(8;21)/RUNX1::RUNX1T1"
        case .cbfbMyh11: return "inv(16)/t(16;16)/CBFB::MYH11"
        case .pmlRara: return "t(15;17)/PML::RARA"
        case .mllt3Kmt2a: return "t(9;11)/MLLT3::KMT2A"
        case .dekNup214: return "t(6;9)/DEK::NUP214"
        case .kmt2aRearranged: return "t(v;11q23.3)/KMT2A rearrangement"
        case .bcrAbl1: return "t(9;22)/BCR::ABL1"
        case .kat6aCrebbp: return "t(8;16)/KAT6A::CREBBP"
        case .gata2Mecom: return "inv(3)/t(3;3)/GATA2::MECOM"
        case .mecomRearranged: return "t(3q26.2;v)/MECOM rearrangement"
        case .nup98Rearranged: return "NUP98 rearrangement"
        case .rbm15Mrtfa: return "t(1;22)/RBM15::MRTFA"
        }
    }

    public static func < (a: RecurrentLesion, b: RecurrentLesion) -> Bool {
        let all = RecurrentLesion.allCases
        return (all.firstIndex(of: a) ?? 0) < (all.firstIndex(of: b) ?? 0)
    }

    /// The genes a lesion rearranges (to tell a karyotype and a fusion that disagree on the same gene).
    public var genes: Set<String> {
        switch self {
        case .runx1Runx1t1: return ["RUNX1", "RUNX1T1"]
        case .cbfbMyh11: return ["CBFB", "MYH11"]
        case .pmlRara: return ["PML", "RARA"]
        case .mllt3Kmt2a: return ["MLLT3", "KMT2A"]
        case .dekNup214: return ["DEK", "NUP214"]
        case .kmt2aRearranged: return ["KMT2A"]
        case .bcrAbl1: return ["BCR", "ABL1"]
        case .kat6aCrebbp: return ["KAT6A", "CREBBP"]
        case .gata2Mecom: return ["GATA2", "MECOM"]
        case .mecomRearranged: return ["MECOM"]
        case .nup98Rearranged: return ["NUP98"]
        case .rbm15Mrtfa: return ["RBM15", "MRTFA"]
        }
    }

    /// The lesion a molecularly detected fusion stands for (`RUNX1::RUNX1T1` → t(8;21)); nil for
    /// fusions that are not class-defining in AML, and for KMT2A::KMT2A (a partial tandem duplication
    /// is not a KMT2A rearrangement).
    public static func fromFusion(_ name: String) -> RecurrentLesion? {
        if let hit = commonFusions[name] { return hit }
        let genes = name.uppercased().split(separator: ":", omittingEmptySubsequences: true).map(String.init)
        guard genes.count >= 2 else {
            return nil
        }
        let set = Set(genes)
        if set == ["RUNX1", "RUNX1T1"] { return .runx1Runx1t1 }
        if set == ["CBFB", "MYH11"] { return .cbfbMyh11 }
        if set == ["PML", "RARA"] { return .pmlRara }
        if set == ["KMT2A", "MLLT3"] { return .mllt3Kmt2a }
        if set == ["DEK", "NUP214"] { return .dekNup214 }
        if set == ["BCR", "ABL1"] { return .bcrAbl1 }
        if set == ["KAT6A", "CREBBP"] { return .kat6aCrebbp }
        if set == ["RBM15", "MRTFA"] || set == ["RBM15", "MKL1"] { return .rbm15Mrtfa }
        if set.contains("MECOM") || set.contains("EVI1") {
            return set.contains("GATA2") ? .gata2Mecom : .mecomRearranged
        }
        if set.contains("KMT2A") || set.contains("MLL") {
            // KMT2A::KMT2A is the PTD, not a rearrangement.
            return set.count == 1 ? nil : .kmt2aRearranged
        }
        if set.contains("NUP98") { return set.count == 1 ? nil : .nup98Rearranged }
        return nil
    }

    /// Fast path for the usual spellings.
    static let commonFusions: [String: RecurrentLesion] = [
        "RUNX1::RUNX1T1": .runx1Runx1t1, "CBFB::MYH11": .cbfbMyh11, "PML::RARA": .pmlRara, "KMT2A::MLLT3": .mllt3Kmt2a,
        "MLLT3::KMT2A": .mllt3Kmt2a, "DEK::NUP214": .dekNup214, "BCR::ABL1": .bcrAbl1, "KAT6A::CREBBP": .kat6aCrebbp,
        "GATA2::MECOM": .gata2Mecom, "RBM15::MRTFA": .rbm15Mrtfa,
    ]

    /// The lesion a karyotype abnormality stands for, with a note when an assumption was needed.
    public static func fromAbnormality(_ a: KaryotypeAbnormality) -> (RecurrentLesion, note: String?)? {
        switch a.kind {
        case .translocation, .insertion:
            let c = Set(a.chromosomes)
            if c == ["8", "21"] { return (.runx1Runx1t1, nil) }
            if a.chromosomes == ["16", "16"] { return (.cbfbMyh11, nil) }
            if c == ["15", "17"] { return (.pmlRara, nil) }
            if c == ["6", "9"] { return (.dekNup214, nil) }
            if c == ["9", "22"] { return (.bcrAbl1, nil) }
            if c == ["8", "16"] { return (.kat6aCrebbp, nil) }
            if c == ["1", "22"] { return (.rbm15Mrtfa, nil) }
            if a.chromosomes == ["3", "3"] { return (.gata2Mecom, nil) }
            if c.contains("11") {
                let b = a.band(of: "11") ?? ""
                if b.hasPrefix("p15") { return (.nup98Rearranged, nil) }
                if b.hasPrefix("q23") || b.isEmpty {
                    let note: String? = b.isEmpty ? "\(a.token): 11q23.3 breakpoint assumed" : nil
                    if c.contains("9") { return (.mllt3Kmt2a, note) }
                    if c.count == 1 { return nil } // t(11;11) without bands: not classifiable
                    return (.kmt2aRearranged, note)
                }
            }
            if c.contains("3") {
                let b = a.band(of: "3") ?? ""
                if b.hasPrefix("q26") { return (.mecomRearranged, nil) }
            }
            return nil
        case .inversion:
            if a.chromosomes == ["16"] { return (.cbfbMyh11, nil) }
            if a.chromosomes == ["3"] { return (.gata2Mecom, nil) }
            return nil
        case .derivative:
            for o in a.origin { if let r = fromAbnormality(o) { return r } }
            return nil
        default:
            return nil
        }
    }
}
