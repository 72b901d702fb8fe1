/* backend.h -- the interface every store backend implements (as curl's
 * vtls does for TLS libraries): sqlite.c for a file, postgres.c for a
 * postgresql:// URI. store.c picks one when the store is opened and hands
 * each public dyad_store_* call to it, after the checks that do not depend
 * on the backend (query dates, figure kinds). A backend never calls back
 * into store.c. The merge of reports into events is shared (merge.c): a
 * backend runs merge.c's statements, by number, through run. */
#ifndef DYAD_STORE_BACKEND_H
#define DYAD_STORE_BACKEND_H

#include "dyad.h"

/* A row of a statement run through run: ncols values as text, NULL for
 * SQL NULL (reals with all their digits). Non-zero stops the rows. */
typedef int (*store_row_fn)(void *ud, int ncols, const char *const *vals);

typedef struct store_backend {
    const char *name;
    /* whether path is this backend's (the SQLite backend takes the rest) */
    int (*claims)(const char *path);
    /* readonly: DYAD_STORE_READONLY's promise (dyad.h) */
    dyad_status (*open)(void **impl, const char *path, int readonly, dyad_error *err);
    void (*close)(void *impl);
    int (*connected)(const void *impl);
    /* how long a writer waits for another, NULL when writers never wait */
    void (*busy)(void *impl, int ms, dyad_warn_fn warn, void *ud);
    /* the question reads ask to know whether to stop (dyad_store_watch) */
    void (*watch)(void *impl, dyad_stop_fn stop, void *ud);
    /* articles a batch best holds (dyad_store_batch); 0: 64 */
    int batch;
    dyad_status (*begin)(void *impl, dyad_error *err);
    dyad_status (*commit)(void *impl, dyad_error *err);
    dyad_status (*put)(void *impl, const dyad_article *a, const dyad_doc *d, int *added,
                       dyad_error *err);
    /* whether a copy of a that comes first is stored (put would change
     * nothing) */
    dyad_status (*stored)(void *impl, const dyad_article *a, int *kept, dyad_error *err);
    dyad_status (*query)(void *impl, const dyad_query *q, dyad_event_fn fn, void *ud, dyad_error *err);
    dyad_status (*stats)(void *impl, const char *by, const dyad_query *q, dyad_count_fn fn, void *ud,
                         dyad_error *err);
    dyad_status (*figures)(void *impl, const dyad_query *q, dyad_figure_fn fn, void *ud,
                           dyad_error *err);
    dyad_status (*event)(void *impl, int64_t id, dyad_event_fn efn, dyad_mention_fn mfn, void *ud,
                         int *found, dyad_error *err);
    dyad_status (*article)(void *impl, const char *id, dyad_article_fn afn, dyad_mention_fn mfn,
                           void *ud, int *found, dyad_error *err);
    dyad_status (*search)(void *impl, const char *text, long limit, dyad_article_fn fn, void *ud,
                          dyad_error *err);
    dyad_status (*series)(void *impl, const dyad_query *q, dyad_series_fn fn, void *ud, dyad_error *err);
    /* Runs merge.c's statement stmt (MERGE_*) with n text parameters
     * (NULL for SQL NULL), calling row on each row it gives. */
    dyad_status (*run)(void *impl, int stmt, int n, const char *const *v, store_row_fn row, void *ud,
                       dyad_error *err);
} store_backend;

extern const store_backend store_sqlite, store_postgres;

#endif
