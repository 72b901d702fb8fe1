/* gazetteer.c -- reads .gaz files into a gazetteer and looks names up.
 *
 * A .gaz line is tab-separated: name, kind (country|region|capital|city),
 * ISO alpha-3 country code, region code, latitude, longitude (both empty
 * when unknown), population, and optional fields: '|'-separated aliases,
 * the GeoNames id and the GeoNames feature code ("PPLA"). '#' starts
 * a comment line. Every name and alias becomes a key (upper-case folded,
 * single spaces) in an open-addressing table; entries sharing a key are
 * chained in file order. */
#include <ctype.h>
#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "gazetteer.h"
#include "lexicon.h"
#include "status.h"
#include "text.h"

void gaz_free(gazetteer *g) {
    free(g->ent);
    free(g->links);
    free(g->slots);
    free(g->capitals);
    free(g->countries);
    memset(g, 0, sizeof *g);
}

/* Before (-1), equal to (0) or after (1) capital c in the capitals' order:
 * country, then most populous first. */
static int capital_order(const gaz_capital_ref *c, const char *country, uint32_t pop) {
    int k = strcmp(country, c->country);
    if (k) return k < 0 ? -1 : 1;
    return pop > c->pop ? -1 : pop < c->pop;
}

/* The first of refs c[0..n) not before (country, pop). */
static size_t ref_at(const gaz_capital_ref *c, size_t n, const char *country, uint32_t pop) {
    size_t lo = 0, hi = n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (capital_order(&c[mid], country, pop) > 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

/* Moves the keys into a table of at least want slots (a power of two, at
 * least twice what it had). */
static int rehash(gazetteer *g, size_t want) {
    size_t nn = g->nslots ? g->nslots * 2 : 4096;
    while (nn < want) nn *= 2;
    gaz_slot *ns = calloc(nn, sizeof *ns);
    if (!ns) return -1;
    for (size_t i = 0; i < g->nslots; i++) {
        if (!g->slots[i].key) continue;
        size_t j = g->slots[i].hash & (nn - 1);
        while (ns[j].key) j = (j + 1) & (nn - 1);
        ns[j] = g->slots[i];
    }
    free(g->slots);
    g->slots = ns;
    g->nslots = nn;
    return 0;
}

static gaz_slot *lookup(const gazetteer *g, const char *key, size_t n, uint32_t h) {
    if (!g->nslots) return NULL;
    size_t j = h & (g->nslots - 1);
    while (g->slots[j].key) {
        if (g->slots[j].hash == h && strncmp(g->slots[j].key, key, n) == 0 && g->slots[j].key[n] == '\0')
            return &g->slots[j];
        j = (j + 1) & (g->nslots - 1);
    }
    return &g->slots[j];
}

int32_t gaz_find(const gazetteer *g, const char *key, size_t n) {
    const gaz_slot *s = lookup(g, key, n, lex_hash(key, n));
    return s && s->key ? s->first : -1;
}

/* Upper-cases and folds name[0..n) into a key with single spaces; returns
 * its length, 0 when it is empty, too long or has too many words. */
static size_t make_key(const char *name, size_t n, char *out, size_t cap) {
    char up[512];
    size_t ul = text_upper(name, n, up, sizeof up);
    if (ul >= sizeof up) return 0;
    size_t k = 0, words = 0;
    for (size_t i = 0; i < ul; i++) {
        if (isspace((unsigned char)up[i])) {
            if (k && out[k - 1] != ' ') out[k++] = ' ';
            continue;
        }
        if (k == 0 || out[k - 1] == ' ') words++;
        if (k + 2 >= cap) return 0;
        out[k++] = up[i];
    }
    while (k && out[k - 1] == ' ') k--;
    out[k] = '\0';
    return words > GAZ_MAX_WORDS ? 0 : k;
}

/* Adds name[0..n) as a key of entry e (a repeat of the same key for the
 * same entry is ignored). */
static int add_key(gazetteer *g, arena *a, const char *name, size_t n, uint32_t e) {
    char key[512];
    size_t kl = make_key(name, n, key, sizeof key);
    if (!kl) return 0;
    if ((g->used + 1) * 2 > g->nslots && rehash(g, 0) != 0) return -1;
    uint32_t h = lex_hash(key, kl);
    gaz_slot *s = lookup(g, key, kl, h);
    if (!s->key) {
        s->key = arena_strndup(a, key, kl);
        if (!s->key) return -1;
        s->hash = h;
        s->first = -1;
        g->used++;
    }
    int32_t last = -1; /* an index: growing the links moves them */
    for (int32_t l = s->first; l >= 0; l = g->links[l].next) {
        if (g->links[l].entry == e) return 0;
        last = l;
    }
    void *v = g->links;
    if (grow_array(&v, &g->caplinks, g->nlinks, sizeof *g->links) != 0) return -1;
    g->links = v;
    g->links[g->nlinks].entry = e;
    g->links[g->nlinks].next = -1;
    if (last >= 0)
        g->links[last].next = (int32_t)g->nlinks;
    else
        s->first = (int32_t)g->nlinks;
    g->nlinks++;
    return 0;
}

static const char *const KINDS[] = {"country", "region", "capital", "city", NULL};

/* Splits line[0..n) at tabs into at most max fields; returns their count. */
static int split_tabs(const char *line, size_t n, const char **f, size_t *fl, int max) {
    int k = 0;
    size_t start = 0;
    for (size_t i = 0; i <= n && k < max; i++) {
        if (i == n || line[i] == '\t') {
            f[k] = line + start;
            fl[k++] = i - start;
            start = i + 1;
        }
    }
    return k;
}

/* "-12.5055" as its digits m and the power of ten p it is divided by, when
 * m < 2^53 and p <= 22: both are then exact doubles, and m / 10^p is the
 * correctly rounded value strtod gives. 0 when s is not of that form. */
static int plain_decimal(const char *s, size_t n, double *out) {
    static const double TEN[] = {1e0,  1e1,  1e2,  1e3,  1e4,  1e5,  1e6,  1e7,  1e8,  1e9,  1e10, 1e11,
                                 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};
    size_t i = s[0] == '-';
    uint64_t m = 0;
    int p = -1, nd = 0; /* p: digits after the point, -1 before it */
    for (; i < n; i++) {
        if (s[i] == '.' && p < 0) {
            p = 0;
            continue;
        }
        if (s[i] < '0' || s[i] > '9' || ++nd > 15) return 0;
        m = m * 10 + (uint64_t)(s[i] - '0');
        if (p >= 0) p++;
    }
    if (!nd || p == 0) return 0;
    double v = (double)m / TEN[p < 0 ? 0 : p];
    *out = s[0] == '-' ? -v : v;
    return 1;
}

/* A coordinate: empty (NaN) or a number within [-lim, lim]; -1 when bad. */
static int coord(const char *s, size_t n, double lim, double *out) {
    *out = NAN;
    if (n == 0) return 0;
    double v;
    if (plain_decimal(s, n, &v)) {
        if (!(v >= -lim && v <= lim)) return -1;
        *out = v;
        return 0;
    }
    char b[32];
    if (n >= sizeof b) return -1;
    memcpy(b, s, n);
    b[n] = '\0';
    char *end;
    errno = 0;
    v = strtod(b, &end);
    if (*end || errno || !(v >= -lim && v <= lim)) return -1;
    *out = v;
    return 0;
}

/* A whole number of one to ten digits, s[0..n), into *out; -1 when it is
 * none. */
static int digits(const char *s, size_t n, uint64_t *out) {
    *out = 0;
    if (n == 0 || n > 10) return -1;
    for (size_t i = 0; i < n; i++) {
        if (!isdigit((unsigned char)s[i])) return -1;
        *out = *out * 10 + (uint64_t)(s[i] - '0');
    }
    return 0;
}

/* Parses one line into entry *e; returns NULL or what is wrong with it. */
static const char *parse_line(const char **f, size_t *fl, int nf, gaz_entry *e) {
    if (nf < 7) return "expected at least 7 tab-separated fields";
    if (fl[0] == 0) return "empty name";
    int kind = -1;
    for (int k = 0; KINDS[k]; k++)
        if (strlen(KINDS[k]) == fl[1] && memcmp(KINDS[k], f[1], fl[1]) == 0) kind = k;
    if (kind < 0) return "kind must be country, region, capital or city";
    if (fl[2] != 3 || !isupper((unsigned char)f[2][0]) || !isupper((unsigned char)f[2][1]) ||
        !isupper((unsigned char)f[2][2]))
        return "country must be an ISO alpha-3 code";
    if (fl[3] > 16) return "region code too long";
    if (coord(f[4], fl[4], 90, &e->lat) != 0) return "bad latitude";
    if (coord(f[5], fl[5], 180, &e->lon) != 0) return "bad longitude";
    if (isnan(e->lat) != isnan(e->lon)) return "latitude without longitude";
    uint64_t pop, id;
    if (digits(f[6], fl[6], &pop) != 0) return "bad population";
    e->pop = pop > UINT32_MAX ? UINT32_MAX : (uint32_t)pop;
    if (nf >= 9 && fl[8]) {
        if (digits(f[8], fl[8], &id) != 0 || id > UINT32_MAX) return "bad GeoNames id";
        e->geoid = (uint32_t)id;
    }
    if (nf >= 10) {
        if (fl[9] >= sizeof e->feature) return "feature code too long";
        for (size_t i = 0; i < fl[9]; i++)
            if (!isupper((unsigned char)f[9][i]) && !isdigit((unsigned char)f[9][i]))
                return "bad feature code";
        memcpy(e->feature, f[9], fl[9]);
        e->feature[fl[9]] = '\0';
    }
    e->kind = (uint8_t)kind;
    memcpy(e->country, f[2], 3);
    e->country[3] = '\0';
    return NULL;
}

/* Adds entry idx (e) to the refs *c (n, cap) in their order. */
static int add_ref(gaz_capital_ref **c, size_t *n, size_t *cap, const gaz_entry *e, uint32_t idx) {
    void *v = *c;
    if (grow_array(&v, cap, *n, sizeof **c) != 0) return -1;
    *c = v;
    size_t at = ref_at(*c, *n, e->country, e->pop);
    memmove(*c + at + 1, *c + at, (*n - at) * sizeof **c);
    memcpy((*c)[at].country, e->country, sizeof(*c)[at].country);
    (*c)[at].pop = e->pop;
    (*c)[at].entry = idx;
    ++*n;
    return 0;
}

/* Makes room for the entries and keys buf can hold (a line each, an alias
 * after each '|'), so the table is not grown and rehashed as it fills. */
static int reserve(gazetteer *g, const char *buf, size_t len) {
    size_t lines = 1, bars = 0;
    for (size_t i = 0; i < len; i++) {
        lines += buf[i] == '\n';
        bars += buf[i] == '|';
    }
    if (g->cap < g->n + lines) {
        gaz_entry *v = realloc(g->ent, (g->n + lines) * sizeof *g->ent);
        if (!v) return -1;
        g->ent = v;
        g->cap = g->n + lines;
    }
    size_t keys = g->used + lines + bars;
    return keys * 2 > g->nslots ? rehash(g, keys * 2) : 0;
}

dyad_status gaz_parse(gazetteer *g, arena *a, const char *name, const char *buf, size_t len,
                      dyad_warn_fn warn, void *ud, size_t *bad, dyad_error *err) {
    long lineno = 0;
    size_t pos = 0;
    if (reserve(g, buf, len) != 0) goto oom;
    while (pos < len) {
        const char *line = buf + pos;
        const char *nl = memchr(line, '\n', len - pos);
        size_t n = nl ? (size_t)(nl - line) : len - pos;
        pos += n + 1;
        lineno++;
        if (n && line[n - 1] == '\r') n--;
        if (n == 0 || line[0] == '#') continue;
        const char *f[10];
        size_t fl[10];
        int nf = split_tabs(line, n, f, fl, 10);
        gaz_entry e;
        memset(&e, 0, sizeof e);
        const char *why = parse_line(f, fl, nf, &e);
        if (why) {
            dyad_warn(warn, ud, DYAD_EPARSE, name, lineno, "%s", why);
            if (bad) ++*bad;
            continue;
        }
        e.name = arena_strndup(a, f[0], fl[0]);
        e.admin = arena_strndup(a, f[3], fl[3]);
        void *v = g->ent;
        if (grow_array(&v, &g->cap, g->n, sizeof *g->ent) != 0 || !e.name || !e.admin) goto oom;
        g->ent = v;
        uint32_t idx = (uint32_t)g->n;
        g->ent[g->n++] = e;
        if (add_key(g, a, f[0], fl[0], idx) != 0) goto oom;
        if (nf >= 8) { /* aliases */
            const char *s = f[7], *end = f[7] + fl[7];
            while (s < end) {
                const char *bar = memchr(s, '|', (size_t)(end - s));
                const char *stop = bar ? bar : end;
                if (stop > s && add_key(g, a, s, (size_t)(stop - s), idx) != 0) goto oom;
                s = stop + 1;
            }
        }
        if (e.kind == GAZ_CAPITAL && add_ref(&g->capitals, &g->ncapitals, &g->capcapitals, &e, idx) != 0)
            goto oom;
        if (e.kind == GAZ_COUNTRY &&
            add_ref(&g->countries, &g->ncountries, &g->capcountries, &e, idx) != 0)
            goto oom;
    }
    if (arena_failed(a)) goto oom;
    return DYAD_OK;
oom:
    return dyad_fail(err, DYAD_ENOMEM, name, lineno, "out of memory reading the gazetteer");
}

uint32_t gaz_country_pop(const gazetteer *g, const char *country) {
    size_t at = ref_at(g->countries, g->ncountries, country, UINT32_MAX);
    return at < g->ncountries && !strcmp(g->countries[at].country, country) ? g->countries[at].pop : 0;
}

const gaz_entry *gaz_country(const gazetteer *g, const char *country) {
    size_t at = ref_at(g->countries, g->ncountries, country, UINT32_MAX);
    if (at < g->ncountries && !strcmp(g->countries[at].country, country))
        return &g->ent[g->countries[at].entry];
    return NULL;
}

const gaz_entry *gaz_capital(const gazetteer *g, const char *country) {
    size_t at = ref_at(g->capitals, g->ncapitals, country, UINT32_MAX);
    if (at < g->ncapitals && !strcmp(g->capitals[at].country, country))
        return &g->ent[g->capitals[at].entry];
    return NULL;
}
