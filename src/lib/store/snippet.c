/* snippet.c -- a search hit's snippet made from its text (see snippet.h):
 * the text's words found and matched against the query's, the window of
 * SNIPPET_WORDS words with the most of them chosen, and that span of the
 * text copied with its matches marked. It does not rank hits. */
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "snippet.h"

typedef struct {
    size_t from, to; /* bytes of the text */
    int word;        /* the query word it matches, -1: none */
} token;

static int is_word_cp(utf8proc_int32_t c) {
    if (c < 0x80) return (c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z');
    utf8proc_category_t k = utf8proc_category(c);
    return (k >= UTF8PROC_CATEGORY_LU && k <= UTF8PROC_CATEGORY_LO) ||
           (k >= UTF8PROC_CATEGORY_ND && k <= UTF8PROC_CATEGORY_NO);
}

/* The code point at s[i..n) in *c; returns its length (1 for a bad byte). */
static size_t next_cp(const char *s, size_t i, size_t n, utf8proc_int32_t *c) {
    if ((unsigned char)s[i] < 0x80) {
        *c = (unsigned char)s[i];
        return 1;
    }
    utf8proc_ssize_t k = utf8proc_iterate((const utf8proc_uint8_t *)s + i, (utf8proc_ssize_t)(n - i), c);
    if (k < 1) {
        *c = -1;
        return 1;
    }
    return (size_t)k;
}

/* The query word that text[from..to) is in lower case, or -1. */
static int match(const char *text, size_t from, size_t to, const char *const *words, size_t nwords,
                 char *low) {
    size_t k = 0;
    for (size_t i = from; i < to;) {
        utf8proc_int32_t c;
        if ((unsigned char)text[i] < 0x80) {
            c = (unsigned char)text[i++];
            low[k++] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
            continue;
        }
        i += next_cp(text, i, to, &c);
        k += (size_t)utf8proc_encode_char(utf8proc_tolower(c), (utf8proc_uint8_t *)low + k);
    }
    low[k] = '\0';
    for (size_t w = 0; w < nwords; w++)
        if (low[0] == words[w][0] && !strcmp(low, words[w])) return (int)w;
    return -1;
}

/* The score of a window: distinct words, then matches. */
static long window_score(long distinct, long matches) { return distinct * 100000 + matches; }

char *snippet_make(const char *text, size_t len, const char *const *words, size_t nwords) {
    token *t = malloc((len / 2 + 1) * sizeof *t);
    char *low = malloc(len * 2 + 8); /* a word in lower case (room for longer forms) */
    size_t *count = malloc((nwords + 1) * sizeof *count);
    char *out = NULL;
    if (!t || !low || !count) goto done;
    size_t n = 0;
    for (size_t i = 0; i < len;) {
        utf8proc_int32_t c;
        size_t k = next_cp(text, i, len, &c);
        if (!is_word_cp(c)) {
            i += k;
            continue;
        }
        size_t from = i;
        while (i < len && (k = next_cp(text, i, len, &c)) && is_word_cp(c)) i += k;
        t[n] = (token){from, i, match(text, from, i, words, nwords, low)};
        n++;
    }
    /* the windows slide a word at a time: counts of each query word in it */
    size_t w = n < SNIPPET_WORDS ? n : SNIPPET_WORDS, best = 0;
    long top = -1, distinct = 0, matches = 0;
    memset(count, 0, nwords * sizeof *count);
    for (size_t i = 0; i < n; i++) {
        if (t[i].word >= 0 && !count[t[i].word]++) distinct++;
        matches += t[i].word >= 0;
        if (i >= w && t[i - w].word >= 0) {
            matches--;
            if (!--count[t[i - w].word]) distinct--;
        }
        if (i + 1 >= w && window_score(distinct, matches) > top)
            top = window_score(distinct, matches), best = i + 1 - w;
    }
    /* the best window's matches in its middle */
    size_t f = best + w, l = best;
    for (size_t i = best; i < best + w; i++)
        if (t[i].word >= 0) {
            if (f == best + w) f = i;
            l = i;
        }
    if (f < best + w) {
        size_t span = l - f + 1, lead = (w - span) / 2;
        best = f > lead ? f - lead : 0;
        if (best + w > n) best = n - w;
    }
    size_t end = best + w;
    size_t from = best ? t[best].from : 0, to = end < n ? t[end - 1].to : len;
    out = malloc(3 + (to - from) + 2 * (size_t)w + 3 + 1);
    if (!out) goto done;
    size_t k = 0;
    if (best) memcpy(out, "...", 3), k = 3;
    for (size_t i = from, j = best; i < to;) {
        if (j < end && i == t[j].from && t[j].word >= 0) {
            out[k++] = '\x02';
            memcpy(out + k, text + i, t[j].to - i);
            k += t[j].to - i;
            out[k++] = '\x03';
            i = t[j++].to;
            continue;
        }
        if (j < end && i == t[j].from) {
            memcpy(out + k, text + i, t[j].to - i);
            k += t[j].to - i;
            i = t[j++].to;
            continue;
        }
        out[k++] = text[i++];
    }
    if (end < n) memcpy(out + k, "...", 3), k += 3;
    out[k] = '\0';
done:
    free(t);
    free(low);
    free(count);
    return out;
}
