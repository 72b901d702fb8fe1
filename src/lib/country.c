/* country.c -- a country's FIPS 10-4 code from its ISO alpha-3 code, the
 * scheme GDELT writes, from the table generated from
 * data/country-fips.tsv; found by binary search. */
#include <stdlib.h>
#include <string.h>

#include "country.h"
#include "dyad.h"

static int cmp_iso3(const void *key, const void *entry) {
    return strcmp(key, ((const country_fips *)entry)->iso3);
}

const char *dyad_country_fips(const char *iso3) {
    if (!iso3 || strlen(iso3) != 3) return NULL;
    const country_fips *c = bsearch(iso3, fips_table, fips_table_n, sizeof *fips_table, cmp_iso3);
    return c ? c->fips : NULL;
}
