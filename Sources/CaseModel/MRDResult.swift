/// One measurable-residual-disease result. `value` is a fraction (0.0012 = 1.2 × 10⁻³ = 0.12 %).
public struct MRDResult: Codable, Sendable, Equatable {
    public var date: LocalDate
    public var marker: String
    public var method: MRDMethod
    public var tissue: MRDTissue
    public var detected: Bool
    public var value: Double?
    public var sensitivity: Double?
    public var controlCopies: Double?

    public init(date: LocalDate, marker: String, method: MRDMethod, tissue: MRDTissue, detected: Bool,
                value: Double? = nil, sensitivity: Double? = nil, controlCopies: Double? = nil) {
        self.date = date; self.marker = marker; self.method = method; self.tissue = tissue; self.detected = detected
        self.value = value; self.sensitivity = sensitivity; self.controlCopies = controlCopies
    }

    /// The series this result belongs to: marker × method × tissue.
    public var seriesKey: MRDSeriesKey { MRDSeriesKey(marker: marker, method: method, tissue: tissue) }
}

public struct MRDSeriesKey: Hashable, Sendable, Codable, Comparable, CustomStringConvertible {
    public var marker: String
    public var method: MRDMethod
    public var tissue: MRDTissue
    public init(marker: String, method: MRDMethod, tissue: MRDTissue) {
        self.marker = marker; self.method = method; self.tissue = tissue
    }
    public var description: String { "\(marker) \(method.rawValue) \(tissue.rawValue)" }
    public static func < (a: MRDSeriesKey, b: MRDSeriesKey) -> Bool { a.description < b.description }
}
