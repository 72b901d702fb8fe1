/* filter.c -- the list and range filters of a query and its sort as SQL
 * for both backends (filter.h). A list filter is comma-separated values,
 * any of which may match: "USA,GBR" is the source USA... or GBR...; the
 * lists of different filters must all match. */
#include "filter.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "status.h"

const filter_dialect FILTER_SQLITE = {'?', "%1$s LIKE %2$s || '%%' ESCAPE '\\'", "CAST(%s AS REAL)",
                                      "CAST(%s AS INTEGER)"};
const filter_dialect FILTER_POSTGRES = {
    '$', "lower(%1$s COLLATE \"C\") LIKE lower(%2$s COLLATE \"C\") || '%%' ESCAPE '\\'", "%s::float8",
    "%s::bigint"};

/* Writing the clauses: out, the next parameter's number, room left. */
typedef struct writer {
    filter_sql *out;
    const filter_dialect *d;
    int next;
    size_t wlen, vlen;
    int full;
} writer;

static void put(writer *w, const char *fmt, const char *a, const char *b) {
    size_t room = sizeof w->out->where - w->wlen;
    int k = snprintf(w->out->where + w->wlen, room, fmt, a, b);
    if (k < 0 || (size_t)k >= room)
        w->full = 1;
    else
        w->wlen += (size_t)k;
}

/* A new parameter of value v (len n, LIKE-escaped when esc); its marker
 * ("?12", "$12") into mark. */
static int param(writer *w, const char *v, size_t n, int esc, char mark[16]) {
    filter_sql *o = w->out;
    if (o->nparams >= FILTER_MAX_PARAMS || w->vlen + 2 * n + 1 > sizeof o->values)
        return w->full = 1, -1;
    char *p = o->values + w->vlen;
    size_t k = 0;
    for (size_t i = 0; i < n; i++) {
        if (esc && (v[i] == '%' || v[i] == '_' || v[i] == '\\')) p[k++] = '\\';
        p[k++] = v[i];
    }
    p[k] = '\0';
    w->vlen += k + 1;
    o->params[o->nparams++] = p;
    snprintf(mark, 16, "%c%d", w->d->mark, w->next++);
    return 0;
}

/* Each value of the comma-separated list s, checked by ok (its name for
 * errors); the clause "(c1 OR c2 ...)" where each ci is the prefix match
 * of each column of cols (a value matches when any column does). */
static dyad_status list(writer *w, const char *name, const char *s, int (*ok)(const char *, size_t),
                        const char *want, const char *const *cols, dyad_error *err) {
    if (!s) return DYAD_OK;
    int n = 0, first = 1;
    put(w, " AND (", "", "");
    for (const char *p = s;; p++) {
        const char *e = strchr(p, ',');
        size_t len = e ? (size_t)(e - p) : strlen(p);
        while (len && *p == ' ') p++, len--;
        while (len && p[len - 1] == ' ') len--;
        if (!len || !ok(p, len))
            return dyad_fail(err, DYAD_EINVAL, NULL, 0, "%s: '%.*s' is not %s", name, (int)len, p, want);
        if (++n > FILTER_MAX_VALUES)
            return dyad_fail(err, DYAD_EINVAL, NULL, 0, "%s: more than %d values", name,
                             FILTER_MAX_VALUES);
        char mark[16];
        if (param(w, p, len, 1, mark)) break;
        for (int c = 0; cols[c]; c++) {
            put(w, first ? "" : " OR ", "", "");
            put(w, w->d->prefix, cols[c], mark);
            first = 0;
        }
        if (!e) break;
        p = e;
    }
    put(w, ")", "", "");
    return DYAD_OK;
}

/* An actor code prefix: letters and digits (case folded by the match). */
static int actor_ok(const char *p, size_t n) {
    if (n > 64) return 0;
    for (size_t i = 0; i < n; i++)
        if (!isalnum((unsigned char)p[i])) return 0;
    return 1;
}

/* A CAMEO event code prefix: one to four digits. */
static int code_ok(const char *p, size_t n) {
    if (n > 4) return 0;
    for (size_t i = 0; i < n; i++)
        if (!isdigit((unsigned char)p[i])) return 0;
    return 1;
}

/* An ISO 3166-1 alpha-3 code (either case: matched case folded). */
static int country_ok(const char *p, size_t n) {
    return n == 3 && isalpha((unsigned char)p[0]) && isalpha((unsigned char)p[1]) &&
           isalpha((unsigned char)p[2]);
}

/* The sort letters of cursors: date, mentions, Goldstein. */
static const char SORT_LETTER[] = "dmg";

/* Whether s (len n) is a cursor's key for sort: a date (or "" for the
 * undated), a count, a number. */
static int key_ok(dyad_sort sort, const char *s, size_t n) {
    char buf[40];
    if (n >= sizeof buf) return 0;
    memcpy(buf, s, n);
    buf[n] = '\0';
    if (sort == DYAD_SORT_DATE) {
        for (size_t i = 0; i < n; i++)
            if (!isdigit((unsigned char)buf[i]) && buf[i] != '-') return 0;
        return 1;
    }
    char *end;
    if (sort == DYAD_SORT_MENTIONS) {
        if (!n || !isdigit((unsigned char)buf[0])) return 0;
        strtol(buf, &end, 10);
    } else
        strtod(buf, &end);
    return n && !*end;
}

/* The clause of q->after: the rows after the cursor's in the sort. */
static dyad_status after(writer *w, const dyad_query *q, dyad_error *err) {
    const char *c = q->after, *tilde = strrchr(c, '~');
    size_t n = strlen(c);
    if (n < 4 || c[0] != SORT_LETTER[q->sort] || c[1] != (q->descending ? 'd' : 'a'))
        return dyad_fail(err, DYAD_EINVAL, NULL, 0,
                         "cursor: '%.64s' is not a cursor of this sort and order", c);
    if (q->one_a_day)
        return dyad_fail(err, DYAD_EINVAL, NULL, 0, "cursor: one_a_day pages by limit only");
    size_t idlen = tilde ? n - (size_t)(tilde + 1 - c) : 0;
    int good = tilde && tilde >= c + 2 && idlen >= 1 && idlen <= 18 &&
               key_ok(q->sort, c + 2, (size_t)(tilde - c - 2));
    for (size_t i = 0; good && i < idlen; i++) good = isdigit((unsigned char)tilde[1 + i]);
    if (!good) return dyad_fail(err, DYAD_EINVAL, NULL, 0, "cursor: '%.64s' is not a cursor", c);
    static const char *const COL[] = {"e.date", "e.num_mentions", "e.goldstein"};
    char mk[16], mi[16], key[48], id[48];
    if (param(w, c + 2, (size_t)(tilde - c - 2), 0, mk) || param(w, tilde + 1, idlen, 0, mi))
        return DYAD_OK;
    if (q->sort == DYAD_SORT_DATE)
        snprintf(key, sizeof key, "%s", mk);
    else
        snprintf(key, sizeof key, w->d->number, mk);
    snprintf(id, sizeof id, w->d->integer, mi);
    char head[64];
    snprintf(head, sizeof head, " AND (%s, e.id) %s (", COL[q->sort], q->descending ? "<" : ">");
    put(w, "%s%s", head, key);
    put(w, ", %s)", id, "");
    return DYAD_OK;
}

const char *dyad_event_cursor(const dyad_query *q, const dyad_stored_event *e, char *out) {
    dyad_sort sort = q && (unsigned)q->sort <= DYAD_SORT_GOLDSTEIN ? q->sort : DYAD_SORT_DATE;
    char key[40];
    if (sort == DYAD_SORT_DATE)
        snprintf(key, sizeof key, "%.10s", e->date ? e->date : "");
    else if (sort == DYAD_SORT_MENTIONS)
        snprintf(key, sizeof key, "%d", e->num_mentions);
    else
        snprintf(key, sizeof key, "%.17g", e->goldstein);
    snprintf(out, DYAD_CURSOR_MAX, "%c%c%s~%lld", SORT_LETTER[sort], q && q->descending ? 'd' : 'a', key,
             (long long)e->id);
    return out;
}

dyad_status filter_build(const dyad_query *q, const filter_dialect *d, int first, filter_sql *out,
                         dyad_error *err) {
    memset(out, 0, sizeof *out);
    if (!q) return DYAD_OK;
    writer w = {out, d, first, 0, 0, 0};
    static const char *const EITHER[] = {"e.source", "e.target", NULL},
                             *const SOURCE[] = {"e.source", NULL}, *const TARGET[] = {"e.target", NULL},
                             *const CODE[] = {"e.code", NULL};
    static const char *const ACTOR_WANT = "an actor code prefix (letters and digits)";
    dyad_status st;
    if ((st = list(&w, "actor", q->actor, actor_ok, ACTOR_WANT, EITHER, err)) != DYAD_OK ||
        (st = list(&w, "source", q->source, actor_ok, ACTOR_WANT, SOURCE, err)) != DYAD_OK ||
        (st = list(&w, "target", q->target, actor_ok, ACTOR_WANT, TARGET, err)) != DYAD_OK ||
        (st = list(&w, "code", q->code, code_ok, "a CAMEO code prefix (1 to 4 digits)", CODE, err)) !=
            DYAD_OK ||
        (st = list(&w, "country", q->country, country_ok, "an ISO 3166-1 alpha-3 country code", EITHER,
                   err)) != DYAD_OK)
        return st;
    if (q->quads) {
        if (q->quads & ~0x1e)
            return dyad_fail(err, DYAD_EINVAL, NULL, 0, "quad: QuadClasses are 1 to 4");
        char in[16] = "";
        for (int c = 1, k = 0; c <= 4; c++)
            if (q->quads & (1 << c))
                k += snprintf(in + k, sizeof in - (size_t)k, "%s%d", k ? "," : "", c);
        put(&w, " AND e.quad IN (%s)%s", in, "");
    }
    if (q->goldstein_range) {
        if (!(q->goldstein_min >= -10 && q->goldstein_max <= 10 && q->goldstein_min <= q->goldstein_max))
            return dyad_fail(err, DYAD_EINVAL, NULL, 0,
                             "goldstein: the range %g to %g is not within -10 to 10, lowest first",
                             q->goldstein_min, q->goldstein_max);
        char lo[32], hi[32], mlo[16], mhi[16], num[48];
        /* a hair wider than asked: weights are stored as binary doubles */
        snprintf(lo, sizeof lo, "%.9f", q->goldstein_min - 1e-9);
        snprintf(hi, sizeof hi, "%.9f", q->goldstein_max + 1e-9);
        if (param(&w, lo, strlen(lo), 0, mlo) == 0 && param(&w, hi, strlen(hi), 0, mhi) == 0) {
            snprintf(num, sizeof num, d->number, mlo);
            put(&w, " AND e.goldstein >= %s", num, "");
            snprintf(num, sizeof num, d->number, mhi);
            put(&w, " AND e.goldstein <= %s", num, "");
        }
    }
    if ((unsigned)q->sort > DYAD_SORT_GOLDSTEIN)
        return dyad_fail(err, DYAD_EINVAL, NULL, 0, "sort: %d is not a sort", (int)q->sort);
    if (q->after && (st = after(&w, q, err)) != DYAD_OK) return st;
    if (w.full) return dyad_fail(err, DYAD_EINVAL, NULL, 0, "the query's filters are too long");
    return DYAD_OK;
}

const char *filter_order(const dyad_query *q, int positional) {
    /* by name over alias e, or by position in ROWS_EVENT's columns */
    static const char *const ORDER[2][3][2] = {
        {{" ORDER BY e.date, e.id", " ORDER BY e.date DESC, e.id DESC"},
         {" ORDER BY e.num_mentions, e.id", " ORDER BY e.num_mentions DESC, e.id DESC"},
         {" ORDER BY e.goldstein, e.id", " ORDER BY e.goldstein DESC, e.id DESC"}},
        {{" ORDER BY 2, 1", " ORDER BY 2 DESC, 1 DESC"},
         {" ORDER BY 9, 1", " ORDER BY 9 DESC, 1 DESC"},
         {" ORDER BY 8, 1", " ORDER BY 8 DESC, 1 DESC"}}};
    unsigned s = q && (unsigned)q->sort <= DYAD_SORT_GOLDSTEIN ? (unsigned)q->sort : 0;
    return ORDER[positional ? 1 : 0][s][q && q->descending ? 1 : 0];
}
