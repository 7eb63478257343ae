import BoardApp
import Foundation

/// `caseboard` / `caseboard ui`: the interactive terminal UI on the workspace, until the user quits. The front end
/// gives the terminal (the curses backend) once the database is open, so a database error is reported before the
/// screen is taken over.
public enum TerminalSession {
    /// `CASEBOARD_WAIT_STORED=1` (tests, benchmarks): the stored trial verdicts are prepared before the first frame.
    /// `CASEBOARD_STARTUP_LOG=FILE`: the time to the first frame and its phases are written to FILE.
    public static func run(_ workspace: Workspace, startedAt started: UInt64,
                           terminal makeTerminal: () throws -> (device: TerminalDevice, ascii: Bool, shutdown: () -> Void)) throws {
        let env = ProcessInfo.processInfo.environment
        let session = try LiveRepository.open(workspace, waitStored: env["CASEBOARD_WAIT_STORED"] == "1")
        let repository = session.repository
        let terminal = try makeTerminal()
        var failedLog: String?
        let (w, h) = terminal.device.size
        let runtime = LiveRepository.runtime(session, width: w, height: h, ascii: terminal.ascii, execution: .background)
        runtime.start()
        var loop = AppLoop(runtime: runtime, terminal: terminal.device)
        if let log = env["CASEBOARD_STARTUP_LOG"] {
            loop.onFirstFrame = {
                let ms = Double(DispatchTime.now().uptimeNanoseconds - started) / 1e6
                let phases = session.phases.map { "\($0.0) \(String(format: "%.1f", $0.1))" }.joined(separator: " ")
                let line = "first-frame-ms \(String(format: "%.1f", ms)) cases \(repository.caseCount) interpreted \(repository.interpretedCount) (\(phases))\n"
                do { try line.write(toFile: log, atomically: true, encoding: .utf8) } catch {
                    // A timing log that cannot be written must not stop the UI; it says so once the screen is restored.
                    failedLog = "caseboard: cannot write the start-up log \(log): \(error.localizedDescription)"
                }
            }
        }
        loop.run()
        terminal.shutdown()
        if let failedLog { FileHandle.standardError.write(Data((failedLog + "\n").utf8)) }
    }
}
