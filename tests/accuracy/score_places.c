/* score_places.c -- scores the place Dyad attaches to events on the
 * event-location gold data (Halterman 2019): one JSON array of sentences,
 * each with one VERB span and the LOCATION spans of its event (none when
 * the sentence does not say where it happened). For each record the place
 * comes from dyad_place_for_verb on the VERB span, so the score is the
 * place matcher's, whether or not the coder finds an event there.
 *
 *   score_places [-v] --train|--test LABELED.json DICT...
 *
 * --train scores the records whose source is not "RELABEL" (the ones
 * rules may be tuned on), --test only the RELABEL ones (held out). A place
 * is right when its span overlaps a LOCATION span. Prints first:
 *   SUMMARY records=N skipped=N located=N unlocated=N tp=N fp=N fn=N
 *           P=x R=y F1=z none_ok=N none_acc=a
 * where P and R count records with a gold place, and none_acc is the share
 * of records without one to which Dyad attaches none.
 *
 * After it come trivial baselines, each scored on exactly the same records
 * (a record skipped as malformed is skipped for all) with exactly the same
 * span matching, printed with the same keys:
 *   BASELINE no-place ...     predicts no place for any record (P=R=F1=0,
 *                             none_acc=1): what "always none" earns;
 *   BASELINE first-place ...  predicts the first place mention of the
 *                             record's text that the gazetteer knows (kind
 *                             not "place", neither the qualifier of another
 *                             place nor an actor's country), whatever its
 *                             role and whatever the verb, or none when it
 *                             names none;
 *   BASELINE last-place ...   the same with the last such mention;
 *   BASELINE regex-after-in-at-near ...  the first run of capitalised
 *                             words right after "in", "at" or "near", with
 *                             no gazetteer at all.
 * Between them, "ALSO end-to-end ..." scores the place of the event Dyad
 * codes at the record's verb (dyad_code on the text; none when it codes
 * no event there, which is a miss when the record has a place), as an
 * analyst gets it (-v adds its verdict and place to each record's line);
 * coded= counts the records it codes an event at, and
 * "ALSO end-to-end,coded-verbs-only" scores those records alone.
 * The mentions are the library's own (dyad_doc_nplaces/dyad_doc_place on
 * the text coded by dyad_code as one sentence, what `dyad code --format
 * places` lists), so the baselines differ from Dyad only in how a mention
 * is chosen for the verb. */
#include <json-c/json.h>
#include <regex.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dyad.h"
#include "score_common.h"

/* Byte offset of character offset c in UTF-8 text s of n bytes. */
static size_t byte_offset(const char *s, size_t n, size_t c) {
    size_t b = 0;
    while (b < n && c > 0) {
        b++;
        while (b < n && ((unsigned char)s[b] & 0xC0) == 0x80) b++;
        c--;
    }
    return b;
}

static const char *str_field(json_object *o, const char *k) {
    json_object *v;
    return json_object_object_get_ex(o, k, &v) && json_object_is_type(v, json_type_string)
               ? json_object_get_string(v)
               : NULL;
}

static int int_field(json_object *o, const char *k, size_t *out) {
    json_object *v;
    if (!json_object_object_get_ex(o, k, &v) || !json_object_is_type(v, json_type_int)) return -1;
    int64_t x = json_object_get_int64(v);
    if (x < 0) return -1;
    *out = (size_t)x;
    return 0;
}

typedef struct counts {
    long records, located, unlocated, tp, fp, fn, none_ok, skipped;
    long coded; /* end to end: records whose verb Dyad codes an event at */
} counts;

/* The predictors scored: Dyad, Dyad end to end, then the baselines (see
 * the top comment). */
enum { P_DYAD, P_E2E, P_E2E_CODED, P_NONE, P_FIRST, P_LAST, P_REGEX, NPRED };
static const char *const PRED_LABEL[NPRED] = {"SUMMARY",
                                              "ALSO end-to-end",
                                              "ALSO end-to-end,coded-verbs-only",
                                              "BASELINE no-place",
                                              "BASELINE first-place",
                                              "BASELINE last-place",
                                              "BASELINE regex-after-in-at-near"};

/* The place of the event Dyad codes whose verb overlaps span verb (the
 * first such event), or NULL when it codes none there. */
static const dyad_place *coded_place(const dyad_doc *doc, dyad_span verb, int *coded) {
    *coded = 0;
    for (size_t k = 0; k < dyad_doc_nevents(doc); k++) {
        const dyad_event *e = dyad_doc_event(doc, k);
        if (e->verb_span.off < verb.off + verb.len && verb.off < e->verb_span.off + e->verb_span.len) {
            *coded = 1;
            return &e->place;
        }
    }
    return NULL;
}

/* The regex baseline: the first run of capitalised words right after the
 * word "in", "at" or "near" (RX_PLACE's third group), as a place with no
 * gazetteer behind it; name NULL when none. */
#define RX_PLACE "(^|[^A-z])(in|at|near) ([A-Z][A-Za-z-]*( [A-Z][A-Za-z-]*)*)"
static void regex_place(const regex_t *rx, const char *text, dyad_place *pl) {
    memset(pl, 0, sizeof *pl);
    regmatch_t g[4];
    if (regexec(rx, text, 4, g, 0) != 0) return;
    pl->name = "regex";
    pl->span.off = (uint32_t)g[3].rm_so;
    pl->span.len = (uint32_t)(g[3].rm_eo - g[3].rm_so);
}

/* Adds to c one record whose predicted place is pl (none when NULL or its
 * name is NULL) and whose gold places are loc[0..nloc); returns its verdict. */
static const char *tally(counts *c, const dyad_place *pl, const dyad_span *loc, int nloc) {
    if (pl && !pl->name) pl = NULL;
    int hit = 0;
    for (int k = 0; k < nloc && pl; k++)
        if (pl->span.off < loc[k].off + loc[k].len && loc[k].off < pl->span.off + pl->span.len) hit = 1;
    c->records++;
    if (nloc) {
        c->located++;
        if (hit) return c->tp++, "TP";
        if (pl) return c->fp++, c->fn++, "WRONG";
        return c->fn++, "FN";
    }
    c->unlocated++;
    if (pl) return c->fp++, "FP";
    return c->none_ok++, "NONE";
}

/* Points first and last at the first and last place mentions of doc that
 * the gazetteer knows (NULL when there is none). */
static void known_places(const dyad_doc *doc, const dyad_place **first, const dyad_place **last) {
    *first = *last = NULL;
    for (size_t k = 0; k < dyad_doc_nplaces(doc); k++) {
        const dyad_place *q = dyad_doc_place(doc, k);
        if (!q || !q->name || !q->kind || !strcmp(q->kind, "place") || q->qualifier || q->actor)
            continue;
        if (!*first || q->span.off < (*first)->span.off) *first = q;
        if (!*last || q->span.off >= (*last)->span.off) *last = q;
    }
}

/* Scores record i for every predictor into c[0..NPRED); returns 0, -1 when
 * it is malformed (skipped by all), or -2 when it cannot be coded (fatal:
 * the baselines could not be scored on the same records). */
static int score_record(const dyad_ctx *ctx, const regex_t *rxp, json_object *r, size_t i, int verbose,
                        counts *c) {
    const char *text = str_field(r, "text");
    json_object *spans;
    if (!text || !json_object_object_get_ex(r, "spans", &spans) ||
        !json_object_is_type(spans, json_type_array))
        return -1;
    json_object *toks = NULL;
    json_object_object_get_ex(r, "tokens", &toks);
    size_t ntoks =
        toks && json_object_is_type(toks, json_type_array) ? json_object_array_length(toks) : 0;
    size_t len = strlen(text), ns = json_object_array_length(spans);
    dyad_span verb = {0, 0}, loc[32];
    int nverb = 0, nloc = 0;
    for (size_t k = 0; k < ns; k++) {
        json_object *s = json_object_array_get_idx(spans, k);
        const char *label = str_field(s, "label");
        size_t st, en;
        if (!label || int_field(s, "start", &st) != 0 || int_field(s, "end", &en) != 0 || en < st)
            return -1;
        /* some records give token numbers as character offsets: the
         * tokens' own offsets are the reliable ones */
        size_t t0, t1;
        if (int_field(s, "token_start", &t0) == 0 && int_field(s, "token_end", &t1) == 0 && t0 <= t1 &&
            t1 < ntoks && int_field(json_object_array_get_idx(toks, t0), "start", &st) == 0 &&
            int_field(json_object_array_get_idx(toks, t1), "end", &en) == 0 && en < st)
            return -1;
        size_t bs = byte_offset(text, len, st), be = byte_offset(text, len, en);
        dyad_span sp = {(uint32_t)bs, (uint32_t)(be - bs)};
        if (!strcmp(label, "VERB")) {
            verb = sp;
            nverb++;
        } else if (!strcmp(label, "LOCATION") && nloc < 32) {
            loc[nloc++] = sp;
        }
    }
    if (nverb != 1) return -1;
    dyad_place pl;
    char nb[128];
    dyad_error err;
    if (dyad_place_for_verb(ctx, text, len, verb, &pl, nb, sizeof nb, &err) != DYAD_OK) return -1;
    dyad_doc *doc = NULL;
    if (score_code_sentence(ctx, "", "", text, len, "score_places", (long)i, &doc, &err) != DYAD_OK) {
        char eb[512];
        fprintf(stderr, "score_places: record %zu: %s\n", i, dyad_error_format(&err, eb, sizeof eb));
        return -2;
    }
    const dyad_place *first, *last;
    known_places(doc, &first, &last);
    const char *verdict = tally(&c[P_DYAD], &pl, loc, nloc);
    int coded;
    const dyad_place *e2e = coded_place(doc, verb, &coded);
    const char *e2e_verdict = tally(&c[P_E2E], e2e, loc, nloc);
    c[P_E2E].coded += coded;
    if (coded) tally(&c[P_E2E_CODED], e2e, loc, nloc);
    dyad_place rx;
    regex_place(rxp, text, &rx);
    tally(&c[P_NONE], NULL, loc, nloc);
    tally(&c[P_FIRST], first, loc, nloc);
    tally(&c[P_LAST], last, loc, nloc);
    tally(&c[P_REGEX], &rx, loc, nloc);
    dyad_doc_free(doc);
    if (verbose) {
        printf("%zu\t%s\t%.*s\t", i, verdict, (int)verb.len, text + verb.off);
        if (pl.name) printf("%.*s=%s/%s", (int)pl.span.len, text + pl.span.off, pl.name, pl.country);
        putchar('\t');
        for (int k = 0; k < nloc; k++)
            printf("%s%.*s", k ? "|" : "", (int)loc[k].len, text + loc[k].off);
        putchar('\t');
        for (const char *q = text; *q; q++) putchar(*q == '\n' || *q == '\t' ? ' ' : *q);
        printf("\t%s\t", coded ? e2e_verdict : "UNCODED");
        if (e2e && e2e->name)
            printf("%.*s=%s/%s", (int)e2e->span.len, text + e2e->span.off, e2e->name, e2e->country);
        putchar('\n');
    }
    return 0;
}

/* Prints c on one line, after label ("SUMMARY" or "BASELINE name"). */
static void print_counts(const char *label, const counts *c) {
    double p = c->tp + c->fp ? (double)c->tp / (double)(c->tp + c->fp) : 0;
    double rc = c->located ? (double)c->tp / (double)c->located : 0;
    double f1 = p + rc > 0 ? 2 * p * rc / (p + rc) : 0;
    double none = c->unlocated ? (double)c->none_ok / (double)c->unlocated : 0;
    printf("%s records=%ld skipped=%ld located=%ld unlocated=%ld tp=%ld fp=%ld fn=%ld "
           "P=%.3f R=%.3f F1=%.3f none_ok=%ld none_acc=%.3f",
           label, c->records, c->skipped, c->located, c->unlocated, c->tp, c->fp, c->fn, p, rc, f1,
           c->none_ok, none);
    if (c->coded) printf(" coded=%ld", c->coded);
    putchar('\n');
}

int main(int argc, char **argv) {
    int verbose = 0, test = -1, a = 1;
    for (; a < argc && argv[a][0] == '-'; a++) {
        if (!strcmp(argv[a], "-v"))
            verbose = 1;
        else if (!strcmp(argv[a], "--train"))
            test = 0;
        else if (!strcmp(argv[a], "--test"))
            test = 1;
        else
            break;
    }
    if (test < 0 || argc - a < 2) {
        fputs("usage: score_places [-v] --train|--test LABELED.json DICT...\n", stderr);
        return 2;
    }
    dyad_ctx *ctx = score_load("score_places", argv + a + 1, argc - a - 1);
    if (!ctx) return 1;
    json_object *all = json_object_from_file(argv[a]);
    if (!all || !json_object_is_type(all, json_type_array)) {
        fprintf(stderr, "score_places: %s: not a JSON array\n", argv[a]);
        json_object_put(all);
        dyad_ctx_free(ctx);
        return 1;
    }
    regex_t rxp;
    if (regcomp(&rxp, RX_PLACE, REG_EXTENDED) != 0) {
        fputs("score_places: cannot compile the regex baseline\n", stderr);
        json_object_put(all);
        dyad_ctx_free(ctx);
        return 1;
    }
    counts c[NPRED];
    memset(c, 0, sizeof c);
    size_t n = json_object_array_length(all);
    for (size_t i = 0; i < n; i++) {
        json_object *r = json_object_array_get_idx(all, i);
        const char *src = str_field(r, "source");
        int relabel = src && !strcmp(src, "RELABEL");
        if (relabel != test) continue;
        int rc = score_record(ctx, &rxp, r, i, verbose, c);
        if (rc == -2) {
            regfree(&rxp);
            json_object_put(all);
            dyad_ctx_free(ctx);
            return 1;
        }
        if (rc != 0)
            for (int k = 0; k < NPRED; k++) c[k].skipped++;
    }
    for (int k = 0; k < NPRED; k++) print_counts(PRED_LABEL[k], &c[k]);
    regfree(&rxp);
    json_object_put(all);
    dyad_ctx_free(ctx);
    return 0;
}
