/* lexicon.h -- interns words (upper-case UTF-8 strings) as small integer
 * ids. The dictionaries' words are interned while loading; at coding time
 * the lexicon is read-only and a token whose word no dictionary uses gets
 * id 0 (LEX_NONE), which matches nothing. */
#ifndef DYAD_LEXICON_H
#define DYAD_LEXICON_H

#include <stddef.h>
#include <stdint.h>

#include "arena.h"

#define LEX_NONE 0u

typedef struct lexicon {
    arena *mem;         /* strings live here (the context's arena) */
    uint32_t *slots;    /* open addressing: word id or 0 */
    uint32_t nslots;    /* power of two */
    const char **words; /* id -> string; words[0] = "" */
    uint32_t *lens;     /* id -> length */
    uint32_t *hashes;   /* id -> hash */
    uint32_t count;     /* ids in use, including 0 */
    uint32_t cap;
} lexicon;

int lex_init(lexicon *lx, arena *mem);
void lex_free(lexicon *lx);
/* Returns the id of s[0..n), adding it; LEX_NONE only when out of memory. */
uint32_t lex_intern(lexicon *lx, const char *s, size_t n);
/* Returns the id of s[0..n) or LEX_NONE; never modifies the lexicon. */
uint32_t lex_find(const lexicon *lx, const char *s, size_t n);
static inline const char *lex_str(const lexicon *lx, uint32_t id) { return lx->words[id]; }
static inline uint32_t lex_len(const lexicon *lx, uint32_t id) { return lx->lens[id]; }
uint32_t lex_hash(const char *s, size_t n);

#endif
