/// One problem found in a case file: `FILE: patient ID: JSON path: message`.
/// `patient` is nil for problems of the file header (then `FILE: JSON path: message`).
public struct ImportProblem: Sendable, Equatable, CustomStringConvertible {
    public var file: String
    /// "SL-AML-0042", or "[3]" (the index) when the patient has no usable id.
    public var patient: String?
    public var path: String
    public var message: String
    public init(file: String, patient: String?, path: String, message: String) {
        self.file = file; self.patient = patient; self.path = path; self.message = message
    }
    public var description: String {
        if let p = patient { return "\(file): patient \(p): \(path): \(message)" }
        return "\(file): \(path): \(message)"
    }
}
