/* gazetteer.h -- the places a context knows: countries, regions and cities
 * with their ISO alpha-3 country code, coordinates and population, read
 * from .gaz files (the one scripts/gen-gazetteer.js exports at build time
 * and Dyad's own data/dict/places.gaz). Names are looked up by their
 * upper-case folded form (text_upper), words joined by one space, so a run
 * of tokens compares with a key by joining the tokens' up forms.
 * Read-only once loaded; lives in the context's arena. */
#ifndef DYAD_GAZETTEER_H
#define DYAD_GAZETTEER_H

#include <stddef.h>
#include <stdint.h>

#include "arena.h"
#include "dyad.h"

typedef enum {
    GAZ_COUNTRY = 0,
    GAZ_REGION,  /* a state, province, governorate or named area */
    GAZ_CAPITAL, /* a country's capital city */
    GAZ_CITY,
    GAZ_UNKNOWN /* a name the gazetteer lacks, introduced as a location */
} gaz_kind;

#define GAZ_MAX_WORDS 6 /* longest name, in tokens */

typedef struct gaz_entry {
    const char *name;  /* as written in the gazetteer */
    const char *admin; /* region code, "" when none */
    char country[4];   /* ISO 3166-1 alpha-3 */
    uint8_t kind;      /* gaz_kind */
    double lat, lon;   /* NaN when unknown */
    uint32_t pop;
    uint32_t geoid;  /* GeoNames id, 0 when unknown */
    char feature[8]; /* GeoNames feature code ("PPLA", "PPLX"), "" when unknown */
} gaz_entry;

/* One name of an entry; the entries sharing a key are chained. */
typedef struct gaz_link {
    uint32_t entry;
    int32_t next; /* next link with the same key, -1 */
} gaz_link;

typedef struct gaz_slot {
    const char *key; /* NULL: empty */
    uint32_t hash;
    int32_t first; /* link */
} gaz_slot;

typedef struct gaz_capital_ref {
    char country[4];
    uint32_t pop;
    uint32_t entry;
} gaz_capital_ref;

typedef struct gazetteer {
    gaz_entry *ent;
    size_t n, cap;
    gaz_link *links;
    size_t nlinks, caplinks;
    gaz_slot *slots;
    size_t nslots, used;       /* nslots a power of two */
    gaz_capital_ref *capitals; /* entries of kind GAZ_CAPITAL, by country, most
                                  populous first, for a binary search */
    size_t ncapitals, capcapitals;
    gaz_capital_ref *countries; /* entries of kind GAZ_COUNTRY, likewise */
    size_t ncountries, capcountries;
} gazetteer;

void gaz_free(gazetteer *g);

/* Reads .gaz lines from buf (name stands for the file in messages) into g,
 * strings in arena a. Bad lines go to warn with file:line and are skipped
 * (counted in *bad). Fails only when out of memory. */
dyad_status gaz_parse(gazetteer *g, arena *a, const char *name, const char *buf, size_t len,
                      dyad_warn_fn warn, void *ud, size_t *bad, dyad_error *err);

/* First link of the entries named key[0..n) (upper-case folded), or -1. */
int32_t gaz_find(const gazetteer *g, const char *key, size_t n);

/* The entry of kind country of a country (alpha-3; the most populous
 * when several), or NULL. */
const gaz_entry *gaz_country(const gazetteer *g, const char *country);

/* The capital of a country (alpha-3), or NULL. */
const gaz_entry *gaz_capital(const gazetteer *g, const char *country);

/* The largest population any entry of a country (alpha-3) of kind
 * country gives, 0 when none does. */
uint32_t gaz_country_pop(const gazetteer *g, const char *country);

#endif
