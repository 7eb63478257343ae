import CaseModel

/// A reference MRD threshold drawn on a chart (display only; the status rules live in MRDInterpreter).
/// Values from clinical-reference.md §3: BCR::ABL1 MMR 0.1 % IS and MR4 0.01 % IS (ELN 2020 CML);
/// NPM1 relapse 0.1 % in BM, 0.01 % in PB; CBF and KMT2A 0.1 %; MFC 0.1 % (ELN 2021 MRD);
/// PML::RARA 0.001 %; ALL IG/TR 10⁻⁴.
public struct MRDReferenceThreshold: Sendable, Equatable {
    public var value: Double
    /// "NPM1 PB relapse 0.01 %".
    public var label: String
    /// The short tag written next to the line ("NPM1").
    public var tag: String

    public init(value: Double, label: String, tag: String) { self.value = value; self.label = label; self.tag = tag }

    /// The thresholds of one series (marker × method × tissue); `ascii` writes "0.1%" without the narrow space.
    public static func thresholds(for key: MRDSeriesKey, ascii: Bool = false) -> [MRDReferenceThreshold] {
        let pct = ascii ? "%" : " %"
        switch key.marker {
        case "BCR::ABL1":
            return [MRDReferenceThreshold(value: 1e-3, label: "MMR 0.1\(pct) IS", tag: "MMR"),
                    MRDReferenceThreshold(value: 1e-4, label: "MR4 0.01\(pct)", tag: "MR4")]
        case "NPM1":
            return key.tissue == .pb ? [MRDReferenceThreshold(value: 1e-4, label: "NPM1 PB relapse 0.01\(pct)", tag: "NPM1")]
                                     : [MRDReferenceThreshold(value: 1e-3, label: "NPM1 BM relapse 0.1\(pct)", tag: "NPM1")]
        case "RUNX1::RUNX1T1", "CBFB::MYH11":
            return [MRDReferenceThreshold(value: 1e-3, label: "CBF 0.1\(pct)", tag: "CBF")]
        case "PML::RARA":
            return [MRDReferenceThreshold(value: 1e-5, label: "PML::RARA 0.001\(pct)", tag: "PML")]
        case "IG/TR":
            return [MRDReferenceThreshold(value: 1e-4, label: "ALL MRD 10^-4", tag: "ALL")]
        default:
            if key.method == .MFC { return [MRDReferenceThreshold(value: 1e-3, label: "MFC 0.1\(pct)", tag: "MFC")] }
            if key.marker.hasPrefix("KMT2A") { return [MRDReferenceThreshold(value: 1e-3, label: "KMT2A 0.1\(pct)", tag: "KMT2A")] }
            return []
        }
    }
}
