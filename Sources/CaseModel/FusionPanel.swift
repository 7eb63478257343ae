/// A fusion assay (RT-PCR panel, RNA fusion panel, FISH probe) and the genes whose fusions it detects
/// (formats.md §1 `testedFusions`): a gene covered with no fusion found is *tested negative* for fusions of
/// that gene; a normal karyotype does not rule out a cryptic fusion.
public struct FusionPanel: Codable, Sendable, Equatable {
    public var date: LocalDate
    public var assay: String
    public var tissue: SampleTissue?
    public var genes: [String]
    public init(date: LocalDate, assay: String, tissue: SampleTissue? = nil, genes: [String]) {
        self.date = date; self.assay = assay; self.tissue = tissue; self.genes = genes
    }
}
