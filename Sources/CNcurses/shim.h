#ifndef NETSTEP_CNCURSES_SHIM_H
#define NETSTEP_CNCURSES_SHIM_H

// The wide library, so cells can hold any Unicode grapheme.
#define NCURSES_WIDECHAR 1
#define _XOPEN_SOURCE_EXTENDED 1
#include <langinfo.h>
#include <locale.h>
#include <poll.h>
#include <stdio.h>
#include <sys/ioctl.h>
#include <unistd.h>
#include <ncursesw/curses.h>
#include <ncursesw/term.h>

// C macros and mutable globals do not reach Swift 6 cleanly (LINES is "not
// concurrency-safe"); each is wrapped in a function.
static inline WINDOW *netstep_stdscr(void) { return stdscr; }
static inline int netstep_lines(void) { return LINES; }
static inline int netstep_cols(void) { return COLS; }
static inline int netstep_colors(void) { return COLORS; }
static inline int netstep_color_pairs(void) { return COLOR_PAIRS; }
static inline attr_t netstep_color_pair(int n) { return (attr_t)COLOR_PAIR(n); }
static inline attr_t netstep_a_bold(void) { return A_BOLD; }
static inline attr_t netstep_a_dim(void) { return A_DIM; }
static inline attr_t netstep_a_underline(void) { return A_UNDERLINE; }
static inline attr_t netstep_a_reverse(void) { return A_REVERSE; }
static inline attr_t netstep_a_italic(void) { return A_ITALIC; }
static inline attr_t netstep_a_normal(void) { return A_NORMAL; }
static inline mmask_t netstep_button1_clicked(void) { return BUTTON1_CLICKED | BUTTON1_PRESSED | BUTTON1_RELEASED; }
static inline mmask_t netstep_button1_press_or_click(void) { return BUTTON1_CLICKED | BUTTON1_PRESSED; }
static inline int netstep_key_resize(void) { return KEY_RESIZE; }
static inline int netstep_key_mouse(void) { return KEY_MOUSE; }
static inline int netstep_key_f(int n) { return KEY_F(n); }
static inline int netstep_err(void) { return ERR; }

// The standard streams are mutable C globals as well.
static inline SCREEN *netstep_newterm_stdio(const char *term) { return newterm(term, stdout, stdin); }

// Whether terminfo knows a terminal type, asked without letting ncurses exit the process:
// 1 known, 0 unknown terminal, -1 no terminfo database. The probe's TERMINAL is freed.
static inline int netstep_probe_terminfo(const char *term, int fd) {
    int status = 0;
    if (setupterm(term, fd, &status) == OK) {
        del_curterm(cur_term);
        return 1;
    }
    return status;
}

// The window size the kernel reports for a terminal, or 0 when it cannot say.
static inline int netstep_window_size(int fd, int *rows, int *cols) {
    struct winsize size;
    if (ioctl(fd, TIOCGWINSZ, &size) != 0 || size.ws_row == 0 || size.ws_col == 0) return 0;
    *rows = size.ws_row;
    *cols = size.ws_col;
    return 1;
}

// The locale's character set, e.g. "UTF-8" or "ANSI_X3.4-1968".
static inline const char *netstep_codeset(void) { return nl_langinfo(CODESET); }

#endif
