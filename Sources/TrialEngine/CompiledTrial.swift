import CaseModel

/// One criterion compiled once: its wording, its parsed rule and where the rule sits in the file.
public struct CompiledCriterion: Sendable {
    public var kind: CriterionKind
    public var spec: CriterionSpec
    public var expr: RuleExpr
    public var line: Int
    public var column: Int
    /// File line/column of each atom, by the atom's offset in the rule.
    public var atomPositions: [Int: (line: Int, column: Int)] = [:]

    public func position(ofAtomAt offset: Int) -> (line: Int, column: Int) { atomPositions[offset] ?? (line, column) }
}

public struct CompiledArm: Sendable {
    public var arm: TrialArm
    /// Inclusion criteria then exclusion criteria (trial-level ones first).
    public var criteria: [CompiledCriterion]
    public var isOpen: Bool
}

/// A trial as loaded from one file: the plain `Trial` value, its compiled arms and a fingerprint of the file text.
public struct CompiledTrial: Sendable {
    public var trial: Trial
    public var arms: [CompiledArm]
    /// FNV-1a 64 of the file's text: changes whenever the file does.
    public var fingerprint: UInt64
    public var file: String
    public var warnings: [TrialDiagnostic]
}

/// FNV-1a 64-bit hash (stable across runs, unlike `Hasher`).
public enum Fingerprint {
    public static func of(_ text: String) -> UInt64 { of(bytes: Array(text.utf8)) }
    public static func of(bytes: [UInt8]) -> UInt64 {
        var h: UInt64 = 0xcbf29ce484222325
        for b in bytes { h ^= UInt64(b); h = h &* 0x100000001b3 }
        return h
    }
}
