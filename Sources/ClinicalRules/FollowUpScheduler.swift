import CaseModel

/// Follow-up schedules nurses track (clinical-reference.md §2e), generated from each patient's own
/// dates, merged with the explicit tasks of the case file, with a status relative to `today`.
///
/// Templates and sources:
/// - AML molecular MRD per marker: Ommen et al., Blood 2010;115:198 [C] (CBFB::MYH11 PB q6 mo; NPM1
///   FLT3-ITD− BM q6 mo; NPM1 FLT3-ITD+ and RUNX1::RUNX1T1 BM q4 mo; PML::RARA BM q2 mo), for 24
///   months after remission [U] (ELN summary); confirmation of an MRD event within 4 weeks [K] ELN 2021.
/// - ALL MRD time points day 15 (FCM), day 33 (TP1), day 78 (TP2) from the start of induction [C] AIEOP-BFM.
/// - BCR::ABL1 milestones at 3, 6, 12 months [C] then every 3 months [K] (ELN 2020).
/// - Post-allogeneic HCT long-term follow-up and re-vaccination: Majhail et al., BMT 2012, Table 1 and
///   appendix Table A [C].
/// - Fanconi anaemia: CBC at least every 3–4 months, BM yearly; with a clone CBC q1–2 mo, BM q1–6 mo [C]
///   FA Research Fund guidelines.
/// - RUNX1-FPD carriers: CBC every 6–12 months, baseline BM [C] (Churpek); GATA2 and telomere-disorder
///   carriers: CBC q3–4 mo and yearly BM [U] (Porter et al. 2017).
public enum FollowUpScheduler {
    public static let rule = "Follow-up schedules (clinical-reference.md §2e)"
    public static let version = "2026.1"

    /// A task due within this many days (today included) is due soon (local convention of the institute's worklist).
    public static let dueSoonDays = 14
    /// A generated task and an explicit one of the same kind within this many days are the same task.
    public static let mergeWindowDays = 14
    /// A sample taken within this many days of a fixed time point fulfils it.
    public static let timePointToleranceDays = 14
    /// ELN MRD working party schedule for NPM1 / CBF MRD (Schuurhuis 2018, Heuser 2021): marrow every 3 months…
    public static let elnMarrowMRDMonths = 3
    /// …or blood every 4–6 weeks (due at the end of the window).
    public static let elnBloodMRDWeeks = 6
    public static let elnMRDScheduleSource = "ELN MRD working party (Schuurhuis et al., Blood 2018; Heuser et al., Blood 2021): NPM1/CBF MRD marrow every 3 months or blood every 4–6 weeks for 24 months after consolidation"
    /// AML molecular MRD monitoring lasts 24 months after remission. [U] ELN summary.
    public static let amlMRDMonitoringMonths = 24
    /// AML in remission: CBC every 3 months for the first 2 years. [U] secondary summary of Onkopedia/ELN.
    public static let amlRemissionCBCMonths = 3
    /// Vaccination and one-off post-HCT tasks are generated up to this many months after transplant;
    /// later ones belong to the yearly long-term follow-up visit. Local convention.
    public static let postHCTCatchUpMonths = 36
    /// One-off time-point tasks (ALL day 15/33/78, CML milestones) older than this are no longer listed.
    public static let staleAfterDays = 120

    // MARK: - Status

    /// `done`, `overdue` (due before today), `due-soon` (due within 14 days) or `upcoming`.
    public static func status(due: LocalDate, done: Bool, today: LocalDate) -> FollowUpStatus {
        if done { return .done }
        let d = today.days(until: due)
        if d < 0 { return .overdue }
        if d <= dueSoonDays { return .dueSoon }
        return .upcoming
    }

    /// Most urgent first: overdue, due soon, upcoming, done; then by due date, patient and id.
    public static func urgencyOrder(_ a: FollowUpTask, _ b: FollowUpTask) -> Bool {
        if a.status != b.status { return rank(a.status) < rank(b.status) }
        if a.due != b.due { return a.due < b.due }
        if a.patient != b.patient { return a.patient < b.patient }
        return a.id < b.id
    }

    /// `tasks` sorted by `urgencyOrder`, moving indices rather than the large task values.
    public static func sortedByUrgency(_ tasks: [FollowUpTask]) -> [FollowUpTask] {
        if tasks.count < 2 { return tasks }
        struct Key { var rank: Int; var due: Int; var patient: String; var id: String; var index: Int }
        var keys: [Key] = []
        keys.reserveCapacity(tasks.count)
        for (i, t) in tasks.enumerated() {
            keys.append(Key(rank: rank(t.status), due: t.due.daysSinceEpoch, patient: t.patient, id: t.id, index: i))
        }
        keys.sort { a, b in
            if a.rank != b.rank { return a.rank < b.rank }
            if a.due != b.due { return a.due < b.due }
            if a.patient != b.patient { return a.patient < b.patient }
            return a.id < b.id
        }
        return keys.map { tasks[$0.index] }
    }

    /// Urgency rank of a status (FollowUpStatus.< allocates; this does not).
    @inline(__always) static func rank(_ s: FollowUpStatus) -> Int {
        switch s {
        case .overdue: return 0
        case .dueSoon: return 1
        case .upcoming: return 2
        case .patientDeceased: return 3
        case .done: return 4
        }
    }

    // MARK: - Worklist

    /// The nurse worklist over `patients`: open tasks (not done) that are overdue or due within
    /// `dueWithinDays` days (all open tasks when nil), of `site` when given, most urgent first.
    public static func worklist(patients: [Patient], today: LocalDate, dueWithinDays: Int? = nil,
                                site: String? = nil) -> [FollowUpTask] {
        let wantedSite = site?.lowercased()
        var out: [FollowUpTask] = []
        for p in patients {
            if let w = wantedSite, p.site?.lowercased() != w { continue }
            for t in tasks(for: p, today: today) where t.status != .done {
                if let n = dueWithinDays, today.days(until: t.due) > n { continue }
                out.append(t)
            }
        }
        return sortedByUrgency(out)
    }

    // MARK: - Per patient

    /// All tasks of `patient`: generated ones merged with the explicit ones (the explicit task wins),
    /// most urgent first.
    public static func tasks(for patient: Patient, today: LocalDate,
                             mrd: [MRDSeriesAssessment]? = nil, germline: GermlineAssessment? = nil,
                             cytogenetics: CytogeneticProfile? = nil) -> [FollowUpTask] {
        // A deceased patient: no task is generated; the open explicit ones are "patient deceased" (DeceasedRule).
        if DeceasedRule.isDeceased(patient) {
            return sortedByUrgency(patient.followUps.enumerated().map { i, f in
                FollowUpTask(id: f.id ?? "\(patient.id):explicit-\(i + 1)", patient: patient.id, due: f.due, kind: f.kind,
                             status: f.isDone ? .done : .patientDeceased, note: f.note,
                             source: "explicit", done: f.done, repeatDays: nil, site: patient.site,
                             dueStatus: f.isDone ? nil : status(due: f.due, done: false, today: today))
            })
        }
        var b = Builder(patient: patient, today: today)
        b.cyto = cytogenetics
        let mrdAssessments = mrd ?? MRDInterpreter.assess(patient.mrd, category: patient.diagnosis?.category,
                                                                 therapies: patient.therapies)
        b.mrdConfirmations(mrdAssessments)
        b.amlMRD()
        b.allMRD()
        b.bcrAbl1()
        b.postTransplant()
        b.surveillance(germline: germline ?? GermlinePredisposition.assess(patient, today: today))

        // Explicit tasks.
        var explicit: [FollowUpTask] = []
        for (i, f) in patient.followUps.enumerated() {
            let id = f.id ?? "\(patient.id):explicit-\(i + 1)"
            explicit.append(FollowUpTask(id: id, patient: patient.id, due: f.due, kind: f.kind,
                                         status: status(due: f.due, done: f.isDone, today: today), note: f.note,
                                         source: "explicit", done: f.done, repeatDays: nil, site: patient.site))
        }
        var merged = explicit
        let explicitFamilies = b.explicitDone.map(\.family)
        for g in b.tasks {
            let k = b.family(g.kind)
            if let i = explicit.indices.first(where: { explicitFamilies[$0] == k
                && abs(explicit[$0].due.days(until: g.due)) <= mergeWindowDays }) {
                // The explicit task wins; it inherits the schedule's repeat interval when it has none.
                if merged[i].repeatDays == nil { merged[i].repeatDays = g.repeatDays }
                continue
            }
            merged.append(g)
        }
        return sortedByUrgency(merged)
    }

    /// The kind family used to match explicit and generated tasks ("re-vaccination" and "vaccination"
    /// are one kind; "MRD sample" and "MRD NPM1 BM" are one kind).
    public static func normalise(_ kind: String) -> String {
        let k = FastText.lower(kind)
        func has(_ n: String) -> Bool { FastText.contains(k, n) }
        if has("vaccin") { return "vaccination" }
        if has("mrd") && has("confirm") { return "mrd-confirmation" }
        if has("mrd") || has("bcr::abl1") || has("bcr-abl1") { return "mrd" }
        if has("bone marrow") || has("bone-marrow") || k == "bm" { return "bone-marrow" }
        if has("cbc") || has("blood count") { return "cbc" }
        return String(decoding: k.utf8.filter { ($0 >= 97 && $0 <= 122) || ($0 >= 48 && $0 <= 57) || $0 >= 128 }, as: UTF8.self)
    }

    /// Days in `months` months, for `repeatDays` (calendar months are used for the due dates themselves).
    static func days(months: Int) -> Int { Int((Double(months) * 30.4375).rounded()) }

    struct Builder {
        let patient: Patient
        let today: LocalDate
        var tasks: [FollowUpTask] = []

        /// Explicit tasks with their kind family: (family, due, completion date when done).
        let explicitDone: [(family: String, due: LocalDate, done: LocalDate?)]
        var familyCache: [String: String] = [:]
        /// Precomputed diagnostic cytogenetics, when the caller has it.
        var cyto: CytogeneticProfile?

        init(patient: Patient, today: LocalDate) {
            self.patient = patient; self.today = today
            explicitDone = patient.followUps.map { (normalise($0.kind), $0.due, $0.isDone ? ($0.done ?? $0.due) : nil) }
        }

        mutating func family(_ kind: String) -> String {
            if let f = familyCache[kind] { return f }
            let f = normalise(kind)
            familyCache[kind] = f
            return f
        }

        mutating func add(_ slug: String, due: LocalDate, kind: String, note: String?, source: String,
                          done: LocalDate? = nil, repeatDays: Int? = nil) {
            let explicitDone = latestExplicitDone(kind: kind, near: due)
            let doneDate = done ?? explicitDone
            tasks.append(FollowUpTask(id: "\(patient.id):\(slug)", patient: patient.id, due: due, kind: kind,
                                      status: status(due: due, done: doneDate != nil, today: today), note: note,
                                      source: source, done: doneDate, repeatDays: repeatDays, site: patient.site))
        }

        /// An explicit task of this kind marked done near `due`.
        mutating func latestExplicitDone(kind: String, near due: LocalDate) -> LocalDate? {
            if explicitDone.isEmpty { return nil }
            let k = family(kind)
            for e in explicitDone where e.done != nil && e.family == k && abs(e.due.days(until: due)) <= mergeWindowDays {
                return e.done
            }
            return nil
        }

        /// Latest completion date of an explicit task of this kind.
        mutating func lastExplicitDone(kind: String) -> LocalDate? {
            if explicitDone.isEmpty { return nil }
            let k = family(kind)
            return explicitDone.filter { $0.done != nil && $0.family == k }.compactMap(\.done).max()
        }

        /// Adds the next occurrence of a repeating schedule: `anchor + interval` after the latest of the
        /// anchor, the last matching sample and the last explicit completion.
        mutating func repeating(_ slug: String, kind: String, anchor: LocalDate, months: Int, until: LocalDate? = nil,
                                lastDone: LocalDate?, note: String, source: String) {
            var base = anchor
            if let l = lastDone, l > base { base = l }
            if let e = lastExplicitDone(kind: kind), e > base { base = e }
            let due = base.adding(months: months)
            // The schedule has ended (e.g. 24 months of MRD monitoring): nothing more is due.
            if let until, due > until || today > until { return }
            add(slug, due: due, kind: kind, note: note, source: source, repeatDays: days(months: months))
        }

        /// A one-off time point: done when a matching sample lies within the tolerance; dropped when stale.
        mutating func timePoint(_ slug: String, due: LocalDate, kind: String, sampleDates: [LocalDate], note: String,
                                source: String, staleAfter: Int = staleAfterDays) {
            let sample = sampleDates.first { abs($0.days(until: due)) <= timePointToleranceDays }
            if sample == nil && due.days(until: today) > staleAfter { return }
            add(slug, due: due, kind: kind, note: note, source: source, done: sample)
        }

        var category: DiagnosisCategory? { patient.diagnosis?.category }

        /// First date of remission (CR/CRi/CRh) on or after the diagnosis.
        var firstRemission: LocalDate? {
            let dx = patient.diagnosis?.date
            return patient.diseaseStatus.filter { e in e.status.isRemission && (dx.map { e.date >= $0 } ?? true) }
                .map(\.date).min()
        }

        var latestStatus: DiseaseStatus? { patient.status(on: today)?.status }

        // MRD confirmation of conversion / log-rise events.
        mutating func mrdConfirmations(_ series: [MRDSeriesAssessment]) {
            for s in series {
                for e in s.events {
                    guard let due = e.confirmationDue, !e.confirmed else { continue }
                    add("mrd-confirm-\(slugify(s.marker))-\(s.tissue.rawValue.lowercased())-\(DateText.iso(e.date))",
                        due: due, kind: "MRD confirmation",
                        note: "\(s.marker) \(s.method.rawValue) \(s.tissue.rawValue): \(e.kind.rawValue) on \(DateText.iso(e.date)); confirm in a second sample (PB and BM)",
                        source: MRDInterpreter.profile(marker: s.marker, method: s.method, category: patient.diagnosis?.category).source)
                }
            }
        }

        // AML molecular MRD per marker (Ommen 2010 intervals).
        mutating func amlMRD() {
            guard category == .aml || category == .apl, let cr = firstRemission else { return }
            if let st = latestStatus, st == .relapsed || st == .refractory || st == .progression { return }
            let until = cr.adding(months: amlMRDMonitoringMonths)
            let g = GeneticFindings(patient)
            let cyto = self.cyto ?? CytogeneticProfile.diagnostic(for: patient)
            var plans: [(marker: String, months: Int, tissue: String)] = []
            // NPM1 and CBF: the ELN MRD working party schedule, below; PML::RARA: Ommen 2010.
            var elnPlans: [String] = []
            if g.npm1 != nil { elnPlans.append("NPM1") }
            if cyto.has(.runx1Runx1t1) { elnPlans.append("RUNX1::RUNX1T1") }
            if cyto.has(.cbfbMyh11) { elnPlans.append("CBFB::MYH11") }
            if cyto.has(.pmlRara) || category == .apl { plans.append(("PML::RARA", 2, "BM")) }
            elnMolecularMRD(markers: elnPlans, remission: cr)
            // Blood counts and examination every 3 months for the first 2 years of remission. [U] §2e.
            let cbcTests: Set<String> = ["ANC", "WBC", "platelets", "hemoglobin"]
            let lastCBC = patient.labs.filter { cbcTests.contains($0.test) }.map(\.date).max()
            repeating("aml-remission-cbc", kind: "CBC", anchor: cr, months: amlRemissionCBCMonths, until: until, lastDone: lastCBC,
                      note: "CBC and clinical examination every 3 months for 2 years of remission; marrow only if counts fall",
                      source: "AML in remission, ELN/Onkopedia summary [U]")
            for plan in plans {
                let samples = patient.mrd.filter { $0.marker == plan.marker }.map(\.date)
                let last = samples.max()
                let kind = "MRD \(plan.marker) \(plan.tissue)"
                repeating("aml-mrd-\(slugify(plan.marker))", kind: kind, anchor: cr, months: plan.months, until: until,
                          lastDone: last,
                          note: "\(plan.marker) MRD in \(plan.tissue) every \(plan.months) months for \(amlMRDMonitoringMonths) months after CR (\(DateText.iso(cr)))",
                          source: "AML MRD \(plan.marker), Ommen 2010 / ELN 2021")
            }
        }

        /// NPM1 and CBF MRD monitoring after consolidation: marrow every 3 months, or blood every 4–6 weeks,
        /// for 24 months (ELN MRD working party: Schuurhuis et al., Blood 2018;131:1275, kept in Heuser et al.,
        /// Blood 2021;138:2753; clinical-reference.md §2b "Sampling schedule anchors"). Blood when the marker is
        /// followed in blood (its latest sample is PB), due 6 weeks after it (the end of the 4–6 week window).
        mutating func elnMolecularMRD(markers: [String], remission cr: LocalDate) {
            guard !markers.isEmpty else { return }
            let consolidation = patient.therapies.filter { $0.intent == .consolidation && $0.start >= cr.adding(days: -60) }
                .map { $0.end ?? $0.start }.max()
            let anchor = consolidation ?? cr
            let until = anchor.adding(months: amlMRDMonitoringMonths)
            let after = consolidation.map { "after consolidation (\(DateText.iso($0)))" } ?? "after CR (\(DateText.iso(cr)); no consolidation recorded)"
            for marker in markers {
                let samples = patient.mrd.filter { $0.marker == marker }
                let latest = samples.max { $0.date < $1.date }
                let blood = latest?.tissue == .pb
                let kind = "MRD \(marker) \(blood ? "PB" : "BM")"
                let lastDone = samples.filter { $0.tissue == (blood ? .pb : .bm) }.map(\.date).max()
                if blood {
                    var base = anchor
                    if let l = lastDone, l > base { base = l }
                    if let e = lastExplicitDone(kind: kind), e > base { base = e }
                    let due = base.adding(days: elnBloodMRDWeeks * 7)
                    if due > until || today > until { continue }
                    add("aml-mrd-\(slugify(marker))", due: due, kind: kind,
                        note: "\(marker) MRD in blood every 4–6 weeks for \(amlMRDMonitoringMonths) months \(after)",
                        source: elnMRDScheduleSource, repeatDays: elnBloodMRDWeeks * 7)
                } else {
                    repeating("aml-mrd-\(slugify(marker))", kind: kind, anchor: anchor, months: elnMarrowMRDMonths, until: until,
                              lastDone: lastDone,
                              note: "\(marker) MRD in marrow every \(elnMarrowMRDMonths) months for \(amlMRDMonitoringMonths) months \(after)",
                              source: elnMRDScheduleSource)
                }
            }
        }

        // ALL MRD day 15 / 33 / 78.
        mutating func allMRD() {
            guard category == .bALL || category == .tALL || category == .mpal, let dx = patient.diagnosis else { return }
            let induction = patient.therapies.filter { $0.intent == .induction && $0.start >= dx.date.adding(days: -14) }
                .map(\.start).min() ?? dx.date
            let samples = patient.mrd.map(\.date)
            for (day, label) in [(15, "day 15 (FCM)"), (33, "day 33 (TP1, BM)"), (78, "day 78 (TP2, BM)")] {
                // Protocol days count the first day of induction as day 1.
                timePoint("all-mrd-d\(day)", due: induction.adding(days: day - 1), kind: "ALL MRD \(label)", sampleDates: samples,
                          note: "MRD \(label) from induction start \(DateText.iso(induction))", source: "AIEOP-BFM ALL MRD time points")
            }
        }

        // BCR::ABL1 milestones.
        mutating func bcrAbl1() {
            guard category == .cml, let dx = patient.diagnosis else { return }
            let start = patient.therapies.filter { $0.start >= dx.date.adding(days: -14) }.map(\.start).min() ?? dx.date
            let samples = patient.mrd.filter { $0.marker == "BCR::ABL1" }.map(\.date)
            for m in [3, 6, 12] {
                timePoint("bcr-abl1-m\(m)", due: start.adding(months: m), kind: "BCR::ABL1 PCR",
                          sampleDates: samples, note: "ELN 2020 milestone at \(m) months of TKI (start \(DateText.iso(start)))",
                          source: "ELN 2020 CML milestones")
            }
            let m12 = start.adding(months: 12)
            if today >= m12.adding(days: -timePointToleranceDays) {
                repeating("bcr-abl1-q3m", kind: "BCR::ABL1 PCR", anchor: m12, months: 3, lastDone: samples.max(),
                          note: "BCR::ABL1 every 3 months after the 12-month milestone", source: "ELN 2020 CML monitoring")
            }
        }

        // Post-allogeneic HCT long-term follow-up and vaccination (Majhail 2012).
        mutating func postTransplant() {
            guard let tx = patient.transplants.filter({ $0.type == .allogeneic }).max(by: { $0.date < $1.date }) else { return }
            let t = tx.date
            let src = "Post-allo HCT follow-up, Majhail BMT 2012"
            let catchUpEnd = t.adding(months: postHCTCatchUpMonths)
            let inCatchUp = today <= catchUpEnd
            if inCatchUp {
                add("allo-ltfu-6m", due: t.adding(months: 6), kind: "LTFU visit",
                    note: "6-month post-HCT evaluation (ocular, oral, respiratory)", source: src)
                add("allo-ophthalmology-1y", due: t.adding(years: 1), kind: "ophthalmology",
                    note: "visual acuity and fundus examination at 1 year", source: src)
            }
            // Yearly from year 1: the latest past anniversary when not done (overdue), and the next one.
            let completedYears = Swift.max(0, t.age(on: today))
            for (slug, kind, what) in [("allo-ltfu", "LTFU visit", "yearly post-HCT evaluation (ocular, oral, respiratory)"),
                                       ("allo-dental", "dental", "dental assessment at 1 year then yearly"),
                                       ("allo-cv-risk", "cardiovascular risk", "cardiovascular risk assessment at 1 year then yearly")] {
                for k in Swift.max(1, completedYears)...(completedYears + 1) {
                    let due = t.adding(years: k)
                    if due < today && latestExplicitDone(kind: kind, near: due) != nil { continue }
                    add("\(slug)-y\(k)", due: due, kind: kind, note: what, source: src, repeatDays: 365)
                }
            }

            // Vaccines, appendix Table A: start time after HCT and doses (doses one month apart; HBV 0-1-6).
            guard inCatchUp else { return }
            let vsrc = "Post-HCT vaccination, Majhail BMT 2012 Table A"
            // One task per vaccination visit (the doses due the same month after HCT are given together):
            // nurses book visits, not single doses.
            let immunosuppressed = tx.gvhd == .acute || tx.gvhd == .chronic
                || patient.therapies.contains { $0.intent == .immunosuppression && ($0.end == nil || $0.end.map { $0 >= today } == true) }
            var visits: [Int: [String]] = [:]
            func vaccine(_ name: String, startMonths: Int, offsets: [Int], note: String = "") {
                for (i, off) in offsets.enumerated() {
                    visits[startMonths + off, default: []].append("\(name) \(i + 1)/\(offsets.count)\(note)")
                }
            }
            vaccine("PCV", startMonths: 3, offsets: [0, 1, 2])
            vaccine("Tdap", startMonths: 6, offsets: [0, 1, 2])
            vaccine("Hib", startMonths: 6, offsets: [0, 1, 2])
            vaccine("IPV", startMonths: 6, offsets: [0, 1, 2])
            vaccine("HBV (per national policy)", startMonths: 6, offsets: [0, 1, 6])
            vaccine("MenACWY (per national policy)", startMonths: 6, offsets: [0])
            vaccine("MMR (live)", startMonths: 24, offsets: [0],
                    note: immunosuppressed ? " — DEFER: live vaccine contraindicated with active GVHD or immunosuppression" : "")
            for month in visits.keys.sorted() {
                add("allo-vacc-m\(month)", due: t.adding(months: month), kind: "vaccination",
                    note: "\(month) months after HCT: " + (visits[month] ?? []).joined(separator: ", "), source: vsrc)
            }
            // Inactivated influenza from 4 months, then yearly: the latest dose not done (overdue) and the next one.
            let flu0 = t.adding(months: 4)
            if today < flu0 {
                add("allo-vacc-flu-1", due: flu0, kind: "vaccination", note: "inactivated influenza dose 1 (then yearly)",
                    source: vsrc, repeatDays: 365)
            } else {
                let y = Swift.max(0, flu0.age(on: today))
                for k in y...(y + 1) {
                    let due = flu0.adding(years: k)
                    if due < today && latestExplicitDone(kind: "vaccination", near: due) != nil { continue }
                    add("allo-vacc-flu-\(k + 1)", due: due, kind: "vaccination",
                        note: k == 0 ? "inactivated influenza dose 1 (then yearly)" : "inactivated influenza, yearly dose \(k + 1)",
                        source: vsrc, repeatDays: 365)
                }
            }
        }

        // Fanconi anaemia and carrier surveillance.
        mutating func surveillance(germline: GermlineAssessment) {
            let cbcTests: Set<String> = ["ANC", "WBC", "platelets", "hemoglobin"]
            let lastCBC = patient.labs.filter { cbcTests.contains($0.test) }.map(\.date).max()
            let lastBM = (patient.karyotypes.map(\.date) + patient.labs.filter { $0.test == "BM-blasts" }.map(\.date)).max()
            let anchor = patient.diagnosis?.date ?? today
            let confirmedGenes = Set(germline.flags.filter { $0.level == .confirmed }.compactMap(\.gene))
            let dxText = ((patient.diagnosis?.who2022 ?? "") + " " + (patient.diagnosis?.icc2022 ?? "")).lowercased()
            let isFA = FastText.contains(dxText, "fanconi") || !confirmedGenes.isDisjoint(with: GermlinePredisposition.fanconiGenes)
            let activeNeoplasm: Bool = {
                guard let c = category else { return false }
                return ![.germlinePredisposition, .ibmfs, .aplasticAnaemia, .pnh].contains(c)
            }()
            if isFA && !activeNeoplasm {
                let clone = patient.karyotypes.max(by: { $0.date < $1.date }).map { !$0.abnormalities.isEmpty } ?? false
                let src = "Fanconi anaemia surveillance, FA Research Fund guidelines"
                repeating("fa-cbc", kind: "CBC", anchor: anchor, months: clone ? 1 : 3, lastDone: lastCBC,
                          note: clone ? "CBC with differential monthly (clonal abnormality present)" : "CBC with differential every 3 months",
                          source: src)
                repeating("fa-bm", kind: "bone marrow", anchor: anchor, months: clone ? 3 : 12, lastDone: lastBM,
                          note: clone ? "bone marrow with cytogenetics every 3 months (clone)" : "bone marrow with cytogenetics yearly",
                          source: src)
                return
            }
            guard !activeNeoplasm else { return }
            if confirmedGenes.contains("RUNX1") {
                let src = "RUNX1-FPD carrier surveillance (Churpek)"
                repeating("runx1-cbc", kind: "CBC", anchor: anchor, months: 6, lastDone: lastCBC,
                          note: "CBC every 6–12 months (RUNX1 familial platelet disorder)", source: src)
                if lastBM == nil {
                    add("runx1-baseline-bm", due: anchor.adding(months: 3), kind: "bone marrow",
                        note: "consider a baseline bone-marrow biopsy", source: src)
                }
            } else if confirmedGenes.contains("GATA2") || !confirmedGenes.isDisjoint(with: GermlinePredisposition.telomereGenes) {
                let which = confirmedGenes.contains("GATA2") ? "GATA2" : "telomere biology disorder"
                let src = "\(which) carrier surveillance (Porter 2017) [U]"
                repeating("carrier-cbc", kind: "CBC", anchor: anchor, months: 3, lastDone: lastCBC,
                          note: "CBC every 3–4 months (\(which) carrier)", source: src)
                repeating("carrier-bm", kind: "bone marrow", anchor: anchor, months: 12, lastDone: lastBM,
                          note: "bone marrow yearly (\(which) carrier)", source: src)
            }
        }
    }

    /// "RUNX1::RUNX1T1" → "runx1-runx1t1" (ASCII letters and digits kept, runs of others become one dash).
    static func slugify(_ s: String) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(s.utf8.count)
        var dash = false
        for b in s.utf8 {
            let lower = (b >= 65 && b <= 90) ? b + 32 : b
            if (lower >= 97 && lower <= 122) || (lower >= 48 && lower <= 57) { out.append(lower); dash = false }
            else if !dash && !out.isEmpty { out.append(45); dash = true }
        }
        while out.last == 45 { out.removeLast() }
        return String(decoding: out, as: UTF8.self)
    }
}
