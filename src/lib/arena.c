/* arena.c -- chunked bump allocator (see arena.h). */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"

struct arena_chunk {
    arena_chunk *next;
    size_t size, used;
    max_align_t data[]; /* flexible array keeps the payload aligned */
};

#define ALIGN (sizeof(max_align_t))

void arena_init(arena *a, size_t chunk_size) {
    a->head = NULL;
    a->chunk_size = chunk_size ? chunk_size : 64 * 1024;
    a->total = 0;
    a->failed = 0;
}

void *arena_alloc(arena *a, size_t n) {
    if (a->failed) return NULL;
    if (n == 0) n = 1;
    size_t need = (n + ALIGN - 1) & ~(ALIGN - 1);
    if (need < n) {
        a->failed = 1;
        return NULL;
    }
    arena_chunk *c = a->head;
    if (!c || c->size - c->used < need) {
        size_t sz = a->chunk_size;
        if (need > sz) sz = need;
        if (sz > SIZE_MAX - sizeof(arena_chunk)) {
            a->failed = 1;
            return NULL;
        }
        arena_chunk *nc = malloc(sizeof(arena_chunk) + sz);
        if (!nc) {
            a->failed = 1;
            return NULL;
        }
        nc->size = sz;
        nc->used = 0;
        a->total += sz;
        if (c && need > a->chunk_size) {
            /* an oversized block goes behind the current chunk so the
             * space left in the current chunk is not wasted */
            nc->next = c->next;
            c->next = nc;
            nc->used = need;
            return (char *)nc->data;
        }
        nc->next = c;
        a->head = c = nc;
    }
    void *p = (char *)c->data + c->used;
    c->used += need;
    return p;
}

void *arena_calloc(arena *a, size_t count, size_t size) {
    if (size && count > SIZE_MAX / size) {
        a->failed = 1;
        return NULL;
    }
    void *p = arena_alloc(a, count * size);
    if (p) memset(p, 0, count * size);
    return p;
}

char *arena_strndup(arena *a, const char *s, size_t n) {
    char *p = arena_alloc(a, n + 1);
    if (!p) return NULL;
    if (n) memcpy(p, s, n);
    p[n] = '\0';
    return p;
}

char *arena_strdup(arena *a, const char *s) { return arena_strndup(a, s, strlen(s)); }

void arena_reset(arena *a) {
    arena_chunk *c = a->head;
    if (!c) {
        a->failed = 0;
        return;
    }
    /* keep the last chunk in the list (the oldest, normal-sized) */
    arena_chunk *keep = c;
    while (keep->next) keep = keep->next;
    while (c != keep) {
        arena_chunk *n = c->next;
        a->total -= c->size;
        free(c);
        c = n;
    }
    keep->used = 0;
    keep->next = NULL;
    a->head = keep;
    a->failed = 0;
}

void arena_free(arena *a) {
    arena_chunk *c = a->head;
    while (c) {
        arena_chunk *n = c->next;
        free(c);
        c = n;
    }
    a->head = NULL;
    a->total = 0;
}

int grow_array(void **v, size_t *cap, size_t n, size_t elem) {
    if (n < *cap) return 0;
    size_t nc = *cap ? *cap * 2 : 16;
    if (nc > SIZE_MAX / elem) return -1;
    void *nv = realloc(*v, nc * elem);
    if (!nv) return -1;
    *v = nv;
    *cap = nc;
    return 0;
}

int arena_grow(arena *a, void **v, size_t *cap, size_t n, size_t elem, size_t first) {
    if (n < *cap) return 0;
    size_t nc = *cap ? *cap * 2 : first;
    if (nc > SIZE_MAX / elem) return -1;
    void *nv = arena_alloc(a, nc * elem);
    if (!nv) return -1;
    if (n) memcpy(nv, *v, n * elem);
    *v = nv;
    *cap = nc;
    return 0;
}
