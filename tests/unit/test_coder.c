/* test_coder.c -- the coder's behaviour on small, made-up dictionaries:
 * subject-verb-object, roles composing codes, compounds, passive voice,
 * negation, attribution, patterns, reciprocal codes, dated actors,
 * discards, nominal events and statements that carry another event. */
#include "testutil.h"

#include "ctx.h"

static const char ACTORS[] = "GONDOR_ [GON]\n"
                             "ARNOR_ [ARN]\n"
                             "+ARNORIAN_\n"
                             "MORDOR_ [MOR]\n"
                             "ROHAN_ [ROH]\n"
                             "BREE_ [BRE]\n"
                             "U.S._ [USA]\n"
                             "BARAD-DUR_ [MOR]\n"
                             "WARG_RIDERS_ [MORREB]\n"
                             "DUNLENDINGS_ [DUNREB]\n"
                             "STEWARD'S_MEN_ [GONCOP]\n"
                             "RIDERS'_GUILD_ [ROHPTY]\n"
                             "FARAMIR_\n"
                             "\t[GONMIL 20000101-20101231]\n"
                             "\t[GONGOV]\n";
static const char AGENTS[] = "GOVERNMENT_ [~GOV]\n"
                             "PRIME_MINISTER_ [~GOV]\n"
                             "SPOKESMAN_ {SPOKESMEN} [~GOV]\n"
                             "SOLDIER [~MIL]\n"
                             "POLICE_ {} [~COP]\n"
                             "OPPOSITION_LEADER [~OPP]\n"
                             "MSF_ {} [NGO~]\n";
static const char VERBS[] = "&CAPTIVES\n"
                            "+PRISONER\n"
                            "\n"
                            "--- EXCHANGE [---] ---\n"
                            "EXCHANGE\n"
                            "- * &CAPTIVES [0841]\n"
                            "\n"
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
                            "STRIKE\n"
                            "HIT\n"
                            "\n"
                            "--- CONDEMN [111] ---\n"
                            "CONDEMN\n"
                            "\n"
                            "--- ARREST [173] ---\n"
                            "ARREST\n"
                            "\n"
                            "--- COME [---] ---\n"
                            "COME {CAME}\n"
                            "- + * UNDER_ATTACK_FROM $ [190]\n"
                            "- + * UNDER_ATTACK [190]\n"
                            "\n"
                            "--- APPEAL [020] ---\n"
                            "CALL\n"
                            "- PHONE_* [041]\n"
                            "\n"
                            "--- MEDIATE [045] ---\n"
                            "MEDIATE\n"
                            "\n"
                            "--- MEDIATION [045] ---\n"
                            "MEDIATION {MEDIATIONS}\n"
                            "\n"
                            "--- ACCUSE [112] ---\n"
                            "ACCUSE\n"
                            "\n"
                            "--- SAY [010] ---\n"
                            "SAY {SAID}\n"
                            "TELL {TOLD}\n"
                            "- * UNACCEPTABLE [111]\n"
                            "- * OPEN_TO_TALKS [036]\n"
                            "\n"
                            "--- MEET [036:036] ---\n"
                            "MEET {MET}\n"
                            "\n"
                            "--- RESTORE [064] ---\n"
                            "RESTORE\n"
                            "- * DIPLOMATIC_TIES WITH + [064]\n"
                            "- * RELATIONS [063]\n"
                            "\n"
                            "--- PROTEST [141] ---\n"
                            "PROTEST\n"
                            "RALLY\n"
                            "\n"
                            "--- OPEN [046] ---\n"
                            "OPEN\n"
                            "\n"
                            "--- HOST [043] ---\n"
                            "HOST\n"
                            "- * + [043]\n"
                            "\n"
                            "--- VISIT [042] ---\n"
                            "VISIT\n"
                            "\n"
                            "--- INVASION [192] ---\n"
                            "INVASION {INVASIONS}\n"
                            "- * OF + [192]\n";
static const char DISCARDS[] = "+FOOTBALL_\nBASEBALL_\n";
static const char GAZ[] = "Minas Tirith\tcapital\tGON\t01\t31.0\t35.0\t100000\n"
                          "Edoras\tcity\tROH\t01\t32.0\t36.0\t5000\n"
                          "Eastfold\tregion\tROH\t02\t32.5\t36.5\t20000\n";

static dyad_ctx *make_ctx(void) {
    dyad_ctx *ctx;
    dyad_error err;
    test_warnings w = {0};
    assert_int_equal(dyad_ctx_new(&ctx, &err), DYAD_OK);
    assert_int_equal(ctx_load_buffer(ctx, DYAD_DICT_ACTORS, "t.actors", ACTORS, strlen(ACTORS),
                                     test_warn_cb, &w, &err),
                     DYAD_OK);
    assert_int_equal(ctx_load_buffer(ctx, DYAD_DICT_AGENTS, "t.agents", AGENTS, strlen(AGENTS),
                                     test_warn_cb, &w, &err),
                     DYAD_OK);
    assert_int_equal(
        ctx_load_buffer(ctx, DYAD_DICT_VERBS, "t.verbs", VERBS, strlen(VERBS), test_warn_cb, &w, &err),
        DYAD_OK);
    assert_int_equal(ctx_load_buffer(ctx, DYAD_DICT_DISCARDS, "t.discards", DISCARDS, strlen(DISCARDS),
                                     test_warn_cb, &w, &err),
                     DYAD_OK);
    assert_int_equal(
        ctx_load_buffer(ctx, DYAD_DICT_PLACES, "t.gaz", GAZ, strlen(GAZ), test_warn_cb, &w, &err),
        DYAD_OK);
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

#define EXPECT(text, want)                                                                              \
    do {                                                                                                \
        char got_[1024];                                                                                \
        code_text(text, "2024-01-01", got_, sizeof got_);                                               \
        assert_string_equal(got_, want);                                                                \
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
    /* the roles after a list of one-word actors are each one's */
    EXPECT("Arnorian and Rohan soldiers attacked Mordor.", "ARNMIL|MOR|190;ROHMIL|MOR|190");
    EXPECT("Bree, Arnorian and Rohan soldiers attacked Mordor.",
           "BREMIL|MOR|190;ARNMIL|MOR|190;ROHMIL|MOR|190");
    EXPECT("Arnor and Rohan attacked Mordor.", "ARN|MOR|190;ROH|MOR|190");
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
    EXPECT("Gondor was hit by Mordor.", "MOR|GON|190"); /* a participle like its base */
    EXPECT("Gondor was attacked late on Monday near the old border by Mordor.", "MOR|GON|190");
    /* with no agent the subject is the target and the source is unnamed;
     * a pattern's target after the verb is no target of a passive */
    EXPECT("Gondor was attacked on Monday.", "|GON|190");
    EXPECT("Gondor soldiers were attacked near Mordor.", "|GONMIL|190");
    EXPECT("Gondor was accused of aggression against Rohan.", "|GON|112");
    /* an arrest with no agent is by the police of the place, else unnamed
     * police the article's country may complete */
    EXPECT("Gondor soldiers were arrested in Edoras.", "ROHCOP|GONMIL|173");
    EXPECT("Gondor soldiers were arrested on Monday.", "---COP|GONMIL|173");
    EXPECT("Gondor arrested Rohan soldiers in Edoras.", "GON|ROHMIL|173");
    /* a pattern's target before the verb is the subject, whom a pronoun
     * stands for; its source is the pattern's own or unnamed */
    EXPECT("Gondor soldiers came under attack from Mordor.", "MOR|GONMIL|190");
    EXPECT("Gondor soldiers came under attack.", "|GONMIL|190");
    EXPECT("Gondor soldiers attacked Mordor after they came under attack.",
           "GONMIL|MOR|190;|GONMIL|190");
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

/* The coded document of text, an article with no date. */
static dyad_doc *code_doc_dated(const dyad_ctx *ctx, const char *text, const char *date) {
    dyad_article a;
    memset(&a, 0, sizeof a);
    a.id = a.source = a.title = a.url = a.file = "";
    a.date = date;
    a.text = text;
    a.text_len = strlen(text);
    dyad_doc *d = NULL;
    dyad_error err;
    assert_int_equal(dyad_code(ctx, &a, &d, &err), DYAD_OK);
    return d;
}

static dyad_doc *code_doc(const dyad_ctx *ctx, const char *text) {
    return code_doc_dated(ctx, text, "");
}

enum { SOURCE, TARGET };

/* Codes text: nev events, event k's source or target basis is want. */
static void expect_basis(const char *text, size_t nev, size_t k, int side, const char *want) {
    dyad_doc *d = code_doc(g_ctx, text);
    assert_int_equal(dyad_doc_nevents(d), nev);
    const dyad_event *e = dyad_doc_event(d, k);
    assert_string_equal(side == TARGET ? e->target_basis : e->source_basis, want);
    dyad_doc_free(d);
}

/* Codes text dated date: nev events, event k's source and target names. */
static void expect_names(const char *text, const char *date, size_t k, const char *src,
                         const char *tgt) {
    dyad_doc *d = code_doc_dated(g_ctx, text, date);
    assert_true(dyad_doc_nevents(d) > k);
    const dyad_event *e = dyad_doc_event(d, k);
    assert_string_equal(e->source_name, src);
    assert_string_equal(e->target_name, tgt);
    dyad_doc_free(d);
}

/* Every actor has a canonical name: the entry its words name (the person
 * in "Gondor's Prime Minister Faramir", a short name's entry), else its
 * code's country, else its role. */
static void canonical_names(void **s) {
    (void)s;
    expect_names("Gondor's Prime Minister Faramir condemned Mordor.", "2005-01-01", 0, "FARAMIR",
                 "MORDOR");
    expect_names("Gondor's soldiers attacked the Warg riders.", "", 0, "GONDOR", "WARG RIDERS");
    expect_names("Police in Minas Tirith arrested Dunlendings.", "", 0, "GONDOR", "DUNLENDINGS");
    expect_names("Police arrested Dunlendings.", "", 0, "POLICE", "DUNLENDINGS");
    expect_names("The Steward's men arrested Dunlendings.", "", 0, "STEWARD'S MEN", "DUNLENDINGS");
}

static void offsets(void **s) {
    (void)s;
    dyad_ctx *ctx = make_ctx();
    const char *text = "Yesterday Gondor attacked Mordor.";
    dyad_doc *d = code_doc(ctx, text);
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
    EXPECT("Rohan condemned the invasion of Mordor by Arnor.", "ROH|ARN|111;ARN|MOR|192");
    /* a place of the gazetteer as the object of a deed of force */
    EXPECT("The invasion of Minas Tirith by Rohan failed.", "ROH|GON|192");
    /* a visit's place after "in" or "at", past a few words */
    EXPECT("Gondor's visit in Edoras was short.", "GON|ROH|042");
    EXPECT("Gondor's visit in the old city of Edoras was short.", "GON|ROH|042");
    EXPECT("Gondor's invasion in Edoras was swift.", "");
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

/* A place named after "in", "at", "from"... is where, not who: neither
 * the subject of a later verb nor the object of a meeting. */
static void locative_no_subject(void **s) {
    (void)s;
    EXPECT("Gondor met in Rohan.", "GON||036");
    EXPECT("In Rohan, Arnor attacked Mordor.", "ARN|MOR|190");
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
    /* "set to", "due to": a plain future too, an intention when said */
    EXPECT("Gondor is set to visit Arnor.", "GON|ARN|042");
    EXPECT("Gondor said it is set to visit Arnor.", "GON|ARN|036");
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
    EXPECT("Gondor said Arnor attacked Mordor.", "ARN|MOR|190");
    EXPECT("Gondor said the war must end.", "GON||010");
    /* the subject of the reported clause is no addressee: a statement
     * that codes nothing else is about it (with a low confidence) */
    EXPECT("Gondor said on Monday that Mordor must leave.", "GON|MOR|010");
    EXPECT("Gondor said Mordor would leave.", "GON|MOR|010");
    EXPECT("Gondor said soldiers attacked Mordor.", "GON|MOR|010;---MIL|MOR|190");
    /* an object right after the verb is */
    EXPECT("Gondor told Mordor to leave.", "GON|MOR|010");
    /* after a quotation, the subject may follow the verb */
    EXPECT("\u201cThe war must end,\u201d said Gondor.", "GON||010");
    EXPECT("\"The war must end,\" said the government of Gondor.", "GONGOV||010");
    /* a stance in what it says codes the statement, about the actor it
     * concerns: criticism the one before the words, intent the one after */
    EXPECT("Gondor said on Monday that the Mordor raids were unacceptable.", "GON|MOR|111");
    EXPECT("Gondor said it was open to talks with Arnor.", "GON|ARN|036");
    /* or in the quotation before it, about an actor inside the quotation */
    EXPECT("\"The Mordor raids are unacceptable,\" Gondor said.", "GON|MOR|111");
    EXPECT("\"The Mordor raids are unacceptable,\" said Gondor.", "GON|MOR|111");
    EXPECT("\"The raids are unacceptable,\" Gondor told Arnor radio.", "GON||111");
    EXPECT("\"It is unacceptable,\" Gondor said at a meeting in Arnor.", "GON||111");
}

/* The verb's object and complements end with its clause: at a comma that
 * does not continue a list, a dash, a word that opens another clause, or
 * another verb; a place named after "in" or "near" is where, not whom,
 * except where a visit goes or an attack falls, or when the clause names
 * no one else. A name no dictionary knows as object is the target; the
 * victim of a criticised deed is not. */
static void clause_targets(void **s) {
    (void)s;
    EXPECT("Gondor attacked the town, a village near Mordor.", "GON||190");
    EXPECT("Rohan accused the envoy after Mordor attacked Arnor.", "ROH||112;MOR|ARN|190");
    EXPECT("Rohan accused the envoys of Mordor in Arnor.", "ROH|MOR|112");
    EXPECT("Rohan accused the envoys in Arnor.", "ROH|ARN|112");
    EXPECT("Rohan attacked soldiers in Arnor.", "ROH|ARNMIL|190");
    EXPECT("Rohan attacked targets in Arnor.", "ROH|ARN|190");
    EXPECT("Rohan visited a camp in Arnor.", "ROH|ARN|042");
    /* a dash between spaces ends a clause; "anti- Gondor" does not */
    EXPECT("ROHAN - Gondor attacked Mordor.", "GON|MOR|190");
    EXPECT("Bree attacked an anti- Gondor parade.", "BRE|GON|190");
    /* commas between modifiers do not */
    EXPECT("Gondor will restore complete, full diplomatic ties with Arnor.", "GON|ARN|064");
    /* criticism of "the attack on X" is not of X, who suffered it, but of
     * whoever did it */
    EXPECT("Rohan condemned the attack on Gondor.", "ROH||111");
    EXPECT("Rohan condemned the attack on Gondor by Mordor.", "ROH|MOR|111;MOR|GON|190");
    EXPECT("Rohan condemned Gondor for the attack on Mordor.", "ROH|GON|111");
    /* "the attack" alone is the one the article told of just before: its
     * source is the target (basis "coreference") */
    EXPECT("Gondor attacked Mordor. Rohan condemned the attack.", "GON|MOR|190;ROH|GON|111");
    /* "the attack" as a subject is the one told of before too */
    EXPECT("Gondor attacked Mordor. The latest attack hit Bree.", "GON|MOR|190;GON|BRE|190");
    EXPECT("Gondor attacked Mordor. Monday's attack hit Bree.", "GON|MOR|190;GON|BRE|190");
    EXPECT("The latest attack hit Bree.", "|BRE|190");
    /* not the critic's own attack */
    EXPECT("Gondor attacked Mordor. Mordor attacked Gondor. Mordor condemned the attack.",
           "GON|MOR|190;MOR|GON|190;MOR|GON|111");
    EXPECT("Gondor attacked Mordor. Arnor accused Bree. Bree accused Arnor. Rohan accused Arnor. "
           "Arnor accused Bree. Rohan condemned the attack.",
           "GON|MOR|190;ARN|BRE|112;BRE|ARN|112;ROH|ARN|112;ARN|BRE|112;ROH||111");
    /* an object no dictionary knows is the target, of no known country */
    EXPECT("Rohan accused Grima of handing weapons to Mordor.", "ROH||112");
    EXPECT("Rohan accused Grima's men of helping Mordor.", "ROH|MOR|112");
    EXPECT("Rohan accused on Monday the envoys of Mordor.", "ROH|MOR|112");
}

/* An event whose sentence names no date took place on the day the lead
 * (the first two sentences) names, when it names one no later than the
 * publication; else on the publication date. */
static void story_dates(void **s) {
    (void)s;
    /* 2024-03-06 is a Wednesday */
    dyad_doc *d = code_doc_dated(g_ctx,
                                 "Gondor attacked Mordor late on Tuesday. Rohan accused Mordor. "
                                 "Arnor accused Gondor on Wednesday.",
                                 "2024-03-06");
    assert_int_equal(dyad_doc_nevents(d), 3);
    assert_string_equal(dyad_doc_event(d, 0)->date, "2024-03-05");
    assert_string_equal(dyad_doc_event(d, 1)->date, "2024-03-05");
    assert_true(dyad_doc_event(d, 1)->date_span.len > 0);
    assert_string_equal(dyad_doc_event(d, 2)->date, "2024-03-06");
    dyad_doc_free(d);
    /* a day after publication, or one named after the lead, is no story date */
    d = code_doc_dated(g_ctx, "Gondor will attack Mordor on Friday. Rohan accused Mordor.",
                       "2024-03-06");
    assert_int_equal(dyad_doc_nevents(d), 2);
    /* the intention is dated when it is stated, not when it is to be done */
    assert_string_equal(dyad_doc_event(d, 0)->date, "2024-03-06");
    assert_string_equal(dyad_doc_event(d, 1)->date, "2024-03-06");
    dyad_doc_free(d);
    d = code_doc_dated(g_ctx,
                       "Gondor accused Rohan. Bree accused Arnor. Arnor attacked Mordor on Tuesday. "
                       "Rohan accused Mordor.",
                       "2024-03-06");
    assert_int_equal(dyad_doc_nevents(d), 4);
    assert_string_equal(dyad_doc_event(d, 3)->date, "2024-03-06");
    dyad_doc_free(d);
    /* history never dates the news: a year alone says no day, a day over a
     * year before publication is told, not done now (nor a story date) */
    d = code_doc_dated(g_ctx,
                       "Gondor attacked Mordor in 1914. Gondor attacked Rohan on May 5, 2001. "
                       "Rohan accused Mordor on March 4, 2024. Arnor accused Gondor.",
                       "2024-03-06");
    assert_int_equal(dyad_doc_nevents(d), 4);
    assert_string_equal(dyad_doc_event(d, 0)->date, "2024-03-06");
    assert_string_equal(dyad_doc_event(d, 1)->date, "2024-03-06");
    assert_string_equal(dyad_doc_event(d, 2)->date, "2024-03-04");
    dyad_doc_free(d);
    d = code_doc_dated(g_ctx, "Gondor attacked Mordor on May 5, 2001. Rohan accused Mordor.",
                       "2024-03-06");
    assert_int_equal(dyad_doc_nevents(d), 2);
    assert_string_equal(dyad_doc_event(d, 1)->date, "2024-03-06");
    dyad_doc_free(d);
}

/* A complement whose subject is the object before "to" ("pushed Rohan to
 * attack", "asked him to", "called on Rohan to") is what that object is
 * asked or made to do, not an event; so is a verb coordinated with it. */
static void object_complements(void **s) {
    (void)s;
    EXPECT("Gondor pushed Rohan to attack Mordor.", "");
    EXPECT("Gondor met Rohan. Arnor pushed him to attack Mordor and meet Bree.",
           "GON|ROH|036;ROH|GON|036");
    EXPECT("Gondor called on Rohan to attack Mordor.", "GON|ROH|020");
    EXPECT("Gondor agreed to attack Mordor.", "GON|MOR|190");
    /* what a decision names is coded; what other nouns complete is not */
    EXPECT("Gondor said it was its decision to attack Mordor.", "GON|MOR|1384"); /* intent */
    EXPECT("Gondor said it has no power to attack Mordor.", "GON|MOR|010");
    EXPECT("Gondor sent soldiers to attack Mordor.", "GONMIL|MOR|190"); /* no verb of asking */
}

/* An event noun before "between" and a group is a noun, and pairs each
 * of the group with the other when words before it give a joint code
 * ("a phone call between"); a noun alone ("a meeting between") is as
 * often background. A past before "between" is a verb. */
static void between(void **s) {
    (void)s;
    EXPECT("Gondor attacked Mordor after a phone call between Rohan and Arnor.",
           "GON|MOR|190;ROH|ARN|041;ARN|ROH|041");
    EXPECT("A meeting between Rohan and Arnor ended.", "");
    EXPECT("Bree mediated between Rohan and Arnor.", "BRE|ROH|045;BRE|ARN|045");
}

/* A protest participle right after its actor ("students protesting
 * against the government") is that actor's protest; another participle
 * there only modifies the actor, and neither cuts the verb before it off
 * its object. */

static void protest_participles(void **s) {
    (void)s;
    EXPECT("Rohan attacked soldiers of Gondor protesting against Mordor.",
           "ROH|GONMIL|190;GONMIL|MOR|141");
    EXPECT("Rohan attacked soldiers of Gondor attacking Mordor.", "ROH|GONMIL|190");
    EXPECT("Rohan attacked Gondor after a protest against Mordor.", "ROH|GON|190");
}

/* "A and B met": each with the other; a comma alone makes no group; a name
 * inside an adjective ("U.S.-made") is no actor. */
static void joint_actors(void **s) {
    (void)s;
    /* a possessive inside a dictionary phrase matches the text's */
    EXPECT("The Steward's Men attacked Mordor.", "GONCOP|MOR|190");
    EXPECT("The Riders' Guild attacked Mordor.", "ROHPTY|MOR|190");
    /* a bracketed abbreviation after a name is part of it */
    EXPECT("Gondor and the Warg Riders [WR] soldiers met.", "GON|MORREBMIL|036;MORREBMIL|GON|036");
    EXPECT("The Warg Riders (WR) attacked Rohan.", "MORREB|ROH|190");
    EXPECT("Gondor and Rohan met on Monday.", "GON|ROH|036;ROH|GON|036");
    EXPECT("Gondor, Rohan and Arnor attacked Mordor.", "GON|MOR|190;ROH|MOR|190;ARN|MOR|190");
    EXPECT("In Bree, Gondor accused Mordor.", "GON|MOR|112");
    EXPECT("Gondor attacked U.S.-made tanks.", "GON||190");
    EXPECT("Gondor attacked U.S. tanks.", "GON|USA|190");
    /* a joint subject acts on each other rather than on a role alone */
    EXPECT("Gondor and Rohan met soldiers.", "GON|ROH|036;ROH|GON|036");
    EXPECT("Gondor and Rohan exchanged prisoners.", "GON|ROH|0841;ROH|GON|0841");
    /* a reduced passive: the agent after "by" acts on the noun before */
    EXPECT("Rohan visited soldiers attacked by Mordor.", "ROH|---MIL|042;MOR|---MIL|190");
    EXPECT("According to Arnor, Gondor attacked Mordor.", "GON|MOR|190");
}

/* Part of speech from context: a verb's form after a quantity, a
 * preposition, an adjective or a hyphenated modifier is a noun; its bare
 * form right after "be" an adjective; a participle after a plain noun in
 * an earlier verb's object modifies that noun; a pronoun subject stands
 * for the subject of the verb that reports it. */
static void nouns_not_verbs(void **s) {
    (void)s;
    EXPECT("Gondor visited Bree after two attacks on Mordor.", "GON|BRE|042");
    EXPECT("Rohan accused Gondor after attacks on Mordor.", "ROH|GON|112");
    EXPECT("Rohan accused Gondor of military attacks.", "ROH|GON|112");
    EXPECT("Rohan accused Gondor of long-running attacks.", "ROH|GON|112");
    EXPECT("Gondor said it was open to Arnor.", "GON|ARN|010");
    EXPECT("Gondor will open talks.", "GON||046");
    EXPECT("Rohan visited the camp attacked in Mordor.", "ROH|MOR|042");
    EXPECT("Gondor told Rohan it attacked Mordor.", "GON|MOR|190");
    /* a noun before it makes a compound; right after a verb it is the
     * verb's object */
    EXPECT("Rohan accused Gondor over border attacks on Mordor.", "ROH|GON|112");
    EXPECT("Gondor dismissed attacks on Mordor.", "");
    EXPECT("Gondor said its first attack on Mordor failed.", "GON|MOR|010"); /* an ordinal */
    EXPECT("Gondor has attacked Mordor.", "GON|MOR|190");
    /* a name joined to a lower-case word by a hyphen is an adjective */
    EXPECT("Gondor attacked Rohan-backed soldiers.", "GON|---MIL|190");
    EXPECT("Gondor attacked Rohan-style soldiers.", "GON|---MIL|190");
    EXPECT("Barad-dur attacked Gondor.", "MOR|GON|190"); /* a name */
}

/* A participle after a comma is a clause of the subject before it, or of
 * the sentence's first actor when no verb of the dictionary comes before. */
static void participle_clauses(void **s) {
    (void)s;
    /* after "after", "before", "while", "when", "upon": a clause of time
     * with the sentence's subject */
    EXPECT("Gondor met Rohan after attacking Mordor.", "GON|ROH|036;ROH|GON|036;GON|MOR|190");
    EXPECT("Gondor accused Rohan before visiting Arnor.", "GON|ROH|112;GON|ARN|042");
    EXPECT("Gondor attacked Mordor, accusing Arnor.", "GON|MOR|190;GON|ARN|112");
    EXPECT("Gondor spoke on Monday, accusing Arnor.", "GON|ARN|112");
    EXPECT("Gondor attacked Mordor, including Arnor.", "GON|MOR|190");
}

/* A phrase of place goes on past "of" ("in the presence of X"); a pattern
 * stops where the next finite verb's clause begins. */
static void places_and_bounds(void **s) {
    (void)s;
    EXPECT("Gondor met in the presence of Rohan.", "GON||036");
    EXPECT("Gondor met Arnor in the presence of Rohan.", "GON|ARN|036;ARN|GON|036");
    EXPECT("Arnor restored order then Rohan attacked relations.", "ARN||064;ROH||190");
    EXPECT("Arnor restored relations.", "ARN||063");
}

/* A role alone takes the country of the actor a possessive before it
 * stands for, or of the place it is in ("police in Minas Tirith"), named
 * inside it, right before it or after in/of/from/at; a place further off
 * or a partner says nothing of it. */
static void roles_placed(void **s) {
    (void)s;
    EXPECT("Police in Minas Tirith attacked Mordor.", "GONCOP|MOR|190");
    EXPECT("Minas Tirith police attacked Mordor.", "GONCOP|MOR|190");
    EXPECT("Gondor attacked the Eastfold police.", "GON|ROHCOP|190"); /* a region before it */
    EXPECT("Gondor attacked soldiers in Edoras.", "GON|ROHMIL|190");
    EXPECT("Police attacked Mordor after talks in Edoras.", "---COP|MOR|190");
    /* a place of the gazetteer names the target's country when no actor
     * does, for violence, not for talks */
    EXPECT("Rohan attacked positions in Minas Tirith.", "ROH|GON|190");
    EXPECT("Rohan met envoys in Minas Tirith.", "ROH||036");
    /* a protest is against the institution it is held at, not the country */
    EXPECT("Rohan rallied near the government.", "ROH|---GOV|141");
    EXPECT("Rohan rallied in Arnor.", "ROH||141");
    /* a role and a name no dictionary knows take the country after "of" */
    EXPECT("Prime minister Hador Galdor of Gondor attacked Mordor.", "GONGOV|MOR|190");
    EXPECT("Prime minister Hador Galdor of Gondor and prime minister Eorl Brego of Rohan "
           "attacked Mordor.",
           "GONGOV|MOR|190;ROHGOV|MOR|190");
    /* of a country no dictionary knows: none, not even the article's */
    EXPECT("Prime minister Hador Galdor of Lothlorien attacked Mordor.", "|MOR|190");
    /* fighters for another country's side are rebels where they fight;
     * international and foreign ones serve no country the article names */
    EXPECT("Gondor attacked pro-Rohan soldiers.", "GON|---REB|190");
    EXPECT("International soldiers attacked Mordor.", "|MOR|190");
    EXPECT("Foreign soldiers attacked Mordor.", "|MOR|190");
    /* a possessive stands for the actor named before it */
    EXPECT("Gondor said its soldiers attacked Mordor.", "GONMIL|MOR|190");
    EXPECT("Gondor attacked Mordor and its soldiers.", "GON|MOR|190;GON|MORMIL|190");
}

/* A person named in full is known by the last word of the name later in
 * the article ("Ecthelion"), also after a role ("Prime Minister
 * Ecthelion"), unless two people share it; "He" opening a sentence is the
 * person the last sentence had as subject. */
static void short_names(void **s) {
    (void)s;
    EXPECT("Gondor's prime minister Denethor Ecthelion visited Arnor. Ecthelion attacked Mordor.",
           "GONGOV|ARN|042;GONGOV|MOR|190");
    EXPECT("Gondor's prime minister Denethor Ecthelion visited Arnor. "
           "Prime Minister Ecthelion attacked Mordor.",
           "GONGOV|ARN|042;GONGOV|MOR|190");
    EXPECT("Ecthelion attacked Mordor.", "|MOR|190");
    /* a name after a lower-case particle is a name too */
    EXPECT("Gondor's prime minister Hurin al-Gondori visited Arnor. Then al-Gondori attacked Mordor.",
           "GONGOV|ARN|042;GONGOV|MOR|190");
    EXPECT("Gondor's prime minister Denethor Ecthelion visited Arnor. "
           "Rohan's prime minister Boromir Ecthelion visited Bree. Ecthelion attacked Mordor.",
           "GONGOV|ARN|042;ROHGOV|BRE|042;|MOR|190");
    /* "He" opening a sentence: the person the last sentence had as
     * subject, not a body ("the police") */
    EXPECT("Gondor's prime minister Denethor Ecthelion visited Arnor. He also attacked Mordor.",
           "GONGOV|ARN|042;GONGOV|MOR|190");
    EXPECT("Gondor police attacked Arnor. He attacked Mordor.", "GONCOP|ARN|190;|MOR|190");
    EXPECT("Ecthelion of Gondor said he attacked Mordor.", "GON|MOR|190");
    /* "of" the country a known person is of belongs to the person's name */
    EXPECT("Prime Minister Faramir of Gondor and Rohan's soldiers attacked Mordor.",
           "GONGOV|MOR|190;ROHMIL|MOR|190");
    EXPECT("Faramir of Gondor and Rohan's soldiers attacked Mordor.", "GONGOV|MOR|190;ROHMIL|MOR|190");
    /* a person with a role and no country is known by the short name
     * and by "He" too */
    EXPECT("Spokesman Hador Galdor attacked Mordor. Galdor attacked Rohan. He attacked Bree.",
           "---GOV|MOR|190;---GOV|ROH|190;---GOV|BRE|190");
    /* a person of an actor or a role after "'s" and a lower-case noun; a
     * place after the person's name is where the person is */
    EXPECT("Gondor's co-founder Hurin Thalion visited Arnor. Thalion attacked Mordor.",
           "GON|ARN|042;GON|MOR|190");
    EXPECT("Gondor police attacked Mordor. The police's chief Hurin Thalion in Edoras visited "
           "Arnor. Thalion, 76, attacked Mordor.",
           "GONCOP|MOR|190;GONCOP|ARN|042;GONCOP|MOR|190");
    expect_basis("Gondor's prime minister Denethor Ecthelion visited Arnor. "
                 "Ecthelion attacked Mordor.",
                 2, 1, SOURCE, "coreference");
}

/* "It said" opening a sentence stands for the body (country,
 * organisation, institution) that was the last sentence's first subject;
 * not for a person, a group of actors, or "it" before other verbs. */
static void it_said(void **s) {
    (void)s;
    EXPECT("Gondor attacked Mordor. It said on Monday that Rohan must leave.",
           "GON|MOR|190;GON|ROH|010");
    EXPECT("Gondor and Arnor attacked Mordor. It said on Monday that Rohan must leave.",
           "GON|MOR|190;ARN|MOR|190;|ROH|010");
    EXPECT("Gondor attacked Mordor. Rohan accused Bree. It said that Arnor must leave.",
           "GON|MOR|190;ROH|BRE|112;ROH|ARN|010");
}

/* A verb after "and" shares the subject of the last verb before it that
 * has one, not of a verb of a relative clause. */
static void coordinated_verbs(void **s) {
    (void)s;
    EXPECT("Gondor met Rohan on Monday, condemned Bree, and attacked Mordor.",
           "GON|ROH|036;ROH|GON|036;|BRE|111;GON|MOR|190");
    EXPECT("Gondor visited Rohan, which attacked Bree, and attacked Mordor.",
           "GON|ROH|042;ROH|BRE|190;GON|MOR|190");
}

/* ", hosted by X" after a meeting: X receives each side of it. */
static void hosts(void **s) {
    (void)s;
    EXPECT("Arnor hosted Gondor.", "ARN|GON|043");
    EXPECT("Gondor met Rohan in Edoras, hosted by Arnor.",
           "GON|ROH|036;ROH|GON|036;ARN|GON|043;ARN|ROH|043");
    EXPECT("Gondor attacked Rohan, hosted by Arnor.", "GON|ROH|190;ARN||043");
    /* the agent of another verb after "by" is no target of a joint subject */
    EXPECT("Gondor and Rohan met at talks hosted by Arnor.", "GON|ROH|036;ROH|GON|036");
    /* a capitalised title before a role is part of it */
    EXPECT("Gondor's Interim Prime Minister attacked Mordor.", "GONGOV|MOR|190");
}

/* An accusation in the passive with no accuser named, in a clause a
 * statement reports, is the speaker's. */
static void reported_accusations(void **s) {
    (void)s;
    EXPECT("Gondor said Rohan was accused of lying.", "GON|ROH|112");
    EXPECT("Rohan was accused of lying.", "|ROH|112");
    EXPECT("Gondor said Rohan was accused by Arnor of lying.", "ARN|ROH|112");
}

/* The consequence of a condition, in the future and with no target of
 * its own, is against the condition's subject ("If Mordor rearms, we will
 * attack"). */
static void conditions(void **s) {
    (void)s;
    EXPECT("\"If Mordor attacks Bree, we will attack,\" Gondor said.", "MOR|BRE|190;GON|MOR|1384");
    EXPECT("Gondor said that if Mordor attacks Bree, it will attack.", "MOR|BRE|190;GON|MOR|1384");
    EXPECT("If Mordor attacks Bree, Gondor will attack Rohan.", "MOR|BRE|190;GON|ROH|190");
    /* not a consequence in the past, nor a condition inside the clause */
    EXPECT("If Mordor attacked Bree, Gondor attacked too.", "MOR|BRE|190;GON||190");
    EXPECT("Gondor will attack if Mordor attacks Bree.", "GON||190;MOR|BRE|190");
}

/* "The parties", "both sides": the countries the last sentences named
 * when they are two, else the two the article is between (each named at
 * least twice, the second ahead of any third). */
static void the_parties(void **s) {
    (void)s;
    EXPECT("Gondor attacked Rohan. Rohan condemned Gondor. Arnor visited Bree. The parties met.",
           "GON|ROH|190;ROH|GON|111;ARN|BRE|042;GON|ROH|036;ROH|GON|036");
    EXPECT("Gondor attacked Rohan. Rohan condemned Gondor. Arnor visited Bree. Both sides met.",
           "GON|ROH|190;ROH|GON|111;ARN|BRE|042;GON|ROH|036;ROH|GON|036");
    /* an article between no two countries has no parties */
    EXPECT("Gondor attacked Rohan. Arnor visited Bree. Mordor accused Bree. The parties met.",
           "GON|ROH|190;ARN|BRE|042;MOR|BRE|112");
    EXPECT("Gondor attacked Rohan. Rohan condemned Gondor. The parties to the war met.",
           "GON|ROH|190;ROH|GON|111");
    EXPECT("Gondor attacked Rohan. Arnor condemned both sides to stop them.",
           "GON|ROH|190;ARN|GON|111;ARN|ROH|111");
}

/* "each other", "one another", "the other" after a joint subject: each
 * with the other; "Each" opening a clause stands for the two countries
 * of "both sides". */
static void reciprocals(void **s) {
    (void)s;
    EXPECT("Gondor and Rohan accused each other.", "GON|ROH|112;ROH|GON|112");
    EXPECT("Gondor and Rohan accused one another of lying.", "GON|ROH|112;ROH|GON|112");
    EXPECT("Gondor attacked Rohan. Each accused the other.", "GON|ROH|190;GON|ROH|112;ROH|GON|112");
    EXPECT("Gondor accused Rohan and Bree.", "GON|ROH|112;GON|BRE|112");
    EXPECT("Gondor attacked Rohan. Each soldier accused Bree.", "GON|ROH|190;---MIL|BRE|112");
}

/* "We" and "I" in a quotation are its speaker, named after it, before it
 * or, when the quotation goes on in the next sentence, in the last one; a
 * spokesperson no dictionary knows speaks for the body the last sentence
 * had as subject. */
static void quoted_speakers(void **s) {
    (void)s;
    EXPECT("\"We attacked Mordor,\" Gondor said.", "GON|MOR|190");
    EXPECT("\"We attacked Mordor,\" said Gondor.", "GON|MOR|190");
    EXPECT("Gondor said: \"We attacked Mordor.\"", "GON|MOR|190");
    EXPECT("\"We are ready,\" Gondor said. \"We attacked Mordor.\"", "GON||010;GON|MOR|190");
    /* a quotation two sentences on, one after a statement that quotes no
     * one, or one with no speaker has none */
    EXPECT("\"We are ready,\" Gondor said. Rohan is far away. \"We attacked Mordor.\"",
           "GON||010;|MOR|190");
    EXPECT("Gondor said it was ready. \"We attacked Mordor.\"", "GON||010;|MOR|190");
    EXPECT("\"We attacked Mordor.\"", "|MOR|190");
    /* not the nearest name in the quotation */
    EXPECT("\"Rohan is lying and we attacked Mordor,\" Gondor said.", "GON|MOR|190");
    EXPECT("Gondor accused Rohan. \"It lied,\" spokesman Hador Galdor said. "
           "\"We attacked Mordor.\"",
           "GON|ROH|112;GON||010;GON|MOR|190");
    /* the spokesman of a person is no "it" */
    EXPECT("Gondor's prime minister Denethor Ecthelion accused Rohan. Spokesman Hador Galdor attacked "
           "Mordor.",
           "GONGOV|ROH|112;---GOV|MOR|190");
}

/* A role alone takes the country the article is about: the one its
 * actors and places name most, clearly (three mentions, twice the next;
 * the first sentence counts double). Events left with no country named
 * are dropped. */
static void article_countries(void **s) {
    (void)s;
    const char *text = "Gondor said it would act. The government of Gondor met on Monday. "
                       "Police attacked Mordor. Police attacked soldiers.";
    EXPECT(text, "GON||010;GONGOV||036;GONCOP|MOR|190;GONCOP|GONMIL|190");
    dyad_doc *d = code_doc(g_ctx, text);
    assert_int_equal(dyad_doc_nevents(d), 4);
    const dyad_event *e = dyad_doc_event(d, 2);
    assert_string_equal(e->source_basis, "article");
    assert_string_equal(e->target_basis, "dictionary");
    assert_true(e->confidence > 0.64 && e->confidence < 0.66);
    e = dyad_doc_event(d, 3); /* both sides from the article: below the default */
    assert_true(e->confidence > 0.49 && e->confidence < 0.51);
    assert_string_equal(dyad_doc_event(d, 0)->target_basis, "");
    dyad_doc_free(d);
    /* a role of someone no dictionary knows takes no country */
    EXPECT("Gondor said it would act. The government of Gondor met on Monday. "
           "Rohan attacked soldiers of the Dunland-led alliance.",
           "GON||010;GONGOV||036;ROH||190");
    /* an appeal from outside the article's country to no one named is to it */
    d = code_doc(g_ctx, "Gondor said it would act. The government of Gondor met on Monday. "
                        "Arnor called on Tuesday. Gondor called on Wednesday.");
    assert_int_equal(dyad_doc_nevents(d), 4);
    e = dyad_doc_event(d, 2);
    assert_string_equal(e->source, "ARN");
    assert_string_equal(e->target, "GON");
    assert_string_equal(e->target_basis, "article");
    assert_string_equal(dyad_doc_event(d, 3)->target, "");
    dyad_doc_free(d);
    EXPECT("Gondor accused Mordor. Arnor called on Tuesday.", "GON|MOR|112;ARN||020");
    /* two countries named as often: none is the article's */
    EXPECT("Gondor accused Mordor. Police attacked Mordor. Police attacked soldiers.",
           "GON|MOR|112;---COP|MOR|190");
    EXPECT("Police attacked soldiers.", "");
}

/* A definite role alone ("the rebels", "the military") takes the country
 * of the one actor of its role named earlier in the sentence or in the
 * two before ("coreference"); two such countries, a bare plural ("rebels
 * attacked") or an antecedent three sentences back leave it alone. */
static void role_coreference(void **s) {
    (void)s;
    EXPECT("Gondor soldiers attacked Arnor. The soldiers attacked Mordor.",
           "GONMIL|ARN|190;GONMIL|MOR|190");
    expect_basis("Gondor soldiers attacked Arnor. The soldiers attacked Mordor.", 2, 1, SOURCE,
                 "coreference");
    EXPECT("Gondor soldiers attacked Arnor. Soldiers attacked Mordor.", "GONMIL|ARN|190;---MIL|MOR|190");
    EXPECT("Gondor soldiers and Rohan soldiers attacked Arnor. The soldiers attacked Mordor.",
           "GONMIL|ARN|190;ROHMIL|ARN|190;---MIL|MOR|190");
    EXPECT("Gondor soldiers attacked Arnor. Arnor accused Rohan. Rohan accused Arnor. "
           "Arnor accused Rohan. The soldiers attacked Mordor.",
           "GONMIL|ARN|190;ARN|ROH|112;ROH|ARN|112;ARN|ROH|112;---MIL|MOR|190");
}

/* "The group" and "the movement" stand for the one armed group, party or
 * gang the sentence or the two before named, "the organisation" for the
 * one IGO or NGO; two of a kind make it unclear. */
static void group_coreference(void **s) {
    (void)s;
    EXPECT("Warg Riders attacked Rohan. The group accused Gondor.", "MORREB|ROH|190;MORREB|GON|112");
    EXPECT("Warg Riders attacked Rohan. The group of soldiers accused Gondor.",
           "MORREB|ROH|190;---MIL|GON|112");
    EXPECT("Warg Riders and Dunlendings attacked Rohan. The group accused Gondor.",
           "MORREB|ROH|190;DUNREB|ROH|190;|GON|112");
    /* "the organisation" is an IGO's or an NGO's, "the group" an armed one's */
    EXPECT("Warg Riders and MSF met Rohan. The group accused Gondor. The organisation accused Bree.",
           "MORREB|ROH|036;NGO---|ROH|036;ROH|MORREB|036;ROH|NGO---|036;MORREB|GON|112;"
           "NGO---|BRE|112");
    EXPECT("Warg Riders attacked Rohan. Gondor accused Arnor. Arnor accused Bree. "
           "Bree accused Rohan. The group accused Gondor.",
           "MORREB|ROH|190;GON|ARN|112;ARN|BRE|112;BRE|ROH|112;|GON|112");
}

/* A mediator (045) acts on each party: the actors after "between", else
 * the two countries the article has named most, each twice and ahead of
 * any third; "mediation by X", "X's mediation", "the mediation of X". */
static void mediation(void **s) {
    (void)s;
    EXPECT("Bree mediated talks between Gondor and Rohan.", "BRE|GON|045;BRE|ROH|045");
    EXPECT("Gondor and Rohan met on Monday. Gondor accused Rohan. "
           "The talks were held under the mediation of Bree.",
           "GON|ROH|036;ROH|GON|036;GON|ROH|112;BRE|GON|045;BRE|ROH|045");
    EXPECT("Gondor and Rohan met on Monday. Gondor accused Rohan. "
           "They agreed after talks involving mediation by Bree.",
           "GON|ROH|036;ROH|GON|036;GON|ROH|112;BRE|GON|045;BRE|ROH|045");
    /* a third country named as often: no parties */
    EXPECT("Gondor and Rohan met Arnor. Gondor accused Rohan and Arnor. "
           "Talks were held under the mediation of Bree.",
           "GON|ARN|036;ROH|ARN|036;ARN|GON|036;ARN|ROH|036;GON|ROH|112;GON|ARN|112");
    /* a country acting alongside the mediator is no party, nor a target */
    EXPECT("Gondor met Rohan. Arnor accused Gondor. Rohan accused Arnor. "
           "Talks were held under the mediation of Bree alongside Arnor.",
           "GON|ROH|036;ROH|GON|036;ARN|GON|112;ROH|ARN|112;BRE|GON|045;BRE|ROH|045");
    EXPECT("Bree attacked alongside Arnor.", "BRE||190");
    expect_basis("Gondor and Rohan met on Monday. Gondor accused Rohan. "
                 "The talks were held under the mediation of Bree.",
                 5, 3, TARGET, "article");
}

/* "The two countries", "both sides", "the three nations" stand for the
 * countries the sentence so far and the two before named, when they are
 * exactly that many. */
static void counted_countries(void **s) {
    (void)s;
    EXPECT("Gondor accused Rohan. The two countries met on Monday.",
           "GON|ROH|112;GON|ROH|036;ROH|GON|036");
    EXPECT("Gondor accused Rohan. Both sides met on Monday.", "GON|ROH|112;GON|ROH|036;ROH|GON|036");
    EXPECT("Gondor accused Rohan. The three countries met on Monday.", "GON|ROH|112");
    EXPECT("Gondor accused Rohan and Arnor. The two countries met on Monday.",
           "GON|ROH|112;GON|ARN|112");
    expect_basis("Gondor accused Rohan. The two countries met on Monday.", 3, 1, SOURCE, "coreference");
}

/* Each event's confidence follows the evidence (dyad.h); the default
 * threshold keeps events that name both sides. */
static void confidence(void **s) {
    (void)s;
    static const struct {
        const char *text;
        double want;
    } cases[] = {
        {"Gondor attacked Mordor.", 0.8},                           /* bare verb */
        {"Arnor restored diplomatic ties with Gondor.", 0.9},       /* a pattern */
        {"Soldiers attacked Mordor.", 0.45},                        /* a role only */
        {"Gondor said Arnor attacked Mordor.", 0.75},               /* reported */
        {"Gondor attacked targets in Mordor.", 0.75},               /* a place */
        {"Gondor vowed to attack Mordor.", 0.75},                   /* an intention */
        {"Gondor and Rohan met.", 0.75},                            /* a joint subject */
        {"Gondor said the war with Mordor must end.", 0.55},        /* what a statement names */
        {"Police in Edoras attacked Mordor.", 0.75},                /* a role placed */
        {"If Gondor attacked Mordor, Rohan would be angry.", 0.45}, /* a condition */
        {"Gondor would attack Mordor if Rohan agreed.", 0.4},       /* conditional */
        {"Rohan is angry since Gondor attacked Mordor.", 0.45},     /* background */
        {"Gondor attacks Mordor.", 0.55},                           /* habitual */
        {"Gondor struck Mordor.", 0.8},                             /* irregular past */
        {"Gondor hit Mordor.", 0.8},                                /* past or present */
        {"Gondor accuses Mordor.", 0.8},                            /* no force */
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        dyad_doc *d = code_doc(g_ctx, cases[i].text);
        assert_true(dyad_doc_nevents(d) >= 1);
        double got = dyad_doc_event(d, 0)->confidence;
        if (got < cases[i].want - 1e-9 || got > cases[i].want + 1e-9)
            fail_msg("%s: confidence %.2f, want %.2f", cases[i].text, got, cases[i].want);
        size_t n = dyad_doc_nevents(d);
        size_t dropped = dyad_doc_keep_confident(d, DYAD_MIN_CONFIDENCE);
        assert_int_equal(dropped, cases[i].want < DYAD_MIN_CONFIDENCE ? n : 0);
        dyad_doc_free(d);
    }
    /* the condition is supposed; its consequence, a threat, is not */
    dyad_doc *d = code_doc(g_ctx, "If Gondor attacked Mordor, Rohan will attack Gondor.");
    assert_int_equal(dyad_doc_nevents(d), 2);
    assert_true(dyad_doc_event(d, 0)->confidence < 0.46);
    assert_true(dyad_doc_event(d, 1)->confidence > 0.7);
    dyad_doc_free(d);
}

/* What an event's date says (articles of 2024-08-20, a Tuesday): the day,
 * week or month of its sentence's date expression, the publication date
 * when the story names none, nothing when the article has no date; a year
 * alone or a day over a year back is history and dates nothing. */
static void date_precision(void **s) {
    (void)s;
    static const struct {
        const char *text, *date, *want_date, *want;
    } cases[] = {
        {"Gondor attacked Mordor on Monday.", "2024-08-20", "2024-08-19", "day"},
        {"Gondor attacked Mordor last week.", "2024-08-20", "2024-08-12", "week"},
        {"Gondor attacked Mordor in July.", "2024-08-20", "2024-07-01", "month"},
        {"Gondor attacked Mordor.", "2024-08-20", "2024-08-20", "publication"},
        {"Gondor attacked Mordor in 2019.", "2024-08-20", "2024-08-20", "publication"},
        {"Gondor attacked Mordor on March 3, 2021.", "2024-08-20", "2024-08-20", "publication"},
        {"Gondor attacked Mordor.", "", "", "none"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        dyad_doc *d = code_doc_dated(g_ctx, cases[i].text, cases[i].date);
        assert_int_equal(dyad_doc_nevents(d), 1);
        assert_string_equal(dyad_doc_event(d, 0)->date, cases[i].want_date);
        assert_string_equal(dyad_doc_event(d, 0)->date_precision, cases[i].want);
        dyad_doc_free(d);
    }
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(simple_svo),
        cmocka_unit_test(date_precision),
        cmocka_unit_test(roles_compose),
        cmocka_unit_test(compounds),
        cmocka_unit_test(passive),
        cmocka_unit_test(negation),
        cmocka_unit_test(attribution),
        cmocka_unit_test(patterns_and_reciprocal),
        cmocka_unit_test(dated_actor),
        cmocka_unit_test(discards),
        cmocka_unit_test(offsets),
        cmocka_unit_test(nominal),
        cmocka_unit_test(statement_vehicle),
        cmocka_unit_test(apposition_subject),
        cmocka_unit_test(locative_no_subject),
        cmocka_unit_test(intentions),
        cmocka_unit_test(synset_plurals),
        cmocka_unit_test(relative_clauses),
        cmocka_unit_test(possessive_nouns),
        cmocka_unit_test(clause_targets),
        cmocka_unit_test(joint_actors),
        cmocka_unit_test(nouns_not_verbs),
        cmocka_unit_test(roles_placed),
        cmocka_unit_test(article_countries),
        cmocka_unit_test(role_coreference),
        cmocka_unit_test(it_said),
        cmocka_unit_test(quoted_speakers),
        cmocka_unit_test(the_parties),
        cmocka_unit_test(reciprocals),
        cmocka_unit_test(conditions),
        cmocka_unit_test(reported_accusations),
        cmocka_unit_test(hosts),
        cmocka_unit_test(coordinated_verbs),
        cmocka_unit_test(group_coreference),
        cmocka_unit_test(mediation),
        cmocka_unit_test(protest_participles),
        cmocka_unit_test(between),
        cmocka_unit_test(counted_countries),
        cmocka_unit_test(object_complements),
        cmocka_unit_test(story_dates),
        cmocka_unit_test(short_names),
        cmocka_unit_test(places_and_bounds),
        cmocka_unit_test(participle_clauses),
        cmocka_unit_test(confidence),
        cmocka_unit_test(canonical_names),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
