import Foundation

/// A comma-separated table read by RFC 4180: a header record, fields optionally in double quotes
/// (a quote inside written as two), quoted fields may hold commas and line breaks, CRLF or LF line
/// ends, an optional UTF-8 byte-order mark. Every record must have as many fields as the header.
public struct CSVTable: Equatable, Sendable {
    public struct Record: Equatable, Sendable {
        /// The 1-based line of the file where the record starts (the header is line 1).
        public var line: Int
        public var fields: [String]
    }

    public let header: [String]
    public let records: [Record]

    /// A malformed table; `description` is `FILE: row N[, column C]: message`.
    public struct ReadError: Error, Equatable, CustomStringConvertible, Sendable {
        public var file: String
        public var row: Int
        public var column: String?
        public var message: String
        public var description: String {
            "\(file): row \(row)" + (column.map { ", column \($0)" } ?? "") + ": \(message)"
        }
    }

    public static func parse(_ text: String, file: String) throws -> CSVTable {
        var rows: [Record] = []
        var field = ""
        var fields: [String] = []
        var line = 1
        var recordLine = 1
        var inQuotes = false
        var afterQuote = false
        var fieldStarted = false
        var chars = Array(text.unicodeScalars)
        if chars.first == "\u{FEFF}" { chars.removeFirst() }
        var i = 0
        func endRecord() {
            fields.append(field)
            rows.append(Record(line: recordLine, fields: fields))
            fields = []; field = ""; afterQuote = false; fieldStarted = false
        }
        while i < chars.count {
            let c = chars[i]
            if inQuotes {
                if c == "\"" {
                    if i + 1 < chars.count, chars[i + 1] == "\"" { field.unicodeScalars.append("\""); i += 2; continue }
                    inQuotes = false; afterQuote = true
                } else {
                    if c == "\n" { line += 1 }
                    field.unicodeScalars.append(c)
                }
                i += 1
                continue
            }
            switch c {
            case ",":
                fields.append(field); field = ""; afterQuote = false; fieldStarted = false
            case "\r":
                if i + 1 < chars.count, chars[i + 1] == "\n" { i += 1 }
                endRecord(); line += 1; recordLine = line
            case "\n":
                endRecord(); line += 1; recordLine = line
            case "\"":
                if fieldStarted || afterQuote {
                    throw ReadError(file: file, row: line, column: nil,
                                    message: "a double quote inside an unquoted field (quote the whole field and double the quote)")
                }
                inQuotes = true; fieldStarted = true
            default:
                if afterQuote {
                    throw ReadError(file: file, row: line, column: nil, message: "text after the closing quote of a field")
                }
                field.unicodeScalars.append(c); fieldStarted = true
            }
            i += 1
        }
        if inQuotes { throw ReadError(file: file, row: recordLine, column: nil, message: "a quoted field is not closed before the end of the file") }
        if fieldStarted || afterQuote || !fields.isEmpty { endRecord() }
        // Blank lines (a single empty field) are skipped.
        rows.removeAll { $0.fields == [""] }
        guard let head = rows.first else { throw ReadError(file: file, row: 1, column: nil, message: "the file is empty (no header)") }
        let header = head.fields.map { $0.trimmingCharacters(in: .whitespaces) }
        var seen = Set<String>()
        for name in header {
            if name.isEmpty { throw ReadError(file: file, row: head.line, column: nil, message: "an empty column name in the header") }
            if !seen.insert(name).inserted { throw ReadError(file: file, row: head.line, column: name, message: "the column name appears twice") }
        }
        let body = Array(rows.dropFirst())
        for r in body where r.fields.count != header.count {
            throw ReadError(file: file, row: r.line, column: nil,
                            message: "\(r.fields.count) fields where the header has \(header.count)")
        }
        return CSVTable(header: header, records: body)
    }

    /// The index of column `name`, or a read error listing the columns there are.
    public func column(_ name: String, file: String) throws -> Int {
        guard let i = header.firstIndex(of: name) else {
            throw ReadError(file: file, row: 1, column: name, message: "no such column (columns: \(header.joined(separator: ", ")))")
        }
        return i
    }
}
