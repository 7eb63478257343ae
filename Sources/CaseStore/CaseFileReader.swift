import CaseModel
import Foundation

/// Reads `caseboard-cases` v1 JSON and validates every field by hand (formats.md §1), collecting
/// every problem with its JSON path instead of stopping at the first. Unknown fields are warnings.
/// Nothing here touches a database: callers write only when `errors` is empty.
public struct CaseFileReader {
    public private(set) var patients: [Patient] = []
    public private(set) var errors: [ImportProblem] = []
    public private(set) var warnings: [ImportProblem] = []
    /// id → where it was first seen, to detect duplicates across every file read.
    private var seen: [String: (file: String, path: String)] = [:]

    /// The day the plausibility of dates is judged against (`CasePlausibility`): today's date unless set.
    public var today: LocalDate = LocalDate.today()

    public init() {}

    /// Reads and validates several files as one input (duplicate ids are detected across all of them).
    public static func read(files: [String], today: LocalDate? = nil) -> CaseFileReader {
        var r = CaseFileReader()
        if let today { r.today = today }
        for f in files { r.read(file: f) }
        return r
    }

    public mutating func read(file: String) {
        guard let data = FileManager.default.contents(atPath: file) else {
            errors.append(ImportProblem(file: file, patient: nil, path: "$", message: "cannot read the file (missing or unreadable)"))
            return
        }
        read(data: data, file: file)
    }

    public mutating func read(data: Data, file: String) {
        if let streamed = data.withUnsafeBytes({ raw in readByPatient(raw.bindMemory(to: UInt8.self), file: file) }) {
            self = streamed
            return
        }
        readWhole(data: data, file: file)
    }

    /// The usual path (issue #16): the top level is scanned (`CaseFileScan`), each patient parsed and validated on its
    /// own and its tree dropped before the next, so memory holds the file's bytes and the built patients only. Same
    /// problems, paths, order and refusals as `readWhole`: nil (nothing changed) when the file is not valid JSON or
    /// has anything the scan does not take apart, and the caller then reads it whole for that parse's message.
    func readByPatient(_ b: UnsafeBufferPointer<UInt8>, file: String) -> CaseFileReader? {
        guard let scan = CaseFileScan.scan(b) else { return nil }
        let skeleton = scan.skeleton(b)
        guard let root = try? JSONSerialization.jsonObject(with: skeleton, options: []), let top = root as? [String: Any],
              JSONDuplicateKeys.find(skeleton).isEmpty else { return nil }
        var r = self
        var duplicates: [String] = []
        for (i, range) in scan.elements.enumerated() {
            let path = "$.patients[\(i)]"
            let element = UnsafeBufferPointer(rebasing: b[range])
            let bytes = Data(element)
            // Native containers when the text is plain JSON (`NativeJSON`, which also tells whether a key repeats),
            // else JSONSerialization's own answer; the duplicate-key scan names the paths when there may be any.
            let item: Any
            if let native = NativeJSON.parse(element) {
                item = native.value
                if native.duplicateKeys { duplicates += JSONDuplicateKeys.find(bytes, root: path) }
            } else if let parsed = try? JSONSerialization.jsonObject(with: bytes, options: [.fragmentsAllowed]) {
                item = parsed
                duplicates += JSONDuplicateKeys.find(bytes, root: path)
            } else { return nil }
            r.validate(item, index: i, file: file)
        }
        var v = FieldValidator(file: file, patient: nil)
        for dup in duplicates { v.error(dup, "duplicate key: the object gives this key twice (which one counts is ambiguous); keep one") }
        r.header(top, &v)
        r.errors += v.errors; r.warnings += v.warnings
        return r
    }

    /// The header checks of the top-level object (format, version, unknown fields); the `patients` array itself is
    /// read by the caller.
    func header(_ top: [String: Any], _ v: inout FieldValidator) {
        v.unknown(top, allowed: ["format", "version", "patients"], path: "$")
        if let f = v.string(top, "format", "$", required: true), f != CaseFile.formatName {
            v.error("$.format", "expected \"\(CaseFile.formatName)\", found \"\(f)\"")
        }
        if let n = v.integer(top, "version", "$", required: true), n != CaseFile.currentVersion {
            v.error("$.version", "unsupported version \(n) (this Caseboard reads version \(CaseFile.currentVersion))")
        }
    }

    /// Validates the patient at `patients[index]`, keeping it when it has no error; a repeated id is an error.
    mutating func validate(_ item: Any, index i: Int, file: String) {
        let path = "$.patients[\(i)]"
        var pv = FieldValidator(file: file, patient: "[\(i)]")
        if let o = item as? [String: Any], let id = o["id"] as? String, !id.isEmpty {
            pv.patient = CaseTextRules.idProblem(id) == nil ? id : CaseTextRules.quoted(id)
        }
        if let p = pv.patient(item, path) {
            for bad in CasePlausibility.problems(p, path: path, today: today) { pv.error(bad.path, bad.message) }
            if let first = seen[p.id] {
                pv.error(path + ".id", "duplicate patient id (first at \(first.file == file ? "" : first.file + " ")\(first.path))")
            } else {
                seen[p.id] = (file, path)
                if pv.errors.isEmpty { patients.append(p) }
            }
        }
        errors += pv.errors; warnings += pv.warnings
    }

    /// The whole file parsed at once: the reference behaviour, and the path of every file `readByPatient` declines
    /// (invalid JSON, with `JSONSerialization`'s message and a line and column).
    mutating func readWhole(data: Data, file: String) {
        let root: Any
        do {
            root = try JSONSerialization.jsonObject(with: data, options: [])
        } catch {
            let detail = (error as NSError).userInfo["NSDebugDescription"] as? String ?? "\(error.localizedDescription)"
            errors.append(ImportProblem(file: file, patient: nil, path: "$", message: "not valid JSON: \(detail)\(CaseFileReader.lineHint(data, detail))"))
            return
        }
        var v = FieldValidator(file: file, patient: nil)
        defer { errors += v.errors; warnings += v.warnings }
        for dup in JSONDuplicateKeys.find(data) {
            v.error(dup, "duplicate key: the object gives this key twice (which one counts is ambiguous); keep one")
        }
        guard let top = root as? [String: Any] else {
            v.error("$", "expected an object with format, version and patients, found \(FieldValidator.kind(root))"); return
        }
        header(top, &v)
        guard let list = v.array(top, "patients", "$", required: true) else { return }
        for (i, item) in list.enumerated() { validate(item, index: i, file: file) }
    }

    /// True when a scan of the top level alone finds a `patients` array and no `resourceType` member: the file is
    /// then read as `caseboard-cases` (not FHIR) without parsing it (`import` sorts its files by this first).
    public static func scansAsCaseFile(_ data: Data) -> Bool {
        guard let scan = data.withUnsafeBytes({ CaseFileScan.scan($0.bindMemory(to: UInt8.self)) }) else { return false }
        return !scan.keys.contains("resourceType")
    }

    /// " (line L, column C)" computed from "around character N" when JSONSerialization gives an offset.
    static func lineHint(_ data: Data, _ detail: String) -> String {
        guard let r = detail.range(of: "character "),
              let n = Int(detail[r.upperBound...].prefix { $0.isNumber }) else { return "" }
        var line = 1, col = 1
        for (i, b) in data.enumerated() {
            if i >= n { break }
            if b == 10 { line += 1; col = 1 } else { col += 1 }
        }
        return " (line \(line), column \(col))"
    }
}
