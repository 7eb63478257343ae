import ArgumentParser

/// `--group-shared`: files created 0660 and directories 0770 (a board host where a group shares one database).
/// Applied by `Caseboard.main` from the raw arguments before parsing (`FilePermissions`); declared here so that
/// every command that can create a file accepts it.
struct GroupSharedOption: ParsableArguments {
    @Flag(name: .customLong("group-shared"),
          help: "Create files 0660 and directories 0770 instead of 0600/0700 (a group shares the database; see README).")
    var groupShared = false
}
