/// Problems finding or reading the demo generator's sources.
public enum DemoError: Error, CustomStringConvertible, Sendable {
    case missingSource(String)
    case badSource(String, String)
    case notFound
    case unknownProfile(String, scenario: String)

    public var description: String {
        switch self {
        case .missingSource(let p): return "demo generator source missing: \(p)"
        case .badSource(let p, let d): return "demo generator source \(p) cannot be read: \(d)"
        case .notFound: return "cannot find the demo sources (a demo-db/ folder with generator/*.json); set CASEBOARD_DEMO_DIR or pass --db PATH."
        case .unknownProfile(let p, let s): return "demo scenario \(s) names an unknown profile \"\(p)\""
        }
    }
}
