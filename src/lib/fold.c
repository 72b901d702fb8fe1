/* fold.c -- text_upper: the one case and punctuation folding that both
 * tokens and dictionary phrases go through, so they compare byte for byte. */
#include <string.h>
#include <utf8proc.h>

#include "text.h"

/* Folds one code point: quotes and primes to ', dashes to -, else upper. */
static utf8proc_int32_t fold_cp(utf8proc_int32_t c) {
    switch (c) {
    case 0x2018:
    case 0x2019:
    case 0x201A:
    case 0x201B:
    case 0x2032:
    case 0x00B4:
    case 0x0060:
    case 0x02BC: return '\'';
    case 0x201C:
    case 0x201D:
    case 0x201E:
    case 0x201F:
    case 0x2033:
    case 0x00AB:
    case 0x00BB: return '"';
    case 0x2010:
    case 0x2011:
    case 0x2012:
    case 0x2013:
    case 0x2014:
    case 0x2015:
    case 0x2212:
    case 0xFE63:
    case 0xFF0D: return '-';
    default: return utf8proc_toupper(c);
    }
}

size_t text_upper(const char *s, size_t n, char *out, size_t cap) {
    size_t o = 0;
    size_t i = 0;
    while (i < n) {
        unsigned char b = (unsigned char)s[i];
        if (b < 0x80) {
            char c = (char)((b >= 'a' && b <= 'z') ? b - 32 : b);
            if (o + 1 < cap) out[o] = c;
            o++;
            i++;
            continue;
        }
        utf8proc_int32_t cp;
        utf8proc_ssize_t k =
            utf8proc_iterate((const utf8proc_uint8_t *)s + i, (utf8proc_ssize_t)(n - i), &cp);
        if (k <= 0) { /* invalid byte: keep it as is */
            if (o + 1 < cap) out[o] = (char)b;
            o++;
            i++;
            continue;
        }
        utf8proc_uint8_t buf[4];
        utf8proc_ssize_t m = utf8proc_encode_char(fold_cp(cp), buf);
        for (utf8proc_ssize_t j = 0; j < m; j++) {
            if (o + 1 < cap) out[o] = (char)buf[j];
            o++;
        }
        i += (size_t)k;
    }
    if (cap) out[o < cap ? o : cap - 1] = '\0';
    return o;
}
