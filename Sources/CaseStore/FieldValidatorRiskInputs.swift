import CaseModel
import Foundation

/// Validation of the risk-score inputs of a patient (formats.md §1 `copyNumber`, `findings`).
extension FieldValidator {
    mutating func copyNumberFindings(_ o: [String: Any], _ path: String) -> [CopyNumberFinding] {
        objects(o, "copyNumber", path, allowed: ["date", "gene", "call", "detail", "method"]) { v, d, p in
            let date = v.date(d, "date", p, required: true)
            let gene = v.string(d, "gene", p, required: true)
            let call: CopyNumberFinding.Call? = v.enumValue(d, "call", p, required: true)
            let detail = v.string(d, "detail", p)
            let method = v.string(d, "method", p)
            guard let date, let gene, let call else { return nil }
            return CopyNumberFinding(date: date, gene: gene, call: call, detail: detail, method: method)
        }
    }

    mutating func clinicalFindings(_ o: [String: Any], _ path: String) -> [ClinicalFinding] {
        objects(o, "findings", path, allowed: ["date", "kind", "value"]) { v, d, p in
            let date = v.date(d, "date", p, required: true)
            let kind = v.string(d, "kind", p, required: true)
            guard let raw = v.value(d, "value", p, required: true) else { return nil }
            guard let n = raw as? NSNumber else {
                v.error("\(p).value", "expected a number or true/false, found \(FieldValidator.kind(raw))"); return nil
            }
            let value: ClinicalFinding.Value = FieldValidator.isBool(n) ? .flag(n.boolValue) : .number(n.doubleValue)
            guard let date, let kind else { return nil }
            if let why = RiskInputRules.valueProblem(kind: kind, value: value) { v.error("\(p).value", why); return nil }
            if ClinicalFinding.knownKinds[kind] == nil { v.warn("\(p).kind", RiskInputRules.unknownKindWarning(kind)) }
            return ClinicalFinding(date: date, kind: kind, value: value)
        }
    }
}
