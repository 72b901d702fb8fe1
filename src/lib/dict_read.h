/* dict_read.h -- line reading and phrase helpers shared by the dictionary
 * readers (dict.c, dict_verbs.c). Internal. */
#ifndef DYAD_DICT_READ_H
#define DYAD_DICT_READ_H

#include "dict.h"

#define MAX_WORDS 48        /* words in one phrase */
#define MAX_DICT_LINE 65536 /* longer lines are refused */

/* Makes room for one more element of arr (doubling), or runs fail: a
 * statement that leaves the function ("return -1"), as a "break" in it
 * would leave only the macro's own loop. */
#define GROW(arr, fail)                                                                                 \
    do {                                                                                                \
        if ((arr).n == (arr).cap) {                                                                     \
            size_t nc_ = (arr).cap ? (arr).cap * 2 : 64;                                                \
            void *nv_ = realloc((arr).v, nc_ * sizeof *(arr).v);                                        \
            if (!nv_) fail;                                                                             \
            (arr).v = nv_;                                                                              \
            (arr).cap = nc_;                                                                            \
        }                                                                                               \
    } while (0)

/* A dictionary buffer read line by line, comments removed. */
typedef struct liner {
    const char *name;
    const char *buf;
    size_t len, pos;
    long line;
    int in_comment; /* inside <!-- --> */
    char *out;      /* the current line, comments removed */
    dicts *d;
    dyad_warn_fn warn;
    void *ud;
} liner;

typedef struct phrase {
    uint32_t w[MAX_WORDS];
    uint8_t stem[MAX_WORDS];
    int n;
} phrase;

int liner_init(liner *L, dicts *d, const char *name, const char *buf, size_t len, dyad_warn_fn warn,
               void *ud);
/* Next line with comments stripped into L->out; 0 at the end. */
int liner_next(liner *L);
/* Reports the current line as bad (fmt has one %s for arg) and counts it. */
void liner_bad(liner *L, const char *fmt, const char *arg);
/* "file:line" of the current line, in the dictionary arena. */
char *liner_rule(liner *L);
const char *skip_ws(const char *s);
uint32_t dict_intern(dicts *d, const char *s, size_t n);
/* Splits "UNITED_STATES" into words; the last is a stem unless written with
 * a trailing '_'. Returns -1 on an empty or too long phrase. */
int dict_phrase(dicts *d, const char *s, size_t n, phrase *p);
/* Adds p to trie t with value (the first value of a phrase is kept).
 * Returns 0, 1 when p was there already (its value into *first unless
 * first is NULL), -1 when out of memory. */
int dict_add_phrase(trie *t, dicts *d, const phrase *p, int32_t value, int32_t *first);

#endif
