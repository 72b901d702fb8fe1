/* merge.h -- the rule that merges reports into events, shared by both
 * store backends. Reports with the same date, source, target and code (a
 * key) are one event per place they name; a report that names only a
 * country joins the event placed in that country with the most reports,
 * and a report that names no place joins the event with the most placed
 * reports (ties, in both: the first place by name). The rule reads the
 * whole set of a key's reports, so the events do not depend on the order
 * they came in. */
#ifndef DYAD_MERGE_H
#define DYAD_MERGE_H

#include <stddef.h>
#include <stdint.h>

#include "backend.h"
#include "minhash.h"

/* One stored report (mention) of a key, as the store reads it back. */
typedef struct {
    int64_t id, event, article;
    const char *story;                  /* its article's story: copies of one count once */
    const char *source;                 /* the news source of its article */
    const char *place, *country, *kind; /* its own place; "" when it names none */
    double lat, lon;
    int has_ll, has_conf;
    double confidence;
    size_t group; /* set by merge_plan: the index of its event in the plan */
} merge_mention;

/* A stored event of the key: its id and place. */
typedef struct {
    int64_t id;
    const char *place;
} merge_event;

/* An event of the plan, in place-name order. */
typedef struct {
    const merge_mention *where; /* the report whose place it takes; NULL: no place */
    int64_t event;              /* the stored event it keeps, or -1 for a new one */
    long mentions, articles, sources;
    int has_conf;
    double confidence; /* the highest of its reports' */
} merge_group;

/* Plans the events of one key from its n reports m (reordered in place)
 * and its nev stored events ev. g must have room for n groups; the number
 * used is returned (0 when n is 0). Each stored event is kept by the group
 * with its place, else by a new group in order; *drop gets a flag per
 * stored event (room for nev) that no group keeps. -1 when out of memory. */
long merge_plan(merge_mention *m, size_t n, const merge_event *ev, size_t nev, merge_group *g,
                char *drop);

/* Frees n reports and nev events read by a store (their strings, each
 * its own allocation, and the two arrays). */
void merge_free(merge_mention *m, size_t n, merge_event *ev, size_t nev);

/* Of two copies of an article (the same id or the same text), the one
 * stored: the dated before the undated, then the earlier, then the least
 * id, then the least text hash; so the copy kept does not depend on which
 * came first. 1 when (date, id, hash) comes before the stored copy's
 * (sdate, sid, shash). */
int merge_copy_first(const char *date, const char *id, const char *hash, const char *sdate,
                     const char *sid, const char *shash);

/* What an article's copies are found by: its story, MinHash signature (as
 * hex; sig NULL for a text too short to have one) and band keys. */
typedef struct merge_copy {
    char story[64];
    char sighex[MINHASH_N * 8 + 1];
    const char *sig; /* sighex, or NULL */
    char band[MINHASH_BANDS][24];
    const char *bandv[MINHASH_BANDS]; /* band[k], as parameters */
    uint32_t sigv[MINHASH_N];
    double best; /* the likeness of the copy whose story was taken, -1: none */
} merge_copy;

/* The story of the article about to be stored (text hash; c its keys, as
 * merge_copy_keys or merge_article_keys set them): the story of the
 * stored article whose MinHash signature is most alike, when at least
 * MINHASH_NEAR alike (a copy of one wire story with another headline,
 * dateline or last paragraph), else its own hash. NumArticles counts one
 * story once. The article's row keeps c->story and c->sig. */
dyad_status merge_find_copy(const store_backend *be, void *impl, const char *hash, merge_copy *c,
                            dyad_error *err);
/* merge_copy_keys sets c to the article's own story and computes its
 * signature and bands; 0 when the text is too short to have one (no
 * look-up). merge_copy_row takes each row of MERGE_COPY_CANDIDATES
 * (parameters c->bandv, its ud c): merge_find_copy runs that look-up, a
 * backend that sends it with others reads its rows so. */
int merge_copy_keys(const dyad_article *a, const char *hash, merge_copy *c);
int merge_copy_row(void *ud, int ncols, const char *const *v);
/* The text hash and copy keys of an article, computed ahead
 * (dyad_doc_prepare_store) and kept with its doc. */
typedef struct merge_keys {
    char hash[33];
    merge_copy copy; /* as merge_copy_keys set it */
} merge_keys;
/* The text hash and copy keys (as merge_copy_keys sets them; 0 when the
 * text has no signature) of article a, coded as d: those kept with d,
 * else computed here. */
int merge_article_keys(const dyad_article *a, const dyad_doc *d, char hash[33], merge_copy *c);
/* Stores the bands of the article stored as rowid art, for its copies to
 * be found by. */
dyad_status merge_put_bands(const store_backend *be, void *impl, const char *art, const merge_copy *c,
                            dyad_error *err);

/* The statements of the merge, one text for every backend (parameters
 * ?1, ?2, ... given as text; postgres.c writes them $1, $2, ...). An
 * event is written by its id and its date: PostgreSQL keeps the events in
 * a partition per month, and the date names the one to look in. */
enum {
    MERGE_KEY_MENTIONS, /* a key's reports, each with its own place */
    MERGE_KEY_EVENTS,   /* a key's events, in id order */
    MERGE_NEW_EVENT,    /* an event of the key of event ?1 (dated ?3) at place ?2 */
    MERGE_SET_EVENT,    /* an event's place, counts and confidence (?11: its date) */
    MERGE_MOVE_MENTION,
    MERGE_CLEAR_SOURCES,
    MERGE_PUT_SOURCE,
    MERGE_DROP_EVENT,   /* event ?1, dated ?2 */
    MERGE_ARTICLE_KEYS, /* the keys of an article's reports */
    MERGE_DROP_MENTIONS,
    MERGE_DROP_FIGURES,
    MERGE_DROP_SENTENCES,
    MERGE_DROP_ARTICLE,
    MERGE_DROP_BANDS,      /* an article's MinHash bands */
    MERGE_COPY_CANDIDATES, /* 32 stored articles at most sharing a band of ?1..?16 (copies of one
                               story are alike: the first few decide) */
    MERGE_PUT_BANDS,       /* the bands ?1..?16 of article ?17 */
    /* besides the merge, the store's notes on itself (dyad_meta) */
    MERGE_GET_NOTE, /* the note ?1 */
    MERGE_PUT_NOTE, /* the note ?1 set to ?2 */
    MERGE_NSTMTS
};
extern const char *const merge_sql[MERGE_NSTMTS];

/* Plans the events of a key (date, source, target, code) again from all
 * its stored reports and writes the plan through be: events kept, added
 * or dropped, reports moved to their event, each event's place, counts
 * and sources. */
dyad_status merge_key(const store_backend *be, void *impl, const char *const key[4], dyad_error *err);

/* Removes a stored article (its rowid as text), its sentences, reports and
 * figures, and plans the keys of its reports again. */
dyad_status merge_remove_article(const store_backend *be, void *impl, const char *art, dyad_error *err);

#endif
