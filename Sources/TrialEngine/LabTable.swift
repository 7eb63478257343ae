import Foundation

/// Lab tests the criteria language knows: canonical unit, accepted units with their factor to the canonical
/// unit, and an upper limit of normal (adult reference, canonical unit) for `× ULN` criteria.
public enum LabTable {
    public struct Entry: Sendable {
        public let test: String
        public let canonicalUnit: String
        /// normalised unit spelling → factor (value × factor = canonical value)
        public let units: [String: Double]
        public let uln: Double?
    }

    static let countUnits: [String: Double] = ["g/l": 1, "10^9/l": 1, "x10^9/l": 1, "10e9/l": 1, "x10e9/l": 1,
                                               "/nl": 1, "10^3/ul": 1, "x10^3/ul": 1, "k/ul": 1, "/ul": 0.001,
                                               "/mm3": 0.001]
    static let percent: [String: Double] = ["%": 1]

    public static let entries: [String: Entry] = {
        var e: [String: Entry] = [:]
        func add(_ t: String, _ unit: String, _ units: [String: Double], uln: Double? = nil) {
            e[t.lowercased()] = Entry(test: t, canonicalUnit: unit, units: units, uln: uln)
        }
        add("ANC", "G/L", countUnits)
        add("WBC", "G/L", countUnits)
        add("platelets", "G/L", countUnits)
        add("reticulocytes", "G/L", countUnits)
        add("lymphocytes", "G/L", countUnits)
        add("monocytes", "G/L", countUnits)
        add("hemoglobin", "g/dL", ["g/dl": 1, "g/l": 0.1, "mmol/l": 1.611])
        add("PB-blasts", "%", percent)
        add("BM-blasts", "%", percent)
        add("creatinine", "µmol/L", ["µmol/l": 1, "umol/l": 1, "mg/dl": 88.4], uln: 110)
        add("eGFR", "mL/min/1.73m2", ["ml/min/1.73m2": 1, "ml/min": 1, "ml/min/1.73m²": 1])
        add("creatinine-clearance", "mL/min", ["ml/min": 1])
        add("bilirubin", "µmol/L", ["µmol/l": 1, "umol/l": 1, "mg/dl": 17.1], uln: 21)
        add("ALT", "U/L", ["u/l": 1, "iu/l": 1, "ui/l": 1], uln: 40)
        add("AST", "U/L", ["u/l": 1, "iu/l": 1, "ui/l": 1], uln: 40)
        add("ALP", "U/L", ["u/l": 1, "iu/l": 1], uln: 130)
        add("LDH", "U/L", ["u/l": 1, "iu/l": 1], uln: 250)
        add("LVEF", "%", percent)
        add("ferritin", "µg/L", ["µg/l": 1, "ug/l": 1, "ng/ml": 1], uln: 300)
        add("PNH-clone", "%", percent)
        add("transfusions-8wk", "units", ["units": 1, "u": 1, "rbc-units": 1])
        add("spleen-cm", "cm", ["cm": 1])
        return e
    }()

    public static func entry(_ test: String) -> Entry? { entries[test] ?? entries[test.lowercased()] }

    /// ULN by canonical test name (no case folding: for the evaluator's hot path).
    public static let ulnByTest: [String: Double] = {
        var m: [String: Double] = [:]
        for e in entries.values { if let u = e.uln { m[e.test] = u } }
        return m
    }()

    /// The canonical spelling of a test name ("Bilirubin" → "bilirubin"), or the name itself when unknown.
    public static func canonicalName(_ test: String) -> String { entry(test)?.test ?? test }

    public static func normaliseUnit(_ u: String) -> String {
        u.lowercased().replacingOccurrences(of: " ", with: "").replacingOccurrences(of: "μ", with: "u").replacingOccurrences(of: "µ", with: "u")
            .replacingOccurrences(of: "×", with: "x")
    }

    /// Common spellings already normalised (skips string work for the usual units).
    static let commonUnits: [String: String] = {
        var m: [String: String] = [:]
        for u in ["10^9/L", "x10^9/L", "G/L", "g/L", "µmol/L", "μmol/L", "umol/L", "g/dL", "U/L", "IU/L", "%", "mg/dL", "/µL", "/uL",
                  "10^3/µL", "/nL", "mL/min", "mL/min/1.73m2", "µg/L", "ng/mL", "cm", "units", "mmol/L", "/mm3"] {
            m[u] = normaliseUnit(u)
        }
        return m
    }()

    /// Converts `value` in `unit` to the canonical unit of `test`; nil if the unit is not convertible.
    public static func canonical(test: String, value: Double, unit: String) -> Double? {
        guard let e = entry(test) else { return nil }
        let n = commonUnits[unit] ?? normaliseUnit(unit)
        if n == (commonUnits[e.canonicalUnit] ?? normaliseUnit(e.canonicalUnit)) { return value }
        guard let f = e.units[n] ?? e.units.first(where: { normaliseUnit($0.key) == n })?.value else { return nil }
        return value * f
    }
}
