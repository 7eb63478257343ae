import CaseModel

/// ELN 2022 genetic risk classification of AML at diagnosis (intensive therapy).
///
/// Source: Döhner H et al., Blood 2022;140(12):1345–1377, Table 6 and its footnotes [C]
/// (clinical-reference.md §2a). The precedence below is the reference's "suggested precedence" [K]:
/// 1. core-binding-factor fusions → favourable whatever KIT, FLT3 or MR-gene mutations accompany them;
/// 2. adverse fusions / chromosomal abnormalities (incl. complex and monosomal karyotype) → adverse,
///    NPM1-mutated AML included (footnote **);
/// 3. t(9;11)(p21.3;q23.3) → intermediate, taking precedence over rare concurrent adverse gene mutations;
/// 4. mutated NPM1: with FLT3-ITD → intermediate, else favourable (MR-gene mutations do not downgrade);
/// 5. in-frame bZIP CEBPA → favourable (MR-gene mutations do not downgrade);
/// 6. TP53 at VAF ≥ 10 % → adverse; MR-gene mutation (ASXL1, BCOR, EZH2, RUNX1, SF3B1, SRSF2, STAG2,
///    U2AF1, ZRSR2) → adverse;
/// 7. FLT3-ITD with wild-type NPM1 and no adverse lesion → intermediate; otherwise intermediate.
public enum ELN2022 {
    public static let rule = "ELN 2022 (Döhner et al., Blood 2022;140:1345, Table 6)"
    public static let version = "2022.1"

    /// TP53 counts from this VAF, irrespective of mono-/biallelic status. [C] ELN 2022; Blood 2023;142:2029.
    public static let tp53MinVAF = 0.10
    /// Tolerance when comparing a VAF with a threshold: VAFs are stored as decimal fractions, so 0.10
    /// must compare equal to 0.10 whatever its binary rounding; 0.099 stays below.
    public static let vafEpsilon = 1e-9
    /// Myelodysplasia-related genes of the adverse group. [C] ELN 2022 Table 6.
    public static let mrGenes: [String] = ["ASXL1", "BCOR", "EZH2", "RUNX1", "SF3B1", "SRSF2", "STAG2", "U2AF1", "ZRSR2"]
    /// CEBPA counts only for an in-frame mutation in the bZIP domain. [C] ELN 2022; which consequences are
    /// "in-frame" [K]: in-frame insertions/deletions/duplications and in-frame substitutions (missense).
    public static let cebpaInFrameConsequences: Set<VariantConsequence> = [.inframeInsertion, .inframeDeletion, .missense]
    public static let cebpaDomain = "bZIP"

    /// ELN 2022 risk of `patient`, or nil unless the current diagnosis is AML (APL is outside ELN 2022).
    public static func assess(_ patient: Patient) -> RiskAssessment? {
        guard let dx = patient.diagnosis, dx.category == .aml else { return nil }
        let cyto = CytogeneticProfile.diagnostic(for: patient)
        return assess(patient, cytogenetics: cyto)
    }

    static func assess(_ patient: Patient, cytogenetics cyto: CytogeneticProfile) -> RiskAssessment {
        var r = classify(patient, cytogenetics: cyto)
        // A karyotype / fusion conflict: named in the drivers, the class (from the karyotype) is provisional.
        if !cyto.conflicts.isEmpty {
            r.drivers = cyto.conflicts + r.drivers
            r.missing.append("karyotype / fusion conflict to resolve")
        }
        return r
    }

    static func classify(_ patient: Patient, cytogenetics cyto: CytogeneticProfile) -> RiskAssessment {
        let limit = patient.diagnosis.map { $0.date.adding(days: CytogeneticProfile.diagnosticWindowDays) }
        var g = GeneticFindings(patient, upTo: limit)
        if g.counted.isEmpty && !patient.variants.isEmpty { g = GeneticFindings(patient) }
        var drivers: [String] = []
        var missing: [String] = []

        let noKaryotype = !cyto.karyotypeAvailable
        let npm1Tested = g.tested("NPM1"), flt3Tested = g.flt3Tested, cebpaTested = g.tested("CEBPA")
        let npm1 = g.npm1
        let itd = g.flt3ITD
        let ptdNote: String? = g.kmt2aPTD.map { "\(GeneticFindings.label($0)): KMT2A partial tandem duplication, not a KMT2A rearrangement" }

        // Notes on lesions that do not alter risk under a favourable subtype.
        func companionNotes(_ favourable: String) -> [String] {
            var notes: [String] = []
            let kit = g.variants("KIT"), flt3 = g.variants("FLT3")
            if !kit.isEmpty || !flt3.isEmpty {
                notes.append((kit + flt3).map(GeneticFindings.label).joined(separator: ", ") + ": does not alter risk of \(favourable)")
            }
            let mr = mrGenes.filter(g.has)
            if !mr.isEmpty { notes.append("MR-gene mutation (\(mr.joined(separator: ", "))) does not downgrade \(favourable)") }
            return notes
        }

        // 1. Core-binding-factor AML.
        if let cbf = cyto.lesions.first(where: { $0.lesion.isCoreBindingFactor }) {
            drivers.append("\(cbf.lesion.shortName) [\(cbf.evidence)]")
            drivers += companionNotes("core-binding-factor AML")
            for other in cyto.lesions where other.lesion.isELN2022Adverse {
                drivers.append("\(other.lesion.shortName) also present: CBF AML kept favourable (review)")
            }
            return RiskAssessment(risk: .favorable, drivers: drivers, missing: [], rule: rule)
        }

        // 2. Adverse fusions and chromosomal abnormalities.
        var adverseCyto: [String] = []
        for l in cyto.lesions where l.lesion.isELN2022Adverse {
            adverseCyto.append("\(l.lesion.shortName) [\(l.evidence)]" + (l.note.map { " (\($0))" } ?? ""))
        }
        adverseCyto += cyto.adverseChromosomal.map { "\($0) (−5/del(5q), −7, −17/abn(17p))" }
        if cyto.isComplex { adverseCyto.append("complex karyotype (\(cyto.abnormalityCount) unrelated abnormalities)") }
        if cyto.isMonosomal { adverseCyto.append("monosomal karyotype") }
        if !adverseCyto.isEmpty {
            if let n = npm1 { drivers.append("\(GeneticFindings.label(n)) with adverse-risk cytogenetics: adverse") }
            drivers += adverseCyto
            if let p = ptdNote { drivers.append(p) }
            return RiskAssessment(risk: .adverse, drivers: drivers, missing: [], rule: rule)
        }

        // Missing data that could still change the class from here on.
        if noKaryotype {
            drivers.append("no karyotype: adverse or core-binding-factor cytogenetics cannot be excluded")
            missing.append("karyotype")
        }

        // 3. t(9;11).
        if let t911 = cyto.lesions.first(where: { $0.lesion == .mllt3Kmt2a }) {
            drivers.append("\(t911.lesion.shortName) [\(t911.evidence)]" + (t911.note.map { " (\($0))" } ?? ""))
            let rare = mrGenes.filter(g.has) + (tp53Counted(g).isEmpty ? [] : ["TP53"])
            if !rare.isEmpty { drivers.append("t(9;11) takes precedence over concurrent \(rare.joined(separator: ", ")) mutation") }
            return RiskAssessment(risk: .intermediate, drivers: drivers, missing: missing, rule: rule)
        }

        // 4. NPM1.
        if let n = npm1 {
            if let itd {
                drivers.insert("\(GeneticFindings.label(n)) with FLT3-ITD (\(GeneticFindings.label(itd)))", at: 0)
                return RiskAssessment(risk: .intermediate, drivers: drivers, missing: missing, rule: rule)
            }
            if flt3Tested {
                drivers.insert("\(GeneticFindings.label(n)) without FLT3-ITD", at: 0)
            } else {
                drivers.insert("\(GeneticFindings.label(n)); FLT3 not tested: FLT3-ITD would make it intermediate", at: 0)
                missing.append("FLT3 not tested")
            }
            drivers += companionNotes("NPM1-mutated AML").filter { $0.hasPrefix("MR-gene") }
            let tp = tp53Counted(g)
            if !tp.isEmpty {
                drivers.append("\(tp.map(GeneticFindings.label).joined(separator: ", ")) with NPM1: not addressed by ELN 2022, review")
            }
            if let p = ptdNote { drivers.append(p) }
            return RiskAssessment(risk: .favorable, drivers: drivers, missing: missing, rule: rule)
        }
        if !npm1Tested {
            drivers.append("NPM1 not tested: NPM1 mutation would change the class")
            missing.append("NPM1 not tested")
        }

        // 5. CEBPA in-frame bZIP.
        let cebpa = g.variants("CEBPA")
        if let bzip = cebpa.first(where: isInFrameBZIP) {
            drivers.insert("CEBPA in-frame bZIP mutation (\(GeneticFindings.label(bzip)))", at: 0)
            drivers += companionNotes("bZIP CEBPA-mutated AML").filter { $0.hasPrefix("MR-gene") }
            if let p = ptdNote { drivers.append(p) }
            return RiskAssessment(risk: .favorable, drivers: drivers, missing: missing, rule: rule)
        }
        if !cebpa.isEmpty {
            drivers.append("CEBPA mutation not in-frame in bZIP (\(cebpa.map(GeneticFindings.label).joined(separator: ", "))): not favourable")
        }
        if !cebpaTested {
            drivers.append("CEBPA not tested: an in-frame bZIP mutation would make it favourable")
            missing.append("CEBPA not tested")
        }
        if let p = ptdNote { drivers.append(p) }

        // 6. TP53 and MR genes.
        var adverseMut: [String] = []
        let tp = tp53Counted(g)
        adverseMut += tp.map { "TP53 mutated at VAF ≥10 % (\(GeneticFindings.label($0)))" }
        for v in g.variants("TP53") where !tp.contains(v) {
            if v.vaf == nil {
                drivers.append("TP53 variant without VAF: counts only from VAF 10 %")
                missing.append("TP53 VAF")
            } else {
                drivers.append("\(GeneticFindings.label(v)) below VAF 10 %: not counted")
            }
        }
        for gene in mrGenes {
            for v in g.variants(gene) { adverseMut.append("MR-gene mutation \(GeneticFindings.label(v))") }
        }
        if !adverseMut.isEmpty {
            if let itd { adverseMut.append("FLT3-ITD (\(GeneticFindings.label(itd))) with adverse-risk lesion") }
            return RiskAssessment(risk: .adverse, drivers: adverseMut + drivers, missing: missing, rule: rule)
        }

        // 7. FLT3-ITD or default.
        if let itd {
            drivers.insert("wild-type NPM1 with FLT3-ITD (\(GeneticFindings.label(itd)))", at: 0)
        } else {
            drivers.insert(noKaryotype && cyto.lesions.isEmpty && g.counted.isEmpty
                           ? "no classifying lesion found" : "abnormalities not classified as favourable or adverse", at: 0)
            if !flt3Tested { drivers.append("FLT3 not tested"); missing.append("FLT3 not tested") }
        }
        if !g.tested("TP53") { drivers.append("TP53 not tested"); missing.append("TP53 not tested") }
        let untestedMR = mrGenes.filter { !g.tested($0) }
        if !untestedMR.isEmpty {
            drivers.append("MR genes not tested: \(untestedMR.joined(separator: ", "))")
            missing.append("MR genes not tested: \(untestedMR.joined(separator: ", "))")
        }
        return RiskAssessment(risk: .intermediate, drivers: drivers, missing: missing, rule: rule)
    }

    /// TP53 variants at VAF ≥ 10 % (0.10 counts, 0.099 does not).
    static func tp53Counted(_ g: GeneticFindings) -> [Variant] {
        g.variants("TP53").filter { ($0.vaf ?? -1) >= tp53MinVAF - vafEpsilon }
    }

    /// In-frame mutation of the CEBPA bZIP domain.
    public static func isInFrameBZIP(_ v: Variant) -> Bool {
        guard v.gene == "CEBPA", let d = v.domain, d.lowercased() == cebpaDomain.lowercased(),
              let c = v.consequence else { return false }
        return cebpaInFrameConsequences.contains(c)
    }
}
