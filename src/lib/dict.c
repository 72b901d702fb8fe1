/* dict.c -- reads actor, agent, discard and verb dictionaries in the
 * TABARI / PETRARCH-1 and PETRARCH-2 formats into a dicts (see dict.h).
 * Comments ('#', <!-- -->) are dropped, bad lines reported as
 * file:line: message and skipped. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "dict_read.h"
#include "inflect.h"
#include "status.h"
#include "text.h"

int dicts_init(dicts *d) {
    memset(d, 0, sizeof *d);
    arena_init(&d->mem, 256 * 1024);
    if (lex_init(&d->lex, &d->mem) != 0) return -1;
    if (trie_init(&d->actors_t) || trie_init(&d->agents_t) || trie_init(&d->discards_t) ||
        trie_init(&d->verbs_t)) {
        dicts_free(d);
        return -1;
    }
    return 0;
}

void dicts_free(dicts *d) {
    trie_free(&d->actors_t);
    trie_free(&d->agents_t);
    trie_free(&d->discards_t);
    trie_free(&d->verbs_t);
    free(d->actors.v);
    free(d->agents.v);
    free(d->discards.v);
    free(d->blocks.v);
    free(d->forms.v);
    free(d->synsets.v);
    free(d->repeats.v);
    free(d->by_code.v);
    free(d->roles.v);
    lex_free(&d->lex);
    arena_free(&d->mem);
    memset(d, 0, sizeof *d);
}

const char *dict_actor_code(const actor_entry *a, int32_t date) {
    const char *undated = NULL;
    for (uint32_t i = 0; i < a->ncodes; i++) {
        const dated_code *c = &a->codes[i];
        if (!code_dated(c)) {
            if (!undated) undated = c->code;
        } else if (date && date >= c->from && date <= c->to) {
            return c->code;
        }
    }
    return undated;
}

/* ---- names ---- */

static int coded_cmp(const void *a, const void *b) {
    const coded *x = a, *y = b;
    int c = strcmp(x->code, y->code);
    return c ? c : (x->entry > y->entry) - (x->entry < y->entry);
}

/* Sorts v by code, keeping only the first entry of each code. */
static void coded_sort(coded *v, size_t *n) {
    if (!*n) return;
    qsort(v, *n, sizeof *v, coded_cmp);
    size_t o = 1;
    for (size_t i = 1; i < *n; i++)
        if (strcmp(v[i].code, v[o - 1].code) != 0) v[o++] = v[i];
    *n = o;
}

int dict_index_names(dicts *d) {
    d->by_code.n = d->roles.n = 0;
    for (size_t i = 0; i < d->actors.n; i++) {
        const actor_entry *a = &d->actors.v[i];
        int dated = 0; /* people, whose codes change with office, name no code */
        for (uint32_t k = 0; k < a->ncodes; k++) dated |= code_dated(&a->codes[k]);
        for (uint32_t k = 0; k < a->ncodes && !dated; k++) {
            if (!a->codes[k].code[0]) continue;
            GROW(d->by_code, return -1);
            d->by_code.v[d->by_code.n++] = (coded){a->codes[k].code, (int32_t)i};
        }
    }
    for (size_t i = 0; i < d->agents.n; i++) {
        if (d->agents.v[i].prefix || !d->agents.v[i].code[0]) continue;
        GROW(d->roles, return -1);
        d->roles.v[d->roles.n++] = (coded){d->agents.v[i].code, (int32_t)i};
    }
    coded_sort(d->by_code.v, &d->by_code.n);
    coded_sort(d->roles.v, &d->roles.n);
    return 0;
}

/* The entry of the n-byte code in v (sorted), -1 when none. */
static int32_t coded_find(const coded *v, size_t nv, const char *code, size_t n) {
    size_t lo = 0, hi = nv;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        int c = strncmp(v[mid].code, code, n);
        if (c == 0 && v[mid].code[n]) c = 1;
        if (c == 0) return v[mid].entry;
        if (c < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    return -1;
}

void dict_name(const dicts *d, const char *code, const char **name, const char **wikidata) {
    *name = "";
    *wikidata = NULL;
    size_t n = strlen(code);
    if (n >= 6 && !memcmp(code, "---", 3)) {
        int32_t r = coded_find(d->roles.v, d->roles.n, code + 3, 3);
        if (r >= 0) *name = d->agents.v[r].name;
        return;
    }
    /* CAMEO codes are 3-character units: roles last ("USAGOV") */
    while (n > 3 && coded_find(d->roles.v, d->roles.n, code + n - 3, 3) >= 0) n -= 3;
    for (; n >= 3; n -= 3) {
        int32_t a = coded_find(d->by_code.v, d->by_code.n, code, n);
        if (a < 0) continue;
        *name = d->actors.v[a].name;
        *wikidata = d->actors.v[a].wikidata;
        return;
    }
}

/* The phrase s[0..n) as a name: words between single spaces, no trailing
 * '_' ("ANTONY_BLINKEN_" -> "ANTONY BLINKEN"); NULL when out of memory. */
static const char *phrase_name(dicts *d, const char *s, size_t n) {
    char *o = arena_alloc(&d->mem, n + 1);
    if (!o) return NULL;
    size_t k = 0;
    for (size_t i = 0; i < n; i++) {
        char c = s[i] == '_' || s[i] == '\t' ? ' ' : s[i];
        if (c == ' ' && (k == 0 || o[k - 1] == ' ')) continue;
        o[k++] = c;
    }
    while (k && o[k - 1] == ' ') k--;
    o[k] = '\0';
    return o;
}

/* ---- lines ---- */

void liner_bad(liner *L, const char *fmt, const char *arg) {
    L->d->bad_lines++;
    dyad_warn(L->warn, L->ud, DYAD_EPARSE, L->name, L->line, fmt, arg);
}

/* Next line with comments stripped into L->out; 0 at the end. */
int liner_next(liner *L) {
    while (L->pos < L->len) {
        size_t s = L->pos, e = s;
        while (e < L->len && L->buf[e] != '\n') e++;
        L->pos = e + 1;
        L->line++;
        size_t n = e - s;
        if (n >= MAX_DICT_LINE) {
            liner_bad(L, "line longer than %s bytes skipped", "65536");
            continue;
        }
        if (memchr(L->buf + s, '\0', n)) {
            liner_bad(L, "NUL byte in line%s; line skipped", "");
            continue;
        }
        size_t o = 0;
        int br = 0;
        for (size_t i = s; i < e; i++) {
            char c = L->buf[i];
            if (L->in_comment) {
                if (c == '-' && i + 3 <= e && !memcmp(L->buf + i, "-->", 3)) {
                    L->in_comment = 0;
                    i += 2;
                }
                continue;
            }
            if (c == '<' && i + 4 <= e && !memcmp(L->buf + i, "<!--", 4)) {
                L->in_comment = 1;
                i += 3;
                continue;
            }
            if (c == '<' && i + 2 < e && L->buf[i + 1] == '!' && L->buf[i + 2] == ' ') {
                L->in_comment = 1; /* "<! --" as written in some files */
                i += 2;
                continue;
            }
            if (c == '[') br++;
            if (c == ']' && br) br--;
            if (c == '#' && !br) break;
            if (c == '\r') continue;
            L->out[o++] = c;
        }
        while (o && (L->out[o - 1] == ' ' || L->out[o - 1] == '\t')) o--;
        L->out[o] = '\0';
        return 1;
    }
    return 0;
}

const char *skip_ws(const char *s) {
    while (*s == ' ' || *s == '\t') s++;
    return s;
}

/* ---- phrases ---- */

uint32_t dict_intern(dicts *d, const char *s, size_t n) {
    char buf[256];
    size_t l = text_upper(s, n, buf, sizeof buf);
    if (l >= sizeof buf) l = sizeof buf - 1;
    return lex_intern(&d->lex, buf, l);
}

/* Splits "UNITED_STATES" / "AFRICAN NATIONS CUP" into words; the last is a
 * stem unless written with a trailing '_'. Returns -1 on a bad phrase. */
int dict_phrase(dicts *d, const char *s, size_t n, phrase *p) {
    p->n = 0;
    size_t i = 0;
    while (i < n) {
        while (i < n && (s[i] == '_' || s[i] == ' ' || s[i] == '\t')) i++;
        size_t j = i;
        while (j < n && s[j] != '_' && s[j] != ' ' && s[j] != '\t') j++;
        /* "PEOPLE'S", "WORKERS'": the text reads the possessive as a word of
         * its own, so the phrase does too */
        size_t poss = 0;
        if (j - i > 2 && s[j - 2] == '\'' && (s[j - 1] == 'S' || s[j - 1] == 's'))
            poss = 2;
        else if (j - i > 1 && s[j - 1] == '\'')
            poss = 1;
        for (size_t a = i, b = j - poss; a < j; a = b, b = j) {
            if (p->n == MAX_WORDS) return -1;
            p->w[p->n] = dict_intern(d, s + a, b - a);
            if (!p->w[p->n]) return -1;
            p->stem[p->n] = 0;
            p->n++;
        }
        i = j;
    }
    if (p->n == 0) return -1;
    size_t e = n;
    while (e && (s[e - 1] == ' ' || s[e - 1] == '\t')) e--;
    p->stem[p->n - 1] = !(e && s[e - 1] == '_');
    return 0;
}

int dict_add_phrase(trie *t, dicts *d, const phrase *p, int32_t value, int32_t *first) {
    int32_t node = trie_add(t, &d->lex, p->w, p->stem, (size_t)p->n);
    if (node == TRIE_NONE) return -1;
    for (int i = 0; i < p->n; i++)
        if (p->stem[i]) trie_note_stem(t, lex_len(&d->lex, p->w[i]));
    if (t->nodes[node].value < 0) {
        t->nodes[node].value = value;
        return 0;
    }
    d->duplicates++;
    if (first) *first = t->nodes[node].value;
    return 1;
}

/* Records that actor phrase p, read at L's line for entry, was given
 * before for another entry, first. */
static void actor_repeated(liner *L, const phrase *p, int32_t entry, int32_t first) {
    dicts *d = L->d;
    if (first == entry) return;
    char text[256];
    size_t n = 0;
    text[0] = '\0';
    for (int k = 0; k < p->n && n + 1 < sizeof text; k++)
        n +=
            (size_t)snprintf(text + n, sizeof text - n, "%s%s", k ? " " : "", lex_str(&d->lex, p->w[k]));
    if (n >= sizeof text) n = sizeof text - 1;
    GROW(d->repeats, return );
    actor_repeat *r = &d->repeats.v[d->repeats.n];
    r->text = arena_strndup(&d->mem, text, n);
    r->rule = liner_rule(L);
    r->first = first;
    if (r->text && r->rule) d->repeats.n++;
}

dyad_status dict_read_file(const char *path, char **buf, size_t *len, dyad_error *err) {
    FILE *f = fopen(path, "rb");
    if (!f) return dyad_fail(err, DYAD_EIO, path, 0, "cannot open dictionary");
    struct stat sb; /* the file's size, when it has one, read in one go */
    size_t cap = fstat(fileno(f), &sb) == 0 && sb.st_size > 0 ? (size_t)sb.st_size + 1 : 1 << 16, n = 0,
           k;
    char *b = malloc(cap);
    while (b && (k = fread(b + n, 1, cap - n, f)) > 0) {
        n += k;
        if (n == cap) {
            char *nb = realloc(b, cap * 2);
            if (!nb) {
                free(b);
                b = NULL;
                break;
            }
            b = nb;
            cap *= 2;
        }
    }
    int rerr = ferror(f);
    fclose(f);
    if (!b) return dyad_fail(err, DYAD_ENOMEM, path, 0, "out of memory");
    if (rerr) {
        free(b);
        return dyad_fail(err, DYAD_EIO, path, 0, "read error");
    }
    *buf = b;
    *len = n;
    return DYAD_OK;
}

char *liner_rule(liner *L) {
    char b[512];
    snprintf(b, sizeof b, "%s:%ld", L->name, L->line);
    return arena_strdup(&L->d->mem, b);
}

int liner_init(liner *L, dicts *d, const char *name, const char *buf, size_t len, dyad_warn_fn warn,
               void *ud) {
    memset(L, 0, sizeof *L);
    L->name = name;
    L->buf = buf;
    L->len = len;
    L->d = d;
    L->warn = warn;
    L->ud = ud;
    L->out = malloc(MAX_DICT_LINE + 1);
    return L->out ? 0 : -1;
}

/* ---- actors ---- */

/* Parses a date: 8 digits YYYYMMDD or 6 digits YYMMDD. */
static int32_t parse_day(const char *s, size_t n) {
    if (n != 6 && n != 8) return -1;
    for (size_t i = 0; i < n; i++)
        if (s[i] < '0' || s[i] > '9') return -1;
    long v = 0;
    for (size_t i = 0; i < n; i++) v = v * 10 + (s[i] - '0');
    if (n == 6) {
        long yy = v / 10000;
        v += (yy <= 30 ? 20000000 : 19000000);
    } else if (n != 8)
        return -1;
    int m = (int)(v / 100 % 100), dd = (int)(v % 100);
    if (m < 1 || m > 12 || dd < 1 || dd > 31) return -1;
    return (int32_t)v;
}

/* Parses the inside of "[CODE ...]" into c. Returns 0, or -1. */
static int parse_code(dicts *d, const char *s, size_t n, dated_code *c) {
    while (n && (*s == ' ' || *s == '\t')) s++, n--;
    while (n && (s[n - 1] == ' ' || s[n - 1] == '\t')) n--;
    size_t k = 0;
    while (k < n && s[k] != ' ' && s[k] != '\t' && s[k] != '<' && s[k] != '>') k++;
    if (k == 0) return -1;
    c->code = (k == 3 && !memcmp(s, "---", 3)) ? "" : arena_strndup(&d->mem, s, k);
    c->from = DATE_MIN;
    c->to = DATE_MAX;
    const char *r = s + k;
    size_t rn = n - k;
    while (rn && (*r == ' ' || *r == '\t')) r++, rn--;
    if (!rn) return 0;
    char op = 0;
    if (*r == '<' || *r == '>') {
        op = *r;
        r++, rn--;
        while (rn && (*r == ' ' || *r == '\t')) r++, rn--;
        int32_t v = parse_day(r, rn);
        if (v < 0) return -1;
        if (op == '<')
            c->to = v - 1;
        else
            c->from = v + 1;
        return 0;
    }
    const char *dash = memchr(r, '-', rn);
    if (!dash) return -1;
    size_t a = (size_t)(dash - r), b0 = a + 1;
    while (a && (r[a - 1] == ' ' || r[a - 1] == '\t')) a--;
    while (b0 < rn && (r[b0] == ' ' || r[b0] == '\t')) b0++;
    int32_t f = parse_day(r, a), t = parse_day(r + b0, rn - b0);
    if (f < 0 || t < 0 || t < f) return -1;
    c->from = f;
    c->to = t;
    return 0;
}

/* Reads every "[...]" group of s into codes; returns count, -1 if bad. */
static int read_codes(dicts *d, const char *s, dated_code *out, int max) {
    int n = 0;
    for (;;) {
        const char *o = strchr(s, '[');
        if (!o) break;
        const char *c = strchr(o + 1, ']');
        if (!c) return -1;
        if (memchr(o + 1, '[', (size_t)(c - o - 1))) return -1;
        if (n == max || parse_code(d, o + 1, (size_t)(c - o - 1), &out[n]) != 0) return -1;
        n++;
        s = c + 1;
    }
    if (strchr(s, ']')) return -1;
    return n;
}

typedef struct actor_build {
    int32_t entry; /* index, -1 none */
    dated_code codes[32];
    int ncodes;
    long line;
} actor_build;

static void actor_close(liner *L, actor_build *b) {
    if (b->entry < 0) return;
    actor_entry *a = &L->d->actors.v[b->entry];
    dated_code *c = arena_alloc(&L->d->mem, (size_t)(b->ncodes ? b->ncodes : 1) * sizeof *c);
    if (c && b->ncodes) memcpy(c, b->codes, (size_t)b->ncodes * sizeof *c);
    a->codes = c;
    a->ncodes = (uint32_t)b->ncodes;
    if (!b->ncodes) {
        long save = L->line;
        L->line = b->line;
        liner_bad(L, "actor has no code%s", "");
        L->line = save;
    }
    b->entry = -1;
    b->ncodes = 0;
}

/* An entry's "@wikidata Q6279" or "@name Joe Biden" line s. */
static void actor_meta(liner *L, int32_t entry, const char *s) {
    if (entry < 0) {
        liner_bad(L, "'@' line with no actor before it: %s", s);
        return;
    }
    actor_entry *a = &L->d->actors.v[entry];
    size_t k = 1;
    while (s[k] && s[k] != ' ' && s[k] != '\t') k++;
    const char *v = skip_ws(s + k);
    if (k == 9 && !memcmp(s, "@wikidata", 9)) {
        size_t n = 1;
        while (v[n] >= '0' && v[n] <= '9') n++;
        if (v[0] != 'Q' || n < 2 || n > 12 || v[1] == '0' || v[n]) {
            liner_bad(L, "bad Wikidata id (Q and digits): %s", s);
            return;
        }
        if (a->wikidata) {
            liner_bad(L, "second Wikidata id for the same actor: %s", s);
            return;
        }
        a->wikidata = arena_strdup(&L->d->mem, v);
    } else if (k == 5 && !memcmp(s, "@name", 5) && *v) {
        a->name = arena_strdup(&L->d->mem, v);
    } else {
        liner_bad(L, "unknown '@' line (@name NAME or @wikidata Q...): %s", s);
    }
}

/* A line of codes ("[GONGOV 20040101-20061231]") for the actor being
 * built: added to its codes, or reported. */
static void actor_codes(liner *L, dicts *d, actor_build *b, const char *s) {
    dated_code tmp[32];
    if (b->entry < 0) {
        liner_bad(L, "code line with no actor before it%s", "");
        return;
    }
    int n = read_codes(d, s, tmp, 32 - b->ncodes);
    if (n < 0) {
        liner_bad(L, "bad code or date restriction: %s", s);
        return;
    }
    int undated = 0; /* a second undated code would never be used */
    for (int k = 0; k < b->ncodes; k++) undated |= !code_dated(&b->codes[k]);
    if (undated && n == 1 && !code_dated(&tmp[0])) {
        liner_bad(L, "second undated code for the same actor: %s", s);
        return;
    }
    memcpy(b->codes + b->ncodes, tmp, (size_t)n * sizeof *tmp);
    b->ncodes += n;
}

/* A line of an actor's phrase ("GONDOR_ [GON]"), or of a synonym ("+")
 * of the actor being built: a new entry or another phrase of it. -1 when
 * out of memory. */
static int actor_phrase(liner *L, dicts *d, actor_build *b, const char *s) {
    dated_code tmp[32];
    int syn = *s == '+';
    if (syn) s++;
    const char *br = strchr(s, '[');
    size_t plen = br ? (size_t)(br - s) : strlen(s);
    int n = 0;
    if (br) {
        n = read_codes(d, br, tmp, 32);
        if (n < 0) {
            liner_bad(L, "bad code or date restriction: %s", br);
            return 0;
        }
    } else if (strchr(s, ']')) {
        liner_bad(L, "unbalanced ']': %s", s);
        return 0;
    }
    phrase p;
    if (dict_phrase(d, s, plen, &p) != 0) {
        liner_bad(L, "bad phrase: %s", s);
        return 0;
    }
    /* a head with no code right after another one that has none yet
     * shares its codes (the Phoenix files list names that way) */
    if (!syn && !n && b->entry >= 0 && b->ncodes == 0) syn = 1;
    if (syn) {
        if (b->entry < 0) {
            liner_bad(L, "synonym with no actor before it: %s", s);
            return 0;
        }
    } else {
        actor_close(L, b);
        GROW(d->actors, return -1);
        b->entry = (int32_t)d->actors.n;
        b->line = L->line;
        actor_entry *a = &d->actors.v[d->actors.n++];
        memset(a, 0, sizeof *a);
        a->rule = liner_rule(L);
        a->name = phrase_name(d, s, plen);
    }
    if (n) {
        int room = 32 - b->ncodes;
        if (n > room) n = room;
        memcpy(b->codes + b->ncodes, tmp, (size_t)n * sizeof *tmp);
        b->ncodes += n;
    }
    int32_t first;
    int added = dict_add_phrase(&d->actors_t, d, &p, b->entry, &first);
    if (added < 0) return -1;
    if (added == 1) actor_repeated(L, &p, b->entry, first);
    d->actor_phrases++;
    return 0;
}

dyad_status dict_parse_actors(dicts *d, const char *name, const char *buf, size_t len, dyad_warn_fn warn,
                              void *ud, dyad_error *err) {
    liner L;
    if (liner_init(&L, d, name, buf, len, warn, ud))
        return dyad_fail(err, DYAD_ENOMEM, name, 0, "out of memory");
    actor_build b = {-1, {{0}}, 0, 0};
    dyad_status st = DYAD_OK;
    while (liner_next(&L)) {
        const char *s = skip_ws(L.out);
        if (!*s) continue;
        if (*s == '@') {
            actor_meta(&L, b.entry, s);
            continue;
        }
        if (*s == '[') {
            actor_codes(&L, d, &b, s);
            continue;
        }
        if (actor_phrase(&L, d, &b, s) < 0) {
            st = dyad_fail(err, DYAD_ENOMEM, name, L.line, "out of memory");
            break;
        }
    }
    if (st == DYAD_OK) actor_close(&L, &b);
    free(L.out);
    if (st == DYAD_OK && arena_failed(&d->mem))
        st = dyad_fail(err, DYAD_ENOMEM, name, 0, "out of memory");
    return st;
}

/* ---- agents ---- */

typedef struct subst {
    char name[64];
    char *items[32];
    int n;
} subst;

static void agent_add_forms(liner *L, const char *ph, size_t plen, const char *braces, int has_braces,
                            int32_t entry) {
    dicts *d = L->d;
    phrase p;
    if (dict_phrase(d, ph, plen, &p) != 0) {
        liner_bad(L, "bad phrase: %s", ph);
        return;
    }
    dict_add_phrase(&d->agents_t, d, &p, entry, NULL);
    d->agent_phrases++;
    if (has_braces) { /* listed plurals only (none when braces is NULL) */
        const char *s = braces ? braces : "";
        while (*s && *s != '}') {
            while (*s == ' ' || *s == '\t') s++;
            const char *e = s;
            while (*e && *e != ' ' && *e != '\t' && *e != '}') e++;
            if (e > s && dict_phrase(d, s, (size_t)(e - s), &p) == 0) {
                dict_add_phrase(&d->agents_t, d, &p, entry, NULL);
                d->agent_phrases++;
            }
            s = e;
        }
        return;
    }
    inflect_forms f;
    const char *last = lex_str(&d->lex, p.w[p.n - 1]);
    inflect_noun(last, &f);
    for (int k = 1; k < f.n; k++) {
        phrase q = p;
        q.w[q.n - 1] = lex_intern(&d->lex, f.w[k], strlen(f.w[k]));
        q.stem[q.n - 1] = 0;
        if (q.w[q.n - 1]) {
            dict_add_phrase(&d->agents_t, d, &q, entry, NULL);
            d->agent_phrases++;
        }
    }
}

/* "!NAME! = A, B, C": a substitution set, added to subs. */
static void agent_subst(liner *L, dicts *d, const char *s, const char *e0, subst *subs, int *nsubs) {
    const char *e = e0;
    const char *eq = strchr(e, '=');
    if (!e || !eq || *nsubs == 16 || (size_t)(e - s + 1) >= sizeof subs[0].name) {
        liner_bad(L, "bad substitution set: %s", s);
        return;
    }
    subst *sb = &subs[(*nsubs)++];
    memcpy(sb->name, s, (size_t)(e - s + 1));
    sb->name[e - s + 1] = '\0';
    sb->n = 0;
    const char *q = eq + 1;
    while (*q && sb->n < 32) {
        while (*q == ' ' || *q == ',') q++;
        const char *w = q;
        while (*q && *q != ',') q++;
        size_t wl = (size_t)(q - w);
        while (wl && w[wl - 1] == ' ') wl--;
        if (wl) sb->items[sb->n++] = arena_strndup(&d->mem, w, wl);
    }
}

/* An agent phrase with a substitution set between '!'s at bang (of its
 * plen characters): one phrase for each of the set's words. */
static void agent_expand(liner *L, const char *s, size_t plen, const char *bang, const subst *subs,
                         int nsubs, int32_t entry) {
    char line2[1024];
    const char *be = memchr(bang + 1, '!', plen - (size_t)(bang + 1 - s));
    const subst *sb = NULL;
    for (int q = 0; be && q < nsubs; q++)
        if (strlen(subs[q].name) == (size_t)(be - bang + 1) &&
            !memcmp(subs[q].name, bang, (size_t)(be - bang + 1)))
            sb = &subs[q];
    if (!sb) {
        liner_bad(L, "unknown substitution set in: %s", s);
        return;
    }
    for (int q = 0; q < sb->n; q++) {
        int m = snprintf(line2, sizeof line2, "%.*s%s%.*s", (int)(bang - s), s, sb->items[q],
                         (int)(plen - (size_t)(be + 1 - s)), be + 1);
        if (m > 0 && (size_t)m < sizeof line2) agent_add_forms(L, line2, strlen(line2), NULL, 1, entry);
    }
}

dyad_status dict_parse_agents(dicts *d, const char *name, const char *buf, size_t len, dyad_warn_fn warn,
                              void *ud, dyad_error *err) {
    liner L;
    if (liner_init(&L, d, name, buf, len, warn, ud))
        return dyad_fail(err, DYAD_ENOMEM, name, 0, "out of memory");
    subst subs[16];
    int nsubs = 0;
    dyad_status st = DYAD_OK;
    while (liner_next(&L)) {
        const char *s = skip_ws(L.out);
        if (!*s) continue;
        const char *e0 = *s == '!' ? strchr(s + 1, '!') : NULL;
        if (e0 && *skip_ws(e0 + 1) == '=') { /* !NAME! = A, B, C */
            agent_subst(&L, d, s, e0, subs, &nsubs);
            continue;
        }
        const char *ob = strchr(s, '[');
        const char *cb = ob ? strchr(ob, ']') : NULL;
        if (!ob || !cb) {
            liner_bad(&L, "agent without [code]: %s", s);
            continue;
        }
        char code[64];
        size_t k = 0;
        for (const char *q = ob + 1; q < cb && k + 1 < sizeof code; q++)
            if (*q != ' ' && *q != '\t') code[k++] = *q;
        code[k] = '\0';
        const char *tilde = strchr(code, '~');
        if (!tilde || k < 2) {
            liner_bad(&L, "agent code needs '~': %s", s);
            continue;
        }
        GROW(d->agents, {
            st = dyad_fail(err, DYAD_ENOMEM, name, L.line, "out of memory");
            break;
        });
        if (st != DYAD_OK) break; /* GROW's break leaves only its own loop */
        int32_t entry = (int32_t)d->agents.n;
        agent_entry *a = &d->agents.v[d->agents.n++];
        a->prefix = tilde != code;
        a->code = a->prefix ? arena_strndup(&d->mem, code, (size_t)(tilde - code))
                            : arena_strdup(&d->mem, tilde + 1);
        a->rule = liner_rule(&L);
        const char *ob2 = strchr(s, '{');
        size_t plen = (size_t)((ob2 && ob2 < ob ? ob2 : ob) - s);
        a->name = phrase_name(d, s, plen);
        const char *bang = memchr(s, '!', plen);
        if (bang) {
            agent_expand(&L, s, plen, bang, subs, nsubs, entry);
            continue;
        }
        agent_add_forms(&L, s, plen, ob2 && ob2 < ob ? ob2 + 1 : NULL, ob2 && ob2 < ob, entry);
    }
    free(L.out);
    if (st == DYAD_OK && arena_failed(&d->mem))
        st = dyad_fail(err, DYAD_ENOMEM, name, 0, "out of memory");
    return st;
}

/* ---- discards ---- */

dyad_status dict_parse_discards(dicts *d, const char *name, const char *buf, size_t len,
                                dyad_warn_fn warn, void *ud, dyad_error *err) {
    liner L;
    if (liner_init(&L, d, name, buf, len, warn, ud))
        return dyad_fail(err, DYAD_ENOMEM, name, 0, "out of memory");
    dyad_status st = DYAD_OK;
    while (liner_next(&L)) {
        const char *s = skip_ws(L.out);
        if (!*s) continue;
        int story = *s == '+';
        if (story) s++;
        phrase p;
        if (dict_phrase(d, s, strlen(s), &p) != 0) {
            liner_bad(&L, "bad discard phrase: %s", s);
            continue;
        }
        GROW(d->discards, {
            st = dyad_fail(err, DYAD_ENOMEM, name, L.line, "out of memory");
            break;
        });
        if (st != DYAD_OK) break; /* GROW's break leaves only its own loop */
        discard_entry *e = &d->discards.v[d->discards.n];
        e->story = (uint8_t)story;
        e->rule = liner_rule(&L);
        dict_add_phrase(&d->discards_t, d, &p, (int32_t)d->discards.n, NULL);
        d->discards.n++;
    }
    free(L.out);
    if (st == DYAD_OK && arena_failed(&d->mem))
        st = dyad_fail(err, DYAD_ENOMEM, name, 0, "out of memory");
    return st;
}
