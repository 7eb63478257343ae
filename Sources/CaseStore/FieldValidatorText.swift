/// Text and id checks of the case reader (see `CaseTextRules`).
extension FieldValidator {
    /// Keys whose values are multi-line texts (newline and tab allowed, 10,000 characters).
    static let multilineKeys: Set<String> = ["note"]

    /// Records an error at `path` when `s` breaks the text rules of the field `key`; true when acceptable.
    mutating func checkText(_ s: String, key: String, path: String) -> Bool {
        if let why = CaseTextRules.textProblem(s, multiline: Self.multilineKeys.contains(key)) { error(path, why); return false }
        return true
    }

    /// Records an error at `path` when `id` is not a valid patient id; true when valid.
    mutating func checkPatientId(_ id: String, path: String) -> Bool {
        if let why = CaseTextRules.idProblem(id) { error(path, why); return false }
        return true
    }
}
