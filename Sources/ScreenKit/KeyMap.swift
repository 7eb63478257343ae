/// One named action bound to keys, with the help text the footer and the `?` overlay show.
public struct KeyBinding: Sendable, Equatable {
    public var action: String
    public var keys: [KeyEvent]
    public var help: String
    /// Shown in the footer hint bar (the `?` overlay shows every binding).
    public var inFooter: Bool
    public init(_ action: String, keys: [KeyEvent], help: String, inFooter: Bool = false) {
        self.action = action; self.keys = keys; self.help = help; self.inFooter = inFooter
    }
}

/// The key map of one screen: every binding has help text; lookups go key → action name.
public struct KeyMap: Sendable, Equatable {
    public var name: String
    public var bindings: [KeyBinding]
    public init(name: String, bindings: [KeyBinding]) { self.name = name; self.bindings = bindings }

    public func action(for key: KeyEvent) -> String? { bindings.first { $0.keys.contains(key) }?.action }

    public func binding(named action: String) -> KeyBinding? { bindings.first { $0.action == action } }

    /// This map's bindings followed by those of `other` whose keys are not already taken.
    public func merged(with other: KeyMap) -> KeyMap {
        let taken = Set(bindings.flatMap(\.keys))
        return KeyMap(name: name, bindings: bindings + other.bindings.filter { $0.keys.allSatisfy { !taken.contains($0) } })
    }
}
