/// Gray's K-sample test for cumulative incidence functions (Gray, Ann Stat 1988;16:1141), as R `cmprsk::cuminc`
/// reports it in `$Tests`: statistic (chi-square), p-value and df for each cause.
public struct GrayTest: Encodable, Equatable, Sendable {
    /// The cause compared (1: relapse in CIR).
    public var event: Int
    public var label: String?
    public var statistic: Double
    public var df: Int
    /// nil when a group has fewer than 10 patients (then `note` says so) or df is 0.
    public var p: Double?
    public var note: String?
    public init(event: Int, label: String?, statistic: Double, df: Int, p: Double?, note: String?) {
        self.event = event; self.label = label; self.statistic = statistic; self.df = df; self.p = p; self.note = note
    }
    enum K: String, CodingKey { case event, label, statistic, df, p, note }
    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: K.self)
        try c.encode(event, forKey: .event); try c.encode(label, forKey: .label); try c.encode(statistic, forKey: .statistic)
        try c.encode(df, forKey: .df); try c.encode(p, forKey: .p); try c.encode(note, forKey: .note)
    }
}
