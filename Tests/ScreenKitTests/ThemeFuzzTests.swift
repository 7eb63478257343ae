import Foundation
import XCTest
@testable import ScreenKit

/// Issue 12, build item 10: a seeded mutational fuzz loop over the theme reader. Every mutated theme is accepted
/// or refused with a `file:line` message (a line inside the file), never a trap. 10,000 inputs by default;
/// `CASEBOARD_FUZZ_INPUTS` for more, `CASEBOARD_FUZZ_SEED` to replay.
final class ThemeFuzzTests: XCTestCase {
    func testThemeReaderFuzz() throws {
        let env = ProcessInfo.processInfo.environment
        let inputs = Int(env["CASEBOARD_FUZZ_INPUTS"] ?? "") ?? 10_000
        var state = UInt64(env["CASEBOARD_FUZZ_SEED"] ?? "") ?? 0x12_2026
        func next() -> UInt64 { // SplitMix64
            state &+= 0x9E3779B97F4A7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58476D1CE4E5B9; z = (z ^ (z >> 27)) &* 0x94D049BB133111EB
            return z ^ (z >> 31)
        }
        func int(_ n: Int) -> Int { n <= 0 ? 0 : Int(next() % UInt64(n)) }
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let seedText = try String(contentsOf: root.appendingPathComponent("themes/default.theme"), encoding: .utf8)
        let tokens = ["color", "#zzzzzz", "#ffffff", "256", "-1", "999999999999999999999", "bold", "\u{0}", "\t", "\n", " ", "default",
                      "bright-", "normal", "x.y.z", "#", String(repeating: "b", count: 5_000), "é", "\r\n"]
        var ok = 0, refused = 0
        for i in 0..<inputs {
            var b = Array(seedText.utf8)
            for _ in 0...int(3) {
                let at = int(b.count)
                switch int(4) {
                case 0: if at < b.count { b[at] = UInt8(truncatingIfNeeded: next()) }
                case 1: b.insert(contentsOf: Array(tokens[int(tokens.count)].utf8), at: at)
                case 2: if at < b.count { b.removeSubrange(at..<min(b.count, at + 1 + int(20))) }
                default: let end = min(b.count, at + int(80)); b.insert(contentsOf: b[at..<end], at: at)
                }
            }
            let text = String(decoding: b, as: UTF8.self)
            do {
                _ = try Theme.parse(text, name: "fz", file: "fz.theme")
                ok += 1
            } catch let e as ThemeError {
                refused += 1
                XCTAssertEqual(e.file, "fz.theme")
                let lines = text.split(separator: "\n", omittingEmptySubsequences: false).count
                XCTAssertTrue(e.line >= 1 && e.line <= lines, "input \(i): line \(e.line) of \(lines): \(e.message)")
            } catch {
                XCTFail("input \(i): not a ThemeError: \(error)")
            }
        }
        XCTAssertEqual(ok + refused, inputs)
        XCTAssertGreaterThan(ok, 0)
        print("fuzz: theme reader \(inputs) inputs (\(ok) accepted, \(refused) refused at file:line), 0 crashes")
    }
}
