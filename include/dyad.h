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
 * A dyad_ctx is read-only once loaded and may be shared between threads
 * (see dyad_code for what may not be). */
#ifndef DYAD_H
#define DYAD_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#ifdef __cplusplus
extern "C" {
#endif

/* The release of libdyad and of the dyad tool, MAJOR.MINOR.PATCH: the one
 * place it is written (dyad --version, /api/health, the man page). */
#define DYAD_VERSION "0.9.0"

/* DYAD_VERSION as the library linked in was built; never NULL. */
const char *dyad_version(void);
/* The git commit the library was built from, as `git describe --always
 * --dirty` gives it ("6a37826", "6a37826-dirty"); "unknown" when it was
 * not built from a git checkout. Never NULL. */
const char *dyad_commit(void);

typedef enum {
    DYAD_OK = 0,
    DYAD_ENOMEM, /* allocation failed */
    DYAD_EIO,    /* a file could not be read or written */
    DYAD_EPARSE, /* malformed input (a line of a dictionary, an article) */
    DYAD_EINVAL, /* bad argument */
    DYAD_ELIMIT, /* input over a configured limit */
    DYAD_EDB     /* storage error */
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

/* Fills err (when not NULL) with code and its name as the message, no
 * file; returns code. For callers that fail on their own account (out of
 * memory) where the library's errors are passed on. */
dyad_status dyad_error_set(dyad_error *err, dyad_status code);

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
    size_t bad_lines;           /* lines reported through the warning callback */
    size_t places, place_names; /* gazetteer entries, and their distinct names */
    size_t duplicates;          /* phrases given again (the first kept) */
} dyad_dict_stats;

/* Creates an empty context. */
dyad_status dyad_ctx_new(dyad_ctx **out, dyad_error *err);
void dyad_ctx_free(dyad_ctx *ctx);

/* Loads one dictionary file. Bad lines are reported through warn (if not
 * NULL) and skipped; only an unreadable file or exhausted memory fails.
 * With DYAD_DICT_AUTO a file whose name tells no kind is read for nothing
 * and reported through warn. */
dyad_status dyad_ctx_load_file(dyad_ctx *ctx, const char *path, dyad_dict_kind kind, dyad_warn_fn warn,
                               void *ud, dyad_error *err);

/* Loads a gazetteer (.gaz: tab-separated name, kind country|region|capital|
 * city, ISO alpha-3 country, region code, latitude, longitude, population,
 * '|'-separated aliases; see docs/places.md). May be called for several
 * files; bad lines are reported through warn with file:line and skipped. */
dyad_status dyad_ctx_load_gazetteer(dyad_ctx *ctx, const char *path, dyad_warn_fn warn, void *ud,
                                    dyad_error *err);

/* Loads every dictionary file of a directory (*.txt, *.verbs, *.actors,
 * *.agents, *.discards, *.gaz), kinds guessed from names. */
dyad_status dyad_ctx_load_dir(dyad_ctx *ctx, const char *dir, dyad_warn_fn warn, void *ud,
                              dyad_error *err);

/* Must be called once after loading and before coding: builds indexes and
 * inflections. */
dyad_status dyad_ctx_finish(dyad_ctx *ctx, dyad_error *err);

void dyad_ctx_stats(const dyad_ctx *ctx, dyad_dict_stats *out);

/* The checksum of the dictionaries loaded into ctx, as 32 hex digits and a
 * NUL into out: a hash of the bytes of each file (or buffer) loaded, in
 * load order, so that the same files loaded in the same order give the
 * same checksum wherever they lie, and a change to any byte of one or to
 * their order another. Files read for nothing (DYAD_DICT_IGNORE) do not
 * count. What a coding was made with, for citing it. */
void dyad_ctx_checksum(const dyad_ctx *ctx, char out[33]);

/* Reports through warn (as "file:line: message", or a message alone)
 * what a dictionary's maintainer should look at, none of which stops
 * coding: an actor phrase given again for another entry (the first
 * keeps it), an actor whose dated codes of different roles or countries
 * overlap by more than the day of a handover (which one applies on a day
 * both hold is the first's), and the
 * three-digit CAMEO codes that no verb, form or pattern gives. Returns
 * how many it reported. */
size_t dyad_ctx_audit(const dyad_ctx *ctx, dyad_warn_fn warn, void *ud);

/* ---------------------------------------------------------------------
 * Articles
 * ------------------------------------------------------------------- */

typedef enum {
    DYAD_FMT_AUTO = 0, /* by the first bytes (the name only for text) */
    DYAD_FMT_TEXT,     /* one article per file, optional header lines */
    DYAD_FMT_JSONL,    /* one article per line */
    DYAD_FMT_PETRXML,  /* PETRARCH <Sentence> records */
    DYAD_FMT_WARC,     /* WARC (CC-NEWS): each HTML response an article */
    DYAD_FMT_FEED,     /* RSS 2.0, RSS 1.0 or Atom: each item an article */
    DYAD_FMT_HTML      /* one HTML page, one article */
} dyad_input_format;

/* An article as read. All strings are NUL-terminated and owned by the
 * reader; they stay valid until the next dyad_reader_next or _free. */
typedef struct dyad_article {
    const char *id;     /* never NULL; made from file and position if absent */
    const char *date;   /* "YYYY-MM-DD" or "" */
    const char *source; /* "" when unknown */
    const char *title;  /* "" when unknown */
    const char *url;    /* "" when unknown */
    const char *text;   /* UTF-8, NFC-normalised */
    size_t text_len;
    const char *file;    /* where it came from ("-" for stdin) */
    long line;           /* line of the file where it starts */
    int single_sentence; /* the text is one sentence; do not split it */
} dyad_article;

typedef struct dyad_reader dyad_reader;

/* Opens path ("-" for stdin) for reading articles. */
/* Checks and normalises an article date as the readers do: YYYY-MM-DD,
 * YYYYMMDD or an ISO timestamp of a real day (year 1-9999) into out as
 * YYYY-MM-DD. Returns 0, or -1 when s is no such date. */
int dyad_date_normalize(const char *s, char out[11]);

/* 128-bit hash of a text as 32 hex digits and a NUL: the same text, the
 * same hash (the store knows an article again by it). */
void dyad_text_hash(const char *text, size_t len, char out[33]);

dyad_status dyad_reader_open(dyad_reader **out, const char *path, dyad_input_format fmt,
                             dyad_warn_fn warn, void *ud, dyad_error *err);

/* Opens len bytes at data (not copied: they must outlive the reader) as a
 * file of articles called name, read exactly as a file is (messages say
 * name:line). */
dyad_status dyad_reader_open_mem(dyad_reader **out, const char *name, const char *data, size_t len,
                                 dyad_input_format fmt, dyad_warn_fn warn, void *ud, dyad_error *err);

/* Reads the next article into *out. Returns 1 when one was read, 0 at the
 * end, -1 on a fatal error (filled in err). Malformed records are reported
 * through warn and skipped. */
int dyad_reader_next(dyad_reader *r, dyad_article *out, dyad_error *err);
void dyad_reader_free(dyad_reader *r);
/* How far r has read its file, for progress: the bytes read so far (of
 * the gzip'd file, for one), and into *size the file's size; -1 where
 * unknown (stdin, a pipe, memory). */
long long dyad_reader_offset(const dyad_reader *r, long long *size);

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
    const char *name;      /* as in the gazetteer ("Rafah"); NULL when none */
    const char *kind;      /* "country", "region", "capital", "city", or "place":
                              a name the gazetteer lacks that the sentence
                              gives as a location ("near the village of
                              Khalsa"; name as written, no country) */
    char country[4];       /* ISO 3166-1 alpha-3 ("PSE"), which CAMEO uses
                              too; "" when unknown */
    double lat, lon;       /* degrees; NaN when unknown */
    dyad_span span;        /* the words that name it ("northern Gaza", "the
                              Qatari capital") */
    uint32_t sentence;     /* 0-based sentence index */
    int locative;          /* introduced as a location ("in", "near", "south of"):
                              1, or 2 after "town of" and the like */
    int qualifier;         /* the region or country that says which place the
                              name before it is ("Seattle, Washington"): never
                              where an event happened */
    int actor;             /* a country inside an actor's words ("Georgia's
                              parliament", "the king of Jordan"): whose, not
                              where */
    const char *admin1;    /* GeoNames admin-1 code of a region or town ("GA",
                              "05"); "" for a country or when unknown */
    uint32_t geonameid;    /* GeoNames id of a town; 0 when unknown */
    const char *precision; /* "city", "admin1" or "country": what the place
                              pins down; NULL for a name the gazetteer lacks */
} dyad_place;

typedef struct dyad_event {
    uint32_t sentence;  /* 0-based index of the sentence in the article */
    const char *date;   /* YYYY-MM-DD */
    const char *source; /* CAMEO actor code, "" when absent */
    const char *target; /* CAMEO actor code, "" when absent */
    const char *code;   /* CAMEO event code, "042" */
    char root[3];       /* first two digits, "04" */
    int quad;           /* GDELT QuadClass 1-4 */
    double goldstein;   /* Goldstein scale, -10..10 */
    dyad_span source_span, target_span, verb_span;
    dyad_span date_span;                     /* the date expression the date comes from (its
                                                sentence's, else the lead's); len 0 when it is
                                                the article's publication date */
    const char *date_precision;              /* what the date says: "day", "week", "month"
                                                (the expression's), "publication" (none in the
                                                story: the publication date), "none" (no date
                                                at all: date is "") */
    const char *rule;                        /* dictionary file:line of the pattern that fired */
    dyad_place place;                        /* where it happened, as its sentence says;
                                                place.name NULL when it names no place */
    double confidence;                       /* 0..1, from the evidence the coder used: see below */
    const char *source_basis, *target_basis; /* how each actor's country was found:
                               "dictionary" (its own name), "place" (the place a role
                               is in: "police in Tbilisi"), "coreference" (the actor
                               a possessive stands for: "its forces"), "article" (the country the
                               article is about: "police" in a story on Dhaka;
                               whom an appeal to no one named is to), "" when
                               absent */
    const char *source_name, *target_name;   /* the actors' canonical names: the
                                 dictionary entry its words name ("ANTONY BLINKEN"
                                 for "Blinken", "HAMAS"), else the country's or
                                 organisation's its code is of ("UNITED STATES" for
                                 USAGOV), else its role's ("POLICE" for ---COP); ""
                                 when absent */
    const char *source_wikidata, *target_wikidata; /* the Wikidata id the
                               dictionary gives that entry ("Q6279"), "" when
                               none */
} dyad_event;

/* An event's confidence starts from who it names: 0.9 when the source and
 * the target both name an actor with a country or an organisation, 0.55
 * when one of them is only a role ("---GOV") or absent, 0.2 when both
 * are, 0.05 less for each role whose country comes from the place it is
 * in ("police in Tbilisi"), the actor a possessive stands for ("Gondor
 * said its soldiers") or an actor of its role named just before ("the
 * rebels"), 0.15 less for each whose country is the
 * article's. It then loses 0.1 when the verb matched no pattern of its
 * dictionary entry, 0.1 for an event read from a noun ("the invasion of
 * X"), 0.05 each when the target is a place ("attacked targets in X"), the
 * pairing is inferred from a joint subject ("A and B met"), the verb is
 * inside a quotation or a reported clause ("X said Y attacked Z"), or it is
 * said, not done (future, intention); 0.25 when a statement's target is
 * only an actor its words name ("X said the war with Y must end") or when
 * force is told in the simple present, what an actor does rather than did
 * ("they target ships"); 0.15 when a mediator's parties are the
 * article's leading countries, not named in the sentence; 0.1 when the
 * source is only implied (an arrest's police); and 0.35
 * when it is only supposed or background ("if X attacks", "X would attack
 * if", "since X attacked"). The
 * events an analyst reads by default are those of at least
 * DYAD_MIN_CONFIDENCE: both sides named, by the verb's own clause. */
#define DYAD_MIN_CONFIDENCE 0.6

typedef struct dyad_sentence_info {
    dyad_span span;
    int discarded; /* matched a discard phrase */
} dyad_sentence_info;

/* A casualty or captivity figure stated in the text ("killed at least
 * 2,483 people", "40,170 Palestinian deaths", "the release of 109
 * captives"). Strings are never NULL ("" when absent); spans are byte
 * offsets into the article text, len 0 when absent. */
typedef enum {
    DYAD_FIG_KILLED = 0, /* killed, dead, deaths, death toll */
    DYAD_FIG_INJURED,    /* injured, wounded, hurt, hospitalised */
    DYAD_FIG_CAPTIVE,    /* captives, hostages, abducted, kidnapped */
    DYAD_FIG_PRISONER,   /* prisoners, detainees, arrested, detained */
    DYAD_FIG_DISPLACED,  /* displaced, refugees, fled, sought refuge */
    DYAD_FIG_NKINDS
} dyad_figure_kind;

typedef struct dyad_figure {
    uint32_t sentence; /* 0-based index of its sentence */
    dyad_figure_kind kind;
    int released;          /* captives or prisoners said to be released or exchanged */
    const char *number;    /* the number as written, "2,483", "one million", "a";
                              "" for a named victim, "the man" or "a fatal shooting" */
    dyad_span number_span; /* the number without its qualifier */
    int64_t value;         /* 2483, 1000000; the low end of a range */
    int64_t value_max;     /* the high end of a range ("three to four"), else value */
    const char *qualifier; /* normalised: "", "at least", "more than" ("over"),
                              "about" ("some", "around"), "up to", "fewer than",
                              "nearly" ("almost") */
    const char *victim;    /* who suffered, as written: "Palestinian", "people" */
    dyad_span victim_span;
    const char *victim_code; /* CAMEO actor code when an actor matches, else "" */
    const char *perpetrator; /* who is said to have caused it, as written */
    dyad_span perpetrator_span;
    const char *perpetrator_code;
    const char *date;    /* YYYY-MM-DD: the sentence's date expression nearest the
                            number, else the publication date */
    dyad_span date_span; /* len 0 when the date is the publication date */
    int historical;      /* dated more than a year before publication: a figure of
                            history ("in 1994"), not of the day's news */
    const char *cited;   /* the source cited: "local health authorities" */
    dyad_span cited_span;
    dyad_place place; /* where: the place its number is tied to, else the
                         sentence's place when it names one, or only one;
                         place.name NULL when none */
} dyad_figure;

/* Name of a figure kind: "killed", "injured", "captive", "prisoner",
 * "displaced"; "" for a value out of range. */
const char *dyad_figure_kind_name(dyad_figure_kind k);

/* A country's FIPS 10-4 code (what GDELT writes: "QA", "UK", "GM") from its
 * ISO 3166-1 alpha-3 code ("QAT", "GBR", "DEU"); NULL when unknown. */
const char *dyad_country_fips(const char *iso3);

typedef struct dyad_doc dyad_doc;

/* Codes one article. The returned document owns its events (an arena) and
 * must be freed with dyad_doc_free.
 *
 * Threads: once dyad_ctx_finish has returned a context is only read, so
 * several threads may call dyad_code on the same ctx at once, each with
 * an article and a document of its own (so may dyad_place_for_verb,
 * dyad_place_lookup, and the dyad_write_* functions each to its own
 * FILE); coding keeps no global mutable state. Loading (dyad_ctx_load_*,
 * dyad_ctx_finish) and dyad_ctx_free must not overlap anything else on
 * that ctx. Not to be shared between threads without the caller's own
 * lock: a dyad_reader (nor the dyad_article it fills, valid until its
 * next read: copy it for another thread), a dyad_doc being changed
 * (dyad_doc_keep_confident, dyad_doc_free) and a dyad_store. */
dyad_status dyad_code(const dyad_ctx *ctx, const dyad_article *a, dyad_doc **out, dyad_error *err);

size_t dyad_doc_nevents(const dyad_doc *d);
const dyad_event *dyad_doc_event(const dyad_doc *d, size_t i);
size_t dyad_doc_nsentences(const dyad_doc *d);
const dyad_sentence_info *dyad_doc_sentence(const dyad_doc *d, size_t i);
int dyad_doc_story_discarded(const dyad_doc *d);
/* Drops the events whose confidence is below min; returns how many. */
size_t dyad_doc_keep_confident(dyad_doc *d, double min);
/* The figures of the article, in text order, from every sentence: discards
 * (and a discarded story) drop events only. A figure stated twice in one
 * sentence is given once. */
size_t dyad_doc_nfigures(const dyad_doc *d);
const dyad_figure *dyad_doc_figure(const dyad_doc *d, size_t i);

/* What coding the article left out, and why, one line each ("sentence 3:
 * figure "1,601,030,008" (prisoner) dropped: more than ten million
 * (10000000)"): a figure above ten million or twice the population of
 * its country's towns in the gazetteer. */
size_t dyad_doc_nwarnings(const dyad_doc *d);
const char *dyad_doc_warning(const dyad_doc *d, size_t i);
/* Every place mention of the article, in text order. */
size_t dyad_doc_nplaces(const dyad_doc *d);
const dyad_place *dyad_doc_place(const dyad_doc *d, size_t i);

/* The place Dyad attaches to an event whose verb is at span verb of a
 * one-sentence text (what dyad_code does for each event, without needing
 * an event). *out gets name NULL when there is none. Its strings belong to
 * ctx, but for a name the gazetteer lacks (kind "place"), copied into
 * buf of size cap (truncated to fit). */
dyad_status dyad_place_for_verb(const dyad_ctx *ctx, const char *text, size_t len, dyad_span verb,
                                dyad_place *out, char *buf, size_t cap, dyad_error *err);

/* The gazetteer's place of a stored event or figure: the entry of ctx's
 * gazetteer named name (as the gazetteer names it) in country (alpha-3)
 * of kind kind ("country", "region", "capital", "city"), the one nearest
 * (lat, lon) when several are (NaN: the first). Fills out's name, kind,
 * country, coordinates, admin1, geonameid and precision; returns 1, or 0
 * when the gazetteer has no such place (out then names none). */
int dyad_place_lookup(const dyad_ctx *ctx, const char *name, const char *country, const char *kind,
                      double lat, double lon, dyad_place *out);
/* The gazetteer's entry of a country, by its alpha-3 code ("QAT": Qatar,
 * its centroid): fills out as dyad_place_lookup does; returns 1, or 0 when
 * the gazetteer has no such country. */
int dyad_country_place(const dyad_ctx *ctx, const char *iso3, dyad_place *out);
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

/* The version of the JSON records Dyad writes (docs/formats.md): the
 * "schema" member of every record. It goes up when a field changes name,
 * type or meaning or is removed; a field added leaves it. */
#define DYAD_SCHEMA_VERSION 1

/* Writes the events of a coded article to f (with DYAD_OUT_PLACES: its
 * place mentions instead). JSON (records "event" and "place" of
 * DYAD_SCHEMA_VERSION) and TSV give offsets as character (code point)
 * offsets into the article text, start inclusive, end exclusive. */
dyad_status dyad_write_events(FILE *f, dyad_output_format fmt, const dyad_article *a, const dyad_doc *d,
                              dyad_error *err);

/* Writes the figures of a coded article to f as JSON Lines, one record
 * "figure" each (fields as in dyad_figure, spans as character offsets). */
dyad_status dyad_write_figures(FILE *f, const dyad_article *a, const dyad_doc *d, dyad_error *err);

/* Character (code point) offset of byte offset off in UTF-8 text: counts
 * from the start, so for many offsets into one article use
 * dyad_doc_char_offset. */
size_t dyad_char_offset(const char *text, size_t off);
/* The same for the text d was coded from, in constant time whatever the
 * article's length. */
size_t dyad_doc_char_offset(const dyad_doc *d, const char *text, size_t off);

/* ---------------------------------------------------------------------
 * Event store (SQLite, or PostgreSQL)
 * ------------------------------------------------------------------- */

typedef struct dyad_store dyad_store;

/* Opens (creating if needed) the store at path: an SQLite file (in WAL
 * mode), or a PostgreSQL database when path is a postgresql:// or
 * postgres:// URI (libpq's connection URI; the database must exist and be
 * UTF8, the tables are created if missing). Both backends behave the same.
 * The same as dyad_store_open_mode with DYAD_STORE_CREATE. */
dyad_status dyad_store_open(dyad_store **out, const char *path, dyad_error *err);

typedef enum {
    DYAD_STORE_CREATE = 0, /* read and write; an SQLite file is made when missing */
    DYAD_STORE_READONLY    /* for reading: an SQLite file must exist and be a
                              Dyad store (DYAD_EIO naming it when missing,
                              DYAD_EDB when it is no store), and is only read
                              (writes fail with DYAD_EDB) but for the one
                              upgrade of a store of an earlier Dyad. An SQLite
                              database in memory (":memory:", "") and
                              PostgreSQL are opened as with DYAD_STORE_CREATE. */
} dyad_store_mode;

/* Opens the store at path as dyad_store_open does, in mode. */
dyad_status dyad_store_open_mode(dyad_store **out, const char *path, dyad_store_mode mode,
                                 dyad_error *err);

/* Where the password of a store URI is ("postgresql://user:PASSWORD@host/db"):
 * the offset of its first byte, with its length (maybe 0) in *len; 0 when
 * the URI has no "user:" part before a host (or path is a file name). */
size_t dyad_uri_password(const char *uri, size_t *len);
void dyad_store_close(dyad_store *s);

/* How long an SQLite store waits for another writer to let go of the file
 * before an operation fails (default DYAD_BUSY_MS); warn, when not NULL,
 * hears once per wait that it is waiting. PostgreSQL writers wait on the
 * server's locks instead: nothing to set. */
#define DYAD_BUSY_MS 60000
void dyad_store_busy(dyad_store *s, int ms, dyad_warn_fn warn, void *ud);

/* A question a long read of the store asks now and then (every few
 * thousand steps, and while it waits for the server): non-zero stops the
 * read, which then fails with DYAD_EDB ("stopped"). */
typedef int (*dyad_stop_fn)(void *ud);
/* Sets the question the reads of s ask from now on (NULL: none, the
 * default); a read inside a transaction (between begin and commit) is
 * never stopped. A server sets one per request, so that the work for a
 * client that has gone stops. */
void dyad_store_watch(dyad_store *s, dyad_stop_fn stop, void *ud);

/* Whether the store's connection is up: 0 after a PostgreSQL server went
 * away (the next begin connects again); SQLite is always up. A writer that
 * finds it down can begin again and store its batch once more. */
int dyad_store_connected(const dyad_store *s);

/* Batches: everything between begin and commit is one transaction, so an
 * interrupted ingest keeps every committed batch and nothing of the rest. */
dyad_status dyad_store_begin(dyad_store *s, dyad_error *err);
dyad_status dyad_store_commit(dyad_store *s, dyad_error *err);
/* Computes what storing article a (coded as d) takes from its text
 * alone, its hash and MinHash signature, and keeps it with d, so that
 * dyad_store_put does not compute it again: a coding thread can do it
 * while one thread stores. Optional; DYAD_ENOMEM leaves d as it was. */
dyad_status dyad_doc_prepare_store(dyad_doc *d, const dyad_article *a, dyad_error *err);
/* How many articles a batch of s best holds (at most DYAD_STORE_MAX_BATCH):
 * 256 for SQLite, where each commit rewrites the pages of its indexes and
 * adds a segment to the full-text index, so that a larger batch stores
 * faster; 64 for PostgreSQL, whose writers take turns a batch at a time. */
#define DYAD_STORE_MAX_BATCH 256
int dyad_store_batch(const dyad_store *s);

/* Stores an article, its sentences and its events. Each event is a
 * mention of a merged event: reports with the same date, source, target
 * and code are one event per place they name, a report naming only a
 * country joins the event placed in it with the most reports, one naming
 * no place the event with the most placed reports, ties going to the first
 * place by name (GDELT-style NumMentions, NumSources,
 * NumArticles are kept up to date). The merged events do not depend on the
 * order articles are stored in. Of two copies of an article (same id, or
 * same text) the one kept is the dated, then earlier, then least id one:
 * an article whose stored copy comes first changes nothing and sets *added
 * to 0; one that comes before its stored copy takes its place (*added 2);
 * else *added is 1. */
dyad_status dyad_store_put(dyad_store *s, const dyad_article *a, const dyad_doc *d, int *added,
                           dyad_error *err);
/* Sets *kept to 1 when storing a would change nothing (a copy of it that
 * comes first, by the rule of dyad_store_put, is stored), else 0: what
 * need not be coded again. */
dyad_status dyad_store_stored(dyad_store *s, const dyad_article *a, int *kept, dyad_error *err);

/* The order of events a query gives (ties by id). */
typedef enum { DYAD_SORT_DATE = 0, DYAD_SORT_MENTIONS, DYAD_SORT_GOLDSTEIN } dyad_sort;

/* The filters of a query. Those that take several values take them
 * comma-separated, any of which may match ("USA,GBR"); the filters set
 * must all match. */
typedef struct dyad_query {
    const char *actor;     /* code prefixes of the source or the target, NULL for any;
                              one prefix only for figures */
    const char *code;      /* CAMEO code prefixes ("19,20"), NULL for any */
    const char *from, *to; /* YYYY-MM-DD inclusive, NULL for open */
    const char *text;      /* full-text query over articles (FTS5 in SQLite, tsvector in
                              PostgreSQL), NULL for none */
    const char *place;     /* the place, case-insensitive: its name ("Doha"), its country's
                              ISO alpha-3 code ("QAT"), or a country named by stored
                              places ("Qatar" also finds Doha); NULL for any */
    const char *kind;      /* figures only: "killed", "injured", ...; NULL for any */
    long limit;            /* 0: no limit */
    int one_a_day;         /* GDELT's one-a-day filter: one event per date, dyad and code */
    double min_confidence; /* events whose confidence (the highest of their mentions)
                              is at least this; 0 for any, events stored before
                              confidences were kept included */
    /* Events only (figures refuse them): */
    const char *source;  /* code prefixes of the source, NULL for any */
    const char *target;  /* code prefixes of the target, NULL for any */
    const char *country; /* ISO alpha-3 codes: the source's or the target's country
                            (the first three letters of its code), NULL for any */
    int quads;           /* bit 1 << q for each QuadClass q (1-4) wanted, 0 for any */
    int goldstein_range; /* nonzero: Goldstein from goldstein_min to goldstein_max */
    double goldstein_min, goldstein_max;
    dyad_sort sort;    /* date (the default), mentions or Goldstein */
    int descending;    /* the sort reversed */
    const char *after; /* a cursor (dyad_event_cursor): the events that come after that
                          one in this sort and order; NULL from the first */
} dyad_query;

/* Sets the filter called name ("source", "goldstein_min"; '-' may stand
 * for '_': "goldstein-min") from its text value as `dyad query` options
 * and the API's query strings give it: text filters keep the pointer
 * (empty: no filter), quad is a comma-separated list of 1 to 4,
 * goldstein_min and goldstein_max numbers from -10 to 10 (the other end
 * open), min_confidence a number from 0 to 1, sort date, mentions or
 * goldstein, order asc or desc, one_a_day true or false. The lists'
 * values are checked when the query runs. */
dyad_status dyad_query_set(dyad_query *q, const char *name, const char *value, dyad_error *err);

/* The coders that have written into the store, one line each in the
 * order they first did ("dyad 0.9.0 commit 5565282 dictionaries 3f2a..."),
 * into *out (malloc'd, "" when none noted); the provenance an export of
 * stored events can carry. */
dyad_status dyad_store_coders(dyad_store *s, char **out, dyad_error *err);
/* Notes coder (one line) among them unless it is there: an ingest calls it
 * in the transaction of its first articles. */
dyad_status dyad_store_note_coder(dyad_store *s, const char *coder, dyad_error *err);

/* The number of events matching q (its limit and cursor aside; with
 * one_a_day, the events one a day keeps) into *n. */
dyad_status dyad_store_count(dyad_store *s, const dyad_query *q, long *n, dyad_error *err);

typedef struct dyad_stored_event {
    int64_t id;
    const char *date, *source, *target, *code, *root;
    int quad;
    double goldstein;
    int num_mentions, num_sources, num_articles;
    const char *article;  /* id of the first article that reports it */
    const char *sentence; /* the first mention's sentence */
    const char *source_text, *target_text, *verb_text;
    int sentence_index;      /* of the first mention in its article */
    const char *url;         /* the first article's URL ("" when unknown) */
    const char *news_source; /* the first article's source (publisher) */
    const char *added;       /* when the first article was stored, UTC "YYYY-MM-DD HH:MM:SS" */
    const char *place;       /* where, as the gazetteer names it; "" when unknown */
    const char *country;     /* ISO 3166 alpha-3 of the place; "" when unknown */
    double lat, lon;         /* the place's coordinates; NaN when unknown */
    const char *place_kind;  /* "country", "region", "capital", "city", "place" or "" */
    double confidence;       /* the highest of its mentions' (dyad_event.confidence);
                                NaN for an event stored before confidences were kept */
    const char *source_name, *target_name;         /* the first mention's (dyad_event's); ""
                                        when unknown */
    const char *source_wikidata, *target_wikidata; /* likewise, "" when none */
    const char *date_precision;                    /* the first mention's (dyad_event's); "" when stored
                                                      before it was kept */
    const char *place_admin1;    /* the place's GeoNames admin-1 code (dyad_place.admin1), as the
                                    first report naming it stored it; "" when unknown */
    long long place_geonameid;   /* likewise its GeoNames id; 0 when unknown */
    const char *place_precision; /* likewise "city", "admin1", "country"; "" when unknown */
    const char *title;           /* the first article's title; "" when unknown */
    const char *rule;            /* the first mention's dictionary file:line */
    const char *date_text;       /* its date expression, "" for the publication date */
    const char *source_basis, *target_basis; /* its (dyad_event's); "" when unknown */
    long source_start, source_end, target_start, target_end, verb_start,
        verb_end;                /* its words' character offsets into the first article; -1 when
                                    absent */
    const char *place_text;      /* the words naming the place in the first report that names it */
    long place_start, place_end; /* their character offsets into its article; -1 when unknown */
} dyad_stored_event;

/* Calls fn for each event matching q, by date then id; fn returns non-zero
 * to stop. A malformed date in q is DYAD_EINVAL. */
typedef int (*dyad_event_fn)(void *ud, const dyad_stored_event *e);
dyad_status dyad_store_query(dyad_store *s, const dyad_query *q, dyad_event_fn fn, void *ud,
                             dyad_error *err);

/* Counts of events (sum of mentions too) grouped by "day", "week" (the
 * ISO 8601 week, "2024-W07"; 2024-12-30 is in 2025-W01), "month"
 * (YYYY-MM), "year", "dyad" (SOURCE>TARGET), "root", "country" (the ISO
 * code of the event's place, "" when it has none) or "country-year"
 * ("ISR 2024"), in key order; fn gets the group key, the number of events
 * and of mentions. */
typedef int (*dyad_count_fn)(void *ud, const char *key, long events, long mentions);
dyad_status dyad_store_stats(dyad_store *s, const char *by, const dyad_query *q, dyad_count_fn fn,
                             void *ud, dyad_error *err);

/* One mention of a stored event, as the event and article views show it.
 * Offsets are character (code point) offsets into the sentence text, start
 * inclusive, end exclusive; -1 when the part is absent. */
typedef struct dyad_stored_mention {
    int64_t event;                                /* the event it reports */
    const char *code, *source, *target;           /* the event's CAMEO codes */
    const char *article;                          /* article id */
    const char *news_source, *url, *title, *date; /* the article's */
    int sentence_index;                           /* 0-based, in the article */
    long sentence_start;                          /* character offset of the sentence in the article */
    const char *sentence;                         /* the sentence's text */
    long source_start, source_end, target_start, target_end, verb_start, verb_end;
    const char *source_text, *target_text, *verb_text;
    const char *date_text; /* the date expression used, "" for the publication date */
    const char *rule;      /* dictionary file:line of the pattern */
    long doc_len;          /* the article's length in characters */
    double confidence;     /* dyad_event.confidence; NaN when stored before it was kept */
    const char *source_basis, *target_basis;       /* dyad_event's; "" when unknown */
    const char *source_name, *target_name;         /* dyad_event's; "" when unknown */
    const char *source_wikidata, *target_wikidata; /* dyad_event's; "" when none */
    const char *date_precision;                    /* dyad_event's; "" when stored before it was kept */
} dyad_stored_mention;

typedef int (*dyad_mention_fn)(void *ud, const dyad_stored_mention *m);

/* A stored casualty figure (see dyad_figure) with its article. */
typedef struct dyad_stored_figure {
    int64_t id;
    const char *article;           /* article id */
    const char *news_source, *url; /* the article's */
    int sentence_index;
    const char *sentence; /* the sentence's text */
    const char *kind;     /* "killed", "injured", "captive", "prisoner", "displaced" */
    int released;
    int64_t value, value_max;
    const char *qualifier, *number;
    const char *victim, *victim_code, *perpetrator, *perpetrator_code;
    const char *date, *date_text; /* YYYY-MM-DD, and the expression it came from */
    int historical;               /* dyad_figure.historical; 0 when stored before it was kept */
    const char *cited;
    const char *place, *country;   /* "" when unknown */
    double lat, lon;               /* NaN when unknown */
    const char *place_kind;        /* as dyad_stored_event's; "" when unknown */
    const char *place_text;        /* the words naming the place; "" when unknown */
    long number_start, number_end; /* character offsets of the number into the article; -1 when
                                      unknown */
    const char *title;             /* the article's; "" when unknown */
} dyad_stored_figure;

typedef int (*dyad_figure_fn)(void *ud, const dyad_stored_figure *f);

/* Calls fn for each casualty figure matching q, by date then id: actor is
 * a code prefix of the victim or the perpetrator, from/to bound the
 * figure's date, place and text as for events, kind picks one kind; code
 * and one_a_day do not apply. fn returns non-zero to stop. */
dyad_status dyad_store_figures(dyad_store *s, const dyad_query *q, dyad_figure_fn fn, void *ud,
                               dyad_error *err);

/* Looks up event id: calls efn once with its fields (its first mention's
 * too, as dyad_store_query gives them), then mfn for each mention in
 * article then sentence order. *found is 0 when there is no such event. */
dyad_status dyad_store_event(dyad_store *s, int64_t id, dyad_event_fn efn, dyad_mention_fn mfn, void *ud,
                             int *found, dyad_error *err);

/* A stored article, or a search hit (snippet set). */
typedef struct dyad_stored_article {
    const char *id, *date, *source, *title, *url;
    const char *text;    /* "" in search hits */
    const char *snippet; /* search hits: matches between \x02 and \x03; "" otherwise */
    const char *added;   /* UTC "YYYY-MM-DD HH:MM:SS" */
    long events;         /* mentions of events in the article */
} dyad_stored_article;

typedef int (*dyad_article_fn)(void *ud, const dyad_stored_article *a);

/* Stored events as CSV (RFC 4180): the header line (no newline), then a
 * row a call, every text quoted (codes stay text: "010"), numbers bare,
 * unknown values empty. dyad_csv_field writes one quoted field,
 * dyad_csv_place the four fields place,country,lat,lon. */
extern const char DYAD_EVENT_CSV_HEADER[];
void dyad_write_event_csv(FILE *f, const dyad_stored_event *e);
void dyad_csv_field(FILE *f, const char *s);
void dyad_csv_place(FILE *f, const char *place, const char *country, double lat, double lon);

/* The cursor of event e in q's sort and order, into out (at least
 * DYAD_CURSOR_MAX bytes): given as q->after, a query goes on after e. It
 * names the sort and order it was made for ("da2024-08-20~31": date,
 * ascending, the date, the id), so a query in another order refuses it. */
#define DYAD_CURSOR_MAX 64
const char *dyad_event_cursor(const dyad_query *q, const dyad_stored_event *e, char *out);

/* A stored event, figure, mention or article as one JSON object of
 * Dyad's record schema (DYAD_SCHEMA_VERSION, docs/formats.md): events and
 * figures exactly as dyad_write_events and dyad_write_figures write coded
 * ones, so `dyad code`, `dyad query --format jsonl`, `dyad figures
 * --format jsonl` and the API give the same fields with the same types;
 * every object has "record" and "schema", every field is present and
 * what is unknown is null, never "". malloc'd text to free, NULL when out
 * of memory. */
char *dyad_stored_event_json(const dyad_stored_event *e);
char *dyad_stored_figure_json(const dyad_stored_figure *f);
char *dyad_stored_mention_json(const dyad_stored_mention *m);
char *dyad_stored_article_json(const dyad_stored_article *a);

/* Looks up the article with this id: calls afn once, then mfn for each
 * event mention in it, in sentence order. *found is 0 when there is none. */
dyad_status dyad_store_article(dyad_store *s, const char *id, dyad_article_fn afn, dyad_mention_fn mfn,
                               void *ud, int *found, dyad_error *err);

/* Full-text search (FTS5 syntax) over titles and texts, best match first,
 * at most limit hits (0: no limit). A malformed query is DYAD_EINVAL. */
dyad_status dyad_store_search(dyad_store *s, const char *text, long limit, dyad_article_fn fn, void *ud,
                              dyad_error *err);

/* Events per day and root code (the dashboard's timeline), with q's
 * filters; fn gets the day, the root, the number of events and mentions. */
typedef int (*dyad_series_fn)(void *ud, const char *day, const char *root, long events, long mentions);
dyad_status dyad_store_series(dyad_store *s, const dyad_query *q, dyad_series_fn fn, void *ud,
                              dyad_error *err);

/* ---------------------------------------------------------------------
 * CAMEO vocabulary
 * ------------------------------------------------------------------- */

/* The codebook is CAMEO 1.1b3 as GDELT uses it (every 2-, 3- and 4-digit
 * code, from GDELT's CAMEO.eventcodes.txt and CAMEO.goldsteinscale.txt)
 * plus the few codes PETRARCH and Dyad's verb dictionary add (data/cameo.tsv,
 * docs/cameo.md). A code is 2 to 4 ASCII digits with a root of 01..20;
 * anything else (NULL, "", "4", "0420x", "99") is malformed. */

/* The code's own name ("Make a visit" for "042", "Consult" for "04");
 * NULL if the code is malformed or not in the codebook, even when its
 * parent is ("0425" is NULL, not "Make a visit"). */
const char *dyad_cameo_name(const char *code);
/* Goldstein weight of a code, -10..10: its own (042 is 1.9, 186 -10.0), or,
 * when it has none or is not in the codebook, its nearest parent's
 * (4 -> 3 -> 2 digits: "0425" gives 042's 1.9); 0 if malformed. */
double dyad_cameo_goldstein(const char *code);
/* GDELT QuadClass (1 verbal coop, 2 material coop, 3 verbal conflict,
 * 4 material conflict) of a code, by its root (so also for codes not in
 * the codebook); 0 if malformed. */
int dyad_cameo_quad(const char *code);

/* A CAMEO code in PLOVER, the ontology of the POLECAT dataset: the
 * PLOVER project's CAMEO-to-PLOVER table as data/plover/cameo2plover.tsv
 * ships it (docs/formats.md). Strings are static; "" when there is none. */
typedef struct dyad_plover {
    const char *event_type; /* "CONSULT", "ASSAULT" */
    const char *mode;       /* "visit", "aerial", or "" */
    const char *contexts;   /* "military", "legal; military", or "" */
    double intensity;       /* the PLOVER score of the type and mode, -10..10 */
    const char *quad;       /* "VERBAL COOPERATION" ... "MATERIAL CONFLICT" */
} dyad_plover;

/* Fills out with the PLOVER translation of code, or of its nearest parent
 * in the table (4 -> 3 -> 2 digits); returns 1, or 0 when the code is
 * malformed or has no PLOVER event type (CAMEO 01 and 02: dropped in
 * PLOVER), out then all "". */
int dyad_cameo_plover(const char *code, dyad_plover *out);

#ifdef __cplusplus
}
#endif
#endif
