/* text.c -- text_analyze: splits article text into sentences and
 * tokens (see text.h). One pass over the bytes: tokens first, then sentence
 * boundaries decided on the token stream, where abbreviations are known. */
#include <string.h>
#include <utf8proc.h>

#include "text.h"

/* (ASCII is answered without utf8proc: most news text is ASCII.) */
static int is_alpha_cp(utf8proc_int32_t c) {
    if (c < 0x80) return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    utf8proc_category_t k = utf8proc_category(c);
    return k >= UTF8PROC_CATEGORY_LU && k <= UTF8PROC_CATEGORY_LO;
}
static int is_upper_cp(utf8proc_int32_t c) {
    if (c < 0x80) return c >= 'A' && c <= 'Z';
    return utf8proc_category(c) == UTF8PROC_CATEGORY_LU || utf8proc_category(c) == UTF8PROC_CATEGORY_LT;
}
static int is_mark_cp(utf8proc_int32_t c) {
    if (c < 0x80) return 0;
    utf8proc_category_t k = utf8proc_category(c);
    return k >= UTF8PROC_CATEGORY_MN && k <= UTF8PROC_CATEGORY_ME;
}
static int is_space_cp(utf8proc_int32_t c) {
    return c == ' ' || c == '_' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v' ||
           (c >= 0x80 && utf8proc_category(c) == UTF8PROC_CATEGORY_ZS);
}
static int is_apos(utf8proc_int32_t c) { return c == '\'' || c == 0x2019 || c == 0x2018; }
static int is_dquote(utf8proc_int32_t c) {
    return c == '"' || c == 0x201C || c == 0x201D || c == 0x201E || c == 0xAB || c == 0xBB;
}
static int is_dash(utf8proc_int32_t c) {
    return c == '-' || (c >= 0x2010 && c <= 0x2015) || c == 0x2212;
}
static int is_digit_cp(utf8proc_int32_t c) { return c >= '0' && c <= '9'; }

/* Decodes the code point at s[i] (invalid bytes read as U+FFFD, 1 byte). */
static utf8proc_int32_t cp_at(const char *s, size_t n, size_t i, size_t *len) {
    if ((unsigned char)s[i] < 0x80) {
        *len = 1;
        return (unsigned char)s[i];
    }
    utf8proc_int32_t c;
    utf8proc_ssize_t k =
        utf8proc_iterate((const utf8proc_uint8_t *)s + i, (utf8proc_ssize_t)(n - i), &c);
    if (k <= 0) {
        *len = 1;
        return 0xFFFD;
    }
    *len = (size_t)k;
    return c;
}

typedef struct tokbuf {
    arena *a;
    const lexicon *lx;
    const char *text;
    token *v;
    size_t n, cap;
} tokbuf;

/* Whether word w[0..n) is an adjective made of a name and a lower-case
 * participle or adjective after a hyphen ("Iran-backed", "Russian-style",
 * "Hamas-run"), not a name ("Barad-dur"). */
static int compound_adjective(const char *w, size_t n) {
    static const char *const tails[] = {"style",   "run",      "led",  "made", "held",
                                        "born",    "type",     "like", "wide", "friendly",
                                        "leaning", "speaking", NULL};
    const char *h = NULL;
    for (size_t k = 0; k + 1 < n; k++)
        if (w[k] == '-' && w[k + 1] >= 'a' && w[k + 1] <= 'z') h = w + k + 1;
    if (!h) return 0;
    size_t tl = n - (size_t)(h - w);
    if (tl > 2 && ((h[tl - 2] == 'e' && h[tl - 1] == 'd') || (h[tl - 2] == 'e' && h[tl - 1] == 'n')))
        return 1;
    for (int k = 0; tails[k]; k++)
        if (strlen(tails[k]) == tl && memcmp(tails[k], h, tl) == 0) return 1;
    return 0;
}

static int push(tokbuf *b, size_t off, size_t len, tok_kind kind) {
    void *v = b->v;
    if (arena_grow(b->a, &v, &b->cap, b->n, sizeof *b->v, 256)) return -1;
    b->v = v;
    token *t = &b->v[b->n++];
    t->off = (uint32_t)off;
    t->len = (uint32_t)len;
    t->kind = (uint8_t)kind;
    char small[128];
    size_t need = text_upper(b->text + off, len, small, sizeof small);
    char *up = arena_alloc(b->a, need + 1);
    if (!up) return -1;
    if (need < sizeof small)
        memcpy(up, small, need + 1);
    else
        text_upper(b->text + off, len, up, need + 1);
    t->up = up;
    t->uplen = (uint32_t)need;
    t->id = lex_find(b->lx, up, need);
    size_t cl;
    utf8proc_int32_t c0 = cp_at(b->text, off + len, off, &cl);
    t->cap = (uint8_t)is_upper_cp(c0);
    t->compound = kind == TK_WORD && compound_adjective(b->text + off, len);
    /* "al-Sharaa": one to three lower-case letters, a hyphen, a capital */
    const char *w = b->text + off;
    size_t h = 0;
    while (h < len && h < 3 && w[h] >= 'a' && w[h] <= 'z') h++;
    t->particle =
        kind == TK_WORD && h > 0 && h + 1 < len && w[h] == '-' && w[h + 1] >= 'A' && w[h + 1] <= 'Z';
    /* "pro-Russian", "non-Arab": an adjective, not a name */
    if (t->particle && ((h == 3 && !memcmp(w, "pro", 3)) || (h == 3 && !memcmp(w, "non", 3)))) {
        t->particle = 0;
        t->compound = 1;
    }
    return 0;
}

/* Month abbreviations that keep their period ("Aug.15", "Oct. 7"). */
static int month_abbrev(const char *up, size_t n) {
    static const char *const m[] = {"JAN", "FEB",  "MAR", "APR", "JUN", "JUL", "AUG",
                                    "SEP", "SEPT", "OCT", "NOV", "DEC", NULL};
    for (int k = 0; m[k]; k++)
        if (strlen(m[k]) == n && memcmp(m[k], up, n) == 0) return 1;
    return 0;
}

/* Words that often open a sentence after an initialism or an initial. */
static int sentence_starter(const char *up) {
    static const char *const starters[] = {"THE",  "A",    "AN",    "IN",    "ON",  "HE",
                                           "SHE",  "IT",   "THEY",  "WE",    "BUT", "AND",
                                           "THIS", "THAT", "THESE", "THOSE", NULL};
    for (int q = 0; starters[q]; q++)
        if (strcmp(up, starters[q]) == 0) return 1;
    return 0;
}

static int abbrev(const char *up) {
    static const char *const a[] = {
        "MR.",   "MRS.", "MS.",   "DR.",   "PROF.", "GEN.",   "COL.", "LT.",   "SGT.",  "CAPT.", "MAJ.",
        "REP.",  "SEN.", "GOV.",  "PRES.", "ST.",   "REV.",   "ADM.", "CMDR.", "JAN.",  "FEB.",  "MAR.",
        "APR.",  "AUG.", "SEPT.", "SEP.",  "OCT.",  "NOV.",   "DEC.", "NO.",   "VS.",   "INC.",  "CO.",
        "CORP.", "LTD.", "JR.",   "SR.",   "ETC.",  "GOV'T.", "MT.",  "FT.",   "GOVT.", NULL};
    for (int k = 0; a[k]; k++)
        if (strcmp(a[k], up) == 0) return 1;
    return 0;
}

/* Scans one word starting at i; returns its end. Words take letters,
 * digits, marks, and inner '-', '.', '&', apostrophes; an initialism keeps
 * its periods ("U.S."). */
static size_t scan_word(const char *s, size_t n, size_t i) {
    size_t j = i, l;
    while (j < n) {
        utf8proc_int32_t c = cp_at(s, n, j, &l);
        if (is_alpha_cp(c) || is_digit_cp(c) || is_mark_cp(c)) {
            j += l;
            continue;
        }
        if (is_apos(c) && j > i && j + l < n) { /* "Israel's", "didn't", "O'Brien" */
            size_t l2;
            if (is_alpha_cp(cp_at(s, n, j + l, &l2))) {
                j += l;
                continue;
            }
        }
        if ((c == '-' || c == '&' || c == '.' || c == 0x2010 || c == 0x2011) && j + l < n) {
            size_t l2;
            utf8proc_int32_t d = cp_at(s, n, j + l, &l2);
            if (is_alpha_cp(d) || (is_digit_cp(d) && c != '.')) {
                j += l;
                continue;
            }
            /* "U.S." : a period after a single letter that follows a period */
            if (c == '.' && j - i >= 1) {
                /* keep a final period of an initialism like U.S. */
                const char *p = memchr(s + i, '.', j - i);
                if (p && j - i <= 5) {
                    j += l;
                    return j;
                }
            }
            break;
        }
        if (c == '.' && j > i) {
            const char *p = memchr(s + i, '.', j - i);
            if (p && j - i <= 5) return j + l; /* final period of "U.S." */
            break;
        }
        break;
    }
    return j;
}

/* Splits contractions and possessives off a word s[i..e): returns where the
 * main part ends and the kind of the rest (TK_POSS or a word "N'T"). */
static void emit_word(tokbuf *b, size_t i, size_t e, int *err) {
    const char *s = b->text;
    /* possessive 's / ’s */
    size_t l;
    if (e - i > 3) {
        /* find apostrophe near the end */
        size_t k = e;
        size_t back = 0;
        while (k > i && back < 4) {
            size_t p = k - 1;
            while (p > i && ((unsigned char)s[p] & 0xC0) == 0x80) p--;
            utf8proc_int32_t c = cp_at(s, e, p, &l);
            if (is_apos(c)) {
                size_t rest = e - (p + l);
                char up[8];
                text_upper(s + p + l, rest, up, sizeof up);
                if (rest == 1 && up[0] == 'S') {
                    if (push(b, i, p - i, TK_WORD) || push(b, p, e - p, TK_POSS)) *err = 1;
                    return;
                }
                if (rest == 1 && up[0] == 'T' && p > i && (s[p - 1] == 'n' || s[p - 1] == 'N')) {
                    size_t q = p - 1;
                    if (push(b, i, q - i, TK_WORD) || push(b, q, e - q, TK_WORD)) *err = 1;
                    return;
                }
                if (rest == 0) break;
                break;
            }
            k = p;
            back++;
        }
    }
    /* a period ending a non-abbreviation word is punctuation */
    if (push(b, i, e - i, TK_WORD)) *err = 1;
}

/* A number at text[i] ("40,170", "2.5", "15th"; "12-year" is a word):
 * its token pushed, the offset after it returned. */
static size_t scan_number(tokbuf *b, const char *text, size_t len, size_t i, int *err) {
    size_t j = i;
    while (j < len) {
        char ch = text[j];
        if (ch >= '0' && ch <= '9') {
            j++;
            continue;
        }
        if ((ch == ',' || ch == '.') && j + 1 < len && text[j + 1] >= '0' && text[j + 1] <= '9') {
            j++;
            continue;
        }
        break;
    }
    /* 15th, 1st, 2nd, 3rd; 12-year is a word */
    size_t k = j;
    while (k < len && ((text[k] >= 'a' && text[k] <= 'z') || (text[k] >= 'A' && text[k] <= 'Z'))) k++;
    if (k > j ||
        (j < len && text[j] == '-' && j + 1 < len &&
         ((text[j + 1] >= 'a' && text[j + 1] <= 'z') || (text[j + 1] >= 'A' && text[j + 1] <= 'Z')))) {
        size_t e = scan_word(text, len, i);
        if (e <= i) e = k;
        if (push(b, i, e - i, TK_WORD)) *err = 1;
        return e;
    }
    if (push(b, i, j - i, TK_NUM)) *err = 1;
    return j;
}

/* A word at text[i], with the trailing period of an abbreviation or an
 * initialism ("U.N.", "Aug.15"): its tokens pushed, the offset after it
 * returned. */
static size_t scan_alpha(tokbuf *b, const char *text, size_t len, size_t i, int *err) {
    size_t e = scan_word(text, len, i);
    /* a word's trailing period: keep it for abbreviations and initialisms */
    size_t core = e;
    if (e > i && text[e - 1] == '.') {
        char up[16];
        size_t ul = text_upper(text + i, e - i, up, sizeof up);
        int initialism = memchr(text + i, '.', e - i - 1) != NULL;
        int single_letter = (e - i == 2);
        if (!(ul < sizeof up && (abbrev(up) || initialism || single_letter))) core = e - 1;
    } else if (e < len && text[e] == '.') {
        /* "Aug.15": month abbreviation directly followed by a number */
        char up[16];
        size_t ul = text_upper(text + i, e - i, up, sizeof up);
        if (ul < sizeof up && month_abbrev(up, ul)) {
            e++;
            core = e;
        } else {
            char up2[20];
            size_t ul2 = text_upper(text + i, e - i + 1, up2, sizeof up2);
            if (ul2 < sizeof up2 && abbrev(up2)) {
                e++;
                core = e;
            }
        }
    }
    emit_word(b, i, core, err);
    return core;
}

/* Splits text[0..len) into b's tokens: words, numbers, possessives,
 * quotes, dashes and punctuation. -1 when out of memory. */
static int tokenize(tokbuf *b, const char *text, size_t len) {
    int err = 0;
    size_t i = 0, l;
    /* newline positions matter for sentence splitting: we record them as
     * a flag on the next token via a parallel pass below */
    while (i < len && !err) {
        utf8proc_int32_t c = cp_at(text, len, i, &l);
        if (is_space_cp(c)) {
            i += l;
            continue;
        }
        if (is_digit_cp(c)) { /* numbers: 40,170  2.5  1701  15th */
            i = scan_number(b, text, len, i, &err);
            continue;
        }
        if (is_alpha_cp(c)) {
            i = scan_alpha(b, text, len, i, &err);
            continue;
        }
        if (is_apos(c)) {
            /* possessive after a plural: "ministers'" */
            if (b->n > 0 && b->v[b->n - 1].off + b->v[b->n - 1].len == i &&
                b->v[b->n - 1].kind == TK_WORD) {
                size_t nl;
                utf8proc_int32_t d = i + l < len ? cp_at(text, len, i + l, &nl) : ' ';
                if (!is_alpha_cp(d)) {
                    if (push(b, i, l, TK_POSS)) err = 1;
                    i += l;
                    continue;
                }
            }
            if (push(b, i, l, TK_QUOTE)) err = 1;
            i += l;
            continue;
        }
        if (is_dquote(c) || c == '`') {
            size_t j = i + l;
            if (c == '`' && j < len && text[j] == '`') j++;
            if (push(b, i, j - i, TK_QUOTE)) err = 1;
            i = j;
            continue;
        }
        if (is_dash(c)) {
            size_t j = i + l;
            while (j < len && text[j] == '-') j++;
            if (push(b, i, j - i, TK_DASH)) err = 1;
            i = j;
            continue;
        }
        if (push(b, i, l, TK_PUNCT)) err = 1;
        i += l;
    }
    return err ? -1 : 0;
}

/* Whether a sentence of b's tokens from start ends at token k: a stop
 * before a capital, a quote or a number (not an initial), an abbreviation
 * before a new line or a sentence opener, a line that ends a paragraph.
 * *after gets the first token after the boundary (closing quotes and
 * brackets stay with the sentence). Never inside a single sentence. */
static int boundary(const tokbuf *b, size_t start, size_t k, const char *text, int single,
                    size_t *after_out) {
    int end = 0;
    const token *t = &b->v[k];
    size_t after = k + 1; /* first token after the boundary */
    if (!single) {
        if (t->kind == TK_PUNCT && (t->up[0] == '.' || t->up[0] == '!' || t->up[0] == '?')) {
            while (after < b->n && (b->v[after].kind == TK_QUOTE ||
                                    (b->v[after].kind == TK_PUNCT &&
                                     (b->v[after].up[0] == ')' || b->v[after].up[0] == ']')))) {
                /* closing quotes belong to the sentence when attached */
                if (b->v[after].off != b->v[after - 1].off + b->v[after - 1].len) break;
                after++;
            }
            if (after >= b->n)
                end = 1;
            else {
                const token *nx = &b->v[after];
                if (nx->cap || nx->kind == TK_NUM || nx->kind == TK_QUOTE) end = 1;
                if (nx->off == b->v[after - 1].off + b->v[after - 1].len && nx->kind != TK_QUOTE)
                    end = 0;
                /* a capital letter's period is an initial ("J. R. Tolkien")
                 * unless a word that opens sentences follows ("Plan B. The") */
                const token *pv = k > start ? &b->v[k - 1] : NULL;
                if (end && pv && pv->kind == TK_WORD && pv->uplen == 1 && pv->cap &&
                    pv->off + pv->len == t->off && nx->cap && !sentence_starter(nx->up))
                    end = 0;
            }
        } else if (t->kind == TK_WORD && t->uplen > 1 && t->up[t->uplen - 1] == '.' && after < b->n) {
            /* an initialism or abbreviation ending a sentence */
            const token *nx = &b->v[after];
            int nl = memchr(text + t->off + t->len, '\n', nx->off - (t->off + t->len)) != NULL;
            if (!abbrev(t->up) && (nl || (sentence_starter(nx->up) && nx->cap))) end = 1;
        }
        if (!end && after < b->n && after == k + 1) {
            /* newline rule: a line ending in . ! ? : or a quote, or a blank line */
            const token *nx = &b->v[after];
            size_t gap0 = t->off + t->len, gap1 = nx->off;
            int nls = 0;
            for (size_t q = gap0; q < gap1; q++) nls += text[q] == '\n';
            if (nls >= 2)
                end = 1;
            else if (nls == 1) {
                char lc = t->up[t->uplen - 1];
                if (t->kind == TK_QUOTE || lc == '.' || lc == '!' || lc == '?' || lc == ':' || lc == ')')
                    end = 1;
            }
        }
    }
    *after_out = after;
    return end;
}

/* Groups b's tokens into sentences (out->sents); -1 when out of memory. */
static int split_sentences(arena *a, const tokbuf *b, const char *text, int single, text_doc *out) {
    size_t cap = 16, ns = 0;
    sentence *sv = arena_alloc(a, cap * sizeof *sv);
    if (!sv) return -1;
    size_t start = 0;
    for (size_t k = 0; k < b->n; k++) {
        size_t after;
        int end = boundary(b, start, k, text, single, &after);
        if (k + 1 == b->n) end = 1;
        if (end) {
            if (ns == cap) {
                sentence *nsv = arena_alloc(a, cap * 2 * sizeof *nsv);
                if (!nsv) return -1;
                memcpy(nsv, sv, ns * sizeof *sv);
                sv = nsv;
                cap *= 2;
            }
            size_t last = after - 1 < b->n ? after - 1 : b->n - 1;
            if (last < k) last = k;
            sentence *s = &sv[ns++];
            s->tok0 = (uint32_t)start;
            s->ntok = (uint32_t)(last + 1 - start);
            s->off = b->v[start].off;
            s->len = b->v[last].off + b->v[last].len - s->off;
            start = last + 1;
            k = last;
        }
    }
    out->sents = sv;
    out->nsents = ns;
    return 0;
}

int text_analyze(arena *a, const lexicon *lx, const char *text, size_t len, int single, text_doc *out) {
    memset(out, 0, sizeof *out);
    tokbuf b = {a, lx, text, NULL, 0, 0};
    if (tokenize(&b, text, len) != 0) return -1;
    out->toks = b.v;
    out->ntoks = b.n;
    return split_sentences(a, &b, text, single, out);
}
