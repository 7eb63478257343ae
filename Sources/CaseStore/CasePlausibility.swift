import CaseModel

/// Values that are well-formed but impossible, refused at import and at every workflow
/// write. Kept apart from the field-by-field type checks of `FieldValidator`:
///
/// - every dated datum lies between 1900-01-01 and today + 2 years; a follow-up due date within today + 10 years;
/// - birth date ≤ every diagnosis date ≤ today, and birth date ≤ today;
/// - an MRD sensitivity is a fraction (0–1]; control copies between 0 and 10⁹;
/// - a result with `detected: false` has no value above its sensitivity (a value is then at most the limit of detection);
/// - a lab value is within ±10⁹.
public enum CasePlausibility {
    public static let earliest = LocalDate(year: 1900, month: 1, day: 1) ?? LocalDate(daysSinceEpoch: -25567)
    public static let maxControlCopies = 1e9
    /// The last date the stored `YYYY-MM-DD` text can hold.
    public static let latestRepresentable = LocalDate(year: 9999, month: 12, day: 31) ?? LocalDate(daysSinceEpoch: 2_932_896)
    public static let maxLabMagnitude = 1e9

    /// The latest acceptable date of a dated datum (today + 2 years).
    public static func latestDatum(today: LocalDate) -> LocalDate { today.adding(years: 2) }
    /// The latest acceptable due date of a task (today + 10 years).
    public static func latestDue(today: LocalDate) -> LocalDate { today.adding(years: 10) }

    /// Why `date` is not plausible for a datum (or a due date when `due`), or nil.
    public static func dateProblem(_ date: LocalDate, today: LocalDate, due: Bool = false) -> String? {
        let latest = due ? latestDue(today: today) : latestDatum(today: today)
        if date < earliest { return "date \(date) is before \(earliest)" }
        if date > latestRepresentable { return "date \(date) is after \(latestRepresentable), the last date Caseboard can store" }
        if date > latest { return "date \(date) is after \(latest) (today \(today) + \(due ? 10 : 2) years)" }
        return nil
    }

    /// Every implausible value of `p` as (JSON path, message); `path` is the patient's own path (`$.patients[3]`).
    public static func problems(_ p: Patient, path: String, today: LocalDate) -> [(path: String, message: String)] {
        var out: [(String, String)] = []
        func date(_ d: LocalDate?, _ at: String, due: Bool = false) {
            if let d, let why = dateProblem(d, today: today, due: due) { out.append((at, why)) }
        }
        if let b = p.birthDate, b > today { out.append(("\(path).birthDate", "birth date \(b) is after today (\(today))")) }
        else { date(p.birthDate, "\(path).birthDate") }
        for (i, d) in p.diagnoses.enumerated() {
            let at = "\(path).diagnoses[\(i)].date"
            date(d.date, at)
            if let b = p.birthDate, d.date < b { out.append((at, "diagnosis date \(d.date) is before the birth date \(b)")) }
            if d.date > today { out.append((at, "diagnosis date \(d.date) is after today (\(today))")) }
        }
        for (i, s) in p.diseaseStatus.enumerated() { date(s.date, "\(path).diseaseStatus[\(i)].date") }
        for (i, k) in p.karyotypes.enumerated() { date(k.date, "\(path).karyotypes[\(i)].date") }
        for (i, f) in p.fusions.enumerated() { date(f.date, "\(path).fusions[\(i)].date") }
        for (i, v) in p.variants.enumerated() { date(v.date, "\(path).variants[\(i)].date") }
        for (i, g) in p.testedGenes.enumerated() { date(g.date, "\(path).testedGenes[\(i)].date") }
        for (i, r) in p.mrd.enumerated() {
            let at = "\(path).mrd[\(i)]"
            date(r.date, "\(at).date")
            out += mrdProblems(r, path: at).map { ($0.path, $0.message) }
        }
        for (i, l) in p.labs.enumerated() {
            date(l.date, "\(path).labs[\(i)].date")
            if !(abs(l.value) <= maxLabMagnitude) {
                out.append(("\(path).labs[\(i)].value", "a lab value must be between -1e9 and 1e9, found \(l.value)"))
            }
        }
        for (i, s) in p.performanceStatus.enumerated() { date(s.date, "\(path).performanceStatus[\(i)].date") }
        for (i, t) in p.therapies.enumerated() {
            date(t.start, "\(path).therapies[\(i)].start"); date(t.end, "\(path).therapies[\(i)].end")
        }
        for (i, t) in p.transplants.enumerated() { date(t.date, "\(path).transplants[\(i)].date") }
        for (i, f) in p.followUps.enumerated() {
            date(f.due, "\(path).followUps[\(i)].due", due: true)
            date(f.done, "\(path).followUps[\(i)].done")
        }
        return out
    }

    /// The bounds of one MRD result: value and sensitivity 0–1, copies 0–10⁹, no value above the sensitivity when not detected.
    public static func mrdProblems(_ r: MRDResult, path: String) -> [(path: String, message: String)] {
        var out: [(String, String)] = []
        // The upper bound of an MRD value (a fraction, ≤ 1) is checked with the other value ranges of the case
        // reader; the rules are total on any value (see `TotalArithmetic`).
        if let s = r.sensitivity, !(s > 0 && s <= 1) {
            out.append(("\(path).sensitivity", "a sensitivity is a fraction above 0 and at most 1, found \(s)"))
        }
        if let c = r.controlCopies, !(c >= 0 && c <= maxControlCopies) {
            out.append(("\(path).controlCopies", "control copies must be between 0 and 1e9, found \(c)"))
        }
        if !r.detected, let v = r.value, let s = r.sensitivity, v > s {
            out.append(("\(path).value", "detected is false but the value \(v) is above the sensitivity \(s) (a value above the limit of detection is a detected result)"))
        }
        return out
    }
}
