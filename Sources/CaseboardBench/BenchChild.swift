import CaseboardCore
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// One `caseboard` command run as a child process of the benchmark: wall time, and peak resident memory as the child
/// reports it at exit (`PeakMemoryReport`: its own `VmHWM`; `wait4`'s `ru_maxrss` would include the benchmark's memory,
/// which a `posix_spawn`ed child shares until its `exec`).
struct BenchChild {
    var seconds: Double
    var peakRSSMiB: Double

    /// The running executable (the same build as the benchmark).
    static func executable() throws -> String {
        if let p = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") { return p }
        if let p = Bundle.main.executablePath { return p }
        throw CoreError.internal("caseboard bench: cannot find the caseboard executable to run commands")
    }

    /// Runs `caseboard ARGS…` with stdout to `stdoutPath` (default: discarded) and stderr to a temporary file
    /// that is quoted when the command fails (a failed command is an error of the benchmark, never a figure).
    static func run(_ args: [String], stdoutPath: String = "/dev/null", workDir: URL) throws -> BenchChild {
        let exe = try executable()
        let errPath = workDir.appendingPathComponent("child-stderr.txt").path
        let peakPath = workDir.appendingPathComponent("child-peak-rss.txt").path
        if FileManager.default.fileExists(atPath: peakPath) { try FileManager.default.removeItem(atPath: peakPath) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, stdoutPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_addopen(&actions, 2, errPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        let argv: [UnsafeMutablePointer<CChar>?] = ([exe] + args).map { strdup($0) } + [nil]
        var environment = ProcessInfo.processInfo.environment
        environment["CASEBOARD_PEAK_RSS_FILE"] = peakPath
        let envp: [UnsafeMutablePointer<CChar>?] = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { for a in argv + envp { free(a) } }
        var pid: pid_t = 0
        let t0 = DispatchTime.now().uptimeNanoseconds
        let rc = posix_spawn(&pid, exe, &actions, nil, argv, envp)
        guard rc == 0 else { throw CoreError.internal("caseboard bench: cannot start \(exe) (errno \(rc))") }
        var status: Int32 = 0
        var usage = rusage()
        while wait4(pid, &status, 0, &usage) < 0 {
            guard errno == EINTR else { throw CoreError.internal("caseboard bench: wait4 failed (errno \(errno))") }
        }
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - t0) / 1e9
        let exited = status & 0x7f == 0, code = (status >> 8) & 0xff
        guard exited, code == 0 else {
            let err = (try? String(contentsOfFile: errPath, encoding: .utf8)) ?? ""
            throw CoreError.internal("caseboard bench: `caseboard \(args.joined(separator: " "))` failed ("
                                     + (exited ? "exit \(code)" : "signal \(status & 0x7f)") + "): " + err.suffix(2000))
        }
        let reported = FileManager.default.contents(atPath: peakPath).map { String(decoding: $0, as: UTF8.self) }
        guard let kib = reported.flatMap({ Double($0.trimmingCharacters(in: .whitespacesAndNewlines)) }) else {
            throw CoreError.internal("caseboard bench: `caseboard \(args.joined(separator: " "))` did not report its peak memory in "
                                     + "\(peakPath) (found: \(reported ?? "no file"))")
        }
        return BenchChild(seconds: seconds, peakRSSMiB: kib / 1024)
    }
}
