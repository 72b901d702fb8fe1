/* http_api.c -- routes and JSON of the `dyad serve` API: events with the
 * filters of `dyad query`, one event with its mentions, actors, dyads, the
 * timeline, stats, casualty figures, article search, one article, and POST
 * of new articles (coded and stored at once). Each request takes a store
 * connection of the pool for its store calls, so requests read at once;
 * a read whose client has gone stops; every failure becomes a JSON error
 * reply. */
#include "http_api.h"

#include <json-c/json.h>
#include <json-c/printbuf.h>
#include <math.h>
#include <stdarg.h>
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define DEFAULT_LIMIT 1000
#define MAX_LIMIT 10000
#define MAX_FIELD 256   /* longest actor, code or date filter accepted */
#define MAX_POSTED 1000 /* articles in one POST */

static void reply_json(http_reply *out, int status, json_object *o) {
    const char *s =
        json_object_to_json_string_ext(o, JSON_C_TO_STRING_PLAIN | JSON_C_TO_STRING_NOSLASHESCAPE);
    out->status = status;
    out->body = strdup(s ? s : "{}");
    out->len = out->body ? strlen(out->body) : 0;
    json_object_put(o);
    if (!out->body) out->status = 500;
}

void http_error(http_reply *out, int status, const char *fmt, ...) {
    char msg[768];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    json_object *o = json_object_new_object();
    json_object_object_add(o, "error", json_object_new_string(msg));
    memset(out, 0, sizeof *out);
    reply_json(out, status, o);
}

/* Status for a failed store call: bad filters are the client's fault. */
static void store_error(http_reply *out, const dyad_error *err, int client) {
    char buf[1024];
    http_error(out, err->code == DYAD_EINVAL || client ? 400 : 500, "%s",
               dyad_error_format(err, buf, sizeof buf));
}

/* A string member; null when v is NULL or "" (the null rule of Dyad's
 * records, docs/formats.md). */
static void add_str(json_object *o, const char *k, const char *v) {
    json_object_object_add(o, k, v && *v ? json_object_new_string(v) : NULL);
}

static void add_int(json_object *o, const char *k, int64_t v) {
    json_object_object_add(o, k, json_object_new_int64(v));
}

/* ---------------------------------------------------------------------
 * The pool of store connections
 * ------------------------------------------------------------------- */

void http_api_init(http_api *api, const dyad_ctx *ctx) {
    memset(api, 0, sizeof *api);
    api->ctx = ctx;
    pthread_mutex_init(&api->lock, NULL);
    pthread_cond_init(&api->freed, NULL);
}

void http_api_destroy(http_api *api) {
    pthread_cond_destroy(&api->freed);
    pthread_mutex_destroy(&api->lock);
}

/* A request being answered: the API, whether its client has gone, and the
 * connection it holds (slot, -1 when none). */
typedef struct route {
    http_api *api;
    http_gone_fn gone;
    void *req;
    int slot;
    int gone_seen; /* gone said so: the answer is dropped */
    http_arg_fn arg;
    const http_request *rq;
} route;

/* The store's question during a read: stop when the client has gone. */
static int client_gone(void *ud) {
    route *r = ud;
    if (!r->gone_seen && r->gone && r->gone(r->req)) r->gone_seen = 1;
    return r->gone_seen;
}

/* A connection of the pool for the request, waiting for one to be free;
 * reads through it stop when the client goes (watch). */
static dyad_store *take(route *r, int watch) {
    http_api *api = r->api;
    pthread_mutex_lock(&api->lock);
    for (;;) {
        for (int i = 0; i < api->nstores; i++)
            if (!api->taken[i]) {
                api->taken[i] = 1;
                r->slot = i;
                pthread_mutex_unlock(&api->lock);
                if (watch && r->gone) dyad_store_watch(api->stores[i], client_gone, r);
                return api->stores[i];
            }
        pthread_cond_wait(&api->freed, &api->lock);
    }
}

static void give(route *r) {
    http_api *api = r->api;
    dyad_store_watch(api->stores[r->slot], NULL, NULL);
    pthread_mutex_lock(&api->lock);
    api->taken[r->slot] = 0;
    r->slot = -1;
    pthread_cond_signal(&api->freed);
    pthread_mutex_unlock(&api->lock);
}

/* Whether the client went during the request: out is then left empty. */
static int dropped(route *r, http_reply *out) {
    if (!r->gone_seen) return 0;
    out->gone = 1;
    return 1;
}

/* ---------------------------------------------------------------------
 * Filters
 * ------------------------------------------------------------------- */

/* Reads the filters of `dyad query` from the query string (each read by
 * dyad_query_set, as the CLI reads its options) and limit; 0, or -1 after
 * filling out with a 400. The route's table of arguments has refused any
 * other. */
static int read_filters(route *rt, dyad_query *q, long default_limit, http_reply *out) {
    static const char *const NAMES[] = {
        "actor", "source",        "target",        "code", "country",        "from",
        "to",    "place",         "kind",          "text", "min_confidence", "one_a_day",
        "quad",  "goldstein_min", "goldstein_max", "sort", "order"};
    memset(q, 0, sizeof *q);
    for (size_t i = 0; i < sizeof NAMES / sizeof NAMES[0]; i++) {
        const char *v = rt->arg(rt->req, NAMES[i]);
        if (!v) continue;
        int max = strcmp(NAMES[i], "text") ? MAX_FIELD : 4 * MAX_FIELD;
        if (strlen(v) > (size_t)max) {
            http_error(out, 400, "%s: longer than %d characters", NAMES[i], max);
            return -1;
        }
        dyad_error err;
        if (dyad_query_set(q, NAMES[i], v, &err) != DYAD_OK) {
            http_error(out, 400, "%s", err.msg);
            return -1;
        }
    }
    q->limit = default_limit;
    const char *l = rt->arg(rt->req, "limit");
    if (l && *l) {
        char *end;
        long n = strtol(l, &end, 10);
        if (*end || n < 1 || n > MAX_LIMIT) {
            http_error(out, 400, "limit: '%.64s' is not a number from 1 to %d", l, MAX_LIMIT);
            return -1;
        }
        q->limit = n;
    }
    return 0;
}

/* ---------------------------------------------------------------------
 * Events
 * ------------------------------------------------------------------- */

/* A record's JSON as the library writes it (dyad_stored_event_json...),
 * kept as text and printed as it is inside the answer, through a
 * serializer of its own; json null when text is NULL (out of memory). */
static int raw_print(json_object *o, struct printbuf *pb, int level, int flags) {
    (void)level, (void)flags;
    const char *t = json_object_get_userdata(o);
    return printbuf_memappend(pb, t, (int)strlen(t));
}

static void raw_free(json_object *o, void *text) {
    (void)o;
    free(text);
}

static json_object *raw_json(char *text) {
    json_object *o = text ? json_object_new_object() : NULL;
    if (o)
        json_object_set_serializer(o, raw_print, text, raw_free);
    else
        free(text);
    return o;
}

/* A record's JSON as an object that can take more members. */
static json_object *parsed_json(char *text) {
    json_object *o = text ? json_tokener_parse(text) : NULL;
    free(text);
    return o ? o : json_object_new_object();
}

static int collect_mention(void *ud, const dyad_stored_mention *m) {
    json_object_array_add(ud, raw_json(dyad_stored_mention_json(m)));
    return 0;
}

/* One event or one article with its mentions: the head object gets a
 * "mentions" array. */
typedef struct detail {
    json_object *head, *mentions;
} detail;

static int detail_event(void *ud, const dyad_stored_event *e) {
    ((detail *)ud)->head = parsed_json(dyad_stored_event_json(e));
    return 0;
}

static int detail_mention(void *ud, const dyad_stored_mention *m) {
    return collect_mention(((detail *)ud)->mentions, m);
}

/* Replies with r, a 404 naming what is missing, or the store's error. */
static void detail_reply(http_reply *out, dyad_status st, int found, const dyad_error *err, detail *r,
                         const char *missing) {
    if (st != DYAD_OK || !found) {
        json_object_put(r->head);
        json_object_put(r->mentions);
        if (st != DYAD_OK)
            store_error(out, err, 0);
        else
            http_error(out, 404, "no %s", missing);
        return;
    }
    json_object_object_add(r->head, "mentions", r->mentions);
    reply_json(out, 200, r->head);
}

static void one_event(route *rt, const char *idtext, http_reply *out) {
    char *end;
    long long id = strtoll(idtext, &end, 10);
    if (!*idtext || *end || id < 1) {
        http_error(out, 400, "event id: '%.64s' is not a positive number", idtext);
        return;
    }
    detail r = {NULL, json_object_new_array()};
    dyad_error err;
    int found;
    dyad_status st = dyad_store_event(take(rt, 1), id, detail_event, detail_mention, &r, &found, &err);
    give(rt);
    if (dropped(rt, out)) {
        json_object_put(r.head);
        json_object_put(r.mentions);
        return;
    }
    char what[64];
    snprintf(what, sizeof what, "event %lld", id);
    detail_reply(out, st, found, &err, &r, what);
}

/* ---------------------------------------------------------------------
 * Actors, dyads, timeline, stats, figures
 * ------------------------------------------------------------------- */

typedef struct counts {
    json_object *list;
    json_object *by_actor; /* actor code -> [events, mentions], for /api/actors */
} counts;

static int collect_count(void *ud, const char *key, long events, long mentions) {
    json_object *o = json_object_new_object();
    add_str(o, "key", key);
    add_int(o, "events", events);
    add_int(o, "mentions", mentions);
    json_object_array_add(((counts *)ud)->list, o);
    return 0;
}

static void bump(json_object *by, const char *actor, long events, long mentions) {
    if (!*actor) return;
    json_object *c;
    if (!json_object_object_get_ex(by, actor, &c)) {
        c = json_object_new_object();
        add_int(c, "events", 0);
        add_int(c, "mentions", 0);
        json_object_object_add(by, actor, c);
    }
    json_object *v;
    json_object_object_get_ex(c, "events", &v);
    json_object_int_inc(v, events);
    json_object_object_get_ex(c, "mentions", &v);
    json_object_int_inc(v, mentions);
}

/* Splits a dyad key "SRC>TGT" into the reply's dyad list and, for
 * /api/actors, the per-actor totals. */
static int collect_dyad(void *ud, const char *key, long events, long mentions) {
    counts *c = ud;
    const char *gt = strchr(key, '>');
    char src[MAX_FIELD + 1];
    size_t n = gt ? (size_t)(gt - key) : strlen(key);
    if (n > MAX_FIELD) n = MAX_FIELD;
    memcpy(src, key, n);
    src[n] = '\0';
    const char *tgt = gt ? gt + 1 : "";
    if (c->by_actor) {
        bump(c->by_actor, src, events, mentions);
        if (strcmp(src, tgt)) bump(c->by_actor, tgt, events, mentions);
        return 0;
    }
    json_object *o = json_object_new_object();
    add_str(o, "source", src);
    add_str(o, "target", tgt);
    add_int(o, "events", events);
    add_int(o, "mentions", mentions);
    json_object_array_add(c->list, o);
    return 0;
}

/* Keeps the first limit items of list, telling o how many there were
 * ("total") and the limit. */
static void bound(json_object *o, json_object *list, long limit) {
    size_t n = json_object_array_length(list);
    if (limit > 0 && n > (size_t)limit)
        json_object_array_del_idx(list, (size_t)limit, n - (size_t)limit);
    add_int(o, "total", (int64_t)n);
    add_int(o, "limit", limit);
}

static int by_events(const void *a, const void *b) {
    json_object *x = *(json_object *const *)a, *y = *(json_object *const *)b, *vx, *vy;
    json_object_object_get_ex(x, "events", &vx);
    json_object_object_get_ex(y, "events", &vy);
    int64_t d = json_object_get_int64(vy) - json_object_get_int64(vx);
    return d > 0 ? 1 : d < 0 ? -1 : 0;
}

/* GET /api/stats?by=day|dyad|root, /api/dyads and /api/actors: counts
 * grouped by the store; kind is "stats", "dyads" or "actors". */
static void counts_route(route *rt, const char *kind, http_reply *out) {
    dyad_query q;
    if (read_filters(rt, &q, DEFAULT_LIMIT, out)) return;
    const char *by = !strcmp(kind, "stats") ? rt->arg(rt->req, "by") : "dyad";
    if (!by || !*by) by = "day";
    counts c = {json_object_new_array(), !strcmp(kind, "actors") ? json_object_new_object() : NULL};
    dyad_error err;
    dyad_status st = dyad_store_stats(take(rt, 1), by, &q,
                                      !strcmp(kind, "stats") ? collect_count : collect_dyad, &c, &err);
    give(rt);
    if (dropped(rt, out) || st != DYAD_OK) {
        json_object_put(c.list);
        json_object_put(c.by_actor);
        if (!out->gone) store_error(out, &err, q.text != NULL);
        return;
    }
    if (c.by_actor) {
        json_object_object_foreach(c.by_actor, code, v) {
            json_object *o = json_object_get(v);
            add_str(o, "code", code);
            json_object_array_add(c.list, o);
        }
        json_object_put(c.by_actor);
    }
    if (strcmp(kind, "stats")) json_object_array_sort(c.list, by_events);
    json_object *o = json_object_new_object();
    if (!strcmp(kind, "stats")) add_str(o, "by", by);
    bound(o, c.list, q.limit);
    json_object_object_add(o, !strcmp(kind, "stats") ? "groups" : kind, c.list);
    reply_json(out, 200, o);
}

static int collect_series(void *ud, const char *day, const char *root, long events, long mentions) {
    json_object *o = json_object_new_object();
    add_str(o, "day", day);
    add_str(o, "root", root);
    add_int(o, "events", events);
    add_int(o, "mentions", mentions);
    json_object_array_add(ud, o);
    return 0;
}

/* ---------------------------------------------------------------------
 * Articles
 * ------------------------------------------------------------------- */

static int collect_article(void *ud, const dyad_stored_article *a) {
    json_object_array_add(ud, raw_json(dyad_stored_article_json(a)));
    return 0;
}

/* ---------------------------------------------------------------------
 * Lists: events, the timeline and article search share one shape
 * ------------------------------------------------------------------- */

typedef dyad_status (*fetch_fn)(dyad_store *s, const dyad_query *q, json_object *list, dyad_error *err);

static dyad_status fetch_series(dyad_store *s, const dyad_query *q, json_object *list, dyad_error *err) {
    return dyad_store_series(s, q, collect_series, list, err);
}

static int collect_figure(void *ud, const dyad_stored_figure *f) {
    json_object_array_add(ud, raw_json(dyad_stored_figure_json(f)));
    return 0;
}

static dyad_status fetch_figures(dyad_store *s, const dyad_query *q, json_object *list,
                                 dyad_error *err) {
    return dyad_store_figures(s, q, collect_figure, list, err);
}

static dyad_status fetch_articles(dyad_store *s, const dyad_query *q, json_object *list,
                                  dyad_error *err) {
    return dyad_store_search(s, q->text, q->limit, collect_article, list, err);
}

/* Reads the filters, fetches with a connection of the pool and replies {key: [...]};
 * search takes its words from "q" instead of "text". */
static void list_route(route *rt, const char *key, fetch_fn fetch, http_reply *out) {
    dyad_query q;
    if (read_filters(rt, &q, fetch == fetch_series ? MAX_LIMIT : DEFAULT_LIMIT, out)) return;
    if (fetch == fetch_articles) {
        q.text = rt->arg(rt->req, "q");
        if (!q.text || !*q.text) {
            http_error(out, 400, "q: the words to search for are missing");
            return;
        }
    }
    json_object *list = json_object_new_array();
    dyad_error err;
    dyad_status st = fetch(take(rt, 1), &q, list, &err);
    give(rt);
    if (dropped(rt, out) || st != DYAD_OK) {
        json_object_put(list);
        if (!out->gone) store_error(out, &err, q.text != NULL);
        return;
    }
    json_object *o = json_object_new_object();
    if (fetch == fetch_series) bound(o, list, q.limit); /* the store gives every day */
    json_object_object_add(o, key, list);
    reply_json(out, 200, o);
}

/* ---------------------------------------------------------------------
 * Events, a page at a time
 * ------------------------------------------------------------------- */

/* A page of events being read: one more than the limit is asked for, to
 * know whether there is a next page; the cursor of the page's last. */
typedef struct event_page {
    json_object *list;
    const dyad_query *q;
    long limit, n;
    char last[DYAD_CURSOR_MAX];
} event_page;

static int collect_page(void *ud, const dyad_stored_event *e) {
    event_page *p = ud;
    if (++p->n > p->limit) return 1; /* there is more */
    json_object_array_add(p->list, raw_json(dyad_stored_event_json(e)));
    dyad_event_cursor(p->q, e, p->last);
    return 0;
}

/* Appends s to b (size n, used *k) percent-encoded as a query value. */
static void put_encoded(char *b, size_t n, size_t *k, const char *s) {
    static const char HEX[] = "0123456789ABCDEF";
    for (; *s && *k + 4 < n; s++) {
        unsigned char c = (unsigned char)*s;
        if (isalnum(c) || strchr("-._~", c))
            b[(*k)++] = (char)c;
        else {
            b[(*k)++] = '%';
            b[(*k)++] = HEX[c >> 4];
            b[(*k)++] = HEX[c & 15];
        }
    }
    b[*k] = '\0';
}

/* The Link header of the next page: the request's path and arguments,
 * its cursor replaced by next; NULL when the arguments cannot be listed. */
static char *next_link(const route *rt, const char *next) {
    const http_request *rq = rt->rq;
    if (!rq->arg_name) return NULL;
    size_t n = 8192, k = 0;
    char *b = malloc(n);
    if (!b) return NULL;
    k = (size_t)snprintf(b, n, "<%s?", rq->path);
    for (int i = 0; k < n; i++) {
        const char *name = rq->arg_name(rq->req, i);
        if (!name) break;
        const char *v = rt->arg(rt->req, name);
        if (!strcmp(name, "cursor") || !v) continue;
        put_encoded(b, n, &k, name);
        if (k + 1 < n) b[k++] = '=';
        put_encoded(b, n, &k, v);
        if (k + 1 < n) b[k++] = '&';
    }
    if (k + 8 < n) memcpy(b + k, "cursor=", 8), k += 7;
    put_encoded(b, n, &k, next);
    if (k + 16 >= n) {
        free(b);
        return NULL;
    }
    snprintf(b + k, n - k, ">; rel=\"next\"");
    return b;
}

/* GET /api/events: a page of events in the query's order, the number of
 * all that match (total), and the cursor of the next page (next, and a
 * Link header) when there is one. */
static void events_route(route *rt, http_reply *out) {
    dyad_query q;
    if (read_filters(rt, &q, DEFAULT_LIMIT, out)) return;
    const char *cursor = rt->arg(rt->req, "cursor");
    if (cursor && *cursor) {
        if (strlen(cursor) >= DYAD_CURSOR_MAX) {
            http_error(out, 400, "cursor: '%.64s' is not a cursor", cursor);
            return;
        }
        q.after = cursor;
    }
    event_page p = {json_object_new_array(), &q, q.limit, 0, ""};
    q.limit++;
    long total = 0;
    dyad_error err;
    dyad_store *s = take(rt, 1);
    dyad_status st = dyad_store_query(s, &q, collect_page, &p, &err);
    if (st == DYAD_OK && !dropped(rt, out)) st = dyad_store_count(s, &q, &total, &err);
    give(rt);
    if (dropped(rt, out) || st != DYAD_OK) {
        json_object_put(p.list);
        if (!out->gone) store_error(out, &err, q.text != NULL || q.after != NULL);
        return;
    }
    int more = p.n > p.limit;
    json_object *o = json_object_new_object();
    add_int(o, "count", (int64_t)json_object_array_length(p.list));
    add_int(o, "total", total);
    add_int(o, "limit", p.limit);
    json_object_object_add(o, "next", more ? json_object_new_string(p.last) : NULL);
    json_object_object_add(o, "events", p.list);
    reply_json(out, 200, o);
    if (more && out->status == 200) out->link = next_link(rt, p.last);
}

/* ---------------------------------------------------------------------
 * Downloads: every event of a query as CSV or NDJSON, read a page at a
 * time (by cursor) as the client takes them
 * ------------------------------------------------------------------- */

#define DOWNLOAD_PAGE 2000 /* events a read of the store, unless api->download_page */
#define DOWNLOAD_TEXT 10   /* the text filters a download copies */

struct http_download {
    http_api *api;
    dyad_query q;              /* its texts are the copies in text */
    char *text[DOWNLOAD_TEXT]; /* copies of the request's filter values */
    int csv, header, done, failed;
    long left; /* events still to send: the request's limit, or -1 */
    long n;    /* in the page being read */
    char cursor[DYAD_CURSOR_MAX];
    FILE *mem;
    char *buf; /* the page formatted: len bytes, pos sent */
    size_t len, pos;
};

void http_download_free(http_download *d) {
    if (!d) return;
    for (int i = 0; i < DOWNLOAD_TEXT; i++) free(d->text[i]);
    free(d->buf);
    free(d);
}

static int download_row(void *ud, const dyad_stored_event *e) {
    http_download *d = ud;
    if (d->csv)
        dyad_write_event_csv(d->mem, e);
    else {
        char *t = dyad_stored_event_json(e);
        if (!t) return 1;
        fputs(t, d->mem);
        putc('\n', d->mem);
        free(t);
    }
    dyad_event_cursor(&d->q, e, d->cursor);
    d->n++;
    return 0;
}

/* Reads and formats the next page into buf; DYAD_OK or why not in err. */
static dyad_status download_page(http_download *d, dyad_error *err) {
    free(d->buf);
    d->buf = NULL;
    d->len = d->pos = 0;
    d->mem = open_memstream(&d->buf, &d->len);
    if (!d->mem) return dyad_error_set(err, DYAD_ENOMEM);
    if (d->csv && !d->header) fprintf(d->mem, "%s\n", DYAD_EVENT_CSV_HEADER);
    d->header = 1;
    d->q.after = d->cursor[0] ? d->cursor : NULL;
    long page = d->api->download_page > 0 ? d->api->download_page : DOWNLOAD_PAGE;
    d->q.limit = d->left >= 0 && d->left < page ? d->left : page;
    d->n = 0;
    route rt = {d->api, NULL, NULL, -1, 0, NULL, NULL};
    dyad_status st = d->q.limit ? dyad_store_query(take(&rt, 0), &d->q, download_row, d, err) : DYAD_OK;
    if (d->q.limit) give(&rt);
    if (fclose(d->mem) != 0 && st == DYAD_OK) st = dyad_error_set(err, DYAD_ENOMEM);
    d->mem = NULL;
    if (d->left >= 0) d->left -= d->n;
    if (d->n < d->q.limit || !d->q.limit) d->done = 1;
    return st;
}

long http_download_read(http_download *d, char *buf, size_t n) {
    while (d->pos == d->len) {
        if (d->done || d->failed) return d->failed ? -1 : 0;
        dyad_error err;
        if (download_page(d, &err) != DYAD_OK) d->failed = 1;
    }
    size_t k = d->len - d->pos < n ? d->len - d->pos : n;
    memcpy(buf, d->buf + d->pos, k);
    d->pos += k;
    return (long)k;
}

/* GET /api/events.csv and /api/events.ndjson: the filters are checked and
 * the first page read now (a bad one is a 400 as elsewhere); the rest
 * follows as the client reads. */
static void download_route(route *rt, int csv, http_reply *out) {
    http_download *d = calloc(1, sizeof *d);
    if (!d) {
        http_error(out, 500, "out of memory");
        return;
    }
    if (read_filters(rt, &d->q, 0, out)) {
        free(d);
        return;
    }
    if (d->q.one_a_day) {
        free(d);
        http_error(out, 400, "one_a_day: downloads give every event; page /api/events instead");
        return;
    }
    d->api = rt->api;
    d->csv = csv;
    d->left = d->q.limit > 0 ? d->q.limit : -1;
    const char **texts[DOWNLOAD_TEXT] = {&d->q.actor,   &d->q.source, &d->q.target, &d->q.code,
                                         &d->q.country, &d->q.from,   &d->q.to,     &d->q.place,
                                         &d->q.text,    &d->q.kind};
    int oom = 0;
    for (int i = 0; i < DOWNLOAD_TEXT; i++)
        if (*texts[i]) {
            d->text[i] = strdup(*texts[i]);
            oom |= !d->text[i];
            *texts[i] = d->text[i];
        }
    dyad_error err;
    if (oom) {
        http_download_free(d);
        http_error(out, 500, "out of memory");
        return;
    }
    if (download_page(d, &err) != DYAD_OK) {
        store_error(out, &err, d->q.text != NULL);
        http_download_free(d);
        return;
    }
    out->status = 200;
    out->download = d;
    out->type = csv ? "text/csv; charset=utf-8" : "application/x-ndjson";
    out->filename = csv ? "events.csv" : "events.ndjson";
}

static int detail_article(void *ud, const dyad_stored_article *a) {
    ((detail *)ud)->head = parsed_json(dyad_stored_article_json(a));
    return 0;
}

static void one_article(route *rt, const char *id, http_reply *out) {
    detail r = {NULL, json_object_new_array()};
    dyad_error err;
    int found;
    dyad_status st =
        dyad_store_article(take(rt, 1), id, detail_article, detail_mention, &r, &found, &err);
    give(rt);
    if (dropped(rt, out)) {
        json_object_put(r.head);
        json_object_put(r.mentions);
        return;
    }
    char what[256];
    snprintf(what, sizeof what, "article '%.200s'", id);
    detail_reply(out, st, found, &err, &r, what);
}

/* The posted articles as read back by the JSON Lines reader: their strings
 * (owned), the articles pointing into them, and the reader's first
 * complaint, if any. */
typedef struct posted {
    size_t n, cap;
    dyad_article *arts;
    char **strings; /* six per article: id, date, source, title, url, text */
    int complaint;
    char why[600];
} posted;

/* The reader's warnings about a posted article: the first is the answer,
 * "article N: problem" (the reader's own consequence after "; " dropped,
 * as the whole request is refused). */
static void posted_warn(void *ud, const dyad_error *w) {
    posted *p = ud;
    if (p->complaint++) return;
    char msg[512];
    snprintf(msg, sizeof msg, "%s", w->msg);
    char *cut = strrchr(msg, ';');
    if (cut) *cut = '\0';
    snprintf(p->why, sizeof p->why, "article %ld: %s", w->line - 1, msg);
}

static char *copy_str(const char *s, size_t n) {
    char *c = malloc(n + 1);
    if (c) {
        memcpy(c, s, n);
        c[n] = '\0';
    }
    return c;
}

/* Keeps a copy of an article the reader gave (valid only until its next). */
static int posted_keep(posted *p, const dyad_article *a) {
    if (p->n == p->cap) {
        size_t cap = p->cap ? 2 * p->cap : 8;
        dyad_article *na = realloc(p->arts, cap * sizeof *na);
        if (na) p->arts = na;
        char **ns = na ? realloc(p->strings, cap * 6 * sizeof *ns) : NULL;
        if (!ns) return -1;
        p->strings = ns;
        p->cap = cap;
    }
    const char *from[6] = {a->id, a->date, a->source, a->title, a->url, a->text};
    char **s = p->strings + 6 * p->n;
    int bad = 0;
    for (int k = 0; k < 6; k++)
        bad |= !(s[k] = copy_str(from[k], k == 5 ? a->text_len : strlen(from[k])));
    dyad_article *c = &p->arts[p->n++];
    *c = *a;
    c->id = s[0], c->date = s[1], c->source = s[2], c->title = s[3], c->url = s[4], c->text = s[5];
    c->file = "POST /api/articles";
    return bad ? -1 : 0;
}

static void posted_free(posted *p) {
    for (size_t i = 0; i < 6 * p->n; i++) free(p->strings[i]);
    free(p->strings);
    free(p->arts);
}

/* Reads the n posted articles (items of root, or root itself) with the
 * JSON Lines reader, so a posted article is checked exactly as a record of
 * a file is: each becomes one line (an article without an id gets
 * "web-" and a hash of its text, so the same text posted twice is one
 * article). Any complaint of the reader refuses the request: 0, or -1
 * after filling out. */
static int read_posted(json_object *root, size_t n, posted *p, http_reply *out) {
    int many = json_object_is_type(root, json_type_array);
    size_t len = 0, cap = 1 << 12;
    char *lines = malloc(cap);
    for (size_t i = 0; lines && i < n; i++) {
        json_object *o = many ? json_object_array_get_idx(root, i) : root, *id, *t;
        if (json_object_is_type(o, json_type_object) && json_object_object_get_ex(o, "text", &t) &&
            json_object_is_type(t, json_type_string) &&
            (!json_object_object_get_ex(o, "id", &id) || !id ||
             (json_object_is_type(id, json_type_string) && !json_object_get_string_len(id)))) {
            char hash[33], idbuf[24];
            dyad_text_hash(json_object_get_string(t), (size_t)json_object_get_string_len(t), hash);
            snprintf(idbuf, sizeof idbuf, "web-%.16s", hash);
            json_object_object_add(o, "id", json_object_new_string(idbuf));
        }
        size_t l;
        const char *js = json_object_to_json_string_length(o, JSON_C_TO_STRING_PLAIN, &l);
        if (len + l + 2 > cap) {
            while (len + l + 2 > cap) cap *= 2;
            char *g = realloc(lines, cap);
            if (!g) free(lines);
            lines = g;
            if (!g) break;
        }
        memcpy(lines + len, js, l);
        len += l;
        lines[len++] = '\n';
    }
    dyad_reader *r = NULL;
    dyad_error err;
    int rc = !lines ? -1
             : dyad_reader_open_mem(&r, "POST /api/articles", lines, len, DYAD_FMT_JSONL, posted_warn, p,
                                    &err) != DYAD_OK
                 ? -2
                 : 0;
    dyad_article a;
    int got;
    while (rc == 0 && (got = dyad_reader_next(r, &a, &err)) == 1)
        if (posted_keep(p, &a)) rc = -1;
    if (rc == 0 && got < 0) rc = -2;
    dyad_reader_free(r);
    free(lines);
    if (rc == -1)
        http_error(out, 500, "out of memory");
    else if (rc == -2)
        store_error(out, &err, 1);
    else if (p->complaint || p->n != n)
        http_error(out, 400, "%s", p->complaint ? p->why : "an article was not read");
    return rc || p->complaint || p->n != n ? -1 : 0;
}

static int count_mention(void *ud, const dyad_stored_mention *m) {
    (void)m;
    (*(long *)ud)++;
    return 0;
}

/* The body of a POST as JSON (strict, valid UTF-8, nothing after it);
 * NULL after filling out. */
static json_object *parse_body(const char *body, size_t len, http_reply *out) {
    json_tokener *tok = json_tokener_new();
    if (!tok) {
        http_error(out, 500, "out of memory");
        return NULL;
    }
    json_tokener_set_flags(tok, JSON_TOKENER_STRICT | JSON_TOKENER_VALIDATE_UTF8);
    json_object *root = json_tokener_parse_ex(tok, body, (int)len);
    enum json_tokener_error je = json_tokener_get_error(tok);
    size_t used = json_tokener_get_parse_end(tok);
    json_tokener_free(tok);
    if (!root || je != json_tokener_success || used != len) {
        json_object_put(root);
        http_error(out, 400, "body: not valid JSON (%s)",
                   !len                          ? "empty"
                   : je == json_tokener_continue ? "ends too early"
                   : je != json_tokener_success  ? json_tokener_error_desc(je)
                                                 : "trailing data");
        return NULL;
    }
    return root;
}

/* Stores the n coded articles in one transaction, on one connection of
 * the pool (not stopped when the client goes), and lists each in stored
 * (id, added, replaced, events, mentions); 1 after filling out when the
 * store fails. */
static int store_posted(route *rt, const dyad_article *arts, dyad_doc **docs, size_t n,
                        json_object *stored, http_reply *out) {
    dyad_error err;
    dyad_store *s = take(rt, 0);
    dyad_status st = dyad_store_begin(s, &err);
    for (size_t i = 0; st == DYAD_OK && i < n; i++) {
        int added = 0;
        long mentions = 0;
        int found;
        st = dyad_store_put(s, &arts[i], docs[i], &added, &err);
        if (st == DYAD_OK)
            st = dyad_store_article(s, arts[i].id, NULL, count_mention, &mentions, &found, &err);
        json_object *o = json_object_new_object();
        add_str(o, "id", arts[i].id);
        json_object_object_add(o, "added", json_object_new_boolean(added));
        json_object_object_add(o, "replaced", json_object_new_boolean(added == 2));
        add_int(o, "events", (int64_t)dyad_doc_nevents(docs[i]));
        add_int(o, "mentions", mentions);
        json_object_array_add(stored, o);
    }
    if (st == DYAD_OK)
        st = dyad_store_commit(s, &err);
    else
        dyad_store_commit(s, NULL); /* keeps nothing of a failed article */
    give(rt);
    if (st != DYAD_OK) store_error(out, &err, 0);
    return st != DYAD_OK;
}

/* POST /api/articles: one article object or an array of them, checked
 * first, then coded and stored in one transaction. */
static void post_articles(route *rt, const char *body, size_t len, http_reply *out) {
    const http_api *api = rt->api;
    if (!api->ctx) {
        http_error(out, 503, "this server has no dictionaries loaded");
        return;
    }
    json_object *root = parse_body(body, len, out);
    if (!root) return;
    int many = json_object_is_type(root, json_type_array);
    size_t n = many ? json_object_array_length(root) : 1;
    if (n == 0 || n > MAX_POSTED) {
        json_object_put(root);
        http_error(out, 400, "body: want 1 to %d articles, got %zu", MAX_POSTED, n);
        return;
    }
    posted p = {0};
    dyad_doc **docs = calloc(n, sizeof *docs);
    json_object *stored = json_object_new_array();
    int bad = !docs;
    if (bad)
        http_error(out, 500, "out of memory");
    else
        bad = read_posted(root, n, &p, out);
    dyad_article *arts = p.arts;
    dyad_error err;
    for (size_t i = 0; !bad && i < n; i++)
        if (dyad_code(api->ctx, &arts[i], &docs[i], &err) != DYAD_OK) {
            store_error(out, &err, 1);
            bad = 1;
        } else {
            dyad_doc_keep_confident(docs[i], DYAD_MIN_CONFIDENCE);
        }
    if (!bad) bad = store_posted(rt, arts, docs, n, stored, out);
    for (size_t i = 0; docs && i < n; i++) dyad_doc_free(docs[i]);
    free(docs);
    posted_free(&p);
    json_object_put(root);
    if (bad) {
        json_object_put(stored);
        return;
    }
    json_object *o = json_object_new_object();
    json_object_object_add(o, "articles", stored);
    reply_json(out, 201, o);
}

/* ---------------------------------------------------------------------
 * Routing
 * ------------------------------------------------------------------- */

/* The query arguments each route takes. */
#define FILTER_ARGS                                                                                     \
    "actor", "source", "target", "code", "country", "quad", "goldstein_min", "goldstein_max", "from",   \
        "to", "place", "text", "limit", "min_confidence"
static const char *const EVENT_ARGS[] = {FILTER_ARGS, "one_a_day", "sort", "order", "cursor", NULL};
static const char *const DOWNLOAD_ARGS[] = {FILTER_ARGS, "sort", "order", NULL};
static const char *const COUNT_ARGS[] = {FILTER_ARGS, NULL};
static const char *const STATS_ARGS[] = {FILTER_ARGS, "by", NULL};
static const char *const FIGURE_ARGS[] = {"actor", "kind", "from", "to", "place", "text", "limit", NULL};
static const char *const SEARCH_ARGS[] = {"q", "limit", NULL};
static const char *const NO_ARGS[] = {NULL};

/* 0 when every query argument of rq is one of takes; else -1 after a 400
 * naming the first that is not, and what the route takes. */
static int check_args(const http_request *rq, const char *const *takes, http_reply *out) {
    if (!rq->arg_name) return 0;
    for (int i = 0;; i++) {
        const char *name = rq->arg_name(rq->req, i);
        if (!name) return 0;
        int known = 0;
        for (int k = 0; takes[k] && !known; k++) known = !strcmp(name, takes[k]);
        if (known) continue;
        char list[256] = "";
        for (int k = 0; takes[k]; k++)
            snprintf(list + strlen(list), sizeof list - strlen(list), "%s%s", k ? ", " : "", takes[k]);
        http_error(out, 400, "unknown query argument '%.64s': %.200s takes %s", name, rq->path,
                   *list ? list : "none");
        return -1;
    }
}

void http_api_handle(http_api *api, const http_request *rq, http_reply *out) {
    memset(out, 0, sizeof *out);
    route rt = {api, rq->gone, rq->req, -1, 0, rq->arg, rq}, *r = &rt;
    const char *method = rq->method, *path = rq->path;
    int get = !strcmp(method, "GET") || !strcmp(method, "HEAD");
    const char *rest = path + 4; /* after "/api" */
    int articles = !strcmp(rest, "/articles");
    if (articles && !strcmp(method, "POST")) {
        if (!check_args(rq, NO_ARGS, out)) post_articles(r, rq->body, rq->body_len, out);
        return;
    }
    int one_event_path = !strncmp(rest, "/events/", 8) && !strchr(rest + 8, '/');
    int one_article_path = !strncmp(rest, "/articles/", 10) && rest[10];
    int download = !strcmp(rest, "/events.csv") || !strcmp(rest, "/events.ndjson");
    const char *const *takes = !strcmp(rest, "/events")                              ? EVENT_ARGS
                               : download                                            ? DOWNLOAD_ARGS
                               : !strcmp(rest, "/actors") || !strcmp(rest, "/dyads") ? COUNT_ARGS
                               : !strcmp(rest, "/timeseries")                        ? COUNT_ARGS
                               : !strcmp(rest, "/stats")                             ? STATS_ARGS
                               : !strcmp(rest, "/figures")                           ? FIGURE_ARGS
                               : articles                                            ? SEARCH_ARGS
                               : one_event_path || one_article_path || !strcmp(rest, "/health") ||
                                       !strcmp(rest, "/openapi.json")
                                   ? NO_ARGS
                                   : NULL;
    if (!get) {
        if (takes) {
            http_error(out, 405, "method %.16s not allowed on %.200s", method, path);
            out->allow = articles ? "GET, HEAD, POST" : "GET, HEAD";
        } else
            http_error(out, 404, "no route %.16s %.200s", method, path);
        return;
    }
    if (!takes) {
        http_error(out, 404, "no route GET %.200s", path);
        return;
    }
    if (check_args(rq, takes, out)) return;
    if (!strcmp(rest, "/openapi.json")) {
        if (!api->openapi) {
            http_error(out, 404, "no API description in this server");
            return;
        }
        out->status = 200;
        out->body = strdup(api->openapi);
        out->len = out->body ? strlen(out->body) : 0;
        if (!out->body) http_error(out, 500, "out of memory");
    } else if (!strcmp(rest, "/health")) {
        json_object *o = json_object_new_object();
        json_object_object_add(o, "ok", json_object_new_boolean(1));
        json_object_object_add(o, "coding", json_object_new_boolean(api->ctx != NULL));
        /* what dyad --version says: the release, its commit, the checksum
         * of the dictionaries posted articles are coded with (null: none) */
        json_object_object_add(o, "version", json_object_new_string(dyad_version()));
        json_object_object_add(o, "commit", json_object_new_string(dyad_commit()));
        char sum[33];
        if (api->ctx) dyad_ctx_checksum(api->ctx, sum);
        json_object_object_add(o, "dictionaries", api->ctx ? json_object_new_string(sum) : NULL);
        reply_json(out, 200, o);
    } else if (!strcmp(rest, "/events"))
        events_route(r, out);
    else if (!strcmp(rest, "/events.csv") || !strcmp(rest, "/events.ndjson"))
        download_route(r, !strcmp(rest, "/events.csv"), out);
    else if (one_event_path)
        one_event(r, rest + 8, out);
    else if (!strcmp(rest, "/actors"))
        counts_route(r, "actors", out);
    else if (!strcmp(rest, "/dyads"))
        counts_route(r, "dyads", out);
    else if (!strcmp(rest, "/stats"))
        counts_route(r, "stats", out);
    else if (!strcmp(rest, "/timeseries"))
        list_route(r, "series", fetch_series, out);
    else if (!strcmp(rest, "/figures"))
        list_route(r, "figures", fetch_figures, out);
    else if (articles)
        list_route(r, "articles", fetch_articles, out);
    else
        one_article(r, rest + 10, out);
}
