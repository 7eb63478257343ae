import CaseModel
import CaseStore
import Foundation
import Interop

/// `caseboard export`: every case (or the chosen ids) as `caseboard-cases` v1 or a FHIR R4 collection Bundle.
public enum CaseExport {
    public struct Output: Sendable {
        public var data: Data
        /// Data that has no place in the chosen format, named.
        public var warnings: [String]
    }

    public static func make(_ workspace: Workspace, format: String, patientIDs: [String]) throws -> Output {
        guard format == "cases" || format == "fhir" else { throw CoreError.user("--format: expected cases or fhir, found \"\(format)\"") }
        var patients = try workspace.patients()
        if !patientIDs.isEmpty {
            let known = Set(patients.map(\.id))
            if let missing = patientIDs.first(where: { !known.contains($0) }) { throw CoreError.user("unknown patient id '\(missing)'") }
            let wanted = Set(patientIDs)
            patients = patients.filter { wanted.contains($0.id) }
        }
        if format == "fhir" {
            let o = try FHIRWriter.bundle(patients)
            return Output(data: o.data, warnings: o.warnings)
        }
        return Output(data: try CaseFileWriter.data(patients), warnings: [])
    }

    /// `caseboard-cases` v1 streamed to `sink` batch by batch (`AppDatabase.writeCaseFile`): the bytes of
    /// `make(format: "cases")` without the whole document in memory.
    public static func streamCases(_ workspace: Workspace, patientIDs: [String], to sink: (Data) throws -> Void) throws {
        do {
            try workspace.database().writeCaseFile(patientIDs: patientIDs.isEmpty ? nil : patientIDs, to: sink)
        } catch StoreError.unknownPatient(let id) {
            throw CoreError.user("unknown patient id '\(id)'")
        }
    }
}
