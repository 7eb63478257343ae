import Foundation

/// One subject's follow-up: time from the origin to the event or to censoring.
///
/// `status` is 0 for censored and a positive code for an event (1 for the single event of
/// Kaplan–Meier; 1, 2, … for competing causes). `entry` is the delayed-entry time; anything but 0
/// is refused by the estimators (left truncation is not implemented), never silently ignored.
public struct SurvivalObservation: Equatable, Sendable {
    public var time: Double
    public var status: Int
    public var group: String
    public var stratum: String
    public var entry: Double

    public init(time: Double, status: Int, group: String = "all", stratum: String = "", entry: Double = 0) {
        self.time = time
        self.status = status
        self.group = group
        self.stratum = stratum
        self.entry = entry
    }

    /// Checks every observation: finite time ≥ 0, entry 0, status in `allowed`.
    static func validate(_ obs: [SurvivalObservation], allowed: ClosedRange<Int>) throws {
        for (i, o) in obs.enumerated() {
            guard o.time.isFinite, o.time >= 0 else { throw SurvivalError.invalidTime(index: i, value: o.time) }
            guard o.entry.isFinite else { throw SurvivalError.invalidTime(index: i, value: o.entry) }
            if o.entry > o.time { throw SurvivalError.entryAfterExit(index: i, entry: o.entry, exit: o.time) }
            if o.entry != 0 { throw SurvivalError.lateEntry(index: i, entry: o.entry) }
            guard allowed.contains(o.status) else {
                let text = allowed.count == 2 ? "\(allowed.lowerBound) (censored) or \(allowed.upperBound) (event)"
                    : "\(allowed.lowerBound)…\(allowed.upperBound)"
                throw SurvivalError.invalidStatus(index: i, value: o.status, allowed: text)
            }
        }
    }
}
