import CaseModel

/// Fast `YYYY-MM-DD` text for dates in ids and reasons (LocalDate.description goes through
/// Foundation's String(format:), too slow for 100,000 patients).
public enum DateText {
    public static func iso(_ d: LocalDate) -> String {
        let c = d.components
        return String(unsafeUninitializedCapacity: 10) { buf in
            var y = c.year
            for i in stride(from: 3, through: 0, by: -1) { buf[i] = UInt8(48 + y % 10); y /= 10 }
            buf[4] = 45
            buf[5] = UInt8(48 + c.month / 10); buf[6] = UInt8(48 + c.month % 10)
            buf[7] = 45
            buf[8] = UInt8(48 + c.day / 10); buf[9] = UInt8(48 + c.day % 10)
            return 10
        }
    }
}
