/* hash.c -- the one hash of texts: what the store keys articles by, what
 * the PostgreSQL schema version is, what ids of posted articles are made
 * from, what the dictionaries' checksum is. Two FNV-1a lanes of 64 bits,
 * one of them mixed, as 32 hex digits. */
#include <stdio.h>

#include "dyad.h"
#include "hash.h"

void hash_init(hash128 *h) {
    h->a = 1469598103934665603ULL;
    h->b = 0x9ae16a3b2f90404fULL;
}

void hash_update(hash128 *h, const void *p, size_t n) {
    const unsigned char *s = p;
    uint64_t a = h->a, b = h->b;
    for (size_t i = 0; i < n; i++) {
        a = (a ^ s[i]) * 1099511628211ULL;
        b = (b ^ s[i]) * 0x100000001b3ULL;
        b ^= b >> 29;
    }
    h->a = a;
    h->b = b;
}

void hash_hex(const hash128 *h, char out[33]) {
    snprintf(out, 33, "%016llx%016llx", (unsigned long long)h->a, (unsigned long long)h->b);
}

void dyad_text_hash(const char *text, size_t len, char out[33]) {
    hash128 h;
    hash_init(&h);
    hash_update(&h, text, len);
    hash_hex(&h, out);
}
