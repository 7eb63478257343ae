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
#endif
