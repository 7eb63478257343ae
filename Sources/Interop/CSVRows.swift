/// A small RFC 4180 reader: fields separated by a delimiter, optionally in double quotes (`""` inside is a quote;
/// a quoted field may span lines). Returns rows with the line each starts on.
enum CSVRows {
    struct Row { var line: Int; var fields: [String] }
    struct Failure: Error { var line: Int; var message: String }

    static func parse(_ text: String, delimiter: Character) throws -> [Row] {
        var rows: [Row] = []
        var field = "", fields: [String] = []
        var inQuotes = false, quotedField = false
        var line = 1, rowLine = 1
        var chars = Array(text.replacingOccurrences(of: "\r\n", with: "\n"))
        if chars.first == "\u{FEFF}" { chars.removeFirst() }
        var i = 0
        func endRow() {
            fields.append(field)
            if !(fields.count == 1 && fields[0].isEmpty && !quotedField) { rows.append(Row(line: rowLine, fields: fields)) }
            fields = []; field = ""; quotedField = false
        }
        while i < chars.count {
            let c = chars[i]
            if inQuotes {
                if c == "\"" {
                    if i + 1 < chars.count, chars[i + 1] == "\"" { field.append("\""); i += 1 } else { inQuotes = false }
                } else {
                    if c == "\n" { line += 1 }
                    field.append(c)
                }
            } else if c == "\"" && field.isEmpty {
                inQuotes = true; quotedField = true
            } else if c == delimiter {
                fields.append(field); field = ""; quotedField = false
            } else if c == "\n" {
                endRow(); line += 1; rowLine = line
            } else {
                field.append(c)
            }
            i += 1
        }
        if inQuotes { throw Failure(line: rowLine, message: "a quoted field is not closed") }
        if !field.isEmpty || !fields.isEmpty { endRow() }
        return rows
    }
}
