/// A karyotype: each ISCN abnormality as a token; an empty list is a normal karyotype.
public struct Karyotype: Codable, Sendable, Equatable {
    public var date: LocalDate
    public var tissue: SampleTissue
    public var iscn: String?
    public var abnormalities: [String]
    public init(date: LocalDate, tissue: SampleTissue, iscn: String? = nil, abnormalities: [String]) {
        self.date = date; self.tissue = tissue; self.iscn = iscn; self.abnormalities = abnormalities
    }
}

/// A gene fusion found by a molecular test, written with a double colon (`RUNX1::RUNX1T1`).
public struct Fusion: Codable, Sendable, Equatable {
    public var date: LocalDate
    public var name: String
    public var method: String?
    public init(date: LocalDate, name: String, method: String? = nil) {
        self.date = date; self.name = name; self.method = method
    }
    /// The partner genes (`["RUNX1", "RUNX1T1"]`).
    public var genes: [String] { name.components(separatedBy: "::") }
}

public struct Variant: Codable, Sendable, Equatable {
    public var gene: String
    public var date: LocalDate
    public var hgvsc: String?
    public var hgvsp: String?
    public var consequence: VariantConsequence?
    public var domain: String?
    /// Variant allele fraction, 0–1.
    public var vaf: Double?
    public var origin: VariantOrigin
    public var tissue: SampleTissue?
    public var classification: VariantClassification?

    public init(gene: String, date: LocalDate, hgvsc: String? = nil, hgvsp: String? = nil,
                consequence: VariantConsequence? = nil, domain: String? = nil, vaf: Double? = nil,
                origin: VariantOrigin = .unknown, tissue: SampleTissue? = nil, classification: VariantClassification? = nil) {
        self.gene = gene; self.date = date; self.hgvsc = hgvsc; self.hgvsp = hgvsp; self.consequence = consequence
        self.domain = domain; self.vaf = vaf; self.origin = origin; self.tissue = tissue; self.classification = classification
    }

    enum CodingKeys: String, CodingKey {
        case gene, date, hgvsc, hgvsp, consequence, domain, vaf, origin, tissue, classification
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        gene = try c.decode(String.self, forKey: .gene)
        date = try c.decode(LocalDate.self, forKey: .date)
        hgvsc = try c.decodeIfPresent(String.self, forKey: .hgvsc)
        hgvsp = try c.decodeIfPresent(String.self, forKey: .hgvsp)
        consequence = try c.decodeIfPresent(VariantConsequence.self, forKey: .consequence)
        domain = try c.decodeIfPresent(String.self, forKey: .domain)
        vaf = try c.decodeIfPresent(Double.self, forKey: .vaf)
        origin = try c.decodeIfPresent(VariantOrigin.self, forKey: .origin) ?? .unknown
        tissue = try c.decodeIfPresent(SampleTissue.self, forKey: .tissue)
        classification = try c.decodeIfPresent(VariantClassification.self, forKey: .classification)
    }
}

/// The genes an assay covered on a date: covered without a variant is *tested negative*.
public struct GenePanel: Codable, Sendable, Equatable {
    public var date: LocalDate
    public var assay: String
    public var tissue: SampleTissue?
    public var genes: [String]
    /// true: the assay also called copy number for its genes (a covered gene without a `copyNumber`
    /// finding has no copy-number change); nil/false: copy number not tested by this assay.
    public var copyNumber: Bool?
    public init(date: LocalDate, assay: String, tissue: SampleTissue? = nil, genes: [String], copyNumber: Bool? = nil) {
        self.date = date; self.assay = assay; self.tissue = tissue; self.genes = genes; self.copyNumber = copyNumber
    }
}
