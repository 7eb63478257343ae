/// A dated clinical finding that risk scores need (formats.md §1 `findings`): `spleen-cm`
/// (cm below the costal margin, 0 = not palpable), `constitutional-symptoms` (bool),
/// `marrow-cellularity` (%), `residual-haematopoiesis` (% of cellularity), `thrombosis`
/// (true: an event that day; false: the history was reviewed that day and no event is known),
/// `transfusion-dependent` (bool), `marrow-fibrosis-grade` (0–3: MF-0 … MF-3, EUMNET grading). Other kinds are kept
/// as written.
public struct ClinicalFinding: Codable, Sendable, Equatable {
    /// The value: a number or a yes/no, as the kind requires.
    public enum Value: Codable, Sendable, Equatable {
        case number(Double)
        case flag(Bool)

        public init(from decoder: Decoder) throws {
            let c = try decoder.singleValueContainer()
            if let b = try? c.decode(Bool.self) { self = .flag(b); return }
            self = .number(try c.decode(Double.self))
        }

        public func encode(to encoder: Encoder) throws {
            var c = encoder.singleValueContainer()
            switch self {
            case .number(let d): try c.encode(d)
            case .flag(let b): try c.encode(b)
            }
        }

        public var number: Double? { if case .number(let d) = self { return d }; return nil }
        public var flag: Bool? { if case .flag(let b) = self { return b }; return nil }
    }

    /// The kinds formats.md names, with the value type each expects (true: number; false: bool).
    public static let knownKinds: [String: Bool] = [
        "spleen-cm": true, "constitutional-symptoms": false, "marrow-cellularity": true,
        "residual-haematopoiesis": true, "thrombosis": false, "transfusion-dependent": false,
        "marrow-fibrosis-grade": true,
    ]

    public var date: LocalDate
    public var kind: String
    public var value: Value

    public init(date: LocalDate, kind: String, value: Value) {
        self.date = date; self.kind = kind; self.value = value
    }
}
