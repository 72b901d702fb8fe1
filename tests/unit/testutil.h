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

/* The test fixtures (tests/fixtures, from the top of the checkout, where
 * make check runs the tests), all written for Dyad's tests. */
static inline const char *test_fixture_dir(void) { return "tests/fixtures"; }

/* Codes text (an article dated date) with ctx and writes its events as
 * "SRC|TGT|CODE;..." in order into out. */
static inline void test_code_events(const dyad_ctx *ctx, const char *text, const char *date, char *out,
                                    size_t n) {
    dyad_article a;
    memset(&a, 0, sizeof a);
    a.id = "t";
    a.date = date;
    a.source = a.title = a.url = "";
    a.text = text;
    a.text_len = strlen(text);
    a.file = "t";
    dyad_doc *d;
    dyad_error err;
    assert_int_equal(dyad_code(ctx, &a, &d, &err), DYAD_OK);
    size_t k = 0;
    out[0] = '\0';
    for (size_t i = 0; i < dyad_doc_nevents(d) && k < n; i++) {
        const dyad_event *e = dyad_doc_event(d, i);
        k += (size_t)snprintf(out + k, n - k, "%s%s|%s|%s", i ? ";" : "", e->source, e->target, e->code);
    }
    dyad_doc_free(d);
}

#endif
