/* store.c -- the event store's public face: dyad_store_open picks the
 * backend once (PostgreSQL for a postgresql:// or postgres:// URI, SQLite
 * for anything else), and each dyad_store_* call goes to it through the
 * interface of backend.h, after the checks every backend shares. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "backend.h"
#include "coder.h"
#include "merge.h"
#include "rows.h"
#include "date.h"
#include "status.h"

struct dyad_store {
    const store_backend *be;
    void *impl;
};

/* The backends, the first that claims a path taking it. */
static const store_backend *const BACKENDS[] = {&store_postgres, &store_sqlite};

dyad_status dyad_store_open(dyad_store **out, const char *path, dyad_error *err) {
    return dyad_store_open_mode(out, path, DYAD_STORE_CREATE, err);
}

dyad_status dyad_store_open_mode(dyad_store **out, const char *path, dyad_store_mode mode,
                                 dyad_error *err) {
    *out = NULL;
    dyad_store *s = calloc(1, sizeof *s);
    if (!s) return dyad_fail(err, DYAD_ENOMEM, path, 0, "out of memory");
    for (size_t i = 0; !s->be; i++)
        if (BACKENDS[i]->claims(path)) s->be = BACKENDS[i];
    dyad_status st = s->be->open(&s->impl, path, mode == DYAD_STORE_READONLY, err);
    if (st != DYAD_OK) {
        free(s);
        return st;
    }
    *out = s;
    return DYAD_OK;
}

void dyad_store_close(dyad_store *s) {
    if (!s) return;
    s->be->close(s->impl);
    free(s);
}

void dyad_store_busy(dyad_store *s, int ms, dyad_warn_fn warn, void *ud) {
    if (s && s->be->busy) s->be->busy(s->impl, ms, warn, ud);
}

void dyad_store_watch(dyad_store *s, dyad_stop_fn stop, void *ud) {
    if (s) s->be->watch(s->impl, stop, ud);
}

int dyad_store_connected(const dyad_store *s) { return s->be->connected(s->impl); }

dyad_status dyad_store_begin(dyad_store *s, dyad_error *err) { return s->be->begin(s->impl, err); }

dyad_status dyad_store_commit(dyad_store *s, dyad_error *err) { return s->be->commit(s->impl, err); }

dyad_status dyad_doc_prepare_store(dyad_doc *d, const dyad_article *a, dyad_error *err) {
    merge_keys *k = malloc(sizeof *k);
    if (!k) return dyad_fail(err, DYAD_ENOMEM, NULL, 0, "out of memory");
    dyad_text_hash(a->text, a->text_len, k->hash);
    merge_copy_keys(a, k->hash, &k->copy);
    free(d->keys);
    d->keys = k;
    return DYAD_OK;
}

int dyad_store_batch(const dyad_store *s) { return s->be->batch ? s->be->batch : 64; }

dyad_status dyad_store_put(dyad_store *s, const dyad_article *a, const dyad_doc *d, int *added,
                           dyad_error *err) {
    return s->be->put(s->impl, a, d, added, err);
}

dyad_status dyad_store_stored(dyad_store *s, const dyad_article *a, int *kept, dyad_error *err) {
    *kept = 0;
    return s->be->stored(s->impl, a, kept, err);
}

/* A YYYY-MM-DD query date: ten characters of a real day. */
static int good_date(const char *d) { return d && strlen(d) == 10 && date_parse_iso(d); }

/* What every backend refuses alike: dates that are not YYYY-MM-DD days, a
 * confidence outside 0-1, a kind of figure there is not. */
static dyad_status check_query(const dyad_query *q, dyad_error *err) {
    if (q && q->from && !good_date(q->from))
        return dyad_fail(err, DYAD_EINVAL, NULL, 0, "from: bad date '%s' (want YYYY-MM-DD)", q->from);
    if (q && q->to && !good_date(q->to))
        return dyad_fail(err, DYAD_EINVAL, NULL, 0, "to: bad date '%s' (want YYYY-MM-DD)", q->to);
    if (q && !(q->min_confidence >= 0 && q->min_confidence <= 1))
        return dyad_fail(err, DYAD_EINVAL, NULL, 0, "min_confidence: %g is not a number from 0 to 1",
                         q->min_confidence);
    if (q && q->kind) {
        int k = 0;
        while (*dyad_figure_kind_name((dyad_figure_kind)k) &&
               strcmp(dyad_figure_kind_name((dyad_figure_kind)k), q->kind))
            k++;
        if (!*dyad_figure_kind_name((dyad_figure_kind)k))
            return dyad_fail(err, DYAD_EINVAL, NULL, 0,
                             "kind: '%s' is not killed, injured, captive, prisoner or displaced",
                             q->kind);
    }
    return DYAD_OK;
}

dyad_status dyad_store_query(dyad_store *s, const dyad_query *q, dyad_event_fn fn, void *ud,
                             dyad_error *err) {
    dyad_status st = check_query(q, err);
    return st != DYAD_OK ? st : s->be->query(s->impl, q, fn, ud, err);
}

/* Counts by ISO week, summed from the counts by day as they come (in day
 * order, so a week's days come together and weeks in key order): the
 * caller's fn and the week being summed. */
typedef struct weeks {
    dyad_count_fn fn;
    void *ud;
    char key[12]; /* "" for undated events */
    long events, mentions;
    int have, stopped;
} weeks;

/* Gives the week summed so far to the caller's fn; non-zero to stop. */
static int week_done(weeks *w) {
    if (!w->have) return 0;
    w->have = 0;
    return w->stopped = w->fn(w->ud, w->key, w->events, w->mentions) != 0;
}

static int add_day(void *ud, const char *day, long events, long mentions) {
    weeks *w = ud;
    char key[12] = "";
    int32_t ymd = date_parse_iso(day);
    if (ymd) date_iso_week(ymd, key);
    if (w->have && strcmp(key, w->key) && week_done(w)) return 1;
    if (!w->have) {
        memcpy(w->key, key, sizeof key);
        w->events = w->mentions = 0;
        w->have = 1;
    }
    w->events += events;
    w->mentions += mentions;
    return 0;
}

dyad_status dyad_store_stats(dyad_store *s, const char *by, const dyad_query *q, dyad_count_fn fn,
                             void *ud, dyad_error *err) {
    int week = by && !strcmp(by, "week");
    if (!week && (!rows_group_key(by) || *by == '*'))
        return dyad_fail(err, DYAD_EINVAL, NULL, 0,
                         "by: '%s' is not day, week, month, year, dyad, root, country or country-year",
                         by ? by : "");
    dyad_status st = check_query(q, err);
    if (st != DYAD_OK) return st;
    if (!week) return s->be->stats(s->impl, by, q, fn, ud, err);
    weeks w = {.fn = fn, .ud = ud};
    st = s->be->stats(s->impl, "day", q, add_day, &w, err);
    if (st == DYAD_OK && !w.stopped) week_done(&w);
    return st;
}

static int add_count(void *ud, const char *key, long events, long mentions) {
    (void)key, (void)mentions;
    *(long *)ud += events;
    return 0;
}

static int add_group(void *ud, const char *key, long events, long mentions) {
    (void)key, (void)events, (void)mentions;
    ++*(long *)ud;
    return 0;
}

dyad_status dyad_store_count(dyad_store *s, const dyad_query *q, long *n, dyad_error *err) {
    dyad_query all = q ? *q : (dyad_query){0};
    all.after = NULL;
    all.limit = 0;
    *n = 0;
    dyad_status st = check_query(&all, err);
    if (st != DYAD_OK) return st;
    /* one a day: the groups of date, dyad and code, each one event */
    return all.one_a_day ? s->be->stats(s->impl, "*daily", &all, add_group, n, err)
                         : s->be->stats(s->impl, "*total", &all, add_count, n, err);
}

/* The text of the one row a note's look-up gives. */
static int take_note(void *ud, int n, const char *const *v) {
    char **out = ud;
    if (n > 0 && v[0] && !*out) {
        size_t len = strlen(v[0]) + 1;
        *out = malloc(len);
        if (*out) memcpy(*out, v[0], len);
    }
    return 1;
}

dyad_status dyad_store_coders(dyad_store *s, char **out, dyad_error *err) {
    *out = NULL;
    const char *key = "coders";
    dyad_status st = s->be->run(s->impl, MERGE_GET_NOTE, 1, &key, take_note, out, err);
    if (st == DYAD_OK && !*out && !(*out = calloc(1, 1)))
        st = dyad_fail(err, DYAD_ENOMEM, NULL, 0, "out of memory");
    return st;
}

dyad_status dyad_store_note_coder(dyad_store *s, const char *coder, dyad_error *err) {
    if (!*coder || strchr(coder, '\n'))
        return dyad_fail(err, DYAD_EINVAL, NULL, 0, "a coder is one line of text");
    char *have;
    dyad_status st = dyad_store_coders(s, &have, err);
    if (st != DYAD_OK) return st;
    size_t n = strlen(coder);
    for (const char *p = have; *p; p += strcspn(p, "\n"), p += *p == '\n')
        if (strcspn(p, "\n") == n && !strncmp(p, coder, n)) {
            free(have);
            return DYAD_OK; /* noted already */
        }
    size_t k = strlen(have);
    char *both = malloc(k + n + 2);
    if (!both) {
        free(have);
        return dyad_fail(err, DYAD_ENOMEM, NULL, 0, "out of memory");
    }
    snprintf(both, k + n + 2, "%s%s%s", have, k ? "\n" : "", coder);
    free(have);
    const char *v[2] = {"coders", both};
    st = s->be->run(s->impl, MERGE_PUT_NOTE, 2, v, NULL, NULL, err);
    free(both);
    return st;
}

dyad_status dyad_store_figures(dyad_store *s, const dyad_query *q, dyad_figure_fn fn, void *ud,
                               dyad_error *err) {
    if (q && (q->source || q->target || q->country || q->quads || q->goldstein_range || q->sort ||
              q->descending || q->after))
        return dyad_fail(err, DYAD_EINVAL, NULL, 0,
                         "figures are chosen by actor, kind, dates, place and text only");
    if (q && q->actor && strchr(q->actor, ','))
        return dyad_fail(err, DYAD_EINVAL, NULL, 0, "actor: figures take one actor prefix, not '%s'",
                         q->actor);
    dyad_status st = check_query(q, err);
    return st != DYAD_OK ? st : s->be->figures(s->impl, q, fn, ud, err);
}

dyad_status dyad_store_series(dyad_store *s, const dyad_query *q, dyad_series_fn fn, void *ud,
                              dyad_error *err) {
    dyad_status st = check_query(q, err);
    return st != DYAD_OK ? st : s->be->series(s->impl, q, fn, ud, err);
}

dyad_status dyad_store_event(dyad_store *s, int64_t id, dyad_event_fn efn, dyad_mention_fn mfn, void *ud,
                             int *found, dyad_error *err) {
    return s->be->event(s->impl, id, efn, mfn, ud, found, err);
}

dyad_status dyad_store_article(dyad_store *s, const char *id, dyad_article_fn afn, dyad_mention_fn mfn,
                               void *ud, int *found, dyad_error *err) {
    return s->be->article(s->impl, id, afn, mfn, ud, found, err);
}

dyad_status dyad_store_search(dyad_store *s, const char *text, long limit, dyad_article_fn fn, void *ud,
                              dyad_error *err) {
    return s->be->search(s->impl, text, limit, fn, ud, err);
}
