import CaseModel
import Foundation
import CaseStore

/// Where a command's output goes: results on `out` (stdout), diagnostics on `err` (stderr) — formats.md §4.
/// The command runs of this folder write only through it, so tests can run a command without the binary.
public struct Console: Sendable {
    /// Raw bytes on stdout.
    public var write: @Sendable (Data) -> Void
    /// One diagnostic line on stderr (a newline is added when missing).
    public var errorLine: @Sendable (String) -> Void

    public init(write: @escaping @Sendable (Data) -> Void, errorLine: @escaping @Sendable (String) -> Void) {
        self.write = write
        self.errorLine = errorLine
    }

    /// The process's stdout and stderr.
    public static let standard = Console(
        write: { FileHandle.standardOutput.write($0) },
        errorLine: { FileHandle.standardError.write(Data(($0.hasSuffix("\n") ? $0 : $0 + "\n").utf8)) })

    /// `text` on stdout as it is.
    public func raw(_ text: String) { write(Data(text.utf8)) }
    /// `text` and a newline on stdout (as `print`).
    public func line(_ text: String = "") { write(Data((text + "\n").utf8)) }
    public func err(_ text: String) { errorLine(text) }
    /// `caseboard COMMAND: warning: message` on stderr.
    public func warn(_ command: String, _ message: String) { errorLine("caseboard \(command): warning: \(message)") }

    /// Pretty-printed, sorted-keys JSON with a final newline.
    public static func encodeJSON<T: Encodable>(_ value: T) throws -> Data {
        let e = JSONEncoder()
        e.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        var d = try e.encode(value)
        d.append(10)
        return d
    }

    public func json<T: Encodable>(_ value: T) throws { write(try Console.encodeJSON(value)) }

    /// An array written element by element, byte for byte what `json(array)` writes (each element encoded alone
    /// and indented by two spaces, as the pretty printer nests it, blank lines left blank; JSON strings hold no raw
    /// newline), so that a list
    /// of 10,000 cases is never one encoder tree in memory.
    public func jsonArray<T: Encodable>(_ elements: [T]) throws {
        let writer = JSONArrayWriter<T>(self)
        for element in elements { try writer.append(element) }
        try writer.finish()
    }

    /// Writes `text` to the file `out`, or to stdout (with a final newline).
    public func emit(_ text: String, out: String?) throws {
        if let out {
            do { try Data(text.utf8).write(to: URL(fileURLWithPath: out)) } catch {
                throw CoreError.user("--out: cannot write \(out): \(error.localizedDescription)")
            }
        } else {
            raw(text.hasSuffix("\n") ? text : text + "\n")
        }
    }

    /// `CASEBOARD_MATCH_REPORT=1`: what a command recomputed of the stored trial results, on stderr.
    public func matchReport(_ command: String) -> ((MatchRecomputeReport) -> Void)? {
        guard ProcessInfo.processInfo.environment["CASEBOARD_MATCH_REPORT"] == "1" else { return nil }
        return { r in
            self.err("caseboard \(command): stored match results: \(r.patientsRecomputed.count) patients and "
                     + "\(r.trialsRecomputed.count) trials recomputed, \(r.trialsRemoved.count) trials removed, \(r.rowsWritten) rows written")
        }
    }

    /// A date option: `YYYY-MM-DD`, `today` or an offset from `today` (`+7d`, `+2w`, `+3m`).
    public static func date(_ text: String, option: String, today: LocalDate) throws -> LocalDate {
        guard let d = RelativeDate.parse(text, today: today) else {
            throw CoreError.user("\(option): expected a date (\(RelativeDate.hint)), found \"\(text)\"")
        }
        return d
    }

    /// An optional date option.
    public static func date(_ text: String?, option: String, today: LocalDate) throws -> LocalDate? {
        try text.map { try date($0, option: option, today: today) }
    }
}

/// A JSON array written to a console one element at a time as the elements are produced (`match --trial` at 10,000
/// patients never holds its verdicts in memory), byte for byte what `Console.json(array)` writes: each element
/// encoded alone and indented by two spaces, as the pretty printer nests it (blank lines left blank; JSON strings
/// hold no raw newline). The separator of an element is written when the next one (or the end) is known.
public final class JSONArrayWriter<T: Encodable> {
    private let console: Console
    private let encoder = JSONEncoder()
    private var chunk = Data()
    private var count = 0

    public init(_ console: Console) {
        self.console = console
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    }

    public func append(_ element: T) throws {
        let encoded = try encoder.encode(element)
        chunk.append(contentsOf: count == 0 ? Array("[\n".utf8) : [44, 10])
        // Two spaces before every line but the blank ones (the printer's empty `{\n\n}` and `[\n\n]`).
        var lineStart = true
        for b in encoded {
            if lineStart && b != 10 { chunk.append(contentsOf: [32, 32]) }
            chunk.append(b); lineStart = b == 10
        }
        count += 1
        if chunk.count > 1 << 16 { console.write(chunk); chunk.removeAll(keepingCapacity: true) }
    }

    /// Closes the array (an empty one as the encoder writes it).
    public func finish() throws {
        if count == 0 { console.write(try Console.encodeJSON([T]())); return }
        chunk.append(contentsOf: Array("\n]\n".utf8))
        console.write(chunk)
        chunk.removeAll()
    }
}
