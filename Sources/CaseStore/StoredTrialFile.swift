/// A YAML trial file held by the database (the catalogue; TrialEngine parses the text).
public struct StoredTrialFile: Sendable, Equatable {
    /// File name relative to the catalogue directory ("AML-MENIN-01.yaml").
    public var path: String
    /// SHA-256 of the text, hex.
    public var sha: String
    public var yaml: String
    public init(path: String, yaml: String) {
        self.path = path; self.yaml = yaml; self.sha = SHA256.hex(Array(yaml.utf8))
    }
}
