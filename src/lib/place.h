/* place.h -- place mentions of a sentence and the place of an event: see
 * place.c. Internal; the public face is dyad_place in dyad.h. */
#ifndef DYAD_PLACE_H
#define DYAD_PLACE_H

#include <stdint.h>

#include "gazetteer.h"
#include "parse.h"

typedef struct place_mention {
    uint32_t t0, t1; /* tokens of the whole phrase ("northern Gaza") */
    const gaz_entry *e;
    uint8_t locative;  /* after "in", "near", "south of", a direction word */
    uint8_t partner;   /* after "between", "with", "and", "or", "by": a party, not a place */
    uint8_t qualifier; /* the region or country of the place before it ("Seattle,
                          Washington"): says which place that is, not where */
    uint8_t actor;     /* a country an actor's words name ("Georgia's parliament",
                          "the king of Jordan"): whose, not where */
    uint8_t in_next;   /* lies in the next mention ("Mosul in northern Iraq"): the
                          finer of the two says where */
} place_mention;

/* Whether mention m may say where an event happened: not a qualifier of
 * another place nor an actor's country. */
static inline int place_where(const place_mention *m) { return !m->qualifier && !m->actor; }

#define PLACE_MAX_COUNTRIES 32

#define PLACE_MAX_REGIONS 32

/* What the article has said so far: the countries it names, and the
 * regions (country and admin-1 code) of the towns it names, which decide
 * between places of the same name. */
typedef struct place_context {
    char country[PLACE_MAX_COUNTRIES][4];
    int n;
    char region[PLACE_MAX_REGIONS][12]; /* "USA GA" */
    int nregions;
    char firm[PLACE_MAX_COUNTRIES][4]; /* countries named beyond doubt: by an
                                          actor, a country or region, or a
                                          town of one name only */
    int nfirm;
} place_context;

/* Finds the place mentions of parsed sentence p (of article text) into an
 * array from p's arena (*out, *n), resolving names with the gazetteer and
 * pc, and adds the countries the sentence names to pc. A name the
 * gazetteer lacks counts after "in", "near", "village of" (kind
 * GAZ_UNKNOWN, no country or coordinates). Returns 0, -1 when out of
 * memory. */
int place_find(const parse *p, const char *text, const gazetteer *g, place_context *pc,
               place_mention **out, uint32_t *n);

/* Once the whole article is read (pc): a place resolved as a country or
 * a town when the article later named a town in a region of the same name
 * ("Georgia" in an article about Atlanta) becomes that region. Returns 1
 * when pl changed. */
int place_reconsider(const gazetteer *g, const place_context *pc, dyad_place *pl);

/* The mention an event whose verb covers tokens [v0, v1) happened at:
 * locative phrases tied to the verb first, the nearest one after it
 * preferred. Returns its index, or -1 when the sentence gives none. */
int32_t place_for_verb(const place_mention *m, uint32_t n, uint32_t v0, uint32_t v1);

/* The country of a region, capital or country named by the capitalised
 * words right before token k that no actor covers ("Sinaloa cartel",
 * "Tigray forces"), the longest name first; NULL when there is none or
 * the name is of places in two countries. */
const char *place_before(const parse *p, const gazetteer *g, uint32_t k);

/* Fills a dyad_place from mention m of sentence si (tokens t). */
void place_fill(const place_mention *m, const token *t, uint32_t si, dyad_place *out);

#endif
