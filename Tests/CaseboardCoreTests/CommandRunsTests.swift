import CaseModel
import CaseStore
import Foundation
import XCTest
@testable import CaseboardCore

/// The commands' behaviour (CaseboardCore/Commands) without launching the binary: output through a capturing
/// `Console`, errors as `CoreError` with their exit status.
final class CommandRunsTests: XCTestCase {
    final class Capture: @unchecked Sendable {
        private let lock = NSLock()
        private var outData = Data()
        private var errLines: [String] = []
        var out: String { lock.lock(); defer { lock.unlock() }; return String(decoding: outData, as: UTF8.self) }
        var err: [String] { lock.lock(); defer { lock.unlock() }; return errLines }
        var console: Console {
            Console(write: { d in self.lock.lock(); self.outData.append(d); self.lock.unlock() },
                    errorLine: { l in self.lock.lock(); self.errLines.append(l); self.lock.unlock() })
        }
    }

    func testCasesTableAndJSONAgreeOnTheSelection() throws {
        let ws = CoreFixture.workspace(try CoreFixture.demoPath.get(), readOnly: true)
        let table = Capture(), json = Capture()
        try CaseRuns.list(ws, filters: ["q=FLT3"], whereText: nil, json: false, console: table.console)
        try CaseRuns.list(ws, filters: ["q=FLT3"], whereText: nil, json: true, console: json.console)
        let rows = try JSONDecoder().decode([[String: AnyDecodable]].self, from: Data(json.out.utf8))
        XCTAssertGreaterThan(rows.count, 0)
        let lines = table.out.split(separator: "\n")
        XCTAssertTrue(lines.first?.hasPrefix("ID") == true)
        XCTAssertEqual(lines.last.map(String.init), "\(rows.count) case\(rows.count == 1 ? "" : "s")")
        XCTAssertEqual(lines.count, rows.count + 2, "header, one line per case, the count")
    }

    /// `jsonArray` (cases --json, element by element) writes exactly the bytes of the whole-array encoding, for no,
    /// one and many elements, nested objects and strings with escapes.
    func testStreamedJSONArrayIsByteIdenticalToTheWholeArray() throws {
        struct Row: Encodable { var id: String; var tags: [String]; var nested: [String: Int]; var note: String? }
        let rows = [Row(id: "A", tags: [], nested: [:], note: "line\nbreak \"quoted\" / slash"),
                    Row(id: "B", tags: ["x", "y"], nested: ["b": 2, "a": 1], note: nil),
                    Row(id: "C", tags: ["é"], nested: ["z": 0], note: "")]
        for n in 0...rows.count {
            let c = Capture()
            try c.console.jsonArray(Array(rows.prefix(n)))
            XCTAssertEqual(c.out, String(decoding: try Console.encodeJSON(Array(rows.prefix(n))), as: UTF8.self), "\(n) elements")
        }
        let big = (0..<3000).map { Row(id: "P\($0)", tags: ["t\($0)"], nested: ["k": $0], note: nil) }   // past the 64 KiB flush
        let c = Capture()
        try c.console.jsonArray(big)
        XCTAssertEqual(c.out, String(decoding: try Console.encodeJSON(big), as: UTF8.self))
    }

    func testUnknownIDsAndBadOptionsAreUserErrorsNamingThem() throws {
        let ws = CoreFixture.workspace(try CoreFixture.demoPath.get(), readOnly: true)
        let c = Capture()
        XCTAssertThrowsError(try CaseRuns.show(ws, id: "SL-NOPE-0001", json: false, console: c.console)) { e in
            let (message, code) = CoreError.classify(e)
            XCTAssertEqual(code, 1)
            XCTAssertTrue(message.contains("SL-NOPE-0001"), message)
        }
        XCTAssertThrowsError(try TrialRuns.match(ws, patient: nil, trial: nil, candidates: false, json: false, console: c.console)) { e in
            XCTAssertEqual(CoreError.classify(e).code, 1)
        }
        XCTAssertThrowsError(try FollowupRuns.list(ws, dueWithin: -1, site: nil, json: false, console: c.console)) { e in
            XCTAssertEqual(CoreError.classify(e).message, "--due-within must be 0 or more days, found -1")
        }
        XCTAssertThrowsError(try Console.date("+7x", option: "--to", today: CoreFixture.today)) { e in
            XCTAssertTrue(CoreError.classify(e).message.hasPrefix("--to: expected a date"))
        }
        XCTAssertEqual(c.out, "", "nothing printed on stdout for a refused command")
    }

    func testAWorkflowWriteThroughTheRunsIsReportedAndStored() throws {
        let ws = CoreFixture.workspace(try CoreFixture.copy())
        let c = Capture()
        try MeetingRuns.create(ws, date: "+7d", name: "RCP LAM", site: nil, console: c.console)
        let id = c.out.trimmingCharacters(in: .whitespacesAndNewlines)
        let meeting = try ws.database().meeting(id: id)
        XCTAssertEqual(meeting.date, CoreFixture.today.adding(days: 7))
        XCTAssertEqual(meeting.name, "RCP LAM")
    }
}

/// Any JSON value (the test only counts objects).
struct AnyDecodable: Decodable {
    init(from decoder: Decoder) throws {}
}
