import ArgumentParser

@main
struct Caseboard: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "caseboard",
        abstract: "Leukaemia tumour-board case browser: diagnosis and risk, germline flags, MRD, trials, follow-ups.",
        subcommands: [
            UICommand.self, ImportCommand.self, ExportCommand.self, CasesCommand.self, CaseCommand.self,
            TrialsCommand.self, MatchCommand.self, FollowupsCommand.self, MeetingCommand.self,
            ScreeningCommand.self, ScreenCommand.self, ThemesCommand.self, DemoDBCommand.self, BenchCommand.self,
        ],
        defaultSubcommand: UICommand.self
    )
}
