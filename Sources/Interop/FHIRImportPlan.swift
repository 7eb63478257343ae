import CaseModel
import CaseStore
import Foundation

/// What a FHIR import does to the database: the merged cases to write, the resource contributions to record, and
/// per case the added / replaced / unchanged entries per kind (what `--dry-run` prints). A resource of a case already
/// in the database adds to it; the same resource (same key) imported before has its earlier entries replaced; data
/// the files do not carry is never removed.
public struct FHIRImportPlan: Sendable {
    public struct Counts: Sendable, Equatable { public var added = 0, replaced = 0, unchanged = 0 }
    public struct Change: Sendable, Equatable {
        public var patientID: String
        public var isNew: Bool
        /// Kind (`variants`, `labs`, `patient` …) → counts.
        public var counts: [String: Counts]
        public var changesSomething: Bool { isNew || counts.values.contains { $0.added > 0 || $0.replaced > 0 } }
    }

    public var patients: [Patient] = []
    public var resources: [ImportedResource] = []
    public var changes: [Change] = []

    /// Builds the plan from a reader with no problems, against the database (nil: an empty database).
    public static func make(_ reader: FHIRReader, database: AppDatabase?) throws -> FHIRImportPlan {
        try make(headers: reader.headers, contributions: reader.contributions, database: database)
    }

    /// The same for any importer's contributions (a VCF's variants and panel, keyed by sample and date).
    public static func make(headers: [FHIRPatientHeader], contributions: [FHIRContribution], database: AppDatabase?) throws -> FHIRImportPlan {
        var plan = FHIRImportPlan()
        let ids = headers.map(\.id)
        let existingIDs = Set(try database?.patientIDs() ?? [])
        let stored = try database?.importedResources(patientIds: ids.filter(existingIDs.contains)) ?? [:]
        let decoder = JSONDecoder()
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        for h in headers {
            let existing: Patient? = existingIDs.contains(h.id) ? try database?.patient(id: h.id) : nil
            var p = existing ?? Patient(id: h.id, identity: h.identity, sex: h.sex ?? .unknown, birthDate: h.birthDate, diagnoses: [])
            var counts: [String: Counts] = [:]
            if let e = existing {
                var changed = false
                if let s = h.sex, s != e.sex { p.sex = s; changed = true }
                if let b = h.birthDate, b != e.birthDate { p.birthDate = b; changed = true }
                if let i = h.identity, e.identity == nil || (i.family != nil && i != e.identity) { p.identity = i; changed = true }
                if h.key != nil { counts["patient"] = changed ? Counts(replaced: 1) : Counts(unchanged: 1) }
            } else if h.key != nil {
                counts["patient"] = Counts(added: 1)
            }
            for c in contributions where c.patientID == h.id {
                let json = String(decoding: try encoder.encode(c.entries), as: UTF8.self)
                if let oldText = stored[h.id]?[c.key] {
                    let old: FHIRCaseEntries
                    do { old = try decoder.decode(FHIRCaseEntries.self, from: Data(oldText.utf8)) } catch {
                        throw InteropFailure([InteropProblem(file: "database", location: "importedResource \(h.id) \(c.key)", message: "cannot read the stored entries: \(error)")])
                    }
                    if old == c.entries {
                        for k in c.entries.kinds { counts[k, default: Counts()].unchanged += count(c.entries, k) }
                        continue
                    }
                    old.remove(from: &p)
                    for k in c.entries.kinds { counts[k, default: Counts()].replaced += count(c.entries, k) }
                } else {
                    for k in c.entries.kinds { counts[k, default: Counts()].added += count(c.entries, k) }
                }
                c.entries.add(to: &p)
                plan.resources.append(ImportedResource(patientId: h.id, key: c.key, entries: json))
            }
            p.diagnoses.sort { $0.date < $1.date }
            let change = Change(patientID: h.id, isNew: existing == nil, counts: counts)
            plan.changes.append(change)
            if change.changesSomething { plan.patients.append(p) }
        }
        return plan
    }

    static func count(_ e: FHIRCaseEntries, _ kind: String) -> Int {
        switch kind {
        case "diagnoses": return e.diagnoses.count
        case "variants": return e.variants.count
        case "testedGenes": return e.testedGenes.count
        case "labs": return e.labs.count
        case "performanceStatus": return e.performanceStatus.count
        case "therapies": return e.therapies.count
        case "transplants": return e.transplants.count
        case "copyNumber": return e.copyNumber.count
        case "findings": return e.findings.count
        default: return 0
        }
    }

    /// `patient 11111 (new): variants +12` style lines, one per case.
    public var summaryLines: [String] {
        changes.map { c in
            let parts = c.counts.sorted { $0.key < $1.key }.map { k, n in
                "\(k) \(n.added) added, \(n.replaced) replaced, \(n.unchanged) unchanged"
            }
            return "patient \(c.patientID)\(c.isNew ? " (new)" : ""): " + (parts.isEmpty ? "nothing" : parts.joined(separator: "; "))
        }
    }
}
