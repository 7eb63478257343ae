import CaseStore
import Foundation

/// SHA-256 of a file (for the audit record of an import).
public enum FileDigest {
    public static func sha256(path: String) throws -> String {
        let data = try Data(contentsOf: URL(fileURLWithPath: path), options: .mappedIfSafe)
        return SHA256.hex(Array(data))
    }
}
