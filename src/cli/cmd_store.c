/* cmd_store.c -- `dyad ingest` (code articles, on --jobs threads, and
 * store them from one thread in input order), `dyad query` (events with
 * filters, as a table, JSON Lines or CSV), `dyad stats` (counts by day,
 * dyad or root code) and `dyad figures` (casualty figures). */
#include <math.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <json-c/json.h>

#include "cli.h"

/* Articles coded ahead of the one being stored, beside those of the batch
 * (which the store sizes: dyad_store_batch). */
#define AHEAD 128

static int open_store(const char *path, dyad_store_mode mode, dyad_store **s) {
    dyad_error err;
    if (dyad_store_open_mode(s, path, mode, &err) != DYAD_OK) {
        cli_error(&err);
        return -1;
    }
    return 0;
}

/* A batch of coded articles kept until it is committed, so that it can be
 * stored again when the store's connection was lost meanwhile. */
typedef struct kept {
    dyad_article a; /* its strings owned */
    dyad_doc *d;
} kept;

typedef struct batch {
    kept v[DYAD_STORE_MAX_BATCH];
    int n, size;                           /* kept, and how many make a transaction (dyad_store_batch) */
    long added, skipped, replaced, events; /* of the last attempt */
    const char *coder;                     /* the coder to note in the store (dyad_store_note_coder) */
    int noted;                             /* in a committed batch */
} batch;

static char *own(const char *s) { return strdup(s ? s : ""); }

/* Keeps article a and its doc d (taken) in b; -1 when out of memory. */
static int batch_keep(batch *b, const dyad_article *a, dyad_doc *d) {
    kept *k = &b->v[b->n];
    k->a = *a;
    k->a.id = own(a->id);
    k->a.date = own(a->date);
    k->a.source = own(a->source);
    k->a.title = own(a->title);
    k->a.url = own(a->url);
    k->a.file = own(a->file);
    char *t = malloc(a->text_len + 1);
    if (t) {
        memcpy(t, a->text, a->text_len);
        t[a->text_len] = '\0';
    }
    k->a.text = t;
    k->d = d;
    b->n++;
    if (!k->a.id || !k->a.date || !k->a.source || !k->a.title || !k->a.url || !k->a.file || !t)
        return -1;
    return 0;
}

static void batch_clear(batch *b) {
    for (int i = 0; i < b->n; i++) {
        kept *k = &b->v[i];
        free((char *)k->a.id), free((char *)k->a.date), free((char *)k->a.source);
        free((char *)k->a.title), free((char *)k->a.url), free((char *)k->a.file),
            free((char *)k->a.text);
        dyad_doc_free(k->d);
    }
    b->n = 0;
}

/* Stores the batch in one transaction: 0 when committed; -1 when the
 * store's connection was lost (the caller may try again); -2 on another
 * failure (named). An article the store refuses while connected is
 * skipped with its message, as before. Each call on the store holds mu,
 * so that the reading thread can look articles up between them. */
static int batch_store(dyad_store *s, batch *b, pthread_mutex_t *mu) {
    dyad_error err;
    b->added = b->skipped = b->replaced = b->events = 0;
    pthread_mutex_lock(mu);
    dyad_status st = dyad_store_begin(s, &err);
    int up = dyad_store_connected(s);
    pthread_mutex_unlock(mu);
    if (st != DYAD_OK) {
        if (!up) return -1;
        cli_error(&err);
        return -2;
    }
    if (b->coder && !b->noted) { /* what codes into the store, with the first articles */
        pthread_mutex_lock(mu);
        st = dyad_store_note_coder(s, b->coder, &err);
        up = dyad_store_connected(s);
        pthread_mutex_unlock(mu);
        if (st != DYAD_OK && !up) return -1;
        if (st != DYAD_OK) cli_error(&err);
    }
    for (int i = 0; i < b->n; i++) {
        int ok;
        pthread_mutex_lock(mu);
        st = dyad_store_put(s, &b->v[i].a, b->v[i].d, &ok, &err);
        up = dyad_store_connected(s);
        pthread_mutex_unlock(mu);
        if (st != DYAD_OK) {
            if (!up) return -1;
            cli_error(&err); /* this article is skipped, the batch goes on */
        } else if (ok) {
            b->added += ok == 1;
            b->replaced += ok == 2; /* an earlier copy in place of a stored one */
            b->events += (long)dyad_doc_nevents(b->v[i].d);
        } else
            b->skipped++;
    }
    pthread_mutex_lock(mu);
    st = dyad_store_commit(s, &err);
    up = dyad_store_connected(s);
    pthread_mutex_unlock(mu);
    if (st != DYAD_OK) {
        if (!up) return -1;
        cli_error(&err);
        return -2;
    }
    return 0;
}

/* Stores and commits the batch, again after a lost connection (waiting
 * 1, 2, 4, 8 and 16 s: a database server restarting); its counts join the
 * totals, or on failure its articles are counted lost. 0, or -1. */
/* What an ingest stored, counted once committed: a batch that fails to
 * commit stores nothing (lost). */
typedef struct totals {
    long added, skipped, replaced, events, lost;
} totals;

static int batch_commit(dyad_store *s, batch *b, totals *t, pthread_mutex_t *mu) {
    int rc = batch_store(s, b, mu);
    for (int wait = 1; rc == -1 && wait <= 16; wait *= 2) {
        fprintf(stderr,
                "dyad: the connection to the store was lost; storing the batch of %d articles "
                "again in %d s\n",
                b->n, wait);
        sleep((unsigned)wait);
        rc = batch_store(s, b, mu);
    }
    if (rc == -1) fprintf(stderr, "dyad: error: the store cannot be reached; ingest stopped\n");
    if (rc == 0) {
        b->noted = 1;
        t->added += b->added;
        t->skipped += b->skipped;
        t->replaced += b->replaced;
        t->events += b->events;
    } else {
        t->lost += b->n;
    }
    batch_clear(b);
    return rc == 0 ? 0 : -1;
}

/* The options of dyad ingest; files is the caller's, room for argc. */
typedef struct ingest_opts {
    const char *db, *dicts[CLI_MAX_DICTS];
    const char **files;
    int ndicts, nfiles;
    int jobs;  /* coding threads */
    int quiet; /* no warnings, progress or summary printed */
    double min_conf;
    long busy; /* seconds */
} ingest_opts;

enum { ING_DICT = 'd', ING_QUIET = 'q', ING_DB = CLI_LONG, ING_CONF, ING_BUSY, ING_JOBS };

static const cli_opt INGEST_OPTS[] = {
    {ING_DB, "db", "FILE|URI",
     "the store: an SQLite file (default dyad.db, made when missing) or postgresql://..."},
    {ING_DICT, "dict", "PATH", "a dictionary file or directory (repeatable); default: Dyad's own"},
    {ING_CONF, "min-confidence", "X",
     "store no event below confidence X, 0-1 (default 0.6: both sides named)"},
    {ING_BUSY, "busy-timeout", "S",
     "wait up to S seconds for another writer of an SQLite store (default 60)"},
    {ING_JOBS, "jobs", "N",
     "code with N threads (default: the processors online); one stores, in input order"},
    {ING_QUIET, "quiet", NULL, "print no warnings, progress or summary"},
    {0},
};

static int ingest_opt(void *ud, int key, const char *v) {
    ingest_opts *o = ud;
    switch (key) {
    case ING_DB: o->db = v; break;
    case ING_CONF:
        if (cli_confidence(v, &o->min_conf) != 0) return CLI_EXIT_USAGE;
        break;
    case ING_DICT: return cli_add_dict(&cli_ingest, o->dicts, &o->ndicts, v);
    case ING_QUIET: o->quiet = 1; break;
    case ING_JOBS:
        if (parallel_jobs_arg(v, &o->jobs) != 0) return CLI_EXIT_USAGE;
        break;
    case ING_BUSY: {
        char *end;
        o->busy = strtol(v, &end, 10);
        if (*end || end == v || o->busy < 0 || o->busy > 86400)
            return cli_usage_error(&cli_ingest,
                                   "--busy-timeout: '%s' is not a number of seconds (0-86400)", v);
        break;
    }
    }
    return CLI_GO;
}

/* Reads dyad ingest's options and files into o: CLI_GO, or the exit
 * status (0 after --help, 2 after saying what is wrong). */
static int ingest_options(int argc, char **argv, ingest_opts *o) {
    int first, rc = cli_parse(&cli_ingest, argc, argv, ingest_opt, o, &first);
    if (rc != CLI_GO) return rc;
    for (int i = first; i < argc; i++) o->files[o->nfiles++] = argv[i];
    if (!o->nfiles) {
        fputs("dyad: ingest: no input: name a FILE ('-' for standard input)\n", stderr);
        cli_usage(&cli_ingest, stderr);
        return CLI_EXIT_USAGE;
    }
    return CLI_GO;
}

/* What dyad ingest does with the coded articles, in input order. */
typedef struct ingest_run {
    dyad_store *s;
    batch *b;
    totals *t;
    double min_conf;
    cli_warn *w;
    int failed; /* an article could not be coded */
    cli_progress *progress;
    _Atomic long long read; /* bytes read (progress_read), for the progress line */
    long coded, events;
    /* The reading thread looks articles up in the store, the thread that
     * articles are handed back in writes them: one at a time. */
    pthread_mutex_t mu;
    long stored; /* articles the look-up found stored (the reading thread's) */
    /* fingerprints (id, text) of the articles submitted last, whose
     * storing may be under way: a ring of nrecent, the reading thread's */
    uint64_t (*recent)[2];
    size_t nrecent, next;
} ingest_run;

/* FNV-1a of s[0..n): articles alike by chance are only coded again. */
static uint64_t fingerprint(const char *s, size_t n) {
    uint64_t h = 14695981039346656037u;
    for (size_t i = 0; i < n; i++) h = (h ^ (unsigned char)s[i]) * 1099511628211u;
    return h;
}

/* Whether a is a copy (same id or same text) of an article submitted so
 * recently that it may not be stored yet, its fingerprints in fp. The
 * look-up in the store skips only copies of articles stored before (in an
 * earlier run, or long enough ago in this one), so that what is coded, and
 * warned about, does not depend on how far the storing thread has got. */
static int recent_copy(const ingest_run *g, const dyad_article *a, uint64_t fp[2]) {
    fp[0] = fingerprint(a->id ? a->id : "", a->id ? strlen(a->id) : 0);
    fp[1] = fingerprint(a->text, a->text_len);
    for (size_t i = 0; i < g->nrecent; i++)
        if (g->recent[i][0] == fp[0] || g->recent[i][1] == fp[1]) return 1;
    return 0;
}

/* In a coding thread: what storing the article takes from its text alone
 * (when out of memory, the store computes it). */
static void prepare_store(void *ud, parallel_job *j) {
    (void)ud;
    if (j->doc) dyad_doc_prepare_store(j->doc, &j->a, NULL);
}

/* Keeps a coded article in the batch and stores the batch once full; an
 * article that could not be coded is reported and sets failed. 0, or -1
 * (said) when out of memory or a batch was not stored: ingest stops. */
static int ingest_store(void *ud, parallel_job *j) {
    ingest_run *g = ud;
    if (!j->doc) {
        progress_clear(g->progress);
        cli_error(&j->err); /* the others are still stored; the exit says it */
        g->failed = 1;
        return 0;
    }
    cli_doc_warnings(&j->a, j->doc, g->w);
    dyad_doc_keep_confident(j->doc, g->min_conf);
    g->coded++;
    g->events += (long)dyad_doc_nevents(j->doc);
    progress_update_at(g->progress, g->coded, g->events, atomic_load(&g->read));
    int st = batch_keep(g->b, &j->a, j->doc);
    j->doc = NULL; /* the batch's now */
    if (st != 0) {
        fputs("dyad: error: out of memory\n", stderr);
        return -1;
    }
    if (g->b->n == g->b->size && batch_commit(g->s, g->b, g->t, &g->mu) != 0) return -1;
    return 0;
}

/* Codes the articles of one input that are not stored yet with pool p,
 * which stores them (g). 0; 2 when the input cannot be read (said: the
 * next one is read); 1 when the pool stopped. */
static int ingest_file(parallel *p, ingest_run *g, const char *path) {
    dyad_error err;
    dyad_reader *r;
    if (dyad_reader_open(&r, path, DYAD_FMT_AUTO, parallel_warn, p, &err) != DYAD_OK) {
        if (parallel_drain(p) != 0) return 1;
        progress_clear(g->progress);
        cli_error(&err);
        return 2;
    }
    dyad_article a;
    int got, rc = 0;
    while ((got = dyad_reader_next(r, &a, &err)) == 1) {
        if (g->progress->on) atomic_store(&g->read, progress_read(g->progress, r));
        /* what is stored already is not coded again (a failed look-up
         * leaves it to the store's own check) */
        int there = 0;
        uint64_t fp[2];
        if (!recent_copy(g, &a, fp)) {
            pthread_mutex_lock(&g->mu);
            dyad_status st = dyad_store_stored(g->s, &a, &there, &err);
            pthread_mutex_unlock(&g->mu);
            if (st == DYAD_OK && there) {
                g->stored++;
                continue;
            }
        }
        memcpy(g->recent[g->next], fp, sizeof fp[0] * 2);
        g->next = (g->next + 1) % g->nrecent;
        if (parallel_submit(p, &a) != 0) {
            rc = 1;
            break;
        }
    }
    if (!rc && got < 0) { /* the rest of the input cannot be read */
        rc = 1;
        if (parallel_drain(p) == 0) {
            progress_clear(g->progress);
            cli_error(&err);
            rc = 2;
        }
    }
    progress_file_done(g->progress, r);
    atomic_store(&g->read, progress_read(g->progress, NULL));
    dyad_reader_free(r);
    return rc;
}

static int cmd_ingest(int argc, char **argv) {
    ingest_opts o = {.db = "dyad.db",
                     .min_conf = DYAD_MIN_CONFIDENCE,
                     .busy = DYAD_BUSY_MS / 1000,
                     .jobs = parallel_default_jobs(),
                     .files = calloc((size_t)argc + 1, sizeof(const char *))};
    if (!o.files) return 1;
    int go = ingest_options(argc, argv, &o);
    if (go != CLI_GO) {
        free(o.files);
        return go;
    }
    cli_warn w = {0, 0, NULL};
    dyad_ctx *ctx = cli_load_dicts(o.dicts, o.ndicts, &w);
    dyad_store *s = NULL;
    if (!ctx || open_store(o.db, DYAD_STORE_CREATE, &s)) {
        dyad_ctx_free(ctx);
        free(o.files);
        return 1;
    }
    dyad_store_busy(s, (int)o.busy * 1000, cli_warn_cb, &w);
    char coder[160];
    totals t = {0};
    batch *b = calloc(1, sizeof *b);
    if (b) {
        b->coder = cli_coder_line(ctx, coder, sizeof coder);
        b->size = dyad_store_batch(s);
    }
    cli_progress progress;
    progress_start(&progress, o.quiet, o.files, o.nfiles);
    w.quiet = o.quiet; /* from here on: the dictionaries' warnings are said */
    w.progress = &progress;
    ingest_run g = {.s = s, .b = b, .t = &t, .min_conf = o.min_conf, .w = &w, .progress = &progress};
    atomic_init(&g.read, 0);
    pthread_mutex_init(&g.mu, NULL);
    parallel *p = b ? parallel_new(ctx, o.jobs, AHEAD, &w, prepare_store, ingest_store, &g) : NULL;
    if (p) { /* in the pool, in the batch, or being committed */
        g.nrecent = parallel_depth(p) + (size_t)b->size;
        g.recent = calloc(g.nrecent, sizeof *g.recent);
    }
    int rc = p && g.recent ? 0 : 1;
    if (rc) fputs("dyad: error: out of memory\n", stderr);
    int bad_input = 0; /* an input could not be read: said, and the rest stored */
    for (int f = 0; f < o.nfiles && !rc; f++) {
        rc = ingest_file(p, &g, o.files[f]);
        if (rc == 2) bad_input = 1, rc = 0;
    }
    if (bad_input) rc = 1;
    if (p && parallel_drain(p) != 0) rc = 1;
    parallel_free(p);
    free(g.recent);
    t.skipped += g.stored;
    if (b && b->n && batch_commit(s, b, &t, &g.mu) != 0) rc = 1;
    pthread_mutex_destroy(&g.mu);
    if (g.failed) rc = 1;
    if (b) batch_clear(b);
    free(b);
    if (t.lost)
        fprintf(stderr, "dyad: %ld articles of a batch that failed to commit were not stored\n", t.lost);
    char swapped[64] = "";
    if (t.replaced)
        snprintf(swapped, sizeof swapped, " (%ld of them replaced by an earlier copy)", t.replaced);
    progress_clear(&progress);
    if (!o.quiet)
        fprintf(stderr, "dyad: %ld articles stored, %ld already there%s, %ld events, %ld warnings\n",
                t.added, t.skipped + t.replaced, swapped, t.events, w.count);
    dyad_store_close(s);
    dyad_ctx_free(ctx);
    free(o.files);
    return rc;
}

typedef struct qopts {
    const cli_cmd *cmd; /* query, stats or figures */
    const char *db, *format, *by, *sort, *provenance;
    dyad_query q;
    char joined[5][1024]; /* the values of a list filter given more than once */
} qopts;

enum { Q_EVENTS, Q_STATS, Q_FIGURES };

/* The options of the read commands; each command's table lists its own. */
enum {
    Q_DB = CLI_LONG,
    Q_ACTOR,
    Q_CODE,
    Q_FROM,
    Q_TO,
    Q_PLACE,
    Q_TEXT,
    Q_KIND,
    Q_CONF,
    Q_ONE_A_DAY,
    Q_LIMIT,
    Q_FORMAT,
    Q_BY,
    Q_SORT,
    Q_SOURCE,
    Q_TARGET,
    Q_COUNTRY,
    Q_QUAD,
    Q_GOLD_MIN,
    Q_GOLD_MAX,
    Q_ORDER,
    Q_PROVENANCE
};

/* The filters of events that query and stats take (figures do not). */
#define EVENT_FILTERS                                                                                   \
    {Q_ACTOR, "actor", "CODES", "events whose source or target code starts with one of CODES"},         \
        {Q_SOURCE, "source", "CODES", "events whose source code starts with one of CODES"},             \
        {Q_TARGET, "target", "CODES", "events whose target code starts with one of CODES"},             \
        {Q_CODE, "code", "PREFIXES", "events whose CAMEO code starts with one of PREFIXES (19,20)"},    \
        {Q_COUNTRY, "country", "ISO3S", "events whose source's or target's country is one of ISO3S"},   \
        {Q_QUAD, "quad", "1-4", "events of these QuadClasses (3,4)"},                                   \
        {Q_GOLD_MIN, "goldstein-min", "X", "events of Goldstein score X (-10 to 10) or more"},          \
        {Q_GOLD_MAX, "goldstein-max", "X", "events of Goldstein score X (-10 to 10) or less"}, {        \
        Q_CONF, "min-confidence", "X", "events of confidence X (0-1) or more (default: any)"            \
    }

/* The filters every read command takes, after its own options. */
static const cli_opt FILTER_OPTS[] = {
    {Q_FROM, "from", "DATE", "on or after DATE (YYYY-MM-DD)"},
    {Q_TO, "to", "DATE", "on or before DATE (YYYY-MM-DD)"},
    {Q_PLACE, "place", "NAME", "in the place NAME, its country's ISO code, or a country"},
    {Q_TEXT, "text", "WORDS", "whose article matches WORDS (full-text search)"},
    {0},
};

static const cli_opt QUERY_OPTS[] = {
    {Q_DB, "db", "FILE|URI", "the store: an SQLite file (default dyad.db) or postgresql://..."},
    EVENT_FILTERS,
    {Q_ONE_A_DAY, "one-a-day", NULL, "one event per date, dyad and code (GDELT's one-a-day filter)"},
    {Q_SORT, "sort", "date|mentions|goldstein", "the order of events (default date; ties by id)"},
    {Q_ORDER, "order", "asc|desc", "ascending (default) or descending, ties too"},
    {Q_LIMIT, "limit", "N", "at most N events (default: all)"},
    {Q_FORMAT, "format", "table|jsonl|csv|gdelt|gdelt-mentions|phoenix|icews|plover",
     "how to write them (default table; docs/formats.md)"},
    {Q_PROVENANCE, "provenance", "FILE",
     "also write what made the export (the version, the store's coders) to FILE"},
    {0},
};

static const cli_opt STATS_OPTS[] = {
    {Q_DB, "db", "FILE|URI", "the store: an SQLite file (default dyad.db) or postgresql://..."},
    {Q_BY, "by", "day|week|month|year|dyad|root|country|country-year",
     "what to count events by (default day)"},
    {Q_SORT, "sort", "count|key", "most events first (default), or by key"},
    {Q_FORMAT, "format", "tsv|table|csv|jsonl", "how to write the counts (default tsv)"},
    {Q_LIMIT, "limit", "N", "the first N groups only (default: all)"},
    EVENT_FILTERS,
    {0},
};

static const cli_opt FIGURES_OPTS[] = {
    {Q_DB, "db", "FILE|URI", "the store: an SQLite file (default dyad.db) or postgresql://..."},
    {Q_KIND, "kind", "killed|injured|captive|prisoner|displaced", "figures of this kind only"},
    {Q_ACTOR, "actor", "CODE", "figures whose victim or perpetrator code starts with CODE"},
    {Q_LIMIT, "limit", "N", "at most N figures (default: all)"},
    {Q_FORMAT, "format", "table|jsonl|csv", "how to write them (default table)"},
    {0},
};

/* Sets list filter *field to v, or adds v to the values it has (a
 * repeated --code 19 --code 20 is --code 19,20) in o->joined[i]. */
static int join(qopts *o, int i, const char **field, const char *v) {
    if (!*field) {
        *field = v;
        return CLI_GO;
    }
    char both[sizeof o->joined[0]];
    int k = snprintf(both, sizeof both, "%s,%s", *field, v);
    if (k < 0 || (size_t)k >= sizeof both)
        return cli_usage_error(o->cmd, "too many values for one filter");
    memcpy(o->joined[i], both, (size_t)k + 1);
    *field = o->joined[i];
    return CLI_GO;
}

/* A filter the library reads from its text (dyad_query_set). */
static int set(qopts *o, const char *name, const char *v) {
    dyad_error err;
    if (dyad_query_set(&o->q, name, v, &err) == DYAD_OK) return CLI_GO;
    for (char *p = err.msg; *p && *p != ':'; p++) /* the option's name: goldstein-min */
        if (*p == '_') *p = '-';
    return cli_usage_error(o->cmd, "--%s", err.msg);
}

static int q_opt(void *ud, int key, const char *v) {
    qopts *o = ud;
    switch (key) {
    case Q_DB: o->db = v; break;
    case Q_ACTOR: return join(o, 0, &o->q.actor, v);
    case Q_SOURCE: return join(o, 1, &o->q.source, v);
    case Q_TARGET: return join(o, 2, &o->q.target, v);
    case Q_CODE: return join(o, 3, &o->q.code, v);
    case Q_COUNTRY: return join(o, 4, &o->q.country, v);
    case Q_QUAD: return set(o, "quad", v);
    case Q_GOLD_MIN: return set(o, "goldstein-min", v);
    case Q_GOLD_MAX: return set(o, "goldstein-max", v);
    case Q_ORDER: return set(o, "order", v);
    case Q_PROVENANCE: o->provenance = v; break;
    case Q_FROM: o->q.from = v; break;
    case Q_TO: o->q.to = v; break;
    case Q_TEXT: o->q.text = v; break;
    case Q_PLACE: o->q.place = v; break;
    case Q_KIND: o->q.kind = v; break;
    case Q_CONF:
        if (cli_confidence(v, &o->q.min_confidence) != 0) return CLI_EXIT_USAGE;
        break;
    case Q_ONE_A_DAY: o->q.one_a_day = 1; break;
    case Q_LIMIT: {
        char *end;
        o->q.limit = strtol(v, &end, 10);
        if (*end || end == v || o->q.limit < 0)
            return cli_usage_error(o->cmd, "--limit: '%s' is not a number", v);
        break;
    }
    case Q_FORMAT: o->format = v; break;
    case Q_BY: o->by = v; break;
    case Q_SORT: o->sort = v; break;
    }
    return CLI_GO;
}

/* Reads the options of a read command (what: Q_*) into o: CLI_GO, or the
 * exit status (0 after --help, 2 after saying what is wrong). */
static int parse_q(int argc, char **argv, qopts *o, int what) {
    memset(o, 0, sizeof *o);
    o->cmd = what == Q_STATS ? &cli_stats : what == Q_FIGURES ? &cli_figures : &cli_query;
    o->db = "dyad.db";
    o->format = what == Q_STATS ? "tsv" : "table";
    o->by = "day";
    int first, rc = cli_parse(o->cmd, argc, argv, q_opt, o, &first);
    if (rc != CLI_GO) return rc;
    if (what == Q_EVENTS && o->sort && (rc = set(o, "sort", o->sort)) != CLI_GO) return rc;
    if (!o->sort) o->sort = "count";
    if (first < argc)
        return cli_usage_error(o->cmd, "takes no operands ('%s'): the filters are options", argv[first]);
    if (what == Q_STATS) {
        if (strcmp(o->format, "tsv") && strcmp(o->format, "table") && strcmp(o->format, "csv") &&
            strcmp(o->format, "jsonl"))
            return cli_usage_error(o->cmd, "--format: '%s' is not tsv, table, csv or jsonl", o->format);
        if (strcmp(o->sort, "count") && strcmp(o->sort, "key"))
            return cli_usage_error(o->cmd, "--sort: '%s' is not count or key", o->sort);
        return CLI_GO;
    }
    if (what == Q_FIGURES && strcmp(o->format, "table") && strcmp(o->format, "jsonl") &&
        strcmp(o->format, "csv"))
        return cli_usage_error(o->cmd, "--format: '%s' is not table, jsonl or csv", o->format);
    if (strcmp(o->format, "table") && strcmp(o->format, "jsonl") && strcmp(o->format, "csv") &&
        !export_find(o->format))
        return cli_usage_error(
            o->cmd,
            "--format: '%s' is not table, jsonl, csv, gdelt, gdelt-mentions, phoenix, "
            "icews or plover",
            o->format);
    return CLI_GO;
}

static void csv_field(const char *s) { dyad_csv_field(stdout, s); }

static void csv_place(const char *place, const char *country, double lat, double lon) {
    dyad_csv_place(stdout, place, country, lat, lon);
}

static int print_event(void *ud, const dyad_stored_event *e) {
    const char *fmt = ud;
    if (!strcmp(fmt, "table")) {
        printf("%-10s %-12s %-12s %-5s %3d %3d %3d  %-14s %s\n", e->date, e->source[0] ? e->source : "-",
               e->target[0] ? e->target : "-", e->code, e->num_mentions, e->num_sources, e->num_articles,
               e->place[0] ? e->place : "-", e->article);
    } else if (!strcmp(fmt, "csv")) {
        dyad_write_event_csv(stdout, e);
    } else {
        char *t = dyad_stored_event_json(e);
        if (!t) return -1;
        puts(t);
        free(t);
    }
    return 0;
}

/* A table or CSV header is written before the first row, or after a query
 * that found none; a refused query writes none. */
typedef struct headed {
    const char *header;
    int written;
    dyad_event_fn event_fn;
    dyad_figure_fn figure_fn;
    void *ud;
} headed;

static void write_header(headed *h) {
    if (!h->written && h->header) puts(h->header);
    h->written = 1;
}

static int headed_event(void *ud, const dyad_stored_event *e) {
    headed *h = ud;
    write_header(h);
    return h->event_fn(h->ud, e);
}

static int headed_figure(void *ud, const dyad_stored_figure *f) {
    headed *h = ud;
    write_header(h);
    return h->figure_fn(h->ud, f);
}

/* The header of a table or CSV of events or figures: table, csv, or NULL
 * for a format without one. */
static const char *query_header(const char *fmt, const char *table, const char *csv) {
    return !strcmp(fmt, "table") ? table : !strcmp(fmt, "csv") ? csv : NULL;
}

/* The end of a read command: the store's error, or the header of a result
 * that had no rows; the store closed. The exit status. */
static int query_done(dyad_store *s, dyad_status st, const dyad_error *err, headed *h) {
    if (st != DYAD_OK)
        cli_error(err);
    else
        write_header(h);
    dyad_store_close(s);
    return st != DYAD_OK;
}

static int cmd_query(int argc, char **argv) {
    qopts o;
    int go = parse_q(argc, argv, &o, Q_EVENTS);
    if (go != CLI_GO) return go;
    dyad_store *s;
    if (open_store(o.db, DYAD_STORE_READONLY, &s)) return 1;
    dyad_error err;
    if (o.provenance) {
        char *coders;
        int bad = dyad_store_coders(s, &coders, &err) != DYAD_OK;
        if (bad) cli_error(&err);
        if (bad || cli_provenance(o.provenance, NULL, coders, argc, argv)) {
            free(coders);
            dyad_store_close(s);
            return 1;
        }
        free(coders);
    }
    const export_format *x = export_find(o.format);
    if (x) {
        /* Dyad's own gazetteers, for country names and for places stored
         * before their admin-1 codes and ids were (warnings counted, not
         * printed) */
        cli_warn quiet = {0, 1, NULL};
        dyad_ctx *gaz = export_wants_gazetteer(x) ? cli_load_dicts(NULL, 0, &quiet) : NULL;
        int rc = export_run(x, s, &o.q, gaz, &err) != 0;
        if (rc) cli_error(&err);
        dyad_ctx_free(gaz);
        dyad_store_close(s);
        return rc;
    }
    headed h = {.header = query_header(
                    o.format,
                    "date       source       target       code  men src art  place          article",
                    DYAD_EVENT_CSV_HEADER),
                .event_fn = print_event,
                .ud = (void *)o.format};
    return query_done(s, dyad_store_query(s, &o.q, headed_event, &h, &err), &err, &h);
}

/* The groups of dyad stats, kept to be sorted and written. */
typedef struct group {
    char *key;
    long events, mentions;
} group;

typedef struct groups {
    group *g;
    size_t n, cap;
    int failed;
} groups;

static int keep_count(void *ud, const char *key, long events, long mentions) {
    groups *gs = ud;
    char *k = strdup(key);
    if (k && gs->n == gs->cap) {
        size_t cap = gs->cap ? gs->cap * 2 : 64;
        group *g = realloc(gs->g, cap * sizeof *g);
        if (g) gs->g = g, gs->cap = cap;
    }
    if (!k || gs->n == gs->cap) {
        free(k);
        return gs->failed = 1;
    }
    gs->g[gs->n++] = (group){k, events, mentions};
    return 0;
}

/* Most events first, then most mentions, then by key. */
static int by_count(const void *pa, const void *pb) {
    const group *a = pa, *b = pb;
    if (a->events != b->events) return a->events > b->events ? -1 : 1;
    if (a->mentions != b->mentions) return a->mentions > b->mentions ? -1 : 1;
    return strcmp(a->key, b->key);
}

static void print_group(const char *fmt, const char *by, const group *g, int width) {
    if (!strcmp(fmt, "tsv"))
        printf("%s\t%ld\t%ld\n", g->key, g->events, g->mentions);
    else if (!strcmp(fmt, "table"))
        printf("%-*s %10ld %10ld\n", width, *g->key ? g->key : "-", g->events, g->mentions);
    else if (!strcmp(fmt, "csv")) {
        csv_field(g->key);
        printf(",%ld,%ld\n", g->events, g->mentions);
    } else {
        json_object *o = json_object_new_object();
        json_object_object_add(o, "record", json_object_new_string("count"));
        json_object_object_add(o, "schema", json_object_new_int(DYAD_SCHEMA_VERSION));
        json_object_object_add(o, "by", json_object_new_string(by));
        json_object_object_add(o, "key", *g->key ? json_object_new_string(g->key) : NULL);
        json_object_object_add(o, "events", json_object_new_int64(g->events));
        json_object_object_add(o, "mentions", json_object_new_int64(g->mentions));
        puts(json_object_to_json_string_ext(o, JSON_C_TO_STRING_PLAIN | JSON_C_TO_STRING_NOSLASHESCAPE));
        json_object_put(o);
    }
}

static int cmd_stats(int argc, char **argv) {
    qopts o;
    int go = parse_q(argc, argv, &o, Q_STATS);
    if (go != CLI_GO) return go;
    dyad_store *s;
    if (open_store(o.db, DYAD_STORE_READONLY, &s)) return 1;
    dyad_error err;
    groups gs = {0};
    dyad_status st = dyad_store_stats(s, o.by, &o.q, keep_count, &gs, &err);
    if (st == DYAD_OK && gs.failed) {
        err = (dyad_error){.code = DYAD_ENOMEM};
        snprintf(err.msg, sizeof err.msg, "stats: out of memory");
        st = DYAD_ENOMEM;
    } else if (st == DYAD_OK) {
        if (!strcmp(o.sort, "count")) qsort(gs.g, gs.n, sizeof *gs.g, by_count);
        size_t n = o.q.limit > 0 && (size_t)o.q.limit < gs.n ? (size_t)o.q.limit : gs.n;
        int width = (int)strlen(o.by);
        for (size_t i = 0; i < n; i++)
            if ((int)strlen(gs.g[i].key) > width) width = (int)strlen(gs.g[i].key);
        if (!strcmp(o.format, "tsv"))
            printf("%s\tevents\tmentions\n", o.by);
        else if (!strcmp(o.format, "table"))
            printf("%-*s %10s %10s\n", width, o.by, "events", "mentions");
        else if (!strcmp(o.format, "csv"))
            printf("\"%s\",\"events\",\"mentions\"\n", o.by);
        for (size_t i = 0; i < n; i++) print_group(o.format, o.by, &gs.g[i], width);
    }
    for (size_t i = 0; i < gs.n; i++) free(gs.g[i].key);
    free(gs.g);
    headed h = {.written = 1};
    return query_done(s, st, &err, &h);
}

static int print_figure(void *ud, const dyad_stored_figure *f) {
    const char *fmt = ud;
    if (!strcmp(fmt, "table")) {
        char num[48];
        if (f->value_max > f->value)
            snprintf(num, sizeof num, "%lld-%lld", (long long)f->value, (long long)f->value_max);
        else
            snprintf(num, sizeof num, "%lld", (long long)f->value);
        printf("%-10s %-9s %s%-10s %-10s %-10s %-14s %s\n", f->date, f->kind, f->released ? "*" : " ",
               num, f->victim_code[0] ? f->victim_code : "-",
               f->perpetrator_code[0] ? f->perpetrator_code : "-", f->place[0] ? f->place : "-",
               f->article);
    } else if (!strcmp(fmt, "csv")) {
        printf("%lld,%s,%s,%d,%lld,%lld,", (long long)f->id, f->date, f->kind, f->released,
               (long long)f->value, (long long)f->value_max);
        const char *text[] = {f->qualifier,   f->number,           f->victim, f->victim_code,
                              f->perpetrator, f->perpetrator_code, f->cited,  f->article};
        for (size_t i = 0; i < sizeof text / sizeof text[0]; i++) {
            csv_field(text[i]);
            putchar(',');
        }
        printf("%d,", f->sentence_index);
        csv_place(f->place, f->country, f->lat, f->lon);
        putchar('\n');
    } else {
        char *t = dyad_stored_figure_json(f);
        if (!t) return -1;
        puts(t);
        free(t);
    }
    return 0;
}

static int cmd_figures(int argc, char **argv) {
    qopts o;
    int go = parse_q(argc, argv, &o, Q_FIGURES);
    if (go != CLI_GO) return go;
    dyad_store *s;
    if (open_store(o.db, DYAD_STORE_READONLY, &s)) return 1;
    dyad_error err;
    headed h = {.header = query_header(
                    o.format,
                    "date       kind       number     victim     by         place          article",
                    "id,date,kind,released,value,value_max,qualifier,number,victim,"
                    "victim_code,perpetrator,perpetrator_code,cited,article,sentence,"
                    "place,country,lat,lon"),
                .figure_fn = print_figure,
                .ud = (void *)o.format};
    return query_done(s, dyad_store_figures(s, &o.q, headed_figure, &h, &err), &err, &h);
}

const cli_cmd cli_ingest = {
    .name = "ingest",
    .operands = "FILE...",
    .summary = "code articles and store them with their events (again: nothing changes)",
    .text = "Reads articles as dyad code does (FILE '-': standard input) and stores\n"
            "them, their sentences, events and casualty figures; reports of one event\n"
            "are merged, GDELT-style, whatever the order. An article stored already\n"
            "is not coded again. An input that cannot be read is reported and skipped,\n"
            "and the exit status is then 1. Each batch of articles (256 into SQLite,\n"
            "64 into PostgreSQL) is one transaction: an interrupted ingest keeps what\n"
            "it committed.\n",
    .opts = INGEST_OPTS,
    .run = cmd_ingest,
};

const cli_cmd cli_query = {
    .name = "query",
    .operands = "",
    .summary = "print stored events matching the filters, by date or --sort",
    .text = "Opens the store read-only: a store that is not there is an error, not\n"
            "an empty one made. The export formats (gdelt, gdelt-mentions, phoenix,\n"
            "icews, plover) are described in docs/formats.md.\n",
    .opts = QUERY_OPTS,
    .shared = FILTER_OPTS,
    .run = cmd_query,
};

const cli_cmd cli_stats = {
    .name = "stats",
    .operands = "",
    .summary = "count stored events by day, month, year, dyad, root code or country",
    .text = "Takes the filters of dyad query; the store is opened read-only.\n",
    .opts = STATS_OPTS,
    .shared = FILTER_OPTS,
    .run = cmd_stats,
};

const cli_cmd cli_figures = {
    .name = "figures",
    .operands = "",
    .summary = "print stored casualty figures (killed, injured, captive, ...)",
    .text = "The store is opened read-only.\n",
    .opts = FIGURES_OPTS,
    .shared = FILTER_OPTS,
    .run = cmd_figures,
};
