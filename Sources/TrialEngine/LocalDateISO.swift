import CaseModel

extension LocalDate {
    /// `YYYY-MM-DD` without Foundation formatting (reasons are built in bulk).
    var iso: String {
        let c = components
        var s = ""
        s.reserveCapacity(10)
        let y = c.year
        if y < 1000 { s += y < 10 ? "000" : (y < 100 ? "00" : "0") }
        s += String(y)
        s += c.month < 10 ? "-0" : "-"
        s += String(c.month)
        s += c.day < 10 ? "-0" : "-"
        s += String(c.day)
        return s
    }
}
