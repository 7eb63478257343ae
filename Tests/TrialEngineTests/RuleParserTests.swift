import CaseModel
import XCTest
@testable import TrialEngine

final class RuleParserTests: XCTestCase {
    func parseError(_ rule: String) -> RuleError? {
        do { _ = try RuleParser.parse(rule); return nil } catch { return error }
    }

    func testEveryConstructParses() throws {
        let rules = [
            "age >= 18", "age in 18..75", "sex female", "sex male, other", "diagnosis AML", "diagnosis B-ALL, T-ALL",
            "diagnosis liquid", "diagnosis therapy-related", "who2022 \"AML with NPM1 mutation\"", "icc2022 contains \"MDS/AML\"",
            "oncotree is-a AML", "oncotree AMLNPM1", "oncotree is-a \"Acute Myeloid Leukemia\"", "status relapsed, refractory",
            "status CR1", "status remission", "prior_lines in 1..2", "prior_lines >= 1", "prior agent venetoclax",
            "prior class FLT3-inhibitor within 365 days", "prior class TKI-2nd-gen, TKI-3rd-gen within 6 months",
            "transplant allogeneic within 100 days", "transplant any", "variant NPM1 consequence frameshift",
            "variant IDH1 protein p.R132 vaf >= 0.05", "variant IDH1 protein p.Arg132His vaf >= 5%", "variant TP53 origin germline",
            "variant JAK2 exon 12", "tested FLT3", "not tested FLT3", "wildtype FLT3", "fusion BCR::ABL1", "fusion KMT2A::*",
            "fusion *::ABL1", "karyotype del(5q)", "karyotype -7", "karyotype t(8;21)", "karyotype t(v;11q23.3)", "karyotype complex",
            "karyotype monosomal", "karyotype normal", "eln2022 adverse", "eln2022 favorable, intermediate", "mrd NPM1 PB positive",
            "mrd BCR::ABL1 negative", "mrd NPM1 log-rise", "lab bilirubin <= 1.5 x ULN within 14 days", "lab ANC >= 0.5 G/L",
            "lab hemoglobin < 100 g/L within 30 days", "lab BM-blasts >= 5%", "ecog <= 2 within 30 days", "comorbidity active-infection",
            "feature nail-dystrophy", "germline confirmed", "germline confirmed DDX41", "germline suspected", "germline red-flag",
            "germline tested", "unmapped \"tmb_numerical: >10\"",
            "age >= 18 and (status relapsed or status refractory) and not comorbidity hiv",
        ]
        for r in rules { XCTAssertNoThrow(try RuleParser.parse(r), r) }
    }

    func testPrecedenceAndBindsTighterThanOr() throws {
        guard case .or(let xs) = try RuleParser.parse("sex male or sex female and age > 99") else { return XCTFail("expected or") }
        XCTAssertEqual(xs.count, 2)
        guard case .and = xs[1] else { return XCTFail("expected and on the right") }
        guard case .not(.and) = try RuleParser.parse("not (sex male and age > 1)") else { return XCTFail("not over parentheses") }
    }

    func testLabUnitsAreConvertedAtCompileTime() throws {
        guard case .atom(let a) = try RuleParser.parse("lab hemoglobin < 100 g/L"), case .lab(_, _, let v, false, "g/dL", nil) = a.predicate else {
            return XCTFail("expected lab atom")
        }
        XCTAssertEqual(v, 10, accuracy: 1e-9)
        guard case .atom(let b) = try RuleParser.parse("lab bilirubin <= 1.5 mg/dL"), case .lab(_, _, let w, _, _, _) = b.predicate else { return XCTFail() }
        XCTAssertEqual(w, 25.65, accuracy: 1e-9)
    }

    func testClassesResolveToAgents() throws {
        guard case .atom(let a) = try RuleParser.parse("prior class FLT3-inhibitor within 365 days"),
              case .prior(let agents, _, true, 365) = a.predicate else { return XCTFail() }
        XCTAssertEqual(Set(agents), ["midostaurin", "gilteritinib", "quizartinib", "sorafenib", "crenolanib"])
    }

    func testErrorMessagesAndPositions() {
        let cases: [(String, Int, String)] = [
            ("agee >= 18", 0, "unknown criterion 'agee' (did you mean 'age'?)"),
            ("age 18", 4, "expected a comparison (<, <=, >, >=, =, !=) after 'age', found '18'"),
            ("age >= 18 and", 13, "expected a criterion, found end of rule"),
            ("(age >= 18", 10, "missing ')' to close '(' at offset 1"),
            ("age >= 18)", 9, "unmatched ')'"),
            ("age >= 18 sex male", 10, "expected 'and', 'or' or end of rule, found 'sex'"),
            ("diagnosis AMLL", 10, "unknown diagnosis category 'AMLL' (AML, APL, MDS, MDS/MPN, MPN, CML, B-ALL, T-ALL, MPAL, aplastic-anaemia, PNH, IBMFS, germline-predisposition, liquid, therapy-related, post-MDS, post-MPN)"),
            ("prior class FLT3i", 12, "unknown drug class 'FLT3i' (see the class table in the README)"),
            ("prior drug x", 6, "expected 'agent' or 'class' after 'prior', found 'drug'"),
            ("variant NPM1 consequence frame", 25, "unknown consequence 'frame' (missense, nonsense, frameshift, inframe-insertion, inframe-deletion, splice, itd, ptd, tkd, amplification, deletion)"),
            ("variant npm1", 8, "'npm1' is not a gene symbol (upper-case HGNC symbol expected)"),
            ("variant IDH1 vaf >= 1.5", 20, "VAF must be between 0 and 1 (or 0%–100%)"),
            ("lab bilirubin <= 1.5 x UL", 23, "expected 'ULN' after 'x', found 'UL'"),
            ("lab bilirubin <= 1.5 furlongs", 21, "unit 'furlongs' cannot be converted for bilirubin (canonical unit µmol/L)"),
            ("ecog <= 2 within 30 fortnights", 20, "unknown time unit 'fortnights' (days, weeks, months, years)"),
            ("oncotree is-a XYZ", 14, "unknown OncoTree code 'XYZ' (not in the haematological table)"),
            ("mrd NPM1 PB high", 12, "expected 'positive', 'negative' or 'log-rise', found 'high'"),
            ("eln2022 bad", 8, "unknown ELN 2022 risk 'bad' (favorable, intermediate, adverse)"),
            ("age in 75..18", 7, "empty age range 75..18"),
            ("who2022 \"AML", 8, "unterminated string"),
            ("age >= 18 & sex male", 10, "unexpected character '&'"),
            ("()", 1, "empty parentheses"),
            ("variant NPM1 consequense frameshift", 13, "unknown variant detail 'consequense' (did you mean 'consequence'?)"),
            ("variant NPM1 colour red", 13, "unknown variant detail 'colour' (consequence, protein, vaf, origin, exon)"),
        ]
        for (rule, offset, message) in cases {
            guard let e = parseError(rule) else { XCTFail("no error for \(rule)"); continue }
            XCTAssertEqual(e.message, message, rule)
            XCTAssertEqual(e.offset, offset, rule)
        }
    }

    func testLexerKeepsKaryotypeTokensWhole() throws {
        let toks = try RuleLexer.tokens("karyotype t(8;21)(q22;q22.1) and (age > 1)")
        XCTAssertEqual(toks[1].kind, .word("t(8;21)(q22;q22.1)"))
        XCTAssertEqual(toks[3].kind, .lparen)
        XCTAssertEqual(toks[6].kind, .number(1, percent: false))
        XCTAssertEqual(toks[7].kind, .rparen)
    }
}
