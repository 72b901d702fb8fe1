/* score_spans.c -- scores the words Dyad takes for an event's source and
 * target on the ConfliBERT CAMEO span sets (CoNLL "token TAG" lines, a
 * blank line between sentences; B-S/I-S the source actor, B-T/I-T the
 * target, B-R/I-R a party of a reciprocal event, gold for either role; O
 * the rest). Each sentence is rebuilt from its tokens
 * (no space before closing punctuation and clitics) and coded on its own.
 *
 *   score_spans [-v] SPLIT.txt DICT...
 *
 * Matching is by tokens. A predicted span (an event's source or target
 * character offsets) is aligned to the tokens it shares a character with.
 * It matches a gold span of its role when it contains the gold span's head
 * (its last token, the last word of the noun phrase) or when the tokens
 * the two share are at least half of the gold span's tokens; merely
 * touching a gold span is not enough. A predicted span is right when it
 * matches a gold span of its role; a gold span is found when some
 * predicted span of its role matches it (each distinct predicted span
 * counted once). One summary line:
 *   SUMMARY sentences=N skipped=N source_p=x source_r=y source_f1=z
 *           target_p=x target_r=y target_f1=z dyad=w
 * dyad is the share of sentences with both a gold source and target where
 * one event has both right. Then one line per trivial baseline, scored on
 * the same sentences by the same function, with the same keys:
 *   BASELINE capitalised-phrase sentences=N skipped=N source_p=x ... dyad=w
 * capitalised-phrase: one event per sentence whose source is the first
 * maximal run of capitalised tokens (first character an upper-case
 * letter), whose target is the second run (none when there is none).
 * With -v, a line per sentence before them: its first line in SPLIT, the
 * number of Dyad's events, whether one has both actors right (0/1), the
 * rebuilt text. Malformed lines are named (file:line) on stderr and
 * skipped. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "dyad.h"
#include "score_common.h"

#define MAX_SPANS 64
#define MAX_TEXT 8192
#define MAX_TOKENS MAX_TEXT /* every token takes at least one byte */

/* A run of tokens [t0, t1); none when !set. */
typedef struct tspan {
    int t0, t1, set;
} tspan;

typedef struct sent {
    char text[MAX_TEXT];
    size_t len;
    unsigned tok_off[MAX_TOKENS], tok_end[MAX_TOKENS]; /* each token's bytes in text */
    int ntok;
    tspan gold[2][MAX_SPANS]; /* [0] source, [1] target */
    int ngold[2];
    int open; /* role of the span being extended, -1 none */
    int overflow;
} sent;

/* Whether token tok attaches to the word before it without a space. */
static int glued(const char *tok) {
    static const char *const close[] = {".",   ",",   ";",  ":",  "!",  "?",   ")",
                                        "]",   "%",   "'s", "'S", "'",  "n't", "'re",
                                        "'ve", "'ll", "'d", "'m", "’s", "’",   NULL};
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
    if (s->len + tl + 2 >= MAX_TEXT || s->ntok >= MAX_TOKENS) {
        s->overflow = 1;
        return;
    }
    if (space) s->text[s->len++] = ' ';
    unsigned off = (unsigned)s->len;
    memcpy(s->text + s->len, tok, tl);
    s->len += tl;
    s->text[s->len] = '\0';
    int t = s->ntok++;
    s->tok_off[t] = off;
    s->tok_end[t] = (unsigned)s->len;
    /* R: a party of a reciprocal event ("X met Y"), either role */
    int role = tag[2] == 'S' ? 0 : tag[2] == 'T' ? 1 : tag[2] == 'R' ? 2 : -1;
    int r0 = role == 2 ? 0 : role, r1 = role == 2 ? 1 : role;
    if (tag[0] == 'B' && role >= 0 && s->ngold[0] < MAX_SPANS && s->ngold[1] < MAX_SPANS) {
        for (int r = r0; r <= r1; r++) s->gold[r][s->ngold[r]++] = (tspan){t, t + 1, 1};
        s->open = role;
    } else if (tag[0] == 'I' && role >= 0 && s->open == role) {
        for (int r = r0; r <= r1; r++)
            if (s->ngold[r]) s->gold[r][s->ngold[r] - 1].t1 = t + 1;
    } else {
        s->open = -1;
    }
}

/* The tokens a predicted span of characters shares a character with; set
 * (but possibly empty, matching nothing) for any span of length > 0. */
static tspan align(const sent *s, dyad_span sp) {
    tspan r = {0, 0, sp.len > 0};
    if (!r.set) return r;
    unsigned off = sp.off, end = sp.off + sp.len;
    int t = 0;
    while (t < s->ntok && s->tok_end[t] <= off) t++;
    r.t0 = r.t1 = t;
    while (r.t1 < s->ntok && s->tok_off[r.t1] < end) r.t1++;
    return r;
}

/* Whether predicted span p matches gold span g: p contains g's head (its
 * last token) or covers at least half of g's tokens. */
static int matches(tspan p, tspan g) {
    if (!p.set || !g.set || p.t0 >= p.t1) return 0;
    int head = g.t1 - 1;
    if (p.t0 <= head && head < p.t1) return 1;
    int lo = p.t0 > g.t0 ? p.t0 : g.t0, hi = p.t1 < g.t1 ? p.t1 : g.t1;
    int shared = hi > lo ? hi - lo : 0;
    return 2 * shared >= g.t1 - g.t0;
}

/* Whether p matches some gold span of role. */
static int matches_role(const sent *s, int role, tspan p) {
    for (int g = 0; g < s->ngold[role]; g++)
        if (matches(p, s->gold[role][g])) return 1;
    return 0;
}

/* A predicted event: its source and target, aligned to tokens. */
typedef struct pred {
    tspan span[2];
} pred;

typedef struct tally {
    long pred[2], pred_ok[2], gold[2], gold_found[2], dyad_n, dyad_ok;
} tally;

/* Scores the events ev[0..n) of sentence s into t; whether one event has
 * both actors right. Dyad and every baseline go through here. */
static int score_events(const sent *s, const pred *ev, size_t n, tally *t) {
    int found[2][MAX_SPANS] = {{0}};
    int both = 0;
    for (int role = 0; role < 2; role++) {
        /* distinct predicted spans of the role */
        for (size_t i = 0; i < n; i++) {
            tspan sp = ev[i].span[role];
            if (!sp.set) continue;
            int seen = 0;
            for (size_t j = 0; j < i && !seen; j++) {
                tspan q = ev[j].span[role];
                seen = q.set && q.t0 == sp.t0 && q.t1 == sp.t1;
            }
            if (seen) continue;
            int ok = 0;
            for (int g = 0; g < s->ngold[role]; g++)
                if (matches(sp, s->gold[role][g])) ok = found[role][g] = 1;
            t->pred[role]++;
            t->pred_ok[role] += ok;
        }
        t->gold[role] += s->ngold[role];
        for (int g = 0; g < s->ngold[role]; g++) t->gold_found[role] += found[role][g];
    }
    if (s->ngold[0] && s->ngold[1]) {
        t->dyad_n++;
        for (size_t i = 0; i < n && !both; i++)
            both = matches_role(s, 0, ev[i].span[0]) && matches_role(s, 1, ev[i].span[1]);
        t->dyad_ok += both;
    }
    return both;
}

/* Whether token k starts with an upper-case letter. */
static int capitalised(const sent *s, int k) {
    utf8proc_int32_t c;
    const utf8proc_uint8_t *p = (const utf8proc_uint8_t *)s->text + s->tok_off[k];
    if (utf8proc_iterate(p, (utf8proc_ssize_t)(s->tok_end[k] - s->tok_off[k]), &c) <= 0) return 0;
    utf8proc_category_t cat = utf8proc_category(c);
    return cat == UTF8PROC_CATEGORY_LU || cat == UTF8PROC_CATEGORY_LT;
}

/* Baseline capitalised-phrase: source the first maximal run of
 * capitalised tokens, target the second. */
static pred capitalised_phrase(const sent *s) {
    pred e;
    memset(&e, 0, sizeof e);
    int run = 0;
    for (int k = 0; k < s->ntok && run < 2;) {
        if (!capitalised(s, k)) {
            k++;
            continue;
        }
        int k1 = k;
        while (k1 < s->ntok && capitalised(s, k1)) k1++;
        e.span[run++] = (tspan){k, k1, 1};
        k = k1;
    }
    return e;
}

enum { B_CAPITALISED, NBASE };
static const char *const base_name[NBASE] = {"capitalised-phrase"};

static void score(const dyad_ctx *ctx, const sent *s, long line, const char *path, tally *t, tally *base,
                  int verbose) {
    dyad_article art = {"s", "", "", "", "", s->text, s->len, path, line, 1};
    dyad_doc *doc = NULL;
    dyad_error err;
    if (dyad_code(ctx, &art, &doc, &err) != DYAD_OK) return;
    size_t n = dyad_doc_nevents(doc);
    pred *ev = calloc(n ? n : 1, sizeof *ev);
    if (!ev) {
        dyad_doc_free(doc);
        return;
    }
    for (size_t i = 0; i < n; i++) {
        const dyad_event *e = dyad_doc_event(doc, i);
        ev[i].span[0] = align(s, e->source_span);
        ev[i].span[1] = align(s, e->target_span);
    }
    int both = score_events(s, ev, n, t);
    pred cap = capitalised_phrase(s);
    score_events(s, &cap, 1, &base[B_CAPITALISED]);
    if (verbose) printf("%ld\t%zu\t%d\t%s\n", line, n, both, s->text);
    free(ev);
    dyad_doc_free(doc);
}

/* "sentences=N skipped=N source_p=x ... dyad=w" of t, without a newline. */
static void print_figures(const tally *t, long n, long bad) {
    double sp = score_ratio(t->pred_ok[0], t->pred[0]), sr = score_ratio(t->gold_found[0], t->gold[0]);
    double tp = score_ratio(t->pred_ok[1], t->pred[1]), tr = score_ratio(t->gold_found[1], t->gold[1]);
    printf("sentences=%ld skipped=%ld source_p=%.3f source_r=%.3f source_f1=%.3f target_p=%.3f "
           "target_r=%.3f target_f1=%.3f dyad=%.3f",
           n, bad, sp, sr, score_f1(sp, sr), tp, tr, score_f1(tp, tr),
           score_ratio(t->dyad_ok, t->dyad_n));
}

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
    if (!s) {
        fclose(in);
        dyad_ctx_free(ctx);
        return 1;
    }
    s->open = -1;
    tally t, base[NBASE];
    memset(&t, 0, sizeof t);
    memset(base, 0, sizeof base);
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
                    fprintf(stderr, "score_spans: %s:%ld: sentence longer than %d bytes skipped\n",
                            split, first, MAX_TEXT);
                    bad++;
                } else {
                    score(ctx, s, first, split, &t, base, verbose);
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
            !(!strcmp(tag, "O") ||
              ((tag[0] == 'B' || tag[0] == 'I') && tag[1] == '-' && tag[2] && !tag[3]))) {
            fprintf(stderr,
                    "score_spans: %s:%ld: malformed line skipped (want a token, a space, a tag)\n",
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
    printf("SUMMARY ");
    print_figures(&t, n, bad);
    printf("\n");
    for (int b = 0; b < NBASE; b++) {
        printf("BASELINE %s ", base_name[b]);
        print_figures(&base[b], n, bad);
        printf("\n");
    }
    return 0;
}
