import CaseModel
import ClinicalRules
import BoardApp

/// A small, fixed world for screen goldens and scripted tests: patients of every group, fixed
/// interpretations (independent of the rules engine's progress) and fixed trial verdicts.
public enum BoardFixtures {
    public static let today = LocalDate(year: 2026, month: 11, day: 29) ?? LocalDate(daysSinceEpoch: 20786)

    static func d(_ s: String) -> LocalDate { LocalDate(s) ?? today }

    public static let patients: [Patient] = {
        var out: [Patient] = []
        out.append(Patient(
            id: "SL-AML-0042", identity: Identity(mrn: "90000042", family: "Dupont-Test", given: "Marie"), sex: .female,
            birthDate: d("1963-04-02"), site: "Saint-Louis",
            diagnoses: [Diagnosis(date: d("2026-01-10"), category: .aml, who2022: "AML with NPM1 mutation",
                                  icc2022: "AML with mutated NPM1", icd10: "C92.0", oncotree: "AMLNPM1", blastsBM: 62)],
            diseaseStatus: [DiseaseStatusEntry(date: d("2026-01-10"), status: .newlyDiagnosed), DiseaseStatusEntry(date: d("2026-03-02"), status: .cr)],
            karyotypes: [Karyotype(date: d("2026-01-10"), tissue: .bm, iscn: "46,XX[20]", abnormalities: [])],
            variants: [
                Variant(gene: "NPM1", date: d("2026-01-10"), hgvsc: "NM_002520.7:c.860_863dup", hgvsp: "p.(Trp288CysfsTer12)",
                        consequence: .frameshift, vaf: 0.41, origin: .somatic, tissue: .bm, classification: .pathogenic),
                Variant(gene: "DNMT3A", date: d("2026-01-10"), hgvsp: "p.(Arg882His)", consequence: .missense, vaf: 0.38, origin: .unknown, tissue: .bm),
                Variant(gene: "DDX41", date: d("2026-01-10"), hgvsp: "p.(Met1Ile)", consequence: .missense, vaf: 0.49, origin: .unknown, tissue: .bm),
            ],
            testedGenes: [GenePanel(date: d("2026-01-10"), assay: "Myeloid NGS 40", tissue: .bm,
                                    genes: ["NPM1", "DNMT3A", "DDX41", "FLT3", "IDH1", "IDH2", "TP53", "RUNX1", "ASXL1"])],
            mrd: [],
            therapies: [
                Therapy(start: d("2026-01-14"), end: d("2026-02-12"), regimen: "7+3", agents: ["cytarabine", "daunorubicin"], intent: .induction, line: 1, response: "CR"),
                Therapy(start: d("2026-03-10"), end: d("2026-06-20"), regimen: "HiDAC x3", agents: ["cytarabine"], intent: .consolidation, line: 1),
            ],
            transplants: [Transplant(date: d("2026-08-04"), type: .allogeneic, donor: "matched unrelated", gvhd: .acute)],
            familyHistory: [FamilyHistoryEntry(relation: .sibling, condition: "MDS", ageAtDiagnosis: 58)],
            followUps: [FollowUp(id: "T-42-1", due: d("2026-11-20"), kind: "NPM1 MRD (PB)"),
                        FollowUp(id: "T-42-2", due: d("2026-12-05"), kind: "post-HCT visit D+120")]))
        out.append(Patient(
            id: "SL-CML-0007", identity: Identity(mrn: "90000007", family: "Martin-Test", given: "Paul"), sex: .male,
            birthDate: d("1971-09-15"), site: "Avicenne",
            diagnoses: [Diagnosis(date: d("2025-06-01"), category: .cml, who2022: "CML, chronic phase", icd10: "C92.1")],
            diseaseStatus: [DiseaseStatusEntry(date: d("2025-06-01"), status: .chronicPhase)],
            fusions: [Fusion(date: d("2025-06-01"), name: "BCR::ABL1", method: "RT-PCR")],
            therapies: [Therapy(start: d("2025-06-10"), regimen: "imatinib", agents: ["imatinib"], intent: .other, line: 1)],
            followUps: [FollowUp(id: "T-7-1", due: d("2026-12-08"), kind: "BCR::ABL1 IS (PB)")]))
        out.append(Patient(
            id: "SL-ALL-0103", identity: Identity(mrn: "90000103", family: "Leroy-Test", given: "Lina"), sex: .female,
            birthDate: d("2017-02-28"), site: "Robert-Debré",
            diagnoses: [Diagnosis(date: d("2026-02-01"), category: .bALL, who2022: "B-ALL with hyperdiploidy")],
            diseaseStatus: [DiseaseStatusEntry(date: d("2026-03-15"), status: .cr)],
            karyotypes: [Karyotype(date: d("2026-02-01"), tissue: .bm, abnormalities: ["+4", "+10", "+21"])],
            therapies: [Therapy(start: d("2026-02-03"), regimen: "AIEOP-BFM induction", agents: ["prednisone", "vincristine"], intent: .induction, line: 1)],
            followUps: [FollowUp(id: "T-103-1", due: d("2027-01-15"), kind: "IG/TR MRD (BM)")]))
        out.append(Patient(
            id: "SL-MDS-0019", identity: Identity(mrn: "90000019", family: "Bernard-Test", given: "Hugo"), sex: .male,
            birthDate: d("1998-12-01"), site: "Saint-Louis",
            diagnoses: [Diagnosis(date: d("2026-04-20"), category: .mds, who2022: "MDS with low blasts", blastsBM: 3)],
            diseaseStatus: [DiseaseStatusEntry(date: d("2026-04-20"), status: .newlyDiagnosed)],
            karyotypes: [Karyotype(date: d("2026-04-20"), tissue: .bm, abnormalities: ["-7"])],
            variants: [Variant(gene: "RUNX1", date: d("2026-04-20"), hgvsp: "p.(Arg201Gln)", consequence: .missense, vaf: 0.5,
                               origin: .germline, tissue: .skinFibroblast, classification: .pathogenic)],
            clinicalFeatures: ["lifelong-thrombocytopenia"],
            followUps: [FollowUp(id: "T-19-1", due: d("2026-10-01"), kind: "RUNX1 carrier surveillance"),
                        FollowUp(id: "T-19-2", due: d("2026-06-01"), kind: "Bone-marrow aspirate", done: d("2026-06-03"))]))
        out.append(Patient(
            id: "SL-BMF-0003", identity: Identity(mrn: "90000003", family: "Petit-Test", given: "Zoé"), sex: .female,
            birthDate: d("2004-07-07"), site: "Avicenne",
            diagnoses: [Diagnosis(date: d("2026-05-05"), category: .aplasticAnaemia, who2022: "Severe aplastic anaemia")],
            therapies: [Therapy(start: d("2026-05-10"), regimen: "hATG + ciclosporin + eltrombopag", agents: ["ATG", "ciclosporin", "eltrombopag"], intent: .immunosuppression)]))
        let groups: [(DiagnosisCategory, String)] = [(.aml, "AML-MR"), (.mpn, "Polycythaemia vera"), (.tALL, "T-ALL"),
                                                     (.mdsMpn, "CMML"), (.pnh, "PNH"), (.germlinePredisposition, "DDX41 carrier")]
        for i in 0..<24 {
            let (cat, label) = groups[i % groups.count]
            out.append(Patient(
                id: "SL-\(cat.group.rawValue.uppercased())-0\(200 + i)",
                identity: Identity(family: "Fixture\(i)", given: "Case"), sex: i % 2 == 0 ? .male : .female,
                birthDate: d("19\(50 + i)-0\(1 + i % 9)-1\(i % 9)"), site: i % 3 == 0 ? "Saint-Louis" : "Avicenne",
                diagnoses: [Diagnosis(date: d("2026-0\(1 + i % 9)-15"), category: cat, who2022: label)],
                diseaseStatus: [DiseaseStatusEntry(date: d("2026-0\(1 + i % 9)-15"), status: i % 4 == 0 ? .relapsed : .newlyDiagnosed)],
                followUps: i % 5 == 0 ? [FollowUp(id: "T-F\(i)", due: d("2026-12-1\(i % 9)"), kind: "clinic visit")] : []))
        }
        // Everyone alive and seen this month (the Outcomes view has curves to show; no death changes a verdict).
        for i in out.indices { out[i].vitalStatus = .alive; out[i].lastContact = d("2026-11-2\(i % 9)") }
        return out
    }()

    static func mrdPoint(_ date: String, _ value: Double?, sensitivity: Double? = nil, log: Double? = nil) -> MRDPoint {
        MRDPoint(date: d(date), detected: value != nil, value: value, sensitivity: sensitivity, evaluable: true, log10Change: log)
    }

    /// Fixed interpretations (the rules engine's results are tested elsewhere); `today` is unused.
    public static func interpretation(_ p: Patient, today: LocalDate) -> Interpretation {
        let none = GermlineAssessment(testingRecommended: false, flags: [])
        switch p.id {
        case "SL-AML-0042":
            let npm1 = MRDSeriesAssessment(
                marker: "NPM1", method: .qPCR, tissue: .pb, status: .relapse,
                points: [mrdPoint("2026-02-10", 2.1e-2), mrdPoint("2026-03-20", 8e-4, log: -1.4),
                         mrdPoint("2026-05-15", nil, sensitivity: 1e-5), mrdPoint("2026-08-01", 3e-5),
                         mrdPoint("2026-10-02", 4.5e-4, log: 1.18), mrdPoint("2026-11-10", 1.2e-3, log: 0.43)],
                events: [MRDEvent(date: d("2026-08-01"), kind: .conversion, log10Change: nil, confirmationDue: nil, confirmed: true),
                         MRDEvent(date: d("2026-10-02"), kind: .logRise, log10Change: 1.18, confirmationDue: d("2026-10-30"))],
                explanation: "≥1 log10 rise between two positive PB samples (ELN 2021)")
            let mfc = MRDSeriesAssessment(
                marker: "MFC", method: .MFC, tissue: .bm, status: .negative,
                points: [mrdPoint("2026-03-01", 2e-3), mrdPoint("2026-06-25", nil, sensitivity: 1e-4)],
                events: [], explanation: "below 0.1 %")
            return Interpretation(
                eln2022: RiskAssessment(risk: .favorable, drivers: ["NPM1 mutated without FLT3-ITD"], missing: [], rule: "ELN 2022"),
                eln2024LessIntensive: RiskAssessment(risk: .favorable, drivers: ["NPM1"], rule: "ELN 2024"),
                germline: GermlineAssessment(testingRecommended: true, flags: [
                    GermlineFlag(level: .suspected, gene: "DDX41", reason: "DDX41 p.(Met1Ile) at VAF 49 %, compatible with a constitutional variant"),
                    GermlineFlag(level: .redFlag, reason: "sibling with MDS (first-degree relative with a haematological neoplasm)"),
                ]),
                mrd: [npm1, mfc],
                followUps: [
                    FollowUpTask(id: "T-42-1", patient: p.id, due: d("2026-11-20"), kind: "NPM1 MRD (PB)", status: .overdue, source: "AML NPM1 MRD, ELN 2021", site: p.site),
                    FollowUpTask(id: "T-42-3", patient: p.id, due: d("2026-10-30"), kind: "Confirm NPM1 log rise", status: .overdue, note: "repeat PB sample", source: "MRD event", site: p.site),
                    FollowUpTask(id: "T-42-2", patient: p.id, due: d("2026-12-05"), kind: "post-HCT visit D+120", status: .dueSoon, source: "explicit", site: p.site),
                    FollowUpTask(id: "T-42-4", patient: p.id, due: d("2027-02-04"), kind: "Re-vaccination (6 months)", status: .upcoming, source: "post-HCT", site: p.site),
                ])
        case "SL-CML-0007":
            let bcr = MRDSeriesAssessment(
                marker: "BCR::ABL1", method: .qPCR, tissue: .pb, status: .lowLevel,
                points: [mrdPoint("2025-06-01", 0.45), mrdPoint("2025-09-05", 0.031, log: -1.16), mrdPoint("2025-12-10", 0.0042, log: -0.87),
                         mrdPoint("2026-06-12", 0.0008, log: -0.72), mrdPoint("2026-11-02", 0.0003, log: -0.43)],
                events: [], explanation: "MMR reached")
            return Interpretation(eln2022: nil, eln2024LessIntensive: nil, germline: none, mrd: [bcr], followUps: [])
        case "SL-ALL-0103":
            let igtr = MRDSeriesAssessment(
                marker: "IG/TR", method: .NGS, tissue: .bm, status: .negative,
                points: [mrdPoint("2026-03-05", 2e-3), mrdPoint("2026-04-20", nil, sensitivity: 1e-6)],
                events: [], explanation: "negative at 10^-6")
            return Interpretation(eln2022: nil, eln2024LessIntensive: nil, germline: none, mrd: [igtr], followUps: [])
        case "SL-MDS-0019":
            return Interpretation(eln2022: nil, eln2024LessIntensive: nil, germline: GermlineAssessment(testingRecommended: false, flags: [
                GermlineFlag(level: .confirmed, gene: "RUNX1", reason: "RUNX1 p.(Arg201Gln) germline on skin fibroblasts"),
                GermlineFlag(level: .redFlag, reason: "monosomy 7 at age 27"),
            ]), mrd: [], followUps: [])
        default:
            // Independent of the rules engine: the other fixture cases have no interpretation (their
            // explicit follow-ups still show, with statuses relative to today).
            return Interpretation(eln2022: nil, eln2024LessIntensive: nil, germline: none, mrd: [], followUps: [])
        }
    }

    public static let trials: [Trial] = [
        Trial(id: "DEMO-AML-MENIN", nct: "NCT-DEMO-0001", title: "Menin inhibitor for NPM1-mutated AML with MRD relapse", phase: "2",
              sponsor: "Demo Cooperative Group", status: .open, sites: ["Saint-Louis", "Avicenne"], groups: [.aml], arms: [
                TrialArm(id: "A", name: "Menin inhibitor monotherapy", status: .open,
                         inclusion: [CriterionSpec(text: "Adults 18 years or older", rule: "age >= 18"),
                                     CriterionSpec(text: "NPM1-mutated AML", rule: "variant NPM1"),
                                     CriterionSpec(text: "Molecular relapse or persistence", rule: "mrd NPM1 positive")],
                         exclusion: [CriterionSpec(text: "Active GVHD requiring systemic therapy", rule: "comorbidity active-gvhd")]),
              ]),
        Trial(id: "DEMO-AML-FLT3", title: "Intensive chemotherapy with or without a FLT3 inhibitor", phase: "3", status: .open,
              groups: [.aml], arms: [
                TrialArm(id: "A", name: "7+3 + FLT3 inhibitor", status: .open,
                         inclusion: [CriterionSpec(text: "FLT3-ITD or TKD mutation", rule: "variant FLT3 consequence in [itd, tkd]")],
                         exclusion: []),
              ]),
        Trial(id: "DEMO-CML-STOP", title: "TKI discontinuation after sustained deep molecular response", phase: "2", status: .open,
              groups: [.mpn], arms: [
                TrialArm(id: "A", name: "Stop TKI", status: .open,
                         inclusion: [CriterionSpec(text: "MR4 for at least 2 years", rule: "mrd BCR::ABL1 <= 1e-4 for 730 days")],
                         exclusion: []),
              ]),
        Trial(id: "DEMO-MDS-OLD", title: "Closed luspatercept study", phase: "3", status: .closed, groups: [.mds], arms: [
            TrialArm(id: "A", name: "luspatercept", status: .closed, inclusion: [], exclusion: []),
        ]),
    ]

    public static func verdicts(_ p: Patient, _ i: Interpretation) -> [ArmVerdict] {
        switch p.id {
        case "SL-AML-0042":
            return [
                ArmVerdict(patient: p.id, trial: "DEMO-AML-MENIN", arm: "A", armStatus: .open, verdict: .possiblyEligible, criteria: [
                    CriterionOutcome(kind: .inclusion, text: "Adults 18 years or older", result: .met, reason: "age 63 on 2026-11-29"),
                    CriterionOutcome(kind: .inclusion, text: "NPM1-mutated AML", result: .met, reason: "NPM1 c.860_863dup VAF 41 % on 2026-01-10"),
                    CriterionOutcome(kind: .inclusion, text: "Molecular relapse or persistence", result: .met, reason: "NPM1 PB 1.2e-3 on 2026-11-10, ≥1 log rise"),
                    CriterionOutcome(kind: .exclusion, text: "Active GVHD requiring systemic therapy", result: .unknown, reason: "GVHD treatment status not recorded since 2026-08-04"),
                ]),
                ArmVerdict(patient: p.id, trial: "DEMO-AML-FLT3", arm: "A", armStatus: .open, verdict: .ineligible, criteria: [
                    CriterionOutcome(kind: .inclusion, text: "FLT3-ITD or TKD mutation", result: .notMet, reason: "FLT3 tested negative on 2026-01-10 (Myeloid NGS 40)"),
                ]),
            ]
        case "SL-CML-0007":
            return [ArmVerdict(patient: p.id, trial: "DEMO-CML-STOP", arm: "A", armStatus: .open, verdict: .eligible, criteria: [
                CriterionOutcome(kind: .inclusion, text: "MR4 for at least 2 years", result: .met, reason: "BCR::ABL1 ≤ 10^-4 since 2024-09"),
            ])]
        case "SL-ALL-0103", "SL-MDS-0019":
            return [ArmVerdict(patient: p.id, trial: "DEMO-AML-MENIN", arm: "A", armStatus: .open, verdict: .ineligible, criteria: [
                CriterionOutcome(kind: .inclusion, text: "NPM1-mutated AML", result: .notMet, reason: "no NPM1 variant; diagnosis not AML"),
            ])]
        default:
            return []
        }
    }

    /// The fixture repository.
    public static func repository(isDemo: Bool = true, backing: InMemoryRepository.Backing = .init()) -> InMemoryRepository {
        InMemoryRepository(patients: patients, trials: trials, today: today, isDemo: isDemo,
                           interpreter: interpretation(_:today:), verdicts: verdicts(_:_:), backing: backing)
    }

    /// A runtime over the fixture repository and an in-memory workflow repository (tasks shown with
    /// the workflows' records), started on the case list.
    public static func workflowRuntime(width: Int = 120, height: Int = 40, ascii: Bool = false, readOnly: Bool = false,
                                       workflows: FixtureWorkflows? = nil) -> (AppRuntime, FixtureWorkflows) {
        let wf = workflows ?? FixtureWorkflows(readOnly: readOnly)
        let repo = repository(backing: .init(taskProvider: { try wf.tasks(for: $0) }))
        let rt = AppRuntime(repository: repo, width: width, height: height, ascii: ascii, workflows: wf,
                            screeningNext: { wf.allowedNext($0) })
        rt.start()
        return (rt, wf)
    }
}
