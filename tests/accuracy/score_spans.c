/* score_spans.c -- scores the words Dyad takes for an event's source and
 * target on the ConfliBERT CAMEO span sets (CoNLL "token TAG" lines, a
 * blank line between sentences; B-S/I-S the source actor, B-T/I-T the
 * target, B-R/I-R a party of a reciprocal event, gold for either role; O
 * the rest). Each sentence is rebuilt from its tokens
 * (no space before closing punctuation and clitics) and coded on its own.
 *
 *   score_spans [-v] SPLIT.txt DICT...
 *
 * A gold span is found when some event's source (target) span overlaps it;
 * a predicted span is right when it overlaps a gold span of its role. One
 * summary line:
 *   SUMMARY sentences=N skipped=N source_p=x source_r=y source_f1=z
 *           target_p=x target_r=y target_f1=z dyad=w
 * dyad is the share of sentences with both a gold source and target where
 * one event has both right. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dyad.h"
#include "score_common.h"

#define MAX_SPANS 64
#define MAX_TEXT 8192

typedef struct span {
    unsigned off, end;
} span;

typedef struct sent {
    char text[MAX_TEXT];
    size_t len;
    span gold[2][MAX_SPANS]; /* [0] source, [1] target */
    int ngold[2];
    int open; /* role of the span being extended, -1 none */
    int overflow;
} sent;

/* Whether token tok attaches to the word before it without a space. */
static int glued(const char *tok) {
    static const char *const close[] = {".", ",", ";", ":", "!", "?", ")", "]", "%", "'s", "'S",
                                        "'", "n't", "'re", "'ve", "'ll", "'d", "'m", "’s", "’", NULL};
    for (int k = 0; close[k]; k++)
        if (!strcmp(tok, close[k])) return 1;
    return 0;
}

static void add_token(sent *s, const char *tok, const char *tag) {
    size_t tl = strlen(tok);
    int after_apostrophe = s->len > 0 && (s->text[s->len - 1] == '\'' ||
                                          (s->len >= 3 && !memcmp(s->text + s->len - 3, "’", 3)));
    int space = s->len > 0 && !glued(tok) && s->text[s->len - 1] != '(' && s->text[s->len - 1] != '$' &&
                !(after_apostrophe && !strcmp(tok, "s"));
    if (s->len + tl + 2 >= MAX_TEXT) {
        s->overflow = 1;
        return;
    }
    if (space) s->text[s->len++] = ' ';
    unsigned off = (unsigned)s->len;
    memcpy(s->text + s->len, tok, tl);
    s->len += tl;
    s->text[s->len] = '\0';
    /* R: a party of a reciprocal event ("X met Y"), either role */
    int role = tag[2] == 'S' ? 0 : tag[2] == 'T' ? 1 : tag[2] == 'R' ? 2 : -1;
    int r0 = role == 2 ? 0 : role, r1 = role == 2 ? 1 : role;
    if (tag[0] == 'B' && role >= 0 && s->ngold[0] < MAX_SPANS && s->ngold[1] < MAX_SPANS) {
        for (int r = r0; r <= r1; r++) s->gold[r][s->ngold[r]++] = (span){off, (unsigned)s->len};
        s->open = role;
    } else if (tag[0] == 'I' && role >= 0 && s->open == role) {
        for (int r = r0; r <= r1; r++)
            if (s->ngold[r]) s->gold[r][s->ngold[r] - 1].end = (unsigned)s->len;
    } else {
        s->open = -1;
    }
}

static int overlaps(span a, unsigned off, unsigned len) {
    return len && off < a.end && a.off < off + len;
}

typedef struct tally {
    long pred[2], pred_ok[2], gold[2], gold_found[2], dyad_n, dyad_ok;
} tally;

static void score(const dyad_ctx *ctx, sent *s, long line, const char *path, tally *t, int verbose) {
    dyad_article art = {"s", "", "", "", "", s->text, s->len, path, line, 1};
    dyad_doc *doc = NULL;
    dyad_error err;
    if (dyad_code(ctx, &art, &doc, &err) != DYAD_OK) return;
    size_t n = dyad_doc_nevents(doc);
    int found[2][MAX_SPANS] = {{0}};
    int both = 0;
    for (int role = 0; role < 2; role++) {
        /* distinct predicted spans of the role */
        for (size_t i = 0; i < n; i++) {
            const dyad_event *e = dyad_doc_event(doc, i);
            dyad_span sp = role ? e->target_span : e->source_span;
            if (!sp.len) continue;
            int seen = 0;
            for (size_t j = 0; j < i && !seen; j++) {
                const dyad_event *o = dyad_doc_event(doc, j);
                dyad_span q = role ? o->target_span : o->source_span;
                seen = q.off == sp.off && q.len == sp.len;
            }
            if (seen) continue;
            int ok = 0;
            for (int g = 0; g < s->ngold[role]; g++)
                if (overlaps(s->gold[role][g], sp.off, sp.len)) ok = found[role][g] = 1;
            t->pred[role]++;
            t->pred_ok[role] += ok;
        }
        t->gold[role] += s->ngold[role];
        for (int g = 0; g < s->ngold[role]; g++) t->gold_found[role] += found[role][g];
    }
    if (s->ngold[0] && s->ngold[1]) {
        t->dyad_n++;
        for (size_t i = 0; i < n && !both; i++) {
            const dyad_event *e = dyad_doc_event(doc, i);
            int so = 0, to = 0;
            for (int g = 0; g < s->ngold[0]; g++) so |= overlaps(s->gold[0][g], e->source_span.off, e->source_span.len);
            for (int g = 0; g < s->ngold[1]; g++) to |= overlaps(s->gold[1][g], e->target_span.off, e->target_span.len);
            both = so && to;
        }
        t->dyad_ok += both;
    }
    if (verbose) printf("%ld\t%zu\t%d\t%s\n", line, n, both, s->text);
    dyad_doc_free(doc);
}

static double ratio(long a, long b) { return b ? (double)a / b : 0; }
static double f1(double p, double r) { return p + r > 0 ? 2 * p * r / (p + r) : 0; }

int main(int argc, char **argv) {
    int verbose;
    const char *split;
    dyad_ctx *ctx;
    int rc = score_start(argc, argv, "score_spans", "SPLIT.txt", &verbose, &split, &ctx);
    if (rc) return rc;
    FILE *in = fopen(split, "r");
    if (!in) {
        fprintf(stderr, "score_spans: %s: cannot open\n", split);
        dyad_ctx_free(ctx);
        return 1;
    }
    sent *s = calloc(1, sizeof *s);
    if (!s) return 1;
    s->open = -1;
    tally t;
    memset(&t, 0, sizeof t);
    char *line = NULL;
    size_t cap = 0;
    long lineno = 0, first = 1, n = 0, bad = 0;
    int eof = 0;
    while (!eof) {
        eof = getline(&line, &cap, in) <= 0;
        if (!eof) lineno++;
        if (!eof) line[strcspn(line, "\r\n")] = '\0';
        if (eof || !line[0]) { /* end of a sentence */
            if (s->len) {
                if (s->overflow) {
                    fprintf(stderr, "score_spans: %s:%ld: sentence longer than %d bytes skipped\n", split,
                            first, MAX_TEXT);
                    bad++;
                } else {
                    score(ctx, s, first, split, &t, verbose);
                    n++;
                }
            }
            memset(s, 0, sizeof *s);
            s->open = -1;
            first = lineno + 1;
            continue;
        }
        char *sp = strrchr(line, ' ');
        const char *tag = sp ? sp + 1 : "";
        if (!sp || sp == line ||
            !(!strcmp(tag, "O") || ((tag[0] == 'B' || tag[0] == 'I') && tag[1] == '-' && tag[2] && !tag[3]))) {
            fprintf(stderr, "score_spans: %s:%ld: malformed line skipped (want a token, a space, a tag)\n",
                    split, lineno);
            bad++;
            continue;
        }
        *sp = '\0';
        add_token(s, line, tag);
    }
    free(line);
    free(s);
    fclose(in);
    dyad_ctx_free(ctx);
    if (!n) {
        fprintf(stderr, "score_spans: %s: no sentences scored\n", split);
        return 1;
    }
    double sp = ratio(t.pred_ok[0], t.pred[0]), sr = ratio(t.gold_found[0], t.gold[0]);
    double tp = ratio(t.pred_ok[1], t.pred[1]), tr = ratio(t.gold_found[1], t.gold[1]);
    printf("SUMMARY sentences=%ld skipped=%ld source_p=%.3f source_r=%.3f source_f1=%.3f target_p=%.3f "
           "target_r=%.3f target_f1=%.3f dyad=%.3f\n",
           n, bad, sp, sr, f1(sp, sr), tp, tr, f1(tp, tr), ratio(t.dyad_ok, t.dyad_n));
    return 0;
}
