/* hash.h -- the one hash of texts (hash.c), also fed piece by piece: for
 * the checksum of the dictionaries a context loaded. Internal. */
#ifndef DYAD_HASH_H
#define DYAD_HASH_H

#include <stddef.h>
#include <stdint.h>

/* Two FNV-1a lanes of 64 bits, the second mixed. */
typedef struct hash128 {
    uint64_t a, b;
} hash128;

void hash_init(hash128 *h);
/* Adds n bytes at p: the same bytes in the same order, the same hash,
 * however they are split. */
void hash_update(hash128 *h, const void *p, size_t n);
/* The hash as 32 hex digits and a NUL. */
void hash_hex(const hash128 *h, char out[33]);

#endif
