#ifndef NETSTEP_CNCURSES_SHIM_H
#define NETSTEP_CNCURSES_SHIM_H

// The wide library, so cells can hold any Unicode grapheme.
#define NCURSES_WIDECHAR 1
#define _XOPEN_SOURCE_EXTENDED 1
#include <fcntl.h>
#include <langinfo.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
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
static inline attr_t netstep_a_bold(void) { return A_BOLD; }
static inline attr_t netstep_a_dim(void) { return A_DIM; }
static inline attr_t netstep_a_underline(void) { return A_UNDERLINE; }
static inline attr_t netstep_a_reverse(void) { return A_REVERSE; }
static inline attr_t netstep_a_italic(void) { return A_ITALIC; }
static inline attr_t netstep_a_normal(void) { return A_NORMAL; }
static inline mmask_t netstep_button1_press_or_click(void) { return BUTTON1_CLICKED | BUTTON1_PRESSED; }
static inline int netstep_key_resize(void) { return KEY_RESIZE; }
static inline int netstep_key_mouse(void) { return KEY_MOUSE; }
static inline int netstep_key_f(int n) { return KEY_F(n); }

// The standard streams are mutable C globals as well.
static inline SCREEN *netstep_newterm_stdio(const char *term) { return newterm(term, stdout, stdin); }

// Whether terminfo knows a terminal type, asked without letting ncurses exit the process:
// 1 known and able to move the cursor, 2 known but unable to (TERM=dumb), 0 unknown
// terminal, -1 no terminfo database. The probe's TERMINAL is freed.
static inline int netstep_probe_terminfo(const char *term, int fd) {
    int status = 0;
    if (setupterm(term, fd, &status) == OK) {
        char *move = tigetstr("cup");
        int usable = move != NULL && move != (char *)-1;
        del_curterm(cur_term);
        return usable ? 1 : 2;
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

// Bytes waiting to be read on a descriptor; 0 on a hung-up terminal that polls readable.
static inline int netstep_pending_bytes(int fd) {
    int count = 0;
    if (ioctl(fd, FIONREAD, &count) != 0) return -1;
    return count;
}

// The locale's character set, e.g. "UTF-8" or "ANSI_X3.4-1968".
static inline const char *netstep_codeset(void) { return nl_langinfo(CODESET); }

// Crash restore: if the process dies on a fatal signal (a Swift trap is SIGILL or
// SIGTRAP) while ncurses owns the terminal, the shell must still get its terminal back
// and see why. Everything the handler does is async-signal-safe: it writes bytes prepared
// in advance, resets the saved tty modes, puts the real stderr back and copies there what
// was written to stderr during the session (a Swift "Fatal error" message), then hands
// the signal to the handler that was there before (the Swift backtracer).
// Only CrashRestore.swift calls these, so one copy of this state exists.
struct netstep_crash_state {
    struct termios termios;
    char bytes[256];
    size_t length;
    int saved_stderr;
    int capture;
    volatile sig_atomic_t armed;
    int installed;
    struct sigaction previous[32];
};

// The state lives in a function so the header defines no variables (the Swift importer
// emits functions, not a header's globals).
static inline struct netstep_crash_state *netstep_crash(void) {
    static struct netstep_crash_state state = { .saved_stderr = -1, .capture = -1 };
    return &state;
}
// The fatal signals handled, in a function for the same reason.
#define NETSTEP_CRASH_SIGNAL_COUNT 6
static inline int netstep_crash_signal(size_t index) {
    static const int signals[NETSTEP_CRASH_SIGNAL_COUNT] = { SIGILL, SIGTRAP, SIGABRT, SIGBUS, SIGFPE, SIGSEGV };
    return signals[index];
}

static inline void netstep_crash_append(const char *bytes) {
    if (bytes == NULL || bytes == (char *)-1) return;
    size_t length = strlen(bytes);
    if (netstep_crash()->length + length >= sizeof netstep_crash()->bytes) return;
    memcpy(netstep_crash()->bytes + netstep_crash()->length, bytes, length);
    netstep_crash()->length += length;
}

// Puts stderr back and copies what the session wrote to it. Safe in a signal handler.
static inline void netstep_release_stderr(void) {
    if (netstep_crash()->saved_stderr < 0) return;
    dup2(netstep_crash()->saved_stderr, STDERR_FILENO);
    char buffer[1024];
    ssize_t count;
    lseek(netstep_crash()->capture, 0, SEEK_SET);
    while ((count = read(netstep_crash()->capture, buffer, sizeof buffer)) > 0) {
        if (write(STDERR_FILENO, buffer, (size_t)count) < 0) break;
    }
    close(netstep_crash()->capture);
    close(netstep_crash()->saved_stderr);
    netstep_crash()->capture = -1;
    netstep_crash()->saved_stderr = -1;
}

static void netstep_crash_handler(int signal_number) {
    if (netstep_crash()->armed) {
        netstep_crash()->armed = 0;
        if (write(STDOUT_FILENO, netstep_crash()->bytes, netstep_crash()->length) < 0) {}
        tcsetattr(STDIN_FILENO, TCSANOW, &netstep_crash()->termios);
        netstep_release_stderr();
    }
    sigaction(signal_number, &netstep_crash()->previous[signal_number], NULL);
    // Pending until this handler returns, then delivered to the previous handler; this
    // covers a signal sent with kill(2), which no faulting instruction would repeat.
    raise(signal_number);
}

// Call before ncurses starts: saves the shell's tty modes and diverts stderr to an
// unlinked temporary file. Returns 0 when stderr could not be diverted (it is then left
// alone, and only the terminal is restored on a crash).
static inline int netstep_crash_prepare(void) {
    tcgetattr(STDIN_FILENO, &netstep_crash()->termios);
    char path[] = "/tmp/netstep-stderr-XXXXXX";
    int capture = mkstemp(path);
    if (capture < 0) return 0;
    unlink(path);
    int saved = dup(STDERR_FILENO);
    if (saved < 0 || dup2(capture, STDERR_FILENO) < 0) {
        close(capture);
        if (saved >= 0) close(saved);
        return 0;
    }
    fcntl(saved, F_SETFD, FD_CLOEXEC);
    fcntl(capture, F_SETFD, FD_CLOEXEC);
    netstep_crash()->saved_stderr = saved;
    netstep_crash()->capture = capture;
    return 1;
}

// Call once ncurses owns the terminal: prepares the bytes that undo its modes and
// installs the handler. `mouse` says whether mouse reporting was switched on.
static inline void netstep_crash_arm(int mouse) {
    netstep_crash()->length = 0;
    if (mouse) netstep_crash_append("\033[?1000l\033[?1002l\033[?1006l");
    netstep_crash_append(tigetstr("sgr0"));
    netstep_crash_append(tigetstr("cnorm"));
    netstep_crash_append(tigetstr("rmkx"));
    netstep_crash_append(tigetstr("rmcup"));
    netstep_crash_append("\r\n");
    struct sigaction action;
    memset(&action, 0, sizeof action);
    action.sa_handler = netstep_crash_handler;
    action.sa_flags = SA_ONSTACK;
    sigemptyset(&action.sa_mask);
    for (size_t i = 0; i < NETSTEP_CRASH_SIGNAL_COUNT; i++) {
        sigaction(netstep_crash_signal(i), &action, &netstep_crash()->previous[netstep_crash_signal(i)]);
    }
    netstep_crash()->installed = 1;
    netstep_crash()->armed = 1;
}

// Call on a normal close, after endwin: puts the previous handlers and stderr back.
static inline void netstep_crash_disarm(void) {
    netstep_crash()->armed = 0;
    for (size_t i = 0; netstep_crash()->installed && i < NETSTEP_CRASH_SIGNAL_COUNT; i++) {
        int signal_number = netstep_crash_signal(i);
        sigaction(signal_number, &netstep_crash()->previous[signal_number], NULL);
    }
    netstep_crash()->installed = 0;
    netstep_release_stderr();
}

#endif
