/* dict.h -- the in-memory dictionaries of a context, and the readers that
 * fill them from the TABARI/PETRARCH-1 and PETRARCH-2 file formats.
 *
 * Everything here lives in the context's arena and is read-only once
 * dict_finish has run. Phrases are sequences of lexicon word ids, upper
 * case, with quotes and dashes folded as the tokenizer folds them
 * (text_upper in text.h), so a dictionary phrase and a token run compare by
 * id. Readers report bad lines through the warning callback as
 * "file:line: message" and skip them. */
#ifndef DYAD_DICT_H
#define DYAD_DICT_H

#include <stddef.h>
#include <stdint.h>

#include "arena.h"
#include "dyad.h"
#include "lexicon.h"
#include "trie.h"

/* Dates are YYYYMMDD integers. */
#define DATE_MIN 0
#define DATE_MAX 99999999

typedef struct dated_code {
    const char *code; /* "USAGOV"; "" for a discard code ("---") */
    int32_t from, to; /* inclusive range; DATE_MIN/DATE_MAX when open */
} dated_code;

/* Whether c applies to some dates only (not to any date). */
static inline int code_dated(const dated_code *c) { return c->from != DATE_MIN || c->to != DATE_MAX; }

/* An actor: one entry per block (a head phrase with its '+' synonyms), with
 * its codes in file order. The code used for an article dated d is the first
 * dated code whose range holds d, else the first undated code. */
typedef struct actor_entry {
    const dated_code *codes;
    uint32_t ncodes;
    const char *rule;     /* "file:line" of the head phrase */
    const char *name;     /* canonical name: the head phrase with spaces
                             ("ANTONY BLINKEN"), or the entry's "@name" line */
    const char *wikidata; /* "Q6279" from an "@wikidata" line, NULL when none */
} actor_entry;

/* An agent: "[~GOV]" gives code "GOV" appended to the actor's code;
 * "[NGO~]" gives "NGO" put in front of it (prefix = 1). */
typedef struct agent_entry {
    const char *code;
    uint8_t prefix;
    const char *rule;
    const char *name; /* the phrase of its line with spaces ("POLICE") */
} agent_entry;

typedef struct discard_entry {
    uint8_t story; /* '+' in the file: discard the whole story */
    const char *rule;
} discard_entry;

/* ---- verb patterns ---- */

typedef enum {
    PE_WORD = 0, /* a literal word (id); stem != 0 allows a prefix match */
    PE_SYNSET,   /* any phrase of synset id (index into dicts.synsets) */
    PE_SOURCE,   /* '$': the source actor is here */
    PE_TARGET,   /* '+': the target actor is here */
    PE_COMPOUND, /* '%': a compound actor here is both source and target */
    PE_SKIP      /* '^': skip one word (TABARI: the next noun phrase) */
} pe_kind;

typedef struct pat_elem {
    uint8_t kind;     /* pe_kind */
    uint8_t adjacent; /* joined by '_' to the element nearer the verb: no gap
                         allowed between them */
    uint8_t stem;     /* PE_WORD only */
    uint8_t group;    /* PETRARCH-2 '(…)' or '{…}' group number, 0 if none */
    uint32_t id;      /* word id (PE_WORD) or synset index (PE_SYNSET) */
} pat_elem;

typedef struct pattern {
    const pat_elem *pre;  /* elements before the verb, in sentence order */
    const pat_elem *post; /* elements after the verb, in sentence order */
    uint16_t npre, npost;
    uint8_t verb_adjacent_pre;  /* '_*': pre[npre-1] directly before the verb */
    uint8_t verb_adjacent_post; /* '*_': post[0] directly after the verb */
    const char *code;           /* CAMEO code; NULL for "---" (a pattern that blocks) */
    const char *rcode;          /* reciprocal code of "[a:b]" (target -> source), or NULL */
    const char *rule;           /* "file:line" */
} pattern;

/* A verb block ("--- AGREE [081] ---"): its default code and patterns,
 * longest (most specific) first. */
typedef struct verb_block {
    const char *name;  /* head verb of the block, "AGREE" */
    const char *code;  /* default code; NULL for "---" */
    const char *rcode; /* reciprocal default, or NULL */
    const pattern *pats;
    uint32_t npats;
    const char *rule;
} verb_block;

/* One surface form of a verb ("AGREED", "BREAK DOWN"), reachable from the
 * verb trie. The phrase's word verb_pos is the verb itself (the other words
 * are particles or a fixed context, "KLM NOP +RST"). */
typedef struct verb_form {
    uint32_t block; /* index into dicts.blocks */
    uint16_t verb_pos;
    uint16_t nwords;
    const char *code; /* own code of a multi-word verb ("KLM_NOP_+RST [002]"), or NULL */
    const char *rule;
} verb_form;

/* A synset ("&CURRENCY"): a list of phrases, each an array of elements
 * (PE_WORD or nested PE_SYNSET). Once indexed (dict_index_synsets), the
 * phrases that start with a nested synset come first, [0, nalways), and the
 * rest are sorted by the id of their first word (first[k]), so that a
 * token is tried only against the phrases that can start with it. */
typedef struct synset {
    const char *name; /* "&CURRENCY" */
    const pat_elem **phrases;
    uint16_t *lens;
    uint32_t nphrases, capphrases;
    const char *rule;
    const uint32_t *first; /* first word id of each phrase, 0 if a synset; NULL until indexed */
    uint32_t nalways;
} synset;

/* Growable array in the context (malloc'd, freed by dicts_free). */
#define DYNARR(T)                                                                                       \
    struct {                                                                                            \
        T *v;                                                                                           \
        size_t n, cap;                                                                                  \
    }

/* An actor phrase given again in another entry (the first is kept). */
typedef struct actor_repeat {
    const char *text; /* the phrase, words between spaces */
    const char *rule; /* "file:line" where it is given again */
    int32_t first;    /* the entry that keeps it */
} actor_repeat;

/* An entry (index into actors or agents) under one of its codes. */
typedef struct coded {
    const char *code;
    int32_t entry;
} coded;

typedef struct dicts {
    arena mem;       /* all strings and fixed arrays */
    lexicon lex;     /* word ids */
    trie actors_t;   /* phrase -> index in actors */
    trie agents_t;   /* phrase -> index in agents */
    trie discards_t; /* phrase -> index in discards */
    trie verbs_t;    /* phrase -> index in forms */
    DYNARR(actor_entry) actors;
    DYNARR(agent_entry) agents;
    DYNARR(discard_entry) discards;
    DYNARR(verb_block) blocks;
    DYNARR(verb_form) forms;
    DYNARR(synset) synsets;
    size_t actor_phrases, agent_phrases, npatterns, bad_lines;
    size_t duplicates;            /* phrases already present (first one kept) */
    DYNARR(actor_repeat) repeats; /* actor phrases given again for another entry */
    DYNARR(coded)
    by_code;             /* actors with undated codes only (organisations,
                            countries), sorted by code: see dict_index_names */
    DYNARR(coded) roles; /* suffix agents, sorted by code */
} dicts;

int dicts_init(dicts *d);
/* Orders every synset's phrases by first word (see synset); -1 when out of
 * memory. Run once, after the last dictionary is read. */
int dict_index_synsets(dicts *d);
void dicts_free(dicts *d);
/* Indexes actors and roles by code for dict_name (the first entry given
 * a code wins); -1 when out of memory. Run once, after the last dictionary
 * is read. */
int dict_index_names(dicts *d);
/* The canonical name and Wikidata id (NULL when none) of an actor known
 * only by its code: the entry that gives the code with its trailing roles
 * dropped ("USAGOV": UNITED STATES; "PSEREBHMS": HAMAS), else of a shorter
 * code; a role alone ("---COP") is named by its role (POLICE). *name is ""
 * when nothing names it. */
void dict_name(const dicts *d, const char *code, const char **name, const char **wikidata);

/* Readers of a dictionary in a buffer (a file read by dict_read_file:
 * ctx.c); name is used in messages. Each returns DYAD_OK, or
 * DYAD_EIO/DYAD_ENOMEM with err filled; bad lines go to warn and are
 * counted in d->bad_lines. The verb reader reads both the
 * PETRARCH-1/TABARI format (PETR.Validate.verbs.txt) and the PETRARCH-2
 * format (CAMEO.2.0.txt), generating regular inflections and adding
 * WordNet's irregular forms. */
dyad_status dict_parse_actors(dicts *d, const char *name, const char *buf, size_t len, dyad_warn_fn warn,
                              void *ud, dyad_error *err);
dyad_status dict_parse_agents(dicts *d, const char *name, const char *buf, size_t len, dyad_warn_fn warn,
                              void *ud, dyad_error *err);
dyad_status dict_parse_discards(dicts *d, const char *name, const char *buf, size_t len,
                                dyad_warn_fn warn, void *ud, dyad_error *err);
dyad_status dict_parse_verbs(dicts *d, const char *name, const char *buf, size_t len, dyad_warn_fn warn,
                             void *ud, dyad_error *err);

/* Reads a whole file into a malloc'd buffer (*buf, *len; NUL-terminated). */
dyad_status dict_read_file(const char *path, char **buf, size_t *len, dyad_error *err);

/* The code of an actor for a date (YYYYMMDD, 0 when unknown): see
 * actor_entry. Returns NULL when the entry has no code for that date. */
const char *dict_actor_code(const actor_entry *a, int32_t date);

#endif
