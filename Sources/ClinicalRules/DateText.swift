import CaseModel

/// Fast `YYYY-MM-DD` text for dates in ids and reasons (LocalDate.description goes through
/// Foundation's String(format:), too slow for 100,000 patients).
public enum DateText {
    public static func iso(_ d: LocalDate) -> String {
        let c = d.components
        var bytes: [UInt8] = []
        bytes.reserveCapacity(10)
        func put(_ v: Int, _ width: Int) {
            var digits = [UInt8](repeating: 48, count: width)
            var x = v
            var i = width - 1
            while i >= 0 { digits[i] = UInt8(48 + x % 10); x /= 10; i -= 1 }
            bytes += digits
        }
        put(c.year, 4); bytes.append(45); put(c.month, 2); bytes.append(45); put(c.day, 2)
        return String(decoding: bytes, as: UTF8.self)
    }
}
