/* filter.h -- the filters of a query that take several values (actor,
 * source, target and code prefixes, actors' countries, QuadClasses) or a
 * range (Goldstein), and its sort, as SQL that both backends append to
 * their WHERE clause and use as ORDER BY: one reading of the values, each
 * backend's own spelling of a prefix match and a number. */
#ifndef DYAD_STORE_FILTER_H
#define DYAD_STORE_FILTER_H

#include "dyad.h"

#define FILTER_MAX_VALUES 64 /* values of one list filter */
#define FILTER_MAX_PARAMS (5 * FILTER_MAX_VALUES + 2)

/* How a backend writes what the clauses need. */
typedef struct filter_dialect {
    char mark;           /* '?' (SQLite: ?N) or '$' (PostgreSQL: $N) */
    const char *prefix;  /* column %1$s starts with the escaped LIKE prefix %2$s */
    const char *number;  /* parameter %s as a number */
    const char *integer; /* parameter %s as an integer */
} filter_dialect;

extern const filter_dialect FILTER_SQLITE, FILTER_POSTGRES;

typedef struct filter_sql {
    char where[8192];                      /* " AND (...)" clauses of the filters set; "" for none */
    const char *params[FILTER_MAX_PARAMS]; /* their values as text, numbered from first */
    int nparams;
    char values[4096]; /* the values' storage (escaped prefixes, numbers) */
} filter_sql;

/* Checks the list and range filters of q (each value of each list, the
 * range -10 to 10, the sort) and fills out with their clauses over events
 * alias e, their parameters numbered from first on. q may be NULL. */
dyad_status filter_build(const dyad_query *q, const filter_dialect *d, int first, filter_sql *out,
                         dyad_error *err);

/* " ORDER BY ..." of q's sort and order (ties by id): over alias e, or
 * when positional by the positions of ROWS_EVENT's columns (rows.h). */
const char *filter_order(const dyad_query *q, int positional);

#endif
