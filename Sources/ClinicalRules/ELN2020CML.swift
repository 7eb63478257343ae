import CaseModel

/// ELN 2020 CML response milestones (Hochhaus et al., Leukemia 2020;34:966; clinical-reference.md §2b,
/// "ELN 2020 CML milestones", PMC10133857 table). BCR::ABL1 on the International Scale, as a fraction,
/// counted from the start of TKI therapy:
///
/// | time on TKI | optimal | warning | failure |
/// |---|---|---|---|
/// | 3 months | ≤ 10 % | > 10 % | (> 10 % confirmed within 1–3 months) |
/// | 6 months | ≤ 1 % | > 1–10 % | > 10 % |
/// | 12 months and later | ≤ 0.1 % | > 0.1–1 % | > 1 % |
///
/// Loss of MMR (≤ 0.1 %) on continuous TKI is a warning; in treatment-free remission (TKI stopped) it is a
/// failure. No "conversion" or "relapse" events: those belong to the AML rule (ELN 2021).
public enum ELN2020CML {
    public static let scheme = "CML-ELN2020-milestone"
    public static let version = "2020"
    public static let rule = "ELN 2020 CML milestones (Hochhaus et al., Leukemia 2020;34:966)"

    /// Tyrosine kinase inhibitors of BCR::ABL1 (lower case).
    public static let tkis: Set<String> = ["imatinib", "dasatinib", "nilotinib", "bosutinib", "ponatinib", "asciminib",
                                           "flumatinib", "radotinib", "olverembatinib"]

    static let eps = 1 + 1e-9

    /// The milestone a sample taken `months` completed months after the TKI start is judged against.
    public static func milestone(months: Int) -> String? {
        if months >= 12 { return "12 months and later" }
        if months >= 6 { return "6 months" }
        if months >= 3 { return "3 months" }
        return nil
    }

    /// The category of one BCR::ABL1 IS fraction (`0` or not detected: undetectable) at `months` completed
    /// months of TKI; nil before the 3-month milestone.
    public static func category(fraction v: Double, months: Int) -> CMLResponseCategory? {
        if months >= 12 {
            if v <= 0.001 * eps { return .optimal }
            if v <= 0.01 * eps { return .warning }
            return .failure
        }
        if months >= 6 {
            if v <= 0.01 * eps { return .optimal }
            if v <= 0.1 * eps { return .warning }
            return .failure
        }
        if months >= 3 { return v <= 0.1 * eps ? .optimal : .warning }
        return nil
    }

    /// Completed calendar months from `start` to `date`.
    public static func completedMonths(from start: LocalDate, to date: LocalDate) -> Int {
        guard date >= start else { return -1 }
        var m = 0
        while start.adding(months: m + 1) <= date { m += 1 }
        return m
    }

    /// First TKI start, and whether a TKI is running on `date` (a TKI therapy started on or before it and not
    /// ended before it).
    static func tkiCourse(_ therapies: [Therapy], on date: LocalDate) -> (start: LocalDate?, onTKI: Bool) {
        let t = therapies.filter { th in th.agents.contains { tkis.contains($0.lowercased()) } }
        let start = t.map(\.start).min()
        let on = t.contains { $0.start <= date && ($0.end.map { $0 >= date } ?? true) }
        return (start, on)
    }

    /// Milestone assessment of a BCR::ABL1 series (any tissue; sorted or not) against `therapies`.
    /// `evaluable` says, per result, whether an undetectable result counts (enough ABL1 copies).
    public static func assess(series: [MRDResult], therapies: [Therapy],
                              evaluable: (MRDResult) -> Bool = { _ in true }) -> CMLMilestoneAssessment {
        let s = series.sorted { $0.date < $1.date }
        guard let last = s.last else {
            return CMLMilestoneAssessment(category: nil, milestone: nil, complete: false,
                                          missing: ["BCR::ABL1 IS result"], drivers: [], sampleDate: nil)
        }
        let course = tkiCourse(therapies, on: last.date)
        guard let start = course.start else {
            return CMLMilestoneAssessment(category: nil, milestone: nil, complete: false,
                                          missing: ["TKI start date"], drivers: [], sampleDate: last.date)
        }
        if !last.detected && !evaluable(last) {
            return CMLMilestoneAssessment(category: nil, milestone: nil, complete: false,
                                          missing: ["evaluable BCR::ABL1 result (too few ABL1 copies on \(DateText.iso(last.date)))"],
                                          drivers: [], sampleDate: last.date)
        }
        let months = completedMonths(from: start, to: last.date)
        let v = last.detected ? (last.value ?? 0) : 0
        let valueText = last.detected ? (v > 0 ? MRDValueText.both(v) : "detected, not quantifiable") : "undetectable"
        var drivers: [String] = []
        var cat = category(fraction: v, months: months)
        if let c = cat, let m = milestone(months: months) {
            drivers.append("BCR::ABL1 IS \(valueText) on \(DateText.iso(last.date)), \(months) months after TKI start \(DateText.iso(start)): \(c.rawValue) at the \(m) milestone")
        }
        // Loss of MMR: an earlier result in MMR (≤0.1 % or evaluable undetectable), now above 0.1 %.
        let earlierMMR = s.dropLast().contains { r in
            r.date >= start && (r.detected ? (r.value ?? 1) <= 0.001 * eps : evaluable(r))
        }
        if earlierMMR && v > 0.001 * eps {
            let lossCategory: CMLResponseCategory = course.onTKI ? .warning : .failure
            drivers.append(course.onTKI
                           ? "loss of MMR on continuous TKI (\(valueText) on \(DateText.iso(last.date))): warning"
                           : "loss of MMR in treatment-free remission (\(valueText) on \(DateText.iso(last.date))): failure")
            cat = max(cat ?? lossCategory, lossCategory)
        }
        let complete = cat != nil
        return CMLMilestoneAssessment(category: cat, milestone: milestone(months: months), complete: complete,
                                      missing: complete ? [] : ["3-month milestone not reached (\(months) months on TKI)"],
                                      drivers: drivers, sampleDate: last.date)
    }

    /// The patient's milestone assessment from the BCR::ABL1 results on or before `today`; nil unless the
    /// diagnosis is CML (for the `risk` list, scheme `CML-ELN2020-milestone`).
    public static func assess(_ patient: Patient, today: LocalDate) -> CMLMilestoneAssessment? {
        guard patient.diagnosis?.category == .cml else { return nil }
        let series = patient.mrd.filter { $0.marker.uppercased() == "BCR::ABL1" && $0.date <= today }
        let p = MRDInterpreter.profile(marker: "BCR::ABL1", method: .qPCR, category: .cml)
        return assess(series: series, therapies: patient.therapies.filter { $0.start <= today },
                      evaluable: { MRDInterpreter.evaluability($0, p) == nil })
    }
}
