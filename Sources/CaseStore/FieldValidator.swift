import CaseModel
import Foundation

/// Field-by-field checks of one patient (or the header) of a case file, collecting problems.
struct FieldValidator {
    let file: String
    var patient: String?
    var errors: [ImportProblem] = []
    var warnings: [ImportProblem] = []

    init(file: String, patient: String?) { self.file = file; self.patient = patient }

    mutating func error(_ path: String, _ message: String) {
        errors.append(ImportProblem(file: file, patient: patient, path: path, message: message))
    }

    mutating func warn(_ path: String, _ message: String) {
        warnings.append(ImportProblem(file: file, patient: patient, path: path, message: message))
    }

    static func kind(_ v: Any) -> String {
        if JSONScalar.isNull(v) { return "null" }
        switch v {
        case let n as NSNumber: return isBool(n) ? "a boolean" : "a number"
        case is String: return "a string"
        case is [Any]: return "an array"
        case is [String: Any]: return "an object"
        default: return "an unexpected value"
        }
    }

    /// Empty or only whitespace (`CharacterSet.whitespaces`); a first byte that is ASCII and neither space nor tab
    /// answers without trimming (almost every value).
    static func blank(_ s: String) -> Bool {
        if let b = s.utf8.first, b < 0x80, b != 0x20, b != 0x09 { return false }
        return s.trimmingCharacters(in: .whitespaces).isEmpty
    }

    static func isBool(_ n: NSNumber) -> Bool { JSONScalar.isBool(n) }

    static func describe(_ d: Double) -> String { JSONScalar.describe(d) }

    mutating func unknown(_ o: [String: Any], allowed: Set<String>, path: String) {
        if o.keys.allSatisfy(allowed.contains) { return }  // the usual case: no key sorted, nothing said
        for k in o.keys.sorted() where !allowed.contains(k) {
            warn("\(path).\(k)", "unknown field ignored")
        }
    }

    /// The value at `key`, or nil when absent or null (an absent optional datum means "not known").
    mutating func value(_ o: [String: Any], _ key: String, _ path: String, required: Bool) -> Any? {
        guard let v = o[key], !JSONScalar.isNull(v) else {
            if required { error("\(path).\(key)", o[key] == nil ? "required field is missing" : "required field is null") }
            return nil
        }
        return v
    }

    mutating func string(_ o: [String: Any], _ key: String, _ path: String, required: Bool = false, nonEmpty: Bool = true) -> String? {
        guard let v = value(o, key, path, required: required) else { return nil }
        guard let s = v as? String else { error("\(path).\(key)", "expected a string, found \(Self.kind(v))"); return nil }
        if nonEmpty && Self.blank(s) { error("\(path).\(key)", "must not be empty"); return nil }
        guard checkText(s, key: key, path: "\(path).\(key)") else { return nil }
        return s
    }

    mutating func number(_ o: [String: Any], _ key: String, _ path: String, required: Bool = false) -> Double? {
        guard let v = value(o, key, path, required: required) else { return nil }
        guard let n = v as? NSNumber, !Self.isBool(n), n.doubleValue.isFinite else {
            error("\(path).\(key)", "expected a number, found \(Self.kind(v))"); return nil
        }
        return n.doubleValue
    }

    mutating func integer(_ o: [String: Any], _ key: String, _ path: String, required: Bool = false) -> Int? {
        guard let d = number(o, key, path, required: required) else { return nil }
        guard d == d.rounded(), abs(d) < 1e9 else { error("\(path).\(key)", "expected a whole number, found \(d)"); return nil }
        return Int(d)
    }

    mutating func bool(_ o: [String: Any], _ key: String, _ path: String, required: Bool = false) -> Bool? {
        guard let v = value(o, key, path, required: required) else { return nil }
        guard let n = v as? NSNumber, Self.isBool(n) else {
            error("\(path).\(key)", "expected true or false, found \(Self.kind(v))"); return nil
        }
        return n.boolValue
    }

    mutating func date(_ o: [String: Any], _ key: String, _ path: String, required: Bool = false) -> LocalDate? {
        guard let s = string(o, key, path, required: required, nonEmpty: false) else { return nil }
        return parseDate(s, "\(path).\(key)")
    }

    mutating func parseDate(_ s: String, _ path: String) -> LocalDate? {
        if let d = LocalDate(s) { return d }
        let shaped = s.count == 10 && s.enumerated().allSatisfy { i, c in (i == 4 || i == 7) ? c == "-" : c.isASCII && c.isNumber }
        error(path, shaped ? "\"\(s)\" is not a real calendar date" : "expected a date YYYY-MM-DD, found \"\(s)\"")
        return nil
    }

    mutating func enumValue<E: RawRepresentable & CaseIterable>(_ o: [String: Any], _ key: String, _ path: String,
                                                                required: Bool = false) -> E? where E.RawValue == String {
        guard let s = string(o, key, path, required: required, nonEmpty: false) else { return nil }
        guard let e = E(rawValue: s) else {
            error("\(path).\(key)", "expected one of \(E.allCases.map(\.rawValue).joined(separator: ", ")); found \"\(s)\"")
            return nil
        }
        return e
    }

    mutating func array(_ o: [String: Any], _ key: String, _ path: String, required: Bool = false) -> [Any]? {
        guard let v = value(o, key, path, required: required) else { return nil }
        guard let a = v as? [Any] else { error("\(path).\(key)", "expected an array, found \(Self.kind(v))"); return nil }
        return a
    }

    mutating func strings(_ o: [String: Any], _ key: String, _ path: String, required: Bool = false) -> [String]? {
        guard let a = array(o, key, path, required: required) else { return nil }
        var out: [String] = []
        var ok = true
        for (i, v) in a.enumerated() {
            guard let s = v as? String else { error("\(path).\(key)[\(i)]", "expected a string, found \(Self.kind(v))"); ok = false; continue }
            if Self.blank(s) { error("\(path).\(key)[\(i)]", "must not be empty"); ok = false; continue }
            if !checkText(s, key: key, path: "\(path).\(key)[\(i)]") { ok = false; continue }
            out.append(s)
        }
        return ok ? out : nil
    }

    /// Validates each object of an optional array with `body`; returns the built values (nil entries dropped).
    mutating func objects<T>(_ o: [String: Any], _ key: String, _ path: String, required: Bool = false, allowed: Set<String>,
                             _ body: (inout FieldValidator, [String: Any], String) -> T?) -> [T] {
        guard let a = array(o, key, path, required: required) else { return [] }
        var out: [T] = []
        for (i, item) in a.enumerated() {
            let p = "\(path).\(key)[\(i)]"
            guard let obj = item as? [String: Any] else { error(p, "expected an object, found \(Self.kind(item))"); continue }
            unknown(obj, allowed: allowed, path: p)
            if let t = body(&self, obj, p) { out.append(t) }
        }
        return out
    }

    mutating func range(_ d: Double?, _ path: String, _ lo: Double, _ hi: Double, _ what: String) -> Double? {
        guard let d else { return nil }
        if d < lo || d > hi { error(path, "\(what) must be between \(Self.describe(lo)) and \(Self.describe(hi)), found \(Self.describe(d))"); return nil }
        return d
    }

    /// An MRD value or sensitivity is a fraction of cells or copies (formats.md: 0 ≤ value ≤ 1); above 1 is
    /// an import error (`mrd[3].value: MRD value is a fraction (0–1), found 581`).
    mutating func fraction(_ d: Double?, _ path: String, _ what: String) -> Double? {
        guard let d else { return nil }
        if d > 1 { error(path, "\(what) is a fraction (0–1), found \(Self.describe(d))"); return nil }
        return d
    }

    mutating func nonNegative(_ d: Double?, _ path: String, _ what: String) -> Double? {
        guard let d else { return nil }
        if d < 0 { error(path, "\(what) must be ≥ 0, found \(Self.describe(d))"); return nil }
        return d
    }

    // MARK: the patient

    static let patientFields: Set<String> = [
        "id", "identity", "sex", "birthDate", "site", "diagnoses", "diseaseStatus", "karyotypes", "fusions", "variants",
        "testedGenes", "mrd", "labs", "performanceStatus", "therapies", "transplants", "familyHistory", "clinicalFeatures",
        "comorbidities", "followUps", "copyNumber", "findings",
        "vitalStatus", "lastContact", "death", "comorbiditiesReviewed", "testedFusions",
    ]

    /// Validates one patient object; returns it when it could be built (check `errors` too).
    mutating func patient(_ item: Any, _ path: String) -> Patient? {
        guard let o = item as? [String: Any] else { error(path, "expected an object, found \(Self.kind(item))"); return nil }
        unknown(o, allowed: Self.patientFields, path: path)
        let before = errors.count
        var id: String?
        if let v = value(o, "id", path, required: true) {
            if let s = v as? String { id = checkPatientId(s, path: "\(path).id") ? s : nil }
            else { error("\(path).id", "expected a string, found \(Self.kind(v))") }
        }
        var identity: Identity?
        if let v = value(o, "identity", path, required: false) {
            if let io = v as? [String: Any] {
                unknown(io, allowed: ["mrn", "family", "given"], path: "\(path).identity")
                identity = Identity(mrn: string(io, "mrn", "\(path).identity"), family: string(io, "family", "\(path).identity"),
                                    given: string(io, "given", "\(path).identity"))
            } else { error("\(path).identity", "expected an object, found \(Self.kind(v))") }
        }
        let sex: Sex? = enumValue(o, "sex", path, required: true)
        // Required, but may be null when the source does not record it (formats.md).
        let birthRecorded = !(o["birthDate"].map(JSONScalar.isNull) ?? false)
        let birthDate = birthRecorded ? date(o, "birthDate", path, required: true) : nil
        let site = string(o, "site", path)
        let diagnoses: [Diagnosis] = objects(o, "diagnoses", path, required: true, allowed: [
            "date", "category", "who2022", "icc2022", "icd10", "oncotree", "blastsBM", "blastsPB", "therapyRelated", "postMDS", "postMPN",
        ]) { v, d, p in
            let date = v.date(d, "date", p, required: true)
            let category: DiagnosisCategory? = v.enumValue(d, "category", p, required: true)
            let bm = v.range(v.number(d, "blastsBM", p), "\(p).blastsBM", 0, 100, "blast percentage")
            let pb = v.range(v.number(d, "blastsPB", p), "\(p).blastsPB", 0, 100, "blast percentage")
            let dx = Diagnosis(date: date ?? LocalDate(daysSinceEpoch: 0), category: category ?? .aml,
                               who2022: v.string(d, "who2022", p), icc2022: v.string(d, "icc2022", p), icd10: v.string(d, "icd10", p),
                               oncotree: v.string(d, "oncotree", p), blastsBM: bm, blastsPB: pb,
                               therapyRelated: v.bool(d, "therapyRelated", p), postMDS: v.bool(d, "postMDS", p),
                               postMPN: v.bool(d, "postMPN", p))
            return dx
        }
        if let a = o["diagnoses"] as? [Any], a.isEmpty { error("\(path).diagnoses", "at least one diagnosis is required") }
        let status: [DiseaseStatusEntry] = objects(o, "diseaseStatus", path, allowed: ["date", "status"]) { v, d, p in
            let date = v.date(d, "date", p, required: true)
            let s: DiseaseStatus? = v.enumValue(d, "status", p, required: true)
            guard let date, let s else { return nil }
            return DiseaseStatusEntry(date: date, status: s)
        }
        let karyotypes: [Karyotype] = objects(o, "karyotypes", path, allowed: ["date", "tissue", "iscn", "abnormalities"]) { v, d, p in
            let date = v.date(d, "date", p, required: true)
            let tissue: SampleTissue? = v.enumValue(d, "tissue", p, required: true)
            let iscn = v.string(d, "iscn", p)
            let ab = v.strings(d, "abnormalities", p, required: true)
            guard let date, let tissue, let ab else { return nil }
            return Karyotype(date: date, tissue: tissue, iscn: iscn, abnormalities: ab)
        }
        let fusions: [Fusion] = objects(o, "fusions", path, allowed: ["date", "name", "method"]) { v, d, p in
            let date = v.date(d, "date", p, required: true)
            let name = v.string(d, "name", p, required: true)
            if let n = name, !n.contains("::") {
                v.error("\(p).name", "a fusion is written with a double colon between its genes (e.g. BCR::ABL1), found \"\(n)\"")
            }
            let method = v.string(d, "method", p)
            guard let date, let name else { return nil }
            return Fusion(date: date, name: name, method: method)
        }
        let variants: [Variant] = objects(o, "variants", path, allowed: [
            "gene", "date", "hgvsc", "hgvsp", "consequence", "domain", "vaf", "origin", "tissue", "classification",
        ]) { v, d, p in
            let gene = v.string(d, "gene", p, required: true)
            let date = v.date(d, "date", p, required: true)
            let vaf = v.range(v.number(d, "vaf", p), "\(p).vaf", 0, 1, "VAF (a fraction)")
            let origin: VariantOrigin? = v.enumValue(d, "origin", p)
            let variant = Variant(gene: gene ?? "", date: date ?? LocalDate(daysSinceEpoch: 0), hgvsc: v.string(d, "hgvsc", p),
                                  hgvsp: v.string(d, "hgvsp", p), consequence: v.enumValue(d, "consequence", p),
                                  domain: v.string(d, "domain", p), vaf: vaf, origin: origin ?? .unknown,
                                  tissue: v.enumValue(d, "tissue", p), classification: v.enumValue(d, "classification", p))
            return variant
        }
        let panels: [GenePanel] = objects(o, "testedGenes", path, allowed: ["date", "assay", "tissue", "genes", "copyNumber"]) { v, d, p in
            let date = v.date(d, "date", p, required: true)
            let assay = v.string(d, "assay", p, required: true)
            let tissue: SampleTissue? = v.enumValue(d, "tissue", p)
            let genes = v.strings(d, "genes", p, required: true)
            let copyNumber = v.bool(d, "copyNumber", p)
            guard let date, let assay, let genes else { return nil }
            return GenePanel(date: date, assay: assay, tissue: tissue, genes: genes, copyNumber: copyNumber)
        }
        let mrd: [MRDResult] = objects(o, "mrd", path, allowed: [
            "date", "marker", "method", "tissue", "detected", "value", "sensitivity", "controlCopies",
        ]) { v, d, p in
            let date = v.date(d, "date", p, required: true)
            let marker = v.string(d, "marker", p, required: true)
            let method: MRDMethod? = v.enumValue(d, "method", p, required: true)
            let tissue: MRDTissue? = v.enumValue(d, "tissue", p, required: true)
            let detected = v.bool(d, "detected", p, required: true)
            let value = v.fraction(v.nonNegative(v.number(d, "value", p), "\(p).value", "MRD value"), "\(p).value", "MRD value")
            if detected == true && (d["value"].map(JSONScalar.isNull) ?? true) { v.error("\(p).value", "required when detected is true (a fraction, e.g. 0.0012)") }
            let sens = v.fraction(v.nonNegative(v.number(d, "sensitivity", p), "\(p).sensitivity", "sensitivity"), "\(p).sensitivity", "MRD sensitivity")
            let copies = v.nonNegative(v.number(d, "controlCopies", p), "\(p).controlCopies", "control copies")
            guard let date, let marker, let method, let tissue, let detected else { return nil }
            return MRDResult(date: date, marker: marker, method: method, tissue: tissue, detected: detected, value: value,
                             sensitivity: sens, controlCopies: copies)
        }
        let labs: [LabResult] = objects(o, "labs", path, allowed: ["date", "test", "value", "unit"]) { v, d, p in
            let date = v.date(d, "date", p, required: true)
            let test = v.string(d, "test", p, required: true)
            let value = v.number(d, "value", p, required: true)
            let unit = v.string(d, "unit", p, required: true, nonEmpty: false)
            guard let date, let test, let value, let unit else { return nil }
            return LabResult(date: date, test: test, value: value, unit: unit)
        }
        let ps: [PerformanceStatus] = objects(o, "performanceStatus", path, allowed: ["date", "ecog"]) { v, d, p in
            let date = v.date(d, "date", p, required: true)
            var ecog = v.integer(d, "ecog", p, required: true)
            if let e = ecog, !(0...4).contains(e) { v.error("\(p).ecog", "ECOG must be an integer from 0 to 4, found \(e)"); ecog = nil }
            guard let date, let ecog else { return nil }
            return PerformanceStatus(date: date, ecog: ecog)
        }
        let therapies: [Therapy] = objects(o, "therapies", path, allowed: [
            "start", "end", "regimen", "agents", "intent", "line", "response",
        ]) { v, d, p in
            let start = v.date(d, "start", p, required: true)
            let end = v.date(d, "end", p)
            if let s = start, let e = end, e < s { v.error("\(p).end", "end \(e) is before start \(s)") }
            let regimen = v.string(d, "regimen", p, required: true)
            let agents = v.strings(d, "agents", p, required: true)
            let intent: TherapyIntent? = v.enumValue(d, "intent", p, required: true)
            var line = v.integer(d, "line", p)
            if let l = line, l < 1 { v.error("\(p).line", "line of therapy must be 1 or more, found \(l)"); line = nil }
            let response = v.string(d, "response", p)
            guard let start, let regimen, let agents, let intent else { return nil }
            return Therapy(start: start, end: end, regimen: regimen, agents: agents, intent: intent, line: line, response: response)
        }
        let transplants: [Transplant] = objects(o, "transplants", path, allowed: ["date", "type", "donor", "gvhd"]) { v, d, p in
            let date = v.date(d, "date", p, required: true)
            let type: TransplantType? = v.enumValue(d, "type", p, required: true)
            let donor = v.string(d, "donor", p)
            let gvhd: GVHDState? = v.enumValue(d, "gvhd", p)
            guard let date, let type else { return nil }
            return Transplant(date: date, type: type, donor: donor, gvhd: gvhd)
        }
        let family: [FamilyHistoryEntry] = objects(o, "familyHistory", path, allowed: ["relation", "condition", "ageAtDiagnosis"]) { v, d, p in
            let relation: FamilyRelation? = v.enumValue(d, "relation", p, required: true)
            let condition = v.string(d, "condition", p, required: true)
            var age = v.integer(d, "ageAtDiagnosis", p)
            if let a = age, !(0...120).contains(a) { v.error("\(p).ageAtDiagnosis", "age must be between 0 and 120, found \(a)"); age = nil }
            guard let relation, let condition else { return nil }
            return FamilyHistoryEntry(relation: relation, condition: condition, ageAtDiagnosis: age)
        }
        let features = strings(o, "clinicalFeatures", path) ?? []
        let comorbidities = strings(o, "comorbidities", path) ?? []
        let comorbiditiesReviewed = date(o, "comorbiditiesReviewed", path)
        let testedFusions: [FusionPanel] = objects(o, "testedFusions", path, allowed: ["date", "assay", "tissue", "genes"]) { v, d, p in
            let date = v.date(d, "date", p, required: true)
            let assay = v.string(d, "assay", p, required: true)
            let tissue: SampleTissue? = v.enumValue(d, "tissue", p)
            let genes = v.strings(d, "genes", p, required: true)
            guard let date, let assay, let genes else { return nil }
            return FusionPanel(date: date, assay: assay, tissue: tissue, genes: genes)
        }
        let followUps: [FollowUp] = objects(o, "followUps", path, allowed: ["id", "due", "kind", "note", "done"]) { v, d, p in
            let id = v.string(d, "id", p)
            let due = v.date(d, "due", p, required: true)
            let kind = v.string(d, "kind", p, required: true)
            let note = v.string(d, "note", p, nonEmpty: false)
            var doneDate: LocalDate?
            var doneFlag = false
            if let x = d["done"], !JSONScalar.isNull(x) {
                if let n = x as? NSNumber, FieldValidator.isBool(n) { doneFlag = n.boolValue }
                else if let s = x as? String { doneDate = v.parseDate(s, "\(p).done"); doneFlag = doneDate != nil }
                else { v.error("\(p).done", "expected a date YYYY-MM-DD or true/false, found \(FieldValidator.kind(x))") }
            }
            guard let due, let kind else { return nil }
            return FollowUp(id: id, due: due, kind: kind, note: note, done: doneDate, doneFlag: doneFlag)
        }
        let copyNumber = copyNumberFindings(o, path)
        let findings = clinicalFindings(o, path)
        let outcome = self.outcome(o, path, birthDate: birthDate, diagnoses: diagnoses)
        guard errors.count == before, let id, let sex, birthDate != nil || !birthRecorded else { return nil }
        var built = Patient(id: id, identity: identity, sex: sex, birthDate: birthDate, site: site, diagnoses: diagnoses,
                       diseaseStatus: status, karyotypes: karyotypes, fusions: fusions, variants: variants, testedGenes: panels,
                       mrd: mrd, labs: labs, performanceStatus: ps, therapies: therapies, transplants: transplants,
                       familyHistory: family, clinicalFeatures: features, comorbidities: comorbidities, followUps: followUps,
                       copyNumber: copyNumber, findings: findings)
        (built.vitalStatus, built.lastContact, built.death) = outcome
        built.comorbiditiesReviewed = comorbiditiesReviewed
        built.testedFusions = testedFusions
        return built
    }
}
