import CaseModel
@testable import CaseStore
import ClinicalRules
import Foundation
import TrialEngine
import XCTest

/// Issue 12, build item 10: a seeded mutational fuzz loop over the case reader, the criteria parser and the CTML
/// importer. Each mutated input must be accepted or refused with a LOCATED message (file + JSON path, offset, or
/// file name), never trap. 10,000 inputs per parser by default (CI); `CASEBOARD_FUZZ_INPUTS=1000000` on demand;
/// `CASEBOARD_FUZZ_SEED` replays a run. Accepted case files also go through every clinical rule.
final class FuzzTests: XCTestCase {
    static var inputs: Int { Int(ProcessInfo.processInfo.environment["CASEBOARD_FUZZ_INPUTS"] ?? "") ?? 10_000 }
    static var seed: UInt64 { UInt64(ProcessInfo.processInfo.environment["CASEBOARD_FUZZ_SEED"] ?? "") ?? 0x12_2026 }

    /// Byte-level mutations plus "interesting" tokens (the report's saved inputs among them).
    struct Mutator {
        var rng: SplitMix64
        static let tokens: [String] = [
            "\\u0000", "\u{0}", "1e17", "1e19", "1e400", "-1e400", "5e-324", "-0", "NaN", "null", "true", "[]", "{}", "[[[[[[[[", "}}}}",
            "\"9999-12-30\"", "\"2099-01-01\"", "\"1899-12-31\"", "\"2026-02-30\"", "-1", "0", "1", "4294967296", "9223372036854775808",
            "\"\"", "\"SL-AML-0001\\u0000evil\"", "\"../../x\"", "\"=cmd\"", "\"\\ud800\"", "\"é\"", ",", ":", "\"", "\\", "\n", ">=1e21",
            "\"id\": \"X\", \"id\": \"Y\"", "\"detected\": false, \"value\": 0.5", String(repeating: "A", count: 2_000),
        ]
        mutating func pick<T>(_ a: [T]) -> T { a[Int(rng.next() % UInt64(a.count))] }
        mutating func int(_ n: Int) -> Int { n <= 0 ? 0 : Int(rng.next() % UInt64(n)) }

        mutating func mutate(_ seed: [UInt8]) -> [UInt8] {
            var b = seed
            for _ in 0...int(3) {
                guard !b.isEmpty else { b = Array(pick(Self.tokens).utf8); continue }
                let at = int(b.count)
                switch int(6) {
                case 0: b[at] = UInt8(truncatingIfNeeded: rng.next())
                case 1: b.insert(contentsOf: Array(pick(Self.tokens).utf8), at: at)
                case 2: b.removeSubrange(at..<min(b.count, at + 1 + int(16)))
                case 3: let end = min(b.count, at + 1 + int(64)); b.insert(contentsOf: b[at..<end], at: at)
                case 4: // replace a JSON value (after a colon) by a token
                    if let colon = b[at...].firstIndex(of: 0x3A) {
                        let end = b[(colon + 1)...].firstIndex { $0 == 0x2C || $0 == 0x7D } ?? b.count
                        b.replaceSubrange((colon + 1)..<end, with: Array(pick(Self.tokens).utf8))
                    }
                default: b[at] = pick([0x22, 0x7B, 0x7D, 0x5B, 0x5D, 0x2C, 0x3A, 0x5C, 0x00, 0x0A, 0x30, 0x2D, 0x65])
                }
            }
            return b
        }
    }

    func testCaseReaderFuzz() throws {
        var m = Mutator(rng: SplitMix64(seed: Self.seed))
        var p1 = TestFixtures.patient("SL-AML-0001", variants: 2)
        p1.diagnoses[0].category = .aml
        var p2 = TestFixtures.patient("SL-CML-0002")
        p2.diagnoses[0].category = .cml
        let seeds = [Array(try CaseFileWriter.data([p1, p2])), Array(TestFixtures.caseFile([TestFixtures.minimalPatient]))]
        var accepted = 0, refused = 0
        for i in 0..<Self.inputs {
            let input = m.mutate(m.pick(seeds))
            var r = CaseFileReader()
            r.today = TestFixtures.date("2026-11-29")
            r.read(data: Data(input), file: "fz.json")
            for e in r.errors {
                XCTAssertEqual(e.file, "fz.json")
                XCTAssertTrue(e.path.hasPrefix("$"), "input \(i): unlocated problem \(e)")
                XCTAssertFalse(e.message.isEmpty)
            }
            if r.errors.isEmpty {
                accepted += 1
                for p in r.patients {
                    XCTAssertNil(CaseTextRules.idProblem(p.id))
                    let interp = Interpretation.interpret(p, today: TestFixtures.date("2026-11-29"))
                    XCTAssertNoThrow(try JSONEncoder().encode(interp), "input \(i)")
                }
            } else { refused += 1 }
        }
        XCTAssertEqual(accepted + refused, Self.inputs)
        XCTAssertGreaterThan(accepted, 0, "the mutator must also produce valid files")
        print("fuzz: case reader \(Self.inputs) inputs (\(accepted) accepted, \(refused) refused with located messages), 0 crashes")
    }

    func testCriteriaParserFuzz() {
        var m = Mutator(rng: SplitMix64(seed: Self.seed &+ 1))
        let seeds = ["age >= 18", "diagnosis B-ALL and status newly-diagnosed", "fusion BCR::ABL1 or karyotype t(9;22)",
                     "ecog <= 2 within 30 days", "lab bilirubin <= 1.5 x ULN within 14 days", "not variant TP53 and (variant NPM1 or variant FLT3)",
                     "mrd negative within 90 days"].map { Array($0.utf8) }
        var ok = 0, refused = 0
        for i in 0..<Self.inputs {
            let text = String(decoding: m.mutate(m.pick(seeds)), as: UTF8.self)
            do {
                _ = try RuleParser.parse(text)
                ok += 1
            } catch {
                refused += 1
                XCTAssertTrue(error.offset >= 0 && error.offset <= text.unicodeScalars.count + 1, "input \(i): offset \(error.offset) outside \(text.debugDescription)")
                XCTAssertFalse(error.message.isEmpty)
            }
        }
        XCTAssertEqual(ok + refused, Self.inputs)
        print("fuzz: criteria parser \(Self.inputs) inputs (\(ok) parsed, \(refused) refused at an offset), 0 crashes")
    }

    func testCTMLImporterFuzz() throws {
        var m = Mutator(rng: SplitMix64(seed: Self.seed &+ 2))
        let seeds = [
            #"{"protocol_no": "11-111", "treatment_list": {"step": [{"arm": [{"arm_code": "EXP 3", "arm_suspended": "N", "match": [{"and": [{"genomic": {"hugo_symbol": "NRAS", "protein_change": "p.G12D", "variant_category": "Mutation"}}, {"clinical": {"age_numerical": ">=18", "oncotree_primary_diagnosis": "Acute Myeloid Leukemia"}}]}]}]}]}}"#,
            "protocol_no: 22-222\ntreatment_list:\n  step:\n    - arm:\n        - arm_code: A\n          match:\n            - or:\n                - genomic: {hugo_symbol: FLT3, variant_category: Mutation}\n                - clinical: {gender: Female}\n",
        ].map { Array($0.utf8) }
        var loaded = 0, refused = 0
        for i in 0..<Self.inputs {
            let text = String(decoding: m.mutate(m.pick(seeds)), as: UTF8.self)
            do {
                let results = try CTMLImporter.importText(text, file: "fz.ctml")
                for r in results {
                    let (trial, diagnostics) = TrialLoader.load(text: r.yaml, file: r.fileName)
                    XCTAssertNotNil(trial, "input \(i): a converted trial must load (else `import-ctml` exits 2): \(diagnostics)\n\(text)")
                }
                loaded += 1
            } catch {
                refused += 1
                XCTAssertTrue("\(error)".hasPrefix("fz.ctml"), "input \(i): unlocated error \(error)")
            }
        }
        XCTAssertEqual(loaded + refused, Self.inputs)
        print("fuzz: CTML importer \(Self.inputs) inputs (\(loaded) converted and loaded, \(refused) refused naming the file), 0 crashes")
    }
}
