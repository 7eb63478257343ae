import CaseModel

/// Pure functions from patients to per-patient endpoint records (ELN 2022 Table 9). A patient lacking what the
/// endpoint needs gets a record with the reason, never silently dropped.
public enum EndpointDefinitions {
    public static func record(_ p: Patient, endpoint: Endpoint, options: EndpointOptions = EndpointOptions()) -> EndpointRecord {
        let start = options.start ?? endpoint.allowedStarts[0]
        guard endpoint.allowedStarts.contains(start) else {
            return .excluded(p.id, "\(endpoint.rawValue) cannot start at \(start.rawValue)")
        }
        guard let dx = p.diagnosis?.date else { return .excluded(p.id, "no diagnosis") }
        let statuses = p.diseaseStatus.filter { $0.date >= dx }.sorted { $0.date < $1.date }
        let firstCR = statuses.first { $0.status.isRemission }?.date
        let transplant = p.transplants.filter { $0.date >= dx }.map(\.date).min()

        // Start of time.
        let t0: LocalDate
        switch start {
        case .diagnosis: t0 = dx
        case .cr:
            guard let cr = firstCR else { return .excluded(p.id, "no CR/CRh/CRi recorded after the diagnosis") }
            t0 = cr
        case .hct:
            guard let tx = transplant else { return .excluded(p.id, "no transplant recorded after the diagnosis") }
            t0 = tx
        }

        // End of follow-up: death, or the last day known alive.
        let deathDate: LocalDate?
        switch (p.vitalStatus, p.death) {
        case (_, .some(let d)): deathDate = d.date
        case (.dead, nil): return .excluded(p.id, "dead without a death date")
        default: deathDate = nil
        }
        let end: LocalDate
        if let d = deathDate { end = d } else {
            guard let lc = p.lastContact else { return .excluded(p.id, "no last-contact date (follow-up not recorded)") }
            end = lc
        }
        if end < t0 { return .excluded(p.id, "follow-up ends (\(end)) before the start (\(t0))") }
        // A relapse is a `relapsed` status after a remission (and after the start).
        let relapse = firstCR.flatMap { cr in statuses.first { $0.status == .relapsed && $0.date > cr && $0.date > t0 }?.date }

        // Candidate events: (date, status, label).
        var event: (LocalDate, Int, String)?
        switch endpoint {
        case .os:
            if let d = deathDate { event = (d, 1, "death") }
        case .efs:
            let landmark = t0.adding(days: options.inductionLandmarkDays)
            if firstCR.map({ $0 <= landmark }) ?? false {
                if let r = relapse { event = (r, 1, "relapse") } else if let d = deathDate { event = (d, 1, "death") }
            } else if let d = deathDate, d <= landmark {
                event = (t0.adding(days: 1), 1, "induction failure (death before remission)")
            } else if end >= landmark {
                let assessed = statuses.contains { $0.date > t0 && $0.status != .newlyDiagnosed }
                if !assessed {
                    return EndpointRecord(patientId: p.id, start: t0, days: 1, status: 0,
                                          outcome: "not evaluable for response (censored on day 1)", excludedReason: nil)
                }
                event = (t0.adding(days: 1), 1, "induction failure")
            } else if statuses.contains(where: { $0.status == .refractory }) {
                event = (t0.adding(days: 1), 1, "induction failure (refractory)")
            } else {
                return .excluded(p.id, "induction response not yet evaluable (followed \(t0.days(until: end)) of \(options.inductionLandmarkDays) days, no CR yet)")
            }
        case .rfs:
            if let r = relapse { event = (r, 1, "relapse") } else if let d = deathDate { event = (d, 1, "death") }
        case .cir:
            if let r = relapse { event = (r, 1, "relapse") } else if let d = deathDate { event = (d, 2, "death without relapse") }
        }

        // Censoring at a transplant in first remission.
        if options.censorAtHCT {
            if start == .hct { return .excluded(p.id, "--censor-at-hct cannot be used from the transplant") }
            if let tx = transplant, let cr = firstCR, tx >= cr, tx >= t0, relapse.map({ tx < $0 }) ?? true,
               tx < (event?.0 ?? end.adding(days: 1)) {
                return EndpointRecord(patientId: p.id, start: t0, days: t0.days(until: tx), status: 0,
                                      outcome: "transplant in CR1 (censored)", excludedReason: nil)
            }
        }
        if let (date, status, label) = event {
            return EndpointRecord(patientId: p.id, start: t0, days: t0.days(until: date), status: status, outcome: label, excludedReason: nil)
        }
        return EndpointRecord(patientId: p.id, start: t0, days: t0.days(until: end), status: 0, outcome: "last contact", excludedReason: nil)
    }
}
