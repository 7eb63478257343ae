import XCTest
@testable import ScreenKit

final class LogChartTests: XCTestCase {
    func chart(ascii: Bool) -> LogChart {
        LogChart(series: [
            LogChart.Series(name: "NPM1", points: [
                .init(day: 0, value: 1e-1), .init(day: 30, value: 1e-3), .init(day: 60, value: 1e-5, isUndetectable: true),
                .init(day: 90, value: 0),
            ], role: .chartSeries1, marker: "●", asciiMarker: "*"),
        ], thresholds: [LogChart.Threshold(value: 2e-5, label: "2e-5")],
           events: [LogChart.Event(day: 45, label: "HSCT")],
           ascii: ascii, dateLabel: { "d\($0)" })
    }

    func testDecadeLabelsAndValuePlacementUnicode() {
        var b = Buffer(width: 60, height: 24)
        let c = chart(ascii: false)
        c.render(into: &b, area: b.area)
        let geo = c.geometry(in: b.area)
        XCTAssertEqual(geo.top, -1)
        XCTAssertEqual(geo.bottom, -6)
        for d in -6 ... -1 {
            let label = LogChart.decadeLabel(d, ascii: false)
            XCTAssertTrue(b.rowText(geo.row(ofDecade: d)).hasPrefix(label), "decade \(d) labelled on its row")
        }
        XCTAssertEqual(LogChart.decadeLabel(-3, ascii: false), "10⁻³")
        XCTAssertEqual(geo.row(ofDecade: -1), 0)
        XCTAssertEqual(geo.row(ofDecade: -6), geo.plot.maxY - 1)
        // The 1e-3 point lands on the 10⁻³ row with the series marker.
        let r3 = geo.row(ofDecade: -3)
        let x30 = geo.column(ofDay: 30)
        XCTAssertEqual(b[x30, r3].text, "●")
        XCTAssertEqual(b[x30, r3].role, .chartSeries1)
        // Undetectable at its sensitivity (1e-5), with its own glyph.
        XCTAssertEqual(b[geo.column(ofDay: 60), geo.row(ofDecade: -5)].text, "▽")
        // A zero value is drawn on the bottom row (log10 of 0 never taken).
        XCTAssertEqual(b[geo.column(ofDay: 90), geo.plot.maxY - 1].text, "▽")
        // Braille line between points somewhere in the plot.
        XCTAssertTrue(b.text.unicodeScalars.contains { $0.value > 0x2800 && $0.value <= 0x28FF })
        // Event label at the top, threshold label, legend.
        XCTAssertTrue(b.rowText(0).contains("HSCT"), "\n" + b.text)
        XCTAssertTrue(b.rowText(b.height - 1).hasPrefix("● NPM1  ▽ undetectable"))
        XCTAssertTrue(b.text.contains("╌"))
        XCTAssertTrue(b.rowText(geo.plot.maxY + 1).contains("d0"))
        XCTAssertTrue(b.rowText(geo.plot.maxY + 1).contains("d90"))
    }

    func testASCIIFallback() {
        var b = Buffer(width: 50, height: 14)
        let c = chart(ascii: true)
        c.render(into: &b, area: b.area)
        let geo = c.geometry(in: b.area)
        XCTAssertTrue(b.rowText(geo.row(ofDecade: -1)).hasPrefix("1e-1+"), "\n" + b.text)
        XCTAssertTrue(b.rowText(geo.row(ofDecade: -6)).hasPrefix("1e-6+"), b.text)
        XCTAssertEqual(b[geo.column(ofDay: 30), geo.row(ofDecade: -3)].text, "*")
        XCTAssertEqual(b[geo.column(ofDay: 60), geo.row(ofDecade: -5)].text, "v")
        XCTAssertTrue(b.text.unicodeScalars.allSatisfy { $0.isASCII }, "\n" + b.text)
        XCTAssertTrue(b.rowText(b.height - 1).hasPrefix("* NPM1  v undetectable"))
    }

    func testRangeExtendsForDataAboveTopDecade() {
        let c = LogChart(series: [LogChart.Series(name: "BCR::ABL1", points: [.init(day: 0, value: 35), .init(day: 10, value: 0.002)],
                                                   role: .chartSeries2, marker: "■", asciiMarker: "#")],
                         ascii: true, dateLabel: { String($0) })
        let geo = c.geometry(in: Rect(x: 0, y: 0, width: 40, height: 20))
        XCTAssertEqual(geo.top, 2)
        XCTAssertEqual(geo.bottom, -6)
        XCTAssertEqual(LogChart.decadeLabel(2, ascii: false), "10²")
    }
}
