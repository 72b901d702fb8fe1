/* minhash.c -- MinHash signatures of texts for finding copies of one story
 * (the same wire text with another headline, dateline or last paragraph).
 * Each shingle of three words is hashed once; its top bits pick one of
 * the signature's slots and the slot keeps the least of the rest (one
 * permutation hashing, Li, Owen and Zhang 2012), empty slots borrowing
 * the next full one's value (rotation densification, Shrivastava 2017).
 * The share of equal slots estimates the Jaccard similarity of two
 * texts' shingle sets; bands of four slots find candidates by index. */
#include "minhash.h"

/* A word byte: ASCII letters and digits, and every byte of a multi-byte
 * UTF-8 character. */
static int word_byte(unsigned char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c >= 0x80;
}

/* splitmix64's finaliser: every input bit moves about half the output's. */
static uint64_t mix(uint64_t x) {
    x ^= x >> 30;
    x *= 0xbf58476d1ce4e5b9ULL;
    x ^= x >> 27;
    x *= 0x94d049bb133111ebULL;
    return x ^ (x >> 31);
}

size_t minhash(const char *text, size_t len, uint32_t sig[MINHASH_N]) {
    const unsigned char *s = (const unsigned char *)text;
    uint64_t w[3] = {0, 0, 0}; /* the hashes of the last three words */
    uint8_t full[MINHASH_N] = {0};
    size_t nwords = 0, i = 0;
    for (int k = 0; k < MINHASH_N; k++) sig[k] = UINT32_MAX;
    for (;;) {
        while (i < len && !word_byte(s[i])) i++;
        if (i >= len) break;
        uint64_t h = 1469598103934665603ULL;
        for (; i < len && word_byte(s[i]); i++) {
            unsigned char c = s[i] >= 'A' && s[i] <= 'Z' ? (unsigned char)(s[i] + 32) : s[i];
            h = (h ^ c) * 1099511628211ULL;
        }
        w[0] = w[1];
        w[1] = w[2];
        w[2] = h;
        if (++nwords < 3) continue;
        uint64_t sh = mix(w[0] * 3 + mix(w[1] * 5 + mix(w[2])));
        unsigned slot = (unsigned)(sh >> 58); /* 64 slots */
        uint32_t v = (uint32_t)sh;
        if (v < sig[slot]) sig[slot] = v;
        full[slot] = 1;
    }
    /* an empty slot takes the value of the next full one to its right,
     * marked by the distance, so two texts agree on it as they agree on
     * that one */
    int any = 0;
    for (int k = 0; k < MINHASH_N; k++) any |= full[k];
    if (!any) return nwords;
    for (int k = 0; k < MINHASH_N; k++) {
        if (full[k]) continue;
        int d = 1;
        while (!full[(k + d) % MINHASH_N]) d++;
        sig[k] = (uint32_t)mix(sig[(k + d) % MINHASH_N] + (uint64_t)d * 0x9e3779b97f4a7c15ULL);
    }
    return nwords;
}

double minhash_similarity(const uint32_t *a, const uint32_t *b) {
    int same = 0;
    for (int k = 0; k < MINHASH_N; k++) same += a[k] == b[k];
    return (double)same / MINHASH_N;
}

int64_t minhash_band(const uint32_t sig[MINHASH_N], int k) {
    const int r = MINHASH_N / MINHASH_BANDS;
    uint64_t h = mix((uint64_t)k + 1);
    for (int j = 0; j < r; j++) h = mix(h ^ sig[k * r + j]);
    return (int64_t)(h >> 1);
}
