// libFuzzer target for the criteria parser and the CTML importer (issue 12 item 10). Not part of the package:
// built by Fuzz/build.sh with `swiftc -sanitize=fuzzer` against an instrumented build of TrialEngine.
// CASEBOARD_FUZZ_TARGET=criteria (default) or ctml. An input that breaks a contract traps (libFuzzer saves it).
import Foundation
import TrialEngine

let fuzzTarget = ProcessInfo.processInfo.environment["CASEBOARD_FUZZ_TARGET"] ?? "criteria"

@_cdecl("LLVMFuzzerTestOneInput")
public func caseboardFuzzOne(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    if fuzzTarget == "ctml" {
        do {
            for r in try CTMLImporter.importText(text, file: "fz.ctml") {
                let (trial, diagnostics) = TrialLoader.load(text: r.yaml, file: r.fileName)
                if trial == nil { fatalError("a converted trial does not load: \(diagnostics)") }
            }
        } catch {
            if !"\(error)".hasPrefix("fz.ctml") { fatalError("unlocated CTML error: \(error)") }
        }
    } else {
        do { _ = try RuleParser.parse(text) } catch {
            if error.offset < 0 || error.offset > text.unicodeScalars.count + 1 || error.message.isEmpty {
                fatalError("criteria error outside the text: offset \(error.offset) message \(error.message)")
            }
        }
    }
    return 0
}
