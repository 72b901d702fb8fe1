/* merge.c -- plans the events of one (date, source, target, code) key from
 * all its stored reports (see merge.h). The plan is a function of the set of
 * reports alone: reports are put in an order of their values, places are
 * taken in name order, and ties go to names, never to arrival. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "coder.h"
#include "merge.h"
#include "minhash.h"
#include "status.h"

static int cmp_str(const char *a, const char *b) { return strcmp(a ? a : "", b ? b : ""); }

static int cmp_real(double a, double b) { return (a > b) - (a < b); }

/* Reports in order of place name, then the rest of the place, then where
 * they come from: equal places sit together, and the first report of a
 * name is the same whatever order they were stored in. */
static int cmp_mention(const void *pa, const void *pb) {
    const merge_mention *a = pa, *b = pb;
    int c = cmp_str(a->place, b->place);
    if (!c) c = cmp_str(a->kind, b->kind);
    if (!c) c = cmp_str(a->country, b->country);
    if (!c) c = a->has_ll - b->has_ll;
    if (!c && a->has_ll) c = cmp_real(a->lat, b->lat);
    if (!c && a->has_ll) c = cmp_real(a->lon, b->lon);
    if (!c) c = (a->article > b->article) - (a->article < b->article);
    if (!c) c = (a->id > b->id) - (a->id < b->id);
    return c;
}

static int is_country(const merge_mention *m) { return m->kind && !strcmp(m->kind, "country"); }

/* Sorts indexes of reports by (group, key) to count distinct keys. */
typedef struct {
    size_t group;
    const char *story;
    const char *source;
} tally;

static int cmp_story(const void *pa, const void *pb) {
    const tally *a = pa, *b = pb;
    if (a->group != b->group) return (a->group > b->group) - (a->group < b->group);
    return cmp_str(a->story, b->story);
}

static int cmp_source(const void *pa, const void *pb) {
    const tally *a = pa, *b = pb;
    if (a->group != b->group) return (a->group > b->group) - (a->group < b->group);
    return cmp_str(a->source, b->source);
}

/* Counts each group's reports, distinct articles (stories: copies of one
 * wire story count once) and sources, and its highest confidence. */
static int count_groups(const merge_mention *m, size_t n, merge_group *g, size_t ng) {
    tally *t = malloc(n * sizeof *t);
    if (!t) return -1;
    for (size_t k = 0; k < ng; k++) g[k].mentions = g[k].articles = g[k].sources = 0;
    for (size_t i = 0; i < n; i++) {
        merge_group *x = &g[m[i].group];
        x->mentions++;
        if (m[i].has_conf && (!x->has_conf || m[i].confidence > x->confidence)) {
            x->has_conf = 1;
            x->confidence = m[i].confidence;
        }
        t[i] = (tally){m[i].group, m[i].story, m[i].source};
    }
    qsort(t, n, sizeof *t, cmp_story); /* copies of one story are one article */
    for (size_t i = 0; i < n; i++)
        if (!i || t[i].group != t[i - 1].group || cmp_str(t[i].story, t[i - 1].story))
            g[t[i].group].articles++;
    qsort(t, n, sizeof *t, cmp_source);
    for (size_t i = 0; i < n; i++)
        if (!i || t[i].group != t[i - 1].group || cmp_str(t[i].source, t[i - 1].source))
            g[t[i].group].sources++;
    free(t);
    return 0;
}

/* Scratch of one plan: for each place name k, the first report of it
 * (name[k], name[nn] = n), the report it stands for (rep[k]), the name
 * whose group it joins (of[k]) and that group (gi[k]); each group's
 * placed reports (weight). */
typedef struct plan_work {
    size_t *name, *of, *gi, *weight;
    const merge_mention **rep;
} plan_work;

/* The groups of the placed reports m[placed..n), in name order: a name
 * that some report gives as a town or region is a place of its own,
 * standing for the first such report; a country's name joins the place in
 * that country with the most reports (ties: the first by name), or is an
 * event of its own. Sets each report's group; returns how many. */
static size_t place_groups(merge_mention *m, size_t placed, size_t n, plan_work *w, merge_group *g) {
    size_t nn = 0, ng = 0, *name = w->name, *of = w->of;
    for (size_t i = placed; i < n; i++)
        if (i == placed || cmp_str(m[i].place, m[i - 1].place)) name[nn++] = i;
    name[nn] = n;
    for (size_t k = 0; k < nn; k++) {
        w->rep[k] = NULL;
        for (size_t i = name[k]; i < name[k + 1] && !w->rep[k]; i++)
            if (!is_country(&m[i])) w->rep[k] = &m[i];
    }
    for (size_t k = 0; k < nn; k++) {
        of[k] = (size_t)-1;
        if (!w->rep[k]) {
            const char *cc = m[name[k]].country;
            for (size_t j = 0; j < nn && cc && cc[0]; j++)
                if (w->rep[j] && !cmp_str(w->rep[j]->country, cc) &&
                    (of[k] == (size_t)-1 || name[j + 1] - name[j] > name[of[k] + 1] - name[of[k]]))
                    of[k] = j;
            if (of[k] != (size_t)-1) continue;
            w->rep[k] = &m[name[k]];
        }
        of[k] = k;
    }
    for (size_t k = 0; k < nn; k++)
        if (of[k] == k) {
            w->gi[k] = ng;
            g[ng++] = (merge_group){.where = w->rep[k], .event = -1};
        }
    for (size_t k = 0; k < nn; k++)
        for (size_t i = name[k]; i < name[k + 1]; i++) m[i].group = w->gi[of[k]];
    return ng;
}

/* Reports without a place, m[0..placed), join the group with the most
 * placed reports (ties: the first by name), or are a group of their own;
 * returns the number of groups. */
static size_t join_unplaced(merge_mention *m, size_t placed, size_t n, plan_work *w, merge_group *g,
                            size_t ng) {
    size_t heavy = 0;
    if (!ng)
        g[ng++] = (merge_group){.where = NULL, .event = -1};
    else {
        for (size_t k = 0; k < ng; k++) w->weight[k] = 0;
        for (size_t i = placed; i < n; i++) w->weight[m[i].group]++;
        for (size_t k = 1; k < ng; k++)
            if (w->weight[k] > w->weight[heavy]) heavy = k;
    }
    for (size_t i = 0; i < placed; i++) m[i].group = heavy;
    return ng;
}

/* Stored events keep the group of their place, then the rest take the
 * groups left in id order; drop flags those no group keeps. */
static void keep_events(merge_group *g, size_t ng, const merge_event *ev, size_t nev, char *drop) {
    for (size_t k = 0; k < ng; k++)
        for (size_t j = 0; j < nev; j++)
            if (drop[j] && !cmp_str(ev[j].place, g[k].where ? g[k].where->place : "")) {
                g[k].event = ev[j].id;
                drop[j] = 0;
                break;
            }
    for (size_t k = 0, j = 0; k < ng; k++) {
        if (g[k].event >= 0) continue;
        while (j < nev && !drop[j]) j++;
        if (j == nev) break;
        g[k].event = ev[j].id;
        drop[j] = 0;
    }
}

long merge_plan(merge_mention *m, size_t n, const merge_event *ev, size_t nev, merge_group *g,
                char *drop) {
    for (size_t k = 0; k < nev; k++) drop[k] = 1;
    if (!n) return 0;
    qsort(m, n, sizeof *m, cmp_mention);
    size_t placed = 0; /* reports without a place sort first ("" is least) */
    while (placed < n && (!m[placed].place || !m[placed].place[0])) placed++;
    size_t *ints = malloc(4 * (n + 1) * sizeof *ints);
    const merge_mention **rep = malloc((n + 1) * sizeof *rep);
    if (!ints || !rep) {
        free(ints);
        free(rep);
        return -1;
    }
    plan_work w = {ints, ints + (n + 1), ints + 2 * (n + 1), ints + 3 * (n + 1), rep};
    size_t ng = join_unplaced(m, placed, n, &w, g, place_groups(m, placed, n, &w, g));
    free(ints);
    free(rep);
    keep_events(g, ng, ev, nev, drop);
    return count_groups(m, n, g, ng) ? -1 : (long)ng;
}

int merge_copy_first(const char *date, const char *id, const char *hash, const char *sdate,
                     const char *sid, const char *shash) {
    date = date ? date : "";
    sdate = sdate ? sdate : "";
    if (!date[0] != !sdate[0]) return date[0] != 0;
    int c = strcmp(date, sdate);
    if (!c) c = cmp_str(id, sid);
    if (!c) c = cmp_str(hash, shash);
    return c < 0;
}

void merge_free(merge_mention *m, size_t n, merge_event *ev, size_t nev) {
    for (size_t i = 0; m && i < n; i++) {
        free((char *)m[i].source);
        free((char *)m[i].story);
        free((char *)m[i].place);
        free((char *)m[i].country);
        free((char *)m[i].kind);
    }
    for (size_t i = 0; ev && i < nev; i++) free((char *)ev[i].place);
    free(m);
    free(ev);
}

/* ---------------------------------------------------------------------
 * The plan written through a backend
 * ------------------------------------------------------------------- */

const char *const merge_sql[MERGE_NSTMTS] = {
    [MERGE_KEY_MENTIONS] =
        "SELECT m.id, m.event, m.article, a.source, coalesce(m.place, e.place),"
        " coalesce(m.country, e.country), coalesce(m.place_kind, e.place_kind),"
        " CASE WHEN m.place IS NULL THEN e.lat ELSE m.lat END,"
        " CASE WHEN m.place IS NULL THEN e.lon ELSE m.lon END, m.confidence, coalesce(m.story, a.story, "
        "a.hash)"
        " FROM events e JOIN mentions m ON m.event = e.id JOIN articles a ON a.rowid = m.article"
        " WHERE e.date = ?1 AND e.source = ?2 AND e.target = ?3 AND e.code = ?4",
    [MERGE_KEY_EVENTS] = "SELECT id, place FROM events WHERE date = ?1 AND source = ?2"
                         " AND target = ?3 AND code = ?4 ORDER BY id + 0",
    [MERGE_NEW_EVENT] = "INSERT INTO events(date, source, target, code, root, quad, goldstein, place)"
                        " SELECT date, source, target, code, root, quad, goldstein, ?2 FROM events"
                        " WHERE id = ?1 AND date = ?3 RETURNING id",
    [MERGE_SET_EVENT] = "UPDATE events SET place = ?2, country = ?3, lat = ?4, lon = ?5,"
                        " place_kind = ?6, num_mentions = ?7, num_articles = ?8, num_sources = ?9,"
                        " confidence = ?10 WHERE id = ?1 AND date = ?11",
    [MERGE_MOVE_MENTION] = "UPDATE mentions SET event = ?2 WHERE id = ?1",
    [MERGE_CLEAR_SOURCES] = "DELETE FROM event_sources WHERE event = ?1",
    [MERGE_PUT_SOURCE] =
        "INSERT INTO event_sources(event, source) VALUES(?1, ?2) ON CONFLICT DO NOTHING",
    [MERGE_DROP_EVENT] = "DELETE FROM events WHERE id = ?1 AND date = ?2",
    [MERGE_ARTICLE_KEYS] = "SELECT DISTINCT e.date, e.source, e.target, e.code FROM mentions m"
                           " JOIN events e ON e.id = m.event WHERE m.article = ?1",
    [MERGE_DROP_MENTIONS] = "DELETE FROM mentions WHERE article = ?1",
    [MERGE_DROP_FIGURES] = "DELETE FROM figures WHERE article = ?1",
    [MERGE_DROP_SENTENCES] = "DELETE FROM sentences WHERE article = ?1",
    [MERGE_DROP_ARTICLE] = "DELETE FROM articles WHERE rowid = ?1",
    [MERGE_DROP_BANDS] = "DELETE FROM article_bands WHERE article = ?1",
    [MERGE_COPY_CANDIDATES] =
        "SELECT coalesce(a.story, a.hash), a.minhash FROM (SELECT DISTINCT article FROM"
        " (SELECT article FROM article_bands WHERE key IN (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10,"
        " ?11, ?12, ?13, ?14, ?15, ?16) LIMIT 32) b0) b JOIN articles a ON a.rowid = b.article"
        " ORDER BY a.rowid",
    [MERGE_PUT_BANDS] = "INSERT INTO article_bands(key, article) VALUES (?1, ?17), (?2, ?17), (?3, ?17),"
                        " (?4, ?17), (?5, ?17), (?6, ?17), (?7, ?17), (?8, ?17), (?9, ?17), (?10, ?17),"
                        " (?11, ?17), (?12, ?17), (?13, ?17), (?14, ?17), (?15, ?17), (?16, ?17)",
    [MERGE_GET_NOTE] = "SELECT value FROM dyad_meta WHERE key = ?1",
    [MERGE_PUT_NOTE] = "INSERT INTO dyad_meta(key, value) VALUES (?1, ?2)"
                       " ON CONFLICT(key) DO UPDATE SET value = excluded.value",
};

static char *dup_val(const char *v) {
    v = v ? v : "";
    size_t n = strlen(v) + 1;
    char *d = malloc(n);
    if (d) memcpy(d, v, n);
    return d;
}

/* A key's reports and events as read back. */
typedef struct key_rows {
    merge_mention *m;
    size_t n, cap;
    merge_event *ev;
    size_t nev, evcap;
    int bad;
} key_rows;

static int mention_row(void *ud, int ncols, const char *const *v) {
    key_rows *k = ud;
    if (ncols < 11 || k->bad) return 1;
    void *g = k->m;
    if (grow_array(&g, &k->cap, k->n, sizeof *k->m) != 0) return k->bad = 1;
    k->m = g;
    merge_mention *x = &k->m[k->n++];
    *x = (merge_mention){.id = strtoll(v[0], NULL, 10),
                         .event = strtoll(v[1], NULL, 10),
                         .article = strtoll(v[2], NULL, 10),
                         .source = dup_val(v[3]),
                         .story = dup_val(v[10]),
                         .place = dup_val(v[4]),
                         .country = dup_val(v[5]),
                         .kind = dup_val(v[6])};
    x->has_ll = v[7] && v[8];
    x->lat = x->has_ll ? strtod(v[7], NULL) : 0;
    x->lon = x->has_ll ? strtod(v[8], NULL) : 0;
    x->has_conf = v[9] != NULL;
    x->confidence = v[9] ? strtod(v[9], NULL) : 0;
    k->bad = !x->source || !x->story || !x->place || !x->country || !x->kind;
    return k->bad;
}

static int event_row(void *ud, int ncols, const char *const *v) {
    key_rows *k = ud;
    if (ncols < 2 || k->bad) return 1;
    void *g = k->ev;
    if (grow_array(&g, &k->evcap, k->nev, sizeof *k->ev) != 0) return k->bad = 1;
    k->ev = g;
    k->ev[k->nev] = (merge_event){strtoll(v[0], NULL, 10), dup_val(v[1])};
    return k->bad = !k->ev[k->nev++].place;
}

static int id_row(void *ud, int ncols, const char *const *v) {
    if (ncols > 0 && v[0]) *(int64_t *)ud = strtoll(v[0], NULL, 10);
    return 0;
}

static const char *num(char buf[24], long long v) {
    snprintf(buf, 24, "%lld", v);
    return buf;
}

static const char *real(char buf[32], double v) {
    snprintf(buf, 32, "%.17g", v);
    return buf;
}

dyad_status merge_key(const store_backend *be, void *impl, const char *const key[4], dyad_error *err) {
    key_rows k = {0};
    dyad_status st = be->run(impl, MERGE_KEY_MENTIONS, 4, key, mention_row, &k, err);
    if (st == DYAD_OK) st = be->run(impl, MERGE_KEY_EVENTS, 4, key, event_row, &k, err);
    merge_group *g = malloc((k.n + 1) * sizeof *g);
    char *drop = malloc(k.nev + 1);
    long ng = 0;
    if (st == DYAD_OK && (k.bad || !g || !drop || (ng = merge_plan(k.m, k.n, k.ev, k.nev, g, drop)) < 0))
        st = dyad_fail(err, DYAD_ENOMEM, NULL, 0, "out of memory");
    char a[24], b[24], lat[32], lon[32], conf[32], nm[24], na[24], ns[24];
    for (long i = 0; i < ng && st == DYAD_OK; i++) {
        const merge_mention *w = g[i].where;
        if (g[i].event < 0) {
            const char *v[3] = {num(a, k.ev[0].id), w ? w->place : "", key[0]};
            st = be->run(impl, MERGE_NEW_EVENT, 3, v, id_row, &g[i].event, err);
            if (st != DYAD_OK) break;
        }
        const char *v[11] = {num(a, g[i].event),
                             w ? w->place : "",
                             w ? w->country : "",
                             w && w->has_ll ? real(lat, w->lat) : NULL,
                             w && w->has_ll ? real(lon, w->lon) : NULL,
                             w ? w->kind : "",
                             num(nm, g[i].mentions),
                             num(na, g[i].articles),
                             num(ns, g[i].sources),
                             g[i].has_conf ? real(conf, g[i].confidence) : NULL,
                             key[0]};
        st = be->run(impl, MERGE_SET_EVENT, 11, v, NULL, NULL, err);
        if (st == DYAD_OK) st = be->run(impl, MERGE_CLEAR_SOURCES, 1, v, NULL, NULL, err);
    }
    for (size_t i = 0; i < k.n && st == DYAD_OK; i++) {
        int64_t to = g[k.m[i].group].event;
        const char *v[2] = {num(a, k.m[i].id), num(b, to)};
        if (k.m[i].event != to) st = be->run(impl, MERGE_MOVE_MENTION, 2, v, NULL, NULL, err);
        const char *sv[2] = {num(a, to), k.m[i].source};
        if (st == DYAD_OK) st = be->run(impl, MERGE_PUT_SOURCE, 2, sv, NULL, NULL, err);
    }
    for (size_t j = 0; j < k.nev && st == DYAD_OK; j++) {
        if (!drop[j]) continue;
        const char *v[2] = {num(a, k.ev[j].id), key[0]};
        st = be->run(impl, MERGE_CLEAR_SOURCES, 1, v, NULL, NULL, err);
        if (st == DYAD_OK) st = be->run(impl, MERGE_DROP_EVENT, 2, v, NULL, NULL, err);
    }
    free(g);
    free(drop);
    merge_free(k.m, k.n, k.ev, k.nev);
    return st;
}

/* The keys of an article's reports, as strings of their own. */
typedef struct keys {
    char *(*k)[4];
    size_t n, cap;
    int bad;
} keys;

static int key_row(void *ud, int ncols, const char *const *v) {
    keys *ks = ud;
    if (ncols < 4 || ks->bad) return 1;
    void *g = ks->k;
    if (grow_array(&g, &ks->cap, ks->n, sizeof *ks->k) != 0) return ks->bad = 1;
    ks->k = g;
    for (int i = 0; i < 4; i++) ks->bad |= !(ks->k[ks->n][i] = dup_val(v[i]));
    ks->n++;
    return ks->bad;
}

dyad_status merge_remove_article(const store_backend *be, void *impl, const char *art, dyad_error *err) {
    keys ks = {0};
    const char *v[1] = {art};
    dyad_status st = be->run(impl, MERGE_ARTICLE_KEYS, 1, v, key_row, &ks, err);
    if (st == DYAD_OK && ks.bad) st = dyad_fail(err, DYAD_ENOMEM, NULL, 0, "out of memory");
    static const int drops[] = {MERGE_DROP_MENTIONS, MERGE_DROP_FIGURES, MERGE_DROP_SENTENCES,
                                MERGE_DROP_BANDS, MERGE_DROP_ARTICLE};
    for (size_t i = 0; i < sizeof drops / sizeof drops[0] && st == DYAD_OK; i++)
        st = be->run(impl, drops[i], 1, v, NULL, NULL, err);
    for (size_t i = 0; i < ks.n && st == DYAD_OK; i++)
        st = merge_key(be, impl, (const char *const *)ks.k[i], err);
    for (size_t i = 0; i < ks.n; i++)
        for (int j = 0; j < 4; j++) free(ks.k[i][j]);
    free(ks.k);
    return st;
}

/* 1 for a lower-case hex digit, 0 for any other byte. */
static const unsigned char HEX[256] = {
    ['0'] = 1, ['1'] = 1, ['2'] = 1, ['3'] = 1, ['4'] = 1, ['5'] = 1, ['6'] = 1, ['7'] = 1,
    ['8'] = 1, ['9'] = 1, ['a'] = 1, ['b'] = 1, ['c'] = 1, ['d'] = 1, ['e'] = 1, ['f'] = 1,
};

int merge_copy_row(void *ud, int ncols, const char *const *v) {
    merge_copy *c = ud;
    if (ncols < 2 || !v[0] || !v[1] || strlen(v[1]) != MINHASH_N * 8) return 0;
    /* minhash_similarity on the hex: a slot written alike is the same
     * value, one that differs is checked to be hex */
    int same = 0;
    for (int k = 0; k < MINHASH_N * 8; k += 8) {
        if (!memcmp(v[1] + k, c->sighex + k, 8)) {
            same++;
            continue;
        }
        for (int j = 0; j < 8; j++)
            if (!HEX[(unsigned char)v[1][k + j]]) return 0; /* not a signature: passed over */
    }
    double sim = (double)same / MINHASH_N;
    if (sim >= MINHASH_NEAR && sim > c->best && strlen(v[0]) < sizeof c->story) {
        c->best = sim;
        strcpy(c->story, v[0]);
    }
    return 0;
}

int merge_copy_keys(const dyad_article *a, const char *hash, merge_copy *c) {
    snprintf(c->story, sizeof c->story, "%s", hash);
    c->sig = NULL;
    c->best = -1;
    if (minhash(a->text, a->text_len, c->sigv) < MINHASH_MIN_WORDS) return 0;
    for (int k = 0; k < MINHASH_N; k++) /* %08x each */
        for (int j = 0; j < 8; j++)
            c->sighex[8 * k + j] = "0123456789abcdef"[c->sigv[k] >> (28 - 4 * j) & 15];
    c->sighex[8 * MINHASH_N] = '\0';
    for (int k = 0; k < MINHASH_BANDS; k++) {
        snprintf(c->band[k], sizeof c->band[k], "%lld", (long long)minhash_band(c->sigv, k));
        c->bandv[k] = c->band[k];
    }
    c->sig = c->sighex;
    return 1;
}

int merge_article_keys(const dyad_article *a, const dyad_doc *d, char hash[33], merge_copy *c) {
    const merge_keys *k = d ? d->keys : NULL;
    if (!k) {
        dyad_text_hash(a->text, a->text_len, hash);
        return merge_copy_keys(a, hash, c);
    }
    memcpy(hash, k->hash, sizeof k->hash);
    *c = k->copy; /* its pointers into itself made to point into c */
    c->sig = k->copy.sig ? c->sighex : NULL;
    for (int i = 0; i < MINHASH_BANDS; i++) c->bandv[i] = c->band[i];
    return c->sig != NULL;
}

dyad_status merge_find_copy(const store_backend *be, void *impl, const char *hash, merge_copy *c,
                            dyad_error *err) {
    snprintf(c->story, sizeof c->story, "%s", hash);
    c->best = -1;
    if (!c->sig) return DYAD_OK;
    return be->run(impl, MERGE_COPY_CANDIDATES, MINHASH_BANDS, c->bandv, merge_copy_row, c, err);
}

dyad_status merge_put_bands(const store_backend *be, void *impl, const char *art, const merge_copy *c,
                            dyad_error *err) {
    if (!c->sig) return DYAD_OK;
    const char *v[MINHASH_BANDS + 1];
    for (int k = 0; k < MINHASH_BANDS; k++) v[k] = c->band[k];
    v[MINHASH_BANDS] = art;
    return be->run(impl, MERGE_PUT_BANDS, MINHASH_BANDS + 1, v, NULL, NULL, err);
}
