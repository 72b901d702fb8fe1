/* minhash.h -- near-duplicate texts: MinHash signatures of their word
 * shingles (minhash.c), banded for finding candidates by index. */
#ifndef DYAD_MINHASH_H
#define DYAD_MINHASH_H

#include <stddef.h>
#include <stdint.h>

#define MINHASH_N 64     /* slots of a signature */
#define MINHASH_BANDS 16 /* bands of MINHASH_N / MINHASH_BANDS slots */
/* Texts with fewer words have no signature: too short to tell a copy. */
#define MINHASH_MIN_WORDS 40
/* The least share of equal slots (an estimate of the Jaccard similarity
 * of the shingle sets) that makes two texts copies of one story. */
#define MINHASH_NEAR 0.6

/* The signature of text[0..len) into sig: one-permutation MinHash of its
 * shingles of three words (ASCII case folded), empty slots filled from
 * their neighbours. Returns how many words the text has; the signature
 * means nothing below MINHASH_MIN_WORDS. */
size_t minhash(const char *text, size_t len, uint32_t sig[MINHASH_N]);

/* The share of slots two signatures agree on. */
double minhash_similarity(const uint32_t *a, const uint32_t *b);

/* The key of band k of sig, never negative as a 64-bit signed integer:
 * two texts whose signatures agree on a band share its key. */
int64_t minhash_band(const uint32_t sig[MINHASH_N], int k);

#endif
