import CaseModel
import Foundation

/// Writes `caseboard-cases` v1: patients ordered by id, pretty-printed, keys sorted (deterministic).
public enum CaseFileWriter {
    public static func data(_ patients: [Patient]) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        var d = try encoder.encode(CaseFile(patients: patients.sorted { $0.id < $1.id }))
        d.append(10)
        return d
    }
}
