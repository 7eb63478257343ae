/// How many colours the backend uses.
public enum ColorMode: Equatable, Sendable {
    case monochrome, colors8, colors16, colors256

    public var colorCount: Int {
        switch self { case .monochrome: return 0; case .colors8: return 8; case .colors16: return 16; case .colors256: return 256 }
    }

    /// The mode for a terminal reporting `colors` colours; `NO_COLOR` (set and non-empty) or no colour
    /// support gives monochrome.
    public static func detect(hasColors: Bool, colors: Int, environment: [String: String]) -> ColorMode {
        if let nc = environment["NO_COLOR"], !nc.isEmpty { return .monochrome }
        guard hasColors else { return .monochrome }
        if colors >= 256 { return .colors256 }
        if colors >= 16 { return .colors16 }
        if colors >= 8 { return .colors8 }
        return .monochrome
    }
}
