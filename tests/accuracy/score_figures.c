/* score_figures.c -- scores Dyad's casualty figures on the Gun Violence
 * Database splits (TSV: Article id, Article url, Article title, Full text,
 * Json, Worker). The gold count of killed (injured) in an article is the
 * number of annotated victims whose "victim-was" holds "killed"
 * ("injured"). Dyad's count for a kind is the first figure of that kind
 * the article states (news give the toll in the lead; later figures are
 * repeats, updates of other incidents or statistics: "since 2007, when 28
 * were killed"), or the number of different victims named when that is
 * larger ("a man" and "the victim" again are no new victims).
 *
 *   score_figures [-v] SPLIT.tsv DICT...
 *
 * Prints per-article lines with -v, then one summary line:
 *   SUMMARY articles=N skipped=N killed_exact=x killed_mae=y killed_maxerr=z
 *           injured_exact=x injured_mae=y injured_maxerr=z
 * with exact-match rates as fractions, mean and largest absolute errors,
 * then the same figures of trivial baselines on the same articles (those
 * scored: a malformed record or one Dyad cannot code is skipped by all):
 *   BASELINE always-0 killed_exact=x ... injured_maxerr=z (0 killed, 0 injured)
 *   BASELINE always-1 killed_exact=x ... injured_maxerr=z (1 killed, 1 injured) */
#include <json-c/json.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "dyad.h"
#include "score_common.h"

#define NCOLS 6
#define MAX_SINGLES 32

/* Exact matches and absolute errors of one predictor over the articles. */
typedef struct tally {
    long kexact, iexact, kerr, ierr, kmax, imax;
} tally;

/* Adds one article: predicted pk killed and pi injured, gold gk and gi. */
static void tally_add(tally *t, long pk, long pi, long gk, long gi) {
    t->kexact += pk == gk;
    t->iexact += pi == gi;
    t->kerr += labs(pk - gk);
    t->ierr += labs(pi - gi);
    if (labs(pk - gk) > t->kmax) t->kmax = labs(pk - gk);
    if (labs(pi - gi) > t->imax) t->imax = labs(pi - gi);
}

/* Prints t's metrics over n articles, " killed_exact=x ... injured_maxerr=z". */
static void tally_print(const tally *t, long n) {
    printf(" killed_exact=%.3f killed_mae=%.3f killed_maxerr=%ld injured_exact=%.3f injured_mae=%.3f "
           "injured_maxerr=%ld",
           (double)t->kexact / n, (double)t->kerr / n, t->kmax, (double)t->iexact / n,
           (double)t->ierr / n, t->imax);
}

/* Splits line (modified in place) on tabs into at most max fields;
 * returns how many. */
static int split_tabs(char *line, char **f, int max) {
    int n = 0;
    f[n++] = line;
    for (char *p = line; *p && n < max; p++)
        if (*p == '\t') {
            *p = '\0';
            f[n++] = p + 1;
        }
    return n;
}

/* Gold counts from the Json column; -1 when it does not parse. */
static int gold_counts(const char *json, long *killed, long *injured) {
    json_object *o = json_tokener_parse(json), *vs, *was;
    if (!o) return -1;
    *killed = *injured = 0;
    if (json_object_object_get_ex(o, "victim-section", &vs) &&
        json_object_is_type(vs, json_type_array)) {
        for (size_t i = 0; i < json_object_array_length(vs); i++) {
            json_object *v = json_object_array_get_idx(vs, i);
            if (!json_object_object_get_ex(v, "victim-was", &was) ||
                !json_object_is_type(was, json_type_array))
                continue;
            for (size_t k = 0; k < json_object_array_length(was); k++) {
                const char *s = json_object_get_string(json_object_array_get_idx(was, k));
                if (s && !strcmp(s, "killed")) ++*killed;
                if (s && !strcmp(s, "injured")) ++*injured;
            }
        }
    }
    json_object_put(o);
    return 0;
}

/* A single victim's words without a leading "a", "an", "the", "another". */
static const char *bare(const char *v) {
    static const char *const DET[] = {"a ", "an ", "the ", "another ", NULL};
    for (int k = 0; DET[k]; k++)
        if (!strncasecmp(v, DET[k], strlen(DET[k]))) return v + strlen(DET[k]);
    return v;
}

/* Dyad's count of kind in a coded article (see the top of this file). */
static long count_kind(const dyad_doc *d, dyad_figure_kind kind) {
    long best = 0; /* the first figure */
    const char *singles[MAX_SINGLES];
    int ns = 0;
    for (size_t i = 0; i < dyad_doc_nfigures(d); i++) {
        const dyad_figure *f = dyad_doc_figure(d, i);
        if (f->kind != kind) continue;
        if (best == 0) best = (long)f->value; /* the lead's toll */
        /* names only: "a man", "the victim" are counted in best */
        if (f->value != 1 || f->number_span.len || !(f->victim[0] >= 'A' && f->victim[0] <= 'Z'))
            continue;
        const char *v = bare(f->victim);
        int seen = 0;
        for (int k = 0; k < ns && !seen; k++) seen = !strcasecmp(singles[k], v);
        if (!seen && ns < MAX_SINGLES) singles[ns++] = v;
    }
    return ns > best ? ns : best;
}

int main(int argc, char **argv) {
    int verbose;
    const char *split;
    dyad_ctx *ctx;
    int rc = score_start(argc, argv, "score_figures", "SPLIT.tsv", &verbose, &split, &ctx);
    if (rc) return rc;
    dyad_error err;
    char eb[1024];
    FILE *in = fopen(split, "r");
    if (!in) {
        fprintf(stderr, "score_figures: %s: cannot open\n", split);
        dyad_ctx_free(ctx);
        return 1;
    }
    char *line = NULL;
    size_t cap = 0;
    long lineno = 0, n = 0, bad = 0;
    tally dyad = {0}, zero = {0}, one = {0};
    int text_col = -1, json_col = -1, id_col = 0;
    while (getline(&line, &cap, in) > 0) {
        lineno++;
        line[strcspn(line, "\r\n")] = '\0';
        char *f[NCOLS + 1];
        int nf = split_tabs(line, f, NCOLS + 1);
        if (lineno == 1) {
            for (int k = 0; k < nf; k++) {
                if (!strcmp(f[k], "Full text")) text_col = k;
                if (!strcmp(f[k], "Json")) json_col = k;
            }
            if (text_col < 0 || json_col < 0) {
                fprintf(stderr, "score_figures: %s:1: no 'Full text' and 'Json' columns\n", split);
                break;
            }
            continue;
        }
        long gk, gi;
        if (nf <= text_col || nf <= json_col || gold_counts(f[json_col], &gk, &gi) != 0) {
            fprintf(stderr, "score_figures: %s:%ld: malformed record skipped\n", split, lineno);
            bad++;
            continue;
        }
        dyad_article art;
        memset(&art, 0, sizeof art);
        art.id = f[id_col];
        art.date = art.source = art.title = art.url = "";
        art.text = f[text_col];
        art.text_len = strlen(f[text_col]);
        art.file = split;
        art.line = lineno;
        dyad_doc *doc = NULL;
        if (dyad_code(ctx, &art, &doc, &err) != DYAD_OK) {
            fprintf(stderr, "score_figures: %s\n", dyad_error_format(&err, eb, sizeof eb));
            bad++;
            continue;
        }
        long pk = count_kind(doc, DYAD_FIG_KILLED), pi = count_kind(doc, DYAD_FIG_INJURED);
        dyad_doc_free(doc);
        n++;
        tally_add(&dyad, pk, pi, gk, gi);
        tally_add(&zero, 0, 0, gk, gi);
        tally_add(&one, 1, 1, gk, gi);
        if (verbose)
            printf("%s\tkilled %ld/%ld\tinjured %ld/%ld%s\n", art.id, pk, gk, pi, gi,
                   pk == gk && pi == gi ? "" : "\tMISS");
    }
    free(line);
    fclose(in);
    dyad_ctx_free(ctx);
    if (n == 0) {
        fprintf(stderr, "score_figures: %s: no articles scored\n", split);
        return 1;
    }
    printf("SUMMARY articles=%ld skipped=%ld", n, bad);
    tally_print(&dyad, n);
    printf("\nBASELINE always-0");
    tally_print(&zero, n);
    printf("\nBASELINE always-1");
    tally_print(&one, n);
    putchar('\n');
    return 0;
}
