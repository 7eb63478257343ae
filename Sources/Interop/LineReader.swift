import Foundation

/// Reads a text file line by line in bounded memory (64 KiB chunks); a `.gz` file is decompressed by a `gzip -dc`
/// child process through a pipe, so a 100 MB VCF is never held whole.
final class LineReader {
    private let handle: FileHandle
    private var process: Process?
    private var buffer = Data()
    private var eof = false
    private(set) var lineNumber = 0

    init(path: String) throws {
        guard FileManager.default.isReadableFile(atPath: path) else {
            throw InteropFailure([InteropProblem(file: path, location: nil, message: "cannot read the file")])
        }
        if path.hasSuffix(".gz") {
            let p = Process()
            p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            p.arguments = ["gzip", "-dc", path]
            let pipe = Pipe()
            p.standardOutput = pipe
            p.standardError = FileHandle.nullDevice
            try p.run()
            process = p
            handle = pipe.fileHandleForReading
        } else {
            guard let h = FileHandle(forReadingAtPath: path) else {
                throw InteropFailure([InteropProblem(file: path, location: nil, message: "cannot open the file")])
            }
            handle = h
        }
    }

    /// The next line without its terminator, or nil at the end.
    func next() throws -> String? {
        while true {
            if let nl = buffer.firstIndex(of: 0x0A) {
                var line = buffer[buffer.startIndex..<nl]
                if line.last == 0x0D { line = line.dropLast() }
                buffer.removeSubrange(buffer.startIndex...nl)
                lineNumber += 1
                return String(decoding: line, as: UTF8.self)
            }
            if eof {
                guard !buffer.isEmpty else { return nil }
                let line = buffer
                buffer = Data()
                lineNumber += 1
                return String(decoding: line, as: UTF8.self)
            }
            let chunk = handle.readData(ofLength: 65536)
            if chunk.isEmpty { eof = true } else { buffer.append(chunk) }
        }
    }

    /// Waits for the decompressor; false when it failed (a corrupt or truncated `.gz`).
    func finish() -> Bool {
        guard let p = process else { return true }
        p.waitUntilExit()
        return p.terminationStatus == 0
    }
}
