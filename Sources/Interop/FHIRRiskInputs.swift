import CaseModel
import CaseStore
import Foundation

/// The risk-score inputs in FHIR (README, FHIR table): dated findings as Observations (a standard code where one
/// exists, else a `urn:caseboard:finding-kind` coding), copy-number findings as Genomics Reporting `variant`
/// Observations (DNA change type 48019-4 = SO copy_number_loss / copy_number_gain, allelic state 53034-5, copy number
/// 82155-3), and the copy-number flag of a region studied. Values are checked by `RiskInputRules`, the same rules as
/// the case-file reader.
extension FHIRReader {
    // MARK: findings

    /// A finding Observation of `kind` (a known kind or a caseboard-coded other kind).
    mutating func finding(_ r: FHIRResource, kind: String, reportDate: LocalDate?, file: String) -> FHIRCaseEntries? {
        var e = FHIRCaseEntries()
        let o = r.object
        guard let date = resultDate(r, reportDate, file: file) else { return nil }
        func problem(_ at: String, _ message: String) -> FHIRCaseEntries? {
            problems.append(InteropProblem(file: file, location: "\(r.path).\(at)", message: message)); return nil
        }
        let value: ClinicalFinding.Value
        if let raw = o["valueBoolean"] {
            guard let n = raw as? NSNumber, JSONScalar.isBool(n) else { return problem("valueBoolean", "\(kind): expected true or false") }
            value = .flag(n.boolValue)
        } else if let raw = o["valueInteger"] {
            guard let n = raw as? NSNumber, !JSONScalar.isBool(n) else { return problem("valueInteger", "\(kind): expected a whole number") }
            value = .number(n.doubleValue)
        } else if let q = o["valueQuantity"] as? [String: Any] {
            guard let n = q["value"] as? NSNumber, !JSONScalar.isBool(n) else { return problem("valueQuantity.value", "\(kind) without a numeric value") }
            var x = n.doubleValue
            let unit = (q["code"] as? String) ?? (q["unit"] as? String)
            if let want = FHIRTables.findingUnit(kind) {
                switch (want, unit) {
                case ("cm", "cm"), ("%", "%"): break
                case ("cm", "mm"): x /= 10
                case (_, nil): return problem("valueQuantity.unit", "\(kind) \(JSONScalar.describe(x)) without a unit (\(want))")
                case (_, let u?): return problem("valueQuantity.unit", "\(kind) in '\(u)' is not read (\(want == "cm" ? "cm or mm" : "%"))")
                }
            }
            value = .number(x)
        } else if let cc = o["valueCodeableConcept"] {
            let codes = FHIRReader.codes(cc)
            if codes.contains("LA9633-4") { value = .flag(true) }
            else if codes.contains("LA9634-2") { value = .flag(false) }
            else if kind == "marrow-fibrosis-grade", let g = (codes + [FHIRReader.text(cc)].compactMap { $0 }).lazy.compactMap(FHIRReader.fibrosisGrade).first {
                value = .number(Double(g))
            } else {
                return problem("valueCodeableConcept", "\(kind): value \(codes.first ?? FHIRReader.text(cc) ?? "without a code") is not read (Present LA9633-4, Absent LA9634-2\(kind == "marrow-fibrosis-grade" ? ", MF-0 … MF-3" : ""))")
            }
        } else if kind == "marrow-fibrosis-grade", let s = o["valueString"] as? String, let g = FHIRReader.fibrosisGrade(s) {
            value = .number(Double(g))
        } else {
            return problem("value[x]", "\(kind) without a value (valueQuantity, valueInteger, valueBoolean or valueCodeableConcept)")
        }
        if let why = RiskInputRules.valueProblem(kind: kind, value: value) { return problem("value[x]", why) }
        if ClinicalFinding.knownKinds[kind] == nil { warnings.append("\(file): \(r.path).code: \(RiskInputRules.unknownKindWarning(kind))") }
        e.findings = [ClinicalFinding(date: date, kind: kind, value: value)]
        return e
    }

    /// `MF-2`, `MF2`, `2` → 2 (nil for anything else).
    static func fibrosisGrade(_ s: String) -> Int? {
        var t = s.trimmingCharacters(in: .whitespaces).uppercased()
        if t.hasPrefix("MF") { t.removeFirst(2); if t.hasPrefix("-") { t.removeFirst() } }
        guard t.count == 1, let g = Int(t) else { return nil }
        return g
    }

    /// A Condition coded as thrombosis (SNOMED 439127006): an event on its onset date; `verificationStatus` refuted:
    /// no thrombosis, as reviewed on its recorded date.
    mutating func thrombosisCondition(_ r: FHIRResource, file: String) -> FHIRCaseEntries? {
        var e = FHIRCaseEntries()
        let o = r.object
        let verification = FHIRReader.codes(o["verificationStatus"])
        if verification.contains("entered-in-error") { warnings.append("\(file): \(r.path): \(r.key) has verificationStatus entered-in-error; left out"); return e }
        let refuted = verification.contains("refuted")
        let date = refuted ? date(o, ["recordedDate", "onsetDateTime"], period: "onsetPeriod") : date(o, ["onsetDateTime"], period: "onsetPeriod")
        guard let d = date ?? options.date else {
            problems.append(InteropProblem(file: file, location: "\(r.path).\(refuted ? "recordedDate" : "onsetDateTime")",
                                           message: refuted ? "refuted thrombosis without a recorded date: give --date YYYY-MM-DD" : "thrombosis without an onset date: give --date YYYY-MM-DD"))
            return nil
        }
        e.findings = [ClinicalFinding(date: d, kind: "thrombosis", value: .flag(!refuted))]
        return e
    }

    // MARK: copy number

    /// Whether a variant Observation is a copy-number finding (its DNA change type 48019-4 is SO copy number or a
    /// caseboard call).
    func isCopyNumber(_ o: [String: Any]) -> Bool {
        components(o, "48019-4").flatMap { FHIRReader.codings($0["valueCodeableConcept"]) }.contains { c in
            let code = c["code"] as? String
            return c["system"] as? String == FHIRTables.copyNumberCallSystem
                || [FHIRTables.soCopyNumberLoss.0, FHIRTables.soCopyNumberGain.0, FHIRTables.soCopyNumberVariation.0].contains(code)
        }
    }

    mutating func copyNumber(_ r: FHIRResource, reportDate: LocalDate?, file: String) -> FHIRCaseEntries? {
        var e = FHIRCaseEntries()
        let o = r.object
        guard let g = components(o, "48018-6").lazy.compactMap(gene).first?.uppercased() else {
            warnings.append("\(file): \(r.path): copy-number variant \(r.key) has no gene studied (48018-6); left out"); return e
        }
        guard let date = resultDate(r, reportDate, file: file) else { return nil }
        let method = FHIRReader.text(o["method"])
        // LA9634-2 "Absent": the gene was tested for copy number and has no change.
        if FHIRReader.codes(o["valueCodeableConcept"]).contains("LA9634-2") {
            e.testedGenes = [GenePanel(date: date, assay: method ?? "FHIR copy number absent", genes: [g], copyNumber: true)]
            return e
        }
        let types = components(o, "48019-4").flatMap { FHIRReader.codings($0["valueCodeableConcept"]) }
        let copies = (components(o, "82155-3").first?["valueQuantity"] as? [String: Any])?["value"] as? NSNumber
        let homozygous = FHIRReader.codes(components(o, "53034-5").first?["valueCodeableConcept"]).contains("LA6705-3") || copies?.doubleValue == 0
        var call: CopyNumberFinding.Call?
        if let own = types.first(where: { $0["system"] as? String == FHIRTables.copyNumberCallSystem })?["code"] as? String {
            guard let c = CopyNumberFinding.Call(rawValue: own) else {
                problems.append(InteropProblem(file: file, location: "\(r.path).component[48019-4].valueCodeableConcept",
                                               message: "copy-number call '\(own)' is not one of \(CopyNumberFinding.Call.allCases.map(\.rawValue).joined(separator: ", "))"))
                return nil
            }
            call = c
        } else {
            let codes = types.compactMap { $0["code"] as? String }
            if codes.contains(FHIRTables.soCopyNumberLoss.0) { call = homozygous ? .homozygousDeletion : .deletion }
            else if codes.contains(FHIRTables.soCopyNumberGain.0) { call = .gain }
            else if copies?.doubleValue == 0 { call = .homozygousDeletion }
        }
        guard let call else {
            warnings.append("\(file): \(r.path): copy-number variant of \(g) is neither a loss (SO:0001743) nor a gain (SO:0001742); left out")
            return e
        }
        let handled: Set<String> = ["48018-6", "48019-4", "53034-5", "82155-3"]
        for c in (o["component"] as? [Any] ?? []).compactMap({ $0 as? [String: Any] }) {
            let cc = FHIRReader.codes(c["code"])
            guard let code = cc.first, handled.isDisjoint(with: cc) else { continue }
            let name = FHIRReader.codings(c["code"]).first?["display"] as? String ?? FHIRReader.text(c["code"])
            unmapped["copy-number component \(code)" + (name.map { " (\($0))" } ?? ""), default: 0] += 1
        }
        let notes = (o["note"] as? [Any] ?? []).compactMap { ($0 as? [String: Any])?["text"] as? String }.filter { !$0.isEmpty }
        e.copyNumber = [CopyNumberFinding(date: date, gene: g, call: call, detail: notes.isEmpty ? nil : notes.joined(separator: "; "), method: method)]
        return e
    }

    /// The copy-number flag of a region studied: a `urn:caseboard:region-studied#copy-number` component's boolean.
    mutating func regionCopyNumber(_ r: FHIRResource, file: String) -> (ok: Bool, flag: Bool?) {
        let cs = (r.object["component"] as? [Any] ?? []).compactMap { $0 as? [String: Any] }.filter { c in
            FHIRReader.codings(c["code"]).contains { $0["system"] as? String == FHIRTables.regionStudiedSystem && $0["code"] as? String == "copy-number" }
        }
        guard let c = cs.first else { return (true, nil) }
        guard let n = c["valueBoolean"] as? NSNumber, JSONScalar.isBool(n) else {
            problems.append(InteropProblem(file: file, location: "\(r.path).component[copy-number].valueBoolean", message: "the copy-number flag of a region studied must be true or false"))
            return (false, nil)
        }
        return (true, n.boolValue)
    }
}

extension FHIRWriter {
    static let observationCategory = "http://terminology.hl7.org/CodeSystem/observation-category"

    /// One finding as an Observation: the standard code where one exists, always the `urn:caseboard:finding-kind` coding.
    static func findingResource(_ f: ClinicalFinding, id: String, subject: [String: Any]) -> [String: Any] {
        var codings: [[String: Any]] = []
        if let std = FHIRTables.findingCodes[f.kind] { codings.append(["system": std.system, "code": std.code, "display": std.display]) }
        codings.append(["system": FHIRTables.findingKindSystem, "code": f.kind])
        var r: [String: Any] = ["resourceType": "Observation", "id": id, "status": "final", "subject": subject,
                                "effectiveDateTime": f.date.description,
                                "code": ["coding": codings, "text": FHIRTables.findingText[f.kind] ?? f.kind]]
        let category = f.kind == "spleen-cm" ? "exam" : (f.kind.hasPrefix("marrow-") || f.kind == "residual-haematopoiesis" ? "laboratory" : nil)
        if let c = category { r["category"] = [["coding": [["system": observationCategory, "code": c]]]] }
        switch f.value {
        case .flag(let b): r["valueBoolean"] = b
        case .number(let x):
            if f.kind == "marrow-fibrosis-grade", x == x.rounded(), abs(x) < 1e9 { r["valueInteger"] = Int(x) }
            else if let u = FHIRTables.findingUnit(f.kind) { r["valueQuantity"] = ["value": x, "unit": u, "system": FHIRTables.ucum, "code": u] }
            else { r["valueQuantity"] = ["value": x] }
        }
        return r
    }

    /// One copy-number finding as a Genomics Reporting `variant` Observation.
    static func copyNumberResource(_ c: CopyNumberFinding, id: String, subject: [String: Any]) -> [String: Any] {
        let so = c.call.isLoss ? FHIRTables.soCopyNumberLoss : FHIRTables.soCopyNumberGain
        var comps: [[String: Any]] = [
            component("48018-6", "Gene studied [ID]", concept("http://www.genenames.org/geneId", c.gene)),
            component("48019-4", "DNA change type", ["coding": [["system": FHIRTables.sequenceOntology, "code": so.0, "display": so.1],
                                                                  ["system": FHIRTables.copyNumberCallSystem, "code": c.call.rawValue]]]),
        ]
        if c.call == .homozygousDeletion {
            comps.append(component("53034-5", "Allelic state", concept(FHIRTables.loinc, "LA6705-3", "Homozygous")))
            var n = component("82155-3", "Genomic structural variant copy number", nil)
            n["valueQuantity"] = ["value": 0, "system": FHIRTables.ucum, "code": "1"]
            comps.append(n)
        }
        var r: [String: Any] = ["resourceType": "Observation", "id": id, "status": "final", "meta": ["profile": [variantProfile]],
                                "category": [["coding": [["system": observationCategory, "code": "laboratory"]]]],
                                "code": ["coding": [["system": FHIRTables.loinc, "code": "69548-6", "display": "Genetic variant assessment"]]],
                                "subject": subject, "effectiveDateTime": c.date.description,
                                "valueCodeableConcept": concept(FHIRTables.loinc, "LA9633-4", "Present"), "component": comps]
        if let m = c.method { r["method"] = ["text": m] }
        if let d = c.detail { r["note"] = [["text": d]] }
        return r
    }

    /// The copy-number flag of a gene panel as a region-studied component.
    static func regionCopyNumberComponent(_ flag: Bool) -> [String: Any] {
        ["code": ["coding": [["system": FHIRTables.regionStudiedSystem, "code": "copy-number", "display": "Copy number called for the genes studied"]]],
         "valueBoolean": flag]
    }
}
