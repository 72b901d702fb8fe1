/* dyad.h -- the public interface of libdyad, a political event coder.
 *
 * libdyad turns English news text into CAMEO-coded events (who did what to
 * whom), TABARI-style: dictionaries of actors, agents and verb patterns
 * matched over a shallow parse. If a definition is not in this file it is
 * not part of the published API.
 *
 * Conventions: every function that can fail returns a dyad_status and takes
 * a dyad_error * last (NULL allowed) that it fills with file:line and a
 * message. Objects come in _new/_free pairs and _free(NULL) is a no-op.
 * A dyad_ctx is read-only once loaded and may be shared between threads. */
#ifndef DYAD_H
#define DYAD_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef enum {
    DYAD_OK = 0,
    DYAD_ENOMEM,  /* allocation failed */
    DYAD_EIO,     /* a file could not be read or written */
    DYAD_EPARSE,  /* malformed input (a line of a dictionary, an article) */
    DYAD_EINVAL,  /* bad argument */
    DYAD_ELIMIT,  /* input over a configured limit */
    DYAD_EDB      /* storage error */
} dyad_status;

typedef struct dyad_error {
    dyad_status code;
    char file[256]; /* file the problem is in, "" when none */
    long line;      /* 1-based line, 0 when none */
    char msg[512];  /* human readable, without the file:line prefix */
} dyad_error;

/* Name of a status code ("ok", "out of memory", ...); never NULL. */
const char *dyad_status_str(dyad_status s);

/* Formats err as "file:line: msg" (or "msg" when there is no file) into buf
 * of size n; returns buf. */
char *dyad_error_format(const dyad_error *err, char *buf, size_t n);

/* Loaders and readers report recoverable problems (a bad dictionary line, a
 * malformed article) through a callback and carry on. */
typedef void (*dyad_warn_fn)(void *ud, const dyad_error *warning);

/* ---------------------------------------------------------------------
 * Dictionaries
 * ------------------------------------------------------------------- */

typedef enum {
    DYAD_DICT_AUTO = 0, /* guess from the file's name and contents */
    DYAD_DICT_VERBS,    /* TABARI/PETRARCH-1 or PETRARCH-2 verb patterns */
    DYAD_DICT_ACTORS,   /* actors with optional dated codes */
    DYAD_DICT_AGENTS,   /* agents ([~GOV], [NGO~]) */
    DYAD_DICT_DISCARDS, /* sentence (and, with '+', story) discards */
    DYAD_DICT_IGNORE,   /* files Dyad reads nothing from (issues, prepositions) */
    DYAD_DICT_PLACES    /* a gazetteer (*.gaz): see dyad_ctx_load_gazetteer */
} dyad_dict_kind;

typedef struct dyad_ctx dyad_ctx;

/* Counts of what has been loaded into a context. */
typedef struct dyad_dict_stats {
    size_t actors, actor_phrases, agents, agent_phrases, discards;
    size_t verb_blocks, verb_forms, patterns, synsets;
    size_t bad_lines; /* lines reported through the warning callback */
    size_t places, place_names; /* gazetteer entries, and their distinct names */
} dyad_dict_stats;

/* Creates an empty context. */
dyad_status dyad_ctx_new(dyad_ctx **out, dyad_error *err);
void dyad_ctx_free(dyad_ctx *ctx);

/* Loads one dictionary file. Bad lines are reported through warn (if not
 * NULL) and skipped; only an unreadable file or exhausted memory fails. */
dyad_status dyad_ctx_load_file(dyad_ctx *ctx, const char *path, dyad_dict_kind kind,
                               dyad_warn_fn warn, void *ud, dyad_error *err);

/* Loads a gazetteer (.gaz: tab-separated name, kind country|region|capital|
 * city, ISO alpha-3 country, region code, latitude, longitude, population,
 * '|'-separated aliases; see docs/places.md). May be called for several
 * files; bad lines are reported through warn with file:line and skipped. */
dyad_status dyad_ctx_load_gazetteer(dyad_ctx *ctx, const char *path, dyad_warn_fn warn,
                                    void *ud, dyad_error *err);

/* Loads every dictionary file of a directory (*.txt, *.verbs, *.actors,
 * *.agents, *.discards, *.gaz), kinds guessed from names. */
dyad_status dyad_ctx_load_dir(dyad_ctx *ctx, const char *dir, dyad_warn_fn warn, void *ud,
                              dyad_error *err);

/* Must be called once after loading and before coding: builds indexes and
 * inflections. */
dyad_status dyad_ctx_finish(dyad_ctx *ctx, dyad_error *err);

void dyad_ctx_stats(const dyad_ctx *ctx, dyad_dict_stats *out);

/* ---------------------------------------------------------------------
 * Articles
 * ------------------------------------------------------------------- */

typedef enum {
    DYAD_FMT_AUTO = 0, /* by extension and first bytes */
    DYAD_FMT_TEXT,     /* one article per file, optional header lines */
    DYAD_FMT_JSONL,    /* one article per line */
    DYAD_FMT_PETRXML   /* PETRARCH <Sentence> records */
} dyad_input_format;

/* An article as read. All strings are NUL-terminated and owned by the
 * reader; they stay valid until the next dyad_reader_next or _free. */
typedef struct dyad_article {
    const char *id;      /* never NULL; made from file and position if absent */
    const char *date;    /* "YYYY-MM-DD" or "" */
    const char *source;  /* "" when unknown */
    const char *title;   /* "" when unknown */
    const char *url;     /* "" when unknown */
    const char *text;    /* UTF-8, NFC-normalised */
    size_t text_len;
    const char *file;    /* where it came from ("-" for stdin) */
    long line;           /* line of the file where it starts */
    int single_sentence; /* the text is one sentence; do not split it */
} dyad_article;

typedef struct dyad_reader dyad_reader;

/* Opens path ("-" for stdin) for reading articles. */
dyad_status dyad_reader_open(dyad_reader **out, const char *path, dyad_input_format fmt,
                             dyad_warn_fn warn, void *ud, dyad_error *err);

/* Reads the next article into *out. Returns 1 when one was read, 0 at the
 * end, -1 on a fatal error (filled in err). Malformed records are reported
 * through warn and skipped. */
int dyad_reader_next(dyad_reader *r, dyad_article *out, dyad_error *err);
void dyad_reader_free(dyad_reader *r);

/* ---------------------------------------------------------------------
 * Coding
 * ------------------------------------------------------------------- */

/* One coded event. Offsets are byte offsets into the article's text;
 * a span with len 0 is absent. */
typedef struct dyad_span {
    uint32_t off, len;
} dyad_span;

/* A place named in an article: the gazetteer entry a mention resolved to. */
typedef struct dyad_place {
    const char *name;    /* as in the gazetteer ("Rafah"); NULL when none */
    const char *kind;    /* "country", "region", "capital", "city", or "place":
                            a name the gazetteer lacks that the sentence
                            gives as a location ("near the village of
                            Khalsa"; name as written, no country) */
    char country[4];     /* ISO 3166-1 alpha-3 ("PSE"), which CAMEO uses
                            too; "" when unknown */
    double lat, lon;     /* degrees; NaN when unknown */
    dyad_span span;      /* the words that name it ("northern Gaza", "the
                            Qatari capital") */
    uint32_t sentence;   /* 0-based sentence index */
    int locative;        /* introduced as a location ("in", "near", "south of"):
                            1, or 2 after "town of" and the like */
} dyad_place;

typedef struct dyad_event {
    uint32_t sentence;      /* 0-based index of the sentence in the article */
    const char *date;       /* YYYY-MM-DD */
    const char *source;     /* CAMEO actor code, "" when absent */
    const char *target;     /* CAMEO actor code, "" when absent */
    const char *code;       /* CAMEO event code, "042" */
    char root[3];           /* first two digits, "04" */
    int quad;               /* GDELT QuadClass 1-4 */
    double goldstein;       /* Goldstein scale, -10..10 */
    dyad_span source_span, target_span, verb_span;
    dyad_span date_span;    /* the date expression the date comes from; len 0
                               when it is the article's publication date */
    const char *rule;       /* dictionary file:line of the pattern that fired */
    dyad_place place;       /* where it happened, as its sentence says;
                               place.name NULL when it names no place */
} dyad_event;

typedef struct dyad_sentence_info {
    dyad_span span;
    int discarded; /* matched a discard phrase */
} dyad_sentence_info;

typedef struct dyad_doc dyad_doc;

/* Codes one article. The returned document owns its events (an arena) and
 * must be freed with dyad_doc_free. */
dyad_status dyad_code(const dyad_ctx *ctx, const dyad_article *a, dyad_doc **out,
                      dyad_error *err);

size_t dyad_doc_nevents(const dyad_doc *d);
const dyad_event *dyad_doc_event(const dyad_doc *d, size_t i);
size_t dyad_doc_nsentences(const dyad_doc *d);
const dyad_sentence_info *dyad_doc_sentence(const dyad_doc *d, size_t i);
int dyad_doc_story_discarded(const dyad_doc *d);
/* Every place mention of the article, in text order. */
size_t dyad_doc_nplaces(const dyad_doc *d);
const dyad_place *dyad_doc_place(const dyad_doc *d, size_t i);

/* The place Dyad attaches to an event whose verb is at span verb of a
 * one-sentence text (what dyad_code does for each event, without needing
 * an event). *out gets name NULL when there is none. Its strings belong to
 * ctx, but for a name the gazetteer lacks (kind "place"), copied into
 * buf of size cap (truncated to fit). */
dyad_status dyad_place_for_verb(const dyad_ctx *ctx, const char *text, size_t len,
                                dyad_span verb, dyad_place *out, char *buf, size_t cap,
                                dyad_error *err);
void dyad_doc_free(dyad_doc *d);

/* ---------------------------------------------------------------------
 * Output
 * ------------------------------------------------------------------- */

typedef enum {
    DYAD_OUT_JSONL = 0, /* one JSON object per event */
    DYAD_OUT_TSV,       /* tab-separated, one line per event, all fields */
    DYAD_OUT_PETRARCH,  /* PETRARCH-2 event lines: date src tgt code ... */
    DYAD_OUT_PLACES     /* the article's place mentions, one JSON object each */
} dyad_output_format;

/* Writes the header line of a format (only TSV has one) to f. */
dyad_status dyad_write_header(FILE *f, dyad_output_format fmt, dyad_error *err);

/* Writes the events of a coded article to f (with DYAD_OUT_PLACES: its
 * place mentions instead). JSON and TSV give offsets as
 * character (code point) offsets into the article text, start inclusive,
 * end exclusive. */
dyad_status dyad_write_events(FILE *f, dyad_output_format fmt, const dyad_article *a,
                              const dyad_doc *d, dyad_error *err);

/* Character (code point) offset of byte offset off in UTF-8 text. */
size_t dyad_char_offset(const char *text, size_t off);

/* ---------------------------------------------------------------------
 * Event store (SQLite)
 * ------------------------------------------------------------------- */

typedef struct dyad_store dyad_store;

/* Opens (creating if needed) the store at path, in WAL mode. */
dyad_status dyad_store_open(dyad_store **out, const char *path, dyad_error *err);
void dyad_store_close(dyad_store *s);

/* Batches: everything between begin and commit is one transaction, so an
 * interrupted ingest keeps every committed batch and nothing of the rest. */
dyad_status dyad_store_begin(dyad_store *s, dyad_error *err);
dyad_status dyad_store_commit(dyad_store *s, dyad_error *err);

/* Stores an article, its sentences and its events. An event with the same
 * date, source, target and code as a stored one becomes another mention of
 * it (GDELT-style NumMentions, NumSources, NumArticles are kept up to
 * date). An article already stored (same id, or same text) changes nothing
 * and sets *added to 0. */
dyad_status dyad_store_put(dyad_store *s, const dyad_article *a, const dyad_doc *d,
                           int *added, dyad_error *err);

typedef struct dyad_query {
    const char *actor; /* code prefix of the source or target, NULL for any */
    const char *code;  /* CAMEO code prefix, NULL for any */
    const char *from, *to; /* YYYY-MM-DD inclusive, NULL for open */
    const char *text;  /* full-text query over articles (FTS5), NULL for none */
    long limit;        /* 0: no limit */
    int one_a_day;     /* GDELT's one-a-day filter: one event per date, dyad and code */
} dyad_query;

typedef struct dyad_stored_event {
    int64_t id;
    const char *date, *source, *target, *code, *root;
    int quad;
    double goldstein;
    int num_mentions, num_sources, num_articles;
    const char *article;     /* id of the first article that reports it */
    const char *sentence;    /* the first mention's sentence */
    const char *source_text, *target_text, *verb_text;
    int sentence_index;      /* of the first mention in its article */
    const char *url;         /* the first article's URL ("" when unknown) */
    const char *news_source; /* the first article's source (publisher) */
    const char *added;       /* when the first article was stored, UTC "YYYY-MM-DD HH:MM:SS" */
} dyad_stored_event;

/* Calls fn for each event matching q, by date then id; fn returns non-zero
 * to stop. A malformed date in q is DYAD_EINVAL. */
typedef int (*dyad_event_fn)(void *ud, const dyad_stored_event *e);
dyad_status dyad_store_query(dyad_store *s, const dyad_query *q, dyad_event_fn fn, void *ud,
                             dyad_error *err);

/* Counts of events (sum of mentions too) grouped by "day", "dyad" or
 * "root"; fn gets the group key, the number of events and of mentions. */
typedef int (*dyad_count_fn)(void *ud, const char *key, long events, long mentions);
dyad_status dyad_store_stats(dyad_store *s, const char *by, const dyad_query *q,
                             dyad_count_fn fn, void *ud, dyad_error *err);

/* ---------------------------------------------------------------------
 * CAMEO vocabulary
 * ------------------------------------------------------------------- */

/* Name of a CAMEO event code ("Make a visit" for "042"); NULL if unknown. */
const char *dyad_cameo_name(const char *code);
/* Goldstein scale of a code (falls back to its parent); 0 if unknown. */
double dyad_cameo_goldstein(const char *code);
/* GDELT QuadClass (1 verbal coop, 2 material coop, 3 verbal conflict,
 * 4 material conflict) of a code; 0 if unknown. */
int dyad_cameo_quad(const char *code);

#ifdef __cplusplus
}
#endif
#endif
