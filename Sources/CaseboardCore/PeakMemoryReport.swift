import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The process's own peak resident memory (Linux `VmHWM` in /proc/self/status), written at exit to the file named by
/// `CASEBOARD_PEAK_RSS_FILE` (set by `caseboard bench` for the commands it times). `wait4`'s `ru_maxrss` cannot be
/// used for them: glibc's `posix_spawn` starts a child with `clone(CLONE_VM | CLONE_VFORK)`, and at the child's `exec`
/// Linux records the shared (parent's) high-water mark as the child's, so every child reported at least the
/// benchmark's own memory (149 MiB for every command at 10,000 patients).
public enum PeakMemoryReport {
    nonisolated(unsafe) static var path: String?

    /// Registers the exit report when `CASEBOARD_PEAK_RSS_FILE` is set (call first thing in `main`).
    public static func installIfRequested(_ environment: [String: String] = ProcessInfo.processInfo.environment) {
        guard let p = environment["CASEBOARD_PEAK_RSS_FILE"], !p.isEmpty else { return }
        path = p
        atexit { PeakMemoryReport.write() }
    }

    /// `VmHWM` of /proc/self/status in KiB; nil when it cannot be read (no /proc).
    public static func highWaterKiB() -> Int? {
        // procfs files have no size: read to the end of the stream.
        guard let h = FileHandle(forReadingAtPath: "/proc/self/status") else { return nil }
        defer { try? h.close() }
        guard let data = try? h.readToEnd() else { return nil }
        for line in String(decoding: data, as: UTF8.self).split(separator: "\n") where line.hasPrefix("VmHWM:") {
            return line.dropFirst(6).split(whereSeparator: { $0 == " " || $0 == "\t" }).first.flatMap { Int($0) }
        }
        return nil
    }

    /// Writes the figure, or `unknown` when /proc cannot say (the benchmark then fails naming the command).
    static func write() {
        guard let path else { return }
        let text = (highWaterKiB().map(String.init) ?? "unknown") + "\n"
        FileManager.default.createFile(atPath: path, contents: Data(text.utf8), attributes: [.posixPermissions: 0o600])
    }
}
