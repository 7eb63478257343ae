import XCTest
import Foundation
import ScreenKit
@testable import CursesBackend

/// End-to-end check of the real terminal path (newterm on a tty) inside tmux: the outer test starts
/// this test binary in a tmux pane running the inner loop, sends keys, resizes, suspends with Ctrl-Z
/// and resumes with `fg`, quits, and checks the terminal modes are restored. Skipped without tmux.
final class CursesInteractiveTests: XCTestCase {
    /// The inner program (runs only inside the tmux pane, when CASEBOARD_INTERACTIVE_LOG is set; elsewhere it
    /// reports itself as skipped, by design: it is the child half of `testTerminalRoundTripInTmux`, which asserts).
    func testInnerLoop() throws {
        guard let log = ProcessInfo.processInfo.environment["CASEBOARD_INTERACTIVE_LOG"] else {
            throw XCTSkip("runs only inside testTerminalRoundTripInTmux")
        }
        let raw = ProcessInfo.processInfo.environment["CASEBOARD_INTERACTIVE_RAW"] == "1"
        var lines: [String] = []
        func note(_ s: String) {
            lines.append(s)
            try? (lines.joined(separator: "\n") + "\n").write(toFile: log, atomically: true, encoding: .utf8)
        }
        try withTerminal(theme: try Theme.named("default"), ctrlCAsKey: raw) { term in
            func frame(_ status: String) {
                let (w, h) = term.size
                var b = Buffer(width: w, height: h)
                Panel(title: "Caseboard backend", isFocused: true, ascii: term.ascii).render(into: &b, area: b.area)
                b.write("size \(w)x\(h) \(status)", x: 2, y: 1, role: .title)
                b.write("白血病 ▽ ⣿ 10⁻³", x: 2, y: 2, role: .mrdPositive)
                term.draw(b)
            }
            note("start utf8=\(term.isUTF8) mode=\(term.colorMode)")
            frame("READY")
            while let key = term.readKey(timeoutMs: 10_000) {
                note("key \(key)")
                if key == .char("q") { break }
                frame("last=\(key.label)")
            }
        }
        note("end")
    }

    /// Runs a shell command; output goes through a file (a daemonising tmux server must not hold a pipe).
    private func sh(_ cmd: String) -> (out: String, status: Int32) {
        let outFile = FileManager.default.temporaryDirectory.appendingPathComponent("cbsh-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: outFile) }
        // posix_spawn + waitpid, not Foundation.Process: a daemonising tmux server inherits the
        // descriptors Process uses to notice the exit, and waitUntilExit would never return.
        var pid: pid_t = 0
        let args = ["/bin/sh", "-c", "(\(cmd)) > '\(outFile)' 2>&1 < /dev/null"]
        var cargs: [UnsafeMutablePointer<CChar>?] = args.map { strdup($0) } + [nil]
        defer { for a in cargs { free(a) } }
        guard posix_spawn(&pid, "/bin/sh", nil, nil, &cargs, environ) == 0 else { return ("", -1) }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
        let exitStatus = (status & 0x7f) == 0 ? (status >> 8) & 0xff : -1
        let out = (try? String(contentsOfFile: outFile, encoding: .utf8)) ?? ""
        return (out, exitStatus)
    }

    private func waitFor(_ what: String, timeout: Double = 10, _ check: () -> Bool) -> Bool {
        let end = Date().addingTimeInterval(timeout)
        while Date() < end { if check() { return true }; usleep(100_000) }
        XCTFail("timed out waiting for \(what)")
        return false
    }

    func testTerminalRoundTripInTmux() throws {
        guard sh("command -v tmux").status == 0 else {
            // CI installs tmux (.ci/run): there its absence is a failure, never a silent skip.
            if ProcessInfo.processInfo.environment["CI"] == "true" { XCTFail("tmux not installed"); return }
            throw XCTSkip("tmux not installed")
        }
        let binary = CommandLine.arguments[0]
        guard FileManager.default.isExecutableFile(atPath: binary), !binary.hasSuffix("/xctest") else {
            throw XCTSkip("test binary not runnable directly: \(binary)")
        }
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("cbtmux-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let log = dir.appendingPathComponent("log").path
        let session = "cbtest\(getpid())"
        let sock = dir.appendingPathComponent("sock").path
        let tm = "tmux -S '\(sock)'"
        defer { _ = sh("\(tm) kill-server") }
        XCTAssertEqual(sh("\(tm) new-session -d -s \(session) -x 100 -y 30 'env -i HOME=\"$HOME\" PATH=\"$PATH\" TERM=screen-256color LANG=C.UTF-8 bash --norc --noprofile'").status, 0)
        func pane() -> String { sh("\(tm) capture-pane -p -t \(session)").out }
        func keys(_ k: String) { _ = sh("\(tm) send-keys -t \(session) \(k)") }
        let before = dir.appendingPathComponent("stty.before").path
        let after = dir.appendingPathComponent("stty.after").path
        // A subshell, so that Ctrl-Z stops the whole job and `fg` resumes it (a plain list would go on).
        keys("'stty -g > \(before); (CASEBOARD_INTERACTIVE_LOG=\(log) CASEBOARD_INTERACTIVE_RAW=1 \(binary) CursesBackendTests.CursesInteractiveTests/testInnerLoop ; echo EXIT\"\"=$?; stty -g > \(after))' Enter")
        guard waitFor("first frame", { pane().contains("READY") }) else { return }
        XCTAssertTrue(pane().contains("白血病 ▽ ⣿ 10⁻³"), pane())
        XCTAssertTrue(pane().contains("┌ Caseboard backend"))
        keys("j")
        guard waitFor("key j", { pane().contains("last=j") }) else { return }
        keys("C-c")
        guard waitFor("Ctrl-C as a key", { pane().contains("last=Ctrl-C") }) else { return }
        keys("BTab")
        guard waitFor("Shift-Tab", { pane().contains("last=Shift-Tab") }) else { return }
        _ = sh("\(tm) resize-window -t \(session) -x 90 -y 26")
        guard waitFor("resize event", { pane().contains("size 90x26") }) else { return }
        keys("C-z")
        guard waitFor("screen handed back", { !pane().contains("┌ Caseboard backend") }) else { return }
        // bash reports a stopped job before its next prompt; `jobs` asks for it.
        keys("jobs Enter")
        guard waitFor("suspended to the shell", { pane().contains("Stopped") }) else { return }
        XCTAssertFalse(pane().contains("READY"), "screen handed back to the shell")
        keys("fg Enter")
        guard waitFor("repaint after fg", { pane().contains("size 90x26") && pane().contains("┌ Caseboard backend") }) else {
            XCTFail("pane after fg:\n" + pane() + "\nps:\n" + sh("ps -eo pid,ppid,pgid,tpgid,stat,wchan:30,cmd | grep -E 'testInnerLoop|norc' | grep -v grep | cut -c1-120").out + "\nevents:\n" + ((try? String(contentsOfFile: log, encoding: .utf8)) ?? ""))
            return
        }
        keys("q")
        guard waitFor("exit", { pane().contains("EXIT=") }) else { return }
        XCTAssertTrue(pane().contains("EXIT=0"), pane())  // the command line itself shows EXIT""=
        _ = waitFor("stty after", { FileManager.default.fileExists(atPath: after) })
        let sttyBefore = try String(contentsOfFile: before, encoding: .utf8)
        let sttyAfter = try String(contentsOfFile: after, encoding: .utf8)
        XCTAssertEqual(sttyBefore, sttyAfter, "terminal modes restored")
        let events = try String(contentsOfFile: log, encoding: .utf8)
        XCTAssertTrue(events.contains("key char(\"j\")"), events)
        XCTAssertTrue(events.contains("key ctrl(\"c\")"), events)
        XCTAssertTrue(events.contains("key backTab"), events)
        XCTAssertTrue(events.contains("key resize(width: 90, height: 26)"), events)
        XCTAssertTrue(events.hasSuffix("end\n"), events)
    }
}
