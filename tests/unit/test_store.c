/* test_store.c -- the SQLite event store: storing, re-storing, merging the
 * same event from two articles, queries and their errors, stats. */
#define _DEFAULT_SOURCE /* mkdtemp */
#include "testutil.h"

#include <math.h>
#include <unistd.h>

#include "ctx.h"
#include "store/merge.h"

/* (the Wikidata id is made up for the test) */
static const char ACTORS[] =
    "QATAR_ [QAT]\n+DOHA_\n@wikidata Q999999999\nBLINKEN_ [USAGOV]\nISRAEL_ [ISR]\n"
    "ISRAELI_ARMY_ [ISRMIL]\nGAZA_ [PSE]\nSOMALIA_ [SOM]\n";
static const char AGENTS[] = "SOLDIERS_ [~MIL]\nPIRATES_ [~CRM]\nCIVILIANS_ [~CVL]\n";
static const char VERBS[] = "--- VISIT [042] ---\nVISIT\n- * + [042]\n\n--- ATTACK [190] ---\nATTACK\n";

static dyad_ctx *ctx;
static char dir[64], db[96];

static int setup(void **s) {
    (void)s;
    assert_int_equal(dyad_ctx_new(&ctx, NULL), DYAD_OK);
    assert_int_equal(
        ctx_load_buffer(ctx, DYAD_DICT_ACTORS, "a", ACTORS, strlen(ACTORS), NULL, NULL, NULL), DYAD_OK);
    assert_int_equal(ctx_load_buffer(ctx, DYAD_DICT_VERBS, "v", VERBS, strlen(VERBS), NULL, NULL, NULL),
                     DYAD_OK);
    assert_int_equal(
        ctx_load_buffer(ctx, DYAD_DICT_AGENTS, "g", AGENTS, strlen(AGENTS), NULL, NULL, NULL), DYAD_OK);
    assert_int_equal(dyad_ctx_finish(ctx, NULL), DYAD_OK);
    snprintf(dir, sizeof dir, "/tmp/dyad-store-XXXXXX");
    assert_non_null(mkdtemp(dir));
    snprintf(db, sizeof db, "%s/t.db", dir);
    return 0;
}

static int teardown(void **s) {
    (void)s;
    dyad_ctx_free(ctx);
    char p[128];
    const char *suffix[] = {"", "-wal", "-shm"};
    for (int i = 0; i < 3; i++) {
        snprintf(p, sizeof p, "%s%s", db, suffix[i]);
        unlink(p);
    }
    rmdir(dir);
    return 0;
}

/* Whether put has the text's hash and signature computed ahead, as a
 * coding thread does (dyad_doc_prepare_store). */
static int prepare_keys;

static int put(dyad_store *s, const char *id, const char *date, const char *source, const char *text) {
    dyad_article a;
    memset(&a, 0, sizeof a);
    a.id = id;
    a.date = date;
    a.source = source;
    a.title = a.url = "";
    a.file = "t";
    a.text = text;
    a.text_len = strlen(text);
    dyad_doc *d;
    assert_int_equal(dyad_code(ctx, &a, &d, NULL), DYAD_OK);
    if (prepare_keys) assert_int_equal(dyad_doc_prepare_store(d, &a, NULL), DYAD_OK);
    int added = -1;
    assert_int_equal(dyad_store_put(s, &a, d, &added, NULL), DYAD_OK);
    dyad_doc_free(d);
    return added;
}

/* The test store, opened, in a transaction. */
static dyad_store *open_begun(void) {
    dyad_store *st;
    assert_int_equal(dyad_store_open(&st, db, NULL), DYAD_OK);
    assert_int_equal(dyad_store_begin(st, NULL), DYAD_OK);
    return st;
}

typedef struct rows {
    int n;
    char last[256];
    int mentions, sources, articles;
} rows;

static int collect(void *ud, const dyad_stored_event *e) {
    rows *r = ud;
    r->n++;
    snprintf(r->last, sizeof r->last, "%s|%s|%s|%s", e->date, e->source, e->target, e->code);
    r->mentions = e->num_mentions;
    r->sources = e->num_sources;
    r->articles = e->num_articles;
    return 0;
}

static void store_merge_and_query(void **s) {
    (void)s;
    dyad_store *st = open_begun();
    assert_int_equal(put(st, "a1", "2024-08-20", "wire-a", "Blinken visited Doha on Tuesday."), 1);
    assert_int_equal(put(st, "a2", "2024-10-24", "wire-b", "Blinken had visited Qatar on August 20."),
                     1);
    assert_int_equal(put(st, "a3", "2024-10-25", "wire-b", "Israel attacked Qatar."), 1);
    /* same id, or same text under another id: nothing changes */
    assert_int_equal(put(st, "a1", "2024-08-20", "wire-a", "Some other text."), 0);
    assert_int_equal(put(st, "a9", "2024-08-20", "wire-c", "Blinken visited Doha on Tuesday."), 0);
    assert_int_equal(dyad_store_commit(st, NULL), DYAD_OK);
    rows r = {0};
    dyad_query q = {.actor = "USA"};
    assert_int_equal(dyad_store_query(st, &q, collect, &r, NULL), DYAD_OK);
    assert_int_equal(r.n, 1); /* the two reports are one event */
    assert_string_equal(r.last, "2024-08-20|USAGOV|QAT|042");
    assert_int_equal(r.mentions, 2);
    assert_int_equal(r.articles, 2);
    assert_int_equal(r.sources, 2);
    memset(&r, 0, sizeof r);
    dyad_query q2 = {.code = "19", .from = "2024-10-01", .to = "2024-12-31"};
    assert_int_equal(dyad_store_query(st, &q2, collect, &r, NULL), DYAD_OK);
    assert_int_equal(r.n, 1);
    assert_string_equal(r.last, "2024-10-25|ISR|QAT|190");
    memset(&r, 0, sizeof r);
    dyad_query q3 = {.text = "Israel"};
    assert_int_equal(dyad_store_query(st, &q3, collect, &r, NULL), DYAD_OK);
    assert_int_equal(r.n, 1);
    memset(&r, 0, sizeof r);
    dyad_query q4 = {.actor = "%"}; /* no actor code: refused, not a LIKE wildcard */
    assert_int_equal(dyad_store_query(st, &q4, collect, &r, NULL), DYAD_EINVAL);
    dyad_query bad = {.from = "2024-13-99x"};
    dyad_error err;
    assert_int_equal(dyad_store_query(st, &bad, collect, &r, &err), DYAD_EINVAL);
    assert_int_equal(strncmp(err.msg, "from: bad date", 14), 0); /* the parameter, not a flag */
    dyad_query q5 = {.actor = "x'); DROP TABLE events; --"};
    assert_int_equal(dyad_store_query(st, &q5, collect, &r, &err), DYAD_EINVAL);
    assert_int_equal(strncmp(err.msg, "actor: ", 7), 0);
    memset(&r, 0, sizeof r);
    assert_int_equal(dyad_store_query(st, NULL, collect, &r, NULL), DYAD_OK);
    assert_int_equal(r.n, 2); /* still there */
    assert_int_equal(dyad_store_stats(st, "fortnight", NULL, NULL, NULL, &err), DYAD_EINVAL);
    dyad_store_close(st);
    /* reopened, the data is there */
    assert_int_equal(dyad_store_open(&st, db, NULL), DYAD_OK);
    memset(&r, 0, sizeof r);
    assert_int_equal(dyad_store_query(st, NULL, collect, &r, NULL), DYAD_OK);
    assert_int_equal(r.n, 2);
    dyad_store_close(st);
}

/* Every event of store st as "date|source|target|code|articles", sorted,
 * joined with ';' into out. */
typedef struct sig {
    char rows[32][96];
    int n;
} sig;

static int collect_sig(void *ud, const dyad_stored_event *e) {
    sig *g = ud;
    if (g->n < 32)
        snprintf(g->rows[g->n++], sizeof g->rows[0], "%s|%s|%s|%s|%d", e->date, e->source, e->target,
                 e->code, e->num_articles);
    return 0;
}

static int cmp_row(const void *a, const void *b) { return strcmp(a, b); }

/* An SQLite store takes its articles in batches of the most a batch may
 * hold: each commit costs it pages and a full-text segment. */
static void batch_size(void **state) {
    (void)state;
    dyad_store *st;
    assert_int_equal(dyad_store_open(&st, ":memory:", NULL), DYAD_OK);
    assert_int_equal(dyad_store_batch(st), DYAD_STORE_MAX_BATCH);
    assert_true(DYAD_STORE_MAX_BATCH >= 64);
    dyad_store_close(st);
}

static void store_signature(const char *const *texts, const int *order, int n, char *out, size_t cap) {
    dyad_store *st;
    assert_int_equal(dyad_store_open(&st, ":memory:", NULL), DYAD_OK);
    assert_int_equal(dyad_store_begin(st, NULL), DYAD_OK);
    for (int k = 0; k < n; k++) {
        char id[16], src[16];
        snprintf(id, sizeof id, "m%d", order[k]);
        snprintf(src, sizeof src, "wire-%d", order[k]);
        put(st, id, order[k] == 5 ? "2024-05-07" : "2024-05-06", src, texts[order[k]]);
    }
    assert_int_equal(dyad_store_commit(st, NULL), DYAD_OK);
    sig g;
    memset(&g, 0, sizeof g);
    assert_int_equal(dyad_store_query(st, NULL, collect_sig, &g, NULL), DYAD_OK);
    dyad_store_close(st);
    qsort(g.rows, (size_t)g.n, sizeof g.rows[0], cmp_row);
    out[0] = '\0';
    for (int k = 0; k < g.n; k++) {
        strncat(out, g.rows[k], cap - strlen(out) - 1);
        if (k + 1 < g.n) strncat(out, ";", cap - strlen(out) - 1);
    }
}

/* Reports merge when date, code and actors are the same and the places
 * agree; actors coded at another precision stay apart, so that which
 * reports make one event does not depend on the order they arrive in. */
static void store_merge_order(void **s) {
    (void)s;
    static const char *const texts[] = {
        "Israel attacked Gaza.",
        "Israel attacked Gaza, wire reports say.", /* the same event */
        "The Israeli army attacked Gaza.",         /* another precision: apart */
        "Soldiers attacked Gaza.",                 /* a role alone: apart */
        "Qatar attacked Gaza.",                    /* another actor */
        "Later the Israeli army attacked Gaza.",   /* another day (order 5) */
        "Somalia pirates attacked civilians.",
        "Pirates attacked Gaza civilians.",
    };
    const int fwd[] = {0, 1, 2, 3, 4, 5, 6, 7}, rev[] = {7, 6, 5, 4, 3, 2, 1, 0},
              mix[] = {3, 1, 6, 0, 7, 2, 5, 4};
    char a[2048], b[2048], c[2048];
    store_signature(texts, fwd, 8, a, sizeof a);
    store_signature(texts, rev, 8, b, sizeof b);
    store_signature(texts, mix, 8, c, sizeof c);
    assert_string_equal(a, "2024-05-06|---CRM|PSECVL|190|1;2024-05-06|---MIL|PSE|190|1;"
                           "2024-05-06|ISRMIL|PSE|190|1;2024-05-06|ISR|PSE|190|2;"
                           "2024-05-06|QAT|PSE|190|1;2024-05-06|SOMCRM|---CVL|190|1;"
                           "2024-05-07|ISRMIL|PSE|190|1");
    assert_string_equal(a, b);
    assert_string_equal(a, c);
}

static int count_cb(void *ud, const char *key, long events, long mentions) {
    (void)key;
    long *t = ud;
    t[0] += events;
    t[1] += mentions;
    t[2]++;
    return 0;
}

/* Keeps "KEY:EVENTS" of the first two groups; stops after the second. */
static int week_cb(void *ud, const char *key, long events, long mentions) {
    (void)mentions;
    char(*keys)[16] = ud;
    int i = keys[0][0] ? 1 : 0;
    snprintf(keys[i], 16, "%s:%ld", key, events);
    return i;
}

static void stats(void **s) {
    (void)s;
    dyad_store *st = open_begun();
    put(st, "b1", "2024-08-20", "w", "Blinken visited Doha.");
    put(st, "b2", "2024-08-21", "w", "Israel attacked Qatar.");
    put(st, "b3", "2024-08-26", "w", "Israel attacked Egypt."); /* the Monday after */
    assert_int_equal(dyad_store_commit(st, NULL), DYAD_OK);
    /* ISO weeks, summed from the days: Tuesday and Wednesday one week */
    char keys[2][16] = {"", ""};
    long w[3] = {0};
    assert_int_equal(dyad_store_stats(st, "week", NULL, week_cb, keys, NULL), DYAD_OK);
    assert_string_equal(keys[0], "2024-W34:2");
    assert_string_equal(keys[1], "2024-W35:1");
    assert_int_equal(dyad_store_stats(st, "week", NULL, count_cb, w, NULL), DYAD_OK);
    assert_int_equal(w[0], 3);
    assert_int_equal(w[2], 2);
    long t[3] = {0};
    assert_int_equal(dyad_store_stats(st, "day", NULL, count_cb, t, NULL), DYAD_OK);
    assert_int_equal(t[0], 3);
    assert_int_equal(t[2], 3);
    long u[3] = {0};
    assert_int_equal(dyad_store_stats(st, "root", NULL, count_cb, u, NULL), DYAD_OK);
    assert_int_equal(u[2], 2); /* 04 and 19 */
    dyad_store_close(st);
    dyad_error err;
    assert_int_not_equal(dyad_store_open(&st, "/nonexistent/dir/x.db", &err), DYAD_OK);
    assert_non_null(strstr(err.file, "/nonexistent/dir/x.db"));
}

/* Reading back for the HTTP API: one event with its mentions (offsets
 * within the sentence), one article, search, the day/root series. */
typedef struct readback {
    int events, mentions, articles, series;
    char verb[64], sentence[128], id[32];
    int64_t event;
} readback;

static int rb_event(void *ud, const dyad_stored_event *e) {
    readback *r = ud;
    r->events++;
    r->event = e->id;
    return 0;
}

static int rb_mention(void *ud, const dyad_stored_mention *m) {
    readback *r = ud;
    r->mentions++;
    snprintf(r->sentence, sizeof r->sentence, "%s", m->sentence);
    /* ASCII text: character offsets are byte offsets */
    if (m->verb_start >= 0)
        snprintf(r->verb, sizeof r->verb, "%.*s", (int)(m->verb_end - m->verb_start),
                 m->sentence + m->verb_start);
    return 0;
}

static int rb_article(void *ud, const dyad_stored_article *a) {
    readback *r = ud;
    r->articles++;
    snprintf(r->id, sizeof r->id, "%s", a->id);
    return 0;
}

static int rb_series(void *ud, const char *day, const char *root, long events, long mentions) {
    (void)mentions;
    readback *r = ud;
    if (strlen(day) == 10 && strlen(root) == 2) r->series += (int)events;
    return 0;
}

/* Each event keeps the highest confidence of its mentions; min_confidence
 * filters on it, and a value outside 0..1 is refused. */
typedef struct confs {
    int n;
    double lo, hi;
    int64_t id; /* the last event's */
} confs;

static int conf_rows(void *ud, const dyad_stored_event *e) {
    confs *c = ud;
    c->id = e->id;
    if (c->n++ == 0) c->lo = c->hi = e->confidence;
    if (e->confidence < c->lo) c->lo = e->confidence;
    if (e->confidence > c->hi) c->hi = e->confidence;
    return 0;
}

static int conf_mention(void *ud, const dyad_stored_mention *m) {
    snprintf(ud, 96, "%.2f %s %s %s %s %s", m->confidence, m->source_basis, m->target_basis,
             m->source_name, m->target_name, m->target_wikidata);
    return 0;
}

static void confidence(void **s) {
    (void)s;
    dyad_store *st = open_begun();
    /* a place as target (0.75), a role alone (0.45); then the same attack
     * on Gaza itself (0.8), and a visit read through a pattern (0.9) */
    put(st, "a1", "2024-01-02", "wire", "Israel attacked targets in Gaza. Soldiers attacked Gaza.");
    put(st, "a2", "2024-01-02", "wire", "Israel attacked Gaza.");
    put(st, "a3", "2024-01-03", "wire", "Blinken visited Qatar.");
    assert_int_equal(dyad_store_commit(st, NULL), DYAD_OK);
    confs all = {0}, sure = {0}, high = {0}, top = {0};
    dyad_query q;
    memset(&q, 0, sizeof q);
    assert_int_equal(dyad_store_query(st, &q, conf_rows, &all, NULL), DYAD_OK);
    q.min_confidence = 0.6;
    assert_int_equal(dyad_store_query(st, &q, conf_rows, &sure, NULL), DYAD_OK);
    assert_int_equal(all.n, 3);
    assert_int_equal(sure.n, 2);
    assert_true(all.lo > 0.44 && all.lo < 0.46);
    /* the attack holds the higher of its mentions' confidences */
    q.min_confidence = 0.78;
    assert_int_equal(dyad_store_query(st, &q, conf_rows, &high, NULL), DYAD_OK);
    assert_int_equal(high.n, 2);
    assert_true(high.lo > 0.79 && high.lo < 0.81 && high.hi > 0.89 && high.hi < 0.91);
    q.min_confidence = 0.85;
    assert_int_equal(dyad_store_query(st, &q, conf_rows, &top, NULL), DYAD_OK);
    assert_int_equal(top.n, 1);
    /* its mention keeps its own confidence and how its actors were found */
    char basis[96] = "";
    int found = 0;
    assert_int_equal(dyad_store_event(st, top.id, NULL, conf_mention, basis, &found, NULL), DYAD_OK);
    assert_int_equal(found, 1);
    assert_string_equal(basis, "0.90 dictionary dictionary BLINKEN QATAR Q999999999");
    q.min_confidence = 1.5;
    dyad_error err;
    assert_int_equal(dyad_store_query(st, &q, conf_rows, &top, &err), DYAD_EINVAL);
    assert_non_null(strstr(err.msg, "min_confidence"));
    dyad_store_close(st);
}

static void read_back(void **s) {
    (void)s;
    dyad_store *st = open_begun();
    put(st, "c1", "2024-08-20", "w", "Rain fell. Blinken visited Doha on Tuesday.");
    put(st, "c2", "2024-08-20", "v", "Blinken visited Doha.");
    put(st, "c3", "2024-08-21", "w", "Israel attacked Qatar.");
    assert_int_equal(dyad_store_commit(st, NULL), DYAD_OK);
    readback r = {0};
    dyad_query q = {.actor = "USAGOV"};
    assert_int_equal(dyad_store_query(st, &q, rb_event, &r, NULL), DYAD_OK);
    assert_int_equal(r.events, 1);
    int found = 0;
    int64_t id = r.event;
    memset(&r, 0, sizeof r);
    assert_int_equal(dyad_store_event(st, id, rb_event, rb_mention, &r, &found, NULL), DYAD_OK);
    assert_int_equal(found, 1);
    assert_int_equal(r.mentions, 2);
    assert_string_equal(r.verb, "visited");
    assert_int_equal(dyad_store_event(st, 424242, rb_event, rb_mention, &r, &found, NULL), DYAD_OK);
    assert_int_equal(found, 0);
    memset(&r, 0, sizeof r);
    assert_int_equal(dyad_store_article(st, "c1", rb_article, rb_mention, &r, &found, NULL), DYAD_OK);
    assert_int_equal(found, 1);
    assert_int_equal(r.articles, 1);
    assert_int_equal(r.mentions, 1);
    assert_string_equal(r.sentence, "Blinken visited Doha on Tuesday.");
    assert_string_equal(r.verb, "visited");
    assert_int_equal(dyad_store_article(st, "nope", rb_article, rb_mention, &r, &found, NULL), DYAD_OK);
    assert_int_equal(found, 0);
    memset(&r, 0, sizeof r);
    assert_int_equal(dyad_store_search(st, "Israel", 10, rb_article, &r, NULL), DYAD_OK);
    assert_int_equal(r.articles, 1);
    assert_string_equal(r.id, "c3");
    dyad_error err;
    assert_int_equal(dyad_store_search(st, "\"unbalanced", 10, rb_article, &r, &err), DYAD_EINVAL);
    memset(&r, 0, sizeof r);
    assert_int_equal(dyad_store_series(st, NULL, rb_series, &r, NULL), DYAD_OK);
    assert_int_equal(r.series, 2);
    dyad_query bad = {.to = "tomorrow"};
    assert_int_equal(dyad_store_series(st, &bad, rb_series, &r, &err), DYAD_EINVAL);
    dyad_store_close(st);
}

/* The merge rule on its own (merge.c): one event per place; a country
 * joins its most reported place, a report without a place the most
 * reported event; stored events keep their place, then the rest in order;
 * and the same plan whatever order the reports come in. */
/* Whether an article would change nothing, asked before coding it:
 * dyad_store_stored agrees with what dyad_store_put then does. */
static int stored(dyad_store *s, const char *id, const char *date, const char *text) {
    dyad_article a;
    memset(&a, 0, sizeof a);
    a.id = id;
    a.date = date;
    a.source = a.title = a.url = "";
    a.file = "t";
    a.text = text;
    a.text_len = strlen(text);
    int kept = -1;
    assert_int_equal(dyad_store_stored(s, &a, &kept, NULL), DYAD_OK);
    return kept;
}

/* A store opened for reading: a missing file is an error naming it and is
 * not made; a file that is no store is refused; a store is read, and
 * writing to it fails. */
static void read_only(void **state) {
    (void)state;
    dyad_store *st = NULL;
    dyad_error err;
    assert_int_equal(dyad_store_open_mode(&st, db, DYAD_STORE_READONLY, &err), DYAD_EIO);
    assert_null(st);
    assert_non_null(strstr(err.file, "t.db"));
    assert_int_equal(access(db, F_OK), -1);
    FILE *f = fopen(db, "w");
    assert_non_null(f);
    fclose(f);
    assert_int_equal(dyad_store_open_mode(&st, db, DYAD_STORE_READONLY, &err), DYAD_EDB);
    assert_non_null(strstr(err.msg, "not a Dyad store"));
    assert_int_equal(dyad_store_open(&st, db, NULL), DYAD_OK); /* makes it a store */
    assert_int_equal(dyad_store_begin(st, NULL), DYAD_OK);
    assert_int_equal(put(st, "r1", "2024-05-02", "W", "Israel attacked Gaza."), 1);
    assert_int_equal(dyad_store_commit(st, NULL), DYAD_OK);
    dyad_store_close(st);
    assert_int_equal(dyad_store_open_mode(&st, db, DYAD_STORE_READONLY, &err), DYAD_OK);
    rows r = {0};
    assert_int_equal(dyad_store_query(st, NULL, collect, &r, NULL), DYAD_OK);
    assert_int_equal(r.n, 1);
    dyad_status began = dyad_store_begin(st, NULL);
    dyad_article a;
    memset(&a, 0, sizeof a);
    a.id = "r2";
    a.date = "2024-05-03";
    a.source = a.title = a.url = "";
    a.file = "t";
    a.text = "Israel attacked Qatar.";
    a.text_len = strlen(a.text);
    dyad_doc *d;
    assert_int_equal(dyad_code(ctx, &a, &d, NULL), DYAD_OK);
    int added;
    dyad_status put_st = began == DYAD_OK ? dyad_store_put(st, &a, d, &added, NULL) : began;
    if (put_st == DYAD_OK) put_st = dyad_store_commit(st, NULL);
    assert_int_equal(put_st, DYAD_EDB);
    dyad_doc_free(d);
    dyad_store_close(st);
}

static void stored_before_coding(void **state) {
    (void)state;
    dyad_store *st = open_begun();
    const char *t1 = "Israeli troops killed three people in Gaza.";
    assert_int_equal(stored(st, "k1", "2024-05-02", t1), 0);
    assert_int_equal(put(st, "k1", "2024-05-02", "W", t1), 1);
    /* the same id, or the same text under another id, dated the same or
     * later: stored already, and putting it changes nothing */
    assert_int_equal(stored(st, "k1", "2024-05-02", t1), 1);
    assert_int_equal(stored(st, "k9", "2024-05-03", t1), 1);
    assert_int_equal(put(st, "k9", "2024-05-03", "W", t1), 0);
    /* an earlier copy is not: it takes the stored one's place */
    assert_int_equal(stored(st, "k8", "2024-05-01", t1), 0);
    assert_int_equal(put(st, "k8", "2024-05-01", "W", t1), 2);
    /* another text under a new id is new */
    assert_int_equal(stored(st, "k7", "2024-05-02", "Hamas fighters attacked Israeli soldiers."), 0);
    assert_int_equal(dyad_store_commit(st, NULL), DYAD_OK);
    dyad_store_close(st);
}

/* Copies of one wire story (another dateline, the last paragraph cut) are
 * one article to NumArticles, in whichever order they come; another
 * report of the same event is another article. */
static void story_copies(void **state) {
    (void)state;
    static const char *wire =
        "Blinken visited Doha on Tuesday. The top American diplomat met the emir and the prime "
        "minister of Qatar to press for a ceasefire in Gaza and the release of the hostages held "
        "there, officials said. Talks are expected to continue in Cairo later this week with "
        "Egyptian and Qatari mediators, according to two people familiar with the matter.\n\n"
        "The war began in October after an attack on southern Israel.";
    char copy[1024];
    snprintf(copy, sizeof copy, "DOHA, Qatar (AP) - %.*s", (int)(strrchr(wire, '\n') - wire - 1), wire);
    static const char *other =
        "Blinken visited Doha on Tuesday, his ninth trip to the region since the war began. In "
        "remarks to reporters before boarding his plane he said a deal was within reach but that "
        "both sides had to make hard choices, and he urged the leaders to seize what could be the "
        "last chance for an agreement this year.";
    /* copies found alike whether their keys were computed ahead or not */
    for (int order = 0; order < 4; order++) {
        prepare_keys = order >= 2;
        dyad_store *st = open_begun();
        if (order % 2 == 0) {
            assert_int_equal(put(st, "w1", "2024-08-20", "wire-a", wire), 1);
            assert_int_equal(put(st, "w2", "2024-08-20", "site-b", copy), 1);
        } else {
            assert_int_equal(put(st, "w2", "2024-08-20", "site-b", copy), 1);
            assert_int_equal(put(st, "w1", "2024-08-20", "wire-a", wire), 1);
        }
        assert_int_equal(dyad_store_commit(st, NULL), DYAD_OK);
        rows r = {0};
        dyad_query q = {.actor = "USA", .code = "042"};
        assert_int_equal(dyad_store_query(st, &q, collect, &r, NULL), DYAD_OK);
        assert_int_equal(r.n, 1);
        assert_int_equal(r.mentions, 2);
        assert_int_equal(r.sources, 2);
        assert_int_equal(r.articles, 1); /* one story */
        assert_int_equal(dyad_store_begin(st, NULL), DYAD_OK);
        assert_int_equal(put(st, "w3", "2024-08-20", "site-c", other), 1);
        assert_int_equal(dyad_store_commit(st, NULL), DYAD_OK);
        memset(&r, 0, sizeof r);
        assert_int_equal(dyad_store_query(st, &q, collect, &r, NULL), DYAD_OK);
        assert_int_equal(r.mentions, 3);
        assert_int_equal(r.articles, 2); /* another report */
        assert_int_equal(dyad_store_begin(st, NULL), DYAD_OK);
        assert_int_equal(put(st, "w1", "2024-08-20", "wire-a", wire), 0); /* stored already */
        assert_int_equal(dyad_store_commit(st, NULL), DYAD_OK);
        dyad_store_close(st);
        teardown(NULL);
        setup(NULL);
    }
    prepare_keys = 0;
}

static void merge_rule(void **state) {
    (void)state;
    const merge_mention base[] = {
        {.id = 1,
         .article = 1,
         .story = "s1",
         .source = "A",
         .place = "Rafah",
         .country = "PSE",
         .kind = "city"},
        {.id = 2,
         .article = 2,
         .story = "s2",
         .source = "B",
         .place = "Khan Younis",
         .country = "PSE",
         .kind = "city"},
        {.id = 3,
         .article = 3,
         .story = "s3",
         .source = "A",
         .place = "Rafah",
         .country = "PSE",
         .kind = "city"},
        {.id = 4,
         .article = 4,
         .story = "s4",
         .source = "C",
         .place = "Palestine",
         .country = "PSE",
         .kind = "country"},
        {.id = 5, .article = 5, .story = "s5", .source = "D", .place = "", .country = "", .kind = ""},
        {.id = 6,
         .article = 5,
         .story = "s5",
         .source = "D",
         .place = "Lebanon",
         .country = "LBN",
         .kind = "country"},
    };
    const merge_event ev[] = {{10, "Rafah"}, {11, "Gaza"}};
    const size_t n = sizeof base / sizeof base[0];
    static const int orders[][6] = {{0, 1, 2, 3, 4, 5}, {5, 4, 3, 2, 1, 0}, {3, 0, 5, 1, 4, 2}};
    for (size_t o = 0; o < sizeof orders / sizeof orders[0]; o++) {
        merge_mention m[6];
        for (size_t i = 0; i < n; i++) m[i] = base[orders[o][i]];
        merge_group g[6];
        char drop[2];
        assert_int_equal(merge_plan(m, n, ev, 2, g, drop), 3);
        /* groups in name order: Khan Younis, Lebanon, Rafah */
        assert_string_equal(g[0].where->place, "Khan Younis");
        assert_string_equal(g[1].where->place, "Lebanon");
        assert_string_equal(g[2].where->place, "Rafah");
        assert_int_equal(g[0].mentions, 1);
        assert_int_equal(g[1].mentions, 1);
        assert_int_equal(g[2].mentions, 4); /* two in Rafah, Palestine's, the unplaced one */
        assert_int_equal(g[2].articles, 4);
        assert_int_equal(g[2].sources, 3); /* A, C, D */
        assert_int_equal(g[2].event, 10);  /* the stored event in Rafah */
        assert_int_equal(g[0].event, 11);  /* the other stored event, reused */
        assert_int_equal(g[1].event, -1);  /* a new one */
        assert_int_equal(drop[0] + drop[1], 0);
        for (size_t i = 0; i < n; i++)
            if (m[i].id == 4 || m[i].id == 5) assert_int_equal(m[i].group, 2);
    }
    /* a key whose reports are gone drops its events */
    merge_group g[1];
    char drop[2];
    assert_int_equal(merge_plan(NULL, 0, ev, 2, g, drop), 0);
    assert_int_equal(drop[0] + drop[1], 2);
}

/* The one JSON of stored records (query, figures, the API): the record
 * and schema first, numbers with their decimals, every field present and
 * what is unknown null (never ""), the first mention's fields null when
 * there is none. */
static void stored_json(void **state) {
    (void)state;
    dyad_stored_event e = {.id = 7,
                           .date = "2024-08-20",
                           .source = "USAGOV",
                           .target = "QAT",
                           .code = "042",
                           .root = "04",
                           .quad = 1,
                           .goldstein = 1.9,
                           .num_mentions = 2,
                           .num_sources = 2,
                           .num_articles = 2,
                           .article = "",
                           .place = "",
                           .country = "",
                           .lat = NAN,
                           .lon = NAN,
                           .confidence = NAN};
    char *t = dyad_stored_event_json(&e);
    assert_non_null(t);
    assert_non_null(strstr(t, "{\"record\":\"event\",\"schema\":1,\"id\":7,\"article\":null,"
                              "\"sentence\":null,\"sentence_text\":null,\"date\":\"2024-08-20\","
                              "\"date_precision\":null,\"source\":\"USAGOV\""));
    assert_non_null(strstr(t, "\"code_name\":\"Make a visit\""));
    assert_non_null(strstr(t, "\"goldstein\":1.9,\"confidence\":null,\"num_mentions\":2,"));
    assert_non_null(strstr(t,
                           "\"place\":null,\"place_country\":null,\"place_lat\":null,\"place_lon\":null,"
                           "\"place_kind\":null,\"place_admin1\":null,\"place_geonameid\":null,"
                           "\"place_precision\":null,\"place_text\":null,"));
    assert_non_null(strstr(t, "\"source_text\":null,\"source_start\":null,\"source_end\":null,"));
    assert_null(strstr(t, "\"\""));
    free(t);
    e.article = "wire-a";
    e.sentence = e.source_text = e.target_text = e.verb_text = e.url = e.news_source = "";
    e.source_text = "Blinken", e.source_start = 128, e.source_end = 135;
    e.source_name = "UNITED STATES";
    e.target_name = e.source_wikidata = e.target_wikidata = "";
    e.place = "Doha", e.country = "QAT", e.lat = 25.28551, e.lon = 51.531, e.place_kind = "capital";
    e.date_precision = "day";
    e.place_admin1 = "01", e.place_geonameid = 290030, e.place_precision = "city";
    e.rule = "/srv/dyad/dict/cameo.verbs:564";
    t = dyad_stored_event_json(&e);
    assert_non_null(strstr(t, "\"article\":\"wire-a\",\"sentence\":0,\"sentence_text\":null,"));
    assert_non_null(strstr(t, "\"date_precision\":\"day\""));
    assert_non_null(strstr(t, "\"place\":\"Doha\",\"place_country\":\"QAT\",\"place_lat\":25.2855,"
                              "\"place_lon\":51.5310,\"place_kind\":\"capital\",\"place_admin1\":\"01\","
                              "\"place_geonameid\":290030,\"place_precision\":\"city\""));
    assert_non_null(strstr(t, "\"source_name\":\"UNITED STATES\",\"target_name\":null"));
    assert_non_null(strstr(t, "\"source_text\":\"Blinken\",\"source_start\":128,\"source_end\":135,"));
    assert_non_null(strstr(t, "\"rule\":\"cameo.verbs:564\"")); /* not where it is kept */
    assert_null(strstr(t, "\"\""));
    free(t);
    dyad_stored_figure f = {.id = 3,
                            .date = "2024-08-20",
                            .date_text = "",
                            .kind = "killed",
                            .value = 12,
                            .value_max = 12,
                            .qualifier = "",
                            .number = "12",
                            .number_start = -1,
                            .number_end = -1,
                            .victim = "",
                            .victim_code = "",
                            .perpetrator = "",
                            .perpetrator_code = "",
                            .cited = "",
                            .place = "",
                            .country = "",
                            .lat = NAN,
                            .lon = NAN,
                            .article = "a",
                            .news_source = "",
                            .sentence = "Twelve were killed."};
    t = dyad_stored_figure_json(&f);
    assert_non_null(strstr(t, "{\"record\":\"figure\",\"schema\":1,\"id\":3,"));
    assert_non_null(strstr(t, "\"kind\":\"killed\",\"released\":false,\"value\":12,\"value_max\":12"));
    assert_non_null(strstr(t, "\"sentence_text\":\"Twelve were killed.\""));
    assert_non_null(strstr(t, "\"number_text\":\"12\",\"number_start\":null,\"number_end\":null,"));
    assert_null(strstr(t, "\"\""));
    free(t);
}

/* The codes of the events a query gives, in its order, "|"-separated. */
static int codes_of(void *ud, const dyad_stored_event *e) {
    char *out = ud;
    size_t k = strlen(out);
    snprintf(out + k, 512 - k, "%s%s>%s:%s", k ? "|" : "", e->source, e->target, e->code);
    return 0;
}

static const char *run(dyad_store *st, const dyad_query *q, char out[512]) {
    out[0] = '\0';
    dyad_error err;
    if (dyad_store_query(st, q, codes_of, out, &err) != DYAD_OK)
        snprintf(out, 512, "error: %.400s", err.msg);
    return out;
}

/* The rows of one page and the cursor of its last. */
typedef struct pager {
    const dyad_query *q;
    char rows[512];
    int n;
    char last[DYAD_CURSOR_MAX];
} pager;

static int page_rows(void *ud, const dyad_stored_event *e) {
    pager *p = ud;
    codes_of(p->rows, e);
    p->n++;
    dyad_event_cursor(p->q, e, p->last);
    return 0;
}

/* Filters of several values, source and target apart, countries,
 * QuadClasses, Goldstein ranges and the sorts. */
static void list_filters(void **s) {
    (void)s;
    dyad_store *st = open_begun();
    put(st, "f1", "2024-01-01", "w", "Blinken visited Doha.");        /* USAGOV>QAT 042, quad 1, 1.9 */
    put(st, "f2", "2024-01-02", "w", "Israel attacked Qatar.");       /* ISR>QAT 190, quad 4, -10 */
    put(st, "f3", "2024-01-03", "w", "Qatar attacked Somalia.");      /* QAT>SOM 190 */
    put(st, "f4", "2024-01-04", "w", "Somalia visited Israel.");      /* SOM>ISR 042 */
    put(st, "f5", "2024-01-05", "x", "Israel attacked Qatar again."); /* ISR>QAT 190: a second mention */
    put(st, "f6", "2024-01-05", "y", "Israel attacked Qatar.");       /* the same event once more */
    assert_int_equal(dyad_store_commit(st, NULL), DYAD_OK);
    char out[512];
    dyad_query all = {0};
    assert_string_equal(run(st, &all, out),
                        "USAGOV>QAT:042|ISR>QAT:190|QAT>SOM:190|SOM>ISR:042|ISR>QAT:190");
    dyad_query src = {.source = "ISR,SOM"};
    assert_string_equal(run(st, &src, out), "ISR>QAT:190|SOM>ISR:042|ISR>QAT:190");
    dyad_query tgt = {.target = "QAT"};
    assert_string_equal(run(st, &tgt, out), "USAGOV>QAT:042|ISR>QAT:190|ISR>QAT:190");
    dyad_query both = {.source = "ISR", .target = "qat"}; /* case folded */
    assert_string_equal(run(st, &both, out), "ISR>QAT:190|ISR>QAT:190");
    dyad_query either = {.actor = "SOM, USA"}; /* spaces around values */
    assert_string_equal(run(st, &either, out), "USAGOV>QAT:042|QAT>SOM:190|SOM>ISR:042");
    dyad_query codes = {.code = "04,18"};
    assert_string_equal(run(st, &codes, out), "USAGOV>QAT:042|SOM>ISR:042");
    dyad_query country = {.country = "usa"};
    assert_string_equal(run(st, &country, out), "USAGOV>QAT:042");
    dyad_query quad = {.quads = 1 << 1};
    assert_string_equal(run(st, &quad, out), "USAGOV>QAT:042|SOM>ISR:042");
    dyad_query hostile = {.goldstein_range = 1, .goldstein_min = -10, .goldstein_max = -5};
    assert_string_equal(run(st, &hostile, out), "ISR>QAT:190|QAT>SOM:190|ISR>QAT:190");
    dyad_query exact = {.goldstein_range = 1, .goldstein_min = 1.9, .goldstein_max = 1.9};
    assert_string_equal(run(st, &exact, out), "USAGOV>QAT:042|SOM>ISR:042");
    dyad_query newest = {.descending = 1, .limit = 2};
    assert_string_equal(run(st, &newest, out), "ISR>QAT:190|SOM>ISR:042");
    dyad_query most = {.sort = DYAD_SORT_MENTIONS, .descending = 1, .limit = 1};
    assert_string_equal(run(st, &most, out), "ISR>QAT:190");
    /* ties by id, reversed with the sort */
    dyad_query calm = {.sort = DYAD_SORT_GOLDSTEIN, .descending = 1, .code = "19,04"};
    assert_string_equal(run(st, &calm, out),
                        "SOM>ISR:042|USAGOV>QAT:042|ISR>QAT:190|QAT>SOM:190|ISR>QAT:190");
    /* refused, each naming its filter */
    const dyad_query bad[] = {
        {.code = "19,x"},      {.code = "19,"},
        {.country = "US"},     {.source = "IS R"},
        {.quads = 1 << 5},     {.goldstein_range = 1, .goldstein_min = 5, .goldstein_max = 1},
        {.sort = (dyad_sort)7}};
    const char *const names[] = {
        "code: ", "code: ", "country: ", "source: ", "quad: ", "goldstein: ", "sort: "};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        run(st, &bad[i], out);
        assert_int_equal(strncmp(out + 7, names[i], strlen(names[i])), 0);
    }
    /* paged by cursor, two at a time, in every sort and order: the pages
     * make the whole list, and the count is the whole list's */
    for (int sort = 0; sort <= DYAD_SORT_GOLDSTEIN; sort++)
        for (int desc = 0; desc <= 1; desc++) {
            dyad_query whole = {.sort = (dyad_sort)sort, .descending = desc};
            char want[512], got[512] = "", cursor[DYAD_CURSOR_MAX];
            run(st, &whole, want);
            pager pg = {.q = &whole};
            whole.limit = 2;
            for (int page = 0; page < 10; page++) {
                pg.n = 0;
                assert_int_equal(dyad_store_query(st, &whole, page_rows, &pg, NULL), DYAD_OK);
                if (!pg.n) break;
                size_t k = strlen(got);
                if (k) got[k++] = '|';
                memcpy(got + k, pg.rows, strlen(pg.rows) + 1);
                pg.rows[0] = '\0';
                snprintf(cursor, sizeof cursor, "%s", pg.last);
                whole.after = cursor;
            }
            assert_string_equal(got, want);
            long n = 0;
            assert_int_equal(dyad_store_count(st, &whole, &n, NULL), DYAD_OK);
            assert_int_equal(n, 5);
        }
    dyad_query other = {.sort = DYAD_SORT_MENTIONS, .after = "da2024-01-01~1"};
    assert_int_equal(strncmp(run(st, &other, out), "error: cursor: ", 15), 0);
    dyad_query junk = {.after = "da2024-01-01~1 OR 1=1"};
    assert_int_equal(strncmp(run(st, &junk, out), "error: cursor: ", 15), 0);
    long n = 0;
    dyad_query isr = {.source = "ISR"};
    assert_int_equal(dyad_store_count(st, &isr, &n, NULL), DYAD_OK);
    assert_int_equal(n, 2);
    /* figures take none of these */
    dyad_query fq = {.source = "ISR"};
    dyad_error err;
    assert_int_equal(dyad_store_figures(st, &fq, NULL, NULL, &err), DYAD_EINVAL);
    dyad_store_close(st);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(merge_rule),
        cmocka_unit_test(stored_json),
        cmocka_unit_test(batch_size),
        cmocka_unit_test_setup_teardown(store_merge_and_query, setup, teardown),
        cmocka_unit_test_setup_teardown(store_merge_order, setup, teardown),
        cmocka_unit_test_setup_teardown(stats, setup, teardown),
        cmocka_unit_test_setup_teardown(read_back, setup, teardown),
        cmocka_unit_test_setup_teardown(confidence, setup, teardown),
        cmocka_unit_test_setup_teardown(stored_before_coding, setup, teardown),
        cmocka_unit_test_setup_teardown(read_only, setup, teardown),
        cmocka_unit_test_setup_teardown(story_copies, setup, teardown),
        cmocka_unit_test_setup_teardown(list_filters, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
