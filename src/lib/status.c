/* status.c -- status names and error formatting (file:line: message). */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "status.h"

const char *dyad_status_str(dyad_status s) {
    switch (s) {
    case DYAD_OK: return "ok";
    case DYAD_ENOMEM: return "out of memory";
    case DYAD_EIO: return "i/o error";
    case DYAD_EPARSE: return "parse error";
    case DYAD_EINVAL: return "invalid argument";
    case DYAD_ELIMIT: return "over limit";
    case DYAD_EDB: return "database error";
    }
    return "unknown status";
}

static void vfill(dyad_error *err, dyad_status code, const char *file, long line, const char *fmt,
                  va_list ap) {
    err->code = code;
    err->line = line;
    snprintf(err->file, sizeof err->file, "%s", file ? file : "");
    vsnprintf(err->msg, sizeof err->msg, fmt, ap);
}

dyad_status dyad_fail(dyad_error *err, dyad_status code, const char *file, long line, const char *fmt,
                      ...) {
    if (err) {
        va_list ap;
        va_start(ap, fmt);
        vfill(err, code, file, line, fmt, ap);
        va_end(ap);
    }
    return code;
}

void dyad_warn(dyad_warn_fn warn, void *ud, dyad_status code, const char *file, long line,
               const char *fmt, ...) {
    if (!warn) return;
    dyad_error w;
    va_list ap;
    va_start(ap, fmt);
    vfill(&w, code, file, line, fmt, ap);
    va_end(ap);
    warn(ud, &w);
}

char *dyad_error_format(const dyad_error *err, char *buf, size_t n) {
    if (!n) return buf;
    if (err->file[0] && err->line > 0)
        snprintf(buf, n, "%s:%ld: %s", err->file, err->line, err->msg);
    else if (err->file[0])
        snprintf(buf, n, "%s: %s", err->file, err->msg);
    else
        snprintf(buf, n, "%s", err->msg);
    return buf;
}

dyad_status dyad_error_set(dyad_error *err, dyad_status code) {
    if (err) {
        memset(err, 0, sizeof *err);
        err->code = code;
        snprintf(err->msg, sizeof err->msg, "%s", dyad_status_str(code));
    }
    return code;
}
