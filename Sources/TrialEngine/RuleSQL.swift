import CaseModel

/// Translates compiled rules into SQL text over the case database's tables (pure text: no SQLite here), for the
/// subset SQL can express, as an expert would write it.
///
/// Tri-state semantics map onto SQL's own three-valued logic: each atom becomes an expression that is 1 when
/// the criterion is met, 0 when it is not met and NULL when it is unknown; SQL's AND, OR and NOT are Kleene's,
/// like the engine's. An arm's query keeps a patient when every inclusion is TRUE (`WHERE incl AND …`) and every
/// exclusion is FALSE (`AND NOT excl`): NULL never passes a WHERE clause, so unknown is never eligible.
///
/// Not expressible (the arm is left out): ELN risk, MRD state and germline flags (computed by ClinicalRules),
/// complex/monosomal karyotype, protein changes other than substitutions and codon wildcards, exon, `t(v;…)` patterns and fusions that such a pattern
/// could imply, unmapped CTML fields.
public struct RuleSQL: Sendable {
    public let today: LocalDate
    public init(today: LocalDate) { self.today = today }

    /// Why a rule could not be translated.
    public struct Unsupported: Error, Sendable, CustomStringConvertible {
        public var construct: String
        public var description: String { "not expressible in SQL: \(construct)" }
    }

    /// One arm's query, or why it is left out.
    public struct ArmQuery: Sendable {
        public var trialID: String
        public var armID: String
        /// `SELECT p.id FROM patient p WHERE …` (nil when a criterion is not expressible)
        public var sql: String?
        public var criteria: Int
        /// criteria translated (all of them when `sql` is non-nil)
        public var translated: Int
        public var unsupported: [String]
    }

    // MARK: whole arms

    /// The query selecting the ids of patients ELIGIBLE for `arm`.
    public func query(for arm: CompiledArm, trialID: String) -> ArmQuery {
        var incl: [String] = [], excl: [String] = [], bad: [String] = []
        // Terms in the engine's fast order (diagnosis, status, genetics first; exclusions last), as an expert puts
        // the selective, index-backed terms first.
        for c in arm.fastOrder.map({ arm.criteria[$0] }) {
            do {
                let s = try expression(c.expr)
                if c.kind == .inclusion { incl.append(s) } else { excl.append(s) }
            } catch let u as Unsupported {
                bad.append(u.construct)
            } catch { bad.append("\(error)") }
        }
        let n = arm.criteria.count
        guard bad.isEmpty else {
            return ArmQuery(trialID: trialID, armID: arm.arm.id, sql: nil, criteria: n, translated: n - bad.count, unsupported: bad)
        }
        let conds = incl.map { "(\($0))" } + excl.map { "NOT (\($0))" }
        let sql = "SELECT p.id FROM patient p" + (conds.isEmpty ? "" : "\nWHERE " + conds.joined(separator: "\n  AND "))
        return ArmQuery(trialID: trialID, armID: arm.arm.id, sql: sql, criteria: n, translated: n, unsupported: [])
    }

    /// Queries for every open arm of every open trial of a matcher (catalogue order).
    public func queries(for matcher: Matcher) -> [ArmQuery] {
        var out: [ArmQuery] = []
        for t in matcher.trials where t.trial.status == .open {
            for a in t.arms where a.isOpen { out.append(query(for: a, trialID: t.trial.id)) }
        }
        return out
    }

    // MARK: expressions

    /// A tri-valued SQL expression (1 met, 0 not met, NULL unknown) of a rule, for the patient row `p`.
    public func expression(_ e: RuleExpr) throws -> String {
        switch e {
        case .atom(let a): return try atom(a.predicate)
        case .not(let x): return "(NOT \(try expression(x)))"
        case .and(let xs): return "(" + (try xs.map(expression)).joined(separator: " AND ") + ")"
        case .or(let xs): return "(" + (try xs.map(expression)).joined(separator: " OR ") + ")"
        }
    }

    static func lit(_ s: String) -> String { "'" + s.replacingOccurrences(of: "'", with: "''") + "'" }
    static func list(_ xs: [String]) -> String { "(" + xs.map(lit).joined(separator: ", ") + ")" }
    static func num(_ d: Double) -> String {
        if d == d.rounded(), abs(d) < 1e15 { return String(Int(d)) + ".0" }
        return "\(d)"
    }
    static func op(_ c: Comparison) -> String {
        switch c { case .lt: return "<"; case .le: return "<="; case .gt: return ">"; case .ge: return ">="; case .eq: return "="; case .ne: return "<>" }
    }
    var todayLit: String { RuleSQL.lit(today.description) }
    func cutoff(_ days: Int) -> String { RuleSQL.lit(today.adding(days: -days).description) }

    /// `char(31)`-separated list column contains `item` as a whole element.
    static func listHas(_ column: String, _ item: String) -> String {
        "instr(char(31) || \(column) || char(31), char(31) || \(lit(item)) || char(31)) > 0"
    }

    /// Latest row (on or before today, ties to the later entry) of a dated child table, evaluated by `select`.
    func latest(_ table: String, _ select: String, dateColumn: String = "date", filter: String = "") -> String {
        "(SELECT \(select) FROM \(table) x WHERE x.patientId = p.id\(filter) AND x.\(dateColumn) <= \(todayLit) ORDER BY x.\(dateColumn) DESC, x.seq DESC LIMIT 1)"
    }

    /// The newest diagnosis row (the last entered: `Patient.diagnosis`).
    func newestDiagnosis(_ select: String) -> String {
        "(SELECT \(select) FROM diagnosis x WHERE x.patientId = p.id ORDER BY x.seq DESC LIMIT 1)"
    }

    func geneCovered(_ gene: String) -> String {
        "EXISTS (SELECT 1 FROM genePanel g WHERE g.patientId = p.id AND g.date <= \(todayLit) AND \(RuleSQL.listHas("g.genes", gene)))"
    }

    func geneReported(_ gene: String) -> String {
        "EXISTS (SELECT 1 FROM variant v WHERE v.patientId = p.id AND v.gene = \(RuleSQL.lit(gene)) AND v.date <= \(todayLit))"
    }

    static let benign = "v.classification IN ('benign', 'likely-benign')"

    /// Birth dates for which the age on `today` is at least `age` (age is non-increasing in the birth date).
    func latestBirthDate(forAgeAtLeast age: Int) -> LocalDate {
        var d = LocalDate(year: today.year - age, month: today.components.month, day: min(today.components.day, 28)) ?? today
        while d.adding(days: 1).age(on: today) >= age { d = d.adding(days: 1) }
        while d.age(on: today) < age { d = d.adding(days: -1) }
        return d
    }

    func ageExpression(_ holds: (Int) -> Bool) throws -> String {
        let range = -2...200
        let ok = range.filter(holds)
        guard let lo = ok.first, let hi = ok.last else { return "0" }
        guard ok.count == hi - lo + 1 else { throw Unsupported(construct: "age with ≠") }
        var parts: [String] = []
        if lo > range.lowerBound { parts.append("p.birthDate <= \(RuleSQL.lit(latestBirthDate(forAgeAtLeast: lo).description))") }
        if hi < range.upperBound { parts.append("p.birthDate > \(RuleSQL.lit(latestBirthDate(forAgeAtLeast: hi + 1).description))") }
        return parts.isEmpty ? "1" : "(" + parts.joined(separator: " AND ") + ")"
    }

    /// Raw spellings a canonical agent name may have in the database, besides case and spaces.
    static let agentSynonyms = ["aza", "vidaza", "ven", "venclexta", "venclyxto", "dnr", "ara-c", "arac", "gilt", "xospata",
                                "vyxeos", "ruxo", "jakavi", "cyclosporin", "cyclosporine-a", "csa"]

    func agentMatch(_ agents: [String]) -> String {
        var spellings: [String] = []
        for a in agents {
            spellings.append(a)
            for s in RuleSQL.agentSynonyms where AgentClasses.canonicalAgent(s) == a && s != a { spellings.append(s) }
        }
        let col = "replace(lower(t.agents), ' ', '-')"
        return "(" + spellings.map { RuleSQL.listHas(col, $0) }.joined(separator: " OR ") + ")"
    }

    /// Number of prior lines exactly as `PatientFacts.lines` derives it, compared with lo…hi; NULL when unknown.
    func priorLines(_ lo: Int, _ hi: Int) -> String {
        let newly = latest("diseaseStatus", "CASE WHEN x.status = 'newly-diagnosed' THEN (0 BETWEEN \(lo) AND \(hi)) END")
        return """
            (SELECT CASE WHEN max(t.line) IS NOT NULL THEN (max(t.line) BETWEEN \(lo) AND \(hi)) \
            WHEN count(*) > 0 THEN (sum(t.intent IN ('induction', 'salvage')) BETWEEN \(lo) AND \(hi)) \
            ELSE \(newly) END FROM therapy t WHERE t.patientId = p.id AND t.start <= \(todayLit))
            """
    }

    func atom(_ pred: Predicate) throws -> String {
        switch pred {
        case .age(let c, let v):
            return try ageExpression { c.holds(Double($0), v) }
        case .ageRange(let lo, let hi):
            return try ageExpression { $0 >= lo && $0 <= hi }
        case .sex(let list):
            let l = RuleSQL.list(list.map(\.rawValue))
            return "(CASE WHEN p.sex IN \(l) THEN 1 WHEN p.sex = 'unknown' THEN NULL ELSE 0 END)"
        case .diagnosis(let cats):
            return "(p.category IN \(RuleSQL.list(cats.map(\.rawValue))))"
        case .liquid:
            let liquid = DiagnosisCategory.allCases.filter(Evaluator.isLiquid).map(\.rawValue)
            return "(p.category IN \(RuleSQL.list(liquid)))"
        case .diagnosisFlag(let flag):
            let col: String
            switch flag { case .therapyRelated: col = "therapyRelated"; case .postMDS: col = "postMDS"; case .postMPN: col = "postMPN" }
            return newestDiagnosis("x.\(col)")
        case .label(let icc, let text, let contains):
            let col = icc ? "x.icc2022" : "x.who2022"
            let t = RuleSQL.lit(text.lowercased())
            return newestDiagnosis(contains ? "instr(lower(\(col)), \(t)) > 0" : "lower(\(col)) = \(t)")
        case .oncotree(let code, _, let isA):
            guard let code else { return "(CASE WHEN p.category IS NULL THEN NULL ELSE 0 END)" }
            let parents = OncoTree.parent
            var matching: Set<String> = [code]
            if isA { for k in parents.keys where OncoTree.isA(k, code) { matching.insert(k) } }
            let metCats = DiagnosisCategory.allCases.filter { matching.contains(OncoTree.code(for: $0)) }.map(\.rawValue)
            let coarseCats = DiagnosisCategory.allCases.filter {
                let pc = OncoTree.code(for: $0)
                return !matching.contains(pc) && code != pc && OncoTree.isA(code, pc)
            }.map(\.rawValue)
            // Issue 11 point 21: a recorded or derived code above the rule's is decided as OncoTreeSubtype.coarseResult.
            let coarse = OncoTreeSubtype.coarseSQL(code: code, isA: isA)
            let above = OncoTreeSubtype.strictAncestors(code)
            let stored = "CASE WHEN x.oncotree IS NOT NULL AND x.oncotree <> '' THEN (CASE WHEN x.oncotree IN \(RuleSQL.list(matching.sorted())) THEN 1 "
                + (above.isEmpty ? "" : "WHEN x.oncotree IN \(RuleSQL.list(above)) THEN \(coarse) ") + "ELSE 0 END) "
            let derived = "WHEN p.category IN \(RuleSQL.list(metCats)) THEN 1 "
                + (coarseCats.isEmpty ? "" : "WHEN p.category IN \(RuleSQL.list(coarseCats)) THEN \(coarse) ") + "ELSE 0 END"
            return newestDiagnosis(stored + derived)
        case .status(let sels):
            var direct: [String] = [], firstRemission = false
            for s in sels {
                switch s {
                case .status(let x): direct.append(x.rawValue)
                case .remission: direct += DiseaseStatus.allCases.filter(\.isRemission).map(\.rawValue)
                case .firstRemission: firstRemission = true
                }
            }
            var cond = "x.status IN \(RuleSQL.list(direct))"
            if firstRemission {
                let rem = RuleSQL.list(DiseaseStatus.allCases.filter(\.isRemission).map(\.rawValue))
                cond += " OR (x.status IN \(rem) AND NOT EXISTS (SELECT 1 FROM diseaseStatus r WHERE r.patientId = p.id AND r.status = 'relapsed' AND r.date <= \(todayLit)))"
            }
            return latest("diseaseStatus", "(\(cond))")
        case .priorLines(let lo, let hi):
            return priorLines(lo, hi)
        case .prior(let agents, _, _, let within):
            let window = within.map { " AND coalesce(t.\"end\", \(todayLit)) >= \(cutoff($0))" } ?? ""
            let newly = latest("diseaseStatus", "CASE WHEN x.status = 'newly-diagnosed' THEN 0 END")
            return """
                (CASE WHEN EXISTS (SELECT 1 FROM therapy t WHERE t.patientId = p.id AND t.start <= \(todayLit) AND \(agentMatch(agents))\(window)) THEN 1 \
                WHEN EXISTS (SELECT 1 FROM therapy t WHERE t.patientId = p.id AND t.start <= \(todayLit)) THEN 0 \
                ELSE \(newly) END)
                """
        case .transplant(let type, let within):
            let t = type.map { " AND h.type = \(RuleSQL.lit($0.rawValue))" } ?? ""
            let w = within.map { " AND h.date >= \(cutoff($0))" } ?? ""
            return "EXISTS (SELECT 1 FROM transplant h WHERE h.patientId = p.id AND h.date <= \(todayLit)\(t)\(w))"
        case .variant(let vp):
            return try variant(vp)
        case .tested(let g):
            return "(\(geneReported(g)) OR \(geneCovered(g)))"
        case .wildtype(let g):
            return """
                (CASE WHEN EXISTS (SELECT 1 FROM variant v WHERE v.patientId = p.id AND v.gene = \(RuleSQL.lit(g)) AND v.date <= \(todayLit) AND NOT coalesce(\(RuleSQL.benign), 0)) THEN 0 \
                WHEN \(geneReported(g)) OR \(geneCovered(g)) THEN 1 END)
                """
        case .fusion(let a, let b):
            return try fusion(a, b)
        case .karyotype(let sel):
            switch sel {
            case .normal: return latest("karyotype", "x.abnormalities = ''")
            case .complex, .monosomal: throw Unsupported(construct: "karyotype \(sel.label) (computed from the tokens)")
            case .lesion(let l):
                let k = latest("karyotype", try karyotypeTokenCondition(l, column: "x.abnormalities"))
                guard l == "del(5q)" else { return k }
                // As Evaluator.del5qDiagnosis: without a karyotype, an MDS-del(5q) diagnosis establishes del(5q).
                func has(_ col: String, _ text: String) -> String { "instr(lower(coalesce(\(col), '')), \(RuleSQL.lit(text))) > 0" }
                let dx = newestDiagnosis("CASE WHEN x.oncotree = 'MDSDEL5Q' OR \(has("x.who2022", "5q deletion")) OR \(has("x.who2022", "del(5q)")) OR \(has("x.icc2022", "5q deletion")) OR \(has("x.icc2022", "del(5q)")) THEN 1 END")
                return "(CASE WHEN \(latest("karyotype", "1")) IS NOT NULL THEN \(k) ELSE \(dx) END)"
            }
        case .eln: throw Unsupported(construct: "ELN 2022 risk (computed by ClinicalRules)")
        case .risk: throw Unsupported(construct: "risk scores (computed by ClinicalRules)")
        case .mrd: throw Unsupported(construct: "MRD state (computed by ClinicalRules)")
        case .germline: throw Unsupported(construct: "germline status (computed by ClinicalRules)")
        case .unmapped(let s): throw Unsupported(construct: "unmapped field \(s)")
        case .lab(let test, let c, let v, _, _, let within):
            guard let entry = LabTable.entry(test) else {
                // Unknown test: the engine never converts its value, so it is unknown or absent.
                return "NULL"
            }
            var conv = "CASE replace(replace(replace(replace(lower(x.unit), ' ', ''), 'μ', 'u'), 'µ', 'u'), '×', 'x')"
            var seen = Set<String>()
            let canon = LabTable.normaliseUnit(entry.canonicalUnit)
            conv += " WHEN \(RuleSQL.lit(canon)) THEN x.value"
            seen.insert(canon)
            for (u, f) in entry.units.sorted(by: { $0.key < $1.key }) {
                let n = LabTable.normaliseUnit(u)
                if seen.insert(n).inserted { conv += " WHEN \(RuleSQL.lit(n)) THEN x.value * \(RuleSQL.num(f))" }
            }
            conv += " END"
            let window = within.map { "x.date < \(cutoff($0)) THEN NULL WHEN " } ?? ""
            let select = "CASE WHEN \(window)1 THEN (\(conv)) \(RuleSQL.op(c)) \(RuleSQL.num(v)) END"
            return latest("lab", select, filter: " AND x.test = \(RuleSQL.lit(entry.test)) COLLATE NOCASE")
        case .ecog(let c, let v, let within):
            let window = within.map { "x.date < \(cutoff($0)) THEN NULL WHEN " } ?? ""
            return latest("performanceStatus", "CASE WHEN \(window)1 THEN x.ecog \(RuleSQL.op(c)) \(v) END")
        case .comorbidity(let tag):
            let present = "EXISTS (SELECT 1 FROM comorbidity c WHERE c.patientId = p.id AND lower(c.tag) = \(RuleSQL.lit(tag)))"
            guard TestCheckedExclusion.tags.contains(tag) else { return present }
            // Absent is not known unless the comorbidities were reviewed.
            return "(CASE WHEN \(present) THEN 1 WHEN p.comorbiditiesReviewed IS NOT NULL AND p.comorbiditiesReviewed <= \(todayLit) THEN 0 END)"
        case .feature(let tag):
            return "EXISTS (SELECT 1 FROM clinicalFeature c WHERE c.patientId = p.id AND lower(c.tag) = \(RuleSQL.lit(tag)))"
        }
    }

    /// Some abnormality token of the list column matches lesion `l` as the engine reads it (exact, or its short
    /// form `t(8;21)` of `t(8;21)(q22;q22.1)`, `del(5q)` of `del(5)(q13q33)`).
    func karyotypeTokenCondition(_ l: String, column: String) throws -> String {
        let sep = "char(31)"
        func startsWith(_ prefix: String) -> String { "instr(\(sep) || \(column), \(sep) || \(RuleSQL.lit(prefix))) > 0" }
        let exact = RuleSQL.listHas(column, l)
        if l.hasPrefix("t(v;") { throw Unsupported(construct: "karyotype \(l) (any partner)") }
        guard let close = l.firstIndex(of: ")") else { return exact }  // +8, -7: exact tokens only
        guard l.index(after: close) == l.endIndex else { throw Unsupported(construct: "karyotype \(l)") }
        for p in ["del(", "dup(", "add("] where l.hasPrefix(p) {
            // del(5q): the token itself, or del(5)(q…); a plain del(5) would be read as del(5q)/del(5p).
            let inner = l.dropFirst(p.count).dropLast()
            guard let arm = inner.last, arm == "p" || arm == "q", !inner.contains(";") else { throw Unsupported(construct: "karyotype \(l)") }
            return "(\(exact) OR \(startsWith(p + inner.dropLast() + ")(" + String(arm))))"
        }
        // t(9;22), inv(16), i(17q): the token itself or any token whose first part is exactly it.
        return startsWith(l)
    }

    func variant(_ vp: VariantPattern) throws -> String {
        if vp.exon != nil { throw Unsupported(construct: "variant exon") }
        var checks: [String] = []
        if !vp.consequences.isEmpty {
            // The stored consequence (a missing one is unknown: the engine may infer it from HGVS, SQL cannot).
            checks.append("v.consequence IN \(RuleSQL.list(vp.consequences.map(\.rawValue)))")
        }
        if let want = vp.protein { checks.append(try RuleSQL.proteinCondition(want)) }
        if let o = vp.origin {
            if o == .germline { checks.append("CASE WHEN v.origin = 'unknown' THEN NULL ELSE v.origin = 'germline' END") }
            else { checks.append("v.origin IN (\(RuleSQL.lit(o.rawValue)), 'unknown')") }
        }
        if let (c, t) = vp.vaf { checks.append("v.vaf \(RuleSQL.op(c)) \(RuleSQL.num(t))") }
        let r = "(CASE WHEN coalesce(\(RuleSQL.benign), 0) THEN 0 ELSE " + (checks.isEmpty ? "1" : "(" + checks.joined(separator: ") AND (") + ")") + " END)"
        return """
            (SELECT CASE WHEN sum(\(r) IS 1) > 0 THEN 1 WHEN sum(\(r) IS NULL) > 0 THEN NULL WHEN count(*) > 0 THEN 0 \
            WHEN \(geneCovered(vp.gene)) THEN 0 END \
            FROM variant v WHERE v.patientId = p.id AND v.gene = \(RuleSQL.lit(vp.gene)) AND v.date <= \(todayLit))
            """
    }

    /// Protein change of a variant row as an expert matches HGVS text: one- or three-letter code, with or without
    /// parentheses or a transcript prefix (`NM_…:p.(Arg132His)`, `p.R132H`); a codon wildcard `p.R132` matches any
    /// change at that codon. A missing change is unknown. (A malformed text the engine cannot parse is unknown to
    /// it and not met here: the one approximation.) Stops, frameshifts, indels and ranges are not translated.
    static func proteinCondition(_ p: HGVSProtein) throws -> String {
        guard p.reference.count == 1, let ref = p.reference.unicodeScalars.first, ref.properties.isUppercase,
              let three = HGVSProtein.three.first(where: { $0.value == UInt8(ref.value) })?.key else {
            throw Unsupported(construct: "variant protein change \(p.description)")
        }
        let refNames = [p.reference, three.prefix(1).uppercased() + three.dropFirst()]
        var changeNames: [String] = [""]
        if !p.isWildcard {
            guard p.change.count == 1, let c = p.change.unicodeScalars.first, c.properties.isUppercase,
                  let cThree = HGVSProtein.three.first(where: { $0.value == UInt8(c.value) })?.key else {
                throw Unsupported(construct: "variant protein change \(p.description)")
            }
            changeNames = [p.change, cThree.prefix(1).uppercased() + cThree.dropFirst()]
        }
        var globs: [String] = []
        for (i, r) in refNames.enumerated() {
            let core = "\(r)\(p.position)"
            if p.isWildcard {
                globs += ["*p.\(core)[^0-9]*", "*p.(\(core)[^0-9]*"]
            } else {
                let ch = changeNames[i]  // one-letter with one-letter, three with three
                globs += ["*p.\(core)\(ch)", "*p.(\(core)\(ch))"]
            }
        }
        let m = globs.map { "v.hgvsp GLOB \(lit($0))" }.joined(separator: " OR ")
        return "CASE WHEN v.hgvsp IS NULL THEN NULL WHEN \(m) THEN 1 ELSE 0 END"
    }

    func fusion(_ a: String?, _ b: String?) throws -> String {
        // Karyotype tokens the engine reads as this fusion (KaryotypeLesion.impliedFusion); t(v;11q23.3) → KMT2A::*.
        let table = ["t(9;22)", "t(8;21)", "inv(16)", "t(16;16)", "t(15;17)", "t(9;11)", "t(6;9)", "t(4;11)", "t(12;21)", "t(1;19)"]
        func implies(_ g: [String]) -> Bool {
            let okA = a == nil || g.contains(a ?? "")
            let okB = b == nil || g.contains(b ?? "") || (g.contains("*") && a != nil && g.contains(a ?? ""))
            return okA && okB
        }
        if implies(["KMT2A", "*"]) { throw Unsupported(construct: "fusion implied by t(v;11q23.3)") }
        var tokens: [String] = []
        for t in table { if let f = KaryotypeLesion.impliedFusion(t), implies(f.components(separatedBy: "::")) { tokens.append(t) } }
        var genes: [String] = []
        if let a { genes.append("instr('::' || f.name || '::', \(RuleSQL.lit("::" + a + "::"))) > 0") }
        if let b { genes.append("instr('::' || f.name || '::', \(RuleSQL.lit("::" + b + "::"))) > 0") }
        let direct = "EXISTS (SELECT 1 FROM fusion f WHERE f.patientId = p.id AND f.date <= \(todayLit)" + genes.map { " AND " + $0 }.joined() + ")"
        let latestKaryo = latest("karyotype", tokens.isEmpty ? "0" : "(" + (try tokens.map { try karyotypeTokenCondition($0, column: "x.abnormalities") }).joined(separator: " OR ") + ")")
        // Cryptic fusions are not ruled out by a karyotype; recorded fusions of other genes are no evidence.
        var tested: [String] = TestCheckedExclusion.visibleOnKaryotype(a, b) ? ["\(latest("karyotype", "1")) IS NOT NULL"] : []
        for g in [a, b].compactMap({ $0 }) {
            tested.append(geneCovered(g))
            tested.append("EXISTS (SELECT 1 FROM fusionPanel fp WHERE fp.patientId = p.id AND fp.date <= \(todayLit) AND \(RuleSQL.listHas("fp.genes", g)))")
        }
        if tested.isEmpty { tested = ["0"] }
        return "(CASE WHEN \(direct) OR \(latestKaryo) IS 1 THEN 1 WHEN \(tested.joined(separator: " OR ")) THEN 0 END)"
    }
}
