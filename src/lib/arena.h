/* arena.h -- a chunked bump allocator. One arena per document (tokens,
 * spans, candidate events) and one per dictionary context; everything in it
 * is freed at once. Failure is sticky: after one failed allocation every
 * later one fails too, so a stage may allocate freely and check
 * arena_failed() once. */
#ifndef DYAD_ARENA_H
#define DYAD_ARENA_H

#include <stddef.h>

typedef struct arena_chunk arena_chunk;

typedef struct arena {
    arena_chunk *head; /* chunk being filled */
    size_t chunk_size; /* default size of new chunks */
    size_t total;      /* bytes obtained from malloc */
    int failed;        /* sticky out-of-memory flag */
} arena;

void arena_init(arena *a, size_t chunk_size);
/* Returns n bytes aligned for any type, or NULL (and sets failed). */
void *arena_alloc(arena *a, size_t n);
/* Like arena_alloc, zero-filled. */
void *arena_calloc(arena *a, size_t count, size_t size);
/* Copies s[0..n) and appends a NUL. */
char *arena_strndup(arena *a, const char *s, size_t n);
char *arena_strdup(arena *a, const char *s);
/* Frees every chunk but the first and rewinds it: ready for reuse. */
void arena_reset(arena *a);
void arena_free(arena *a);
static inline int arena_failed(const arena *a) { return a->failed; }

/* Makes room for one more element after the n in the malloc'd array *v of
 * *cap elements of size elem, doubling it (from 16) when full: the
 * growable lists a document keeps beside its arena. Returns 0, -1 when out
 * of memory (*v is then unchanged). */
int grow_array(void **v, size_t *cap, size_t n, size_t elem);

/* The same for an array in arena a (the old copy stays in the arena until
 * it is reset), doubling from first. */
int arena_grow(arena *a, void **v, size_t *cap, size_t n, size_t elem, size_t first);

#endif
