import CaseModel

/// An additive score whose missing inputs are carried as intervals: each term contributes
/// [low, high] (a known input contributes one point value), so the total is an interval and
/// the categories it can fall into are known. A missing input never takes a default value.
struct PointScore {
    var low = 0.0
    var high = 0.0
    var missing: [String] = []
    var drivers: [String] = []

    mutating func add(_ points: Double, _ driver: String) {
        low += points; high += points
        drivers.append(driver)
    }

    mutating func addMissing(_ range: ClosedRange<Double>, _ what: String) {
        low += range.lowerBound; high += range.upperBound
        missing.append(what)
    }

    var complete: Bool { missing.isEmpty }
}
