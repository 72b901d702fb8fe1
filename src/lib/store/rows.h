/* rows.h -- what both store backends select for a stored record, in one
 * order, and the decoders that turn such a row into the record. A backend
 * hands a row over as text values (NULL for SQL NULL; reals with all their
 * digits), so a record's columns are written once for every backend. */
#ifndef DYAD_STORE_ROWS_H
#define DYAD_STORE_ROWS_H

#include "dyad.h"

/* The most columns a row of the store has (an event with its first
 * report's: ROWS_EVENT_N + ROWS_FIRST_N). */
#define ROWS_MAX_COLS 48

/* An event's own columns, id first (ID: the expression for it, "e.id" or
 * an aggregate), table alias e. */
#define ROWS_EVENT(ID)                                                                                  \
    ID ", e.date, e.source, e.target, e.code, e.root, e.quad, e.goldstein, e.num_mentions,"             \
       " e.num_sources, e.num_articles, e.place, e.country, e.lat, e.lon, e.place_kind, e.confidence"
#define ROWS_EVENT_N 17

/* After an event's own columns, its first mention's (ADDED: the
 * backend's text of a.ingested_at as YYYY-MM-DD HH:MM:SS), from the joins
 * of ROWS_FIRST_FROM. */
#define ROWS_FIRST(ADDED)                                                                               \
    "a.id, substr(a.text, se.start + 1, se.\"end\" - se.start), m.source_text, m.target_text,"          \
    " m.verb_text, m.sentence, a.url, a.source, " ADDED ", m.source_name, m.target_name,"               \
    " m.source_wikidata, m.target_wikidata, m.date_precision, pm.place_admin1, pm.place_geonameid,"     \
    " pm.place_precision, a.title, m.rule, m.date_text, m.source_basis, m.target_basis,"                \
    " m.source_start, m.source_end, m.target_start, m.target_end, m.verb_start, m.verb_end,"            \
    " pm.place_text, pm.place_start, pm.place_end"
#define ROWS_FIRST_N 31
/* (pm: the first report that names the event's place, for the place's
 * admin-1 code, GeoNames id and precision) */
#define ROWS_FIRST_FROM                                                                                 \
    " FROM events e JOIN mentions m ON m.id = (SELECT min(id) FROM mentions WHERE event = "             \
    "e.id)" ROWS_FIRST_JOINS("e.id", "e.place", "e.country")
/* The joins of ROWS_FIRST_FROM after the report m, for the event ID at
 * PLACE in COUNTRY (a backend that knows the event need not join it). */
#define ROWS_FIRST_JOINS(ID, PLACE, COUNTRY)                                                            \
    " JOIN articles a ON a.rowid = m.article"                                                           \
    " JOIN sentences se ON se.article = m.article AND se.idx = m.sentence"                              \
    " LEFT JOIN mentions pm ON pm.id = (SELECT min(id) FROM mentions WHERE event = " ID                 \
    " AND place = " PLACE " AND country = " COUNTRY ")"

/* Mentions with their article and sentence; offsets relative to the
 * sentence, in characters. A WHERE clause follows. */
#define ROWS_MENTION_SELECT                                                                             \
    ROWS_MENTION_OF("e.code", "e.source", "e.target") " JOIN events e ON e.id = m.event"
/* The same with the event's code, source and target given (a backend that
 * knows the event need not read it again), without the join of events. */
#define ROWS_MENTION_OF(CODE, SOURCE, TARGET)                                                           \
    "SELECT m.event, " CODE ", " SOURCE ", " TARGET ", a.id, a.source, a.url, a.title, a.date,"         \
    " m.sentence, se.start, substr(a.text, se.start + 1, se.\"end\" - se.start),"                       \
    " m.source_start - se.start, m.source_end - se.start, m.target_start - se.start,"                   \
    " m.target_end - se.start, m.verb_start - se.start, m.verb_end - se.start,"                         \
    " m.source_text, m.target_text, m.verb_text, m.date_text, m.rule, length(a.text),"                  \
    " m.confidence, m.source_basis, m.target_basis, m.source_name, m.target_name,"                      \
    " m.source_wikidata, m.target_wikidata, m.date_precision"                                           \
    " FROM mentions m JOIN articles a ON a.rowid = m.article"                                           \
    " JOIN sentences se ON se.article = m.article AND se.idx = m.sentence"

/* Casualty figures with their article and sentence. A WHERE clause follows. */
#define ROWS_FIGURE_SELECT                                                                              \
    "SELECT f.id, a.id, a.source, a.url, f.sentence,"                                                   \
    " substr(a.text, se.start + 1, se.\"end\" - se.start), f.kind, f.released, f.value,"                \
    " f.value_max, f.qualifier, f.number_text, f.victim_text, f.victim_code,"                           \
    " f.perpetrator_text, f.perpetrator_code, f.date, f.date_text, f.cited, f.place,"                   \
    " f.country, f.lat, f.lon, f.historical, f.place_kind, f.place_text, f.number_start,"               \
    " f.number_end, a.title"                                                                            \
    " FROM figures f JOIN articles a ON a.rowid = f.article"                                            \
    " JOIN sentences se ON se.article = f.article AND se.idx = f.sentence"

/* The SQL of the group key of stats by by ("day", "month", "year",
 * "dyad", "root", "country", "country-year"), over events e; NULL for
 * another. */
const char *rows_group_key(const char *by);

/* An event from n values: ROWS_EVENT, then (n > ROWS_EVENT_N) ROWS_FIRST;
 * without them the first-mention fields are "". */
void rows_event(const char *const *v, int n, dyad_stored_event *e);
/* A mention from the values of ROWS_MENTION_SELECT. */
void rows_mention(const char *const *v, dyad_stored_mention *m);
/* A figure from the values of ROWS_FIGURE_SELECT. */
void rows_figure(const char *const *v, dyad_stored_figure *f);

#endif
