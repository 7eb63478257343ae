import CaseModel
import Foundation

/// Writes cases as one FHIR R4 `collection` Bundle with the codes and profiles the reader maps (README, FHIR
/// table), so import → export → import keeps every mapped field. Caseboard's own values that no standard code
/// carries exactly (the diagnosis category, the consequence class, the finding kind, the copy-number call) travel as
/// an extra coding of a `urn:caseboard:` system beside the standard ones (findings and copy number: FHIRRiskInputs).
public enum FHIRWriter {
    public static let caseIDSystem = "urn:caseboard:case-id"
    public static let mrnSystem = "urn:caseboard:mrn"
    public static let categorySystem = "urn:caseboard:diagnosis-category"
    public static let consequenceSystem = "urn:caseboard:variant-consequence"
    static let variantProfile = "http://hl7.org/fhir/uv/genomics-reporting/StructureDefinition/variant"
    static let regionProfile = "http://hl7.org/fhir/uv/genomics-reporting/StructureDefinition/region-studied"

    /// SO codes of the consequences that have one.
    static let soCodes: [VariantConsequence: (String, String)] = [
        .missense: ("SO:0001583", "missense_variant"), .nonsense: ("SO:0001587", "stop_gained"), .frameshift: ("SO:0001589", "frameshift_variant"),
        .inframeInsertion: ("SO:0001821", "inframe_insertion"), .inframeDeletion: ("SO:0001822", "inframe_deletion"),
        .splice: ("SO:0001629", "splice_site_variant"),
    ]

    public struct Output: Sendable {
        public var data: Data
        /// Data not written (no FHIR mapping), named.
        public var warnings: [String]
    }

    public static func bundle(_ patients: [Patient]) throws -> Output {
        var entries: [[String: Any]] = []
        var warnings: [String] = []
        for p in patients {
            let pid = resourceID(p.id)
            let subject: [String: Any] = ["reference": "Patient/\(pid)"]
            func add(_ r: [String: Any]) {
                guard let type = r["resourceType"] as? String, let id = r["id"] as? String else { return }
                entries.append(["fullUrl": "urn:caseboard:\(type)/\(id)", "resource": r])
            }
            var patient: [String: Any] = ["resourceType": "Patient", "id": pid,
                                          "identifier": [["system": caseIDSystem, "value": p.id]] + (p.identity?.mrn.map { [["system": mrnSystem, "value": $0]] } ?? [])]
            switch p.sex {
            case .male: patient["gender"] = "male"
            case .female: patient["gender"] = "female"
            case .other: patient["gender"] = "other"
            case .unknown: patient["gender"] = "unknown"
            }
            if let b = p.birthDate { patient["birthDate"] = b.description }
            if let i = p.identity, i.family != nil || i.given != nil {
                var n: [String: Any] = [:]
                if let f = i.family { n["family"] = f }
                if let g = i.given { n["given"] = [g] }
                patient["name"] = [n]
            }
            add(patient)
            for (i, d) in p.diagnoses.enumerated() {
                var codings: [[String: Any]] = [["system": categorySystem, "code": d.category.rawValue]]
                if let icd = d.icd10 { codings.append(["system": "http://hl7.org/fhir/sid/icd-10", "code": icd]) }
                if let o = d.oncotree { codings.append(["system": "http://oncotree.mskcc.org", "code": o]) }
                add(["resourceType": "Condition", "id": "\(pid)-dx-\(i)", "subject": subject, "onsetDateTime": d.date.description,
                     "code": ["coding": codings, "text": d.who2022 ?? d.category.rawValue]])
            }
            for (i, v) in p.variants.enumerated() {
                var comps: [[String: Any]] = [component("48018-6", "Gene studied [ID]", concept("http://www.genenames.org/geneId", v.gene))]
                if let c = v.hgvsc {
                    if let colon = c.firstIndex(of: ":") {
                        comps.append(component("51958-7", "Transcript reference sequence [ID]", concept("http://www.ncbi.nlm.nih.gov/refseq", String(c[..<colon]))))
                        comps.append(component("48004-6", "DNA change (c.HGVS)", concept("http://varnomen.hgvs.org", String(c[c.index(after: colon)...]))))
                    } else { comps.append(component("48004-6", "DNA change (c.HGVS)", concept("http://varnomen.hgvs.org", c))) }
                }
                if let pr = v.hgvsp { comps.append(component("48005-3", "Amino acid change (pHGVS)", concept("http://varnomen.hgvs.org", pr))) }
                if let f = v.vaf {
                    var c = component("81258-6", "Sample variant allelic frequency [NFr]", nil)
                    c["valueQuantity"] = ["value": f, "system": "http://unitsofmeasure.org", "code": "1"]
                    comps.append(c)
                }
                switch v.origin {
                case .somatic: comps.append(component("48002-0", "Genomic source class [Type]", concept(FHIRTables.loinc, "LA6684-0", "Somatic")))
                case .germline: comps.append(component("48002-0", "Genomic source class [Type]", concept(FHIRTables.loinc, "LA6683-2", "Germline")))
                case .unknown: break
                }
                if let q = v.consequence {
                    var coding: [[String: Any]] = [["system": consequenceSystem, "code": q.rawValue]]
                    if let so = soCodes[q] { coding.append(["system": "http://www.sequenceontology.org", "code": so.0, "display": so.1]) }
                    var c: [String: Any] = ["code": ["coding": [["code": "functional-annotation"]]]]
                    c["valueCodeableConcept"] = ["coding": coding]
                    comps.append(c)
                }
                if v.tissue != nil || v.classification != nil || v.domain != nil { warnings.append("\(p.id): variant \(v.gene): tissue, classification and domain are not written") }
                add(["resourceType": "Observation", "id": "\(pid)-var-\(i)", "status": "final", "meta": ["profile": [variantProfile]],
                     "category": [["coding": [["system": "http://terminology.hl7.org/CodeSystem/observation-category", "code": "laboratory"]]]],
                     "code": ["coding": [["system": FHIRTables.loinc, "code": "69548-6", "display": "Genetic variant assessment"]]],
                     "subject": subject, "effectiveDateTime": v.date.description,
                     "valueCodeableConcept": concept(FHIRTables.loinc, "LA9633-4", "Present"), "component": comps])
            }
            for (i, g) in p.testedGenes.enumerated() {
                add(["resourceType": "Observation", "id": "\(pid)-panel-\(i)", "status": "final", "meta": ["profile": [regionProfile]],
                     "code": ["coding": [["system": FHIRTables.loinc, "code": "53041-0", "display": "DNA region of interest panel"]], "text": g.assay],
                     "subject": subject, "effectiveDateTime": g.date.description,
                     "component": g.genes.map { component("48018-6", "Gene studied [ID]", concept("http://www.genenames.org/geneId", $0)) }
                        + (g.copyNumber.map { [regionCopyNumberComponent($0)] } ?? [])])
                if g.tissue != nil { warnings.append("\(p.id): gene panel \(g.assay): tissue is not written") }
            }
            for (i, c) in p.copyNumber.enumerated() { add(copyNumberResource(c, id: "\(pid)-cnv-\(i)", subject: subject)) }
            for (i, f) in p.findings.enumerated() { add(findingResource(f, id: "\(pid)-finding-\(i)", subject: subject)) }
            for (i, l) in p.labs.enumerated() {
                guard let code = labCode(l.test) else { warnings.append("\(p.id): lab \(l.test) has no LOINC code in the table; not written"); continue }
                add(["resourceType": "Observation", "id": "\(pid)-lab-\(i)", "status": "final",
                     "category": [["coding": [["system": "http://terminology.hl7.org/CodeSystem/observation-category", "code": "laboratory"]]]],
                     "code": ["coding": [["system": FHIRTables.loinc, "code": code]], "text": l.test], "subject": subject,
                     "effectiveDateTime": l.date.description, "valueQuantity": ["value": l.value, "unit": l.unit]])
            }
            for (i, e) in p.performanceStatus.enumerated() {
                add(["resourceType": "Observation", "id": "\(pid)-ecog-\(i)", "status": "final",
                     "code": ["coding": [["system": FHIRTables.loinc, "code": "89247-1", "display": "ECOG Performance Status score"]]],
                     "subject": subject, "effectiveDateTime": e.date.description, "valueInteger": e.ecog])
            }
            for (i, t) in p.therapies.enumerated() {
                for (j, a) in t.agents.enumerated() {
                    var period: [String: Any] = ["start": t.start.description]
                    if let e = t.end { period["end"] = e.description }
                    add(["resourceType": "MedicationStatement", "id": "\(pid)-rx-\(i)-\(j)", "status": t.end == nil ? "active" : "completed",
                         "subject": subject, "medicationCodeableConcept": ["text": a], "effectivePeriod": period])
                }
            }
            for (i, t) in p.transplants.enumerated() {
                let text = t.type == .allogeneic ? "Allogeneic haematopoietic stem cell transplant" : "Autologous haematopoietic stem cell transplant"
                add(["resourceType": "Procedure", "id": "\(pid)-hsct-\(i)", "status": "completed", "subject": subject,
                     "code": ["coding": [["system": "http://snomed.info/sct", "code": "234336002", "display": "Hemopoietic stem cell transplant"]], "text": text],
                     "performedDateTime": t.date.description])
            }
            let left = [("karyotypes", p.karyotypes.count), ("fusions", p.fusions.count), ("MRD results", p.mrd.count),
                        ("disease statuses", p.diseaseStatus.count), ("family history", p.familyHistory.count), ("follow-ups", p.followUps.count),
                        ("clinical features", p.clinicalFeatures.count), ("comorbidities", p.comorbidities.count)].filter { $0.1 > 0 }
            if !left.isEmpty { warnings.append("\(p.id): not written (no FHIR mapping here): " + left.map { "\($0.0) ×\($0.1)" }.joined(separator: ", ")) }
        }
        let bundle: [String: Any] = ["resourceType": "Bundle", "type": "collection", "entry": entries]
        let data = try JSONSerialization.data(withJSONObject: bundle, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])
        return Output(data: data + Data("\n".utf8), warnings: warnings)
    }

    /// A FHIR id ([A-Za-z0-9-.]{1,64}) for a case id.
    static func resourceID(_ s: String) -> String {
        String(String(s.map { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == ".") ? $0 : "-" }).prefix(48))
    }

    static func labCode(_ test: String) -> String? {
        let preferred = ["ANC": "751-8", "WBC": "6690-2", "platelets": "777-3", "hemoglobin": "718-7", "creatinine": "2160-0",
                         "bilirubin": "1975-2", "ALT": "1742-6", "AST": "1920-8", "PB-blasts": "709-6", "BM-blasts": "11150-0"]
        return preferred[test]
    }

    static func concept(_ system: String, _ code: String, _ display: String? = nil) -> [String: Any] {
        var c: [String: Any] = ["system": system, "code": code]
        if let d = display { c["display"] = d }
        return ["coding": [c]]
    }

    static func component(_ code: String, _ display: String, _ value: [String: Any]?) -> [String: Any] {
        var c: [String: Any] = ["code": ["coding": [["system": FHIRTables.loinc, "code": code, "display": display]]]]
        if let v = value { c["valueCodeableConcept"] = v }
        return c
    }
}
