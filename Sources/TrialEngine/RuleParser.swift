import CaseModel

/// Recursive-descent parser of the criteria language (grammar in demo-db/trials/README.md).
public struct RuleParser {
    let toks: [RuleToken]
    var p = 0

    public static func parse(_ text: String) throws(RuleError) -> RuleExpr {
        var parser = RuleParser(toks: try RuleLexer.tokens(text))
        let e = try parser.expr()
        let t = parser.peek
        if case .end = t.kind { return e }
        if case .rparen = t.kind { throw RuleError(offset: t.offset, message: "unmatched ')'") }
        throw RuleError(offset: t.offset, message: "expected 'and', 'or' or end of rule, found \(t.display)")
    }

    var peek: RuleToken { toks[min(p, toks.count - 1)] }
    mutating func advance() -> RuleToken { let t = peek; if p < toks.count - 1 { p += 1 }; return t }

    func isWord(_ w: String) -> Bool { if case .word(let x) = peek.kind { return x == w }; return false }

    mutating func accept(_ w: String) -> Bool { if isWord(w) { p += 1; return true }; return false }

    mutating func expect(_ w: String, _ what: String? = nil) throws(RuleError) {
        guard accept(w) else { throw err("expected '\(w)'\(what.map { " \($0)" } ?? ""), found \(peek.display)") }
    }

    func err(_ m: String) -> RuleError { RuleError(offset: peek.offset, message: m) }

    mutating func expr() throws(RuleError) -> RuleExpr {
        var xs = [try andExpr()]
        while accept("or") { xs.append(try andExpr()) }
        return xs.count == 1 ? xs[0] : .or(xs)
    }

    mutating func andExpr() throws(RuleError) -> RuleExpr {
        var xs = [try notExpr()]
        while accept("and") { xs.append(try notExpr()) }
        return xs.count == 1 ? xs[0] : .and(xs)
    }

    mutating func notExpr() throws(RuleError) -> RuleExpr {
        if accept("not") { return .not(try notExpr()) }
        if case .lparen = peek.kind {
            let open = advance()
            if case .rparen = peek.kind { throw err("empty parentheses") }
            let e = try expr()
            guard case .rparen = peek.kind else {
                if case .end = peek.kind {
                    throw RuleError(offset: peek.offset, message: "missing ')' to close '(' at offset \(open.offset + 1)")
                }
                throw err("expected ')', found \(peek.display)")
            }
            p += 1
            return e
        }
        return .atom(try atom())
    }

    // MARK: primitives

    mutating func word(_ what: String) throws(RuleError) -> String {
        if case .word(let w) = peek.kind { p += 1; return w }
        throw err("expected \(what), found \(peek.display)")
    }

    mutating func number(_ what: String) throws(RuleError) -> (Double, Bool) {
        if case .number(let v, let pct) = peek.kind { p += 1; return (v, pct) }
        throw err("expected \(what), found \(peek.display)")
    }

    mutating func integer(_ what: String) throws(RuleError) -> Int {
        let off = peek.offset
        let (v, pct) = try number(what)
        guard !pct, v == v.rounded(), abs(v) < 1e9 else { throw RuleError(offset: off, message: "expected \(what), found '\(v)'") }
        return Int(v)
    }

    mutating func comparison(after: String) throws(RuleError) -> Comparison {
        if case .comparison(let c) = peek.kind { p += 1; return c }
        throw err("expected a comparison (<, <=, >, >=, =, !=) after '\(after)', found \(peek.display)")
    }

    /// A comma-separated list of words.
    mutating func wordList(_ what: String) throws(RuleError) -> [(String, Int)] {
        var out: [(String, Int)] = []
        repeat {
            let off = peek.offset
            out.append((try word(what), off))
        } while acceptComma()
        return out
    }

    mutating func acceptComma() -> Bool { if case .comma = peek.kind { p += 1; return true }; return false }

    mutating func intRange(_ what: String) throws(RuleError) -> (Int, Int) {
        let off = peek.offset
        let lo = try integer("a whole number")
        guard case .range = peek.kind else { throw err("expected '..' in range, found \(peek.display)") }
        p += 1
        let hi = try integer("a whole number")
        if hi < lo { throw RuleError(offset: off, message: "empty \(what) range \(lo)..\(hi)") }
        return (lo, hi)
    }

    mutating func within() throws(RuleError) -> Int? {
        guard accept("within") else { return nil }
        let n = try integer("a number of days after 'within'")
        let off = peek.offset
        let unit = try word("a time unit (days, weeks, months, years)")
        switch unit {
        case "day", "days": return n
        case "week", "weeks": return n * 7
        case "month", "months": return n * 30
        case "year", "years": return n * 365
        default: throw RuleError(offset: off, message: "unknown time unit '\(unit)' (days, weeks, months, years)")
        }
    }

    static func gene(_ g: String) -> Bool {
        guard let f = g.unicodeScalars.first, (f.value >= 65 && f.value <= 90) else { return false }
        return g.unicodeScalars.allSatisfy { RuleLexer.isAlnum($0) || $0 == "-" || $0 == "_" }
    }

    mutating func geneWord() throws(RuleError) -> String {
        let off = peek.offset
        let g = try word("a gene symbol")
        guard RuleParser.gene(g) else { throw RuleError(offset: off, message: "'\(g)' is not a gene symbol (upper-case HGNC symbol expected)") }
        return g
    }

    // MARK: atoms

    static let keywords: [String] = ["age", "sex", "diagnosis", "who2022", "icc2022", "oncotree", "status", "prior_lines",
                                     "prior", "transplant", "variant", "tested", "wildtype", "fusion", "karyotype",
                                     "eln2022", "mrd", "lab", "ecog", "comorbidity", "feature", "germline", "unmapped", "risk"]

    mutating func atom() throws(RuleError) -> Atom {
        let start = peek
        guard case .word(let kw) = start.kind else {
            if case .end = start.kind { throw err("expected a criterion, found end of rule") }
            throw err("expected a criterion, found \(start.display)")
        }
        p += 1
        let pred: Predicate
        switch kw {
        case "age":
            if accept("in") {
                let (lo, hi) = try intRange("age")
                pred = .ageRange(lo, hi)
            } else {
                let c = try comparison(after: "age")
                let (v, _) = try number("an age in years")
                pred = .age(c, v)
            }
        case "sex":
            var sexes: [Sex] = []
            for (w, off) in try wordList("a sex (female, male, other)") {
                guard let s = Sex(rawValue: w) else { throw RuleError(offset: off, message: "unknown sex '\(w)' (female, male, other, unknown)") }
                sexes.append(s)
            }
            pred = .sex(sexes)
        case "diagnosis":
            let off = peek.offset
            let first = try word("a diagnosis category")
            if first == "liquid" { pred = .liquid; break }
            if let f = DiagnosisFlag(rawValue: first) { pred = .diagnosisFlag(f); break }
            var cats: [DiagnosisCategory] = []
            guard let c0 = DiagnosisCategory(rawValue: first) else {
                throw RuleError(offset: off, message: "unknown diagnosis category '\(first)' (\(DiagnosisCategory.allCases.map(\.rawValue).joined(separator: ", ")), liquid, therapy-related, post-MDS, post-MPN)")
            }
            cats.append(c0)
            while acceptComma() {
                let o = peek.offset
                let w = try word("a diagnosis category")
                guard let c = DiagnosisCategory(rawValue: w) else { throw RuleError(offset: o, message: "unknown diagnosis category '\(w)'") }
                cats.append(c)
            }
            pred = .diagnosis(cats)
        case "who2022", "icc2022":
            let contains = accept("contains")
            guard case .string(let s) = peek.kind else { throw err("expected a quoted label after '\(kw)', found \(peek.display)") }
            p += 1
            pred = .label(icc: kw == "icc2022", text: s, contains: contains)
        case "oncotree":
            let isA = accept("is-a")
            let off = peek.offset
            switch peek.kind {
            case .string(let name):
                p += 1
                pred = .oncotree(code: OncoTree.code(forName: name), name: name, isA: isA)
            case .word(let code):
                p += 1
                let c = code == "_LIQUID_" ? "LIQUID" : code
                guard OncoTree.isKnown(c) else { throw RuleError(offset: off, message: "unknown OncoTree code '\(code)' (not in the haematological table)") }
                pred = .oncotree(code: c, name: c, isA: isA)
            default:
                throw err("expected an OncoTree code or quoted name, found \(peek.display)")
            }
        case "status":
            var sels: [StatusSelector] = []
            for (w, off) in try wordList("a disease status") {
                if w == "remission" { sels.append(.remission) }
                else if w == "CR1" || w == "first-remission" { sels.append(.firstRemission) }
                else if let s = DiseaseStatus(rawValue: w) { sels.append(.status(s)) }
                else { throw RuleError(offset: off, message: "unknown disease status '\(w)' (\(DiseaseStatus.allCases.map(\.rawValue).joined(separator: ", ")), remission, CR1)") }
            }
            pred = .status(sels)
        case "prior_lines":
            if accept("in") {
                let (lo, hi) = try intRange("prior_lines")
                pred = .priorLines(lo, hi)
            } else {
                let c = try comparison(after: "prior_lines")
                let n = try integer("a number of lines")
                switch c {
                case .lt: pred = .priorLines(0, n - 1)
                case .le: pred = .priorLines(0, n)
                case .gt: pred = .priorLines(n + 1, Int.max)
                case .ge: pred = .priorLines(n, Int.max)
                case .eq: pred = .priorLines(n, n)
                case .ne: throw RuleError(offset: start.offset, message: "'prior_lines !=' is not supported; use 'not prior_lines = N'")
                }
            }
        case "prior":
            let off = peek.offset
            if accept("agent") {
                var agents: [String] = []
                for (w, _) in try wordList("an agent name") { agents.append(AgentClasses.canonicalAgent(w)) }
                pred = .prior(agents: agents, label: agents.joined(separator: "/"), isClass: false, withinDays: try within())
            } else if accept("class") {
                var agents: [String] = []
                var labels: [String] = []
                for (w, o) in try wordList("a drug class") {
                    guard let a = AgentClasses.classes[w] else {
                        throw RuleError(offset: o, message: "unknown drug class '\(w)' (see the class table in the README)")
                    }
                    agents += a; labels.append(w)
                }
                pred = .prior(agents: agents, label: labels.joined(separator: "/"), isClass: true, withinDays: try within())
            } else {
                throw RuleError(offset: off, message: "expected 'agent' or 'class' after 'prior', found \(peek.display)")
            }
        case "transplant":
            let off = peek.offset
            let w = try word("'allogeneic', 'autologous' or 'any'")
            let t: TransplantType?
            if w == "any" { t = nil } else if let x = TransplantType(rawValue: w) { t = x } else {
                throw RuleError(offset: off, message: "expected 'allogeneic', 'autologous' or 'any', found '\(w)'")
            }
            pred = .transplant(t, withinDays: try within())
        case "variant":
            var vp = VariantPattern(gene: try geneWord())
            loop: while case .word(let m) = peek.kind {
                switch m {
                case "consequence":
                    p += 1
                    for (w, off) in try wordList("a consequence") {
                        guard let c = VariantConsequence(rawValue: w) else {
                            throw RuleError(offset: off, message: "unknown consequence '\(w)' (\(VariantConsequence.allCases.map(\.rawValue).joined(separator: ", ")))")
                        }
                        vp.consequences.append(c)
                    }
                case "protein":
                    p += 1
                    let off = peek.offset
                    let w = try word("a protein change such as p.R132H or p.Arg132His")
                    guard let hp = HGVSProtein(w) else { throw RuleError(offset: off, message: "cannot read protein change '\(w)'") }
                    vp.protein = hp
                case "vaf":
                    p += 1
                    let c = try comparison(after: "vaf")
                    let off = peek.offset
                    let (v, pct) = try number("a VAF (0–1, or a percentage such as 5%)")
                    let f = pct ? v / 100 : v
                    guard f >= 0, f <= 1 else { throw RuleError(offset: off, message: "VAF must be between 0 and 1 (or 0%–100%)") }
                    vp.vaf = (c, f)
                case "origin":
                    p += 1
                    let off = peek.offset
                    let w = try word("an origin (somatic, germline)")
                    guard let o = VariantOrigin(rawValue: w) else { throw RuleError(offset: off, message: "unknown origin '\(w)' (somatic, germline, unknown)") }
                    vp.origin = o
                case "exon":
                    p += 1
                    vp.exon = try integer("an exon number")
                case "and", "or":
                    break loop
                default:
                    let details = ["consequence", "protein", "vaf", "origin", "exon"]
                    var msg = "unknown variant detail '\(m)' (consequence, protein, vaf, origin, exon)"
                    if let near = details.min(by: { RuleParser.distance($0, m) < RuleParser.distance($1, m) }), RuleParser.distance(near, m) <= 2 {
                        msg = "unknown variant detail '\(m)' (did you mean '\(near)'?)"
                    }
                    throw err(msg)
                }
            }
            pred = .variant(vp)
        case "tested": pred = .tested(try geneWord())
        case "wildtype": pred = .wildtype(try geneWord())
        case "fusion":
            let off = peek.offset
            let w = try word("a fusion such as BCR::ABL1 or KMT2A::*")
            let parts = w.components(separatedBy: "::")
            guard parts.count <= 2, parts.allSatisfy({ $0 == "*" || RuleParser.gene($0) }) else {
                throw RuleError(offset: off, message: "cannot read fusion '\(w)' (write GENE::GENE, GENE::* or GENE)")
            }
            let a = parts[0] == "*" ? nil : parts[0]
            let b = parts.count == 2 ? (parts[1] == "*" ? nil : parts[1]) : nil
            if a == nil && b == nil { throw RuleError(offset: off, message: "a fusion needs at least one gene") }
            pred = .fusion(a, b)
        case "karyotype":
            let off = peek.offset
            let w = try word("a karyotype lesion such as del(5q), -7, t(8;21), complex, monosomal or normal")
            switch w {
            case "normal": pred = .karyotype(.normal)
            case "complex": pred = .karyotype(.complex)
            case "monosomal": pred = .karyotype(.monosomal)
            default:
                guard KaryotypeLesion.looksLikeLesion(w) else { throw RuleError(offset: off, message: "cannot read karyotype lesion '\(w)'") }
                pred = .karyotype(.lesion(w))
            }
        case "eln2022":
            var risks: [ELNRisk] = []
            for (w, off) in try wordList("an ELN 2022 risk (favorable, intermediate, adverse)") {
                let r = ELNRisk(rawValue: w == "favourable" ? "favorable" : w)
                guard let r else { throw RuleError(offset: off, message: "unknown ELN 2022 risk '\(w)' (favorable, intermediate, adverse)") }
                risks.append(r)
            }
            pred = .eln(risks)
        case "risk":
            pred = try riskAtom()
        case "mrd":
            let marker = try word("an MRD marker such as NPM1 or BCR::ABL1")
            var tissue: MRDTissue?
            if case .word(let t) = peek.kind, let mt = MRDTissue(rawValue: t) { p += 1; tissue = mt }
            let off = peek.offset
            let s = try word("'positive', 'negative' or 'log-rise'")
            guard let sel = MRDSelector(rawValue: s) else { throw RuleError(offset: off, message: "expected 'positive', 'negative' or 'log-rise', found '\(s)'") }
            pred = .mrd(marker: marker, tissue: tissue, sel)
        case "lab":
            let toff = peek.offset
            let test = try word("a lab test name")
            let c = try comparison(after: "lab \(test)")
            let (v, pct) = try number("a value")
            guard let entry = LabTable.entry(test) else {
                throw RuleError(offset: toff, message: "unknown lab test '\(test)' (\(LabTable.entries.values.map(\.test).sorted().joined(separator: ", ")))")
            }
            if pct {
                guard entry.canonicalUnit == "%" else { throw RuleError(offset: toff, message: "'\(test)' is not measured in %") }
                pred = .lab(test: entry.test, c, v, uln: false, unit: "%", withinDays: try within()); break
            }
            if accept("x") {
                let off = peek.offset
                try expect("ULN", "after 'x'")
                guard entry.uln != nil else { throw RuleError(offset: off, message: "no upper limit of normal is known for '\(entry.test)'") }
                pred = .lab(test: entry.test, c, v * (entry.uln ?? .nan), uln: true, unit: entry.canonicalUnit, withinDays: try within()); break
            }
            let uoff = peek.offset
            let unit = try word("a unit (e.g. G/L, µmol/L, mg/dL, %) or 'x ULN'")
            guard let canon = LabTable.canonical(test: entry.test, value: v, unit: unit) else {
                throw RuleError(offset: uoff, message: "unit '\(unit)' cannot be converted for \(entry.test) (canonical unit \(entry.canonicalUnit))")
            }
            pred = .lab(test: entry.test, c, canon, uln: false, unit: entry.canonicalUnit, withinDays: try within())
        case "ecog":
            let c = try comparison(after: "ecog")
            let off = peek.offset
            let n = try integer("an ECOG score 0–4")
            guard (0...5).contains(n) else { throw RuleError(offset: off, message: "ECOG must be 0–5") }
            pred = .ecog(c, n, withinDays: try within())
        case "comorbidity": pred = .comorbidity(try word("a comorbidity tag").lowercased())
        case "feature": pred = .feature(try word("a clinical feature tag").lowercased())
        case "germline":
            let off = peek.offset
            let w = try word("'confirmed', 'suspected', 'red-flag' or 'tested'")
            guard let sel = GermlineSelector(rawValue: w) else { throw RuleError(offset: off, message: "expected 'confirmed', 'suspected', 'red-flag' or 'tested', found '\(w)'") }
            var gene: String?
            if case .word(let g) = peek.kind, RuleParser.gene(g), !["and", "or", "not"].contains(g) { p += 1; gene = g }
            pred = .germline(sel, gene: gene)
        case "unmapped":
            guard case .string(let s) = peek.kind else { throw err("expected a quoted description after 'unmapped', found \(peek.display)") }
            p += 1
            pred = .unmapped(s)
        default:
            let near = RuleParser.keywords.min { RuleParser.distance($0, kw) < RuleParser.distance($1, kw) }
            var m = "unknown criterion '\(kw)'"
            if let near, RuleParser.distance(near, kw) <= 2 { m += " (did you mean '\(near)'?)" }
            throw RuleError(offset: start.offset, message: m)
        }
        return Atom(predicate: pred, offset: start.offset)
    }

    static func distance(_ a: String, _ b: String) -> Int {
        let x = Array(a), y = Array(b)
        var prev = Array(0...y.count)
        for i in 1...max(x.count, 1) where !x.isEmpty {
            var cur = [i] + Array(repeating: 0, count: y.count)
            for j in stride(from: 1, through: y.count, by: 1) {
                cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (x[i - 1] == y[j - 1] ? 0 : 1))
            }
            prev = cur
        }
        return prev[y.count]
    }
}

extension RuleParser {
    /// `risk SCHEME <= CATEGORY` or `risk SCHEME CATEGORY[, CATEGORY…]` (scheme names and categories of
    /// formats.md §4; an unknown scheme or category is a parse error naming the valid ones).
    mutating func riskAtom() throws(RuleError) -> Predicate {
        let soff = peek.offset
        let scheme = try word("a risk scheme such as IPSS-R, ELTS or T-ALL-GRAALL-2013")
        guard let order = RiskCriterion.categories(scheme) else {
            throw RuleError(offset: soff, message: "unknown risk scheme '\(scheme)' (\(RiskCriterion.schemeNames.joined(separator: ", ")))")
        }
        func category() throws(RuleError) -> String {
            let off = peek.offset
            let c = try word("a \(scheme) category (\(order.joined(separator: ", ")))")
            guard order.contains(c) else {
                throw RuleError(offset: off, message: "unknown \(scheme) category '\(c)' (\(order.joined(separator: ", ")))")
            }
            return c
        }
        if case .comparison(let cmp) = peek.kind {
            p += 1
            return .risk(scheme: scheme, accepted: RiskCriterion.accepted(order, cmp, try category()))
        }
        var accepted = [try category()]
        while acceptComma() { accepted.append(try category()) }
        return .risk(scheme: scheme, accepted: accepted)
    }
}
