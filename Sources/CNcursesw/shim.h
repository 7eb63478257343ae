#ifndef CASEBOARD_NCURSES_SHIM_H
#define CASEBOARD_NCURSES_SHIM_H
// SwiftPM drops -D_XOPEN_SOURCE from pkg-config: ask for the wide-character API explicitly.
#ifndef NCURSES_WIDECHAR
#define NCURSES_WIDECHAR 1
#endif
#ifndef _XOPEN_SOURCE_EXTENDED
#define _XOPEN_SOURCE_EXTENDED 1
#endif
#include <locale.h>
#include <wchar.h>
#include <curses.h>
#include <term.h>

// Macros and globals that do not import into Swift 6.
static inline WINDOW *cb_stdscr(void) { return stdscr; }
static inline int cb_lines(void) { return LINES; }
static inline int cb_cols(void) { return COLS; }
static inline int cb_colors(void) { return COLORS; }
static inline int cb_color_pairs(void) { return COLOR_PAIRS; }
static inline attr_t cb_a_normal(void) { return A_NORMAL; }
static inline attr_t cb_a_bold(void) { return A_BOLD; }
static inline attr_t cb_a_underline(void) { return A_UNDERLINE; }
static inline attr_t cb_a_reverse(void) { return A_REVERSE; }
static inline attr_t cb_a_dim(void) { return A_DIM; }
static inline int cb_key_resize(void) { return KEY_RESIZE; }
static inline int cb_key_mouse(void) { return KEY_MOUSE; }
static inline int cb_key_f(int n) { return KEY_F(n); }
static inline int cb_getmaxy(WINDOW *w) { return getmaxy(w); }
static inline int cb_getmaxx(WINDOW *w) { return getmaxx(w); }
static inline mmask_t cb_button1_clicked(void) { return BUTTON1_CLICKED; }
static inline mmask_t cb_button1_pressed(void) { return BUTTON1_PRESSED; }
static inline mmask_t cb_button4_pressed(void) { return BUTTON4_PRESSED; }
#ifdef BUTTON5_PRESSED
static inline mmask_t cb_button5_pressed(void) { return BUTTON5_PRESSED; }
#else
static inline mmask_t cb_button5_pressed(void) { return 0; }
#endif
// Draw one cell: a wide-character string with attributes and a colour pair (pairs >= 256 safe).
static inline int cb_put_cell(WINDOW *w, int y, int x, const wchar_t *wch, attr_t attrs, short pair) {
    cchar_t c;
    if (setcchar(&c, wch, attrs, pair, NULL) != OK) return ERR;
    return mvwadd_wch(w, y, x, &c);
}
// Read back one cell (backend fidelity tests).
static inline int cb_read_cell(WINDOW *w, int y, int x, wchar_t *out, int cap, attr_t *attrs, short *pair) {
    cchar_t c;
    if (mvwin_wch(w, y, x, &c) != OK) return ERR;
    wchar_t buf[CCHARW_MAX + 1];
    if (getcchar(&c, buf, attrs, pair, NULL) == ERR) return ERR;
    int i = 0;
    for (; i < cap - 1 && buf[i] != 0; i++) out[i] = buf[i];
    out[i] = 0;
    return OK;
}
// Key codes (octal macros) and more attributes.
static inline int cb_key_code_yes(void) { return KEY_CODE_YES; }
static inline int cb_key_up(void) { return KEY_UP; }
static inline int cb_key_down(void) { return KEY_DOWN; }
static inline int cb_key_left(void) { return KEY_LEFT; }
static inline int cb_key_right(void) { return KEY_RIGHT; }
static inline int cb_key_ppage(void) { return KEY_PPAGE; }
static inline int cb_key_npage(void) { return KEY_NPAGE; }
static inline int cb_key_home(void) { return KEY_HOME; }
static inline int cb_key_end(void) { return KEY_END; }
static inline int cb_key_btab(void) { return KEY_BTAB; }
static inline int cb_key_dc(void) { return KEY_DC; }
static inline int cb_key_ic(void) { return KEY_IC; }
static inline int cb_key_backspace(void) { return KEY_BACKSPACE; }
static inline int cb_key_enter(void) { return KEY_ENTER; }
static inline attr_t cb_a_italic(void) { return A_ITALIC; }
static inline attr_t cb_a_blink(void) { return A_BLINK; }
static inline attr_t cb_a_standout(void) { return A_STANDOUT; }
static inline attr_t cb_a_color(void) { return A_COLOR; }
static inline mmask_t cb_all_mouse_events(void) { return ALL_MOUSE_EVENTS; }
static inline WINDOW *cb_curscr(void) { return curscr; }
// newterm on the process's stdout/stdin (unlike initscr, returns NULL instead of exiting on failure).
static inline SCREEN *cb_newterm_stdio(const char *type) { return newterm(type, stdout, stdin); }

// Signals: restore the terminal on fatal and terminating signals, stop cleanly on SIGTSTP and
// repaint on SIGCONT. Only CursesBackend/TerminalSignals.swift calls these (the flag is per file).
#include <signal.h>
static inline volatile sig_atomic_t *cb_resume_flag(void) { static volatile sig_atomic_t f = 0; return &f; }
static void cb_terminate_handler(int sig) {
    endwin();
    signal(sig, SIG_DFL);
    raise(sig);
}
static void cb_tstp_handler(int sig) {
    (void)sig;
    endwin();
    signal(SIGTSTP, SIG_DFL);
    sigset_t set; sigemptyset(&set); sigaddset(&set, SIGTSTP);
    sigprocmask(SIG_UNBLOCK, &set, NULL);
    raise(SIGTSTP);
    // Resumed (fg): back to program mode and repaint everything.
    signal(SIGTSTP, cb_tstp_handler);
    *cb_resume_flag() = 1;
    reset_prog_mode();
    clearok(curscr, TRUE);
    wrefresh(curscr);
}
static void cb_cont_handler(int sig) { (void)sig; *cb_resume_flag() = 1; }
static inline void cb_install_signal_handlers(void) {
    int terminating[] = { SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGABRT, SIGTRAP };
    for (unsigned i = 0; i < sizeof terminating / sizeof terminating[0]; i++) signal(terminating[i], cb_terminate_handler);
    signal(SIGTSTP, cb_tstp_handler);
    signal(SIGCONT, cb_cont_handler);
}
static inline void cb_restore_default_signal_handlers(void) {
    int all[] = { SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGABRT, SIGTRAP, SIGTSTP, SIGCONT };
    for (unsigned i = 0; i < sizeof all / sizeof all[0]; i++) signal(all[i], SIG_DFL);
}
/// Returns and clears the "resumed after a stop" flag.
static inline int cb_take_resume_flag(void) { int f = *cb_resume_flag(); *cb_resume_flag() = 0; return f; }
#endif
