import CaseModel

/// Where enrolment lives (formats.md: the pre-screening log, status `enrolled`, with its trial and arm): the group of
/// `outcomes --by trial-arm`. A patient enrolled in several trials counts in the first enrolment (by date, then trial id);
/// an entry without an arm is "TRIAL (arm not recorded)". Patients never enrolled are excluded with that reason.
public enum TrialEnrolment {
    public static func groups(_ records: [ScreeningRecord]) -> [String: String] {
        var first: [String: (date: LocalDate, trial: String, label: String)] = [:]
        for r in records {
            guard let enrolled = r.history.first(where: { $0.status == .enrolled }) else { continue }
            let label = r.trial + " " + (r.arm.map { "arm \($0)" } ?? "(arm not recorded)")
            if let f = first[r.patient], (f.date, f.trial) <= (enrolled.date, r.trial) { continue }
            first[r.patient] = (enrolled.date, r.trial, label)
        }
        return first.mapValues(\.label)
    }
}
