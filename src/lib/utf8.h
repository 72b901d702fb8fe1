/* utf8.h -- checking and normalising article text (utf8proc underneath).
 * Invalid byte sequences are replaced by U+FFFD and counted so the caller
 * can warn with the line they were on; NUL bytes and other control
 * characters but tab and newline become spaces; the result is NFC. */
#ifndef DYAD_UTF8_H
#define DYAD_UTF8_H

#include <stddef.h>

typedef struct utf8_report {
    size_t invalid;          /* invalid sequences replaced */
    long first_invalid_line; /* 1-based line (within the input) of the first, 0 if none */
    size_t controls;         /* control characters replaced */
} utf8_report;

/* Returns a malloc'd NUL-terminated clean NFC copy of s[0..n) and its length
 * in *outlen, or NULL when out of memory. */
char *utf8_clean(const char *s, size_t n, size_t *outlen, utf8_report *rep);

#endif
