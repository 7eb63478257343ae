/// A copy-number finding (formats.md §1 `copyNumber`): IKZF1 exon deletions, CDKN2A/B, PAX5, PTEN,
/// ERG, PAR1 … Genes of a `testedGenes` panel with `copyNumber: true` were tested for copy number,
/// so a covered gene without a finding here is *tested, no copy-number change*.
public struct CopyNumberFinding: Codable, Sendable, Equatable {
    public enum Call: String, Codable, Sendable, CaseIterable {
        case deletion, homozygousDeletion = "homozygous-deletion", gain, amplification

        /// A loss of copies (heterozygous or homozygous deletion).
        public var isLoss: Bool { self == .deletion || self == .homozygousDeletion }
    }

    public var date: LocalDate
    public var gene: String
    public var call: Call
    /// Free text such as "exons 4-7", "whole gene".
    public var detail: String?
    /// "MLPA", "SNP array", "NGS CNV" …
    public var method: String?

    public init(date: LocalDate, gene: String, call: Call, detail: String? = nil, method: String? = nil) {
        self.date = date; self.gene = gene; self.call = call; self.detail = detail; self.method = method
    }
}
