import CaseModel
import Foundation
import TrialEngine
import Yams

/// `caseboard import-results FILE.csv --map MAP.yaml`: laboratory or MRD results from a laboratory export. The map
/// (YAML) names the columns and the conversions:
///
/// ```yaml
/// kind: mrd                 # lab | mrd
/// delimiter: ";"            # default ","
/// date_format: DD/MM/YYYY   # or YYYY-MM-DD (default)
/// columns: {patient: Patient, date: Date, marker: Target, value: Ratio, unit: Unit, method: Method, tissue: Sample,
///           sensitivity: LoD, control_copies: ABL1}
/// constants: {method: qPCR, tissue: PB}     # when the export has no such column
/// tests: {"Neutrophiles": ANC}              # lab: export names → criteria test names
/// units: {"mg/L": {to: "g/L", factor: 0.001}}
/// ```
public struct ResultTableImporter {
    public enum Kind: String, Sendable { case lab, mrd }

    public struct Map: Sendable {
        public var kind: Kind
        public var delimiter: Character = ","
        public var dayFirst = false
        public var columns: [String: String] = [:]
        public var constants: [String: String] = [:]
        public var tests: [String: String] = [:]
        public var units: [String: (to: String, factor: Double)] = [:]
    }

    public struct Row: Sendable, Equatable {
        public var patient: String
        public var lab: LabResult?
        public var mrd: MRDResult?
    }

    static let labKeys: Set<String> = ["patient", "date", "test", "value", "unit"]
    static let mrdKeys: Set<String> = ["patient", "date", "marker", "value", "unit", "method", "tissue", "sensitivity", "control_copies"]

    /// Reads a map file; every problem is located by its YAML line.
    public static func map(path: String) throws -> Map {
        func fail(_ line: Int?, _ m: String) -> InteropFailure { InteropFailure([InteropProblem(file: path, location: line.map { "line \($0)" }, message: m)]) }
        guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else { throw fail(nil, "cannot read the file") }
        let node: Node?
        do { node = try Yams.compose(yaml: text) } catch let e as YamlError {
            throw fail(nil, "invalid YAML: \(e)")
        }
        guard let root = node, case .mapping(let m) = root else { throw fail(1, "a map must be a YAML mapping (kind, columns …)") }
        var problems: [InteropProblem] = []
        func p(_ n: Node?, _ msg: String) { problems.append(InteropProblem(file: path, location: "line \((n?.mark?.line ?? 1))", message: msg)) }
        var fields: [String: Node] = [:]
        for (k, v) in m { if let ks = k.string { fields[ks] = v } }
        for k in fields.keys where !["kind", "delimiter", "date_format", "columns", "constants", "tests", "units"].contains(k) {
            p(m.first { $0.key.string == k }?.key, "unknown field '\(k)' (allowed: kind, delimiter, date_format, columns, constants, tests, units)")
        }
        guard let kindText = fields["kind"]?.string, let kind = Kind(rawValue: kindText) else {
            p(fields["kind"], "kind must be lab or mrd"); throw InteropFailure(problems)
        }
        var map = Map(kind: kind)
        if let d = fields["delimiter"] {
            if let s = d.string, s.count == 1, let c = s.first { map.delimiter = c } else if d.string == "\\t" || d.string == "\t" { map.delimiter = "\t" } else { p(d, "delimiter must be one character") }
        }
        if let f = fields["date_format"] {
            switch f.string {
            case "YYYY-MM-DD": map.dayFirst = false
            case "DD/MM/YYYY": map.dayFirst = true
            default: p(f, "date_format must be YYYY-MM-DD or DD/MM/YYYY")
            }
        }
        let allowed = kind == .lab ? labKeys : mrdKeys
        func strings(_ key: String, allowedKeys: Set<String>?) -> [String: String] {
            guard let n = fields[key] else { return [:] }
            guard case .mapping(let mm) = n else { p(n, "\(key) must be a mapping"); return [:] }
            var out: [String: String] = [:]
            for (k, v) in mm {
                guard let ks = k.string, let vs = v.string else { p(k, "\(key): expected text"); continue }
                if let a = allowedKeys, !a.contains(ks) { p(k, "\(key): unknown key '\(ks)' (\(a.sorted().joined(separator: ", ")))"); continue }
                out[ks] = vs
            }
            return out
        }
        map.columns = strings("columns", allowedKeys: allowed)
        map.constants = strings("constants", allowedKeys: allowed)
        map.tests = strings("tests", allowedKeys: nil)
        for need in ["patient", "date", "value", kind == .lab ? "test" : "marker"] where map.columns[need] == nil {
            p(fields["columns"], "columns: '\(need)' is required")
        }
        if let u = fields["units"] {
            if case .mapping(let um) = u {
                for (k, v) in um {
                    guard let from = k.string, case .mapping(let spec) = v,
                          let to = spec.first(where: { $0.key.string == "to" })?.value.string,
                          let f = spec.first(where: { $0.key.string == "factor" })?.value.string.flatMap(Double.init) else {
                        p(k, "units: each unit needs {to: UNIT, factor: NUMBER}"); continue
                    }
                    map.units[from] = (to, f)
                }
            } else { p(u, "units must be a mapping") }
        }
        if !problems.isEmpty { throw InteropFailure(problems) }
        return map
    }

    /// Reads every row of the table; every problem is `FILE: row N, column C: message`.
    public static func rows(path: String, map: Map) throws -> (rows: [Row], warnings: [String]) {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw InteropFailure([InteropProblem(file: path, location: nil, message: "cannot read the file")])
        }
        let table: [CSVRows.Row]
        do { table = try CSVRows.parse(String(decoding: data, as: UTF8.self), delimiter: map.delimiter) } catch let f as CSVRows.Failure {
            throw InteropFailure([InteropProblem(file: path, location: "line \(f.line)", message: f.message)])
        }
        guard let header = table.first else { throw InteropFailure([InteropProblem(file: path, location: nil, message: "empty table")]) }
        var problems: [InteropProblem] = []
        var warnings: [String] = []
        var index: [String: Int] = [:]
        for (k, col) in map.columns {
            if let i = header.fields.firstIndex(where: { $0.trimmingCharacters(in: .whitespaces) == col }) { index[k] = i } else {
                problems.append(InteropProblem(file: path, location: "line \(header.line)", message: "column '\(col)' (\(k)) not in the header"))
            }
        }
        if !problems.isEmpty { throw InteropFailure(problems) }
        var out: [Row] = []
        var unknownTests = Set<String>()
        for (n, r) in table.dropFirst().enumerated() {
            let rowNo = n + 1
            func cell(_ k: String) -> String? {
                if let i = index[k] { let v = i < r.fields.count ? r.fields[i].trimmingCharacters(in: .whitespaces) : ""; return v.isEmpty ? nil : v }
                return map.constants[k]
            }
            func problem(_ k: String, _ m: String) {
                problems.append(InteropProblem(file: path, location: "row \(rowNo), column \(map.columns[k] ?? k)", message: m))
            }
            let before = problems.count
            let pid = cell("patient")
            if pid == nil { problem("patient", "no patient id") }
            var date: LocalDate?
            if let t = cell("date") {
                date = ResultTableImporter.date(t, dayFirst: map.dayFirst)
                if date == nil { problem("date", "expected a date \(map.dayFirst ? "DD/MM/YYYY" : "YYYY-MM-DD"), found \"\(t)\"") }
            } else { problem("date", "no date") }
            var unit = cell("unit")
            let rawValue = cell("value")
            var value: Double?
            var detectedText: Bool?
            if let v = rawValue {
                let norm = v.replacingOccurrences(of: ",", with: ".")
                if let x = Double(norm) { value = x }
                else if ["negative", "not detected", "nd", "undetectable", "neg"].contains(v.lowercased()) { detectedText = false }
                else if ["positive", "detected", "pos"].contains(v.lowercased()) { detectedText = true }
                else { problem("value", "expected a number, found \"\(v)\"") }
            } else { problem("value", "no value") }
            if let u = unit, let conv = map.units[u], let x = value { value = x * conv.factor; unit = conv.to }
            guard problems.count == before, let pid, let date else { continue }
            switch map.kind {
            case .lab:
                guard let name = cell("test") else { problem("test", "no test"); continue }
                let test = map.tests[name] ?? name
                guard let x = value else { problem("value", "a laboratory value must be a number"); continue }
                guard let u = unit else { problem("unit", "\(test) \(x) without a unit"); continue }
                if LabTable.entry(test) != nil {
                    if LabTable.canonical(test: test, value: x, unit: u) == nil { problem("unit", "unit '\(u)' cannot be converted for \(test) (\(LabTable.entry(test)?.canonicalUnit ?? ""))"); continue }
                } else { unknownTests.insert(test) }
                out.append(Row(patient: pid, lab: LabResult(date: date, test: LabTable.canonicalName(test), value: x, unit: u)))
            case .mrd:
                guard let marker = cell("marker") else { problem("marker", "no marker"); continue }
                var fraction = value
                if let x = value {
                    if unit == "%" { fraction = x / 100 } else if let u = unit, !["fraction", "ratio", "1", ""].contains(u.lowercased()) {
                        problem("unit", "MRD unit '\(u)' is neither % nor a fraction (map it under units)"); continue
                    }
                    if let f = fraction, !(0...1).contains(f) { problem("value", "an MRD value is a fraction 0–1 (or a percent with unit %), found \(x)\(unit == "%" ? " %" : "")"); continue }
                }
                guard let mt = cell("method") else { problem("method", "no method (a column or constants.method)"); continue }
                guard let method = MRDMethod(rawValue: mt) ?? MRDMethod.allCases.first(where: { $0.rawValue.lowercased() == mt.lowercased() }) else {
                    problem("method", "unknown method '\(mt)' (\(MRDMethod.allCases.map(\.rawValue).joined(separator: ", ")))"); continue
                }
                guard let ts = cell("tissue") else { problem("tissue", "no tissue (a column or constants.tissue)"); continue }
                guard let tissue = MRDTissue(rawValue: ts.uppercased()) else { problem("tissue", "unknown tissue '\(ts)' (PB, BM)"); continue }
                var sens: Double?, ctrl: Double?
                if let s = cell("sensitivity") { sens = Double(s.replacingOccurrences(of: ",", with: ".")); if sens == nil { problem("sensitivity", "expected a number, found \"\(s)\""); continue } }
                if let c = cell("control_copies") { ctrl = Double(c.replacingOccurrences(of: ",", with: ".")); if ctrl == nil { problem("control_copies", "expected a number, found \"\(c)\""); continue } }
                let detected = detectedText ?? ((fraction ?? 0) > 0)
                out.append(Row(patient: pid, mrd: MRDResult(date: date, marker: marker, method: method, tissue: tissue, detected: detected,
                                                          value: detectedText == nil ? fraction : nil, sensitivity: sens, controlCopies: ctrl)))
            }
        }
        for t in unknownTests.sorted() { warnings.append("\(path): test '\(t)' is not in the lab table (its unit is not checked; map it under tests)") }
        if !problems.isEmpty { throw InteropFailure(problems) }
        return (out, warnings)
    }

    static func date(_ s: String, dayFirst: Bool) -> LocalDate? {
        if !dayFirst { return LocalDate(String(s.prefix(10))) }
        let p = s.prefix(10).split(separator: "/")
        guard p.count == 3, let d = Int(p[0]), let m = Int(p[1]), let y = Int(p[2]), p[2].count == 4 else { return nil }
        return LocalDate(year: y, month: m, day: d)
    }

    /// Adds the rows to their cases; a result equal to one already stored is skipped and counted.
    public static func merge(_ rows: [Row], into patients: [Patient]) -> (patients: [Patient], added: Int, duplicates: Int, unknown: [String],
                                                                          perPatient: [(id: String, added: Int, unchanged: Int)]) {
        var byID: [String: Patient] = [:]
        for p in patients { byID[p.id] = p }
        var touched: [String] = [], unknown: [String] = []
        var added = 0, dup = 0
        var order: [String] = [], counts: [String: (Int, Int)] = [:]
        for r in rows {
            guard var p = byID[r.patient] else { if !unknown.contains(r.patient) { unknown.append(r.patient) }; continue }
            if counts[r.patient] == nil { order.append(r.patient); counts[r.patient] = (0, 0) }
            let isDuplicate = r.lab.map { p.labs.contains($0) } ?? false || r.mrd.map { p.mrd.contains($0) } ?? false
            if isDuplicate { dup += 1; counts[r.patient]?.1 += 1; continue }
            if let l = r.lab { p.labs.append(l) }
            if let m = r.mrd { p.mrd.append(m) }
            counts[r.patient]?.0 += 1
            added += 1
            byID[r.patient] = p
            if !touched.contains(r.patient) { touched.append(r.patient) }
        }
        return (touched.compactMap { byID[$0] }, added, dup, unknown, order.map { ($0, counts[$0]?.0 ?? 0, counts[$0]?.1 ?? 0) })
    }
}
