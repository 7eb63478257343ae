import CaseModel
import Foundation
import Yams

/// Reads trial YAML files (schema in demo-db/trials/README.md), checks every field, parses every rule once and
/// reports problems as `file:line:column: message`. A file with an error is not loaded; other files are.
public struct TrialLoader {
    public static let trialKeys: Set<String> = ["id", "nct", "euct", "title", "phase", "sponsor", "status", "sites", "groups",
                                                "inclusion", "exclusion", "arms", "notes", "source"]
    public static let armKeys: Set<String> = ["id", "name", "status", "inclusion", "exclusion", "notes"]
    public static let criterionKeys: Set<String> = ["text", "rule", "note"]

    let file: String
    let lines: [[Unicode.Scalar]]
    var diagnostics: [TrialDiagnostic] = []

    init(file: String, text: String) {
        self.file = file
        lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { Array($0.unicodeScalars) }
    }

    /// Loads one file's text. Returns the trial (nil when any error) and every diagnostic (errors and warnings).
    public static func load(text: String, file: String) -> (CompiledTrial?, [TrialDiagnostic]) {
        var l = TrialLoader(file: file, text: text)
        let t = l.run(text: text)
        let hasError = l.diagnostics.contains { $0.severity == .error }
        guard !hasError, var trial = t else { return (nil, l.diagnostics) }
        trial.fingerprint = Fingerprint.of(text)
        trial.warnings = l.diagnostics
        return (trial, l.diagnostics)
    }

    /// Loads every `*.yaml` / `*.yml` file of a directory (sorted by name).
    public static func loadDirectory(_ dir: URL) throws -> TrialCatalogue {
        let names = try FileManager.default.contentsOfDirectory(atPath: dir.path)
            .filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") }.sorted()
        var files: [(String, String)] = []
        var diags: [TrialDiagnostic] = []
        for n in names {
            let url = dir.appendingPathComponent(n)
            let shown = (dir.relativePath as NSString).appendingPathComponent(n)
            guard let data = FileManager.default.contents(atPath: url.path), let text = String(data: data, encoding: .utf8) else {
                diags.append(TrialDiagnostic(file: shown, line: 1, column: 1, message: "cannot read the file as UTF-8 text"))
                continue
            }
            files.append((shown, text))
        }
        let c = loadFiles(files)
        return TrialCatalogue(trials: c.trials, diagnostics: diags + c.diagnostics)
    }

    /// Loads trial files given as (name, text), in the order given (a catalogue held by a database).
    /// Duplicate ids: the later file is refused.
    public static func loadFiles(_ files: [(name: String, text: String)]) -> TrialCatalogue {
        var trials: [CompiledTrial] = []
        var diags: [TrialDiagnostic] = []
        for (name, text) in files {
            let (t, d) = load(text: text, file: name)
            diags += d
            if let t { trials.append(t) }
        }
        var seen: [String: String] = [:]
        var unique: [CompiledTrial] = []
        for t in trials {
            if let first = seen[t.trial.id] {
                diags.append(TrialDiagnostic(file: t.file, line: 1, column: 1, message: "duplicate trial id '\(t.trial.id)' (also in \(first)); not loaded"))
                continue
            }
            seen[t.trial.id] = t.file
            unique.append(t)
        }
        return TrialCatalogue(trials: unique, diagnostics: diags)
    }

    // MARK: -

    mutating func error(_ node: Node?, _ m: String) {
        let mk = node?.mark
        diagnostics.append(TrialDiagnostic(file: file, line: mk?.line ?? 1, column: mk?.column ?? 1, message: m))
    }

    mutating func warn(_ node: Node?, _ m: String) {
        let mk = node?.mark
        diagnostics.append(TrialDiagnostic(file: file, line: mk?.line ?? 1, column: mk?.column ?? 1, message: m, severity: .warning))
    }

    mutating func run(text: String) -> CompiledTrial? {
        let root: Node?
        do { root = try Yams.compose(yaml: text) } catch let e as YamlError {
            diagnostics.append(TrialLoader.yamlDiagnostic(e, file: file, text: text)); return nil
        } catch {
            diagnostics.append(TrialDiagnostic(file: file, line: 1, column: 1, message: "\(error)")); return nil
        }
        guard let root, case .mapping(let m) = root else { error(root, "a trial file must be a mapping (id, title, arms …)"); return nil }
        var fields: [String: Node] = [:]
        for (k, v) in m {
            guard let key = k.string else { error(k, "field names must be text"); continue }
            if !TrialLoader.trialKeys.contains(key) { error(k, "unknown field '\(key)' (allowed: \(TrialLoader.trialKeys.sorted().joined(separator: ", ")))"); continue }
            if fields[key] != nil { error(k, "duplicate field '\(key)'") }
            fields[key] = v
        }
        let id = requiredString(fields["id"], "id", root)
        let title = requiredString(fields["title"], "title", root)
        let phase = requiredString(fields["phase"], "phase", root)
        let statusText = requiredString(fields["status"], "status", root)
        var status = TrialStatus.open
        if let s = statusText {
            if let st = TrialStatus(rawValue: s) { status = st } else { error(fields["status"], "unknown status '\(s)' (open, closed, suspended, not-yet-open)") }
        }
        let sites = stringList(fields["sites"], "sites")
        var groups: [PathologyGroup] = []
        for (g, n) in stringListWithNodes(fields["groups"], "groups") {
            if let pg = PathologyGroup(rawValue: g) { groups.append(pg) } else {
                error(n, "unknown group '\(g)' (\(PathologyGroup.allCases.map(\.rawValue).joined(separator: ", ")))")
            }
        }
        if fields["groups"] == nil { warn(root, "no groups: the trial will not appear under any pathology group") }
        let commonInc = criteria(fields["inclusion"], .inclusion)
        let commonExc = criteria(fields["exclusion"], .exclusion)
        var arms: [CompiledArm] = []
        if let armsNode = fields["arms"] {
            guard case .sequence(let seq) = armsNode else { error(armsNode, "'arms' must be a list"); return nil }
            var armIds = Set<String>()
            for a in seq {
                guard case .mapping(let am) = a else { error(a, "an arm must be a mapping (id, name, status, inclusion, exclusion)"); continue }
                var af: [String: Node] = [:]
                for (k, v) in am {
                    guard let key = k.string else { continue }
                    if !TrialLoader.armKeys.contains(key) { error(k, "unknown arm field '\(key)' (allowed: \(TrialLoader.armKeys.sorted().joined(separator: ", ")))"); continue }
                    af[key] = v
                }
                guard let aid = requiredString(af["id"], "arm id", a) else { continue }
                if !armIds.insert(aid).inserted { error(af["id"], "duplicate arm id '\(aid)'") }
                let name = optionalString(af["name"], "name") ?? aid
                var ast = status
                if let s = optionalString(af["status"], "status") {
                    if let st = TrialStatus(rawValue: s) { ast = st } else { error(af["status"], "unknown arm status '\(s)' (open, closed, suspended, not-yet-open)") }
                }
                // An arm cannot be more open than its trial.
                let effective = status == .open ? ast : (ast == .open ? status : ast)
                let inc = commonInc + criteria(af["inclusion"], .inclusion)
                let exc = commonExc + criteria(af["exclusion"], .exclusion)
                if inc.isEmpty && exc.isEmpty { warn(a, "arm '\(aid)' has no criteria") }
                let arm = TrialArm(id: aid, name: name, status: effective, inclusion: inc.map(\.spec), exclusion: exc.map(\.spec))
                arms.append(CompiledArm(arm: arm, criteria: inc + exc, isOpen: effective == .open))
            }
        } else {
            let arm = TrialArm(id: "main", name: title ?? "main", status: status, inclusion: commonInc.map(\.spec), exclusion: commonExc.map(\.spec))
            arms.append(CompiledArm(arm: arm, criteria: commonInc + commonExc, isOpen: status == .open))
        }
        if arms.isEmpty { error(fields["arms"], "a trial needs at least one arm") }
        guard let id, let title, let phase else { return nil }
        let trial = Trial(id: id, nct: optionalString(fields["nct"], "nct"), euct: optionalString(fields["euct"], "euct"),
                          title: title, phase: phase, sponsor: optionalString(fields["sponsor"], "sponsor"), status: status,
                          sites: sites, groups: groups, arms: arms.map(\.arm), sourceFile: file)
        return CompiledTrial(trial: trial, arms: arms, fingerprint: 0, file: file, warnings: [])
    }

    mutating func requiredString(_ n: Node?, _ name: String, _ parent: Node) -> String? {
        guard let n else { error(parent, "missing required field '\(name)'"); return nil }
        guard case .scalar(let s) = n, !s.string.isEmpty else { error(n, "'\(name)' must be non-empty text"); return nil }
        return s.string
    }

    mutating func optionalString(_ n: Node?, _ name: String) -> String? {
        guard let n else { return nil }
        guard case .scalar(let s) = n else { error(n, "'\(name)' must be text"); return nil }
        return s.string.isEmpty ? nil : s.string
    }

    mutating func stringList(_ n: Node?, _ name: String) -> [String] { stringListWithNodes(n, name).map(\.0) }

    mutating func stringListWithNodes(_ n: Node?, _ name: String) -> [(String, Node)] {
        guard let n else { return [] }
        guard case .sequence(let seq) = n else { error(n, "'\(name)' must be a list"); return [] }
        var out: [(String, Node)] = []
        for x in seq {
            if case .scalar(let s) = x { out.append((s.string, x)) } else { error(x, "'\(name)' entries must be text") }
        }
        return out
    }

    mutating func criteria(_ n: Node?, _ kind: CriterionKind) -> [CompiledCriterion] {
        guard let n else { return [] }
        guard case .sequence(let seq) = n else { error(n, "'\(kind.rawValue)' must be a list of criteria"); return [] }
        var out: [CompiledCriterion] = []
        for c in seq {
            guard case .mapping(let cm) = c else { error(c, "a criterion must be a mapping with 'text' and 'rule'"); continue }
            var text: String?
            var ruleNode: Node.Scalar?
            var ruleNodeAny: Node?
            for (k, v) in cm {
                guard let key = k.string else { continue }
                if !TrialLoader.criterionKeys.contains(key) { error(k, "unknown criterion field '\(key)' (allowed: note, rule, text)"); continue }
                if key == "text" { text = v.string; if v.string == nil { error(v, "'text' must be text") } }
                if key == "rule" {
                    ruleNodeAny = v
                    if case .scalar(let s) = v { ruleNode = s } else { error(v, "'rule' must be text") }
                }
            }
            if text == nil { error(c, "criterion without 'text' (the protocol's wording)") }
            guard let rn = ruleNode else {
                if ruleNodeAny == nil { error(c, "criterion without 'rule'") }
                continue
            }
            let (line, col) = position(of: rn, offset: 0)
            do {
                let e = try RuleParser.parse(rn.string)
                var cc = CompiledCriterion(kind: kind, spec: CriterionSpec(text: text ?? "", rule: rn.string), expr: e, line: line, column: col)
                for (offset, pos) in positions(of: rn, offsets: e.atoms.map(\.offset)) { cc.atomPositions[offset] = pos }
                out.append(cc)
            } catch {
                let (l, cc) = position(of: rn, offset: error.offset)
                diagnostics.append(TrialDiagnostic(file: file, line: l, column: cc, message: error.message))
            }
        }
        return out
    }

    /// File line:column (1-based, columns in Unicode scalars) of character `offset` of a scalar's value.
    func position(of s: Node.Scalar, offset: Int) -> (Int, Int) {
        positions(of: s, offsets: [offset])[offset] ?? (1, 1)
    }

    /// The positions of several offsets of one scalar in ONE walk over it (linear in its length:
    /// a rule of 50,000 atoms used to be walked once per atom).
    func positions(of s: Node.Scalar, offsets: [Int]) -> [Int: (Int, Int)] {
        guard let mk = s.mark else { return Dictionary(offsets.map { ($0, (1, 1)) }, uniquingKeysWith: { a, _ in a }) }
        var l = mk.line - 1, c = mk.column - 1
        switch s.style {
        case .singleQuoted, .doubleQuoted: c += 1
        case .literal, .folded: l += 1; c = 0
        default: break
        }
        let value = Array(s.string.unicodeScalars)
        let wanted = Set(offsets)
        var out: [Int: (Int, Int)] = [:]
        var k = 0
        func record() {
            // Skip indentation when landing at a line start of a block scalar.
            var c = c
            if l < lines.count, c < lines[l].count, k < value.count {
                let want = value[k]
                var cc = c
                while cc < lines[l].count, lines[l][cc] != want, lines[l][cc] == " " { cc += 1 }
                if cc < lines[l].count, lines[l][cc] == want { c = cc }
            }
            out[k] = (l + 1, c + 1)
        }
        while k < value.count {
            if wanted.contains(k) { record() }
            if out.count == wanted.count { return out }
            let ch = value[k]
            var steps = 0
            while l < lines.count && steps < 100_000 {
                steps += 1
                if c >= lines[l].count {
                    l += 1; c = 0
                    if ch == "\n" || ch == " " { break }
                    continue
                }
                if lines[l][c] == ch { c += 1; break }
                c += 1
            }
            k += 1
        }
        // Offsets at or past the end all land where the walk stopped (as one walk per offset did).
        for o in wanted where out[o] == nil { record(); out[o] = out[k] }
        return out
    }

    static func yamlDiagnostic(_ e: YamlError, file: String, text: String = "") -> TrialDiagnostic {
        switch e {
        case .scanner(let ctx, let problem, let mark, _), .parser(let ctx, let problem, let mark, _):
            return TrialDiagnostic(file: file, line: mark.line, column: mark.column,
                                   message: "YAML: \(problem)\(ctx.map { " (\($0.text))" } ?? "")")
        default:
            let at = YAMLErrorLocation.locate(e, text: text)
            return TrialDiagnostic(file: file, line: at.line, column: at.column, message: "YAML: \(at.message)")
        }
    }
}
