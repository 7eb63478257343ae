import XCTest
@testable import ScreenKit

final class ThemeTests: XCTestCase {
    func testParse() throws {
        let t = try Theme.parse("""
        # My theme
        color normal default default
        color mrd.positive bright-red #000000 bold underline   # trailing comment
        color border 244 default
        """, name: "mine", file: "mine.theme")
        XCTAssertEqual(t.summary, "My theme")
        XCTAssertEqual(t.style(for: .mrdPositive), ThemeStyle(foreground: .indexed(9), background: .rgb(0, 0, 0), attributes: [.bold, .underline]))
        XCTAssertEqual(t.style(for: .borderFocused).foreground, .indexed(244), "falls back to the dotted parent")
        XCTAssertEqual(t.style(for: .taskOverdue), ThemeStyle(), "falls back to normal")
    }

    func testErrorsNameFileAndLine() {
        XCTAssertThrowsError(try Theme.parse("# x\ncolor normal default default\ncolor mrd.postive red default\n", name: "t", file: "themes/t.theme")) { e in
            XCTAssertEqual("\(e)", "themes/t.theme:3: unknown role \"mrd.postive\"")
        }
        XCTAssertThrowsError(try Theme.parse("\n\ncolor normal reddish default", name: "t", file: "t.theme")) { e in
            XCTAssertEqual((e as? ThemeError)?.line, 3)
            XCTAssertTrue("\(e)".hasPrefix("t.theme:3: bad colour \"reddish\""))
        }
        XCTAssertThrowsError(try Theme.parse("color normal 256 default", name: "t", file: "t.theme")) { e in
            XCTAssertTrue("\(e)".contains("t.theme:1: bad colour \"256\""))
        }
        XCTAssertThrowsError(try Theme.parse("color normal #12345 default", name: "t", file: "t.theme"))
        XCTAssertThrowsError(try Theme.parse("color normal red default blinking", name: "t", file: "t.theme")) { e in
            XCTAssertTrue("\(e)".contains("t.theme:1: unknown attribute \"blinking\""))
        }
        XCTAssertThrowsError(try Theme.parse("colour normal red default", name: "t", file: "t.theme")) { e in
            XCTAssertTrue("\(e)".contains("t.theme:1: unknown keyword"))
        }
        XCTAssertThrowsError(try Theme.parse("color normal red", name: "t", file: "t.theme"))
    }

    func testShippedThemesLoadAndSetEveryRole() throws {
        let found = Theme.available()
        let names = Set(found.map(\.name))
        for required in ["default", "light", "high-contrast", "monochrome", "colorblind"] {
            XCTAssertTrue(names.contains(required), "theme \(required) shipped")
            let t = try Theme.named(required)
            XCTAssertFalse(t.summary.isEmpty)
            for role in Role.all { XCTAssertNotNil(t.styles[role], "\(required) sets \(role)") }
        }
        let mono = try Theme.named("monochrome")
        XCTAssertTrue(mono.styles.values.allSatisfy { $0.foreground == .default && $0.background == .default })
        XCTAssertTrue(mono.style(for: .selection).attributes.contains(.reverse))
    }

    func testNamedByPathAndUnknownName() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("cbtheme-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("ocean.theme")
        try "color normal blue default\ncolor nope red default\n".write(to: file, atomically: true, encoding: .utf8)
        XCTAssertThrowsError(try Theme.named(file.path)) { e in XCTAssertEqual("\(e)", "\(file.path):2: unknown role \"nope\"") }
        try "color normal blue default\n".write(to: file, atomically: true, encoding: .utf8)
        XCTAssertEqual(try Theme.named("ocean", searchPaths: [dir.path]).style(for: .normal).foreground, .indexed(4))
        XCTAssertThrowsError(try Theme.named("nosuch", searchPaths: [dir.path])) { e in XCTAssertTrue("\(e)".contains("available: ocean")) }
        XCTAssertEqual(try Theme.named("default", searchPaths: [dir.path]), Theme.fallback)
        XCTAssertEqual(Theme.defaultSearchPaths(environment: ["CASEBOARD_THEMES_DIR": dir.path]).first, dir.path)
    }

    func testConfigRemembersTheme() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("cbconf-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = ThemeConfig.defaultPath(environment: ["XDG_CONFIG_HOME": dir.path])
        XCTAssertEqual(path, dir.path + "/caseboard/config")
        XCTAssertNil(ThemeConfig.load(path: path).theme)
        let t = try Theme.resolve(option: "light", config: ThemeConfig.load(path: path))
        XCTAssertEqual(t.name, "light")
        XCTAssertEqual(ThemeConfig.load(path: path).theme, "light")
        XCTAssertEqual(try Theme.resolve(option: nil, config: ThemeConfig.load(path: path)).name, "light")
        var c = ThemeConfig.load(path: path); c.theme = "monochrome"; try c.save()
        XCTAssertEqual(ThemeConfig.load(path: path).theme, "monochrome")
        // A remembered theme that no longer loads: default, and the user is told which and why.
        c.theme = "gone-theme"; try c.save()
        var warnings: [String] = []
        XCTAssertEqual(try Theme.resolve(option: nil, config: ThemeConfig.load(path: path), searchPaths: [dir.path]) { warnings.append($0) },
                       Theme.fallback)
        XCTAssertEqual(warnings.count, 1)
        XCTAssertTrue(warnings[0].hasPrefix("the remembered theme gone-theme does not load"), warnings[0])
    }

    func testColourMapping() {
        XCTAssertEqual(ThemeColor(parsing: "bright-white"), .indexed(15))
        XCTAssertEqual(ThemeColor(parsing: "#ff0000")?.index(forColors: 256), 196)
        XCTAssertEqual(ThemeColor(parsing: "#ff0000")?.index(forColors: 16), 9)
        XCTAssertEqual(ThemeColor(parsing: "#0072B2")?.index(forColors: 256), 25)
        XCTAssertEqual(ThemeColor.indexed(196).index(forColors: 8), 1)
        XCTAssertEqual(ThemeColor.indexed(236).index(forColors: 16), 0)
        XCTAssertNil(ThemeColor.default.index(forColors: 256))
    }
}
