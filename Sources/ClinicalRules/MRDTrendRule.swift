import CaseModel
import Foundation

/// Direction of a case's most recent MRD series, for the one-glyph trend of the case list and the meeting screen.
public enum MRDTrend: String, Equatable, Sendable {
    /// Relapse / positive with a conversion or rise event, or ≥ 0.5 log10 up between the last two samples.
    case rising
    /// ≥ 0.5 log10 down, or newly undetectable, and the series status is not relapse.
    case falling
    case stable
    /// The last sample was an evaluable negative and so was the one before (or it is the only one).
    case negative
    /// The latest negative is not evaluable (too few control copies, too poor a sensitivity): never drawn as negative.
    case notEvaluable = "not-evaluable"
}

/// The one owner of the MRD trend glyph's meaning: derived FROM the series status that MRDInterpreter gave
/// (ELN 2021 for AML, and the disease rules beside it), so that a relapse is never drawn as falling and a
/// not-evaluable negative never as a negative; only within a status that says nothing about direction
/// (positive or low-level without an event) do the last two values decide, with the display threshold below.
public enum MRDTrendRule {
    /// A change of at least half a decade between the last two samples is shown as a rise or a fall. This is a
    /// display threshold only (the clinical rise rule, ≥ 1 log10 on a molecular series, is MRDInterpreter's).
    public static let displayChangeLog10 = 0.5

    /// The series with the most recent sample (ties broken by the series key, for a stable choice).
    public static func latestSeries(_ series: [MRDSeriesAssessment]) -> MRDSeriesAssessment? {
        series.filter { !$0.points.isEmpty }.max { a, b in
            let da = a.points.last?.date ?? LocalDate(daysSinceEpoch: 0), db = b.points.last?.date ?? LocalDate(daysSinceEpoch: 0)
            return (da, a.key.description) < (db, b.key.description)
        }
    }

    /// The trend of the most recent series; nil without any MRD sample.
    public static func trend(_ series: [MRDSeriesAssessment]) -> MRDTrend? {
        guard let s = latestSeries(series) else { return nil }
        return trend(of: s)
    }

    public static func trend(of s: MRDSeriesAssessment) -> MRDTrend? {
        guard let last = s.points.last else { return nil }
        let prev = s.points.count >= 2 ? s.points[s.points.count - 2] : nil
        switch s.status {
        case .relapse:
            return .rising
        case .notEvaluable:
            return .notEvaluable
        case .negative:
            if !last.detected && !last.evaluable { return .notEvaluable }
            return prev?.detected == true ? .falling : .negative
        default:
            break
        }
        // Positive or low-level: an unconfirmed conversion or rise event after the previous sample is a rise.
        if let p = prev, s.events.contains(where: { $0.date > p.date }) { return .rising }
        if !last.detected { return last.evaluable ? (prev?.detected == true ? .falling : .negative) : .notEvaluable }
        guard let p = prev else { return .stable }
        guard p.detected else { return .rising }
        guard let a = p.value, let b = last.value, a > 0, b > 0, a.isFinite, b.isFinite else { return .stable }
        let change = log10(b) - log10(a)  // never b / a: a denormal divisor would overflow to infinity
        guard change.isFinite else { return .stable }
        if change >= displayChangeLog10 { return .rising }
        if change <= -displayChangeLog10 { return .falling }
        return .stable
    }
}
