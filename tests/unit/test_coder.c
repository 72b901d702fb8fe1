/* test_coder.c -- the coder's behaviour on small, made-up dictionaries:
 * subject-verb-object, roles composing codes, compounds, passive voice,
 * negation, attribution, patterns, reciprocal codes, dated actors,
 * discards, nominal events and statements that carry another event. */
#include "testutil.h"

#include "ctx.h"

static const char ACTORS[] =
    "GONDOR_ [GON]\n"
    "ARNOR_ [ARN]\n"
    "+ARNORIAN_\n"
    "MORDOR_ [MOR]\n"
    "ROHAN_ [ROH]\n"
    "BREE_ [BRE]\n"
    "FARAMIR_\n"
    "\t[GONMIL 20000101-20101231]\n"
    "\t[GONGOV]\n";
static const char AGENTS[] =
    "GOVERNMENT_ [~GOV]\n"
    "PRIME_MINISTER_ [~GOV]\n"
    "SOLDIER [~MIL]\n"
    "POLICE_ {} [~COP]\n"
    "OPPOSITION_LEADER [~OPP]\n"
    "MSF_ {} [NGO~]\n";
static const char VERBS[] =
    "&CLAIMS\n"
    "+CLAIM\n"
    "+ACCUSATION_\n"
    "\n"
    "--- DISMISS [---] ---\n"
    "DISMISS\n"
    "- * &CLAIMS BY + [111]\n"
    "\n"
    "--- ATTACK [190] ---\n"
    "ATTACK\n"
    "\n"
    "--- ACCUSE [112] ---\n"
    "ACCUSE\n"
    "\n"
    "--- SAY [010] ---\n"
    "SAY {SAID}\n"
    "\n"
    "--- MEET [036:036] ---\n"
    "MEET {MET}\n"
    "\n"
    "--- RESTORE [064] ---\n"
    "RESTORE\n"
    "- * DIPLOMATIC_TIES WITH + [064]\n"
    "- * RELATIONS [063]\n"
    "\n"
    "--- VISIT [042] ---\n"
    "VISIT\n"
    "\n"
    "--- INVASION [192] ---\n"
    "INVASION {INVASIONS}\n"
    "- * OF + [192]\n";
static const char DISCARDS[] = "+FOOTBALL_\nBASEBALL_\n";

static dyad_ctx *make_ctx(void) {
    dyad_ctx *ctx;
    dyad_error err;
    test_warnings w = {0};
    assert_int_equal(dyad_ctx_new(&ctx, &err), DYAD_OK);
    assert_int_equal(ctx_load_buffer(ctx, DYAD_DICT_ACTORS, "t.actors", ACTORS, strlen(ACTORS),
                                     test_warn_cb, &w, &err), DYAD_OK);
    assert_int_equal(ctx_load_buffer(ctx, DYAD_DICT_AGENTS, "t.agents", AGENTS, strlen(AGENTS),
                                     test_warn_cb, &w, &err), DYAD_OK);
    assert_int_equal(ctx_load_buffer(ctx, DYAD_DICT_VERBS, "t.verbs", VERBS, strlen(VERBS),
                                     test_warn_cb, &w, &err), DYAD_OK);
    assert_int_equal(ctx_load_buffer(ctx, DYAD_DICT_DISCARDS, "t.discards", DISCARDS,
                                     strlen(DISCARDS), test_warn_cb, &w, &err), DYAD_OK);
    assert_int_equal(w.n, 0);
    assert_int_equal(dyad_ctx_finish(ctx, &err), DYAD_OK);
    return ctx;
}

static dyad_ctx *g_ctx; /* shared by the tests of this file */

static int setup(void **s) {
    (void)s;
    g_ctx = make_ctx();
    return 0;
}

static int teardown(void **s) {
    (void)s;
    dyad_ctx_free(g_ctx);
    return 0;
}

static void code_text(const char *text, const char *date, char *out, size_t n) {
    test_code_events(g_ctx, text, date, out, n);
}

#define EXPECT(text, want)                                                                   \
    do {                                                                                     \
        char got_[1024];                                                                     \
        code_text(text, "2024-01-01", got_, sizeof got_);                                    \
        assert_string_equal(got_, want);                                                     \
    } while (0)

static void simple_svo(void **s) {
    (void)s;
    EXPECT("Gondor attacked Mordor on Tuesday.", "GON|MOR|190");
    EXPECT("Arnorian soldiers attacked Mordor.", "ARNMIL|MOR|190");
}

static void roles_compose(void **s) {
    (void)s;
    EXPECT("Gondor's prime minister visited Arnor.", "GONGOV|ARN|042");
    EXPECT("The government of Rohan accused Mordor.", "ROHGOV|MOR|112");
    EXPECT("Police from Bree attacked soldiers in Mordor.", "BRECOP|MORMIL|190");
    EXPECT("MSF Arnor accused Gondor.", "NGOARN|GON|112");
}

static void compounds(void **s) {
    (void)s;
    EXPECT("Gondor, Rohan and Arnor attacked Mordor.", "GON|MOR|190;ROH|MOR|190;ARN|MOR|190");
    EXPECT("Mordor attacked Gondor and Rohan.", "MOR|GON|190;MOR|ROH|190");
}

static void passive(void **s) {
    (void)s;
    EXPECT("Gondor was attacked by Mordor.", "MOR|GON|190");
    EXPECT("Gondor was attacked on Monday by soldiers from Mordor.", "MORMIL|GON|190");
}

static void negation(void **s) {
    (void)s;
    EXPECT("Gondor did not attack Mordor.", "");
    EXPECT("Gondor didn't attack Mordor.", "");
    EXPECT("Gondor never attacked Mordor.", "");
}

static void attribution(void **s) {
    (void)s;
    /* the reported event is coded with its own subject */
    char got[1024];
    code_text("Arnor said Gondor attacked Mordor.", "2024-01-01", got, sizeof got);
    assert_non_null(strstr(got, "GON|MOR|190"));
    assert_null(strstr(got, "ARN|MOR|190"));
}

static void patterns_and_reciprocal(void **s) {
    (void)s;
    EXPECT("Arnor will restore diplomatic ties with Gondor.", "ARN|GON|064");
    EXPECT("Arnor will restore relations with Gondor.", "ARN|GON|063");
    EXPECT("Arnor met Gondor in Bree.", "ARN|GON|036;GON|ARN|036");
}

static void dated_actor(void **s) {
    (void)s;
    char got[256];
    code_text("Faramir attacked Mordor.", "2005-06-01", got, sizeof got);
    assert_string_equal(got, "GONMIL|MOR|190");
    code_text("Faramir attacked Mordor.", "2015-06-01", got, sizeof got);
    assert_string_equal(got, "GONGOV|MOR|190");
}

static void discards(void **s) {
    (void)s;
    EXPECT("Gondor attacked Mordor in a baseball game.", "");
    EXPECT("Gondor attacked Mordor.\nFootball fans in Rohan attacked Arnor.", "");
}

static void offsets(void **s) {
    (void)s;
    dyad_ctx *ctx = make_ctx();
    const char *text = "Yesterday Gondor attacked Mordor.";
    dyad_article a;
    memset(&a, 0, sizeof a);
    a.id = a.date = a.source = a.title = a.url = a.file = "";
    a.text = text;
    a.text_len = strlen(text);
    dyad_doc *d;
    dyad_error err;
    assert_int_equal(dyad_code(ctx, &a, &d, &err), DYAD_OK);
    assert_int_equal(dyad_doc_nevents(d), 1);
    const dyad_event *e = dyad_doc_event(d, 0);
    assert_int_equal(e->source_span.off, 10);
    assert_int_equal(e->source_span.len, 6);
    assert_int_equal(e->verb_span.off, 17);
    assert_int_equal(e->target_span.off, 26);
    assert_string_equal(e->root, "19");
    assert_int_equal(e->quad, 4);
    assert_non_null(strstr(e->rule, "t.verbs:"));
    dyad_doc_free(d);
    dyad_ctx_free(ctx);
}

/* A verb's noun after a determiner or an actor is an event when it has
 * both a source (the actor before it, or "by" X) and an object right after
 * "of", "on", "to"...; otherwise it is none. */
static void nominal(void **s) {
    (void)s;
    EXPECT("Gondor's invasion of Mordor was swift.", "GON|MOR|192");
    EXPECT("The invasion of Mordor by Gondor began.", "GON|MOR|192");
    EXPECT("The Arnorian attack on Mordor failed.", "ARN|MOR|190");
    EXPECT("Rohan condemned the invasion of Mordor by Arnor.", "ARN|MOR|192");
    /* no source, an object too far away, a role as the only source */
    EXPECT("The invasion of Mordor began.", "");
    EXPECT("Gondor's invasion last year of Mordor failed.", "");
    EXPECT("The soldiers' invasion of Mordor failed.", "");
    /* a participle before a noun is no event */
    EXPECT("The attacked town of Bree was quiet.", "");
}

/* A subject named in an apposition between commas. */
static void apposition_subject(void **s) {
    (void)s;
    EXPECT("Boromir, a Gondor soldier, attacked Mordor.", "GONMIL|MOR|190");
    EXPECT("Boromir, the Gondor prime minister, met Arnor.", "GONGOV|ARN|036;ARN|GONGOV|036");
    /* a clause between the commas is no apposition: Arnor is no subject */
    EXPECT("Boromir, who visited Arnor, attacked Mordor.", "|ARN|042;|MOR|190");
}

/* A place named after "in", "at", "from"... is where, not who. */
static void locative_no_subject(void **s) {
    (void)s;
    EXPECT("Gondor met in Rohan for attacks on Mordor.", "GON|ROH|036;ROH|GON|036;GON|MOR|190");
}

/* Material cooperation said, not done, is an intention (03x); a plain
 * future is coded as the act, as TABARI and PETRARCH do. */
static void intentions(void **s) {
    (void)s;
    EXPECT("Gondor is willing to restore diplomatic ties with Arnor.", "GON|ARN|031");
    EXPECT("Gondor pledged to restore diplomatic ties with Arnor.", "GON|ARN|031");
    EXPECT("Gondor said it would restore diplomatic ties with Arnor.", "GON|ARN|031");
    EXPECT("Gondor will restore diplomatic ties with Arnor.", "GON|ARN|064");
    EXPECT("Gondor restored diplomatic ties with Arnor.", "GON|ARN|064");
    /* cooperation refused is a rejection; a plain negation is no event */
    EXPECT("Gondor will not restore diplomatic ties with Arnor.", "GON|ARN|1214");
    EXPECT("Gondor said it would not restore diplomatic ties with Arnor.", "GON|ARN|1214");
    EXPECT("Gondor did not restore diplomatic ties with Arnor.", "");
    /* violence said, not done, is a threat */
    EXPECT("Gondor vowed to attack Mordor.", "GON|MOR|1384");
    EXPECT("Gondor attacked Mordor.", "GON|MOR|190");
}

/* A synset member's last word without '_' matches its plural too; with
 * '_' only itself. */
static void synset_plurals(void **s) {
    (void)s;
    EXPECT("Gondor dismissed a claim by Arnor.", "GON|ARN|111");
    EXPECT("Gondor dismissed claims by Arnor.", "GON|ARN|111");
    EXPECT("Gondor dismissed an accusation by Arnor.", "GON|ARN|111");
    EXPECT("Gondor dismissed accusations by Arnor.", "");
}

/* A relative pronoun right before the verb takes the antecedent as
 * subject; "that" opening a clause with its own subject does not. */
static void relative_clauses(void **s) {
    (void)s;
    EXPECT("Rohan praised Gondor, which attacked Mordor.", "GON|MOR|190");
    EXPECT("Gondor dismissed claims by Arnor that the soldiers attacked Mordor.",
           "GON|ARN|111;---MIL|MOR|190");
}

/* A verb's form after a possessive and at most two plain words is a
 * noun ("his second visit"), not a verb of its own. */
static void possessive_nouns(void **s) {
    (void)s;
    EXPECT("Gondor attacked Mordor during his second visit to Arnor.", "GON|MOR|190");
    EXPECT("Gondor dropped its arms and attacked Mordor.", "GON|MOR|190");
}

/* A statement is the vehicle of the event its source reports of itself. */
static void statement_vehicle(void **s) {
    (void)s;
    EXPECT("Gondor said it attacked Mordor.", "GON|MOR|190");
    EXPECT("Gondor said Arnor attacked Mordor.", "GON|ARN|010;ARN|MOR|190");
    EXPECT("Gondor said the war must end.", "GON||010");
    EXPECT("Gondor said on Monday that Mordor must leave.", "GON|MOR|010");
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(simple_svo),    cmocka_unit_test(roles_compose),
        cmocka_unit_test(compounds),     cmocka_unit_test(passive),
        cmocka_unit_test(negation),      cmocka_unit_test(attribution),
        cmocka_unit_test(patterns_and_reciprocal), cmocka_unit_test(dated_actor),
        cmocka_unit_test(discards),      cmocka_unit_test(offsets),
        cmocka_unit_test(nominal),
        cmocka_unit_test(statement_vehicle),
        cmocka_unit_test(apposition_subject),
        cmocka_unit_test(locative_no_subject),
        cmocka_unit_test(intentions),
        cmocka_unit_test(synset_plurals),
        cmocka_unit_test(relative_clauses),
        cmocka_unit_test(possessive_nouns),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
