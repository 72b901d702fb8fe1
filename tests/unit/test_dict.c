/* test_dict.c -- the dictionary readers (actors, agents, discards, verbs in
 * both formats), good lines and bad, the trie, inflection, and the real
 * PETRARCH dictionaries loading whole. */
#include "testutil.h"

#include "ctx.h"
#include "dict.h"
#include "inflect.h"
#include "text.h"
#include "trie.h"

static dicts D;
static test_warnings W;

static int setup(void **s) {
    (void)s;
    memset(&W, 0, sizeof W);
    return dicts_init(&D);
}

static int teardown(void **s) {
    (void)s;
    dicts_free(&D);
    return 0;
}

/* Walks a phrase of upper-case words through trie t (exact edges, then a
 * stem edge of the same word); returns the value at its end or -1. */
static int32_t lookup(const trie *t, const char *phrase) {
    char buf[256];
    snprintf(buf, sizeof buf, "%s", phrase);
    int32_t node = TRIE_ROOT;
    for (char *w = strtok(buf, " "); w; w = strtok(NULL, " ")) {
        uint32_t id = lex_find(&D.lex, w, strlen(w));
        int32_t nx = trie_edge_to(t, node, id, 0);
        if (nx == TRIE_NONE) nx = trie_edge_to(t, node, id, 1);
        if (nx == TRIE_NONE) return -1;
        node = nx;
    }
    return t->nodes[node].value;
}

static const char *actor_code(const char *phrase, int32_t date) {
    int32_t e = lookup(&D.actors_t, phrase);
    return e < 0 ? NULL : dict_actor_code(&D.actors.v[e], date);
}

/* The warnings so far are n, at these lines of file name, in order. */
static void expect_warned(const char *name, const int *lines, int n) {
    assert_int_equal(W.n, n);
    for (int i = 0; i < n; i++) {
        char at[64];
        snprintf(at, sizeof at, "%s:%d:", name, lines[i]);
        assert_non_null(strstr(W.text[i], at));
    }
}

static void actors_good(void **s) {
    (void)s;
    const char *txt = "<!-- a comment\n spanning lines -->\n"
                      "UNITED_STATES [USA] # trailing comment\n"
                      "+U.S._\n"
                      "GOLLUM\n"
                      "+SMEAGOL\n"
                      "\t[HOB < 950601]\n"
                      "\t[HOBGOV 19950601 - 19990815]\n"
                      "\t[HOBREB > 990816]\n"
                      "BOROMIR [---]\n"
                      "ALPHA_ONE_\n"
                      "ALPHA_TWO_\n"
                      "\t[ALP]\n";
    assert_int_equal(dict_parse_actors(&D, "a.actors", txt, strlen(txt), test_warn_cb, &W, NULL),
                     DYAD_OK);
    assert_int_equal(W.n, 0);
    assert_string_equal(actor_code("UNITED STATES", 0), "USA");
    assert_string_equal(actor_code("U.S.", 0), "USA");
    assert_string_equal(actor_code("SMEAGOL", 19940101), "HOB");
    assert_string_equal(actor_code("GOLLUM", 19970101), "HOBGOV");
    assert_string_equal(actor_code("GOLLUM", 20000101), "HOBREB");
    assert_string_equal(actor_code("BOROMIR", 0), "");
    assert_string_equal(actor_code("ALPHA TWO", 0), "ALP"); /* heads without codes share the next */
    /* the stem flag: STATES is a stem, U.S. (trailing _) exact */
    uint32_t us = lex_find(&D.lex, "U.S.", 4);
    assert_int_not_equal(trie_edge_to(&D.actors_t, TRIE_ROOT, us, 0), TRIE_NONE);
    uint32_t gol = lex_find(&D.lex, "GOLLUM", 6);
    assert_int_not_equal(trie_edge_to(&D.actors_t, TRIE_ROOT, gol, 1), TRIE_NONE);
}

static void actors_bad(void **s) {
    (void)s;
    const char *txt = "+ORPHAN\n"                  /* 1: synonym with no head */
                      "[ABC]\n"                    /* 2: code with no head */
                      "GOOD [GOO]\n"               /* 3 */
                      "BROKEN [BRO\n"              /* 4: unbalanced */
                      "DATED\n"                    /* 5 */
                      "\t[DAT 2004017-20061201]\n" /* 6: bad date */
                      "\t[DAT]\n"                  /* 7 */
                      "NOCODE_AT_ALL\n"            /* 8: never gets a code */
                      "\n"
                      "LAST [LAS]\n"; /* 10 */
    assert_int_equal(dict_parse_actors(&D, "bad.actors", txt, strlen(txt), test_warn_cb, &W, NULL),
                     DYAD_OK);
    expect_warned("bad.actors", (const int[]){1, 2, 4, 6, 8}, 5);
    assert_non_null(strstr(W.text[4], "no code"));
    assert_int_equal(D.bad_lines, 5);
    /* the good lines around them are all there */
    assert_string_equal(actor_code("GOOD", 0), "GOO");
    assert_string_equal(actor_code("DATED", 0), "DAT");
    assert_string_equal(actor_code("LAST", 0), "LAS");
}

/* Canonical names and Wikidata ids: the head phrase or "@name", "@wikidata"
 * checked; dict_name names a code by the entry that alone gives it, its
 * roles dropped, or a role alone by its role. */
static void actor_names(void **s) {
    (void)s;
    const char *act = "GONDOR_ [GON]\n" /* 1 */
                      "+GONDORIAN\n"
                      "@wikidata Q1001\n"
                      "ARAGORN_ELESSAR_\n" /* 4: a person: dated codes name no code */
                      "+STRIDER_\n"
                      "@wikidata Q42\n"
                      "\t[GONGOV 30190325-99991231]\n"
                      "\t[GONELI]\n"
                      "WHITE_COUNCIL_ [IGOWCL]\n" /* 9 */
                      "@name The White Council\n"
                      "@wikidata Q0123\n" /* 11: bad, leading zero */
                      "@wikidata Q77 x\n" /* 12: bad, text after */
                      "@wikidata Q78\n"
                      "@wikidata Q79\n"          /* 14: bad, a second one */
                      "@colour grey\n"           /* 15: bad, unknown */
                      "GREY_HAVENS_ [IGOWCL]\n"; /* 16: the code's second entry */
    const char *agt = "POLICE_ {} [~COP]\nPOLICE_OFFICER [~COP]\nGOVERNMENT [~GOV]\n";
    assert_int_equal(dict_parse_actors(&D, "n.actors", act, strlen(act), test_warn_cb, &W, NULL),
                     DYAD_OK);
    assert_int_equal(dict_parse_agents(&D, "n.agents", agt, strlen(agt), test_warn_cb, &W, NULL),
                     DYAD_OK);
    expect_warned("n.actors", (const int[]){11, 12, 14, 15}, 4);
    int32_t ar = lookup(&D.actors_t, "STRIDER");
    assert_true(ar >= 0);
    assert_string_equal(D.actors.v[ar].name, "ARAGORN ELESSAR");
    assert_string_equal(D.actors.v[ar].wikidata, "Q42");
    int32_t wc = lookup(&D.actors_t, "WHITE COUNCIL");
    assert_string_equal(D.actors.v[wc].name, "The White Council");
    assert_string_equal(D.actors.v[wc].wikidata, "Q78");
    assert_null(D.actors.v[lookup(&D.actors_t, "GREY HAVENS")].wikidata);
    assert_int_equal(dict_index_names(&D), 0);
    const char *name, *qid;
    dict_name(&D, "GONGOV", &name, &qid); /* the role dropped; not Aragorn's */
    assert_string_equal(name, "GONDOR");
    assert_string_equal(qid, "Q1001");
    dict_name(&D, "GONCOPGOV", &name, &qid);
    assert_string_equal(name, "GONDOR");
    dict_name(&D, "IGOWCL", &name, &qid); /* the first entry of the code */
    assert_string_equal(name, "The White Council");
    dict_name(&D, "IGOWCLGOV", &name, &qid);
    assert_string_equal(name, "The White Council");
    dict_name(&D, "---COP", &name, &qid);
    assert_string_equal(name, "POLICE");
    assert_null(qid);
    dict_name(&D, "MOR", &name, &qid);
    assert_string_equal(name, "");
    dict_name(&D, "", &name, &qid);
    assert_string_equal(name, "");
}

static void agents(void **s) {
    (void)s;
    const char *txt = "!PERSON! = MAN, MEN\n"
                      "PRIME_MINISTER [~GOV]\n"
                      "POLICE {} [ ~COP]\n"
                      "ATTORNEY_GENERAL {ATTORNEYS_GENERAL} [~JUD]\n"
                      "MSF {} [NGO~]\n"
                      "CONGRESS!PERSON! [~LEG]\n"
                      "NO_CODE_HERE\n" /* 7: bad */
                      "ODD [GOV]\n";   /* 8: bad, no '~' */
    assert_int_equal(dict_parse_agents(&D, "x.agents", txt, strlen(txt), test_warn_cb, &W, NULL),
                     DYAD_OK);
    assert_int_equal(W.n, 2);
    assert_non_null(strstr(W.text[0], "x.agents:7:"));
    assert_non_null(strstr(W.text[1], "x.agents:8:"));
    int32_t pm = lookup(&D.agents_t, "PRIME MINISTERS");
    assert_true(pm >= 0);
    assert_string_equal(D.agents.v[pm].code, "GOV");
    assert_false(D.agents.v[pm].prefix);
    assert_true(lookup(&D.agents_t, "POLICES") < 0); /* {}: no plural */
    assert_true(lookup(&D.agents_t, "ATTORNEYS GENERAL") >= 0);
    int32_t msf = lookup(&D.agents_t, "MSF");
    assert_true(D.agents.v[msf].prefix);
    assert_string_equal(D.agents.v[msf].code, "NGO");
    assert_true(lookup(&D.agents_t, "CONGRESSMEN") >= 0);
}

static void discards(void **s) {
    (void)s;
    const char *txt = "+World Golf Championships # story\nBASEBALL\n";
    assert_int_equal(dict_parse_discards(&D, "d.discards", txt, strlen(txt), test_warn_cb, &W, NULL),
                     DYAD_OK);
    assert_int_equal(W.n, 0);
    int32_t g = lookup(&D.discards_t, "WORLD GOLF CHAMPIONSHIPS");
    assert_true(g >= 0);
    assert_true(D.discards.v[g].story);
    assert_false(D.discards.v[lookup(&D.discards_t, "BASEBALL")].story);
}

static const verb_block *block_of(const char *form) {
    int32_t f = lookup(&D.verbs_t, form);
    return f < 0 ? NULL : &D.blocks.v[D.forms.v[f].block];
}

static void verbs_petrarch1(void **s) {
    (void)s;
    const char *txt = "&TIETYPES\n+MILITARY\n+ECONOMIC\n\n"
                      "--- ABANDON [345] ---\n"
                      "ABANDON\n"
                      "- * DIPLOMATIC TIES [901]\n"
                      "- * &TIETYPES TIES [902]\n"
                      "- SO IN_AND_*_OUT_AGAIN NOW [074]\n"
                      "\n"
                      "--- BREAK [1717] ---\n"
                      "BREAK { BROKE BROKEN }\n"
                      "+BREAK_DOWN {+BREAKS_DOWN +BROKE_DOWN +BROKEN_DOWN }\n"
                      "- + KNOWN_ * IN_ $ [076]\n"
                      "\n"
                      "--- ARRIVE [032:033] ---\n"
                      "ARRIVE\n"
                      "\n"
                      "--- DELAY [---] ---\n"
                      "DELAY\n"
                      "DOWNPLAY [014]\n";
    assert_int_equal(dict_parse_verbs(&D, "v.verbs", txt, strlen(txt), test_warn_cb, &W, NULL), DYAD_OK);
    assert_int_equal(W.n, 0);
    assert_string_equal(block_of("ABANDONED")->name, "ABANDON");
    assert_string_equal(block_of("BROKE")->code, "1717");
    assert_string_equal(block_of("BROKE DOWN")->name, "BREAK");
    const verb_block *arr = block_of("ARRIVING");
    assert_string_equal(arr->code, "032");
    assert_string_equal(arr->rcode, "033");
    assert_null(block_of("DELAYED")->code);
    assert_string_equal(D.forms.v[lookup(&D.verbs_t, "DOWNPLAY")].code, "014");
    const verb_block *ab = block_of("ABANDON");
    assert_int_equal(ab->npats, 3);
    /* most literal elements first */
    assert_string_equal(ab->pats[0].code, "074");
    const pattern *so = &ab->pats[0];
    assert_int_equal(so->npre, 3);
    assert_int_equal(so->npost, 3); /* OUT AGAIN NOW */
    assert_true(so->verb_adjacent_pre);
    assert_true(so->verb_adjacent_post);
    assert_true(so->pre[1].adjacent);             /* IN_AND */
    assert_false(so->pre[0].adjacent);            /* SO IN */
    assert_true(so->post[1].adjacent);            /* OUT_AGAIN */
    assert_false(so->post[2].adjacent);           /* AGAIN NOW */
    assert_string_equal(ab->pats[1].code, "901"); /* equal length: file order */
    const pattern *ties = &ab->pats[2];
    assert_int_equal(ties->post[0].kind, PE_SYNSET);
    assert_string_equal(D.synsets.v[ties->post[0].id].name, "&TIETYPES");
    const verb_block *br = block_of("BREAK");
    assert_int_equal(br->pats[0].pre[0].kind, PE_TARGET);
    assert_int_equal(br->pats[0].post[1].kind, PE_SOURCE);
    assert_false(br->pats[0].pre[1].stem); /* KNOWN_ is exact */
}

static void verbs_petrarch2_and_bad(void **s) {
    (void)s;
    const char *txt = "---  ADD   [---]  ---\n"
                      "ADD\n"
                      "- * (TO LIST) (OF {BANNED PARTIES}) [1722]\n"
                      "- * ^ WITH [\n"          /* 4: no code */
                      "- NO STAR HERE [010]\n"  /* 5: no '*' */
                      "- * (UNBALANCED [010]\n" /* 6 */
                      "- * &NOSUCH [010]\n"     /* 7: unknown synset */
                      "STRAY_LINE_OK\n"
                      "--- BROKEN HEADER ---\n"; /* 9: no code */
    assert_int_equal(dict_parse_verbs(&D, "p2.verbs", txt, strlen(txt), test_warn_cb, &W, NULL),
                     DYAD_OK);
    assert_int_equal(W.n, 5);
    const char *want[] = {"p2.verbs:4:", "p2.verbs:5:", "p2.verbs:6:", "p2.verbs:9:", "p2.verbs:7:"};
    for (int i = 0; i < 5; i++) assert_non_null(strstr(W.text[i], want[i]));
    const verb_block *add = block_of("ADDED");
    assert_non_null(add);
    assert_int_equal(add->npats, 2);
    const pattern *p = &add->pats[0];
    assert_string_equal(p->code, "1722");
    assert_int_equal(p->npost, 5); /* TO LIST OF BANNED PARTIES */
    assert_int_equal(p->post[0].group, 1);
    assert_int_equal(p->post[2].group, 2);
}

static void inflection(void **s) {
    (void)s;
    inflect_forms f;
    const char *cases[][5] = {
        {"ATTACK", "ATTACKS", "ATTACKED", "ATTACKING", NULL},
        {"STOP", "STOPS", "STOPPED", "STOPPING", NULL},
        {"CARRY", "CARRIES", "CARRIED", "CARRYING", NULL},
        {"ARRIVE", "ARRIVES", "ARRIVED", "ARRIVING", NULL},
        {"FLEE", "FLEES", "FLED", "FLEEING", NULL},
        {"MEET", "MEETS", "MET", "MEETING", NULL},
        {"BREAK", "BROKE", "BROKEN", "BREAKING", NULL},
        {"ADMIT", "ADMITTED", "ADMITTING", NULL, NULL},
    };
    for (size_t c = 0; c < sizeof cases / sizeof cases[0]; c++) {
        inflect_verb(cases[c][0], &f);
        assert_string_equal(f.w[0], cases[c][0]);
        for (int k = 1; k < 5 && cases[c][k]; k++) {
            int found = 0;
            for (int q = 0; q < f.n; q++) found |= !strcmp(f.w[q], cases[c][k]);
            if (!found) fail_msg("%s lacks %s", cases[c][0], cases[c][k]);
        }
    }
    inflect_noun("MAN", &f);
    assert_int_equal(f.n, 2);
    assert_string_equal(f.w[1], "MEN");
    inflect_noun("MILITIA", &f);
    assert_string_equal(f.w[1], "MILITIAS");
    inflect_noun("CASUALTY", &f);
    assert_string_equal(f.w[1], "CASUALTIES");
}

static void trie_basics(void **s) {
    (void)s;
    trie t;
    assert_int_equal(trie_init(&t), 0);
    uint32_t a = lex_intern(&D.lex, "GAZA", 4), b = lex_intern(&D.lex, "STRIP", 5),
             c = lex_intern(&D.lex, "ISRAEL", 6);
    uint32_t ph[2] = {a, b};
    uint8_t st[2] = {0, 0};
    int32_t n = trie_add(&t, NULL, ph, st, 2);
    t.nodes[n].value = 7;
    assert_int_equal(trie_add(&t, NULL, ph, st, 2), n); /* same phrase, same node */
    uint8_t stem[1] = {1};
    int32_t m = trie_add(&t, NULL, &c, stem, 1);
    trie_note_stem(&t, 6);
    t.nodes[m].value = 9;
    int32_t x = trie_child(&t, TRIE_ROOT, a);
    assert_int_not_equal(x, TRIE_NONE);
    assert_int_equal(trie_value(&t, trie_child(&t, x, b)), 7);
    assert_int_equal(trie_child(&t, x, c), TRIE_NONE);
    /* ISRAELI reaches the stem ISRAEL; IS does not */
    assert_int_equal(trie_value(&t, trie_stem_child(&t, &D.lex, TRIE_ROOT, "ISRAELI", 7)), 9);
    assert_int_equal(trie_stem_child(&t, &D.lex, TRIE_ROOT, "IS", 2), TRIE_NONE);
    /* a token of any length probes only prefixes up to the longest stem */
    size_t big = 200000;
    char *tok = malloc(big);
    assert_non_null(tok);
    memcpy(tok, "ISRAEL", 6);
    memset(tok + 6, 'I', big - 6);
    assert_int_equal(trie_value(&t, trie_stem_child(&t, &D.lex, TRIE_ROOT, tok, big)), 9);
    tok[0] = 'X';
    assert_int_equal(trie_stem_child(&t, &D.lex, TRIE_ROOT, tok, big), TRIE_NONE);
    free(tok);
    assert_int_equal(trie_add(&t, NULL, ph, st, 0), TRIE_NONE);
    for (uint32_t i = 0; i < 3000; i++) { /* growth */
        char w[16];
        int k = snprintf(w, sizeof w, "W%u", i);
        uint32_t id = lex_intern(&D.lex, w, (size_t)k);
        assert_int_not_equal(trie_add(&t, NULL, &id, st, 1), TRIE_NONE);
    }
    assert_int_equal(trie_value(&t, trie_child(&t, trie_child(&t, TRIE_ROOT, a), b)), 7);
    trie_free(&t);
}

/* The dictionary files of tests/fixtures/dict, one of each TABARI /
 * PETRARCH kind, recognised by their names and loaded from disk: every
 * entry counted, each bad line reported with its file and line, the good
 * lines around them used, dated codes chosen by the article's date. */
/* The checksum of what ctx loaded from actors then verbs (either may be
 * NULL: not loaded), into out. */
static void checksum_of(const char *actors, const char *verbs, int verbs_first, char out[33]) {
    dyad_ctx *c;
    assert_int_equal(dyad_ctx_new(&c, NULL), DYAD_OK);
    for (int i = 0; i < 2; i++) {
        int v = i == 0 ? verbs_first : !verbs_first;
        const char *t = v ? verbs : actors;
        if (t)
            assert_int_equal(ctx_load_buffer(c, v ? DYAD_DICT_VERBS : DYAD_DICT_ACTORS, v ? "v" : "a", t,
                                             strlen(t), NULL, NULL, NULL),
                             DYAD_OK);
    }
    assert_int_equal(dyad_ctx_finish(c, NULL), DYAD_OK);
    dyad_ctx_checksum(c, out);
    dyad_ctx_free(c);
}

/* The dictionaries' checksum: the same bytes in the same order, the same
 * checksum whatever the names; a byte more, another order, or where one
 * file ends and the next begins, another. */
static void checksum(void **s) {
    (void)s;
    const char *actors = "GONDOR_ [GON]\n", *verbs = "--- ATTACK [190] ---\nATTACK\n";
    char a[33], b[33], c[33], d[33], e[33], none[33];
    checksum_of(actors, verbs, 0, a);
    checksum_of(actors, verbs, 0, b);
    assert_int_equal(strlen(a), 32);
    assert_string_equal(a, b);
    checksum_of(actors, verbs, 1, c);
    assert_string_not_equal(a, c);
    checksum_of("GONDOR_ [GON]\n\n", verbs, 0, d);
    assert_string_not_equal(a, d);
    /* the bytes of two files moved across their border */
    checksum_of("GONDOR_ [GON]\n--- ATTACK [190] ---\n", "ATTACK\n", 0, e);
    assert_string_not_equal(a, e);
    checksum_of(NULL, NULL, 0, none);
    assert_string_not_equal(a, none);
}

static void dictionary_files(void **s) {
    (void)s;
    const char *files[] = {"Fixture.verbs.txt", "Fixture.actors.txt", "Fixture.agents.txt",
                           "Fixture.discards.txt"};
    dyad_ctx *ctx;
    assert_int_equal(dyad_ctx_new(&ctx, NULL), DYAD_OK);
    test_warnings w = {0};
    for (size_t i = 0; i < sizeof files / sizeof files[0]; i++) {
        char path[700];
        snprintf(path, sizeof path, "%s/dict/%s", test_fixture_dir(), files[i]);
        dyad_error err;
        assert_int_equal(dyad_ctx_load_file(ctx, path, DYAD_DICT_AUTO, test_warn_cb, &w, &err), DYAD_OK);
    }
    assert_int_equal(dyad_ctx_load_file(ctx, "/nonexistent.verbs", DYAD_DICT_AUTO, NULL, NULL, NULL),
                     DYAD_EIO);
    dyad_error err;
    assert_int_equal(dyad_ctx_finish(ctx, &err), DYAD_OK);
    dyad_dict_stats st;
    dyad_ctx_stats(ctx, &st);
    assert_int_equal(st.actors, 4);
    assert_int_equal(st.agents, 2);
    assert_int_equal(st.verb_blocks, 3);
    assert_int_equal(st.patterns, 3);
    assert_int_equal(st.discards, 2);
    assert_int_equal(w.n, 3);
    const char *want[] = {"Fixture.verbs.txt:14:", "Fixture.actors.txt:12:", "Fixture.agents.txt:6:"};
    for (int i = 0; i < 3; i++)
        if (!strstr(w.text[i], want[i])) fail_msg("warning %d: %s, want %s", i, w.text[i], want[i]);
    char out[512];
    test_code_events(ctx, "Aragorn Elessar accused Rohan of aggression.", "1997-05-01", out, sizeof out);
    assert_string_equal(out, "ARNREB|ROH|1122");
    test_code_events(ctx, "Aragorn visited Rohan. Gondor sent medical supplies to Arnor.", "2004-05-01",
                     out, sizeof out);
    assert_string_equal(out, "GONGOV|ROH|042;GON|ARN|0713");
    test_code_events(ctx, "The Gondorian foreign minister paid a visit to Arnor.", "2004-05-01", out,
                     sizeof out);
    assert_string_equal(out, "GONGOV|ARN|042");
    dyad_ctx_free(ctx);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(actors_good, setup, teardown),
        cmocka_unit_test_setup_teardown(actors_bad, setup, teardown),
        cmocka_unit_test_setup_teardown(actor_names, setup, teardown),
        cmocka_unit_test_setup_teardown(agents, setup, teardown),
        cmocka_unit_test_setup_teardown(discards, setup, teardown),
        cmocka_unit_test_setup_teardown(verbs_petrarch1, setup, teardown),
        cmocka_unit_test_setup_teardown(verbs_petrarch2_and_bad, setup, teardown),
        cmocka_unit_test(inflection),
        cmocka_unit_test_setup_teardown(trie_basics, setup, teardown),
        cmocka_unit_test(dictionary_files),
        cmocka_unit_test(checksum),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
