import CaseModel
import CaseStore
import Foundation
@testable import Interop
import XCTest

/// VCF import (VCF 4.2 layout, VEP CSQ and snpEff ANN annotation formats as their headers define them) on small
/// hand-made files: FILTER, multi-allelic split, GT, AF / AD+DP VAF, the panel BED as tested genes, and bad input.
final class VCFImporterTests: XCTestCase {
    var dir: URL!

    override func setUpWithError() throws {
        dir = FileManager.default.temporaryDirectory.appendingPathComponent("vcf-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: dir) }

    func write(_ name: String, _ text: String) throws -> String {
        let u = dir.appendingPathComponent(name)
        try text.write(to: u, atomically: true, encoding: .utf8)
        return u.path
    }

    static let vep = """
    ##fileformat=VCFv4.2
    ##FILTER=<ID=LowQual,Description="Low quality">
    ##INFO=<ID=CSQ,Number=.,Type=String,Description="Consequence annotations from Ensembl VEP. Format: Allele|Consequence|IMPACT|SYMBOL|Gene|Feature_type|Feature|BIOTYPE|EXON|INTRON|HGVSc|HGVSp|CANONICAL|PICK">
    ##FORMAT=<ID=GT,Number=1,Type=String,Description="Genotype">
    ##FORMAT=<ID=AD,Number=R,Type=Integer,Description="Allelic depths">
    ##FORMAT=<ID=DP,Number=1,Type=Integer,Description="Depth">
    ##FORMAT=<ID=AF,Number=A,Type=Float,Description="Allele fraction">
    #CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\tFORMAT\tTUMOR
    chr5\t171410539\t.\tC\tCTCTG\t.\tPASS\tCSQ=TCTG|frameshift_variant|HIGH|NPM1|ENSG1|Transcript|ENST00000296930.10|protein_coding|11/11||ENST00000296930.10:c.860_863dup|ENSP00000296930.5:p.Trp288CysfsTer12|YES|1\tGT:AD:DP\t0/1:120,80:200
    chr2\t208248388\t.\tC\tT,A\t.\tPASS\tCSQ=T|missense_variant|MODERATE|IDH1|ENSG2|Transcript|ENST00000345146.7|protein_coding|4/10||ENST00000345146.7:c.395G>A|ENSP00000345146.2:p.Arg132His|YES|1,A|missense_variant|MODERATE|IDH1|ENSG2|Transcript|ENST00000345146.7|protein_coding|4/10||ENST00000345146.7:c.394C>A|ENSP00000345146.2:p.Arg132Ser|YES|1\tGT:AF\t0/1/2:0.38,0.02
    chr17\t7673803\t.\tG\tA\t.\tLowQual\tCSQ=A|missense_variant|MODERATE|TP53|ENSG3|Transcript|ENST00000269305.9|protein_coding|8/11||ENST00000269305.9:c.818G>A|ENSP00000269305.4:p.Arg273His|YES|1\tGT:AF\t0/1:0.11
    chr13\t28018505\t.\tA\tG\t.\t.\tCSQ=G|synonymous_variant|LOW|FLT3|ENSG4|Transcript|ENST1|protein_coding|||ENST1:c.1A>G|ENSP1:p.Ala1%3D|YES|1\tGT:AF\t0/0:0.0
    chr4\t105275000\t.\tT\tC\t.\tPASS\t.\tGT:AF\t0/1:0.3

    """

    static let bed = """
    track name=myeloid
    chr5\t171410500\t171410600\tNPM1_exon11
    chr2\t208248300\t208248400\tIDH1
    chr17\t7673700\t7673900\tTP53
    chr13\t28018400\t28018600\tFLT3
    chr13\t28018700\t28018800\tFLT3_TKD

    """

    func testVEPWithPanel() throws {
        let vcf = try write("s.vcf", Self.vep)
        let bed = try write("myeloid.bed", Self.bed)
        let r = try VCFImporter.read(path: vcf, options: .init(patient: "P", date: LocalDate("2026-10-01")!, tissue: .bm, panelBED: bed))
        XCTAssertEqual(r.sample, "TUMOR")
        XCTAssertEqual(r.records, 5)
        XCTAssertEqual(r.filtered, 1, "FILTER LowQual kept out and counted")
        XCTAssertEqual(r.notCarried, 1, "GT 0/0 does not carry the ALT")
        XCTAssertEqual(r.unannotated, 1)
        let v = r.entries.variants
        XCTAssertEqual(v.map(\.gene), ["NPM1", "IDH1", "IDH1"], "the multi-allelic IDH1 record split in two")
        XCTAssertEqual(v[0].vaf, 0.4, "AD 80 / DP 200")
        XCTAssertEqual(v[0].consequence, .frameshift)
        XCTAssertEqual(v[0].hgvsc, "ENST00000296930.10:c.860_863dup")
        XCTAssertEqual(v[0].hgvsp, "p.Trp288CysfsTer12")
        XCTAssertEqual(v[1].hgvsp, "p.Arg132His"); XCTAssertEqual(v[1].vaf, 0.38)
        XCTAssertEqual(v[2].hgvsp, "p.Arg132Ser"); XCTAssertEqual(v[2].vaf, 0.02)
        XCTAssertTrue(v.allSatisfy { $0.tissue == .bm && $0.origin == .unknown && $0.date == LocalDate("2026-10-01") })
        XCTAssertEqual(r.entries.testedGenes, [GenePanel(date: LocalDate("2026-10-01")!, assay: "myeloid", tissue: .bm, genes: ["NPM1", "IDH1", "TP53", "FLT3"])])
        // --min-vaf keeps out the 2 % allele.
        let m = try VCFImporter.read(path: vcf, options: .init(patient: "P", date: LocalDate("2026-10-01")!, minVAF: 0.05, genes: ["NPM1"]))
        XCTAssertEqual(m.entries.variants.count, 2); XCTAssertEqual(m.belowMinVAF, 1)
    }

    func testGzipAndSnpEff() throws {
        let ann = """
        ##fileformat=VCFv4.3
        ##INFO=<ID=ANN,Number=.,Type=String,Description="Functional annotations: 'Allele | Annotation | Annotation_Impact | Gene_Name | Gene_ID | Feature_Type | Feature_ID | Transcript_BioType | Rank | HGVS.c | HGVS.p | cDNA.pos / cDNA.length | CDS.pos / CDS.length | AA.pos / AA.length | Distance | ERRORS / WARNINGS / INFO'">
        ##INFO=<ID=AF,Number=A,Type=Float,Description="Allele frequency">
        #CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO
        chr9\t5073770\t.\tG\tT\t.\tPASS\tAF=0.52;ANN=T|missense_variant|MODERATE|JAK2|ENSG00000096968|transcript|ENST00000381652.4|protein_coding|14/25|c.1849G>T|p.Val617Phe|2008/6984|1849/3399|617/1132||

        """
        let path = try write("jak2.vcf", ann)
        let gz = Process()
        gz.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        gz.arguments = ["gzip", "-f", path]
        try gz.run(); gz.waitUntilExit()
        XCTAssertEqual(gz.terminationStatus, 0)
        let r = try VCFImporter.read(path: path + ".gz", options: .init(patient: "P", date: LocalDate("2026-10-01")!, tissue: .pb, genes: ["JAK2", "CALR", "MPL"]))
        let v = try XCTUnwrap(r.entries.variants.first)
        XCTAssertEqual(v.gene, "JAK2"); XCTAssertEqual(v.hgvsp, "p.Val617Phe"); XCTAssertEqual(v.vaf, 0.52)
        XCTAssertEqual(v.hgvsc, "ENST00000381652.4:c.1849G>T"); XCTAssertEqual(v.consequence, .missense)
        XCTAssertEqual(r.entries.testedGenes.first?.genes, ["JAK2", "CALR", "MPL"], "CALR and MPL tested negative")
    }

    func testBadInputEveryProblemLocated() throws {
        let notVCF = try write("a.vcf", "chr1\t1\n")
        XCTAssertThrowsError(try VCFImporter.read(path: notVCF, options: .init(patient: "P", date: LocalDate("2026-10-01")!))) { e in
            XCTAssertEqual("\(e)", "\(notVCF): line 1: not a VCF file (expected ##fileformat=VCFv4.x on line 1)")
        }
        let bad = Self.vep.replacingOccurrences(of: "GT:AF\t0/1:0.3", with: "GT:AF\t0/1:1.7")
            .replacingOccurrences(of: "chr17\t7673803\t.\tG\tA\t.\tLowQual", with: "chr17\t7673803")
        let path = try write("b.vcf", bad)
        let bed = try write("bad.bed", "chr1\t10\t20\nchr1\tx\t20\tKIT\n")
        XCTAssertThrowsError(try VCFImporter.read(path: path, options: .init(patient: "P", date: LocalDate("2026-10-01")!, panelBED: bed))) { e in
            XCTAssertEqual((e as? InteropFailure)?.problems.map(\.description), [
                "\(path): line 11: expected at least 8 tab-separated columns, found 5",
                "\(path): line 13: VAF of chr4:105275000 C must be between 0 and 1, found 1.7",
                "\(bed): line 1: a panel BED line needs a gene name in column 4",
                "\(bed): line 2: start and end must be numbers",
            ])
        }
        let two = try write("two.vcf", "##fileformat=VCFv4.2\n#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\tFORMAT\tN\tT\n")
        XCTAssertThrowsError(try VCFImporter.read(path: two, options: .init(patient: "P", date: LocalDate("2026-10-01")!))) { e in
            XCTAssertEqual("\(e)", "\(two): line 2: 2 samples (N, T): choose one with --sample")
        }
        XCTAssertThrowsError(try VCFImporter.read(path: dir.appendingPathComponent("none.vcf").path, options: .init(patient: "P", date: LocalDate("2026-10-01")!)))
    }

    // The panel and variants add to the case; MRD already there is kept; the same import again changes nothing.
    func testIntoDatabaseKeepsOtherData() throws {
        let db = try AppDatabase.inMemory()
        let mrd = MRDResult(date: LocalDate("2026-09-01")!, marker: "NPM1", method: .qPCR, tissue: .pb, detected: true, value: 0.01)
        try db.importPatients([Patient(id: "P", sex: .male, birthDate: LocalDate("1960-01-01"), diagnoses: [], mrd: [mrd])], who: "t", source: "t")
        let r = try VCFImporter.read(path: try write("s.vcf", Self.vep), options: .init(patient: "P", date: LocalDate("2026-10-01")!, genes: ["NPM1", "IDH1", "TP53"]))
        let c = FHIRContribution(key: r.key, patientID: "P", entries: r.entries)
        var plan = try FHIRImportPlan.make(headers: [FHIRPatientHeader(id: "P")], contributions: [c], database: db)
        try db.importPatients(plan.patients, resources: plan.resources, who: "t", source: "VCF")
        let p = try db.patient(id: "P")
        XCTAssertEqual(p.mrd, [mrd]); XCTAssertEqual(p.variants.count, 3); XCTAssertEqual(p.testedGenes.count, 1)
        XCTAssertTrue(p.wasTested("TP53") && !p.variants.contains { $0.gene == "TP53" }, "TP53 covered without a variant: tested negative")
        plan = try FHIRImportPlan.make(headers: [FHIRPatientHeader(id: "P")], contributions: [c], database: db)
        XCTAssertTrue(plan.patients.isEmpty)
        XCTAssertEqual(plan.changes.first?.counts["variants"], FHIRImportPlan.Counts(unchanged: 3))
    }
}
