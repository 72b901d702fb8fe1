/* country.h -- country codes in the schemes of other datasets (see
 * country.c). Internal; the public face is dyad_country_fips. */
#ifndef DYAD_COUNTRY_H
#define DYAD_COUNTRY_H

#include <stddef.h>

typedef struct country_fips {
    char iso3[4], fips[3];
} country_fips;

/* Generated from data/country-fips.tsv (scripts/gen-fips.sh), by iso3. */
extern const country_fips fips_table[];
extern const size_t fips_table_n;

#endif
