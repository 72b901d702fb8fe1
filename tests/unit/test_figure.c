/* test_figure.c -- casualty figures on hand-written sentences: numbers in
 * digits and words, qualifiers, ranges, kinds, released captives, victims,
 * perpetrators, sources and dates; and numbers that are no counts (ages,
 * years, times, addresses, phone numbers, identifiers). */
#include "testutil.h"

#include "ctx.h"
#include "figure.h"

static const char ACTORS[] = "ISRAELI [ISR]\nHAMAS [PSEREBHMS]\nPALESTINIAN [PSE]\n"
                             "LEBANON [LBN]\nGONDOR [GON]\n";

static dyad_ctx *make_ctx(void) {
    dyad_ctx *ctx;
    dyad_error err;
    assert_int_equal(dyad_ctx_new(&ctx, &err), DYAD_OK);
    assert_int_equal(
        ctx_load_buffer(ctx, DYAD_DICT_ACTORS, "t.actors", ACTORS, strlen(ACTORS), NULL, NULL, &err),
        DYAD_OK);
    assert_int_equal(dyad_ctx_finish(ctx, &err), DYAD_OK);
    return ctx;
}

static dyad_ctx *ctx; /* made once for the group (setup, teardown) */

static int setup(void **s) {
    (void)s;
    ctx = make_ctx();
    return 0;
}

static int teardown(void **s) {
    (void)s;
    dyad_ctx_free(ctx);
    return 0;
}

/* Codes text as an article of 2024-08-20. */
static dyad_doc *code(const char *text) {
    dyad_article a;
    memset(&a, 0, sizeof a);
    a.id = "t";
    a.date = "2024-08-20";
    a.source = a.title = a.url = "";
    a.text = text;
    a.text_len = strlen(text);
    a.file = "test";
    dyad_doc *d = NULL;
    dyad_error err;
    assert_int_equal(dyad_code(ctx, &a, &d, &err), DYAD_OK);
    return d;
}

/* The only figure of text: asserts there is exactly one, of kind and value. */
#define ONE_FIGURE(text, k, v)                                                                          \
    do {                                                                                                \
        dyad_doc *d_ = code(text);                                                                      \
        assert_int_equal(dyad_doc_nfigures(d_), 1);                                                     \
        assert_int_equal(dyad_doc_figure(d_, 0)->kind, k);                                              \
        assert_int_equal(dyad_doc_figure(d_, 0)->value, v);                                             \
        dyad_doc_free(d_);                                                                              \
    } while (0)

#define NO_FIGURE(text)                                                                                 \
    do {                                                                                                \
        dyad_doc *d_ = code(text);                                                                      \
        assert_int_equal(dyad_doc_nfigures(d_), 0);                                                     \
        dyad_doc_free(d_);                                                                              \
    } while (0)

static void numbers(void **s) {
    (void)s;
    struct {
        const char *w;
        int64_t v;
        uint32_t len; /* tokens read */
    } cases[] = {{"2,483 people", 2483, 1},
                 {"one million", 1000000, 2},
                 {"1.2 million", 1200000, 2},
                 {"five", 5, 1},
                 {"twenty-five", 25, 1},
                 {"a dozen", 12, 2},
                 {"dozens of", 24, 1},
                 {"hundreds", 200, 1},
                 {"tens of thousands", 20000, 3},
                 {"one hundred and twenty", 120, 4},
                 {"two thousand", 2000, 2}};
    for (size_t k = 0; k < sizeof cases / sizeof cases[0]; k++) {
        arena a;
        arena_init(&a, 0);
        lexicon lx;
        assert_int_equal(lex_init(&lx, &a), 0);
        text_doc td;
        assert_int_equal(text_analyze(&a, &lx, cases[k].w, strlen(cases[k].w), 1, &td), 0);
        int64_t v = -1;
        uint32_t e = 0;
        assert_int_equal(figure_number(td.toks, (uint32_t)td.ntoks, 0, &v, &e), 1);
        assert_int_equal(v, cases[k].v);
        assert_int_equal(e, cases[k].len);
        lex_free(&lx);
        arena_free(&a);
    }
}

static void quick_test_covers_kind_words(void **s) {
    (void)s;
    size_t i = 0;
    for (const char *w; (w = figure_kind_word(i)) != NULL; i++)
        assert_true(figure_maybe_word(w, strlen(w)));
    assert_true(i > 40);
    assert_false(figure_maybe_word("THE", 3));
    assert_false(figure_maybe_word("GAZA", 4));
}

static void kinds(void **s) {
    (void)s;
    ONE_FIGURE("The strikes killed at least 2,483 people.", DYAD_FIG_KILLED, 2483);
    ONE_FIGURE("The conflict resulted in 40,170 Palestinian deaths.", DYAD_FIG_KILLED, 40170);
    ONE_FIGURE("Five people were wounded in the blast.", DYAD_FIG_INJURED, 5);
    ONE_FIGURE("Dozens of civilians were killed.", DYAD_FIG_KILLED, 24);
    ONE_FIGURE("Hundreds were detained by the police.", DYAD_FIG_PRISONER, 200);
    ONE_FIGURE("Over 1.2 million people have been displaced.", DYAD_FIG_DISPLACED, 1200000);
    ONE_FIGURE("Gunmen kidnapped 12 workers.", DYAD_FIG_CAPTIVE, 12);
    ONE_FIGURE("The death toll rose to 45.", DYAD_FIG_KILLED, 45);
    ONE_FIGURE("Two men were shot and killed.", DYAD_FIG_KILLED, 2);
    ONE_FIGURE("A 5-year-old was shot dead.", DYAD_FIG_KILLED, 1);
    ONE_FIGURE("Caitlin Caskey, 17, was shot and killed.", DYAD_FIG_KILLED, 1);
    ONE_FIGURE("Three people were shot at the party.", DYAD_FIG_INJURED, 3);
    ONE_FIGURE("It was a fatal shooting.", DYAD_FIG_KILLED, 1);
    ONE_FIGURE("Police sought leads in the murder of a pizza shop worker.", DYAD_FIG_KILLED, 1);
    ONE_FIGURE("Ronnie Chambers, 33, was fatally struck by a bullet.", DYAD_FIG_KILLED, 1);
    ONE_FIGURE("In the fight, one suspect was accidentally shot and later died.", DYAD_FIG_KILLED, 1);
    ONE_FIGURE("A former Yates basketball star was shot to death.", DYAD_FIG_KILLED, 1);
    ONE_FIGURE("She was one of two people killed by police.", DYAD_FIG_KILLED, 2);
    ONE_FIGURE("A man accused of fatally shooting an Ohio policeman appeared.", DYAD_FIG_KILLED, 1);
    ONE_FIGURE("A drive-by shooting critically injures a child.", DYAD_FIG_INJURED, 1);
}

static void details(void **s) {
    (void)s;
    dyad_doc *d = code("Israeli aggression on Lebanon, which has killed at least 2,483 people and "
                       "injured 11,628 others on Monday, according to the health ministry.");
    assert_int_equal(dyad_doc_nfigures(d), 2);
    const dyad_figure *k = dyad_doc_figure(d, 0), *i = dyad_doc_figure(d, 1);
    assert_int_equal(k->kind, DYAD_FIG_KILLED);
    assert_string_equal(k->number, "2,483");
    assert_string_equal(k->qualifier, "at least");
    assert_string_equal(k->victim, "people");
    assert_string_equal(k->perpetrator, "Israeli");
    assert_string_equal(k->perpetrator_code, "ISR");
    assert_string_equal(k->cited, "the health ministry");
    assert_string_equal(k->date, "2024-08-19");
    assert_null(k->place.name); /* no gazetteer loaded */
    assert_int_equal(i->kind, DYAD_FIG_INJURED);
    assert_int_equal(i->value, 11628);
    assert_string_equal(i->qualifier, "");
    dyad_doc_free(d);

    d = code("The truce led to the release of 109 captives held by Hamas in exchange for 240 "
             "Palestinian prisoners.");
    assert_int_equal(dyad_doc_nfigures(d), 2);
    assert_int_equal(dyad_doc_figure(d, 0)->kind, DYAD_FIG_CAPTIVE);
    assert_int_equal(dyad_doc_figure(d, 0)->released, 1);
    assert_string_equal(dyad_doc_figure(d, 0)->perpetrator_code, "PSEREBHMS");
    assert_int_equal(dyad_doc_figure(d, 1)->kind, DYAD_FIG_PRISONER);
    assert_int_equal(dyad_doc_figure(d, 1)->released, 1);
    assert_int_equal(dyad_doc_figure(d, 1)->value, 240);
    assert_string_equal(dyad_doc_figure(d, 1)->victim_code, "PSE");
    dyad_doc_free(d);

    d = code("Gunmen took 30 hostages, police said.");
    assert_int_equal(dyad_doc_nfigures(d), 1);
    assert_int_equal(dyad_doc_figure(d, 0)->released, 0);
    assert_string_equal(dyad_doc_figure(d, 0)->cited, "police");
    assert_string_equal(dyad_doc_figure(d, 0)->date, "2024-08-20");
    dyad_doc_free(d);

    d = code("Between 10 and 15 people were injured, and three to four others died.");
    assert_int_equal(dyad_doc_nfigures(d), 2);
    assert_int_equal(dyad_doc_figure(d, 0)->value, 10);
    assert_int_equal(dyad_doc_figure(d, 0)->value_max, 15);
    assert_int_equal(dyad_doc_figure(d, 1)->value, 3);
    assert_int_equal(dyad_doc_figure(d, 1)->value_max, 4);
    dyad_doc_free(d);
}

static void stated_twice(void **s) {
    (void)s;
    ONE_FIGURE("Five soldiers were killed, and the five dead were buried.", DYAD_FIG_KILLED, 5);
    dyad_doc *d = code("A man was killed and a woman was killed.");
    assert_int_equal(dyad_doc_nfigures(d), 2);
    dyad_doc_free(d);
}

/* A story discard drops the events, not the figures. */
static void discarded_story(void **s) {
    (void)s;
    dyad_ctx *c;
    dyad_error err;
    assert_int_equal(dyad_ctx_new(&c, &err), DYAD_OK);
    static const char DISC[] = "+QUARTERBACK\n";
    assert_int_equal(
        ctx_load_buffer(c, DYAD_DICT_DISCARDS, "t.discards", DISC, strlen(DISC), NULL, NULL, &err),
        DYAD_OK);
    assert_int_equal(dyad_ctx_finish(c, &err), DYAD_OK);
    const char *text = "The quarterback saw it. A man was shot. Two fans were killed.";
    dyad_article a;
    memset(&a, 0, sizeof a);
    a.id = "t";
    a.date = a.source = a.title = a.url = "";
    a.text = text;
    a.text_len = strlen(text);
    dyad_doc *d = NULL;
    assert_int_equal(dyad_code(c, &a, &d, &err), DYAD_OK);
    assert_true(dyad_doc_story_discarded(d));
    assert_int_equal(dyad_doc_nevents(d), 0);
    assert_int_equal(dyad_doc_nfigures(d), 2);
    assert_int_equal(dyad_doc_figure(d, 1)->value, 2);
    dyad_doc_free(d);
    dyad_ctx_free(c);
}

static void not_counts(void **s) {
    (void)s;
    NO_FIGURE("A 5-year-old girl was found at the scene.");
    NO_FIGURE("The 1701 resolution was passed, and Resolution 2334 killed the deal.");
    NO_FIGURE("In 2014 the town was attacked and killed.");
    NO_FIGURE("At 7 p.m. the shooting killed.");
    NO_FIGURE("The house at 2810 W. Arkansas Street was where he was shot.");
    NO_FIGURE("Call 555-1234 if you saw who was killed.");
    NO_FIGURE("He was wounded three times.");
    NO_FIGURE("No one was injured.");
    NO_FIGURE("The suspects who shot at the car fled.");
    NO_FIGURE("About 400,000 people live there.");
    NO_FIGURE("He paid $2,500 to the wounded.");
    NO_FIGURE("At 8:20 the wounded arrived.");
    NO_FIGURE("He died aged 85.");
    NO_FIGURE("No child under the age of 12 was hurt.");
    NO_FIGURE("A car was shot at twice.");
    NO_FIGURE("He suffered two gunshot wounds.");
}

/* Figures of history and figures beyond belief (articles of 2024-08-20):
 * a count dated more than a year before publication keeps its date and is
 * historical; "since 2011" dates nothing; a count above ten million is no
 * casualty figure. */
static void sanity(void **s) {
    (void)s;
    dyad_doc *d = code("In 1994, 800,000 people were killed in the genocide, the president recalled.");
    assert_int_equal(dyad_doc_nfigures(d), 1);
    assert_string_equal(dyad_doc_figure(d, 0)->date, "1994-01-01");
    assert_int_equal(dyad_doc_figure(d, 0)->historical, 1);
    dyad_doc_free(d);
    d = code("About 50,000 people have been displaced since 2011, aid groups said.");
    assert_int_equal(dyad_doc_nfigures(d), 1);
    assert_string_equal(dyad_doc_figure(d, 0)->date, "2024-08-20");
    assert_int_equal(dyad_doc_figure(d, 0)->historical, 0);
    dyad_doc_free(d);
    d = code("Twelve people were killed in an airstrike on Tuesday.");
    assert_int_equal(dyad_doc_nfigures(d), 1);
    assert_string_equal(dyad_doc_figure(d, 0)->date, "2024-08-20");
    assert_int_equal(dyad_doc_figure(d, 0)->historical, 0);
    dyad_doc_free(d);
    d = code("Last year 12 soldiers were killed there, in September 2023.");
    assert_int_equal(dyad_doc_nfigures(d), 1);
    assert_int_equal(dyad_doc_figure(d, 0)->historical, 0); /* within a year */
    dyad_doc_free(d);
    d = code("The war in 2014 killed 1,601,030,008 prisoners, officials said.");
    assert_int_equal(dyad_doc_nfigures(d), 0);
    assert_int_equal(dyad_doc_nwarnings(d), 1); /* dropped, and said so */
    assert_non_null(strstr(dyad_doc_warning(d, 0), "\"1,601,030,008\""));
    assert_non_null(strstr(dyad_doc_warning(d, 0), "more than ten million"));
    assert_null(dyad_doc_warning(d, 1));
    dyad_doc_free(d);
    d = code("Officials said 20 million people were displaced by the floods.");
    assert_int_equal(dyad_doc_nfigures(d), 0);
    dyad_doc_free(d);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(quick_test_covers_kind_words),
        cmocka_unit_test(numbers),
        cmocka_unit_test(kinds),
        cmocka_unit_test(details),
        cmocka_unit_test(stated_twice),
        cmocka_unit_test(discarded_story),
        cmocka_unit_test(not_counts),
        cmocka_unit_test(sanity),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
