import ArgumentParser
import Foundation
import CaseStore
import CaseboardCore

@main
struct Caseboard: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "caseboard",
        abstract: "Leukaemia tumour-board case browser: diagnosis and risk, germline flags, MRD, trials, follow-ups.",
        subcommands: [
            UICommand.self, ImportCommand.self, ExportCommand.self, CasesCommand.self, CaseCommand.self,
            TrialsCommand.self, MatchCommand.self, FollowupsCommand.self, MeetingCommand.self,
            ScreeningCommand.self, ScreenCommand.self, ThemesCommand.self, DemoDBCommand.self, BenchCommand.self,
            ImportVCFCommand.self, ImportResultsCommand.self,
            SurvivalCommand.self, OutcomesCommand.self,
            BackupCommand.self, RestoreCommand.self, AuditCommand.self,
        ],
        defaultSubcommand: UICommand.self
    )

    /// Runs the command and maps failures to the exit codes of formats.md §4: 0 success,
    /// 1 user error (bad input, unknown id, bad option), 2 internal error. Help and --version exit 0.
    static func main() async {
        FilePermissions.restrictNewFiles(arguments: CommandLine.arguments) // 0600/0700; --group-shared or CASEBOARD_GROUP_SHARED=1: 0660/0770
        PeakMemoryReport.installIfRequested() // CASEBOARD_PEAK_RSS_FILE (caseboard bench): the peak memory written at exit
        var parsed = false
        do {
            var command = try parseAsRoot()
            parsed = true
            if var asyncCommand = command as? AsyncParsableCommand { try await asyncCommand.run() } else { try command.run() }
        } catch let e as CommandFailure {
            CLI.stderr(e.line)
            Foundation.exit(e.code)
        } catch let e as ExitCode {
            Foundation.exit(e.rawValue)
        } catch {
            // Help, --version and CleanExit exit 0; ArgumentParser's own errors (also thrown from run() for a late
            // parse error or `case --help`) print its message with the usage and exit 1.
            if exitCode(for: error) == .success { exit(withError: error) }
            if !parsed || (!CLI.isKnown(error) && String(reflecting: type(of: error)).hasPrefix("ArgumentParser.")) {
                CLI.stderr(fullMessage(for: error))
                Foundation.exit(1)
            }
            let (message, code) = CLI.classify(error)
            CLI.stderr("caseboard: \(message)")
            Foundation.exit(code)
        }
    }
}
