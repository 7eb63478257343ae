import CaseModel

/// JSON of an interpretation with the keys of formats.md §4 (`eln2022`, `eln2024LessIntensive`,
/// `germline`, `mrd`, `followUps`), plus `age` and `cytogenetics`. `eln2022` and
/// `eln2024LessIntensive` are written as `null` when absent (outside AML, APL included).
extension Interpretation: Encodable {
    enum CodingKeys: String, CodingKey { case age, eln2022, eln2024LessIntensive, germline, mrd, followUps, cytogenetics }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(age, forKey: .age)
        try c.encode(eln2022, forKey: .eln2022)
        try c.encode(eln2024LessIntensive, forKey: .eln2024LessIntensive)
        try c.encode(germline, forKey: .germline)
        try c.encode(mrd, forKey: .mrd)
        try c.encode(followUps, forKey: .followUps)
        try c.encode(cytogenetics, forKey: .cytogenetics)
    }
}

extension CytogeneticProfile: Encodable {
    enum CodingKeys: String, CodingKey {
        case karyotypeAvailable, karyotypeDate, abnormalityCount, complex, monosomal, lesions, adverseChromosomal, notes
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(karyotypeAvailable, forKey: .karyotypeAvailable)
        try c.encodeIfPresent(karyotypeDate, forKey: .karyotypeDate)
        try c.encode(abnormalityCount, forKey: .abnormalityCount)
        try c.encode(isComplex, forKey: .complex)
        try c.encode(isMonosomal, forKey: .monosomal)
        try c.encode(lesions.map { $0.lesion.shortName + " [" + $0.evidence + "]" }, forKey: .lesions)
        try c.encode(adverseChromosomal, forKey: .adverseChromosomal)
        try c.encode(notes, forKey: .notes)
    }
}

extension Interpretation {
    /// Plain-text summary lines for `caseboard case ID` (one fact per line, reasons included).
    public func summaryLines() -> [String] {
        var out: [String] = []
        if let e = eln2022 {
            out.append("ELN 2022: \(e.risk.word) — \(e.drivers.joined(separator: "; "))")
        }
        if let e = eln2024LessIntensive {
            out.append("ELN 2024 (less-intensive): \(e.risk.word) — \(e.drivers.joined(separator: "; "))")
        }
        if let c = cytogenetics, c.isComplex || c.isMonosomal {
            out.append("Karyotype: " + [c.isComplex ? "complex" : nil, c.isMonosomal ? "monosomal" : nil].compactMap { $0 }.joined(separator: ", "))
        }
        if germline.flags.isEmpty {
            out.append("Germline: no flag")
        } else {
            out.append("Germline: " + (germline.testingRecommended ? "testing recommended" : "no further testing indicated"))
            for f in germline.flags { out.append("  [\(f.level.rawValue)] \(f.reason)") }
        }
        for s in mrd {
            out.append("MRD \(s.marker) \(s.method.rawValue) \(s.tissue.rawValue): \(s.status.rawValue) — \(s.explanation)")
            for e in s.events {
                var line = "  \(e.kind.rawValue) \(DateText.iso(e.date))"
                if let l = e.log10Change { line += " (+\(l) log10)" }
                if let d = e.confirmationDue { line += " — confirm by \(DateText.iso(d))" } else if e.confirmed { line += " — confirmed" }
                out.append(line)
            }
        }
        for t in followUps where t.status != .done {
            out.append("Follow-up \(t.status.rawValue) \(DateText.iso(t.due)) \(t.kind)" + (t.note.map { ": \($0)" } ?? ""))
        }
        return out
    }
}
