import CaseModel
import Foundation

/// Synthetic outcomes of the demo patients: vital status, last contact and death.
///
/// Each patient gets its own `SplitMix64` stream seeded from the generator's seed and the patient id, so
/// adding outcomes changes none of the other random draws. Death times are exponential with a monthly
/// hazard by disease (and, for AML, by a genetic risk proxy of ELN 2022 — favourable < intermediate <
/// adverse — computed here from the generated genetics, since CaseStore does not import ClinicalRules),
/// ×1.6 from age 60. AML monthly hazards 0.005 / 0.012 / 0.10 (favourable / intermediate / adverse; 2-year
/// OS about 89 % / 75 % / 9 % before the age factor): the order of ELN 2022's validation cohorts (Döhner et al.,
/// Blood 2022), spread wide enough that the small demo (about 110 AML, at most 36 months of follow-up) shows it.
/// A patient who dies (or, 6 % of the others, is lost to follow-up) keeps no data dated after that day.
/// Hand-written scenarios stay alive (they are the board's current cases).
extension DemoGenerator {
    enum RiskProxy: String { case favourable, intermediate, adverse }

    /// FNV-1a of the id: a stable per-patient stream whatever the order of generation.
    static func outcomeSeed(_ seed: UInt64, _ id: String) -> UInt64 {
        var h: UInt64 = 0xCBF2_9CE4_8422_2325
        for b in id.utf8 { h ^= UInt64(b); h = h &* 0x0000_0100_0000_01B3 }
        return seed ^ h ^ 0x6F75_7463_6F6D_6573
    }

    static func amlRiskProxy(_ p: Patient) -> RiskProxy {
        let tokens = Set(p.karyotypes.flatMap(\.abnormalities))
        let fusions = Set(p.fusions.map(\.name))
        let genes = Set(p.variants.filter { $0.origin != .germline }.map(\.gene))
        let itd = p.variants.contains { $0.gene == "FLT3" && $0.consequence == .itd }
        let cbf = fusions.contains("RUNX1::RUNX1T1") || fusions.contains("CBFB::MYH11")
            || tokens.contains { $0.hasPrefix("t(8;21)") || $0.hasPrefix("inv(16)") || $0.hasPrefix("t(16;16)") }
        if cbf { return .favourable }
        let adverseCyto = tokens.count >= 3 || tokens.contains { t in
            ["-7", "-5", "-17", "del(5q)", "del(17p)", "inv(3)", "t(3;3)", "t(6;9)", "t(9;22)", "i(17q)"].contains { t.hasPrefix($0) }
        } || fusions.contains { ($0.hasPrefix("KMT2A::") && $0 != "KMT2A::MLLT3") || $0 == "BCR::ABL1" || $0 == "DEK::NUP214" }
        if genes.contains("TP53") || adverseCyto { return .adverse }
        if genes.contains("NPM1") && !itd { return .favourable }
        if p.variants.contains(where: { $0.gene == "CEBPA" && ($0.domain ?? "").lowercased().contains("bzip") }) { return .favourable }
        if !genes.isDisjoint(with: ["ASXL1", "BCOR", "EZH2", "RUNX1", "SF3B1", "SRSF2", "STAG2", "U2AF1", "ZRSR2"]) { return .adverse }
        return .intermediate
    }

    /// Monthly death hazard of a patient (see the type's comment).
    static func monthlyHazard(_ p: Patient, ageAtDiagnosis: Int) -> Double {
        guard let dx = p.diagnosis else { return 0.002 }
        var h: Double
        switch dx.category {
        case .aml:
            switch amlRiskProxy(p) {
            case .favourable: h = 0.005
            case .intermediate: h = 0.012
            case .adverse: h = 0.10
            }
        case .apl: h = 0.004
        case .bALL, .tALL, .mpal: h = 0.015
        case .mds: h = 0.020
        case .mdsMpn: h = 0.025
        case .cml: h = 0.002
        case .mpn: h = 0.003
        case .aplasticAnaemia, .pnh, .ibmfs: h = 0.004
        case .germlinePredisposition: h = 0.0005
        }
        return ageAtDiagnosis >= 60 ? h * 1.6 : h
    }

    func assignOutcome(_ p: inout Patient, scenario: Bool) {
        // (A synthetic infant may be "diagnosed" before its generated birth date: time starts at the later one.)
        // Generated patients always have a birth date; a case without one gets no generated outcome.
        guard let firstDx = p.diagnoses.map(\.date).min(), let birth = p.birthDate else { return }
        let dx = max(firstDx, birth)
        var r = SplitMix64(seed: Self.outcomeSeed(seed, p.id))
        if !scenario {
            let hazard = Self.monthlyHazard(p, ageAtDiagnosis: birth.age(on: dx))
            let months = -log(max(1e-12, 1 - r.unit())) / hazard
            let deathDate = dx.adding(days: max(1, Int(months * 30.44)))
            if deathDate < ref {
                Self.truncate(&p, after: deathDate, death: true)
                let cause: DeathCause = r.weighted([(DeathCause.disease, 65.0), (.treatment, 12), (.infection, 15), (.other, 5), (.unknown, 3)],
                                                   weight: { $0.1 })?.0 ?? .disease
                p.vitalStatus = .dead
                p.death = Death(date: deathDate, cause: cause)
                p.lastContact = max(dx, min(deathDate, Self.latestDate(p) ?? dx))
                return
            }
            if r.chance(0.06) {
                let span = max(1, dx.days(until: ref))
                let lost = dx.adding(days: Int(Double(span) * r.double(0.25, 0.85)))
                Self.truncate(&p, after: lost, death: false)
                p.vitalStatus = .alive
                p.lastContact = max(lost, Self.latestDate(p) ?? lost)
                return
            }
        }
        p.vitalStatus = .alive
        let recent = ref.adding(days: -r.int(0...45))
        p.lastContact = min(ref, max(recent, Self.latestDate(p) ?? recent))
    }

    /// The latest date of any datum of the patient (followed-up data only: a done task counts, a due one not).
    static func latestDate(_ p: Patient) -> LocalDate? {
        var dates: [LocalDate] = p.diagnoses.map(\.date) + p.diseaseStatus.map(\.date) + p.karyotypes.map(\.date)
        dates += p.fusions.map(\.date) + p.variants.map(\.date) + p.testedGenes.map(\.date) + p.mrd.map(\.date)
        dates += p.labs.map(\.date) + p.performanceStatus.map(\.date) + p.therapies.map(\.start)
        dates += p.therapies.compactMap(\.end) + p.transplants.map(\.date) + p.followUps.compactMap(\.done)
        return dates.max()
    }

    /// Removes what is dated after `cutoff` (a therapy running then ends on the day of death, or is open at
    /// the last contact); after a death no task remains due.
    static func truncate(_ p: inout Patient, after cutoff: LocalDate, death: Bool) {
        p.diseaseStatus.removeAll { $0.date > cutoff }
        p.karyotypes.removeAll { $0.date > cutoff }
        p.fusions.removeAll { $0.date > cutoff }
        p.variants.removeAll { $0.date > cutoff }
        p.testedGenes.removeAll { $0.date > cutoff }
        p.mrd.removeAll { $0.date > cutoff }
        p.labs.removeAll { $0.date > cutoff }
        p.performanceStatus.removeAll { $0.date > cutoff }
        p.transplants.removeAll { $0.date > cutoff }
        p.therapies.removeAll { $0.start > cutoff }
        for i in p.therapies.indices {
            if let end = p.therapies[i].end, end > cutoff {
                p.therapies[i].end = death ? cutoff : nil
                p.therapies[i].response = nil
            }
        }
        p.followUps.removeAll { f in (f.done.map { $0 > cutoff } ?? false) || (death && f.done == nil && !f.doneFlag) }
    }
}
