/* test_snippet.c -- the snippets of search hits made from their text
 * (PostgreSQL's): the words marked, the window chosen, the cuts shown. */
#include "testutil.h"

#include "store/snippet.h"

/* The snippet of text for the words, checked against want. */
static void check(const char *text, const char *const *words, size_t n, const char *want) {
    char *s = snippet_make(text, strlen(text), words, n);
    assert_non_null(s);
    assert_string_equal(s, want);
    free(s);
}

static void short_text_whole(void **state) {
    (void)state;
    const char *w[] = {"blinken", "doha"};
    check("Blinken arrived in Doha, on Thursday.", w, 2,
          "\x02"
          "Blinken\x03 arrived in \x02"
          "Doha\x03, on Thursday.");
    check("", w, 2, "");
    check("Nothing here.", w, 2, "Nothing here.");
}

static void words_not_parts(void **state) {
    (void)state;
    const char *w[] = {"gaza"};
    /* a word is a run of letters and digits: Gaza's and al-Gaza match, Gazan does not */
    check("Gazan talks; Gaza's talks, al-Gaza.", w, 1,
          "Gazan talks; \x02Gaza\x03's talks, al-\x02Gaza\x03.");
}

static void lower_case_of_any_script(void **state) {
    (void)state;
    const char *w[] = {"ünal", "καλημέρα"};
    check("ÜNAL said ΚΑΛΗΜΈΡΑ.", w, 2, "\x02ÜNAL\x03 said \x02ΚΑΛΗΜΈΡΑ\x03.");
}

/* Writes into text the words w0 w1 ... w<middle-1>, then mid, then the
 * words up to w<end-1>. */
static void around(char *text, int middle, const char *mid, int end) {
    *text = '\0';
    for (int i = 0; i < end; i++) {
        if (i == middle) strcat(text, mid);
        sprintf(text + strlen(text), "w%d ", i);
    }
}

static void long_text_cut_around_the_matches(void **state) {
    (void)state;
    char text[2048];
    around(text, 60, "Qatar and Egypt mediated. ", 120);
    const char *w[] = {"qatar", "egypt"};
    /* 24 words: the three between the matches and 21 around them */
    check(text, w, 2,
          "...w50 w51 w52 w53 w54 w55 w56 w57 w58 w59 \x02Qatar\x03 and \x02"
          "Egypt\x03 mediated. w60 w61 w62 "
          "w63 w64 w65 w66 w67 w68 w69...");
    /* no match: the first words */
    const char *none[] = {"israel"};
    char *s = snippet_make(text, strlen(text), none, 1);
    assert_non_null(s);
    assert_true(!strncmp(s, "w0 w1 w2 ", 9));
    assert_true(strlen(s) > 3 && !strcmp(s + strlen(s) - 6, "w23..."));
    free(s);
}

static void most_distinct_words_win(void **state) {
    (void)state;
    char text[4096] = "Qatar Qatar Qatar. ";
    around(text + strlen(text), 40, "Qatar met Egypt. ", 80);
    const char *w[] = {"qatar", "egypt"};
    char *s = snippet_make(text, strlen(text), w, 2);
    assert_non_null(s);
    assert_non_null(strstr(s, "\x02Qatar\x03 met \x02"
                              "Egypt\x03"));
    assert_null(strstr(s, "\x02Qatar\x03 \x02Qatar\x03"));
    free(s);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(short_text_whole),         cmocka_unit_test(words_not_parts),
        cmocka_unit_test(lower_case_of_any_script), cmocka_unit_test(long_text_cut_around_the_matches),
        cmocka_unit_test(most_distinct_words_win),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
