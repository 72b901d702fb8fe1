/* score_penta.c -- scores Dyad's event codes on the ConfliBERT CAMEO
 * sentence sets ("sentence<TAB>label", label 0..4 the CAMEO penta-class:
 * 0 statement (roots 01-02), 1 verbal cooperation (03-05), 2 material
 * cooperation (06-08), 3 verbal conflict (09-13, 16), 4 material conflict
 * (14-15, 17-20)). Each sentence is coded on its own; Dyad's class is the
 * class of the sentence's first event, or none when it has no event.
 *
 *   score_penta [-v] SPLIT.tsv DICT...
 *
 * Prints, with -v, a line per sentence (line, gold, predicted or -), then
 * one summary line:
 *   SUMMARY sentences=N skipped=N coded=N coverage=x accuracy=y
 *           coded_accuracy=z macro_f1=w
 * accuracy counts a sentence without an event as wrong; coded_accuracy is
 * over coded sentences only; macro_f1 averages the five classes' F1. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dyad.h"
#include "score_common.h"

#define NCLASS 5

/* The penta-class of a CAMEO root ("04"), -1 for none. */
static int penta(const char *root) {
    if (!root || root[0] < '0' || root[0] > '2' || root[1] < '0' || root[1] > '9') return -1;
    int r = (root[0] - '0') * 10 + (root[1] - '0');
    if (r >= 1 && r <= 2) return 0;
    if (r >= 3 && r <= 5) return 1;
    if (r >= 6 && r <= 8) return 2;
    if ((r >= 9 && r <= 13) || r == 16) return 3;
    if ((r >= 14 && r <= 15) || (r >= 17 && r <= 20)) return 4;
    return -1;
}

/* Splits "text<TAB>label"; returns the label 0..4, -1 if malformed. */
static int parse_line(char *line, char **text) {
    char *tab = strrchr(line, '\t');
    if (!tab || tab == line) return -1;
    *tab = '\0';
    char *end;
    long l = strtol(tab + 1, &end, 10);
    if (end == tab + 1 || *end || l < 0 || l >= NCLASS) return -1;
    *text = line;
    return (int)l;
}

int main(int argc, char **argv) {
    int verbose;
    const char *split;
    dyad_ctx *ctx;
    int rc = score_start(argc, argv, "score_penta", "SPLIT.tsv", &verbose, &split, &ctx);
    if (rc) return rc;
    dyad_error err;
    char eb[1024];
    FILE *in = fopen(split, "r");
    if (!in) {
        fprintf(stderr, "score_penta: %s: cannot open\n", split);
        dyad_ctx_free(ctx);
        return 1;
    }
    char *line = NULL;
    size_t cap = 0;
    long lineno = 0, n = 0, bad = 0, coded = 0, right = 0;
    long tp[NCLASS] = {0}, gold_n[NCLASS] = {0}, pred_n[NCLASS] = {0};
    while (getline(&line, &cap, in) > 0) {
        lineno++;
        line[strcspn(line, "\r\n")] = '\0';
        if (!line[0]) continue;
        char *text;
        int gold = parse_line(line, &text);
        if (gold < 0) {
            fprintf(stderr, "score_penta: %s:%ld: malformed record skipped (want text, a tab, a label 0-4)\n",
                    split, lineno);
            bad++;
            continue;
        }
        char id[32];
        snprintf(id, sizeof id, "%ld", lineno);
        dyad_article art = {id, "", "", "", "", text, strlen(text), split, lineno, 1};
        dyad_doc *doc = NULL;
        if (dyad_code(ctx, &art, &doc, &err) != DYAD_OK) {
            fprintf(stderr, "score_penta: %s\n", dyad_error_format(&err, eb, sizeof eb));
            bad++;
            continue;
        }
        int pred = -1;
        for (size_t i = 0; i < dyad_doc_nevents(doc) && pred < 0; i++)
            pred = penta(dyad_doc_event(doc, i)->root);
        dyad_doc_free(doc);
        n++;
        gold_n[gold]++;
        if (pred >= 0) {
            coded++;
            pred_n[pred]++;
            if (pred == gold) {
                right++;
                tp[gold]++;
            }
        }
        if (verbose) {
            if (pred >= 0) printf("%ld\t%d\t%d\n", lineno, gold, pred);
            else printf("%ld\t%d\t-\n", lineno, gold);
        }
    }
    free(line);
    fclose(in);
    dyad_ctx_free(ctx);
    if (n == 0) {
        fprintf(stderr, "score_penta: %s: no sentences scored\n", split);
        return 1;
    }
    double f1sum = 0;
    for (int c = 0; c < NCLASS; c++) {
        double p = pred_n[c] ? (double)tp[c] / pred_n[c] : 0, r = gold_n[c] ? (double)tp[c] / gold_n[c] : 0;
        f1sum += p + r > 0 ? 2 * p * r / (p + r) : 0;
    }
    printf("SUMMARY sentences=%ld skipped=%ld coded=%ld coverage=%.3f accuracy=%.3f coded_accuracy=%.3f "
           "macro_f1=%.3f\n",
           n, bad, coded, (double)coded / n, (double)right / n, coded ? (double)right / coded : 0,
           f1sum / NCLASS);
    return 0;
}
