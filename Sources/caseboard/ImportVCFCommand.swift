import ArgumentParser
import CaseModel
import CaseStore
import CaseboardCore
import Foundation
import Interop

/// `caseboard import-vcf FILE.vcf[.gz] --patient ID --date D [--tissue T] [--assay NAME] [--panel BED | --genes G,…]
/// [--sample NAME] [--min-vaf F] [--dry-run]`: one sample's variants and the panel as tested genes, added to a case
/// already in the database (audited with the file's SHA-256; the same sample, date and assay imported again replaces
/// its earlier variants and panel only).
struct ImportVCFCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "import-vcf", abstract: "Import one sample of a VCF (variants and the panel's tested genes) into a case.")

    @OptionGroup var global: GlobalOptions
    @Argument(help: "VCF 4.1–4.3, plain or .gz.") var file: String
    @Option(name: .long, help: "Case id (must be in the database).") var patient: String
    @Option(name: .long, help: "Sample date YYYY-MM-DD.") var date: String
    @Option(name: .long, help: "Tissue: BM, PB, skin-fibroblast, buccal, hair, other.") var tissue: String?
    @Option(name: .long, help: "Assay name (default: the panel's or the file's name).") var assay: String?
    @Option(name: .long, help: "Panel BED: gene names in column 4 become the tested genes.") var panel: String?
    @Option(name: .long, help: "Tested genes, comma-separated (instead of --panel).") var genes: String?
    @Option(name: .long, help: "Sample column (required when the VCF has several).") var sample: String?
    @Option(name: .long, help: "Keep out alleles with a lower VAF (0–1).") var minVaf: Double?
    @Flag(name: .long, help: "Print what would change without writing.") var dryRun = false

    func run() throws {
        guard let d = LocalDate(date) else { throw CLIError.user("--date: expected YYYY-MM-DD, found \"\(date)\"") }
        var t: SampleTissue?
        if let x = tissue {
            guard let v = SampleTissue(rawValue: x) else { throw CLIError.user("--tissue: expected one of \(SampleTissue.allCases.map(\.rawValue).joined(separator: ", ")); found \"\(x)\"") }
            t = v
        }
        if panel != nil && genes != nil { throw CLIError.user("give --panel or --genes, not both") }
        if let m = minVaf, !(0...1).contains(m) { throw CLIError.user("--min-vaf must be between 0 and 1, found \(m)") }
        let geneList = genes.map { $0.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces).uppercased() }.filter { !$0.isEmpty } }
        let result: VCFImporter.Result
        do {
            result = try VCFImporter.read(path: file, options: .init(patient: patient, date: d, tissue: t, assay: assay, sample: sample,
                                                                        minVAF: minVaf, genes: geneList, panelBED: panel))
        } catch let f as InteropFailure {
            for p in f.problems { FileHandle.standardError.write(Data("\(p)\n".utf8)) }
            throw CLIError.user("import refused: \(f.problems.count) problem\(f.problems.count == 1 ? "" : "s") found; nothing was written.")
        }
        for w in result.warnings { FileHandle.standardError.write(Data("warning: \(w)\n".utf8)) }
        let context = try global.workspace()
        let db = try context.database(forWriting: !dryRun)
        guard try db.patientIDs().contains(patient) else { throw CLIError.user("patient '\(patient)' is not in the database: import the case first") }
        let contribution = FHIRContribution(key: result.key, patientID: patient, entries: result.entries)
        let plan = try FHIRImportPlan.make(headers: [FHIRPatientHeader(id: patient)], contributions: [contribution], database: db)
        print("\(result.records) records, \(result.filtered) filtered (FILTER not PASS), \(result.entries.variants.count) variants of sample \(result.sample ?? "-")")
        for l in plan.summaryLines { print((dryRun ? "would import " : "") + l) }
        if dryRun { FileHandle.standardError.write(Data("dry run: nothing was written\n".utf8)); return }
        if plan.patients.isEmpty { FileHandle.standardError.write(Data("nothing to import: unchanged\n".utf8)); return }
        let hash: String
        do { hash = try FileDigest.sha256(path: file) } catch { throw CLIError.user("\(file): cannot read the file: \(error)") }
        try db.importPatients(plan.patients, resources: plan.resources, who: global.resolvedUser, source: "VCF: \(file) (sha256 \(hash))")
    }
}
