import Foundation

/// One resource of a FHIR R4 JSON document with where it sits (for messages) and the keys it can be referred to by.
struct FHIRResource {
    var type: String
    var object: [String: Any]
    /// JSON path of the resource in its file.
    var path: String
    /// `Type/id` when the resource has an id, else the entry's fullUrl (a `urn:uuid:`), else the path.
    var key: String
    var references: [String]
}

/// A FHIR R4 JSON document: a Bundle (collection, transaction, batch, searchset, document), a Parameters, or one
/// resource. The same resource listed twice (same key) is kept once.
public struct FHIRDocument {
    static let bundleTypes: Set<String> = ["collection", "transaction", "batch", "searchset", "document", "transaction-response", "batch-response", "message"]

    var resources: [FHIRResource] = []
    var byReference: [String: Int] = [:]
    var duplicates = 0

    /// Whether the bytes look like FHIR JSON (an object with a `resourceType`), without a full parse.
    /// A file that does not parse is not FHIR here: the caseboard-cases reader then reports its syntax error.
    public static func looksLikeFHIR(_ data: Data) -> Bool {
        do {
            guard let obj = try JSONSerialization.jsonObject(with: data) as? [String: Any] else { return false }
            return obj["resourceType"] is String
        } catch { return false }
    }

    init(data: Data, file: String, problems: inout [InteropProblem]) {
        if file.hasSuffix(".fsh") {
            problems.append(InteropProblem(file: file, location: nil, message: "FHIR Shorthand (FSH) is not read: compile it to FHIR JSON first (e.g. with SUSHI)"))
            return
        }
        let root: Any
        do { root = try JSONSerialization.jsonObject(with: data) } catch {
            problems.append(InteropProblem(file: file, location: nil, message: "invalid JSON: \(JSONLocation.describe(error, data: data))")); return
        }
        guard let obj = root as? [String: Any], let type = obj["resourceType"] as? String else {
            problems.append(InteropProblem(file: file, location: "$.resourceType", message: "not a FHIR resource (no resourceType)")); return
        }
        switch type {
        case "Bundle":
            let bt = obj["type"] as? String
            if let bt, !FHIRDocument.bundleTypes.contains(bt) {
                problems.append(InteropProblem(file: file, location: "$.type", message: "Bundle type '\(bt)' is not read (collection, transaction, batch, searchset, document)"))
            }
            guard let entries = obj["entry"] as? [Any] else {
                if obj["entry"] != nil { problems.append(InteropProblem(file: file, location: "$.entry", message: "expected a list of entries")) }
                return
            }
            for (i, e) in entries.enumerated() {
                guard let eo = e as? [String: Any] else { problems.append(InteropProblem(file: file, location: "$.entry[\(i)]", message: "expected an entry object")); continue }
                guard let r = eo["resource"] else { continue }
                add(r, path: "$.entry[\(i)].resource", fullUrl: eo["fullUrl"] as? String, file: file, problems: &problems)
            }
        case "Parameters":
            for (i, p) in (obj["parameter"] as? [Any] ?? []).enumerated() {
                guard let po = p as? [String: Any] else { continue }
                if let r = po["resource"] { add(r, path: "$.parameter[\(i)].resource", fullUrl: nil, file: file, problems: &problems) }
                for (j, part) in (po["part"] as? [Any] ?? []).enumerated() {
                    if let pr = (part as? [String: Any])?["resource"] {
                        add(pr, path: "$.parameter[\(i)].part[\(j)].resource", fullUrl: nil, file: file, problems: &problems)
                    }
                }
            }
        default:
            add(obj, path: "$", fullUrl: nil, file: file, problems: &problems)
        }
    }

    mutating func add(_ r: Any, path: String, fullUrl: String?, file: String, problems: inout [InteropProblem]) {
        guard let o = r as? [String: Any], let type = o["resourceType"] as? String else {
            problems.append(InteropProblem(file: file, location: "\(path).resourceType", message: "missing (not a FHIR resource)")); return
        }
        let id = o["id"] as? String
        var refs: [String] = []
        if let id { refs.append("\(type)/\(id)") }
        if let u = fullUrl { refs.append(u) }
        let key = id.map { "\(type)/\($0)" } ?? fullUrl ?? "\(file)#\(path)"
        if refs.contains(where: { byReference[$0] != nil }) || byReference[key] != nil {
            duplicates += 1
            return
        }
        resources.append(FHIRResource(type: type, object: o, path: path, key: key, references: refs))
        for x in refs + [key] { byReference[x] = resources.count - 1 }
    }

    /// The resource a `Reference.reference` points to (`Type/id`, a full URL ending in `Type/id`, or a `urn:uuid:`).
    func resolve(_ reference: String) -> FHIRResource? {
        if let i = byReference[reference] { return resources[i] }
        let parts = reference.split(separator: "/")
        if parts.count >= 2, let i = byReference["\(parts[parts.count - 2])/\(parts[parts.count - 1])"] { return resources[i] }
        return nil
    }
}
