/* score_dups.c -- scores finding copies of one story (near-duplicates) the
 * way the stores find them (minhash.c: candidates by band, then the share
 * of equal slots), beside two baselines: the same text exactly (the text
 * hash), and the same first 200 characters.
 *
 * Input (FILE, argv[1]): JSON Lines {"id", "story", "text"}; articles of one story
 * are copies. Every pair of articles is judged: a pair found is right when
 * both are of one story. Prints "SUMMARY pairs=.. tp fp fn P R F1", a
 * BASELINE line of each baseline, and "ALSO different-reports" with how
 * many of the pairs wrongly found share less than 0.3 of their shingles
 * (exactly: two reports of one event, not two copies). argv[2] sets the
 * least similarity (default MINHASH_NEAR, what the stores use). */
#include <json-c/json.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "minhash.h"

typedef struct doc {
    char *story, *text;
    size_t len, words;
    uint32_t sig[MINHASH_N];
    uint64_t *sh; /* the hashes of its shingles, sorted, unique */
    size_t nsh;
} doc;

static int cmp_u64(const void *a, const void *b) {
    uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
    return (x > y) - (x < y);
}

/* The exact shingle set of a text (64-bit hashes of three lower-case
 * words), independent of minhash.c. */
static int wordc(unsigned char c) {
    return c >= 0x80 || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

static void shingle_set(doc *x) {
    x->sh = malloc((x->len / 2 + 1) * sizeof *x->sh);
    x->nsh = 0;
    uint64_t w[3] = {0, 0, 0};
    size_t nw = 0, i = 0;
    const unsigned char *s = (const unsigned char *)x->text;
    while (x->sh && i < x->len) {
        while (i < x->len && !wordc(s[i])) i++;
        if (i >= x->len) break;
        uint64_t h = 1099511628211ULL;
        for (; i < x->len && wordc(s[i]); i++)
            h = (h ^ (s[i] >= 'A' && s[i] <= 'Z' ? s[i] + 32u : s[i])) * 0x100000001b3ULL;
        w[0] = w[1], w[1] = w[2], w[2] = h;
        if (++nw >= 3) x->sh[x->nsh++] = w[0] * 31 * 31 + w[1] * 31 + w[2];
    }
    if (!x->sh) return;
    qsort(x->sh, x->nsh, sizeof *x->sh, cmp_u64);
    size_t k = 0;
    for (size_t j = 0; j < x->nsh; j++)
        if (!k || x->sh[j] != x->sh[k - 1]) x->sh[k++] = x->sh[j];
    x->nsh = k;
}

static double jaccard(const doc *a, const doc *b) {
    size_t i = 0, j = 0, both = 0;
    while (i < a->nsh && j < b->nsh) {
        if (a->sh[i] == b->sh[j])
            both++, i++, j++;
        else if (a->sh[i] < b->sh[j])
            i++;
        else
            j++;
    }
    size_t any = a->nsh + b->nsh - both;
    return any ? (double)both / (double)any : 0;
}

typedef struct score {
    long tp, fp, fn;
} score;

static void print(const char *head, const char *name, const score *s, long pairs) {
    double p = s->tp + s->fp ? (double)s->tp / (double)(s->tp + s->fp) : 0;
    double r = s->tp + s->fn ? (double)s->tp / (double)(s->tp + s->fn) : 0;
    printf("%s%s pairs=%ld tp=%ld fp=%ld fn=%ld P=%.3f R=%.3f F1=%.3f\n", head, name, pairs, s->tp,
           s->fp, s->fn, p, r, p + r ? 2 * p * r / (p + r) : 0);
}

static void judge(score *s, int same, int found) {
    if (found && same) s->tp++;
    if (found && !same) s->fp++;
    if (!found && same) s->fn++;
}

int main(int argc, char **argv) {
    if (argc < 2) {
        fputs("usage: score_dups FILE.jsonl [LEAST_SIMILARITY]\n", stderr);
        return 2;
    }
    double near_at = argc > 2 ? atof(argv[2]) : MINHASH_NEAR;
    FILE *in = fopen(argv[1], "r");
    if (!in) {
        fprintf(stderr, "score_dups: %s: cannot open\n", argv[1]);
        return 1;
    }
    size_t n = 0, cap = 0;
    doc *d = NULL;
    char *line = NULL;
    size_t lcap = 0;
    long lineno = 0;
    while (getline(&line, &lcap, in) > 0) {
        lineno++;
        json_object *o = json_tokener_parse(line), *st, *tx;
        if (!o || !json_object_object_get_ex(o, "story", &st) ||
            !json_object_object_get_ex(o, "text", &tx)) {
            fprintf(stderr, "score_dups: %s:%ld: want {\"story\", \"text\"}; skipped\n", argv[1],
                    lineno);
            json_object_put(o);
            continue;
        }
        if (n == cap) {
            cap = cap ? 2 * cap : 256;
            d = realloc(d, cap * sizeof *d);
            if (!d) return 1;
        }
        doc *x = &d[n++];
        x->story = strdup(json_object_get_string(st));
        x->text = strdup(json_object_get_string(tx));
        x->len = strlen(x->text);
        x->words = minhash(x->text, x->len, x->sig);
        shingle_set(x);
        json_object_put(o);
    }
    free(line);
    fclose(in);
    score mh = {0}, exact = {0}, prefix = {0};
    long pairs = 0, other = 0;
    for (size_t i = 0; i < n; i++)
        for (size_t j = i + 1; j < n; j++) {
            pairs++;
            int same = !strcmp(d[i].story, d[j].story);
            int band = 0;
            for (int k = 0; k < MINHASH_BANDS && !band; k++)
                band = minhash_band(d[i].sig, k) == minhash_band(d[j].sig, k);
            int near = band && d[i].words >= MINHASH_MIN_WORDS && d[j].words >= MINHASH_MIN_WORDS &&
                       minhash_similarity(d[i].sig, d[j].sig) >= near_at;
            judge(&mh, same, near);
            if (near && !same && jaccard(&d[i], &d[j]) < 0.3) other++;
            judge(&exact, same, d[i].len == d[j].len && !memcmp(d[i].text, d[j].text, d[i].len));
            size_t k = d[i].len < 200 || d[j].len < 200 ? 0 : 200;
            judge(&prefix, same, k && !memcmp(d[i].text, d[j].text, k));
        }
    print("SUMMARY", "", &mh, pairs);
    print("BASELINE ", "same-text", &exact, pairs);
    print("BASELINE ", "same-first-200-characters", &prefix, pairs);
    printf("ALSO different-reports merged=%ld of fp=%ld\n", other, mh.fp);
    for (size_t i = 0; i < n; i++) free(d[i].story), free(d[i].text), free(d[i].sh);
    free(d);
    return 0;
}
