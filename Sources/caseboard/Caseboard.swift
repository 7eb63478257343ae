import ArgumentParser
import Foundation
import CaseStore

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
        let command: ParsableCommand
        do {
            command = try parseAsRoot()
        } catch {
            let code = exitCode(for: error)
            if code == .success { exit(withError: error) }
            FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
            Foundation.exit(1)
        }
        do {
            if var asyncCommand = command as? AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                var c = command
                try c.run()
            }
        } catch let e as CleanExit {
            exit(withError: e)
        } catch let e as ExitCode {
            Foundation.exit(e.rawValue)
        } catch let e as CommandFailure {
            FileHandle.standardError.write(Data((e.line + "\n").utf8))
            Foundation.exit(e.code)
        } catch {
            // ArgumentParser reports help (`case --help`) and late parse errors by throwing from run().
            if !CLI.isKnown(error) {
                let code = exitCode(for: error)
                if code == .success { exit(withError: error) }
                let typeName = String(reflecting: type(of: error))
                if typeName.hasPrefix("ArgumentParser.") {
                    FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
                    Foundation.exit(1)
                }
            }
            let (message, code) = CLI.classify(error)
            FileHandle.standardError.write(Data("caseboard: \(message)\n".utf8))
            Foundation.exit(code)
        }
    }
}
