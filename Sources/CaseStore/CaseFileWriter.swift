import CaseModel
import Foundation
import GRDB

/// Writes `caseboard-cases` v1: patients ordered by id, pretty-printed, keys sorted (deterministic).
///
/// The bytes are exactly those of `JSONEncoder` with `[.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]` on
/// `CaseFile` plus a final newline (the format of every export so far; `CaseFileWriterTests` compares the two), but
/// written by hand, one patient at a time, so that an export streams: `AppDatabase.writeCaseFile` loads the
/// patients in batches and hands each batch's bytes to its sink instead of building one document (issue #16).
public enum CaseFileWriter {
    public static func data(_ patients: [Patient]) throws -> Data {
        var w = CaseJSONWriter()
        w.header()
        for p in patients.sorted(by: { $0.id < $1.id }) { w.patient(p) }
        w.footer(empty: patients.isEmpty)
        return Data(w.out)
    }
}

extension AppDatabase {
    /// Streams every patient (or those of `patientIDs`, which must exist) as one `caseboard-cases` v1 document, the
    /// same bytes as `CaseFileWriter.data(patients())`: ids sorted, then loaded `batchSize` at a time inside one read
    /// transaction (one snapshot), each batch's JSON handed to `sink` as it is made. Memory stays that of a batch.
    /// Throws `StoreError.unknownPatient` for an id of `patientIDs` the database does not hold (before any output).
    public func writeCaseFile(patientIDs: [String]? = nil, batchSize: Int = 500, to sink: (Data) throws -> Void) throws {
        try read { db in
            var ids = try String.fetchAll(db, sql: "SELECT id FROM patient")
            if let wanted = patientIDs {
                let known = Set(ids)
                if let missing = wanted.first(where: { !known.contains($0) }) { throw StoreError.unknownPatient(id: missing) }
                let keep = Set(wanted)
                ids = ids.filter { keep.contains($0) }
            }
            ids.sort(by: <)
            var w = CaseJSONWriter()
            w.header()
            var start = 0
            while start < ids.count {
                let chunk = Array(ids[start..<min(start + batchSize, ids.count)])
                let marks = Array(repeating: "?", count: chunk.count).joined(separator: ",")
                let batch = try PatientColumnLoad.load(db, whereClause: "WHERE p.id IN (\(marks))",
                                                       arguments: StatementArguments(chunk))
                for p in batch.sorted(by: { $0.id < $1.id }) { w.patient(p) }
                try sink(Data(w.out))
                w.out.removeAll(keepingCapacity: true)
                start += batchSize
            }
            w.footer(empty: ids.isEmpty)
            try sink(Data(w.out))
        }
    }
}

/// The pretty printer of `CaseFileWriter`: two spaces per level, `"key" : value`, members in sorted key order
/// (written in that order below), an empty container as `[`, an empty line, `]`, nil optionals left out.
struct CaseJSONWriter {
    var out: [UInt8] = []
    /// Per open container: whether a member was written.
    private var hasMember: [Bool] = []

    init() { out.reserveCapacity(1 << 16) }

    mutating func header() {
        raw("{\n  \"format\" : \"caseboard-cases\",\n  \"patients\" : [")
        hasMember = [true, false]
    }

    mutating func patient(_ p: Patient) {
        next()
        object { w in
            w.member("birthDate") { w in if let b = p.birthDate { w.date(b) } else { w.raw("null") } }
            w.list("clinicalFeatures", p.clinicalFeatures) { $0.string($1) }
            w.list("comorbidities", p.comorbidities) { $0.string($1) }
            w.optional("comorbiditiesReviewed", p.comorbiditiesReviewed) { $0.date($1) }
            w.list("copyNumber", p.copyNumber) { w, c in
                w.object { w in
                    w.member("call") { $0.string(c.call.rawValue) }
                    w.member("date") { $0.date(c.date) }
                    w.optional("detail", c.detail) { $0.string($1) }
                    w.member("gene") { $0.string(c.gene) }
                    w.optional("method", c.method) { $0.string($1) }
                }
            }
            w.optional("death", p.death) { w, d in
                w.object { w in
                    w.optional("cause", d.cause) { $0.string($1.rawValue) }
                    w.member("date") { $0.date(d.date) }
                }
            }
            w.member("diagnoses") { w in
                w.array(p.diagnoses) { w, d in
                    w.object { w in
                        w.optional("blastsBM", d.blastsBM) { $0.number($1) }
                        w.optional("blastsPB", d.blastsPB) { $0.number($1) }
                        w.member("category") { $0.string(d.category.rawValue) }
                        w.member("date") { $0.date(d.date) }
                        w.optional("icc2022", d.icc2022) { $0.string($1) }
                        w.optional("icd10", d.icd10) { $0.string($1) }
                        w.optional("oncotree", d.oncotree) { $0.string($1) }
                        w.optional("postMDS", d.postMDS) { $0.bool($1) }
                        w.optional("postMPN", d.postMPN) { $0.bool($1) }
                        w.optional("therapyRelated", d.therapyRelated) { $0.bool($1) }
                        w.optional("who2022", d.who2022) { $0.string($1) }
                    }
                }
            }
            w.list("diseaseStatus", p.diseaseStatus) { w, s in
                w.object { w in
                    w.member("date") { $0.date(s.date) }
                    w.member("status") { $0.string(s.status.rawValue) }
                }
            }
            w.list("familyHistory", p.familyHistory) { w, f in
                w.object { w in
                    w.optional("ageAtDiagnosis", f.ageAtDiagnosis) { $0.int($1) }
                    w.member("condition") { $0.string(f.condition) }
                    w.member("relation") { $0.string(f.relation.rawValue) }
                }
            }
            w.list("findings", p.findings) { w, f in
                w.object { w in
                    w.member("date") { $0.date(f.date) }
                    w.member("kind") { $0.string(f.kind) }
                    w.member("value") { w in
                        switch f.value {
                        case .number(let d): w.number(d)
                        case .flag(let b): w.bool(b)
                        }
                    }
                }
            }
            w.list("followUps", p.followUps) { w, f in
                w.object { w in
                    if let d = f.done { w.member("done") { $0.date(d) } } else if f.doneFlag { w.member("done") { $0.bool(true) } }
                    w.member("due") { $0.date(f.due) }
                    w.optional("id", f.id) { $0.string($1) }
                    w.member("kind") { $0.string(f.kind) }
                    w.optional("note", f.note) { $0.string($1) }
                }
            }
            w.list("fusions", p.fusions) { w, f in
                w.object { w in
                    w.member("date") { $0.date(f.date) }
                    w.optional("method", f.method) { $0.string($1) }
                    w.member("name") { $0.string(f.name) }
                }
            }
            w.member("id") { $0.string(p.id) }
            w.optional("identity", p.identity) { w, i in
                w.object { w in
                    w.optional("family", i.family) { $0.string($1) }
                    w.optional("given", i.given) { $0.string($1) }
                    w.optional("mrn", i.mrn) { $0.string($1) }
                }
            }
            w.list("karyotypes", p.karyotypes) { w, k in
                w.object { w in
                    w.member("abnormalities") { w in w.array(k.abnormalities) { $0.string($1) } }
                    w.member("date") { $0.date(k.date) }
                    w.optional("iscn", k.iscn) { $0.string($1) }
                    w.member("tissue") { $0.string(k.tissue.rawValue) }
                }
            }
            w.list("labs", p.labs) { w, l in
                w.object { w in
                    w.member("date") { $0.date(l.date) }
                    w.member("test") { $0.string(l.test) }
                    w.member("unit") { $0.string(l.unit) }
                    w.member("value") { $0.number(l.value) }
                }
            }
            w.optional("lastContact", p.lastContact) { $0.date($1) }
            w.list("mrd", p.mrd) { w, r in
                w.object { w in
                    w.optional("controlCopies", r.controlCopies) { $0.number($1) }
                    w.member("date") { $0.date(r.date) }
                    w.member("detected") { $0.bool(r.detected) }
                    w.member("marker") { $0.string(r.marker) }
                    w.member("method") { $0.string(r.method.rawValue) }
                    w.optional("sensitivity", r.sensitivity) { $0.number($1) }
                    w.member("tissue") { $0.string(r.tissue.rawValue) }
                    w.optional("value", r.value) { $0.number($1) }
                }
            }
            w.list("performanceStatus", p.performanceStatus) { w, s in
                w.object { w in
                    w.member("date") { $0.date(s.date) }
                    w.member("ecog") { $0.int(s.ecog) }
                }
            }
            w.member("sex") { $0.string(p.sex.rawValue) }
            w.optional("site", p.site) { $0.string($1) }
            w.list("testedFusions", p.testedFusions) { w, f in
                w.object { w in
                    w.member("assay") { $0.string(f.assay) }
                    w.member("date") { $0.date(f.date) }
                    w.member("genes") { w in w.array(f.genes) { $0.string($1) } }
                    w.optional("tissue", f.tissue) { $0.string($1.rawValue) }
                }
            }
            w.list("testedGenes", p.testedGenes) { w, g in
                w.object { w in
                    w.member("assay") { $0.string(g.assay) }
                    w.optional("copyNumber", g.copyNumber) { $0.bool($1) }
                    w.member("date") { $0.date(g.date) }
                    w.member("genes") { w in w.array(g.genes) { $0.string($1) } }
                    w.optional("tissue", g.tissue) { $0.string($1.rawValue) }
                }
            }
            w.list("therapies", p.therapies) { w, t in
                w.object { w in
                    w.member("agents") { w in w.array(t.agents) { $0.string($1) } }
                    w.optional("end", t.end) { $0.date($1) }
                    w.member("intent") { $0.string(t.intent.rawValue) }
                    w.optional("line", t.line) { $0.int($1) }
                    w.member("regimen") { $0.string(t.regimen) }
                    w.optional("response", t.response) { $0.string($1) }
                    w.member("start") { $0.date(t.start) }
                }
            }
            w.list("transplants", p.transplants) { w, t in
                w.object { w in
                    w.member("date") { $0.date(t.date) }
                    w.optional("donor", t.donor) { $0.string($1) }
                    w.optional("gvhd", t.gvhd) { $0.string($1.rawValue) }
                    w.member("type") { $0.string(t.type.rawValue) }
                }
            }
            w.list("variants", p.variants) { w, v in
                w.object { w in
                    w.optional("classification", v.classification) { $0.string($1.rawValue) }
                    w.optional("consequence", v.consequence) { $0.string($1.rawValue) }
                    w.member("date") { $0.date(v.date) }
                    w.optional("domain", v.domain) { $0.string($1) }
                    w.member("gene") { $0.string(v.gene) }
                    w.optional("hgvsc", v.hgvsc) { $0.string($1) }
                    w.optional("hgvsp", v.hgvsp) { $0.string($1) }
                    w.member("origin") { $0.string(v.origin.rawValue) }
                    w.optional("tissue", v.tissue) { $0.string($1.rawValue) }
                    w.optional("vaf", v.vaf) { $0.number($1) }
                }
            }
            if p.vitalStatus != .unknown { w.member("vitalStatus") { $0.string(p.vitalStatus.rawValue) } }
        }
    }

    mutating func footer(empty: Bool) {
        raw(empty ? "\n\n  ],\n  \"version\" : 1\n}\n" : "\n  ],\n  \"version\" : 1\n}\n")
    }

    // MARK: structure

    private mutating func raw(_ s: StaticString) {
        s.withUTF8Buffer { out.append(contentsOf: $0) }
    }

    private mutating func indent() {
        out.append(10)
        for _ in 0..<hasMember.count { out.append(32); out.append(32) }
    }

    /// Before a member or element of the innermost container: a comma after an earlier one, a newline, the indent.
    private mutating func next() {
        if hasMember[hasMember.count - 1] { out.append(44) }
        hasMember[hasMember.count - 1] = true
        indent()
    }

    private mutating func close(_ bracket: UInt8) {
        let had = hasMember.removeLast()
        if !had { out.append(10) }
        indent()
        out.append(bracket)
    }

    mutating func object(_ body: (inout CaseJSONWriter) -> Void) {
        out.append(0x7B)
        hasMember.append(false)
        body(&self)
        close(0x7D)
    }

    mutating func array<T>(_ items: [T], _ element: (inout CaseJSONWriter, T) -> Void) {
        out.append(0x5B)
        hasMember.append(false)
        for item in items { next(); element(&self, item) }
        close(0x5D)
    }

    mutating func member(_ key: StaticString, _ value: (inout CaseJSONWriter) -> Void) {
        next()
        out.append(0x22)
        key.withUTF8Buffer { out.append(contentsOf: $0) }
        out.append(contentsOf: [0x22, 0x20, 0x3A, 0x20])
        value(&self)
    }

    mutating func optional<T>(_ key: StaticString, _ value: T?, _ write: (inout CaseJSONWriter, T) -> Void) {
        if let value { member(key) { write(&$0, value) } }
    }

    /// An array member, left out when empty (the `Patient` coding omits empty lists).
    mutating func list<T>(_ key: StaticString, _ items: [T], _ element: (inout CaseJSONWriter, T) -> Void) {
        if !items.isEmpty { member(key) { $0.array(items, element) } }
    }

    // MARK: scalars

    mutating func bool(_ b: Bool) { if b { raw("true") } else { raw("false") } }

    mutating func int(_ n: Int) { out.append(contentsOf: String(n).utf8) }

    /// As `JSONEncoder`: a whole number up to 2⁵³ in magnitude without a fraction (`59`, `-0`), else Swift's
    /// shortest round-trip `description` without a trailing `.0` (`0.1`, `1e-05`, `1e+16`).
    mutating func number(_ d: Double) {
        out.append(contentsOf: Self.numberText(d).utf8)
    }

    static func numberText(_ d: Double) -> String {
        if d == d.rounded(.towardZero) && abs(d) <= 9_007_199_254_740_992 {
            if d == 0 { return d.sign == .minus ? "-0" : "0" }
            return String(Int64(d))
        }
        var s = d.description
        if s.hasSuffix(".0") { s.removeLast(2) }
        return s
    }

    mutating func date(_ d: LocalDate) {
        out.append(0x22)
        out.append(contentsOf: PatientRows.text(d).utf8)
        out.append(0x22)
    }

    /// A JSON string as `JSONEncoder` writes it: `"` and `\` escaped, `\b \t \n \f \r`, other controls below
    /// U+0020 as `\u00xx` (lower-case hex), everything else (`/`, U+007F, non-ASCII) as its UTF-8 bytes.
    mutating func string(_ s: String) {
        out.append(0x22)
        var s = s
        s.withUTF8 { bytes in
            var start = 0
            for (i, b) in bytes.enumerated() where b < 0x20 || b == 0x22 || b == 0x5C {
                out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<i]))
                start = i + 1
                switch b {
                case 0x22: out.append(contentsOf: [0x5C, 0x22])
                case 0x5C: out.append(contentsOf: [0x5C, 0x5C])
                case 0x08: out.append(contentsOf: [0x5C, 0x62])
                case 0x09: out.append(contentsOf: [0x5C, 0x74])
                case 0x0A: out.append(contentsOf: [0x5C, 0x6E])
                case 0x0C: out.append(contentsOf: [0x5C, 0x66])
                case 0x0D: out.append(contentsOf: [0x5C, 0x72])
                default:
                    let hex: [UInt8] = Array("0123456789abcdef".utf8)
                    out.append(contentsOf: [0x5C, 0x75, 0x30, 0x30, hex[Int(b >> 4)], hex[Int(b & 0xF)]])
                }
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<bytes.count]))
        }
        out.append(0x22)
    }
}
