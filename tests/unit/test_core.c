/* test_core.c -- the small building blocks: arena, lexicon, status
 * formatting, case folding. */
#include "testutil.h"

#include "arena.h"
#include "lexicon.h"
#include "status.h"
#include "text.h"

/* grow_array keeps the elements and only grows when full. */
static void growable_lists(void **s) {
    (void)s;
    int *v = NULL;
    size_t cap = 0, n = 0;
    for (int i = 0; i < 1000; i++) {
        void *p = v;
        assert_int_equal(grow_array(&p, &cap, n, sizeof *v), 0);
        v = p;
        assert_true(cap > n);
        v[n++] = i;
    }
    assert_int_equal(cap, 1024);
    for (int i = 0; i < 1000; i++) assert_int_equal(v[i], i);
    void *p = v;
    size_t big = SIZE_MAX / 8;
    assert_int_equal(grow_array(&p, &big, big, 16), -1); /* too large: refused, unchanged */
    assert_ptr_equal(p, v);
    free(v);
}

static void arena_alloc_align_reset(void **s) {
    (void)s;
    arena a;
    arena_init(&a, 128);
    char *p = arena_alloc(&a, 3);
    double *d = arena_alloc(&a, sizeof *d);
    assert_non_null(p);
    assert_non_null(d);
    assert_int_equal((uintptr_t)d % _Alignof(max_align_t), 0);
    char *big = arena_alloc(&a, 10000); /* larger than a chunk */
    assert_non_null(big);
    memset(big, 'x', 10000);
    char *after = arena_strdup(&a, "hello");
    assert_string_equal(after, "hello");
    int *z = arena_calloc(&a, 10, sizeof *z);
    for (int i = 0; i < 10; i++) assert_int_equal(z[i], 0);
    assert_false(arena_failed(&a));
    assert_null(arena_calloc(&a, SIZE_MAX / 2, 4)); /* overflow is a failure */
    assert_true(arena_failed(&a));
    assert_null(arena_alloc(&a, 1)); /* and it is sticky */
    arena_reset(&a);
    assert_false(arena_failed(&a));
    assert_non_null(arena_alloc(&a, 16));
    arena_free(&a);
}

static void lexicon_interning(void **s) {
    (void)s;
    arena a;
    arena_init(&a, 0);
    lexicon lx;
    assert_int_equal(lex_init(&lx, &a), 0);
    uint32_t g = lex_intern(&lx, "GONDOR", 6);
    assert_int_not_equal(g, LEX_NONE);
    assert_int_equal(lex_intern(&lx, "GONDOR", 6), g);
    assert_int_equal(lex_find(&lx, "GONDOR", 6), g);
    assert_int_equal(lex_find(&lx, "GOND", 4), LEX_NONE);
    char w[16];
    for (int i = 0; i < 5000; i++) { /* forces several table growths */
        int n = snprintf(w, sizeof w, "W%d", i);
        assert_int_not_equal(lex_intern(&lx, w, (size_t)n), LEX_NONE);
    }
    assert_int_equal(lex_find(&lx, "GONDOR", 6), g);
    assert_string_equal(lex_str(&lx, lex_find(&lx, "W4999", 5)), "W4999");
    lex_free(&lx);
    arena_free(&a);
}

static void error_format(void **s) {
    (void)s;
    dyad_error e;
    char b[600];
    assert_int_equal(dyad_fail(&e, DYAD_EPARSE, "x.verbs", 12, "bad %s", "line"), DYAD_EPARSE);
    assert_string_equal(dyad_error_format(&e, b, sizeof b), "x.verbs:12: bad line");
    dyad_fail(&e, DYAD_EIO, NULL, 0, "no file");
    assert_string_equal(dyad_error_format(&e, b, sizeof b), "no file");
    assert_string_equal(dyad_status_str(DYAD_ENOMEM), "out of memory");
    assert_int_equal(dyad_fail(NULL, DYAD_EIO, NULL, 0, "x"), DYAD_EIO);
}

static void folding(void **s) {
    (void)s;
    char out[64];
    const char *in = "Israel\xE2\x80\x99s al\xE2\x80\x93Sisi caf\xC3\xA9";
    size_t n = text_upper(in, strlen(in), out, sizeof out);
    assert_string_equal(out, "ISRAEL'S AL-SISI CAF\xC3\x89");
    assert_int_equal(n, strlen(out));
    /* too small a buffer: truncated, NUL-terminated, needed length returned */
    char tiny[4];
    assert_int_equal(text_upper("abcdef", 6, tiny, sizeof tiny), 6);
    assert_string_equal(tiny, "ABC");
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(arena_alloc_align_reset),
        cmocka_unit_test(growable_lists),
        cmocka_unit_test(lexicon_interning),
        cmocka_unit_test(error_format),
        cmocka_unit_test(folding),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
