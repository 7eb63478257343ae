import CaseModel
import Foundation // log10 only

/// MRD interpretation per series (marker × method × tissue).
///
/// Sources (clinical-reference.md §2b):
/// - AML: ELN MRD Working Party 2021 (Heuser et al., Blood 2021;138:2753) [K]: MRD relapse = conversion
///   from negativity to positivity, or an increase ≥1 log10 between any two positive samples in the same
///   tissue; confirm in a second sample within 4 weeks; low-level NPM1/CBF MRD <2 % is not a relapse;
///   MFC positivity from 0.1 %. Negatives need enough control copies (≥10,000 ABL1 [U]) to count.
/// - ALL: adult terminology (Brüggemann) [C]: MRD-negative needs sensitivity ≥10⁻⁴; MRD failure
///   = positive ≥10⁻⁴ (0.01 %); positive <10⁻⁴ = MRD intermediate (low-level here).
/// - BCR::ABL1 (CML): IS response levels [C]: MMR ≤0.1 %; MR4 ≤0.01 % or undetectable with ≥10,000
///   ABL1; MR4.5 ≤0.0032 % or ≥32,000 ABL1; MR5 ≤0.001 % or ≥100,000 ABL1.
///
/// Values of 0 and undetected results never reach a logarithm.
public enum MRDInterpreter {
    public static let rule = "MRD: ELN 2021 (Heuser et al., Blood 2021) for AML; Brüggemann/AIEOP-BFM for ALL; ELN 2020 IS levels for BCR::ABL1"
    public static let version = "2021.2"

    /// A rise of at least this many log10 between two positive samples is a log-rise event. [K] ELN 2021.
    public static let logRiseThreshold = 1.0
    /// Tolerance for the log-rise comparison: log10(0.001/0.0001) is 0.9999999999999998 in binary
    /// floating point, and a measured tenfold rise must count. 0.99 stays below. Deliberate, not a fudge.
    public static let logEpsilon = 1e-9
    /// A relapse or conversion should be confirmed in a second sample within four weeks. [K] ELN 2021.
    public static let confirmationDays = 28

    /// Minimum control-gene (ABL1) copies for a negative qPCR/ddPCR result to be evaluable. [U] ELN 2025
    /// transcription ("A": ≥10,000 ABL1 copies) and [C] CML MR4 (undetectable with ≥10,000 ABL1).
    public static let minControlCopiesMolecular = 10_000.0
    /// Minimum CD45+ events (given as `controlCopies`) for an MFC negative. [U] ELN 2025 transcription.
    public static let minEventsMFC = 500_000.0
    /// Worst assay sensitivity at which a molecular negative is still a true negative (10⁻⁴). [K] ELN 2021
    /// (qPCR sensitivity ≥10⁻⁴); [C] ALL MRD CR requires sensitivity ≥10⁻⁴.
    public static let maxNegativeSensitivityMolecular = 1e-4
    /// Worst LOD at which an MFC negative is true: below the 0.1 % positivity threshold. [K] ELN 2021.
    public static let maxNegativeSensitivityMFC = 1e-3
    /// AML NPM1 / CBF low-level MRD: positive below 2 % (0.02). [K]/[U] ELN 2021 wording.
    public static let amlLowLevelMolecular = 0.02
    /// AML MFC positivity threshold 0.1 % (0.001): detected below it is low-level. [K] ELN 2021.
    public static let amlMFCPositive = 1e-3
    /// KMT2A fusion qPCR: positive from 0.1 %; 0.01–<0.1 % low level. [U] ELN 2025 transcription.
    public static let amlKMT2APositive = 1e-3
    /// ALL: MRD failure from 0.01 % (10⁻⁴). [C] Brüggemann (adult ALL terminology).
    public static let allPositive = 1e-4
    /// CML IS levels. [C] ph-is.com harmonisation / ELN 2020.
    public static let cmlMMR = 1e-3
    public static let cmlMR4 = 1e-4
    public static let cmlMR45 = 3.2e-5
    public static let cmlMR5 = 1e-5
    public static let cmlMR4Copies = 10_000.0
    public static let cmlMR45Copies = 32_000.0
    public static let cmlMR5Copies = 100_000.0

    /// How a series is judged: which thresholds apply.
    struct Profile {
        var name: String
        var minControl: Double?
        var maxSensitivity: Double?
        /// Detected below this (or at it, when inclusive) is low-level; nil: any detection is positive.
        var lowLevelLimit: Double?
        var lowLevelInclusive: Bool
        var isCML: Bool
        /// ELN 2021 ≥1 log10 rise events (AML molecular series only).
        var logRise: Bool = false
        /// Conversion / log-rise events at all (not for CML on TKI, not for a PNH clone).
        var events: Bool = true
        /// A clone measurement (PNH FLAER), not MRD.
        var clone: Bool = false
        /// ALL: a molecular negative must reach 10⁻⁴ from its control copies / cell equivalents.
        var allSensitivityFromCopies: Bool = false
        /// The rule an event's confirmation task cites.
        var source: String = "ELN 2021 MRD (Heuser et al., Blood 2021): confirm within 4 weeks"
    }

    /// Source cited by the ALL rule (clinical-reference.md §2b "ALL MRD"): EuroMRD / Brüggemann adult ALL
    /// terminology (MRD-negative needs a sensitivity of at least 10⁻⁴).
    public static let allSource = "ALL MRD (EuroMRD; Brüggemann, adult ALL terminology): negative needs sensitivity ≥10⁻⁴; confirm a reappearance in a second sample"
    /// The PNH clone size by FLAER flow cytometry is a clone measurement, not MRD.
    public static func isPNHClone(marker: String, category: DiagnosisCategory?) -> Bool {
        let m = marker.uppercased()
        return category == .pnh || FastText.contains(m, "FLAER") || FastText.contains(m, "PNH")
    }

    static func profile(marker: String, method: MRDMethod, category: DiagnosisCategory?) -> Profile {
        let m = marker.uppercased()
        let molecular = method == .qPCR || method == .ddPCR
        let control = molecular ? minControlCopiesMolecular : (method == .MFC ? minEventsMFC : nil)
        // ELN 2021's ≥1 log10 rise concerns molecular (qPCR / ddPCR / NGS) copy numbers, not flow cytometry.
        let logRise = molecular || method == .NGS
        if isPNHClone(marker: marker, category: category) {
            return Profile(name: "PNH clone (FLAER flow cytometry): a clone measurement, not MRD", minControl: nil,
                           maxSensitivity: nil, lowLevelLimit: nil, lowLevelInclusive: false, isCML: false,
                           logRise: false, events: false, clone: true)
        }
        switch category {
        case .bALL?, .tALL?, .mpal?:
            // EuroMRD / Brüggemann: a negative counts only at a sensitivity of at least 10⁻⁴; for IG/TR and fusion
            // markers the control copies (cell equivalents) bound the sensitivity reached: 1 / copies.
            return Profile(name: "ALL MRD (EuroMRD: MRD failure ≥0.01 %, negative needs sensitivity ≥10⁻⁴)",
                           minControl: nil, maxSensitivity: maxNegativeSensitivityMolecular, lowLevelLimit: allPositive,
                           lowLevelInclusive: false, isCML: false, logRise: false,
                           allSensitivityFromCopies: molecular || method == .NGS, source: allSource)
        case .cml?, .mpn?:
            if m == "BCR::ABL1" {
                return Profile(name: "BCR::ABL1 IS (\(ELN2020CML.rule))", minControl: cmlMR4Copies,
                               maxSensitivity: cmlMR4, lowLevelLimit: cmlMMR, lowLevelInclusive: true, isCML: true,
                               logRise: false, events: false, source: ELN2020CML.rule)
            }
        default: break
        }
        if method == .MFC || m == "MFC" {
            return Profile(name: "AML MFC-MRD (ELN 2021: positive ≥0.1 %; no log-rise rule for flow)", minControl: minEventsMFC,
                           maxSensitivity: maxNegativeSensitivityMFC, lowLevelLimit: amlMFCPositive,
                           lowLevelInclusive: false, isCML: false, logRise: false)
        }
        if m == "NPM1" || m.hasPrefix("NPM1") || m == "RUNX1::RUNX1T1" || m == "CBFB::MYH11" {
            return Profile(name: "AML \(marker) molecular MRD (ELN 2021: low-level <2 %)", minControl: control,
                           maxSensitivity: maxNegativeSensitivityMolecular, lowLevelLimit: amlLowLevelMolecular,
                           lowLevelInclusive: false, isCML: false, logRise: logRise)
        }
        if FastText.contains(m, "KMT2A") {
            return Profile(name: "AML KMT2A fusion MRD (positive ≥0.1 %)", minControl: control,
                           maxSensitivity: maxNegativeSensitivityMolecular, lowLevelLimit: amlKMT2APositive,
                           lowLevelInclusive: false, isCML: false, logRise: logRise)
        }
        return Profile(name: "\(marker) MRD (any detection positive)", minControl: control,
                       maxSensitivity: maxNegativeSensitivityMolecular, lowLevelLimit: nil, lowLevelInclusive: false,
                       isCML: false, logRise: logRise)
    }

    /// Interprets every series of `results` for a patient of diagnostic `category`.
    public static func assess(_ results: [MRDResult], category: DiagnosisCategory?) -> [MRDSeriesAssessment] {
        assess(results, category: category, therapies: [])
    }

    /// As `assess(_:category:)`; `therapies` date CML BCR::ABL1 results against the TKI start (ELN 2020 milestones).
    public static func assess(_ results: [MRDResult], category: DiagnosisCategory?,
                              therapies: [Therapy]) -> [MRDSeriesAssessment] {
        guard !results.isEmpty else { return [] }
        var byKey: [MRDSeriesKey: [MRDResult]] = [:]
        for r in results { byKey[r.seriesKey, default: []].append(r) }
        var out: [MRDSeriesAssessment] = []
        out.reserveCapacity(byKey.count)
        for key in byKey.keys.sorted() {
            let series = (byKey[key] ?? []).sorted { $0.date < $1.date }
            let sameMarker = results.filter { $0.marker == key.marker }
            out.append(assessSeries(key: key, series: series, sameMarker: sameMarker, category: category,
                                    therapies: therapies))
        }
        return out
    }

    /// Whether a negative result is a true (evaluable) negative under `p`, with the reason when not.
    static func evaluability(_ r: MRDResult, _ p: Profile) -> String? {
        if let min = p.minControl, let c = r.controlCopies, c < min {
            return "negative with \(TotalArithmetic.countText(c)) control copies (<\(TotalArithmetic.countText(min)))"
        }
        if p.allSensitivityFromCopies, let max = p.maxSensitivity, let c = r.controlCopies, c > 0,
           1 / c > max * (1 + logEpsilon) {
            return "negative with \(Int(c)) control copies / cell equivalents: reaches only \(MRDValueText.scientific(1 / c)), ALL needs ≥\(MRDValueText.scientific(max)) (EuroMRD)"
        }
        if p.allSensitivityFromCopies, let c = r.controlCopies, c <= 0 {
            return "negative with no control copies: sensitivity not reached"
        }
        if let max = p.maxSensitivity, let s = r.sensitivity, s > max * (1 + logEpsilon) {
            return "negative with sensitivity \(MRDValueText.scientific(s)) (worse than \(MRDValueText.scientific(max)))"
        }
        return nil
    }

    static func assessSeries(key: MRDSeriesKey, series: [MRDResult], sameMarker: [MRDResult],
                             category: DiagnosisCategory?, therapies: [Therapy] = []) -> MRDSeriesAssessment {
        let p = profile(marker: key.marker, method: key.method, category: category)
        var points: [MRDPoint] = []
        var events: [MRDEvent] = []
        var eventIndex: [Int] = []
        var lastEvaluablePositive: Bool? = nil
        var previousPositive: Double? = nil   // previous quantified positive of the current run
        var nadir: Double? = nil              // lowest positive since the run began or the last event
        var runStart = 0
        var notEvaluableReason: String? = nil
        var everMMR = false
        for (i, r) in series.enumerated() {
            let detected = r.detected
            let value: Double? = detected ? r.value : nil
            let quantified = detected && (value ?? 0) > 0
            var evaluable = true
            if !detected, let why = evaluability(r, p) { evaluable = false; notEvaluableReason = why }
            var change: Double? = nil
            if quantified, let v = value, let prev = previousPositive { change = TotalArithmetic.log10Ratio(v, prev) }
            if detected {
                if lastEvaluablePositive != true { runStart = i }
                if !p.events {
                    // CML on TKI and PNH clones: no AML conversion / log-rise events.
                } else if lastEvaluablePositive == false {
                    events.append(MRDEvent(date: r.date, kind: .conversion, log10Change: nil, confirmationDue: nil))
                    eventIndex.append(i)
                    nadir = quantified ? value : nil
                } else if p.logRise, quantified, let v = value, let n = nadir, TotalArithmetic.log10Ratio(v, n) >= logRiseThreshold - logEpsilon {
                    events.append(MRDEvent(date: r.date, kind: .logRise, log10Change: rounded(TotalArithmetic.log10Ratio(v, n)), confirmationDue: nil))
                    eventIndex.append(i)
                    nadir = v
                } else if quantified, let v = value {
                    nadir = min(nadir ?? v, v)
                }
                if quantified { previousPositive = value }
                if p.isCML, quantified, let v = value, v <= cmlMMR * (1 + logEpsilon) { everMMR = true }
                lastEvaluablePositive = true
            } else if evaluable {
                if p.isCML { everMMR = true }
                lastEvaluablePositive = false
                previousPositive = nil
                nadir = nil
            }
            points.append(MRDPoint(date: r.date, detected: detected, value: value, sensitivity: r.sensitivity,
                                   evaluable: evaluable, log10Change: change.map(rounded)))
        }
        // Confirmation: a later sample of the same marker (any tissue or method) settles the event.
        for (k, idx) in eventIndex.enumerated() {
            let d = series[idx].date
            let later = sameMarker.lazy.filter { $0.date > d }
            let laterPositive = later.contains { $0.detected }
            let laterNegative = later.contains { r in
                guard !r.detected else { return false }
                let q = r.method == key.method ? p : profile(marker: r.marker, method: r.method, category: category)
                return evaluability(r, q) == nil
            }
            events[k].confirmed = laterPositive
            events[k].confirmationDue = (laterPositive || laterNegative) ? nil : d.adding(days: confirmationDays)
        }

        // Status from the latest sample.
        var status: MRDStatus
        var explanation: String
        guard let last = series.last, let lastPoint = points.last else {
            return MRDSeriesAssessment(marker: key.marker, method: key.method, tissue: key.tissue, status: .notEvaluable,
                                       points: [], events: [], explanation: "no samples")
        }
        let lastDate = DateText.iso(last.date)
        if !last.detected {
            if lastPoint.evaluable {
                status = .negative
                explanation = "negative on \(lastDate)"
                if p.isCML { explanation += " (\(cmlLevel(undetectedWith: last.controlCopies)))" }
            } else {
                status = .notEvaluable
                explanation = "not evaluable on \(lastDate): \(notEvaluableReason ?? "insufficient sample"), not a true negative"
            }
        } else {
            let v = last.value ?? 0
            let runEvents = zip(eventIndex, events).filter { $0.0 >= runStart }.map(\.1)
            let aboveLow: Bool = {
                guard let lim = p.lowLevelLimit else { return true }
                guard v > 0 else { return false }
                return p.lowLevelInclusive ? v > lim * (1 + logEpsilon) : v >= lim * (1 - logEpsilon)
            }()
            let valueText = v > 0 ? MRDValueText.both(v) : "detected, not quantifiable"
            if !runEvents.isEmpty && (!p.isCML || (everMMR && aboveLow)) {
                status = .relapse
                let e = runEvents[runEvents.count - 1]
                explanation = "MRD relapse: \(e.kind == .conversion ? "conversion from negative" : "≥1 log10 rise") on \(DateText.iso(e.date)), latest \(valueText)"
                if let due = e.confirmationDue { explanation += "; confirm by \(DateText.iso(due))" }
                else if e.confirmed { explanation += "; confirmed by a later sample" }
            } else if p.isCML && everMMR && aboveLow {
                // ELN 2020: loss of MMR is a warning on TKI, never an AML-style "relapse".
                status = .positive
                explanation = "loss of MMR: \(valueText) on \(lastDate)"
            } else if aboveLow {
                status = .positive
                explanation = "positive \(valueText) on \(lastDate)"
                if p.isCML { explanation += " (\(cmlLevel(value: v)))" }
            } else {
                status = .lowLevel
                explanation = "low-level \(valueText) on \(lastDate)"
                if p.isCML { explanation += " (\(cmlLevel(value: v)))" }
            }
        }
        if p.clone {
            let latest = last.detected ? (last.value.map { "PNH clone \(GeneticFindings.percentSignificant($0))" } ?? "PNH clone detected")
                                       : "no PNH clone detected"
            explanation = "\(latest) on \(lastDate)"
        } else if p.isCML, let cml = cmlStatus(series: series, therapies: therapies, profile: p) {
            status = cml.status
            explanation = cml.explanation
        }
        explanation += " — \(p.name)"
        return MRDSeriesAssessment(marker: key.marker, method: key.method, tissue: key.tissue, status: status,
                                   points: points, events: events, explanation: explanation)
    }

    /// ELN 2020 milestone status of a CML BCR::ABL1 series; nil without a TKI start or before 3 months
    /// (the IS level then stands, with no relapse or conversion).
    static func cmlStatus(series: [MRDResult], therapies: [Therapy], profile p: Profile)
        -> (status: MRDStatus, explanation: String)? {
        let a = ELN2020CML.assess(series: series, therapies: therapies, evaluable: { evaluability($0, p) == nil })
        guard let c = a.category else { return nil }
        let status: MRDStatus
        switch c {
        case .optimal: status = .optimal
        case .warning: status = .warning
        case .failure: status = .failure
        }
        let text = a.drivers.isEmpty ? c.rawValue : a.drivers.joined(separator: "; ")
        return (status, "\(c.rawValue) (ELN 2020, \(a.milestone ?? "milestone")): \(text)")
    }

    /// log10 changes are compared unrounded, then kept to three decimals for display (1.0, not 0.9999999999999998).
    static func rounded(_ x: Double) -> Double { (x * 1000).rounded() / 1000 }

    /// CML IS response level of a detected value.
    public static func cmlLevel(value v: Double) -> String {
        let e = 1 + logEpsilon
        if v <= cmlMR5 * e { return "MR5" }
        if v <= cmlMR45 * e { return "MR4.5" }
        if v <= cmlMR4 * e { return "MR4" }
        if v <= cmlMMR * e { return "MMR (MR3)" }
        if v <= 0.01 * e { return "BCR::ABL1 >0.1–1 %" }
        if v <= 0.1 * e { return "BCR::ABL1 >1–10 %" }
        return "BCR::ABL1 >10 %"
    }

    /// CML level of an undetectable result from its ABL1 copies.
    public static func cmlLevel(undetectedWith copies: Double?) -> String {
        guard let c = copies else { return "undetectable, ABL1 copies not given" }
        if c >= cmlMR5Copies { return "MR5, undetectable with \(TotalArithmetic.countText(c)) ABL1" }
        if c >= cmlMR45Copies { return "MR4.5, undetectable with \(TotalArithmetic.countText(c)) ABL1" }
        return "MR4, undetectable with \(TotalArithmetic.countText(c)) ABL1"
    }

    /// "1e-4" style text without Foundation.
    static func sci(_ x: Double) -> String {
        guard x > 0, x.isFinite, let e = TotalArithmetic.int(log10(x).rounded(.down)) else { return x > 0 ? "\(x)" : "0" }
        let m = x / pow10(e)
        let mr = (m * 10).rounded() / 10
        guard mr.isFinite, mr >= 0, mr < 1000 else { return "\(x)" }
        let ms = mr == mr.rounded() ? "\(Int(mr))" : "\(Int(mr)).\(Int((mr * 10).rounded()) % 10)"
        return "\(ms)e\(e)"
    }

    static func pow10(_ e: Int) -> Double {
        var r = 1.0
        if e >= 0 { for _ in 0..<e { r *= 10 } } else { for _ in 0..<(-e) { r /= 10 } }
        return r
    }
}
