/* test_place.c -- the gazetteer reader and the place matcher on a small,
 * made-up gazetteer: prepositions, direction words, descriptions ("the
 * Qatari capital"), ambiguous names, false friends, the place an event
 * gets, and bad gazetteer lines reported with file:line. */
#include <math.h>

#include "testutil.h"

#include "ctx.h"

static const char GAZ[] =
    "# test gazetteer\n"
    "Qatar\tcountry\tQAT\t\t25.3\t51.2\t2800000\tState of Qatar\n"
    "Lebanon\tcountry\tLBN\t\t33.9\t35.9\t5000000\n"
    "Israel\tcountry\tISR\t\t31.5\t34.8\t9000000\n"
    "France\tcountry\tFRA\t\t46.6\t2.2\t67000000\n"
    "Texas\tregion\tUSA\tTX\t31.0\t-97.5\t21000000\n"
    "Doha\tcapital\tQAT\t01\t25.2855\t51.5310\t344939\n"
    "Beirut\tcapital\tLBN\t04\t33.8933\t35.5016\t1916100\n"
    "Paris\tcapital\tFRA\t11\t48.8534\t2.3488\t2138551\n"
    "Paris\tcity\tUSA\tTX\t33.6609\t-95.5555\t24782\n"
    "Gaza\tcity\tPSE\tGZ\t31.5016\t34.4667\t410000\n"
    "Rafah\tcity\tPSE\tGZ\t31.2972\t34.2436\t126305\tRafaḩ\n"
    "Khan Younis\tcity\tPSE\tGZ\t31.3462\t34.3063\t400000\tKhan Yunis\n"
    "Police\tcity\tPOL\t78\t54.6\t18.2\t5000\n"
    "Much\tcity\tDEU\t07\t50.9\t7.4\t15000\n"
    "Miller\tcity\tUSA\tSD\t44.5\t-98.9\t1500\n"
    "Georgetown\tcity\tUSA\tTX\t30.6\t-97.7\t5000\n"
    "Georgia\tcountry\tGEO\t\t41.96\t43.69\t2382185\n"
    "Georgia\tregion\tUSA\tGA\t33.28\t-83.85\t4636669\n"
    "Atlanta\tcity\tUSA\tGA\t33.749\t-84.388\t498715\n"
    "Tbilisi\tcapital\tGEO\tTB\t41.694\t44.834\t1049498\n"
    "Washington\tregion\tUSA\tWA\t47.4\t-120.5\t7700000\n"
    "Washington, D.C.\tcapital\tUSA\tDC\t38.895\t-77.036\t689545\tWashington\t4140963\tPPLC\n"
    "Seattle\tcity\tUSA\tWA\t47.606\t-122.332\t737015\t\t5809844\tPPLA2\n"
    "Macon\tcity\tUSA\tGA\t32.84\t-83.63\t153095\n"
    "Macon\tcity\tFRA\t27\t46.3\t4.83\t340000\n"
    "Libya\tcountry\tLBY\t\t27\t17\t7000000\n"
    "Tripoli\tcapital\tLBY\t77\t32.887\t13.187\t1150989\n"
    "Tripoli\tcity\tLBN\t09\t34.43\t35.84\t229398\n"
    "Latina\tcity\tESP\t29\t40.389\t-3.746\t256644\t\t6544489\tPPLX\n"
    "Latina\tcity\tITA\t07\t41.466\t12.904\t76305\t\t3175058\tPPLA2\n"
    "Idlib\tregion\tSYR\t12\t35.87\t36.61\t435573\n"
    "Idlib\tcity\tSYR\t12\t35.93\t36.63\t128840\t\t169389\tPPLA\n"
    "Jordan\tcountry\tJOR\t\t31\t36\t10000000\n"
    "Nice\tcity\tFRA\t93\t43.70\t7.27\t342669\n"
    "Iraq\tcountry\tIRQ\t\t33\t44\t40000000\n"
    "Mosul\tcity\tIRQ\t15\t36.34\t43.13\t1739800\n"
    "London\tcapital\tGBR\tENG\t51.51\t-0.13\t8961989\n"
    "English\tcity\tUSA\tIN\t38.33\t-86.46\t1200\n"
    "Indiana\tregion\tUSA\tIN\t39.9\t-86.3\t6700000\n";

static const char ACTORS[] = "QATAR_ [QAT]\n+QATARI\nLEBANON_ [LBN]\n+LEBANESE_\n"
                             "ISRAEL_ [ISR]\n+ISRAELI\nBLINKEN_ [USAGOV]\n"
                             "JOHN_MILLER_ [USAGOV]\nTRIPOLI_ [LBYGOV]\nJORDAN_ [JOR]\n"
                             "JORDAN_ARMED_FORCES_ [JORMIL]\nUNITED_KINGDOM_ [GBR]\n+ENGLISH_\n";
static const char VERBS[] = "--- VISIT [042] ---\nVISIT\n\n--- STRIKE [190] ---\nSTRIKE {STRUCK}\n\n"
                            "--- SAY [010] ---\nSAY {SAID}\n\n--- ARRIVE [042] ---\nARRIVE\n";

static dyad_ctx *g_ctx;

static int setup(void **s) {
    (void)s;
    dyad_error err;
    test_warnings w = {0};
    if (dyad_ctx_new(&g_ctx, &err) != DYAD_OK) return -1;
    if (ctx_load_buffer(g_ctx, DYAD_DICT_PLACES, "t.gaz", GAZ, strlen(GAZ), test_warn_cb, &w, &err) ||
        ctx_load_buffer(g_ctx, DYAD_DICT_ACTORS, "t.actors", ACTORS, strlen(ACTORS), test_warn_cb, &w,
                        &err) ||
        ctx_load_buffer(g_ctx, DYAD_DICT_VERBS, "t.verbs", VERBS, strlen(VERBS), test_warn_cb, &w,
                        &err) ||
        w.n != 0 || dyad_ctx_finish(g_ctx, &err) != DYAD_OK)
        return -1;
    return 0;
}

static int teardown(void **s) {
    (void)s;
    dyad_ctx_free(g_ctx);
    return 0;
}

/* The place attached to the verb (its first occurrence) of text, as
 * "name/country/span text", or "-" when none. */
static const char *place_of(const char *text, const char *verb, char *buf, size_t n) {
    const char *v = strstr(text, verb);
    assert_non_null(v);
    dyad_span vs = {(uint32_t)(v - text), (uint32_t)strlen(verb)};
    dyad_place pl;
    char nb[128];
    dyad_error err;
    assert_int_equal(dyad_place_for_verb(g_ctx, text, strlen(text), vs, &pl, nb, sizeof nb, &err),
                     DYAD_OK);
    if (!pl.name) {
        assert_true(isnan(pl.lat) && isnan(pl.lon));
        return "-";
    }
    snprintf(buf, n, "%s/%s/%.*s", pl.name, pl.country, (int)pl.span.len, text + pl.span.off);
    return buf;
}

#define PLACE(text, verb, want)                                                                         \
    do {                                                                                                \
        char b_[256];                                                                                   \
        assert_string_equal(place_of(text, verb, b_, sizeof b_), want);                                 \
    } while (0)

static void prepositions(void **s) {
    (void)s;
    PLACE("Israeli jets struck a house in Rafah on Monday.", "struck", "Rafah/PSE/Rafah");
    PLACE("Talks were held in Doha.", "held", "Doha/QAT/Doha");
    PLACE("Gunmen attacked a convoy near Khan Yunis.", "attacked", "Khan Younis/PSE/Khan Yunis");
    PLACE("Shells landed at Rafaḩ.", "landed", "Rafah/PSE/Rafaḩ");
}

static void directions_and_descriptions(void **s) {
    (void)s;
    PLACE("Israel struck targets in northern Gaza.", "struck", "Gaza/PSE/northern Gaza");
    PLACE("Troops clashed south of Beirut on Friday.", "clashed", "Beirut/LBN/south of Beirut");
    PLACE("Blinken arrived in the Qatari capital on Tuesday.", "arrived", "Doha/QAT/the Qatari capital");
    PLACE("Blinken arrived in the Qatari capital Doha.", "arrived", "Doha/QAT/the Qatari capital Doha");
    PLACE("Protests spread in the Lebanese capital.", "spread", "Beirut/LBN/the Lebanese capital");
    PLACE("He was shot at his home in the capital, Doha.", "shot", "Doha/QAT/Doha");
}

static void ambiguous_names(void **s) {
    (void)s;
    PLACE("Protesters gathered in Paris.", "gathered", "Paris/FRA/Paris");
    PLACE("Protesters gathered in Paris, Texas.", "gathered", "Paris/USA/Paris");
}

static void false_friends(void **s) {
    (void)s;
    PLACE("Police said Much of the town was quiet.", "said", "-");
    PLACE("Miller said the talks failed.", "said", "-");
    PLACE("John Miller said the talks failed.", "said", "-");
    PLACE("In March the talks failed.", "failed", "-");
    /* a small town counts after a preposition only */
    PLACE("Georgetown officials said the talks failed.", "said", "-");
    PLACE("Two men were arrested in Georgetown.", "arrested", "Georgetown/USA/Georgetown");
    /* a country before the verb is an actor, not where it happened */
    PLACE("Israel struck the convoy.", "struck", "-");
    /* after an age a name is a person ("a 5-year-old Latina"), unless a
     * preposition makes it a place */
    PLACE("Protesters said a 5-year-old Paris was hurt in the strike.", "hurt", "-");
    PLACE("The 30-year-old Beirut was shot, police said.", "shot", "-");
    PLACE("A 5-year-old was shot in Beirut, police said.", "shot", "Beirut/LBN/Beirut");
}

static void names_the_gazetteer_lacks(void **s) {
    (void)s;
    /* after "in", "near" or "village of": a place of unknown country */
    PLACE("Rebels resumed the offensive near the village of Khalsa.", "resumed", "Khalsa//Khalsa");
    PLACE("A bomb exploded near al-Shaab Stadium.", "exploded", "al-Shaab Stadium//al-Shaab Stadium");
    PLACE("A soldier was killed in Israel's northern Galilee region.", "killed",
          "Galilee//northern Galilee");
    /* the town inside the place named first */
    PLACE("Settlers attacked farmers in the Gaza town of Khuzaa.", "attacked", "Khuzaa//Khuzaa");
    /* not after a verb alone, nor a month or a word like "The" */
    PLACE("Rebels stormed Khalsa.", "stormed", "-");
    PLACE("Talks resumed in March.", "resumed", "-");
    const char *t = "Gunmen attacked a convoy near Mazraa.";
    dyad_place pl;
    char nb[128];
    dyad_error err;
    dyad_span vs = {(uint32_t)(strstr(t, "attacked") - t), 8};
    assert_int_equal(dyad_place_for_verb(g_ctx, t, strlen(t), vs, &pl, nb, sizeof nb, &err), DYAD_OK);
    assert_string_equal(pl.kind, "place");
    assert_string_equal(pl.country, "");
    assert_true(isnan(pl.lat) && isnan(pl.lon));
}

static void verb_tied_place(void **s) {
    (void)s;
    const char *t = "Officials in Doha said Israeli jets struck a school in Rafah.";
    PLACE(t, "struck", "Rafah/PSE/Rafah");
    PLACE(t, "said", "Doha/QAT/Doha");
}

/* A country named bare after the verb is where a visit or an attack was,
 * but a party after "between", "with", "and", "or", "by" is none. */
static void parties_are_no_places(void **s) {
    (void)s;
    PLACE("Blinken visited Qatar on Monday.", "visited", "Qatar/QAT/Qatar");
    PLACE("Egypt hosted talks between Israel and Hamas.", "hosted", "-");
    PLACE("Blinken met with Egypt's president.", "met", "-");
    PLACE("The strike was condemned by Iran.", "condemned", "-");
    PLACE("Talks with Israel were held in Doha.", "held", "Doha/QAT/Doha");
}

/* Codes text as an article of 2024-10-24 with g_ctx; the document to free. */
static dyad_doc *code_article(const char *text) {
    dyad_article a;
    memset(&a, 0, sizeof a);
    a.id = a.file = "t";
    a.date = "2024-10-24";
    a.source = a.title = a.url = "";
    a.text = text;
    a.text_len = strlen(text);
    dyad_doc *d = NULL;
    dyad_error err;
    assert_int_equal(dyad_code(g_ctx, &a, &d, &err), DYAD_OK);
    return d;
}

static void events_and_doc_places(void **s) {
    (void)s;
    dyad_doc *d = code_article("Blinken visited Qatar on Monday. Blinken said the war must end.");
    assert_true(dyad_doc_nevents(d) >= 1);
    const dyad_event *e = dyad_doc_event(d, 0);
    assert_string_equal(e->code, "042");
    assert_non_null(e->place.name);
    assert_string_equal(e->place.name, "Qatar");
    assert_string_equal(e->place.country, "QAT");
    assert_true(fabs(e->place.lat - 25.3) < 1e-9);
    for (size_t i = 1; i < dyad_doc_nevents(d); i++) assert_null(dyad_doc_event(d, i)->place.name);
    assert_int_equal(dyad_doc_nplaces(d), 1);
    assert_string_equal(dyad_doc_place(d, 0)->kind, "country");
    assert_null(dyad_doc_place(d, 1));
    dyad_doc_free(d);
}

static void bad_lines(void **s) {
    (void)s;
    static const char BAD[] = "Atlantis\tcontinent\tATL\t\t1\t2\t3\n"
                              "Doha\tcapital\tQA\t\t25\t51\t3\n"
                              "Doha\tcapital\tQAT\t\t95\t51\t3\n"
                              "Doha\tcapital\tQAT\t\t25\t\t3\n"
                              "Doha\tcapital\tQAT\t\t25\t51\tmany\n"
                              "Doha only\n"
                              "Doha\tcapital\tQAT\t\t25\t51\t3\t\tx1\n"
                              "Doha\tcapital\tQAT\t\t25\t51\t3\t\t1\tppl\n"
                              "Lusail\tcity\tQAT\t\t\t\t0\t\t290030\tPPL\n";
    dyad_ctx *ctx;
    dyad_error err;
    test_warnings w = {0};
    assert_int_equal(dyad_ctx_new(&ctx, &err), DYAD_OK);
    assert_int_equal(
        ctx_load_buffer(ctx, DYAD_DICT_PLACES, "bad.gaz", BAD, strlen(BAD), test_warn_cb, &w, &err),
        DYAD_OK);
    assert_int_equal(w.n, 8);
    assert_non_null(strstr(w.text[0], "bad.gaz:1: kind"));
    assert_non_null(strstr(w.text[1], "bad.gaz:2: country"));
    assert_non_null(strstr(w.text[2], "bad.gaz:3: bad latitude"));
    assert_non_null(strstr(w.text[3], "bad.gaz:4:"));
    assert_non_null(strstr(w.text[4], "bad.gaz:5: bad population"));
    assert_non_null(strstr(w.text[5], "bad.gaz:6: expected"));
    assert_non_null(strstr(w.text[6], "bad.gaz:7: bad GeoNames id"));
    assert_non_null(strstr(w.text[7], "bad.gaz:8: bad feature code"));
    dyad_dict_stats st;
    dyad_ctx_stats(ctx, &st);
    assert_int_equal(st.places, 1);
    assert_int_equal(st.bad_lines, 8);
    assert_int_equal(dyad_ctx_load_gazetteer(ctx, "/nonexistent/x.gaz", NULL, NULL, &err), DYAD_EIO);
    assert_string_equal(err.file, "/nonexistent/x.gaz");
    dyad_ctx_free(ctx);
}

/* Coordinates read as strtod reads them, to the last bit, in every form a
 * gazetteer may write them: few or many decimals, signs, no integer part,
 * exponents; and the forms strtod refuses are still refused. */
static void coordinates_exact(void **s) {
    (void)s;
    enum { N = 2000 };
    static char buf[N * 64 + 512];
    static const char *const ODD[] = {"-0",
                                      ".5",
                                      "-.25",
                                      "5.",
                                      "1e1",
                                      "+7",
                                      "0.000000000000000000001",
                                      "12.3456789012345678",
                                      "89.99999999999999999"};
    size_t nodd = sizeof ODD / sizeof *ODD, len = 0;
    char want[N + 16][40];
    unsigned r = 12345;
    for (size_t i = 0; i < N + nodd; i++) {
        if (i < N) {
            r = r * 1103515245u + 12345u;
            double v = (double)(r % 1800000000u) / 1e7 - 90.0;
            snprintf(want[i], sizeof want[i], "%.*f", (int)(i % 9), v);
        } else
            snprintf(want[i], sizeof want[i], "%s", ODD[i - N]);
        len +=
            (size_t)snprintf(buf + len, sizeof buf - len, "P%zu\tcity\tQAT\t\t%s\t1\t1\n", i, want[i]);
    }
    len += (size_t)snprintf(buf + len, sizeof buf - len,
                            "Bad1\tcity\tQAT\t\t1.2.3\t1\t1\n"
                            "Bad2\tcity\tQAT\t\t-\t1\t1\n"
                            "Bad3\tcity\tQAT\t\t90.0000001\t1\t1\n");
    dyad_ctx *ctx;
    dyad_error err;
    test_warnings w = {0};
    assert_int_equal(dyad_ctx_new(&ctx, &err), DYAD_OK);
    assert_int_equal(ctx_load_buffer(ctx, DYAD_DICT_PLACES, "c.gaz", buf, len, test_warn_cb, &w, &err),
                     DYAD_OK);
    assert_int_equal(w.n, 3);
    assert_non_null(strstr(w.text[2], "c.gaz:2012: bad latitude"));
    assert_int_equal(ctx->gaz.n, N + nodd);
    for (size_t i = 0; i < N + nodd; i++) {
        double ref = strtod(want[i], NULL), got = ctx->gaz.ent[i].lat;
        if (memcmp(&ref, &got, sizeof ref)) fail_msg("%s read as %.17g, not %.17g", want[i], got, ref);
    }
    dyad_ctx_free(ctx);
}

/* Thousands of entries sharing a few names: the chains of one name
 * survive the tables growing under them. */
static void many_entries(void **s) {
    (void)s;
    size_t cap = 5000 * 64, k = 0;
    char *buf = malloc(cap);
    assert_non_null(buf);
    for (int i = 0; i < 5000; i++)
        k += (size_t)snprintf(buf + k, cap - k, "Ville%d\tcity\tFRA\t\t45\t2\t%d\tBourg%d\n", i % 50, i,
                              i % 7);
    dyad_ctx *ctx;
    dyad_error err;
    test_warnings w = {0};
    assert_int_equal(dyad_ctx_new(&ctx, &err), DYAD_OK);
    assert_int_equal(ctx_load_buffer(ctx, DYAD_DICT_PLACES, "many.gaz", buf, k, test_warn_cb, &w, &err),
                     DYAD_OK);
    free(buf);
    assert_int_equal(w.n, 0);
    assert_int_equal(dyad_ctx_finish(ctx, &err), DYAD_OK);
    dyad_dict_stats st;
    dyad_ctx_stats(ctx, &st);
    assert_int_equal(st.places, 5000);
    assert_int_equal(st.place_names, 57);
    const char *t = "Troops clashed in Ville7 and Bourg3.";
    dyad_place pl;
    char nb[64];
    dyad_span vs = {7, 7};
    assert_int_equal(dyad_place_for_verb(ctx, t, strlen(t), vs, &pl, nb, sizeof nb, &err), DYAD_OK);
    assert_non_null(pl.name);
    assert_string_equal(pl.name, "Ville7");
    dyad_ctx_free(ctx);
}

/* The places of a whole article (of 2024-10-24), kind and country each. */
static void doc_places(const char *text, char *out, size_t n) {
    dyad_doc *d = code_article(text);
    out[0] = '\0';
    for (size_t i = 0; i < dyad_doc_nplaces(d); i++) {
        const dyad_place *pl = dyad_doc_place(d, i);
        size_t k = strlen(out);
        snprintf(out + k, n - k, "%s%s/%s/%s%s", k ? " " : "", pl->name, pl->country, pl->kind,
                 pl->qualifier ? "(qualifier)"
                 : pl->actor   ? "(actor)"
                               : "");
    }
    dyad_doc_free(d);
}

/* A name the rest of the article decides: "Georgia" is the US state in
 * an article that names Atlanta, before or after it, and the country
 * otherwise. */
static void decided_by_the_article(void **s) {
    (void)s;
    char got[256];
    doc_places("Riot police fired tear gas in Georgia on Monday. Thousands rallied in Atlanta.", got,
               sizeof got);
    assert_string_equal(got, "Georgia/USA/region Atlanta/USA/city");
    doc_places("Thousands rallied in Atlanta on Monday. Riot police fired tear gas in Georgia.", got,
               sizeof got);
    assert_string_equal(got, "Atlanta/USA/city Georgia/USA/region");
    doc_places("Riot police fired tear gas in Georgia on Monday. Thousands rallied in Tbilisi.", got,
               sizeof got);
    assert_string_equal(got, "Georgia/GEO/country Tbilisi/GEO/capital");
    doc_places("Riot police fired tear gas in Georgia on Monday.", got, sizeof got);
    assert_string_equal(got, "Georgia/GEO/country");
    /* a town of a country the article never names beyond doubt yields to
     * the town of that name in a country it does name */
    doc_places("Protesters gathered in Paris on Monday. Officials in Texas said the march was calm.",
               got, sizeof got);
    assert_string_equal(got, "Paris/USA/city Texas/USA/region");
    doc_places("Protesters gathered in Paris on Monday.", got, sizeof got);
    assert_string_equal(got, "Paris/FRA/capital");
    /* a name next to a capitalised word that is none of those is a
     * person's name ("Israel Katz", "Michael Jordan"), not a place */
    doc_places("Officials said Israel Katz visited troops in Gaza on Monday.", got, sizeof got);
    assert_string_equal(got, "Gaza/PSE/city");
    doc_places("Officials said Israel sent troops to Gaza on Monday.", got, sizeof got);
    assert_string_equal(got, "Israel/ISR/country Gaza/PSE/city");
}

/* A region or country after a town says which town it is ("Macon,
 * Georgia", "Tripoli in northern Lebanon"); after a comma it is a place
 * mention of its own that no event happens at. */
static void qualifiers(void **s) {
    (void)s;
    char got[256];
    doc_places("A deputy was shot in Macon, Georgia, on Monday.", got, sizeof got);
    assert_string_equal(got, "Macon/USA/city Georgia/USA/region(qualifier)");
    PLACE("A deputy was shot in Macon, Georgia, on Monday.", "shot", "Macon/USA/Macon");
    doc_places("A gunman opened fire in Seattle, Washington.", got, sizeof got);
    assert_string_equal(got, "Seattle/USA/city Washington/USA/region(qualifier)");
    PLACE("Strikes hit near Tripoli in northern Lebanon.", "hit", "Tripoli/LBN/Tripoli");
    /* a town too small to count bare counts with its qualifier */
    doc_places("A tornado struck Paris, Texas, on Tuesday.", got, sizeof got);
    assert_string_equal(got, "Paris/USA/city Texas/USA/region(qualifier)");
    /* "Macon, Texas and Lebanon": a list, not a qualifier */
    doc_places("Rallies were held in Macon, Texas and Lebanon.", got, sizeof got);
    assert_string_equal(got, "Macon/USA/city Texas/USA/region Lebanon/LBN/country");
    /* words that call a name a region, or its seat a town */
    PLACE("Wildfires spread across eastern Washington state.", "spread",
          "Washington/USA/eastern Washington");
    doc_places("Shelling hit Idlib on Monday.", got, sizeof got);
    assert_string_equal(got, "Idlib/SYR/city");
    doc_places("Shelling hit Idlib province on Monday.", got, sizeof got);
    assert_string_equal(got, "Idlib/SYR/region");
    /* a section of a city (GeoNames PPLX) yields to a town of the name */
    doc_places("Police in Latina arrested two men.", got, sizeof got);
    assert_string_equal(got, "Latina/ITA/city");
}

/* More that the words around a name say: a common word that is a town
 * after a preposition, "the governor of", an apposition ("Paris, a small
 * city in northeast Texas"), a town inside the larger place named after
 * it, a compound adjective that is no place, and an actor named like a
 * town abroad that names its country but not beyond doubt, a sports
 * report, and a name the gazetteer lacks that starts with a direction. */
static void context_words(void **s) {
    (void)s;
    char got[256];
    PLACE("Protests were held in Nice on Monday.", "held", "Nice/FRA/Nice");
    doc_places("Nice weather helped the rally.", got, sizeof got);
    assert_string_equal(got, "");
    doc_places("The governor of Washington signed the bill.", got, sizeof got);
    assert_string_equal(got, "Washington/USA/region");
    doc_places("Police in Paris, a small city in northeast Texas, arrested a man.", got, sizeof got);
    assert_string_equal(got, "Paris/USA/city Texas/USA/region");
    PLACE("In Mosul, northern Iraq, gunmen killed two soldiers.", "killed", "Mosul/IRQ/Mosul");
    PLACE("Gunmen killed two men in the ISIS-held area of Boleel.", "killed", "Boleel//Boleel");
    doc_places("Troops deployed in Tripoli. Lebanese officials said the town was calm.", got,
               sizeof got);
    assert_string_equal(got, "Tripoli/LBN/city");
    /* in a sports report a bare name is a team or a player */
    doc_places("Qatar beat Paris 2-1 in Beirut on Saturday.", got, sizeof got);
    assert_string_equal(got, "Beirut/LBN/capital");
    doc_places("Jordan scored 30 points as the home team won.", got, sizeof got);
    assert_string_equal(got, "");
    doc_places("Qatar praised Paris on Saturday.", got, sizeof got);
    assert_string_equal(got, "Qatar/QAT/country Paris/FRA/capital");
    /* a name the gazetteer lacks may start with a direction word */
    PLACE("Troops attacked in the East Ghouta region of southern Lebanon.", "attacked",
          "East Ghouta//East Ghouta");
    /* an apposition that names a place beside one of the name's */
    doc_places("Storms hit homes in Paris, about 100 miles from Texas, on Monday.", got, sizeof got);
    assert_string_equal(got, "Paris/USA/city Texas/USA/region");
    /* a demonym that is also a town abroad is the actor's */
    doc_places("Trams stopped across the northern English city.", got, sizeof got);
    assert_string_equal(got, "");
    PLACE("Two men were arrested in English, Indiana.", "arrested", "English/USA/English");
    /* a person's noun before a name */
    PLACE("The singer Paris said she was fine.", "said", "-");
    /* the Arabic article, assimilated, inside such a name */
    PLACE("Shelling killed two people in the city of Deir ez-Zor.", "killed",
          "Deir ez-Zor//Deir ez-Zor");
}

/* A name after a title is a person's; a town's name after "each" or
 * "young" a word for people; a country inside an actor's words is kept
 * as the actor's; an actor that is a town's name in another country the
 * article names says nothing of which country it is. */
static void persons_and_actors(void **s) {
    (void)s;
    char got[256];
    PLACE("Coach Jordan said the team would appeal.", "said", "-");
    doc_places("Coach Jordan said the team would appeal.", got, sizeof got);
    assert_string_equal(got, "");
    doc_places("The young Latina said she had been threatened.", got, sizeof got);
    assert_string_equal(got, "");
    doc_places("Each Latina candidate won her race.", got, sizeof got);
    assert_string_equal(got, "");
    doc_places("The Jordan Armed Forces met officials in Beirut.", got, sizeof got);
    assert_string_equal(got, "Jordan/JOR/country(actor) Beirut/LBN/capital");
    PLACE("The Jordan Armed Forces met officials in Beirut.", "met", "Beirut/LBN/Beirut");
    PLACE("The Jordan Armed Forces met officials.", "met", "-");
    doc_places("Lebanese troops deployed in Tripoli.", got, sizeof got);
    assert_string_equal(got, "Tripoli/LBN/city");
    doc_places("Troops deployed in Tripoli.", got, sizeof got);
    assert_string_equal(got, "Tripoli/LBY/capital");
}

/* Each place carries its GeoNames admin-1 code, id and precision, and a
 * stored place finds its gazetteer entry again by name, country, kind and
 * coordinates. */
static void gazetteer_fields(void **s) {
    (void)s;
    dyad_doc *d = code_article("A gunman opened fire in Seattle, Washington, and in Lebanon.");
    assert_int_equal(dyad_doc_nplaces(d), 3);
    const dyad_place *town = dyad_doc_place(d, 0), *state = dyad_doc_place(d, 1),
                     *land = dyad_doc_place(d, 2);
    assert_string_equal(town->admin1, "WA");
    assert_int_equal(town->geonameid, 5809844);
    assert_string_equal(town->precision, "city");
    assert_string_equal(state->admin1, "WA");
    assert_int_equal(state->geonameid, 0);
    assert_string_equal(state->precision, "admin1");
    assert_string_equal(land->admin1, "");
    assert_string_equal(land->precision, "country");
    dyad_doc_free(d);
    dyad_place pl;
    /* Paris in two countries, Latina in two: the name, country, kind and
     * nearest coordinates say which */
    assert_int_equal(dyad_place_lookup(g_ctx, "Paris", "USA", "city", 33.66, -95.55, &pl), 1);
    assert_string_equal(pl.admin1, "TX");
    assert_int_equal(dyad_place_lookup(g_ctx, "Latina", "ITA", "city", NAN, NAN, &pl), 1);
    assert_int_equal(pl.geonameid, 3175058);
    assert_int_equal(dyad_place_lookup(g_ctx, "Paris", "USA", "capital", 33.66, -95.55, &pl), 0);
    assert_null(pl.name);
    assert_int_equal(dyad_place_lookup(g_ctx, "Atlantis", "GRC", "city", NAN, NAN, &pl), 0);
}

/* A figure above twice the population of its country's towns (Qatar's
 * 2,800,000 in this gazetteer) is dropped with a warning; the same figure
 * in a larger country is kept. */
static void figures_within_population(void **s) {
    (void)s;
    const char *texts[] = {"In Qatar, 6,000,000 people were displaced by the floods.",
                           "In Lebanon, 6,000,000 people were displaced by the floods."};
    for (int k = 0; k < 2; k++) {
        dyad_doc *d = code_article(texts[k]);
        assert_int_equal(dyad_doc_nfigures(d), (size_t)k);
        assert_int_equal(dyad_doc_nwarnings(d), (size_t)(1 - k));
        if (k == 0) assert_non_null(strstr(dyad_doc_warning(d, 0), "population of QAT (5600000)"));
        dyad_doc_free(d);
    }
}

/* A country's entry by its code (dyad_country_place, for the exports'
 * country names and centroids): Georgia the country, not the US state;
 * none for a code the gazetteer lacks, a malformed one or no context. */
static void country_by_code(void **s) {
    (void)s;
    dyad_place pl;
    assert_int_equal(dyad_country_place(g_ctx, "GEO", &pl), 1);
    assert_string_equal(pl.name, "Georgia");
    assert_string_equal(pl.kind, "country");
    assert_string_equal(pl.country, "GEO");
    assert_float_equal(pl.lat, 41.96, 1e-9);
    assert_float_equal(pl.lon, 43.69, 1e-9);
    assert_int_equal(dyad_country_place(g_ctx, "QAT", &pl), 1);
    assert_string_equal(pl.name, "Qatar");
    assert_int_equal(dyad_country_place(g_ctx, "USA", &pl), 0); /* regions and towns only */
    assert_null(pl.name);
    assert_true(isnan(pl.lat));
    assert_int_equal(dyad_country_place(g_ctx, "XXX", &pl), 0);
    assert_int_equal(dyad_country_place(g_ctx, "", &pl), 0);
    assert_int_equal(dyad_country_place(g_ctx, NULL, &pl), 0);
    assert_int_equal(dyad_country_place(NULL, "QAT", &pl), 0);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(country_by_code),
        cmocka_unit_test(prepositions),
        cmocka_unit_test(directions_and_descriptions),
        cmocka_unit_test(ambiguous_names),
        cmocka_unit_test(false_friends),
        cmocka_unit_test(names_the_gazetteer_lacks),
        cmocka_unit_test(verb_tied_place),
        cmocka_unit_test(parties_are_no_places),
        cmocka_unit_test(events_and_doc_places),
        cmocka_unit_test(decided_by_the_article),
        cmocka_unit_test(qualifiers),
        cmocka_unit_test(persons_and_actors),
        cmocka_unit_test(gazetteer_fields),
        cmocka_unit_test(figures_within_population),
        cmocka_unit_test(context_words),
        cmocka_unit_test(bad_lines),
        cmocka_unit_test(coordinates_exact),
        cmocka_unit_test(many_entries),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
