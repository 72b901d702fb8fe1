/* status.h -- filling dyad_error values: the one way libdyad reports a
 * failure, always with the file and line it concerns when there is one. */
#ifndef DYAD_STATUS_H
#define DYAD_STATUS_H

#include "dyad.h"

#if defined(__GNUC__)
#define DYAD_PRINTF(a, b) __attribute__((format(printf, a, b)))
#else
#define DYAD_PRINTF(a, b)
#endif

/* Fills err (if not NULL) and returns code, so callers can write
 * `return dyad_fail(err, DYAD_EPARSE, path, line, "bad %s", x);`.
 * file may be NULL. */
dyad_status dyad_fail(dyad_error *err, dyad_status code, const char *file, long line, const char *fmt,
                      ...) DYAD_PRINTF(5, 6);

/* Reports a recoverable problem through a warning callback (no-op when warn
 * is NULL). */
void dyad_warn(dyad_warn_fn warn, void *ud, dyad_status code, const char *file, long line,
               const char *fmt, ...) DYAD_PRINTF(6, 7);

#endif
