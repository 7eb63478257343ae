import CaseModel
import Foundation

/// The text sources of the demo generator (`demo-db/generator/*.json`), decoded.
public struct DemoSources: Sendable {
    public struct Settings: Codable, Sendable {
        public var referenceDate: String
        public var seed: UInt64
        public var patients: Int
        public var sites: [String]
        /// Sites for patients under 18 (the sites list when absent).
        public var paediatricSites: [String]?
        public var panels: [String: [String]]
        public var donors: [String]
        public var comorbidities: [String]
        public var followUpKinds: [String]
        public var familyConditions: [String]
    }
    public struct Names: Codable, Sendable { public var female: [String]; public var male: [String]; public var family: [String] }
    public struct KaryotypeSpec: Codable, Sendable { public var weight: Double; public var abnormalities: [String]; public var iscn: String? }
    public struct FusionSpec: Codable, Sendable { public var name: String; public var probability: Double; public var method: String? }
    public struct VariantSpec: Codable, Sendable {
        public var gene: String
        public var probability: Double
        public var consequence: String?
        public var domain: String?
        public var vaf: [Double]
        public var origin: String?
        public var tissue: String?
        public var classification: String?
        /// [hgvsc, hgvsp] pairs, one chosen at random.
        public var alternatives: [[String]]?
        /// Variants sharing an `exclusive` key never co-occur (the first drawn wins).
        public var exclusive: String?
    }
    public struct MRDSpec: Codable, Sendable {
        public var marker: String
        public var method: String
        public var tissues: [String]
        public var probability: Double
        /// Level at diagnosis (fraction).
        public var start: Double
        public var sensitivity: Double
    }
    public struct LineSpec: Codable, Sendable {
        public var regimen: String
        public var agents: [String]
        public var intent: String
        public var days: Int
        public var response: String?
        /// Disease status recorded at the end of the line.
        public var status: String?
        /// Disease status recorded at the start of the line (e.g. relapsed before salvage).
        public var statusBefore: String?
        public var transplant: Bool?
    }
    public struct Pathway: Codable, Sendable { public var weight: Double; public var lines: [LineSpec] }
    public struct FeatureSpec: Codable, Sendable { public var tag: String; public var probability: Double }
    public struct Profile: Codable, Sendable {
        public var id: String
        public var category: String
        public var weight: Double
        public var age: [Int]
        public var who2022: String?
        public var icc2022: String?
        public var icd10: String?
        public var oncotree: String?
        public var blastsBM: [Double]?
        public var karyotypeProbability: Double?
        public var karyotypes: [KaryotypeSpec]?
        public var fusions: [FusionSpec]?
        public var variants: [VariantSpec]?
        public var panel: String?
        public var panelProbability: Double?
        /// gene → probability that this gene was left out of the patient's panel (not tested).
        public var untested: [String: Double]?
        public var mrd: [MRDSpec]?
        public var pathways: [Pathway]?
        public var features: [FeatureSpec]?
        public var familyProbability: Double?
        public var initialStatus: String?
    }
    /// A hand-written patient covering a clinical-rule case: a profile plus overrides.
    public struct Scenario: Codable, Sendable {
        public var id: String
        public var profile: String
        public var purpose: String
        public var age: Int?
        public var sex: String?
        public var diagnosisDaysAgo: Int?
        public var who2022: String?
        /// Replaces the generated karyotype; an empty list is a normal karyotype.
        public var karyotype: [String]?
        public var noKaryotype: Bool?
        public var fusions: [String]?
        /// Replaces the generated variants.
        public var variants: [ScenarioVariant]?
        /// Genes removed from every panel (not tested).
        public var untested: [String]?
        public var extraPanels: [ScenarioPanel]?
        public var features: [String]?
        public var family: [ScenarioFamily]?
        public var mrdPattern: String?
        public var transplantDaysAgo: Int?
        public var gvhd: String?
        public var status: String?
        public var followUps: [ScenarioFollowUp]?
    }
    public struct ScenarioVariant: Codable, Sendable {
        public var gene: String
        public var consequence: String?
        public var hgvsc: String?
        public var hgvsp: String?
        public var domain: String?
        public var vaf: Double?
        public var origin: String?
        public var tissue: String?
        public var classification: String?
        public var daysAfterDiagnosis: Int?
    }
    public struct ScenarioPanel: Codable, Sendable {
        public var assay: String; public var tissue: String?; public var genes: [String]; public var daysAfterDiagnosis: Int?
    }
    public struct ScenarioFamily: Codable, Sendable { public var relation: String; public var condition: String; public var ageAtDiagnosis: Int? }
    public struct ScenarioFollowUp: Codable, Sendable { public var kind: String; public var dueInDays: Int; public var note: String?; public var done: Bool? }

    public var settings: Settings
    public var names: Names
    public var profiles: [Profile]
    public var scenarios: [Scenario]

    public var referenceDate: LocalDate { LocalDate(settings.referenceDate) ?? LocalDate(daysSinceEpoch: 20_786) }

    /// Reads `generator/*.json` under the demo directory.
    public static func load(demoDirectory: URL) throws -> DemoSources {
        let dir = demoDirectory.appendingPathComponent("generator")
        func decode<T: Decodable>(_ name: String, _ type: T.Type) throws -> T {
            let url = dir.appendingPathComponent(name)
            guard let data = FileManager.default.contents(atPath: url.path) else {
                throw DemoError.missingSource(url.path)
            }
            do { return try JSONDecoder().decode(T.self, from: data) } catch {
                throw DemoError.badSource(url.path, "\(error)")
            }
        }
        return DemoSources(settings: try decode("settings.json", Settings.self), names: try decode("names.json", Names.self),
                           profiles: try decode("profiles.json", [Profile].self),
                           scenarios: try decode("scenarios.json", [Scenario].self))
    }
}
