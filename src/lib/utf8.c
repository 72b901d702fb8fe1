/* utf8.c -- utf8_clean: valid, NFC-normalised text with control characters
 * blanked (see utf8.h). */
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "utf8.h"

char *utf8_clean(const char *s, size_t n, size_t *outlen, utf8_report *rep) {
    memset(rep, 0, sizeof *rep);
    /* first pass: repair into a buffer of at most 3x the input */
    char *tmp = malloc(n * 3 + 1);
    if (!tmp) return NULL;
    size_t o = 0, i = 0;
    long line = 1;
    int ascii = 1; /* ASCII is NFC already: no normalising pass */
    while (i < n) {
        unsigned char b = (unsigned char)s[i];
        if (b < 0x80) {
            if (b == '\n') line++;
            if (b == '\r' && i + 1 < n && s[i + 1] == '\n') {
                i++;
                continue;
            }
            tmp[o++] =
                (b < 0x20 && b != '\n' && b != '\t') || b == 0x7F ? (rep->controls++, ' ') : (char)b;
            i++;
            continue;
        }
        ascii = 0;
        utf8proc_int32_t c;
        utf8proc_ssize_t k =
            utf8proc_iterate((const utf8proc_uint8_t *)s + i, (utf8proc_ssize_t)(n - i), &c);
        if (k <= 0) {
            if (!rep->invalid) rep->first_invalid_line = line;
            rep->invalid++;
            memcpy(tmp + o, "\xEF\xBF\xBD", 3);
            o += 3;
            i++;
            continue;
        }
        if ((c >= 0x80 && c < 0xA0) || c == 0x2028 || c == 0x2029) {
            rep->controls++;
            tmp[o++] = ' ';
        } else {
            memcpy(tmp + o, s + i, (size_t)k);
            o += (size_t)k;
        }
        i += (size_t)k;
    }
    tmp[o] = '\0';
    if (ascii) {
        *outlen = o;
        char *fit = realloc(tmp, o + 1);
        return fit ? fit : tmp;
    }
    utf8proc_uint8_t *nfc = NULL;
    utf8proc_ssize_t m = utf8proc_map((const utf8proc_uint8_t *)tmp, (utf8proc_ssize_t)o, &nfc,
                                      UTF8PROC_STABLE | UTF8PROC_COMPOSE);
    if (m < 0) { /* cannot happen on repaired input; keep it unnormalised */
        *outlen = o;
        return tmp;
    }
    free(tmp);
    *outlen = (size_t)m;
    return (char *)nfc;
}
