import Foundation

/// Why a survival computation refused its input. Every case names the offending observation
/// (0-based index into the input) or the group, so a caller can point the user at the row.
public enum SurvivalError: Error, Equatable, CustomStringConvertible, Sendable {
    /// No observation at all (an estimator needs at least one).
    case empty(String)
    /// A time that is negative, NaN or infinite.
    case invalidTime(index: Int, value: Double)
    /// A status code outside what the estimator accepts (e.g. 2 for plain Kaplan–Meier).
    case invalidStatus(index: Int, value: Int, allowed: String)
    /// Delayed entry (left truncation) is not supported: the risk sets would be wrong.
    case lateEntry(index: Int, entry: Double)
    /// An entry time after the exit time.
    case entryAfterExit(index: Int, entry: Double, exit: Double)
    /// A comparison needs at least two groups with observations.
    case tooFewGroups(Int)
    /// Anything else (the message says what).
    case invalid(String)

    public var description: String {
        switch self {
        case .empty(let what): return "no observations: \(what)"
        case .invalidTime(let i, let v): return "observation \(i + 1): time \(v) is not a finite number ≥ 0"
        case .invalidStatus(let i, let v, let allowed): return "observation \(i + 1): status \(v) is not one of \(allowed)"
        case .lateEntry(let i, let e):
            return "observation \(i + 1): late entry at \(e) (left truncation) is not supported; every observation must enter at time 0"
        case .entryAfterExit(let i, let e, let x): return "observation \(i + 1): entry \(e) is after exit \(x)"
        case .tooFewGroups(let n): return "a comparison needs at least two groups with observations (found \(n))"
        case .invalid(let m): return m
        }
    }
}
