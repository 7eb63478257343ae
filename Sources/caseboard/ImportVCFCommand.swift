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
        try InteropImports.vcf(try global.workspace(), file: file, patient: patient, date: date, tissue: tissue, assay: assay, panel: panel,
                               genes: genes, sample: sample, minVaf: minVaf, dryRun: dryRun, out: { print($0) }, err: { CLI.stderr($0) })
    }
}
