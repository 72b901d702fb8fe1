/* test_text.c -- UTF-8 cleaning, the tokenizer and the sentence splitter. */
#include "testutil.h"

#include "arena.h"
#include "lexicon.h"
#include "text.h"
#include "utf8.h"

typedef struct fixture {
    arena a;
    lexicon lx;
    text_doc td;
} fixture;

static int setup(void **state) {
    fixture *f = calloc(1, sizeof *f);
    arena_init(&f->a, 0);
    lex_init(&f->lx, &f->a);
    *state = f;
    return 0;
}

static int teardown(void **state) {
    fixture *f = *state;
    lex_free(&f->lx);
    arena_free(&f->a);
    free(f);
    return 0;
}

/* The tokens of text joined by '|' (upper-case forms). */
static const char *toks(fixture *f, const char *text, char *out, size_t n) {
    assert_int_equal(text_analyze(&f->a, &f->lx, text, strlen(text), 1, &f->td), 0);
    size_t k = 0;
    out[0] = '\0';
    for (size_t i = 0; i < f->td.ntoks && k < n; i++)
        k += (size_t)snprintf(out + k, n - k, "%s%s", i ? "|" : "", f->td.toks[i].up);
    return out;
}

static void tokens_words_and_numbers(void **state) {
    fixture *f = *state;
    char b[512];
    assert_string_equal(toks(f, "The conflict killed 40,170 people, and 2.5 million fled.", b, sizeof b),
                        "THE|CONFLICT|KILLED|40,170|PEOPLE|,|AND|2.5|MILLION|FLED|.");
    assert_int_equal(f->td.toks[3].kind, TK_NUM);
    assert_int_equal(f->td.toks[6].kind, TK_WORD);
    assert_string_equal(toks(f, "Egyptian President Abdel Fattah al-Sisi met U.S. envoys.", b, sizeof b),
                        "EGYPTIAN|PRESIDENT|ABDEL|FATTAH|AL-SISI|MET|U.S.|ENVOYS|.");
}

static void tokens_possessives_and_contractions(void **state) {
    fixture *f = *state;
    char b[512];
    assert_string_equal(toks(f, "Israel's war and Hamas\xE2\x80\x99s chief", b, sizeof b),
                        "ISRAEL|'S|WAR|AND|HAMAS|'S|CHIEF");
    assert_int_equal(f->td.toks[1].kind, TK_POSS);
    assert_int_equal(f->td.toks[5].kind, TK_POSS);
    assert_string_equal(toks(f, "He didn't go; they can't.", b, sizeof b),
                        "HE|DID|N'T|GO|;|THEY|CA|N'T|.");
    assert_string_equal(toks(f, "the ministers' meeting", b, sizeof b), "THE|MINISTERS|'|MEETING");
    assert_int_equal(f->td.toks[2].kind, TK_POSS);
}

static void tokens_dates_quotes_dashes(void **state) {
    fixture *f = *state;
    char b[512];
    assert_string_equal(toks(f, "talks on Aug.15 and 16 in Doha", b, sizeof b),
                        "TALKS|ON|AUG.|15|AND|16|IN|DOHA");
    assert_string_equal(toks(f, "\xE2\x80\x9CThe war\xE2\x80\x9D \xE2\x80\x93 he said", b, sizeof b),
                        "\"|THE|WAR|\"|-|HE|SAID");
    assert_int_equal(f->td.toks[0].kind, TK_QUOTE);
    assert_int_equal(f->td.toks[4].kind, TK_DASH);
}

static void token_offsets_and_case(void **state) {
    fixture *f = *state;
    const char *text = "Caf\xC3\xA9 owners met.";
    char b[128];
    toks(f, text, b, sizeof b);
    assert_string_equal(b, "CAF\xC3\x89|OWNERS|MET|.");
    assert_int_equal(f->td.toks[0].off, 0);
    assert_int_equal(f->td.toks[0].len, 5);
    assert_int_equal(f->td.toks[1].off, 6);
    assert_true(f->td.toks[0].cap);
    assert_false(f->td.toks[1].cap);
}

static void token_ids_from_lexicon(void **state) {
    fixture *f = *state;
    uint32_t id = lex_intern(&f->lx, "GAZA", 4);
    char b[64];
    toks(f, "Gaza and gaza", b, sizeof b);
    assert_int_equal(f->td.toks[0].id, id);
    assert_int_equal(f->td.toks[2].id, id);
    assert_int_equal(f->td.toks[1].id, LEX_NONE);
}

/* Splits text and returns the sentences joined by " || ". */
static const char *sents(fixture *f, const char *text, char *out, size_t n) {
    assert_int_equal(text_analyze(&f->a, &f->lx, text, strlen(text), 0, &f->td), 0);
    size_t k = 0;
    out[0] = '\0';
    for (size_t i = 0; i < f->td.nsents && k < n; i++)
        k += (size_t)snprintf(out + k, n - k, "%s%.*s", i ? " || " : "", (int)f->td.sents[i].len,
                              text + f->td.sents[i].off);
    return out;
}

static void split_abbreviations(void **state) {
    fixture *f = *state;
    char b[1024];
    assert_string_equal(
        sents(f, "Mr. Blinken met Dr. Smith in Doha. They spoke on Aug. 15. Then he left.", b, sizeof b),
        "Mr. Blinken met Dr. Smith in Doha. || They spoke on Aug. 15. || Then he left.");
    assert_string_equal(sents(f, "The U.S. State Department said so. Talks went on.", b, sizeof b),
                        "The U.S. State Department said so. || Talks went on.");
    assert_string_equal(
        sents(f, "It costs 3.5 million. \xE2\x80\x9CNo,\xE2\x80\x9D he said. What? Yes!", b, sizeof b),
        "It costs 3.5 million. || \xE2\x80\x9CNo,\xE2\x80\x9D he said. || What? || Yes!");
    assert_string_equal(sents(f, "Aid reached the U.S. The talks resumed.", b, sizeof b),
                        "Aid reached the U.S. || The talks resumed.");
    /* a capital letter and its period are an initial, unless a word that
     * opens sentences follows */
    assert_string_equal(
        sents(f, "Envoy John R. Tolkien and J. K. Smith met. Talks went on.", b, sizeof b),
        "Envoy John R. Tolkien and J. K. Smith met. || Talks went on.");
    assert_string_equal(sents(f, "Gondor chose plan B. The talks failed.", b, sizeof b),
                        "Gondor chose plan B. || The talks failed.");
}

static void split_lines(void **state) {
    fixture *f = *state;
    char b[1024];
    /* a line that ends a sentence ends it; a wrapped line does not */
    assert_string_equal(sents(f, "Qatar mediated\nthe talks.\nEgypt hosted them", b, sizeof b),
                        "Qatar mediated\nthe talks. || Egypt hosted them");
    assert_string_equal(sents(f, "A title\n\nThe body starts here.", b, sizeof b),
                        "A title || The body starts here.");
}

static void split_sample_article(void **state) {
    fixture *f = *state;
    char path[512];
    snprintf(path, sizeof path, "%s/lines.txt", test_fixture_dir());
    FILE *fp = fopen(path, "rb");
    if (!fp) fail_msg("cannot read %s", path);
    static char buf[1 << 16];
    size_t n = fread(buf, 1, sizeof buf - 1, fp);
    fclose(fp);
    buf[n] = '\0';
    size_t lines = 0;
    for (char *p = buf; *p;) {
        char *e = strchr(p, '\n');
        size_t l = e ? (size_t)(e - p) : strlen(p);
        if (l > 0) lines++;
        p = e ? e + 1 : p + l;
    }
    assert_int_equal(text_analyze(&f->a, &f->lx, buf, n, 0, &f->td), 0);
    /* one sentence a line, abbreviations and initials inside, but line 7
     * holds two */
    assert_int_equal(f->td.nsents, lines + 1);
}

static void utf8_cleaning(void **state) {
    (void)state;
    utf8_report r;
    size_t n;
    char *s = utf8_clean("ok\xff\xfe then\nbad \xc3 end", 20, &n, &r);
    assert_non_null(s);
    assert_int_equal(r.invalid, 3);
    assert_int_equal(r.first_invalid_line, 1);
    assert_non_null(strstr(s, "ok\xEF\xBF\xBD\xEF\xBF\xBD then"));
    free(s);
    s = utf8_clean("a\0b\x01"
                   "c",
                   5, &n, &r);
    assert_int_equal(n, 5);
    assert_string_equal(s, "a b c");
    assert_int_equal(r.controls, 2);
    free(s);
    s = utf8_clean("Cafe\xCC\x81", 6, &n, &r); /* e + combining acute -> é */
    assert_string_equal(s, "Caf\xC3\xA9");
    free(s);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(tokens_words_and_numbers, setup, teardown),
        cmocka_unit_test_setup_teardown(tokens_possessives_and_contractions, setup, teardown),
        cmocka_unit_test_setup_teardown(tokens_dates_quotes_dashes, setup, teardown),
        cmocka_unit_test_setup_teardown(token_offsets_and_case, setup, teardown),
        cmocka_unit_test_setup_teardown(token_ids_from_lexicon, setup, teardown),
        cmocka_unit_test_setup_teardown(split_abbreviations, setup, teardown),
        cmocka_unit_test_setup_teardown(split_lines, setup, teardown),
        cmocka_unit_test_setup_teardown(split_sample_article, setup, teardown),
        cmocka_unit_test(utf8_cleaning),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
