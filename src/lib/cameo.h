/* cameo.h -- the CAMEO event codebook table: every 2-, 3- and 4-digit code
 * with its name and Goldstein weight, generated at build time from
 * data/cameo.tsv (scripts/gen-cameo.sh) into cameo_table.c, and each
 * code's PLOVER translation (plover_table.c). */
#ifndef DYAD_CAMEO_H
#define DYAD_CAMEO_H

#include <stddef.h>

typedef struct cameo_entry {
    const char *code; /* "042" */
    const char *name; /* "Make a visit" */
    double goldstein; /* -10..10; meaningful only when weighted */
    int weighted;     /* 0: no published weight, the parent's applies */
} cameo_entry;

/* Sorted by code (strcmp order), no duplicates; the parent of every 3- and
 * 4-digit code is in the table. */
extern const cameo_entry cameo_table[];
extern const size_t cameo_table_n;

/* A code's PLOVER event type ("" for none: CAMEO 01 and 02), mode and
 * contexts ("" when none; "a; b" for two) and the PLOVER score of the
 * type and mode, generated from data/plover/cameo2plover.tsv
 * (scripts/gen-plover.sh) into plover_table.c: one entry for every code
 * of cameo_table, in the same order. */
typedef struct plover_entry {
    const char *code, *type, *mode, *contexts;
    double intensity;
} plover_entry;

extern const plover_entry plover_table[];
extern const size_t plover_table_n;

#endif
