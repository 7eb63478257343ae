/// Agent → class table for `prior class …` criteria. Agent names are lower-case generic names.
public enum AgentClasses {
    public static let classes: [String: [String]] = [
        "FLT3-inhibitor": ["midostaurin", "gilteritinib", "quizartinib", "sorafenib", "crenolanib"],
        "HMA": ["azacitidine", "decitabine", "oral-azacitidine", "cc-486", "decitabine-cedazuridine"],
        "BCL2-inhibitor": ["venetoclax"],
        "IDH1-inhibitor": ["ivosidenib", "olutasidenib"],
        "IDH2-inhibitor": ["enasidenib"],
        "IDH-inhibitor": ["ivosidenib", "olutasidenib", "enasidenib", "vorasidenib"],
        "menin-inhibitor": ["revumenib", "ziftomenib", "bleximenib", "enzomenib"],
        "TKI": ["imatinib", "dasatinib", "nilotinib", "bosutinib", "ponatinib", "asciminib", "flumatinib"],
        "TKI-1st-gen": ["imatinib"],
        "TKI-2nd-gen": ["dasatinib", "nilotinib", "bosutinib", "flumatinib"],
        "TKI-3rd-gen": ["ponatinib", "olverembatinib"],
        "STAMP-inhibitor": ["asciminib"],
        "JAK-inhibitor": ["ruxolitinib", "fedratinib", "pacritinib", "momelotinib"],
        "anti-CD19": ["blinatumomab", "tafasitamab", "loncastuximab", "tisagenlecleucel", "brexucabtagene",
                      "obecabtagene", "axicabtagene", "lisocabtagene", "brexucabtagene-autoleucel", "obecabtagene-autoleucel"],
        "anti-CD22": ["inotuzumab", "inotuzumab-ozogamicin"],
        "anti-CD33": ["gemtuzumab", "gemtuzumab-ozogamicin"],
        "anti-CD38": ["daratumumab", "isatuximab"],
        "bispecific": ["blinatumomab"],
        "CAR-T": ["tisagenlecleucel", "brexucabtagene", "obecabtagene", "axicabtagene", "lisocabtagene",
                  "brexucabtagene-autoleucel", "obecabtagene-autoleucel"],
        "IMiD": ["lenalidomide", "pomalidomide", "thalidomide"],
        "androgen": ["danazol", "oxymetholone"],
        "anthracycline": ["daunorubicin", "idarubicin", "mitoxantrone", "doxorubicin", "cpx-351"],
        "alkylator-conditioning": ["busulfan", "treosulfan", "melphalan", "cyclophosphamide", "thiotepa"],
        "cytarabine": ["cytarabine", "cpx-351"],
        "purine-analogue": ["fludarabine", "cladribine", "clofarabine", "nelarabine"],
        "ESA": ["epoetin", "epoetin-alfa", "epoetin-beta", "darbepoetin"],
        "erythroid-maturation-agent": ["luspatercept"],
        "telomerase-inhibitor": ["imetelstat"],
        "TPO-RA": ["eltrombopag", "romiplostim", "avatrombopag"],
        "complement-inhibitor": ["eculizumab", "ravulizumab", "iptacopan", "danicopan", "pegcetacoplan", "crovalimab"],
        "ATG": ["atg", "horse-atg", "rabbit-atg"],
        "calcineurin-inhibitor": ["ciclosporin", "cyclosporine", "tacrolimus"],
        "interferon": ["ropeginterferon", "ropeginterferon-alfa-2b", "peginterferon", "interferon-alfa"],
        "hydroxyurea": ["hydroxyurea", "hydroxycarbamide"],
        "ATRA": ["atra", "tretinoin"],
        "arsenic": ["arsenic-trioxide", "ato"],
        "asparaginase": ["pegaspargase", "asparaginase", "calaspargase", "crisantaspase"],
        "hedgehog-inhibitor": ["glasdegib"],
        "BET-inhibitor": ["pelabresib"],
    ]

    /// Lower-case agent → classes it belongs to.
    public static let classesOfAgent: [String: [String]] = {
        var m: [String: [String]] = [:]
        for (cls, agents) in classes { for a in agents { m[a, default: []].append(cls) } }
        return m
    }()

    /// Canonical agent name: lower-case, spaces to hyphens, a few brand/synonym mappings.
    public static func canonicalAgent(_ name: String) -> String {
        if classesOfAgent[name] != nil { return name }
        let s = name.lowercased().trimmingCharacters(in: .whitespaces).replacingOccurrences(of: " ", with: "-")
        switch s {
        case "aza", "vidaza": return "azacitidine"
        case "ven", "venclexta", "venclyxto": return "venetoclax"
        case "dnr": return "daunorubicin"
        case "ara-c", "arac": return "cytarabine"
        case "gilt", "xospata": return "gilteritinib"
        case "vyxeos": return "cpx-351"
        case "ruxo", "jakavi": return "ruxolitinib"
        case "cyclosporin", "cyclosporine-a", "csa": return "ciclosporin"
        default: return s
        }
    }

    public static func isKnownClass(_ name: String) -> Bool { classes[name] != nil }
    public static func isKnownAgent(_ name: String) -> Bool { classesOfAgent[canonicalAgent(name)] != nil }
}
import Foundation
