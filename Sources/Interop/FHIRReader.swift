import CaseModel
import Foundation

/// Maps FHIR R4 resources to case data (the README's FHIR table). Every problem is collected with its file and
/// JSON path; data that has no place in the case model is named in a warning and left out.
public struct FHIRReader {
    public struct Options: Sendable {
        /// Identifier system whose value is the case id (else the Patient's first identifier, else its id).
        public var idSystem: String?
        /// Case id for resources without a subject.
        public var patient: String?
        /// Date for results that carry none (neither their own nor their report's).
        public var date: LocalDate?
        public init(idSystem: String? = nil, patient: String? = nil, date: LocalDate? = nil) {
            self.idSystem = idSystem; self.patient = patient; self.date = date
        }
    }

    public private(set) var headers: [FHIRPatientHeader] = []
    public private(set) var contributions: [FHIRContribution] = []
    public internal(set) var problems: [InteropProblem] = []
    public internal(set) var warnings: [String] = []
    /// Unmapped elements → how many times (reported as one warning each).
    var unmapped: [String: Int] = [:]
    let options: Options

    public init(options: Options = Options()) { self.options = options }

    /// Reads one FHIR JSON file's bytes.
    public mutating func read(data: Data, file: String) {
        var ps: [InteropProblem] = []
        let doc = FHIRDocument(data: data, file: file, problems: &ps)
        problems += ps
        guard ps.isEmpty else { return }
        if doc.duplicates > 0 { warnings.append("\(file): \(doc.duplicates) resource\(doc.duplicates == 1 ? "" : "s") listed more than once; read once") }
        unmapped = [:]
        // Case ids of the Patient resources.
        var patientIDs: [String: String] = [:]
        for r in doc.resources where r.type == "Patient" {
            guard let h = header(r, file: file) else { continue }
            for ref in r.references + [r.key] { patientIDs[ref] = h.id }
            if let i = headers.firstIndex(where: { $0.id == h.id }) { headers[i] = merged(headers[i], h) } else { headers.append(h) }
            if h.birthDate == nil { warnings.append("\(file): \(r.path): Patient \(h.id): birth date not recorded; age-dependent rules give unknown") }
            if h.sex == nil { warnings.append("\(file): \(r.path): Patient \(h.id): sex not recorded") }
        }
        // Report dates reach the results they list, through grouper Observations (hasMember).
        var reportDate: [String: LocalDate] = [:]
        for r in doc.resources where r.type == "DiagnosticReport" {
            guard let d = date(r.object, ["effectiveDateTime", "issued"], period: "effectivePeriod") else { continue }
            var queue = refs(r.object["result"])
            var seen = Set<String>()
            while let ref = queue.popLast() {
                guard let o = doc.resolve(ref), seen.insert(o.key).inserted else { continue }
                if reportDate[o.key] == nil { reportDate[o.key] = d }
                queue += refs(o.object["hasMember"])
            }
        }
        for r in doc.resources {
            switch r.type {
            case "Patient", "DiagnosticReport": continue
            case "Observation", "Condition", "MedicationStatement", "MedicationAdministration", "MedicationRequest", "Procedure":
                guard var entries = map(r, doc: doc, file: file, reportDate: reportDate[r.key]) else { continue }
                if entries.isEmpty { continue }
                guard let pid = subject(r, doc: doc, patientIDs: patientIDs, file: file) else { continue }
                entries.variants = entries.variants.map { var v = $0; v.gene = v.gene.uppercased(); return v }
                if !headers.contains(where: { $0.id == pid }) { headers.append(FHIRPatientHeader(id: pid)) }
                if let i = contributions.firstIndex(where: { $0.key == r.key && $0.patientID == pid }) {
                    if contributions[i].entries != entries { warnings.append("\(file): \(r.path): \(r.key) appears again with other content; the first is kept") }
                } else {
                    contributions.append(FHIRContribution(key: r.key, patientID: pid, entries: entries))
                }
            default:
                unmapped["\(r.type) resources", default: 0] += 1
            }
        }
        for (k, n) in unmapped.sorted(by: { $0.key < $1.key }) { warnings.append("\(file): not mapped (left out): \(k) ×\(n)") }
    }

    // MARK: Patient

    func merged(_ a: FHIRPatientHeader, _ b: FHIRPatientHeader) -> FHIRPatientHeader {
        FHIRPatientHeader(id: a.id, sex: b.sex ?? a.sex, birthDate: b.birthDate ?? a.birthDate, identity: b.identity ?? a.identity, key: b.key ?? a.key)
    }

    mutating func header(_ r: FHIRResource, file: String) -> FHIRPatientHeader? {
        let idents = (r.object["identifier"] as? [Any] ?? []).compactMap { $0 as? [String: Any] }
        var id: String?
        if let sys = options.idSystem {
            id = idents.first { ($0["system"] as? String) == sys }?["value"] as? String
            if id == nil { warnings.append("\(file): \(r.path): no identifier of system \(sys); the first identifier is used") }
        }
        id = id ?? idents.lazy.compactMap { $0["value"] as? String }.first ?? (r.object["id"] as? String)
        guard let pid = id?.trimmingCharacters(in: .whitespaces), !pid.isEmpty else {
            problems.append(InteropProblem(file: file, location: "\(r.path).identifier", message: "Patient without an identifier or id: the case cannot be named"))
            return nil
        }
        var sex: Sex?
        switch r.object["gender"] as? String {
        case "male": sex = .male
        case "female": sex = .female
        case "other": sex = .other
        case "unknown", nil: sex = nil
        case let g?: problems.append(InteropProblem(file: file, location: "\(r.path).gender", message: "unknown gender '\(g)' (male, female, other, unknown)"))
        }
        var birth: LocalDate?
        if let b = r.object["birthDate"] as? String {
            if let d = LocalDate(b) { birth = d } else if b.range(of: #"^\d{4}(-\d{2})?$"#, options: .regularExpression) != nil {
                warnings.append("\(file): \(r.path).birthDate: partial birth date '\(b)' not stored (a full date is needed)")
            } else { problems.append(InteropProblem(file: file, location: "\(r.path).birthDate", message: "'\(b)' is not a date (YYYY-MM-DD)")) }
        }
        // MRN: an identifier of an MRN system or type MR, else the case id (unless that is Caseboard's own case id).
        let mrnIdent = idents.first { i in
            (i["system"] as? String)?.lowercased().contains("mrn") == true || FHIRReader.codes(i["type"]).contains("MR")
        }
        let fromCaseboard = idents.first?["system"] as? String == FHIRWriter.caseIDSystem && options.idSystem == nil
        let mrn = (mrnIdent?["value"] as? String) ?? (fromCaseboard ? nil : pid)
        let name = (r.object["name"] as? [Any])?.first as? [String: Any]
        let family = name?["family"] as? String
        let given = (name?["given"] as? [String])?.joined(separator: " ")
        let identity: Identity? = (mrn == nil && family == nil && given == nil) ? nil : Identity(mrn: mrn, family: family, given: given)
        return FHIRPatientHeader(id: pid, sex: sex, birthDate: birth, identity: identity, key: r.key)
    }

    mutating func subject(_ r: FHIRResource, doc: FHIRDocument, patientIDs: [String: String], file: String) -> String? {
        let ref = ((r.object["subject"] ?? r.object["patient"]) as? [String: Any])?["reference"] as? String
        guard let ref else {
            if let p = options.patient { return p }
            problems.append(InteropProblem(file: file, location: "\(r.path).subject", message: "\(r.type) without a subject: give --patient ID"))
            return nil
        }
        if let id = patientIDs[ref] ?? doc.resolve(ref).flatMap({ patientIDs[$0.key] }) { return id }
        let parts = ref.split(separator: "/")
        if parts.count >= 2, parts[parts.count - 2] == "Patient" {
            let id = String(parts[parts.count - 1])
            if !warnedRefs.contains(id) { warnings.append("\(file): \(r.path).subject: Patient/\(id) is not in the file; the case id is '\(id)'") }
            warnedRefs.insert(id)
            return id
        }
        problems.append(InteropProblem(file: file, location: "\(r.path).subject", message: "reference '\(ref)' is not a Patient of this file"))
        return nil
    }
    var warnedRefs = Set<String>()

    // MARK: helpers

    func refs(_ v: Any?) -> [String] { (v as? [Any] ?? []).compactMap { ($0 as? [String: Any])?["reference"] as? String } }

    /// The first full date of these keys (FHIR dateTime: the date part), or a period's start.
    func date(_ o: [String: Any], _ keys: [String], period: String? = nil) -> LocalDate? {
        for k in keys { if let s = o[k] as? String, let d = LocalDate(String(s.prefix(10))) { return d } }
        if let p = period, let po = o[p] as? [String: Any], let s = po["start"] as? String { return LocalDate(String(s.prefix(10))) }
        return nil
    }

    static func codings(_ v: Any?) -> [[String: Any]] { ((v as? [String: Any])?["coding"] as? [Any] ?? []).compactMap { $0 as? [String: Any] } }
    static func codes(_ v: Any?) -> [String] { codings(v).compactMap { $0["code"] as? String } }
    static func text(_ v: Any?) -> String? {
        guard let cc = v as? [String: Any] else { return nil }
        return (cc["text"] as? String) ?? codings(cc).lazy.compactMap { $0["display"] as? String }.first
    }

    mutating func resultDate(_ r: FHIRResource, _ reportDate: LocalDate?, file: String) -> LocalDate? {
        if let d = date(r.object, ["effectiveDateTime", "issued"], period: "effectivePeriod") ?? reportDate ?? options.date { return d }
        problems.append(InteropProblem(file: file, location: "\(r.path).effectiveDateTime", message: "\(r.type) without a date (effective, issued, or its report's): give --date YYYY-MM-DD"))
        return nil
    }

    // MARK: resources

    mutating func map(_ r: FHIRResource, doc: FHIRDocument, file: String, reportDate: LocalDate?) -> FHIRCaseEntries? {
        var e = FHIRCaseEntries()
        let o = r.object
        if let st = o["status"] as? String, ["entered-in-error", "cancelled", "not-done"].contains(st) {
            warnings.append("\(file): \(r.path): \(r.key) has status \(st); left out"); return e
        }
        switch r.type {
        case "Observation":
            let codes = FHIRReader.codes(o["code"])
            if codes.contains("69548-6") {
                return isCopyNumber(o) ? copyNumber(r, reportDate: reportDate, file: file) : variant(r, reportDate: reportDate, file: file)
            }
            if codes.contains("53041-0") || codes.contains("region-studied") {
                guard let d = resultDate(r, reportDate, file: file) else { return nil }
                let genes = components(o, "48018-6").compactMap(gene)
                let cn = regionCopyNumber(r, file: file)
                guard cn.ok else { return nil }
                if genes.isEmpty { warnings.append("\(file): \(r.path): region studied without genes (48018-6); left out"); return e }
                e.testedGenes = [GenePanel(date: d, assay: ((o["code"] as? [String: Any])?["text"] as? String) ?? "FHIR region studied", genes: genes,
                                           copyNumber: cn.flag)]
                return e
            }
            if let kind = FHIRTables.findingKind(o["code"]) { return finding(r, kind: kind, reportDate: reportDate, file: file) }
            if codes.contains("89247-1") {
                guard let d = resultDate(r, reportDate, file: file) else { return nil }
                var score: Int?
                if let i = o["valueInteger"] as? Int { score = i }
                else if let c = FHIRReader.codes(o["valueCodeableConcept"]).lazy.compactMap({ FHIRTables.ecogAnswers[$0] ?? Int($0) }).first { score = c }
                else if let q = (o["valueQuantity"] as? [String: Any])?["value"] as? NSNumber { score = q.intValue }
                guard let s = score, (0...5).contains(s) else {
                    problems.append(InteropProblem(file: file, location: "\(r.path).value[x]", message: "ECOG (89247-1) without a score 0–5")); return nil
                }
                e.performanceStatus = [PerformanceStatus(date: d, ecog: s)]
                return e
            }
            if let lab = codes.lazy.compactMap({ FHIRTables.labs[$0] }).first {
                guard let d = resultDate(r, reportDate, file: file) else { return nil }
                guard let q = o["valueQuantity"] as? [String: Any], let v = (q["value"] as? NSNumber)?.doubleValue else {
                    problems.append(InteropProblem(file: file, location: "\(r.path).valueQuantity", message: "\(lab.test) without a numeric value")); return nil
                }
                guard let unit = (q["unit"] as? String) ?? (q["code"] as? String) else {
                    problems.append(InteropProblem(file: file, location: "\(r.path).valueQuantity.unit", message: "\(lab.test) \(v) without a unit")); return nil
                }
                e.labs = [LabResult(date: d, test: lab.test, value: v, unit: unit)]
                return e
            }
            if codes.contains("grouper") || !(o["hasMember"] as? [Any] ?? []).isEmpty { return e }
            unmapped["Observation \(codes.first ?? "without code")" + (FHIRReader.text(o["code"]).map { " (\($0))" } ?? ""), default: 0] += 1
            return e
        case "Condition":
            return condition(r, file: file)
        case "MedicationStatement", "MedicationAdministration", "MedicationRequest":
            var name = FHIRReader.text(o["medicationCodeableConcept"])
            if name == nil, let ref = (o["medicationReference"] as? [String: Any])?["reference"] as? String, let m = doc.resolve(ref) {
                name = FHIRReader.text(m.object["code"])
            }
            guard let agent = name?.trimmingCharacters(in: .whitespaces), !agent.isEmpty else {
                problems.append(InteropProblem(file: file, location: "\(r.path).medication[x]", message: "\(r.type) without a medication name")); return nil
            }
            guard let start = date(o, ["effectiveDateTime", "authoredOn", "dateAsserted"], period: "effectivePeriod") ?? options.date else {
                problems.append(InteropProblem(file: file, location: "\(r.path).effective[x]", message: "\(r.type) \(agent) without a date: give --date YYYY-MM-DD")); return nil
            }
            let end = ((o["effectivePeriod"] as? [String: Any])?["end"] as? String).flatMap { LocalDate(String($0.prefix(10))) }
            e.therapies = [Therapy(start: start, end: end, regimen: agent, agents: [agent.lowercased()], intent: .other)]
            unmapped["therapy intent (not in FHIR medication resources; recorded as 'other')", default: 0] += 1
            return e
        case "Procedure":
            let text = ([FHIRReader.text(o["code"])] + FHIRReader.codings(o["code"]).map { $0["display"] as? String }).compactMap { $0 }.joined(separator: " ").lowercased()
            let codes = FHIRReader.codes(o["code"])
            let isHSCT = codes.contains("234336002") || text.contains("stem cell transplant") || text.contains("bone marrow transplant") || text.contains("hsct")
            guard isHSCT else { unmapped["Procedure \(codes.first ?? "")" + (FHIRReader.text(o["code"]).map { " (\($0))" } ?? ""), default: 0] += 1; return e }
            let type: TransplantType? = text.contains("autologous") ? .autologous : (text.contains("allogeneic") || text.contains("allogenic") ? .allogeneic : nil)
            guard let type else { problems.append(InteropProblem(file: file, location: "\(r.path).code", message: "transplant without its type (allogeneic or autologous) in the code's text")); return nil }
            guard let d = date(o, ["performedDateTime"], period: "performedPeriod") ?? options.date else {
                problems.append(InteropProblem(file: file, location: "\(r.path).performed[x]", message: "transplant without a date: give --date YYYY-MM-DD")); return nil
            }
            e.transplants = [Transplant(date: d, type: type)]
            return e
        default:
            return e
        }
    }

    func components(_ o: [String: Any], _ code: String) -> [[String: Any]] {
        (o["component"] as? [Any] ?? []).compactMap { $0 as? [String: Any] }.filter { FHIRReader.codes($0["code"]).contains(code) }
    }

    /// A gene studied component: the HGNC coding's display (the symbol) or a bare symbol code.
    func gene(_ c: [String: Any]) -> String? {
        let cc = c["valueCodeableConcept"]
        for coding in FHIRReader.codings(cc) {
            if let code = coding["code"] as? String, !code.hasPrefix("HGNC:"), !code.isEmpty { return code }
            if let d = coding["display"] as? String, !d.isEmpty { return d }
        }
        return (cc as? [String: Any])?["text"] as? String
    }

    func codedValue(_ c: [String: Any]) -> String? {
        if let s = c["valueString"] as? String { return s }
        return FHIRReader.codes(c["valueCodeableConcept"]).first ?? ((c["valueCodeableConcept"] as? [String: Any])?["text"] as? String)
    }

    mutating func variant(_ r: FHIRResource, reportDate: LocalDate?, file: String) -> FHIRCaseEntries? {
        var e = FHIRCaseEntries()
        let o = r.object
        guard let g = components(o, "48018-6").lazy.compactMap(gene).first else {
            // A variant known only by its coordinates cannot be placed in a case (whose variants are per gene): named, left out.
            let what = (components(o, "81252-9") + components(o, "81290-9")).lazy.compactMap(codedValue).first ?? r.key
            warnings.append("\(file): \(r.path): variant \(what) has no gene studied (48018-6); left out")
            return e
        }
        guard let date = resultDate(r, reportDate, file: file) else { return nil }
        // LA9634-2 "Absent": the gene was tested and this variant is not there.
        if FHIRReader.codes(o["valueCodeableConcept"]).contains("LA9634-2") {
            e.testedGenes = [GenePanel(date: date, assay: "FHIR variant absent", genes: [g])]
            return e
        }
        let transcript = components(o, "51958-7").lazy.compactMap(codedValue).first
        var hgvsc = components(o, "48004-6").lazy.compactMap(codedValue).first
        if let c = hgvsc, let t = transcript, !c.contains(":") { hgvsc = "\(t):\(c)" }
        let hgvsp = components(o, "48005-3").lazy.compactMap(codedValue).first
        let handled: Set<String> = ["48018-6", "51958-7", "48004-6", "48005-3", "81258-6", "48002-0", "functional-annotation", "48006-1"]
        for c in (o["component"] as? [Any] ?? []).compactMap({ $0 as? [String: Any] }) {
            let cc = FHIRReader.codes(c["code"])
            guard let code = cc.first, handled.isDisjoint(with: cc) else { continue }
            let name = FHIRReader.codings(c["code"]).first?["display"] as? String ?? FHIRReader.text(c["code"])
            unmapped["variant component \(code)" + (name.map { " (\($0))" } ?? ""), default: 0] += 1
        }
        var vaf: Double?
        if let q = components(o, "81258-6").first?["valueQuantity"] as? [String: Any], let v = (q["value"] as? NSNumber)?.doubleValue {
            let pct = ((q["code"] as? String) ?? (q["unit"] as? String)) == "%"
            let f = pct ? v / 100 : v
            guard (0...1).contains(f) else {
                problems.append(InteropProblem(file: file, location: "\(r.path).component[81258-6].valueQuantity.value", message: "VAF (a fraction) must be between 0 and 1, found \(v)")); return nil
            }
            vaf = f
        }
        var origin = VariantOrigin.unknown
        for c in components(o, "48002-0").flatMap({ FHIRReader.codings($0["valueCodeableConcept"]) }) {
            switch c["code"] as? String {
            case "LA6684-0": origin = .somatic
            case "LA6683-2": origin = .germline
            default: break
            }
        }
        var consequence: VariantConsequence?
        for c in components(o, "functional-annotation").flatMap({ FHIRReader.codings($0["valueCodeableConcept"]) })
        where c["system"] as? String == FHIRWriter.consequenceSystem {
            consequence = (c["code"] as? String).flatMap(VariantConsequence.init(rawValue:))
        }
        for key in ["functional-annotation", "48006-1"] {
            for c in components(o, key).flatMap({ FHIRReader.codings($0["valueCodeableConcept"]) }) where consequence == nil {
                consequence = FHIRTables.consequence(c["code"] as? String, c["display"] as? String)
            }
        }
        e.variants = [Variant(gene: g, date: date, hgvsc: hgvsc, hgvsp: hgvsp, consequence: consequence, vaf: vaf, origin: origin)]
        return e
    }

    mutating func condition(_ r: FHIRResource, file: String) -> FHIRCaseEntries? {
        var e = FHIRCaseEntries()
        let o = r.object
        if FHIRTables.findingKind(o["code"]) == "thrombosis" { return thrombosisCondition(r, file: file) }
        var category: DiagnosisCategory?
        var icd: String?, onco: String?
        for c in FHIRReader.codings(o["code"]) {
            let sys = (c["system"] as? String ?? "").lowercased()
            guard let code = c["code"] as? String else { continue }
            if sys == FHIRWriter.categorySystem {
                if let c = DiagnosisCategory(rawValue: code) { category = c }
            } else if sys.contains("icd-10") || sys.contains("icd10") {
                icd = code
                category = category ?? FHIRTables.icd10.first { code.uppercased().hasPrefix($0.0) }?.1
            } else if sys.contains("snomed") {
                category = category ?? FHIRTables.snomed[code]
            } else if sys.contains("oncotree") {
                onco = code
                category = category ?? FHIRTables.category(oncotree: code)
            }
        }
        guard let cat = category else {
            unmapped["Condition " + (FHIRReader.codes(o["code"]).first ?? "without code") + (FHIRReader.text(o["code"]).map { " (\($0))" } ?? "") + " (no leukaemia category)", default: 0] += 1
            return e
        }
        guard let d = date(o, ["onsetDateTime", "recordedDate"], period: "onsetPeriod") ?? options.date else {
            problems.append(InteropProblem(file: file, location: "\(r.path).onsetDateTime", message: "Condition without onset or recorded date: give --date YYYY-MM-DD")); return nil
        }
        e.diagnoses = [Diagnosis(date: d, category: cat, icd10: icd, oncotree: onco)]
        return e
    }
}
