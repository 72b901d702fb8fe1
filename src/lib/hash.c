/* hash.c -- the one hash of texts: what the store keys articles by, what
 * the PostgreSQL schema version is, what ids of posted articles are made
 * from. Two FNV-1a lanes of 64 bits, one of them mixed, as 32 hex digits. */
#include <stdint.h>
#include <stdio.h>

#include "dyad.h"

void dyad_text_hash(const char *text, size_t len, char out[33]) {
    uint64_t a = 1469598103934665603ULL, b = 0x9ae16a3b2f90404fULL;
    for (size_t i = 0; i < len; i++) {
        a = (a ^ (unsigned char)text[i]) * 1099511628211ULL;
        b = (b ^ (unsigned char)text[i]) * 0x100000001b3ULL;
        b ^= b >> 29;
    }
    snprintf(out, 33, "%016llx%016llx", (unsigned long long)a, (unsigned long long)b);
}
