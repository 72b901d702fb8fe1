/* trie.h -- a trie over word ids, for matching multi-word dictionary
 * phrases (actors, agents, discards, verb forms) against token runs.
 *
 * Nodes are numbered from 0 (the root). An edge is either exact (the token's
 * word id equals the edge's) or a stem edge (the token's upper-case text
 * starts with the edge word, TABARI's rule for a phrase word written without
 * a trailing underscore). Each node carries one value: an index into the
 * owner's entry array, or -1. Read-only once built. */
#ifndef DYAD_TRIE_H
#define DYAD_TRIE_H

#include <stddef.h>
#include <stdint.h>

#include "lexicon.h"

#define TRIE_ROOT 0
#define TRIE_NONE (-1)

typedef struct trie_node {
    int32_t value;       /* entry index, or -1 */
    uint8_t has_stems;   /* some edge out of this node is a stem edge */
    uint32_t stem_first; /* the first bytes of those stems (trie_first_bit) */
    uint64_t stem_lens;  /* their lengths: bit k for k bytes, bit 63 for 63 or more */
} trie_node;

typedef struct trie_edge {
    int32_t from;  /* node */
    uint32_t word; /* lexicon id; 0 marks an empty slot */
    int32_t to;    /* node */
    uint8_t stem;
} trie_edge;

typedef struct trie {
    trie_node *nodes;
    uint32_t nnodes, capnodes;
    trie_edge *edges;          /* open-addressing hash on (from, word, stem) */
    uint32_t nedges, capedges; /* capedges is a power of two */
    uint16_t min_stem;         /* shortest stem that is probed */
    uint32_t max_stem;         /* bytes of the longest stem word added (trie_note_stem):
                                  no longer prefix of a token is probed, so a token
                                  costs the same whatever its length */
} trie;

int trie_init(trie *t);
void trie_free(trie *t);

/* Adds the phrase words[0..n) (stem[i] != 0: word i is a stem) and returns
 * the node at its end (whose value the caller sets), or TRIE_NONE when out
 * of memory or n == 0. lx, the lexicon of the words, tells the stems'
 * first bytes and lengths, so that a token no stem can start is not
 * probed; NULL: every token is. */
int32_t trie_add(trie *t, const lexicon *lx, const uint32_t *words, const uint8_t *stem, size_t n);

/* The bit of trie_node.stem_first for a word's first byte: A-Z one each,
 * every other byte one more. */
static inline uint32_t trie_first_bit(unsigned char c) {
    return c >= 'A' && c <= 'Z' ? 1u << (c - 'A') : 1u << 26;
}

/* Child of node by word id (an exact edge, or a stem edge of that very
 * word), or TRIE_NONE. */
int32_t trie_child(const trie *t, int32_t node, uint32_t word);

/* The node an exact (stem == 0) or stem (stem != 0) edge for word leads
 * to, or TRIE_NONE. */
int32_t trie_edge_to(const trie *t, int32_t node, uint32_t word, int stem);

/* Records that a stem word of len bytes was added (see max_stem). */
static inline void trie_note_stem(trie *t, uint32_t len) {
    if (len > t->max_stem) t->max_stem = len;
}

/* Stem child of node for the upper-case token text s[0..n): the longest
 * stem edge that is a prefix of s, or TRIE_NONE. lx resolves prefixes to ids;
 * only prefixes as long as a stem of node that starts with s's first byte
 * are probed, none longer than t->max_stem. */
int32_t trie_stem_child(const trie *t, const lexicon *lx, int32_t node, const char *s, size_t n);

static inline int32_t trie_value(const trie *t, int32_t node) { return t->nodes[node].value; }

#endif
