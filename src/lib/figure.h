/* figure.h -- casualty and captivity figures of one sentence: a number
 * (digits, words, "over one million", "a") tied to a kind word (killed,
 * injured, captives, prisoners, displaced) before or after it, with the
 * victims, the perpetrator, the date and the source cited. Run by the coder
 * on every sentence; see figure.c. */
#ifndef DYAD_FIGURE_H
#define DYAD_FIGURE_H

#include "date.h"
#include "dyad.h"
#include "parse.h"

/* The figures of a document (grown with realloc, freed with the document). */
typedef struct fig_vec {
    dyad_figure *v;
    size_t n, cap;
} fig_vec;

/* What the extractor needs to know about a sentence. */
typedef struct fig_sentence {
    const parse *p;             /* tokens and actor mentions */
    const char *text;           /* the article text the tokens point into */
    uint32_t sidx;              /* sentence index */
    const date_expr *dates;     /* the sentence's date expressions */
    const char *const *datestr; /* their dates as YYYY-MM-DD */
    int ndates;
    const char *pubdate; /* the article's date, "" when unknown */
} fig_sentence;

/* Appends the figures of sentence s to out; strings go in arena a.
 * Returns 0, or -1 when out of memory. */
int figure_sentence(const fig_sentence *s, arena *a, fig_vec *out);

/* Reads a number at token i ("2,483", "one million", "a dozen"): its
 * value and the token after it; 0 when there is none. Exposed for tests. */
int figure_number(const token *t, uint32_t n, uint32_t i, int64_t *value, uint32_t *end);

/* Whether an upper-case word of len bytes may be a kind word (a quick
 * test by first letter and length), and the kind words one by one (NULL
 * past the last). Exposed for tests. */
int figure_maybe_word(const char *up, size_t len);
const char *figure_kind_word(size_t i);

#endif
