/// Minimal ISCN token reading for karyotype criteria (the abnormality tokens of formats.md §1), until a shared
/// karyotype parser exists in ClinicalRules.
public enum KaryotypeLesion {
    static let recurrentClassDefining = ["t(8;21)", "inv(16)", "t(16;16)", "t(15;17)", "t(9;11)", "t(6;9)", "inv(3)",
                                         "t(3;3)", "t(9;22)", "t(v;11q23.3)"]

    public static func looksLikeLesion(_ w: String) -> Bool {
        if w.hasPrefix("-") || w.hasPrefix("+") { return w.count >= 2 }
        for p in ["t(", "del(", "inv(", "i(", "der(", "dup(", "ins(", "add(", "idic(", "r(", "ider("] where w.hasPrefix(p) { return true }
        return false
    }

    /// `del(5)(q13q33)` → `del(5q)`, `t(8;21)(q22;q22.1)` → `t(8;21)`; others unchanged.
    public static func short(_ token: String) -> String {
        let t = (token.first?.isWhitespace ?? false) || (token.last?.isWhitespace ?? false) ? token.trimmingCharacters(in: .whitespaces) : token
        guard let close = t.firstIndex(of: ")") else { return t }
        let head = String(t[...close])
        let rest = t[t.index(after: close)...]
        if (head.hasPrefix("del(") || head.hasPrefix("dup(") || head.hasPrefix("add(")), rest.hasPrefix("("),
           let arm = rest.dropFirst().first, arm == "p" || arm == "q", !head.contains(";") {
            return String(head.dropLast()) + String(arm) + ")"
        }
        return head
    }

    /// Chromosomes and bands of a two-part token `t(a;b)(x;y)`.
    static func parts(_ token: String) -> (chromosomes: [String], bands: [String])? {
        guard let o1 = token.firstIndex(of: "("), let c1 = token.firstIndex(of: ")") , o1 < c1 else { return nil }
        let chroms = token[token.index(after: o1)..<c1].split(separator: ";").map(String.init)
        var bands: [String] = []
        let rest = token[token.index(after: c1)...]
        if rest.hasPrefix("("), let c2 = rest.firstIndex(of: ")") {
            bands = rest[rest.index(after: rest.startIndex)..<c2].split(separator: ";").map(String.init)
        }
        return (chroms, bands)
    }

    /// Whether the observed abnormality token matches the rule's lesion.
    public static func matches(rule: String, token: String) -> Bool {
        let tok = (token.first?.isWhitespace ?? false) || (token.last?.isWhitespace ?? false) ? token.trimmingCharacters(in: .whitespaces) : token
        if tok == rule || short(tok) == rule || tok.hasPrefix(rule + "(") { return true }
        if rule == "del(5q)" && tok == "-5" { return false }
        // t(v;11q23.3): any translocation involving 11q23.
        if rule.hasPrefix("t(v;"), rule.hasSuffix(")") {
            let inner = rule.dropFirst(4).dropLast()  // "11q23.3"
            guard let qi = inner.firstIndex(where: { $0 == "q" || $0 == "p" }) else { return false }
            let chrom = String(inner[..<qi])
            let band = String(inner[qi...].prefix(3))
            guard tok.hasPrefix("t("), let (cs, bs) = parts(tok) else { return false }
            if short(tok) == rule { return true }
            for (i, c) in cs.enumerated() where c == chrom {
                if i < bs.count { if bs[i].hasPrefix(band) { return true } } else { return true }
            }
        }
        return false
    }

    public static func isAutosomalMonosomy(_ t: String) -> Bool {
        guard t.hasPrefix("-"), let n = Int(t.dropFirst()) else { return false }
        return (1...22).contains(n)
    }

    public static func isStructural(_ t: String) -> Bool { !(t.hasPrefix("-") || t.hasPrefix("+")) }

    public static func isComplex(_ tokens: [String]) -> Bool {
        if tokens.contains(where: { t in recurrentClassDefining.contains { matches(rule: $0, token: t) } }) { return false }
        return tokens.count >= 3
    }

    public static func isMonosomal(_ tokens: [String]) -> Bool {
        let mono = tokens.filter(isAutosomalMonosomy).count
        let structural = tokens.filter(isStructural).count
        return mono >= 2 || (mono >= 1 && structural >= 1)
    }

    /// Fusions implied by classic translocations.
    public static func impliedFusion(_ token: String) -> String? {
        switch short(token) {
        case "t(9;22)": return "BCR::ABL1"
        case "t(8;21)": return "RUNX1::RUNX1T1"
        case "inv(16)", "t(16;16)": return "CBFB::MYH11"
        case "t(15;17)": return "PML::RARA"
        case "t(9;11)": return "KMT2A::MLLT3"
        case "t(6;9)": return "DEK::NUP214"
        case "t(4;11)": return "KMT2A::AFF1"
        case "t(12;21)": return "ETV6::RUNX1"
        case "t(1;19)": return "TCF3::PBX1"
        default:
            if matches(rule: "t(v;11q23.3)", token: token) { return "KMT2A::*" }
            return nil
        }
    }
}
import Foundation
