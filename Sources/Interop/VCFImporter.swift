import CaseModel
import Foundation

/// Reads one sample of a VCF 4.1–4.3 file (plain or `.gz`) into variants and a tested-genes record, streaming.
/// Genotype and VAF: FORMAT `AF` (per ALT), else INFO `AF`, else FORMAT `AD` / (`DP` or the sum of `AD`). Gene,
/// consequence and HGVS: VEP `CSQ` (fields named by its header: `Allele`, `SYMBOL`, `Consequence`, `HGVSc`, `HGVSp`,
/// `PICK`/`CANONICAL`) or snpEff `ANN` (`Allele|Annotation|Impact|Gene_Name|…|HGVS.c|HGVS.p`). Records whose FILTER
/// is not PASS are counted and kept out; multi-allelic records are split; an ALT the sample does not carry (GT) is
/// skipped.
public struct VCFImporter {
    public struct Options: Sendable {
        public var patient: String
        public var date: LocalDate
        public var tissue: SampleTissue?
        public var assay: String?
        public var sample: String?
        public var minVAF: Double?
        public var genes: [String]?
        public var panelBED: String?
        public init(patient: String, date: LocalDate, tissue: SampleTissue? = nil, assay: String? = nil, sample: String? = nil,
                    minVAF: Double? = nil, genes: [String]? = nil, panelBED: String? = nil) {
            self.patient = patient; self.date = date; self.tissue = tissue; self.assay = assay; self.sample = sample
            self.minVAF = minVAF; self.genes = genes; self.panelBED = panelBED
        }
    }

    public struct Result: Sendable {
        public var entries = FHIRCaseEntries()
        public var sample: String?
        public var records = 0
        public var filtered = 0
        public var notCarried = 0
        public var belowMinVAF = 0
        public var unannotated = 0
        public var warnings: [String] = []
        /// The key the contribution is stored under: re-importing the same sample, date and assay replaces it.
        public var key = ""
    }

    /// Reads the whole file (and panel) or throws every located problem.
    public static func read(path: String, options: Options) throws -> Result {
        var problems: [InteropProblem] = []
        var r = Result()
        let file = path
        func problem(_ line: Int?, _ m: String) { problems.append(InteropProblem(file: file, location: line.map { "line \($0)" }, message: m)) }
        let reader = try LineReader(path: path)
        var csqFields: [String]?
        var hasANN = false
        var sampleIndex: Int?
        var headerSeen = false
        var formatSeen = false
        while let line = try reader.next() {
            let n = reader.lineNumber
            if line.hasPrefix("##") {
                if n == 1 {
                    guard line.hasPrefix("##fileformat=VCFv4.") else { problem(n, "not a VCF 4.x file (expected ##fileformat=VCFv4.1–4.3)"); break }
                    formatSeen = true
                }
                if line.hasPrefix("##INFO=<ID=CSQ,"), let r0 = line.range(of: "Format: ") {
                    let rest = line[r0.upperBound...]
                    let end = rest.firstIndex(of: "\"") ?? rest.endIndex
                    csqFields = rest[..<end].split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }
                }
                if line.hasPrefix("##INFO=<ID=ANN,") { hasANN = true }
                continue
            }
            if n == 1 { problem(n, "not a VCF file (expected ##fileformat=VCFv4.x on line 1)"); break }
            if line.hasPrefix("#CHROM") {
                let cols = line.split(separator: "\t").map(String.init)
                guard cols.count >= 8 else { problem(n, "the #CHROM header needs 8 tab-separated columns"); break }
                let samples = cols.count > 9 ? Array(cols[9...]) : []
                if let want = options.sample {
                    guard let i = samples.firstIndex(of: want) else { problem(n, "sample '\(want)' not in the file (\(samples.joined(separator: ", ")))"); break }
                    sampleIndex = 9 + i; r.sample = want
                } else if samples.count == 1 {
                    sampleIndex = 9; r.sample = samples[0]
                } else if samples.count > 1 {
                    problem(n, "\(samples.count) samples (\(samples.joined(separator: ", "))): choose one with --sample"); break
                }
                headerSeen = true
                continue
            }
            if line.isEmpty { continue }
            guard headerSeen else { problem(n, "data line before the #CHROM header"); break }
            let cols = line.split(separator: "\t", omittingEmptySubsequences: false)
            guard cols.count >= 8 else { problem(n, "expected at least 8 tab-separated columns, found \(cols.count)"); continue }
            r.records += 1
            let filter = cols[6]
            if filter != "PASS" && filter != "." { r.filtered += 1; continue }
            let ref = String(cols[3])
            let alts = cols[4].split(separator: ",").map(String.init)
            let info = VCFImporter.info(cols[7])
            var fmt: [String: String] = [:]
            if let si = sampleIndex {
                guard cols.count > si else { problem(n, "missing the sample column"); continue }
                let keys = cols[8].split(separator: ":")
                let vals = cols[si].split(separator: ":", omittingEmptySubsequences: false)
                for (k, v) in zip(keys, vals) { fmt[String(k)] = String(v) }
            }
            let gtAlleles: Set<Int>? = fmt["GT"].map { gt in Set(gt.split(whereSeparator: { $0 == "/" || $0 == "|" }).compactMap { Int($0) }) }
            let csq = info["CSQ"].map { $0.split(separator: ",").map { $0.split(separator: "|", omittingEmptySubsequences: false).map(String.init) } } ?? []
            let ann = info["ANN"].map { $0.split(separator: ",").map { $0.split(separator: "|", omittingEmptySubsequences: false).map(String.init) } } ?? []
            for (k, alt) in alts.enumerated() where alt != "*" && alt != "." {
                if let gt = gtAlleles, !gt.isEmpty, !gt.contains(k + 1) { r.notCarried += 1; continue }
                // VAF
                var vaf: Double?
                func nth(_ s: String?, _ i: Int) -> Double? { s.flatMap { v in let p = v.split(separator: ","); return i < p.count ? Double(p[i]) : nil } }
                if let v = nth(fmt["AF"], k) ?? nth(fmt["VAF"], k) ?? nth(info["AF"], k) { vaf = v }
                else if let ad = fmt["AD"]?.split(separator: ",").compactMap({ Double($0) }), ad.count > k + 1 {
                    let depth = fmt["DP"].flatMap(Double.init) ?? ad.reduce(0, +)
                    if depth > 0 { vaf = ad[k + 1] / depth }
                }
                if let v = vaf, !(0...1).contains(v) { problem(n, "VAF of \(cols[0]):\(cols[1]) \(alt) must be between 0 and 1, found \(v)"); continue }
                if let m = options.minVAF, let v = vaf, v < m { r.belowMinVAF += 1; continue }
                // Annotation
                var gene: String?, cons: String?, hgvsc: String?, hgvsp: String?
                if let fields = csqFields, !csq.isEmpty {
                    func idx(_ name: String) -> Int? { fields.firstIndex(of: name) }
                    let trimmed = (ref.first == alt.first && !ref.isEmpty && !alt.isEmpty) ? (alt.count == 1 ? "-" : String(alt.dropFirst())) : alt
                    let mine = csq.filter { e in idx("Allele").map { $0 < e.count && (e[$0] == alt || e[$0] == trimmed) } ?? true }
                    let pick = mine.first { e in idx("PICK").map { $0 < e.count && e[$0] == "1" } ?? false }
                        ?? mine.first { e in idx("CANONICAL").map { $0 < e.count && e[$0] == "YES" } ?? false } ?? mine.first
                    if let e = pick {
                        func f(_ name: String) -> String? { idx(name).flatMap { $0 < e.count && !e[$0].isEmpty ? e[$0] : nil } }
                        gene = f("SYMBOL"); cons = f("Consequence"); hgvsc = f("HGVSc"); hgvsp = f("HGVSp")
                    }
                } else if !ann.isEmpty {
                    if let e = ann.first(where: { $0.first == alt }) ?? ann.first, e.count > 10 {
                        gene = e[3].isEmpty ? nil : e[3]; cons = e[1]
                        hgvsc = e[9].isEmpty ? nil : (e[6].isEmpty ? e[9] : "\(e[6]):\(e[9])")
                        hgvsp = e[10].isEmpty ? nil : e[10]
                    }
                } else if !hasANN && csqFields == nil {
                    gene = info["GENE"] ?? info["SYMBOL"]
                }
                guard let g = gene else { r.unannotated += 1; continue }
                if let p = hgvsp {
                    var x = p.removingPercentEncoding ?? p
                    if let c = x.firstIndex(of: ":") { x = String(x[x.index(after: c)...]) }
                    hgvsp = x
                }
                let consequence = cons.flatMap { c in c.split(separator: "&").lazy.compactMap { FHIRTables.consequence(nil, String($0)) }.first }
                let origin: VariantOrigin = options.tissue?.isGermlineTissue == true ? .germline : .unknown
                r.entries.variants.append(Variant(gene: g.uppercased(), date: options.date, hgvsc: hgvsc, hgvsp: hgvsp, consequence: consequence,
                                                  vaf: vaf, origin: origin, tissue: options.tissue))
            }
        }
        if !formatSeen && problems.isEmpty { problem(1, "not a VCF file (expected ##fileformat=VCFv4.x on line 1)") }
        if !headerSeen && problems.isEmpty { problem(nil, "no #CHROM header line") }
        if !reader.finish() { problem(nil, "gzip could not decompress the file (corrupt or truncated)") }
        // Panel
        var genes = options.genes
        if let bed = options.panelBED {
            do { genes = try VCFImporter.bedGenes(bed) } catch let f as InteropFailure { problems += f.problems }
        }
        if !problems.isEmpty { throw InteropFailure(problems) }
        let assay = options.assay ?? URL(fileURLWithPath: options.panelBED ?? path).deletingPathExtension().lastPathComponent
        if let gs = genes {
            r.entries.testedGenes = [GenePanel(date: options.date, assay: assay, tissue: options.tissue, genes: gs)]
            let outside = Set(r.entries.variants.map(\.gene)).subtracting(gs)
            if !outside.isEmpty { r.warnings.append("\(file): variants in genes outside the panel: \(outside.sorted().joined(separator: ", "))") }
        } else {
            r.warnings.append("\(file): no panel (--panel or --genes): genes without a variant stay not tested")
        }
        if r.filtered > 0 { r.warnings.append("\(file): \(r.filtered) record\(r.filtered == 1 ? "" : "s") with FILTER not PASS kept out") }
        if r.unannotated > 0 { r.warnings.append("\(file): \(r.unannotated) allele\(r.unannotated == 1 ? "" : "s") without a gene annotation (CSQ/ANN) kept out") }
        if r.belowMinVAF > 0 { r.warnings.append("\(file): \(r.belowMinVAF) allele\(r.belowMinVAF == 1 ? "" : "s") below --min-vaf kept out") }
        r.key = "VCF \(r.sample ?? "-")@\(options.date)/\(assay)"
        return r
    }

    static func info(_ s: Substring) -> [String: String] {
        var out: [String: String] = [:]
        for part in s.split(separator: ";") {
            if let eq = part.firstIndex(of: "=") { out[String(part[..<eq])] = String(part[part.index(after: eq)...]) } else { out[String(part)] = "" }
        }
        return out
    }

    /// Gene names of a BED file's 4th column, in order of appearance, each once.
    public static func bedGenes(_ path: String) throws -> [String] {
        let reader = try LineReader(path: path)
        var genes: [String] = [], seen = Set<String>()
        var problems: [InteropProblem] = []
        while let line = try reader.next() {
            if line.isEmpty || line.hasPrefix("#") || line.hasPrefix("track") || line.hasPrefix("browser") { continue }
            let cols = line.split(whereSeparator: { $0 == "\t" || $0 == " " })
            guard cols.count >= 4 else {
                problems.append(InteropProblem(file: path, location: "line \(reader.lineNumber)", message: "a panel BED line needs a gene name in column 4")); continue
            }
            guard Int(cols[1]) != nil, Int(cols[2]) != nil else {
                problems.append(InteropProblem(file: path, location: "line \(reader.lineNumber)", message: "start and end must be numbers")); continue
            }
            let g = String(cols[3]).split(separator: "_").first.map { String($0).uppercased() } ?? ""
            if !g.isEmpty, seen.insert(g).inserted { genes.append(g) }
        }
        if genes.isEmpty && problems.isEmpty { problems.append(InteropProblem(file: path, location: nil, message: "no gene names in the panel")) }
        if !problems.isEmpty { throw InteropFailure(problems) }
        return genes
    }
}
