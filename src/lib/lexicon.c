/* lexicon.c -- word interning with an open-addressing hash table. */
#include <stdlib.h>
#include <string.h>

#include "lexicon.h"

uint32_t lex_hash(const char *s, size_t n) {
    /* FNV-1a: short keys, good enough spread, no state */
    uint32_t h = 2166136261u;
    for (size_t i = 0; i < n; i++) {
        h ^= (unsigned char)s[i];
        h *= 16777619u;
    }
    return h ? h : 1;
}

int lex_init(lexicon *lx, arena *mem) {
    memset(lx, 0, sizeof *lx);
    lx->mem = mem;
    lx->nslots = 1024;
    lx->slots = calloc(lx->nslots, sizeof *lx->slots);
    lx->cap = 512;
    lx->words = malloc(lx->cap * sizeof *lx->words);
    lx->lens = malloc(lx->cap * sizeof *lx->lens);
    lx->hashes = malloc(lx->cap * sizeof *lx->hashes);
    if (!lx->slots || !lx->words || !lx->lens || !lx->hashes) {
        lex_free(lx);
        return -1;
    }
    lx->words[0] = "";
    lx->lens[0] = 0;
    lx->hashes[0] = 0;
    lx->count = 1;
    return 0;
}

void lex_free(lexicon *lx) {
    free(lx->slots);
    free(lx->words);
    free(lx->lens);
    free(lx->hashes);
    lx->slots = NULL;
    lx->words = NULL;
    lx->lens = NULL;
    lx->hashes = NULL;
    lx->count = lx->cap = lx->nslots = 0;
}

static uint32_t probe(const lexicon *lx, const char *s, size_t n, uint32_t h) {
    uint32_t mask = lx->nslots - 1;
    for (uint32_t i = h & mask;; i = (i + 1) & mask) {
        uint32_t id = lx->slots[i];
        if (id == 0) return i;
        if (lx->hashes[id] == h && lx->lens[id] == n && memcmp(lx->words[id], s, n) == 0) return i;
    }
}

uint32_t lex_find(const lexicon *lx, const char *s, size_t n) {
    if (!lx->slots) return LEX_NONE;
    return lx->slots[probe(lx, s, n, lex_hash(s, n))];
}

static int grow(lexicon *lx) {
    uint32_t nn = lx->nslots * 2;
    uint32_t *ns = calloc(nn, sizeof *ns);
    if (!ns) return -1;
    for (uint32_t id = 1; id < lx->count; id++) {
        uint32_t i = lx->hashes[id] & (nn - 1);
        while (ns[i]) i = (i + 1) & (nn - 1);
        ns[i] = id;
    }
    free(lx->slots);
    lx->slots = ns;
    lx->nslots = nn;
    return 0;
}

uint32_t lex_intern(lexicon *lx, const char *s, size_t n) {
    uint32_t h = lex_hash(s, n);
    uint32_t i = probe(lx, s, n, h);
    if (lx->slots[i]) return lx->slots[i];
    if (lx->count == lx->cap) {
        uint32_t nc = lx->cap * 2;
        const char **w = realloc(lx->words, nc * sizeof *w);
        if (!w) return LEX_NONE;
        lx->words = w;
        uint32_t *l = realloc(lx->lens, nc * sizeof *l);
        if (!l) return LEX_NONE;
        lx->lens = l;
        uint32_t *hs = realloc(lx->hashes, nc * sizeof *hs);
        if (!hs) return LEX_NONE;
        lx->hashes = hs;
        lx->cap = nc;
    }
    char *copy = arena_strndup(lx->mem, s, n);
    if (!copy) return LEX_NONE;
    uint32_t id = lx->count++;
    lx->words[id] = copy;
    lx->lens[id] = (uint32_t)n;
    lx->hashes[id] = h;
    lx->slots[i] = id;
    if (lx->count * 2 > lx->nslots && grow(lx) != 0) return LEX_NONE;
    return id;
}
