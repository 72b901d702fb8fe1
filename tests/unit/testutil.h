/* testutil.h -- what every unit test includes: cmocka and a few helpers. */
#ifndef DYAD_TESTUTIL_H
#define DYAD_TESTUTIL_H

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "dyad.h"

/* Collects warnings from loaders and readers so tests can assert on them. */
typedef struct test_warnings {
    int n;
    char text[32][600]; /* the first 32, formatted "file:line: msg" */
} test_warnings;

static inline void test_warn_cb(void *ud, const dyad_error *w) {
    test_warnings *tw = ud;
    if (tw->n < 32) dyad_error_format(w, tw->text[tw->n], sizeof tw->text[0]);
    tw->n++;
}

/* The shared materials directory (../shared beside the checkout, or
 * $DYAD_SHARED). */
static inline const char *test_shared_dir(void) {
    const char *s = getenv("DYAD_SHARED");
    return s && *s ? s : "../shared";
}

#endif
