import Foundation

/// The `caseboard` executable the tests run end to end: next to the test bundle (`swift build --build-tests`
/// builds it), else the checkout's debug build. One place for every test target that launches the binary.
public enum BuiltExecutable {
    public static func url() -> URL? {
        var candidates: [URL] = []
        for b in Bundle.allBundles where b.bundlePath.hasSuffix(".xctest") {
            candidates.append(b.bundleURL.deletingLastPathComponent().appendingPathComponent("caseboard"))
        }
        // Sources/ScreenTesting/BuiltExecutable.swift → the checkout.
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        candidates.append(root.appendingPathComponent(".build/debug/caseboard"))
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) }
    }

    public struct Missing: Error, CustomStringConvertible {
        public var description: String { "the caseboard executable is not built: run `swift build --build-tests` first" }
    }

    /// Runs `caseboard ARGS` with the environment plus `environment`; its exit status, stdout and stderr.
    public static func run(_ args: [String], environment: [String: String] = [:]) throws -> (status: Int32, out: Data, err: String) {
        guard let exe = url() else { throw Missing() }
        let p = Process()
        p.executableURL = exe
        p.arguments = args
        p.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        let out = Pipe(), err = Pipe()
        p.standardOutput = out
        p.standardError = err
        try p.run()
        // stderr is read on another thread so that neither pipe can fill and block the child.
        nonisolated(unsafe) var errData = Data()
        let group = DispatchGroup()
        group.enter()
        DispatchQueue.global().async { errData = err.fileHandleForReading.readDataToEndOfFile(); group.leave() }
        let data = out.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        p.waitUntilExit()
        return (p.terminationStatus, data, String(decoding: errData, as: UTF8.self))
    }
}
