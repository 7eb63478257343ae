import CaseModel
import XCTest
@testable import CaseStore

final class DemoDatabaseTests: XCTestCase {
    static func demoDirectory() throws -> URL {
        try DemoDatabase.locate(environment: [:], executable: nil)
    }

    func testLocateHonoursTheEnvironmentAndTheCheckout() throws {
        let dir = try Self.demoDirectory()
        XCTAssertEqual(dir.lastPathComponent, "demo-db")
        XCTAssertEqual(try DemoDatabase.locate(environment: ["CASEBOARD_DEMO_DIR": dir.path], executable: nil).path, dir.path)
        XCTAssertThrowsError(try DemoDatabase.locate(environment: ["CASEBOARD_DEMO_DIR": "/nonexistent"], executable: nil))
        XCTAssertThrowsError(try DemoDatabase.locate(environment: [:], executable: nil, sourceFile: "/nowhere/a/b/c.swift")) { e in
            XCTAssertTrue("\(e)".contains("CASEBOARD_DEMO_DIR"))
        }
        // Walking up from an executable inside the checkout finds it too.
        let exe = dir.deletingLastPathComponent().appendingPathComponent(".build/debug/caseboard")
        XCTAssertEqual(try DemoDatabase.locate(environment: [:], executable: exe, sourceFile: "/nowhere/x.swift").standardizedFileURL.path,
                       dir.standardizedFileURL.path)
    }

    /// A copy of the demo sources in a temporary directory (so tests may edit it).
    func copyOfDemo() throws -> URL {
        let tmp = TestFixtures.tempDirectory().appendingPathComponent("demo-db")
        try FileManager.default.createDirectory(at: tmp, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: try Self.demoDirectory().appendingPathComponent("generator"), to: tmp.appendingPathComponent("generator"))
        try FileManager.default.createDirectory(at: tmp.appendingPathComponent("trials"), withIntermediateDirectories: true)
        try Data("id: T-1\ntitle: test\n".utf8).write(to: tmp.appendingPathComponent("trials/T-1.yaml"))
        return tmp
    }

    func testHashCoversEverySourceFile() throws {
        let demo = try copyOfDemo()
        let h1 = DemoDatabase.sourceHash(demo)
        XCTAssertEqual(DemoDatabase.sourceHash(demo), h1)
        try Data("id: T-1\ntitle: changed\n".utf8).write(to: demo.appendingPathComponent("trials/T-1.yaml"))
        let h2 = DemoDatabase.sourceHash(demo)
        XCTAssertNotEqual(h2, h1)
        try Data("x".utf8).write(to: demo.appendingPathComponent("trials/T-2.yaml"))
        XCTAssertNotEqual(DemoDatabase.sourceHash(demo), h2)
    }

    func testEnsureBuildsOnceIntoTheDataDirectoryAndRebuildsWhenSourcesChange() throws {
        let demo = try copyOfDemo()
        let data = TestFixtures.tempDirectory()
        let env = ["XDG_DATA_HOME": data.path]
        let path = try DemoDatabase.ensure(demoDir: demo, environment: env)
        XCTAssertTrue(path.hasPrefix(data.appendingPathComponent("caseboard").path))
        XCTAssertTrue(URL(fileURLWithPath: path).lastPathComponent.hasPrefix("demo-"))
        let modified = try FileManager.default.attributesOfItem(atPath: path)[.modificationDate] as? Date
        XCTAssertEqual(try DemoDatabase.ensure(demoDir: demo, environment: env), path)
        XCTAssertEqual(try FileManager.default.attributesOfItem(atPath: path)[.modificationDate] as? Date, modified)
        let db = try AppDatabase.open(path: path)
        XCTAssertGreaterThanOrEqual(try db.patientCount(), 240)
        XCTAssertEqual(try db.trialFiles().map(\.path), ["T-1.yaml"])
        XCTAssertEqual(try db.metadata("demo"), "true")
        try Data("id: T-1\ntitle: changed\n".utf8).write(to: demo.appendingPathComponent("trials/T-1.yaml"))
        let rebuilt = try DemoDatabase.ensure(demoDir: demo, environment: env)
        XCTAssertNotEqual(rebuilt, path)
        XCTAssertEqual(try AppDatabase.open(path: rebuilt).trialFiles().first?.yaml, "id: T-1\ntitle: changed\n")
        // No temporary files left behind.
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: data.appendingPathComponent("caseboard").path).filter { $0.hasPrefix(".") }
        XCTAssertEqual(leftovers, [])
    }
}
