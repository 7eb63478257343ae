import CaseModel
import Foundation
import Yams

/// Converts MatchMiner CTML trial documents (JSON or YAML; one trial, an array, or several concatenated documents)
/// into trial files of this catalogue. Every match clause becomes criteria in the criteria language; a field
/// with no equivalent becomes an `unmapped "…"` criterion (always unknown) and a warning.
public struct CTMLImporter {
    public struct Result: Sendable {
        public var id: String
        /// Suggested file name (`<protocol_no>.yaml`, made safe).
        public var fileName: String
        public var yaml: String
        public var warnings: [String]
    }

    public struct ImportError: Error, CustomStringConvertible, Sendable {
        public var description: String
    }

    var warnings: [String] = []
    let source: String

    // MARK: documents

    /// Parses a file's text into CTML trial objects.
    public static func documents(_ text: String, file: String) throws -> [[String: Any]] {
        let trimmed = text.drop { $0.isWhitespace }
        var docs: [Any] = []
        if trimmed.first == "{" || trimmed.first == "[" {
            for chunk in splitJSON(String(trimmed)) {
                guard let data = chunk.data(using: .utf8) else { continue }
                do { docs.append(try JSONSerialization.jsonObject(with: data)) } catch {
                    throw ImportError(description: "\(file): invalid JSON: \(error.localizedDescription)")
                }
            }
        } else {
            // One document is composed strictly (Yams' multi-document sequence stops silently at a syntax error).
            let multi = text.hasPrefix("---") && text.dropFirst(3).contains("\n---") || text.contains("\n---\n") || text.contains("\n--- ")
            do {
                if multi { for d in try Yams.load_all(yaml: text) { docs.append(d) } }
                else {
                    if let node = try Yams.compose(yaml: text), case .scalar(let sc) = node {
                        throw ImportError(description: "\(file):\(node.mark?.line ?? 1): expected a CTML trial mapping, found the text \"\(sc.string.prefix(40))\"")
                    }
                    if let d = try Yams.load(yaml: text) { docs.append(d) }
                }
            } catch let e as ImportError { throw e } catch let e as YamlError {
                let at = YAMLErrorLocation.locate(e, text: text)
                throw ImportError(description: "\(file):\(at.line):\(at.column): invalid YAML: \(at.message)")
            } catch {
                throw ImportError(description: "\(file): invalid YAML: \(error)")
            }
        }
        var out: [[String: Any]] = []
        for d in docs {
            if let m = d as? [String: Any] { out.append(m) }
            else if let arr = d as? [Any] { for x in arr { if let m = x as? [String: Any] { out.append(m) } } }
        }
        if out.contains(where: { $0["$schema"] != nil || ($0["properties"] != nil && $0["definitions"] != nil && $0["protocol_no"] == nil) }) {
            throw ImportError(description: "\(file): a JSON schema, not a CTML trial document")
        }
        if out.isEmpty { throw ImportError(description: "\(file): no CTML trial document found") }
        return out
    }

    /// Splits concatenated top-level JSON values (`{…}{…}` or one per line).
    static func splitJSON(_ s: String) -> [String] {
        var out: [String] = []
        var depth = 0, inString = false, escape = false
        var cur = ""
        for ch in s {
            if depth == 0 && ch.isWhitespace && cur.isEmpty { continue }
            cur.append(ch)
            if inString {
                if escape { escape = false } else if ch == "\\" { escape = true } else if ch == "\"" { inString = false }
                continue
            }
            switch ch {
            case "\"": inString = true
            case "{", "[": depth += 1
            case "}", "]":
                depth -= 1
                if depth == 0 { out.append(cur); cur = "" }
            default: break
            }
        }
        if !cur.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty { out.append(cur) }
        return out
    }

    /// Imports every trial of a file's text.
    public static func importText(_ text: String, file: String) throws -> [Result] {
        let docs = try documents(text, file: file)
        return try docs.enumerated().map { (i, doc) in
            var imp = CTMLImporter(source: file, index: i, count: docs.count)
            return try imp.convert(doc)
        }
    }

    // MARK: conversion

    var fallbackID: String

    init(source: String, index: Int = 0, count: Int = 1) {
        self.source = source
        let base = URL(fileURLWithPath: source).deletingPathExtension().lastPathComponent
        fallbackID = count > 1 ? "\(base)-\(index + 1)" : base
    }

    static func str(_ v: Any?) -> String? {
        switch v {
        case let s as String: return s
        case let n as NSNumber: return n.stringValue
        case let i as Int: return String(i)
        case let d as Double: return String(d)
        default: return nil
        }
    }

    static func yes(_ v: Any?) -> Bool {
        if let b = v as? Bool { return b }
        guard let s = str(v)?.lowercased() else { return false }
        return s == "y" || s == "yes" || s == "true" || s == "1"
    }

    struct ArmOut { var id: String; var name: String; var status: TrialStatus; var inclusion: [(String, String)] }

    mutating func convert(_ doc: [String: Any]) throws -> Result {
        let protocolNo: String
        if let p = CTMLImporter.str(doc["protocol_no"]), !p.isEmpty { protocolNo = p } else {
            protocolNo = fallbackID
            warnings.append("\(source): CTML document without protocol_no; trial id '\(protocolNo)' taken from the file name")
        }
        func text(_ k: String) -> String? { CTMLImporter.str(doc[k]).flatMap { $0.trimmingCharacters(in: .whitespaces).isEmpty ? nil : $0 } }
        let title = text("short_title") ?? text("long_title") ?? "CTML trial \(protocolNo)"
        let nct = text("nct_id")
        if let n = nct, n.range(of: #"^NCT\d{8}$"#, options: .regularExpression) == nil, !n.hasPrefix("NCT-DEMO-") {
            warnings.append("\(source): nct_id '\(n)' is not an NCT number (NCT followed by 8 digits); kept as written")
        }
        let phase = CTMLImporter.str(doc["phase"]) ?? "unknown"
        var statusText = CTMLImporter.str(doc["status"])
        if let summary = doc["_summary"] as? [String: Any], let st = summary["status"] as? [[String: Any]],
           let v = CTMLImporter.str(st.first?["value"]) { statusText = statusText ?? v }
        let status = mapStatus(statusText)
        var arms: [ArmOut] = []
        var codes = Set<String>()
        let trialMatch = matchCriteria(doc["match"], context: "trial")
        let steps = (doc["treatment_list"] as? [String: Any])?["step"] as? [[String: Any]] ?? []
        for step in steps {
            let stepCode = CTMLImporter.str(step["step_code"]) ?? "?"
            let stepMatch = matchCriteria(step["match"], context: "step \(stepCode)")
            for arm in step["arm"] as? [[String: Any]] ?? [] {
                let code = CTMLImporter.str(arm["arm_code"]) ?? CTMLImporter.str(arm["arm_internal_id"]) ?? "arm"
                let armSuspended = CTMLImporter.yes(arm["arm_suspended"])
                let armMatch = matchCriteria(arm["match"], context: "arm \(code)")
                let name = CTMLImporter.str(arm["arm_description"]) ?? code
                let base = trialMatch + stepMatch + armMatch
                let levels = arm["dose_level"] as? [[String: Any]] ?? []
                if levels.isEmpty {
                    arms.append(ArmOut(id: unique(code, &codes), name: name, status: armSuspended ? .suspended : .open, inclusion: base))
                } else {
                    for lv in levels {
                        let lc = CTMLImporter.str(lv["level_code"]) ?? CTMLImporter.str(lv["level_internal_id"]) ?? "level"
                        let lvSuspended = CTMLImporter.yes(lv["level_suspended"])
                        let lm = matchCriteria(lv["match"], context: "arm \(code) dose level \(lc)")
                        let lname = "\(name) — dose level \(lc)" + (CTMLImporter.str(lv["level_description"]).map { " (\($0))" } ?? "")
                        arms.append(ArmOut(id: unique("\(code)/\(lc)", &codes), name: lname,
                                           status: (armSuspended || lvSuspended) ? .suspended : .open, inclusion: base + lm))
                    }
                }
            }
        }
        if arms.isEmpty {
            warnings.append("\(protocolNo): no arms in treatment_list; one arm holds the trial-level match")
            arms.append(ArmOut(id: "main", name: title, status: status, inclusion: trialMatch))
        }
        for i in arms.indices where arms[i].inclusion.isEmpty {
            warnings.append("\(protocolNo): arm \(arms[i].id) has no match clause")
            arms[i].inclusion = [("CTML arm without a match clause", "unmapped \"arm without a match clause\"")]
        }
        var groups = Set<String>()
        for a in arms { for (_, r) in a.inclusion { groups.formUnion(CTMLImporter.groups(inRule: r)) } }
        let yaml = CTMLImporter.yamlText(id: protocolNo, nct: nct, title: title, phase: phase,
                                         sponsor: (doc["sponsor_list"] as? [String: Any]).flatMap { CTMLImporter.str(($0["sponsor"] as? [[String: Any]])?.first?["sponsor_name"]) },
                                         status: status, groups: groups.sorted(), arms: arms, source: source)
        let safe = protocolNo.map { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" ? $0 : "_" }
        return Result(id: protocolNo, fileName: String(safe) + ".yaml", yaml: yaml, warnings: warnings)
    }

    func unique(_ id: String, _ seen: inout Set<String>) -> String {
        var c = id, k = 2
        while seen.contains(c) { c = "\(id)-\(k)"; k += 1 }
        seen.insert(c)
        return c
    }

    mutating func mapStatus(_ s: String?) -> TrialStatus {
        guard let s = s?.lowercased() else { return .open }
        if s.contains("suspend") || s.contains("temporarily closed") { return .suspended }
        if s.contains("not yet") { return .notYetOpen }
        if s.contains("closed") || s.contains("complete") || s.contains("terminated") || s.contains("withdrawn") || s.contains("active not") { return .closed }
        if s.contains("open") || s.contains("recruiting") || s.contains("enrolling") { return .open }
        warnings.append("unknown CTML status '\(s)'; imported as open")
        return .open
    }

    static func groups(inRule r: String) -> [String] {
        var g: [String] = []
        let pairs: [(String, String)] = [("is-a AML", "AML"), ("is-a APL", "AML"), ("is-a MDS", "MDS"), ("is-a MPN", "MPN"), ("is-a CML", "MPN"),
                                         ("is-a BLL", "ALL"), ("is-a TLL", "ALL"), ("is-a LIQUID", "AML"), ("is-a MNGLP", "germline")]
        for (k, v) in pairs where r.contains(k) { g.append(v) }
        return g
    }

    // MARK: match trees

    /// A CTML `match` list → criteria (text, rule); a top-level `and` is split into one criterion per child.
    mutating func matchCriteria(_ m: Any?, context: String) -> [(String, String)] {
        guard let m else { return [] }
        let list: [Any] = (m as? [Any]) ?? [m]
        var out: [(String, String)] = []
        for node in list {
            if let d = node as? [String: Any], d.count == 1, let kids = d["and"] as? [Any] {
                for k in kids { out.append((text(k), checked(rule(k, context), context))) }
            } else {
                out.append((text(node), checked(rule(node, context), context)))
            }
        }
        return out
    }

    /// The converted rule when it parses; else (a value the mapping let through, e.g. protein change `p.G12,`, found by
    /// the fuzz test ) an `unmapped` criterion, so that the written trial always loads.
    mutating func checked(_ rule: String, _ context: String) -> String {
        do { _ = try RuleParser.parse(rule); return rule } catch {
            return unmapped("criterion that does not convert (\(error.message)): \(rule)", context)
        }
    }

    static func quote(_ s: String) -> String {
        // Control characters (a NUL,) cannot be written into the trial file: each becomes a space.
        let clean = String(String.UnicodeScalarView(s.unicodeScalars.map { $0.value < 0x20 || ($0.value >= 0x7F && $0.value < 0xA0) ? " " : $0 }))
        return "\"" + clean.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }

    /// Human wording of a node (MatchMiner's genomic_alteration style).
    func text(_ node: Any) -> String {
        guard let d = node as? [String: Any] else { return "\(node)" }
        if let kids = d["and"] as? [Any] { return kids.map { text($0) }.joined(separator: " AND ") }
        if let kids = d["or"] as? [Any] { return "(" + kids.map { text($0) }.joined(separator: " OR ") + ")" }
        if let g = d["genomic"] as? [String: Any] {
            if let dn = CTMLImporter.str(g["display_name"]) { return dn }
            let known = ["hugo_symbol", "protein_change", "wildcard_protein_change", "variant_category", "cnv_call", "exon",
                         "fusion_partner_hugo_symbol", "variant_classification", "wildtype"]
            var parts: [String] = []
            for k in known {
                guard let v = CTMLImporter.str(g[k]) else { continue }
                switch k {
                case "wildcard_protein_change": parts.append("\(v) (any)")
                case "exon": parts.append("exon \(v)")
                case "fusion_partner_hugo_symbol": parts.append("partner \(v)")
                case "wildtype": parts.append("wildtype=\(v)")
                default: parts.append(v)
                }
            }
            var extra: [String] = []
            for k in g.keys.sorted() where !known.contains(k) && k != "display_name" {
                extra.append("\(k)=\(CTMLImporter.str(g[k]) ?? "?")")
            }
            return (parts + extra).joined(separator: " ")
        }
        if let c = d["clinical"] as? [String: Any] {
            return c.keys.sorted().map { "\($0) \(CTMLImporter.str(c[$0]) ?? "?")" }.joined(separator: ", ")
        }
        if let p = d["prior_treatments"] as? [String: Any] { return "prior treatment \(CTMLImporter.str(p["drug"]) ?? "?")" }
        return d.keys.sorted().joined(separator: ", ")
    }

    mutating func unmapped(_ what: String, _ context: String) -> String {
        warnings.append("\(source): \(context): \(what) has no equivalent; imported as a criterion whose result is unknown")
        return "unmapped \(CTMLImporter.quote(what))"
    }

    mutating func rule(_ node: Any, _ context: String) -> String {
        guard let d = node as? [String: Any] else { return unmapped("match node \(node)", context) }
        var parts: [String] = []
        for key in d.keys.sorted() {
            let v = d[key]
            switch key {
            case "and", "or":
                let kids = (v as? [Any]) ?? []
                let rs = kids.map { rule($0, context) }
                if rs.isEmpty { continue }
                parts.append(rs.count == 1 ? rs[0] : "(" + rs.joined(separator: " \(key) ") + ")")
            case "clinical": parts.append(clinical(v as? [String: Any] ?? [:], context))
            case "genomic": parts.append(genomic(v as? [String: Any] ?? [:], context))
            case "prior_treatments":
                let drug = CTMLImporter.str((v as? [String: Any])?["drug"]) ?? ""
                let agent = AgentClasses.canonicalAgent(drug)
                if !agent.isEmpty, agent.unicodeScalars.allSatisfy({ RuleLexer.isAlnum($0) || $0 == "-" }) { parts.append("prior agent \(agent)") }
                else { parts.append(unmapped("prior_treatments drug \(drug)", context)) }
            default: parts.append(unmapped("match node '\(key)'", context))
            }
        }
        if parts.isEmpty { return unmapped("empty match node", context) }
        return parts.count == 1 ? parts[0] : "(" + parts.joined(separator: " and ") + ")"
    }

    static func negated(_ s: String) -> (Bool, String) {
        s.hasPrefix("!") ? (true, String(s.dropFirst()).trimmingCharacters(in: .whitespaces)) : (false, s)
    }

    mutating func clinical(_ c: [String: Any], _ context: String) -> String {
        var parts: [String] = []
        for key in c.keys.sorted() {
            guard let raw = CTMLImporter.str(c[key]) else { parts.append(unmapped("clinical \(key)", context)); continue }
            switch key {
            case "oncotree_primary_diagnosis":
                let (neg, name) = CTMLImporter.negated(raw)
                let r: String
                if name == "_LIQUID_" { r = "diagnosis liquid" }
                else if let code = OncoTree.code(forName: name) { r = "oncotree is-a \(code)" }
                else {
                    warnings.append("\(source): \(context): OncoTree name \"\(name)\" is not haematological; it never matches a leukaemia patient")
                    r = "oncotree is-a \(CTMLImporter.quote(name))"
                }
                parts.append(neg ? "not \(r)" : r)
            case "age_numerical":
                let s = raw.replacingOccurrences(of: " ", with: "")
                var op = "", num = ""
                for ch in s { if "<>=!".contains(ch) { op.append(ch) } else { num.append(ch) } }
                if op == "==" { op = "=" }
                // A plausible age only (`>=1e21` produced a rule the loader refused, exit 2).
                if let n = Double(num), n.isFinite, n >= 0, n <= 150, ["<", "<=", ">", ">=", "="].contains(op) {
                    parts.append("age \(op) \(RuleToken.format(n))")
                } else { parts.append(unmapped("age_numerical \(raw)", context)) }
            case "gender":
                switch raw.lowercased() {
                case "male": parts.append("sex male")
                case "female": parts.append("sex female")
                default: parts.append(unmapped("gender \(raw)", context))
                }
            default:
                parts.append(unmapped("clinical \(key): \(raw)", context))
            }
        }
        if parts.isEmpty { return unmapped("empty clinical node", context) }
        return parts.count == 1 ? parts[0] : "(" + parts.joined(separator: " and ") + ")"
    }

    static let mafConsequence: [String: String] = [
        "missense_mutation": "missense", "nonsense_mutation": "nonsense", "frame_shift_del": "frameshift",
        "frame_shift_ins": "frameshift", "in_frame_del": "inframe-deletion", "in_frame_ins": "inframe-insertion",
        "splice_site": "splice", "splice_region": "splice",
    ]

    mutating func genomic(_ g: [String: Any], _ context: String) -> String {
        var extras: [String] = []
        for k in g.keys.sorted() where !["hugo_symbol", "variant_category", "protein_change", "wildcard_protein_change", "exon",
                                         "cnv_call", "wildtype", "fusion_partner_hugo_symbol", "variant_classification",
                                         "true_variant_classification", "display_name"].contains(k) {
            extras.append(unmapped("genomic \(k): \(CTMLImporter.str(g[k]) ?? "?")", context))
        }
        // MatchMiner writes `hugo_symbol: None` on signature-only nodes: no gene at all.
        let rawGene = CTMLImporter.str(g["hugo_symbol"]).flatMap { ["none", "null", ""].contains($0.lowercased()) ? nil : $0 }
        var gene: String? = rawGene.map { $0.uppercased() == "ANY_GENE" ? "*" : $0 }
        if let x = gene, x != "*", !RuleParser.gene(x) {
            extras.append(unmapped("hugo_symbol \(x)", context)); gene = nil
        }
        let (vcNeg, vcRaw) = CTMLImporter.negated(CTMLImporter.str(g["variant_category"]) ?? (g["fusion_partner_hugo_symbol"] != nil ? "Structural Variation" : "Mutation"))
        let vc = vcRaw.lowercased()
        var base: String?
        if let w = g["wildtype"], CTMLImporter.yes(w), let gn = gene, gn != "*" {
            base = "wildtype \(gn)"
        } else if vc == "mutation" || vc == "any variation" {
            if let gn = gene, gn != "*" {
                var mods = ""
                var negProtein: String?
                if let pc = CTMLImporter.str(g["protein_change"]) {
                    let (neg, p) = CTMLImporter.negated(pc)
                    if let hp = HGVSProtein(p), !p.contains(" ") {
                        let norm = hp.description
                        if neg { negProtein = norm } else { mods += " protein \(norm)" }
                    } else { extras.append(unmapped("protein_change \(pc)", context)) }
                }
                if let wc = CTMLImporter.str(g["wildcard_protein_change"]) {
                    let (neg, p) = CTMLImporter.negated(wc)
                    if let hp = HGVSProtein(p) {
                        let norm = "p.\(hp.reference)\(hp.position)"
                        if neg { negProtein = norm } else { mods += " protein \(norm)" }
                    } else { extras.append(unmapped("wildcard_protein_change \(wc)", context)) }
                }
                for key in ["variant_classification", "true_variant_classification"] {
                    if let vcl = CTMLImporter.str(g[key]) {
                        let (neg, v) = CTMLImporter.negated(vcl)
                        if let c = CTMLImporter.mafConsequence[v.lowercased()] {
                            if neg { extras.append("not variant \(gn) consequence \(c)") } else { mods += " consequence \(c)" }
                        } else { extras.append(unmapped("\(key) \(vcl)", context)) }
                    }
                }
                if let e = CTMLImporter.str(g["exon"]), let n = Int(e) { mods += " exon \(n)" }
                var r = "variant \(gn)\(mods)"
                if let np = negProtein { r = "(\(r) and not variant \(gn) protein \(np))" }
                if vc == "any variation" { r = "(\(r) or fusion \(gn)::*)" }
                base = r
            } else { extras.append(unmapped("mutation in any gene", context)) }
        } else if vc == "copy number variation" || vc == "cnv" {
            if let gn = gene, gn != "*" {
                var r = "variant \(gn) consequence amplification, deletion"
                if let call = CTMLImporter.str(g["cnv_call"]) {
                    let (neg, c) = CTMLImporter.negated(call)
                    let kind = c.lowercased().contains("amplification") ? "amplification" : (c.lowercased().contains("deletion") ? "deletion" : nil)
                    if let kind {
                        r = neg ? "(variant \(gn) consequence amplification, deletion and not variant \(gn) consequence \(kind))" : "variant \(gn) consequence \(kind)"
                        if c.lowercased().hasPrefix("low") || c.lowercased().hasPrefix("heterozygous") || c.lowercased().hasPrefix("high") || c.lowercased().hasPrefix("homozygous") {
                            warnings.append("\(source): \(context): cnv_call level '\(c)' is not distinguished; matched as any \(kind)")
                        }
                    } else { extras.append(unmapped("cnv_call \(call)", context)) }
                }
                base = r
            } else { extras.append(unmapped("copy-number change in any gene", context)) }
        } else if vc == "structural variation" {
            let partnerRaw = CTMLImporter.str(g["fusion_partner_hugo_symbol"])
            var partner: String? = partnerRaw.map { $0.uppercased() == "ANY_GENE" ? "*" : $0 }
            if let p = partner, p.uppercased() == "INTERGENIC" {
                warnings.append("\(source): \(context): intergenic structural variants are not recorded; matched as any \(gene ?? "") rearrangement")
                partner = "*"
            }
            if let p = partner, p != "*", !RuleParser.gene(p) { extras.append(unmapped("fusion_partner_hugo_symbol \(p)", context)); partner = "*" }
            let a = gene ?? "*", b = partner ?? "*"
            if a == "*" && b == "*" { extras.append(unmapped("structural variant of any gene", context)) }
            else { base = "fusion \(a)::\(b)" }
        } else {
            extras.append(unmapped("variant_category \(vcRaw)", context))
        }
        var parts: [String] = []
        if let b = base { parts.append(vcNeg ? "not \(b)" : b) }
        parts += extras
        if parts.isEmpty { return unmapped("empty genomic node", context) }
        return parts.count == 1 ? parts[0] : "(" + parts.joined(separator: " and ") + ")"
    }

    // MARK: YAML

    static func yamlText(id: String, nct: String?, title: String, phase: String, sponsor: String?, status: TrialStatus,
                         groups: [String], arms: [ArmOut], source: String) -> String {
        var l: [String] = ["# Imported from MatchMiner CTML (\(URL(fileURLWithPath: source).lastPathComponent)) by caseboard trials import-ctml.",
                           "id: \(quote(id))"]
        if let n = nct { l.append("nct: \(quote(n))") }
        l.append("title: \(quote(title))")
        l.append("phase: \(quote(phase))")
        if let s = sponsor { l.append("sponsor: \(quote(s))") }
        l.append("status: \(status.rawValue)")
        l.append("groups: [\(groups.joined(separator: ", "))]")
        l.append("source: \(quote("CTML import"))")
        l.append("arms:")
        for a in arms {
            l.append("  - id: \(quote(a.id))")
            l.append("    name: \(quote(a.name))")
            l.append("    status: \(a.status.rawValue)")
            l.append("    inclusion:")
            for (t, r) in a.inclusion {
                l.append("      - text: \(quote(t))")
                l.append("        rule: \(quote(r))")
            }
        }
        return l.joined(separator: "\n") + "\n"
    }
}
