import CNcursesw

/// The signal handlers that keep the terminal usable: SIGINT/SIGTERM/SIGHUP/SIGQUIT and crashes
/// (SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGABRT, SIGTRAP) restore the terminal then re-raise with the
/// default action; SIGTSTP (Ctrl-Z) restores, stops, and on `fg` repaints; SIGCONT asks for a repaint.
/// The handlers are C functions in the shim (async-signal context); ncurses keeps SIGWINCH.
enum TerminalSignals {
    static func install() { cb_install_signal_handlers() }
    static func uninstall() { cb_restore_default_signal_handlers() }
    /// True once after the process was continued (SIGCONT) since the last call.
    static func takeResumed() -> Bool { cb_take_resume_flag() != 0 }
}
