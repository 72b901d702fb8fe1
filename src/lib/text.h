/* text.h -- from article text to sentences and tokens.
 *
 * The article text is UTF-8 and NFC-normalised (utf8.h); tokens and
 * sentences are spans into it, so every offset Dyad reports points into the
 * text as stored. Each word token also carries an upper-case, folded form
 * (curly quotes to ', dashes to -) that dictionary phrases are compared
 * with: dictionary readers fold their words with the same text_upper, so
 * both sides agree. */
#ifndef DYAD_TEXT_H
#define DYAD_TEXT_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "arena.h"
#include "lexicon.h"

typedef enum {
    TK_WORD = 0, /* letters, digits inside, '-', '.', '&' within: "AL-SISI", "U.S." */
    TK_NUM,      /* "40,170", "1701", "2.5" */
    TK_POSS,     /* possessive "'s" or a lone "'" after a plural: "Israel's" -> ISRAEL, 'S */
    TK_PUNCT,    /* , ; : ( ) [ ] ! ? . and other symbols, one per token */
    TK_QUOTE,    /* " ' “ ” ‘ ’ « » as a quotation mark */
    TK_DASH      /* - – — standing alone between words */
} tok_kind;

typedef struct token {
    uint32_t off, len; /* span in the article text */
    const char *up;    /* upper-case folded text, NUL-terminated (arena) */
    uint32_t uplen;
    uint32_t id;      /* lexicon id of up, LEX_NONE if no dictionary uses it */
    uint8_t kind;     /* tok_kind */
    uint8_t cap;      /* the text starts with an upper-case letter */
    uint8_t compound; /* an adjective of a name and a participle: "Iran-backed" */
    uint8_t particle; /* a name after a lower-case particle: "al-Sharaa", "el-Sisi" */
} token;

/* Whether token t is the upper-case word w; the first letters are compared
 * inline, so that scanning a token against a list of words costs little. */
static inline int tok_eq(const token *t, const char *w) {
    return t->up[0] == w[0] && strcmp(t->up, w) == 0;
}

/* Whether token t is one of the words of a NULL-terminated list. */
static inline int tok_in(const token *t, const char *const *list) {
    for (int k = 0; list[k]; k++)
        if (tok_eq(t, list[k])) return 1;
    return 0;
}

typedef struct sentence {
    uint32_t off, len;   /* span in the article text */
    uint32_t tok0, ntok; /* its tokens: toks[tok0 .. tok0+ntok) */
} sentence;

typedef struct text_doc {
    sentence *sents;
    size_t nsents;
    token *toks;
    size_t ntoks;
} text_doc;

/* Upper-cases and folds s[0..n) into out (capacity cap, NUL-terminated):
 * letters upper-cased (Unicode-aware), curly quotes and primes to ',
 * en/em dashes and minus signs to -. Returns the length written, or the
 * length needed if cap is too small. */
size_t text_upper(const char *s, size_t n, char *out, size_t cap);

/* Splits text into sentences (knowing abbreviations: "U.S.", "Oct.",
 * "Dr.", "Aug.15") and tokens (contractions split treebank-style: "didn't"
 * -> DID N'T), all in arena a. With single != 0 the whole text is one
 * sentence. Token ids are looked up in lx (lex_find; never added). Returns 0,
 * or -1 when out of memory. */
int text_analyze(arena *a, const lexicon *lx, const char *text, size_t len, int single, text_doc *out);

#endif
