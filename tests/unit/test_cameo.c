/* test_cameo.c -- the CAMEO codebook: names and Goldstein weights of codes
 * as GDELT's lookup tables give them, fallback to the parent's weight,
 * malformed codes, QuadClass, the generated table's order, a name for
 * every code Dyad's verb dictionary emits, and codes in PLOVER. */
#include <ctype.h>
#include <math.h>

#include "testutil.h"

#include "cameo.h"

/* Values read in GDELT's CAMEO.eventcodes.txt and CAMEO.goldsteinscale.txt
 * (and the CAMEO 1.1b3 codebook for 1834 and 1952). */
static const struct {
    const char *code, *name;
    double goldstein;
} known[] = {
    {"04", "Consult", 1.0},
    {"042", "Make a visit", 1.9},
    {"043", "Host a visit", 2.8},
    {"0231", "Appeal for economic aid", 3.4},
    {"0334", "Express intent to provide military protection or peacekeeping", 6.0},
    {"0871", "Declare truce, ceasefire", 9.0},
    {"0874", "Retreat or surrender militarily", 10.0},
    {"1041", "Demand change in leadership", -5.0},
    {"13", "Threaten", -6.0},
    {"130", "Threaten, not specified below", -4.4},
    {"182", "Physically assault, not specified below", -9.5},
    {"1821", "Sexually assault", -9.0},
    {"1823", "Kill by physical assault", -10.0},
    {"1831", "Carry out suicide bombing", -10.0},
    {"186", "Assassinate", -10.0},
    {"190", "Use conventional military force, not specified below", -10.0},
    {"196", "Violate ceasefire", -9.5},
    {"20", "Use unconventional mass violence", -10.0},
    {"201", "Engage in mass expulsion", -9.5},
    {"203", "Engage in ethnic cleansing", -10.0},
};

static void names_and_weights(void **s) {
    (void)s;
    for (size_t i = 0; i < sizeof known / sizeof known[0]; i++) {
        const char *name = dyad_cameo_name(known[i].code);
        assert_non_null(name);
        assert_string_equal(name, known[i].name);
        assert_float_equal(dyad_cameo_goldstein(known[i].code), known[i].goldstein, 1e-9);
    }
}

/* A code without a weight of its own (CAMEO 1.1b3 codes GDELT leaves out)
 * or unknown to the codebook takes its nearest weighted parent's weight;
 * an unknown code has no name. */
static void parent_fallback(void **s) {
    (void)s;
    assert_string_equal(dyad_cameo_name("1834"), "Carry out location bombing");
    assert_float_equal(dyad_cameo_goldstein("1834"), dyad_cameo_goldstein("183"), 1e-9);
    assert_string_equal(dyad_cameo_name("1952"), "Employ remotely piloted aerial munitions");
    assert_float_equal(dyad_cameo_goldstein("1952"), dyad_cameo_goldstein("195"), 1e-9);
    assert_float_equal(dyad_cameo_goldstein("176"), dyad_cameo_goldstein("17"), 1e-9);
    assert_string_equal(dyad_cameo_name("1213"), "Reject judicial cooperation");
    assert_float_equal(dyad_cameo_goldstein("1213"), dyad_cameo_goldstein("121"), 1e-9);
    /* unknown codes of a known parent */
    assert_null(dyad_cameo_name("0425"));
    assert_float_equal(dyad_cameo_goldstein("0425"), dyad_cameo_goldstein("042"), 1e-9);
    assert_null(dyad_cameo_name("049"));
    assert_float_equal(dyad_cameo_goldstein("049"), dyad_cameo_goldstein("04"), 1e-9);
    assert_null(dyad_cameo_name("1899"));
    assert_float_equal(dyad_cameo_goldstein("1899"), dyad_cameo_goldstein("18"), 1e-9);
    /* and the fallback does not hide a code's own weight */
    assert_true(dyad_cameo_goldstein("042") != dyad_cameo_goldstein("04"));
    assert_true(dyad_cameo_goldstein("1821") != dyad_cameo_goldstein("182"));
}

static void malformed_codes(void **s) {
    (void)s;
    const char *bad[] = {NULL, "",      "4",    "0420x", "999", "99",  "00",
                         "21", "04201", " 042", "042 ",  "-42", "0x2", "\xff\xfe"};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        assert_null(dyad_cameo_name(bad[i]));
        assert_float_equal(dyad_cameo_goldstein(bad[i]), 0.0, 0.0);
        assert_int_equal(dyad_cameo_quad(bad[i]), 0);
    }
}

static void quad_by_root(void **s) {
    (void)s;
    assert_int_equal(dyad_cameo_quad("01"), 1);
    assert_int_equal(dyad_cameo_quad("042"), 1);
    assert_int_equal(dyad_cameo_quad("057"), 1);
    assert_int_equal(dyad_cameo_quad("0871"), 2);
    assert_int_equal(dyad_cameo_quad("0425"), 1); /* unknown code, known root */
    assert_int_equal(dyad_cameo_quad("094"), 3);
    assert_int_equal(dyad_cameo_quad("14"), 3);
    assert_int_equal(dyad_cameo_quad("150"), 4);
    assert_int_equal(dyad_cameo_quad("2042"), 4);
}

/* The generated table is in strcmp order with no duplicates (binary search
 * depends on it), has every root and the parent of every longer code, and
 * its weights are on the Goldstein scale. */
static void table_well_formed(void **s) {
    (void)s;
    assert_true(cameo_table_n >= 300);
    int roots = 0;
    for (size_t i = 0; i < cameo_table_n; i++) {
        const cameo_entry *e = &cameo_table[i];
        size_t n = strlen(e->code);
        if (i > 0) assert_true(strcmp(cameo_table[i - 1].code, e->code) < 0);
        if (n == 2) {
            roots++;
            assert_true(e->weighted);
        } else {
            char parent[5];
            memcpy(parent, e->code, n - 1);
            parent[n - 1] = '\0';
            assert_non_null(dyad_cameo_name(parent));
        }
        assert_string_equal(dyad_cameo_name(e->code), e->name);
        assert_true(e->name[0] != '\0');
        double g = dyad_cameo_goldstein(e->code);
        assert_true(g >= -10.0 && g <= 10.0);
        if (e->weighted) assert_float_equal(g, e->goldstein, 0.0);
    }
    assert_int_equal(roots, 20);
}

/* Every event code written in data/dict/cameo.verbs ("[042]" after a block
 * name or a pattern) has a name. */
static void verb_dictionary_codes_named(void **s) {
    (void)s;
    FILE *f = fopen("data/dict/cameo.verbs", "r");
    assert_non_null(f);
    char line[4096];
    long lineno = 0, seen = 0, unnamed = 0;
    while (fgets(line, sizeof line, f)) {
        lineno++;
        if (line[0] == '#') continue;
        for (char *p = strchr(line, '['); p; p = strchr(p + 1, '[')) {
            char code[8];
            size_t n = 0;
            const char *q = p + 1;
            if (*q == ':') q++; /* PETRARCH-2 [:CODE] */
            while (n < 5 && isdigit((unsigned char)q[n])) {
                code[n] = q[n];
                n++;
            }
            if (n < 2 || n > 4 || q[n] != ']') continue;
            code[n] = '\0';
            seen++;
            if (!dyad_cameo_name(code)) {
                print_error("data/dict/cameo.verbs:%ld: code %s has no name\n", lineno, code);
                unnamed++;
            }
        }
    }
    fclose(f);
    assert_true(seen > 200);
    assert_int_equal(unnamed, 0);
}

/* GDELT's country codes (FIPS 10-4) from ISO alpha-3 ones, where the two
 * schemes differ too: the table generated from data/country-fips.tsv. */
static void fips_codes(void **s) {
    (void)s;
    static const char *const pairs[][2] = {{"QAT", "QA"}, {"GBR", "UK"}, {"DEU", "GM"}, {"ISR", "IS"},
                                           {"USA", "US"}, {"GEO", "GG"}, {"ESP", "SP"}, {"CHN", "CH"}};
    for (size_t i = 0; i < sizeof pairs / sizeof pairs[0]; i++)
        assert_string_equal(dyad_country_fips(pairs[i][0]), pairs[i][1]);
    assert_null(dyad_country_fips("XXX"));
    assert_null(dyad_country_fips("QA"));
    assert_null(dyad_country_fips(NULL));
}

/* CAMEO codes in PLOVER, as the PLOVER project's CAMEO2PLOVER-2021.txt
 * gives them (with the manual's modes and scores, data/plover/): the event
 * type, mode, contexts, PLOVER score and quad category; the parent's for a
 * code the table lacks; nothing for CAMEO 01 and 02 and malformed codes. */
static void plover_translation(void **s) {
    (void)s;
    static const struct {
        const char *code, *type, *mode, *contexts;
        double intensity;
        const char *quad;
    } want[] = {
        {"042", "CONSULT", "visit", "", 4.0, "VERBAL COOPERATION"},
        {"0312", "AGREE", "", "military", 2.5, "VERBAL COOPERATION"},
        {"0841", "RETREAT", "release", "legal", 6.5, "MATERIAL COOPERATION"},
        {"112", "ACCUSE", "disapprove", "", -2.0, "VERBAL CONFLICT"},
        {"1124", "ACCUSE", "allege", "military; legal", -3.5, "VERBAL CONFLICT"},
        {"145", "PROTEST", "riot", "", -7.0, "MATERIAL CONFLICT"},
        {"163", "COERCE", "restrict", "diplomatic", -7.0, "MATERIAL CONFLICT"},
        {"173", "COERCE", "arrest", "legal", -7.0, "MATERIAL CONFLICT"},
        {"186", "ASSAULT", "targeted", "", -9.5, "MATERIAL CONFLICT"},
        {"195", "ASSAULT", "aerial", "military", -9.5, "MATERIAL CONFLICT"},
        {"1952", "ASSAULT", "drone", "military", -9.5, "MATERIAL CONFLICT"},
        {"0425", "CONSULT", "visit", "", 4.0, "VERBAL COOPERATION"}, /* not a code: 042's */
        {"19", "ASSAULT", "", "military", -9.0, "MATERIAL CONFLICT"},
    };
    dyad_plover p;
    for (size_t i = 0; i < sizeof want / sizeof want[0]; i++) {
        assert_int_equal(dyad_cameo_plover(want[i].code, &p), 1);
        assert_string_equal(p.event_type, want[i].type);
        assert_string_equal(p.mode, want[i].mode);
        assert_string_equal(p.contexts, want[i].contexts);
        assert_float_equal(p.intensity, want[i].intensity, 0.0);
        assert_string_equal(p.quad, want[i].quad);
    }
    static const char *const none[] = {"010", "0214", "02", "99", "", "4", NULL};
    for (size_t i = 0; i < sizeof none / sizeof none[0]; i++) {
        assert_int_equal(dyad_cameo_plover(none[i], &p), 0);
        assert_string_equal(p.event_type, "");
        assert_string_equal(p.mode, "");
    }
    /* one entry for every code of the codebook, in its order */
    assert_int_equal(plover_table_n, cameo_table_n);
    for (size_t i = 0; i < cameo_table_n; i++)
        assert_string_equal(plover_table[i].code, cameo_table[i].code);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(names_and_weights),
        cmocka_unit_test(parent_fallback),
        cmocka_unit_test(fips_codes),
        cmocka_unit_test(malformed_codes),
        cmocka_unit_test(quad_by_root),
        cmocka_unit_test(table_well_formed),
        cmocka_unit_test(verb_dictionary_codes_named),
        cmocka_unit_test(plover_translation),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
