#ifndef NETSTEP_CNCURSES_SHIM_H
#define NETSTEP_CNCURSES_SHIM_H

// The wide library, so cells can hold any Unicode grapheme.
#define NCURSES_WIDECHAR 1
#define _XOPEN_SOURCE_EXTENDED 1
#include <locale.h>
#include <ncursesw/curses.h>

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
static inline int netstep_key_resize(void) { return KEY_RESIZE; }
static inline int netstep_key_mouse(void) { return KEY_MOUSE; }
static inline int netstep_err(void) { return ERR; }

#endif
