import Foundation

/// Landmark analysis (Anderson, Cain & Gelber 1983): only subjects still under observation and
/// event-free after the landmark enter, and time is counted from the landmark.
public struct Landmark: Equatable, Sendable {
    public let time: Double
    /// Subjects kept, with `time` shifted to time − landmark.
    public let observations: [SurvivalObservation]
    /// Indices (into the input) of subjects left out: an event or censoring at or before the landmark.
    public let excluded: [Int]

    public static func apply(_ input: [SurvivalObservation], at landmark: Double) throws -> Landmark {
        guard landmark.isFinite, landmark >= 0 else { throw SurvivalError.invalid("landmark \(landmark) is not a finite time ≥ 0") }
        try SurvivalObservation.validate(input, allowed: 0...99)
        var kept: [SurvivalObservation] = []
        var excluded: [Int] = []
        for (i, o) in input.enumerated() {
            if o.time > landmark {
                var shifted = o
                shifted.time = o.time - landmark
                kept.append(shifted)
            } else {
                excluded.append(i)
            }
        }
        return Landmark(time: landmark, observations: kept, excluded: excluded)
    }
}
