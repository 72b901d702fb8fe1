/* trie.c -- word-id trie with a single edge hash table (see trie.h). */
#include <stdlib.h>
#include <string.h>

#include "trie.h"

static uint32_t edge_hash(int32_t from, uint32_t word, uint8_t stem) {
    uint64_t k = ((uint64_t)(uint32_t)from << 32) ^ ((uint64_t)word << 1) ^ stem;
    k ^= k >> 33;
    k *= 0xff51afd7ed558ccdULL;
    k ^= k >> 33;
    return (uint32_t)k;
}

int trie_init(trie *t) {
    memset(t, 0, sizeof *t);
    t->capnodes = 64;
    t->nodes = malloc(t->capnodes * sizeof *t->nodes);
    t->capedges = 128;
    t->edges = calloc(t->capedges, sizeof *t->edges);
    if (!t->nodes || !t->edges) {
        trie_free(t);
        return -1;
    }
    t->nodes[0].value = TRIE_NONE;
    t->nodes[0].has_stems = 0;
    t->nnodes = 1;
    t->min_stem = 2; /* a one-letter stem would match too much */
    return 0;
}

void trie_free(trie *t) {
    free(t->nodes);
    free(t->edges);
    memset(t, 0, sizeof *t);
}

static trie_edge *find_slot(trie_edge *edges, uint32_t cap, int32_t from, uint32_t word, uint8_t stem) {
    uint32_t mask = cap - 1;
    for (uint32_t i = edge_hash(from, word, stem) & mask;; i = (i + 1) & mask) {
        trie_edge *e = &edges[i];
        if (e->word == 0 || (e->from == from && e->word == word && e->stem == stem)) return e;
    }
}

static int grow_edges(trie *t) {
    uint32_t nc = t->capedges * 2;
    trie_edge *ne = calloc(nc, sizeof *ne);
    if (!ne) return -1;
    for (uint32_t i = 0; i < t->capedges; i++) {
        trie_edge *e = &t->edges[i];
        if (e->word) *find_slot(ne, nc, e->from, e->word, e->stem) = *e;
    }
    free(t->edges);
    t->edges = ne;
    t->capedges = nc;
    return 0;
}

static int32_t new_node(trie *t) {
    if (t->nnodes == t->capnodes) {
        uint32_t nc = t->capnodes * 2;
        trie_node *nn = realloc(t->nodes, nc * sizeof *nn);
        if (!nn) return TRIE_NONE;
        t->nodes = nn;
        t->capnodes = nc;
    }
    int32_t id = (int32_t)t->nnodes++;
    t->nodes[id].value = TRIE_NONE;
    t->nodes[id].has_stems = 0;
    t->nodes[id].stem_first = 0;
    t->nodes[id].stem_lens = 0;
    return id;
}

int32_t trie_add(trie *t, const lexicon *lx, const uint32_t *words, const uint8_t *stem, size_t n) {
    if (n == 0) return TRIE_NONE;
    int32_t node = TRIE_ROOT;
    for (size_t i = 0; i < n; i++) {
        uint8_t st = stem && stem[i] ? 1 : 0;
        if (words[i] == 0) return TRIE_NONE;
        trie_edge *e = find_slot(t->edges, t->capedges, node, words[i], st);
        if (st) { /* what a token must look like to be probed for this stem */
            trie_node *nd = &t->nodes[node];
            uint32_t len = lx ? lex_len(lx, words[i]) : 0;
            nd->stem_first |= lx && len ? trie_first_bit((unsigned char)lex_str(lx, words[i])[0]) : ~0u;
            nd->stem_lens |= lx ? 1ull << (len < 63 ? len : 63) : ~0ull;
        }
        if (e->word) {
            node = e->to;
            continue;
        }
        if ((t->nedges + 1) * 2 > t->capedges) {
            if (grow_edges(t) != 0) return TRIE_NONE;
            e = find_slot(t->edges, t->capedges, node, words[i], st);
        }
        int32_t child = new_node(t);
        if (child == TRIE_NONE) return TRIE_NONE;
        e->from = node;
        e->word = words[i];
        e->stem = st;
        e->to = child;
        t->nedges++;
        if (st) t->nodes[node].has_stems = 1;
        node = child;
    }
    return node;
}

int32_t trie_child(const trie *t, int32_t node, uint32_t word) {
    if (word == 0 || !t->edges) return TRIE_NONE;
    const trie_edge *e = find_slot(t->edges, t->capedges, node, word, 0);
    if (e->word) return e->to;
    if (!t->nodes[node].has_stems) return TRIE_NONE;
    e = find_slot(t->edges, t->capedges, node, word, 1); /* a stem matches itself */
    return e->word ? e->to : TRIE_NONE;
}

int32_t trie_edge_to(const trie *t, int32_t node, uint32_t word, int stem) {
    if (word == 0 || !t->edges) return TRIE_NONE;
    const trie_edge *e = find_slot(t->edges, t->capedges, node, word, stem ? 1 : 0);
    return e->word ? e->to : TRIE_NONE;
}

int32_t trie_stem_child(const trie *t, const lexicon *lx, int32_t node, const char *s, size_t n) {
    const trie_node *nd = &t->nodes[node];
    if (!t->edges || !nd->has_stems || !n || !(nd->stem_first & trie_first_bit((unsigned char)s[0])))
        return TRIE_NONE;
    for (size_t k = n < t->max_stem ? n : t->max_stem; k >= t->min_stem && k > 0; k--) {
        if (k < n && k < 3) break; /* a two-letter stem ("AU") matches only itself */
        if (!(nd->stem_lens >> (k < 63 ? k : 63) & 1)) continue; /* no stem that long */
        uint32_t id = lex_find(lx, s, k);
        if (!id) continue;
        const trie_edge *e = find_slot(t->edges, t->capedges, node, id, 1);
        if (e->word) return e->to;
    }
    return TRIE_NONE;
}
