/* store_pg.h -- the PostgreSQL backend of the event store, called by the
 * public dyad_store_* functions of store.c when the store was opened with a
 * postgresql:// (or postgres://) URI. Each public store function has a
 * pg_store_* twin here with the same arguments and semantics; see store.c
 * for what they promise. */
#ifndef DYAD_STORE_PG_H
#define DYAD_STORE_PG_H

#include "dyad.h"

typedef struct pg_store pg_store;

/* 1 if path names a PostgreSQL database (postgresql:// or postgres://). */
int pg_store_is_uri(const char *path);

dyad_status pg_store_open(pg_store **out, const char *uri, dyad_error *err);
void pg_store_close(pg_store *p);
dyad_status pg_store_begin(pg_store *p, dyad_error *err);
int pg_store_connected(const pg_store *p);
dyad_status pg_store_commit(pg_store *p, dyad_error *err);
dyad_status pg_store_put(pg_store *p, const dyad_article *a, const dyad_doc *d, int *added,
                         dyad_error *err);
dyad_status pg_store_query(pg_store *p, const dyad_query *q, dyad_event_fn fn, void *ud,
                           dyad_error *err);
dyad_status pg_store_stats(pg_store *p, const char *by, const dyad_query *q, dyad_count_fn fn,
                           void *ud, dyad_error *err);
dyad_status pg_store_figures(pg_store *p, const dyad_query *q, dyad_figure_fn fn, void *ud,
                             dyad_error *err);
dyad_status pg_store_event(pg_store *p, int64_t id, dyad_event_fn efn, dyad_mention_fn mfn, void *ud,
                           int *found, dyad_error *err);
dyad_status pg_store_article(pg_store *p, const char *id, dyad_article_fn afn, dyad_mention_fn mfn,
                             void *ud, int *found, dyad_error *err);
dyad_status pg_store_search(pg_store *p, const char *text, long limit, dyad_article_fn fn, void *ud,
                            dyad_error *err);
dyad_status pg_store_series(pg_store *p, const dyad_query *q, dyad_series_fn fn, void *ud,
                            dyad_error *err);

/* Shared with store.c, so both backends agree. */

/* Refuses a query whose --from or --to is not YYYY-MM-DD (DYAD_EINVAL). */
dyad_status store_check_query(const dyad_query *q, dyad_error *err);

#endif
