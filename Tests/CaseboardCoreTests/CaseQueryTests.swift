import BoardApp
import CaseModel
import CaseStore
import ClinicalRules
import XCTest
@testable import CaseboardCore

/// One case query: `cases --filter q=TEXT` (CaseSelection over whole cases) and `/TEXT` in the case list (the
/// repository over the store's light index) list exactly the same cases, genes and fusions included.
final class CaseQueryTests: XCTestCase {
    func testUISearchAndTheCommandLineFilterListTheSameCases() throws {
        let ws = CoreFixture.workspace(try CoreFixture.demoPath.get(), readOnly: true)
        let patients = try ws.patients()
        let session = try LiveRepository.open(ws)
        for text in ["FLT3", "IDH2", "TP53", "DDX41", "RUNX1::RUNX1T1", "flt3", " NPM1 ", "AML", "SL-MDS", "C92.0"] {
            let selection = try CaseSelection(parsing: ["q=\(text)"])
            let cli = patients.filter { selection.matches($0, today: ws.today) }.map(\.id)
            let ui = try session.repository.caseIDs(matching: CaseQuery(search: text))
            XCTAssertEqual(ui, cli, "search \(text)")
            if ["FLT3", "IDH2", "TP53"].contains(text) { XCTAssertGreaterThan(cli.count, 3, "\(text) is mutated in several demo cases") }
        }
    }

    func testTheStoreIndexCarriesTheSameSearchTermsAsTheCase() throws {
        let db = try AppDatabase.open(path: try CoreFixture.demoPath.get(), readOnly: true)
        let byID = Dictionary(uniqueKeysWithValues: try db.patients().map { ($0.id, $0) })
        for e in try db.caseIndex() {
            guard let p = byID[e.id] else { return XCTFail("index entry \(e.id) without a case") }
            XCTAssertEqual(e.searchTerms.sorted(), CaseSearch.clinicalTerms(of: p).sorted(), e.id)
            XCTAssertEqual(Set(e.identityTerms), Set(CaseSearch.identityTerms(of: p)), e.id)
        }
    }

    func testPresenterModeNeverSearchesNames() throws {
        var p = Patient(id: "X-1", sex: .female, birthDate: LocalDate("1960-01-01")!,
                        diagnoses: [Diagnosis(date: LocalDate("2026-01-01")!, category: .aml)])
        p.identity = Identity(mrn: "MRN-77", family: "Dupont", given: "Marie")
        let repo = InMemoryRepository(patients: [p], today: CoreFixture.today)
        XCTAssertEqual(try repo.caseIDs(matching: CaseQuery(search: "dupont")), ["X-1"])
        XCTAssertEqual(try repo.caseIDs(matching: CaseQuery(search: "dupont", hideIdentities: true)), [])
        XCTAssertEqual(try repo.caseIDs(matching: CaseQuery(search: "MRN-77", hideIdentities: true)), [])
        XCTAssertTrue(try CaseSelection(parsing: ["q=dupont"]).matches(p, today: CoreFixture.today))
    }

    func testFiltersAreValidatedAndCombined() throws {
        XCTAssertThrowsError(try CaseSelection(parsing: ["colour=red"])) { e in
            XCTAssertTrue("\(e)".contains("unknown key \"colour\""), "\(e)")
        }
        XCTAssertThrowsError(try CaseSelection(parsing: ["group=XYZ"]))
        XCTAssertThrowsError(try CaseSelection(parsing: ["FLT3"]))
        let ws = CoreFixture.workspace(try CoreFixture.demoPath.get(), readOnly: true)
        let patients = try ws.patients()
        let both = try CaseSelection(parsing: ["group=AML", "q=FLT3"])
        let hits = patients.filter { both.matches($0, today: ws.today) }
        XCTAssertFalse(hits.isEmpty)
        XCTAssertTrue(hits.allSatisfy { $0.diagnosis?.category.group == .aml && $0.variants.contains { $0.gene == "FLT3" } })
        let either = try CaseSelection(parsing: ["group=AML", "group=MDS"])
        XCTAssertTrue(patients.filter { either.matches($0, today: ws.today) }.allSatisfy { [.aml, .mds].contains($0.diagnosis?.category.group) })
    }
}
