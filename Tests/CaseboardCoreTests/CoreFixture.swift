import CaseModel
import CaseStore
import CaseboardCore
import Foundation
import XCTest

/// A demo database written once per test run into a temporary directory (the real generator and catalogue).
enum CoreFixture {
    static let today = LocalDate("2026-11-29")!

    static let demoDirectory: URL = {
        // Tests/CaseboardCoreTests/CoreFixture.swift → the checkout's demo-db/.
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("demo-db")
    }()

    static let demoPath: Result<String, Error> = Result {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("cbcore-\(getpid())-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let path = dir.appendingPathComponent("demo.sqlite").path
        try DemoDatabase.build(path: path, sources: try DemoSources.load(demoDirectory: demoDirectory), seed: nil, count: nil,
                               trialFiles: DemoDatabase.trialFiles(demoDirectory))
        return path
    }

    /// A fresh copy of the demo database (so that a test may write to it).
    static func copy() throws -> String {
        let src = try demoPath.get()
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("cbcore-copy-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let dst = dir.appendingPathComponent("copy.sqlite").path
        // The builder closed its connection (checkpointed): the main file holds everything.
        try FileManager.default.copyItem(atPath: src, toPath: dst)
        return dst
    }

    static func workspace(_ path: String, readOnly: Bool = false) -> Workspace {
        Workspace(WorkspaceOptions(db: path, trials: nil, today: today, user: "test", readOnly: readOnly))
    }
}
