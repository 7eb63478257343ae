/// Stored trial file names are confined to their directory: a crafted database with a
/// `trialFile` row `../../../../outside/x.yaml` made `caseboard trials` write there. A stored name must be a plain
/// file name: no `/` or `\`, not `.` or `..` nor starting with a dot, no control character, at most 255 bytes.
extension StoredTrialFile {
    /// Why `name` is not an acceptable stored trial file name, or nil.
    public static func pathProblem(_ name: String) -> String? {
        if name.isEmpty { return "an empty file name" }
        if name.utf8.count > 255 { return "a file name longer than 255 bytes" }
        if name.contains("/") || name.contains("\\") { return "a path with a directory separator, not a plain file name" }
        if name.hasPrefix(".") { return "a name starting with a dot (\"..\" or a hidden file)" }
        if name.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) { return "a name with a control character" }
        return nil
    }

    /// Throws when `name` is not a plain file name.
    static func requirePlainName(_ name: String, action: String) throws {
        if let why = pathProblem(name) {
            throw SafetyError("refusing to \(action): the trial catalogue holds \(CaseTextRules.quoted(name)), \(why). Nothing was written.")
        }
    }
}
