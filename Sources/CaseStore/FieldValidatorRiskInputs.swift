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

    /// Percent-valued finding kinds and their range.
    static let percentFindings: Set<String> = ["marrow-cellularity", "residual-haematopoiesis"]

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
            if let wantsNumber = ClinicalFinding.knownKinds[kind] {
                switch (wantsNumber, value) {
                case (true, .flag): v.error("\(p).value", "\(kind) expects a number, found a boolean"); return nil
                case (false, .number): v.error("\(p).value", "\(kind) expects true or false, found a number"); return nil
                default: break
                }
                if case .number(let x) = value {
                    if kind == "marrow-fibrosis-grade" {
                        // EUMNET grading (Thiele et al., Haematologica 2005): MF-0, MF-1, MF-2, MF-3.
                        guard x == x.rounded(), (0...3).contains(x) else {
                            v.error("\(p).value", "marrow-fibrosis-grade is the EUMNET grade MF-0 … MF-3 (an integer 0–3), found \(x)"); return nil
                        }
                    } else if FieldValidator.percentFindings.contains(kind) {
                        guard v.range(x, "\(p).value", 0, 100, "\(kind) (%)") != nil else { return nil }
                    } else {
                        guard v.nonNegative(x, "\(p).value", kind) != nil else { return nil }
                    }
                }
            } else {
                v.warn("\(p).kind", "finding kind \"\(kind)\" is not one formats.md lists (\(ClinicalFinding.knownKinds.keys.sorted().joined(separator: ", "))); kept as written")
            }
            return ClinicalFinding(date: date, kind: kind, value: value)
        }
    }
}
