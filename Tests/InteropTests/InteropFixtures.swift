import Foundation
import XCTest

/// The real interchange documents of `../shared/fixtures/interop/` (README there gives each expected outcome).
/// Missing fixtures fail the test under `CI=true` and skip it otherwise.
enum InteropFixtures {
    static let root: URL = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("shared/fixtures/interop")

    static func url(_ relative: String) throws -> URL {
        let u = root.appendingPathComponent(relative)
        if !FileManager.default.fileExists(atPath: u.path) {
            if ProcessInfo.processInfo.environment["CI"] == "true" {
                XCTFail("fixture missing: \(u.path) (../shared/fixtures/interop must be present under CI)")
                throw XCTSkip("fixture missing")
            }
            throw XCTSkip("fixture not present: \(u.path)")
        }
        return u
    }

    static func data(_ relative: String) throws -> Data { try Data(contentsOf: url(relative)) }
}
