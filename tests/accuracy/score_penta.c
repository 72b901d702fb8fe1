/* score_penta.c -- scores Dyad's event codes on the ConfliBERT CAMEO
 * sentence sets ("sentence<TAB>label", label 0..4 the CAMEO penta-class:
 * 0 statement (roots 01-02), 1 verbal cooperation (03-05), 2 material
 * cooperation (06-08), 3 verbal conflict (09-13, 16), 4 material conflict
 * (14-15, 17-20)). Each sentence is coded on its own; Dyad's class is the
 * class of the sentence's first event, or none when it has no event.
 *
 *   score_penta [-v] [--manual FILE] [--train FILE] SPLIT.tsv DICT...
 *
 * Prints, with -v, a line per sentence (line, gold, predicted or -), then
 * one summary line:
 *   SUMMARY sentences=N skipped=N coded=N coverage=x accuracy=y
 *           coded_accuracy=z macro_f1=w
 * accuracy counts a sentence without an event as wrong; coded_accuracy is
 * over coded sentences only; macro_f1 averages the five classes' F1.
 * skipped counts the records of SPLIT left out (malformed, or not coded
 * for an error), each named file:line on stderr.
 *
 * --manual FILE (PLOVER_GSR_CAMEO.json, a JSON array of records with a
 * "text"): a scored sentence is "manual" when its normalised text equals
 * a manual example's (case folded, white space collapsed, typographic
 * quotes and apostrophes folded to ASCII, trailing ASCII punctuation and
 * space ignored), "other" when not. After SUMMARY come Dyad's figures on
 * each part, with the same keys (skipped is the whole file's on every
 * line):
 *   SUBSET manual sentences=N skipped=N coded=N ... macro_f1=w
 *   SUBSET other sentences=N skipped=N coded=N ... macro_f1=w
 *
 * --train FILE (a split in the same TSV format; its malformed records
 * are named on stderr and left out): trivial baselines fitted on FILE,
 * scored on exactly the sentences Dyad is scored on, with the same
 * figures (they always predict: coverage 1, coded_accuracy = accuracy):
 *   majority-class  the most frequent label of FILE (ties: the lowest)
 *   naive-bayes     multinomial naive Bayes over lower-cased word tokens
 *                   (runs of letters, marks and digits), Laplace
 *                   smoothing, log probabilities; words unseen in FILE
 *                   are ignored; ties go to the lowest label
 * One line per baseline on all sentences, then, with --manual, one per
 * baseline and part; the part is the key subset= right after the name,
 * absent on the all-sentence line; in_sample is appended to every line:
 *   BASELINE NAME sentences=N ... macro_f1=w in_sample=0|1
 *   BASELINE NAME subset=manual|other sentences=N ... macro_f1=w in_sample=0|1
 * in_sample=1 when FILE is the scored split itself (the same file) or
 * when any scored sentence's normalised text is among FILE's: the
 * baseline has then seen (some of) the sentences it is scored on. */
#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include <json-c/json.h>
#include <utf8proc.h>

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

/* A split being read record by record. */
typedef struct tsv_reader {
    const char *path;
    FILE *in;
    char *line;
    size_t cap;
    long lineno;
} tsv_reader;

/* Opens path into r; 0, else -1 after a message. */
static int tsv_open(tsv_reader *r, const char *path) {
    memset(r, 0, sizeof *r);
    r->path = path;
    r->in = fopen(path, "r");
    if (r->in) return 0;
    fprintf(stderr, "score_penta: %s: cannot open\n", path);
    return -1;
}

/* The label 0..4 of r's next record, *text its sentence (in r's line
 * buffer, valid until the next call), or -1 at the end. Blank lines are
 * passed over; a malformed record is named file:line on stderr, counted in
 * *bad and skipped. */
static int tsv_next(tsv_reader *r, char **text, long *bad) {
    while (getline(&r->line, &r->cap, r->in) > 0) {
        r->lineno++;
        r->line[strcspn(r->line, "\r\n")] = '\0';
        if (!r->line[0]) continue;
        int label = parse_line(r->line, text);
        if (label >= 0) return label;
        fprintf(stderr,
                "score_penta: %s:%ld: malformed record skipped (want text, a tab, a label 0-4)\n",
                r->path, r->lineno);
        (*bad)++;
    }
    return -1;
}

static void tsv_close(tsv_reader *r) {
    free(r->line);
    fclose(r->in);
}

/* The next code point of s[0..len) into *c; its length in bytes (at least
 * 1: a byte that is not UTF-8 is taken as U+FFFD). */
static size_t next_cp(const char *s, size_t len, utf8proc_int32_t *c) {
    utf8proc_ssize_t k = utf8proc_iterate((const utf8proc_uint8_t *)s, (utf8proc_ssize_t)len, c);
    if (k <= 0) {
        *c = 0xFFFD;
        return 1;
    }
    return (size_t)k;
}

/* A typographic quote or apostrophe folded to ASCII, else c. */
static utf8proc_int32_t fold_quote(utf8proc_int32_t c) {
    switch (c) {
    case 0x2018:
    case 0x2019:
    case 0x201A:
    case 0x201B:
    case 0x2032:
    case 0x02BC:
    case 0x0060:
    case 0x00B4: return '\'';
    case 0x201C:
    case 0x201D:
    case 0x201E:
    case 0x201F:
    case 0x2033:
    case 0x00AB:
    case 0x00BB: return '"';
    default: return c;
    }
}

static int is_space(utf8proc_int32_t c) {
    return c == ' ' || (c >= '\t' && c <= '\r') || utf8proc_category(c) == UTF8PROC_CATEGORY_ZS;
}

/* The normalised form of text, for comparing sentences (see the top
 * comment); malloc'd, NULL when out of memory. */
static char *normalise(const char *text) {
    size_t len = strlen(text), o = 0;
    char *out = malloc(4 * len + 1);
    if (!out) return NULL;
    int pending = 0;
    for (size_t i = 0; i < len;) {
        utf8proc_int32_t c;
        i += next_cp(text + i, len - i, &c);
        if (is_space(c)) {
            pending = o > 0;
            continue;
        }
        if (pending) out[o++] = ' ';
        pending = 0;
        o += (size_t)utf8proc_encode_char(utf8proc_tolower(fold_quote(c)), (utf8proc_uint8_t *)out + o);
    }
    while (o > 0 && (out[o - 1] == ' ' || ispunct((unsigned char)out[o - 1]))) o--;
    out[o] = '\0';
    return out;
}

/* A sorted set of strings. */
typedef struct strset {
    char **s;
    size_t n, cap;
} strset;

static int strset_add(strset *set, char *str) {
    if (set->n == set->cap) {
        size_t cap = set->cap ? 2 * set->cap : 256;
        char **s = realloc(set->s, cap * sizeof *s);
        if (!s) return -1;
        set->s = s;
        set->cap = cap;
    }
    set->s[set->n++] = str;
    return 0;
}

static int cmp_str(const void *a, const void *b) { return strcmp(*(char *const *)a, *(char *const *)b); }

static void strset_sort(strset *set) {
    if (set->n) qsort(set->s, set->n, sizeof *set->s, cmp_str);
}

static int strset_has(const strset *set, const char *str) {
    return set->n && bsearch(&str, set->s, set->n, sizeof *set->s, cmp_str) != NULL;
}

static void strset_free(strset *set) {
    for (size_t k = 0; k < set->n; k++) free(set->s[k]);
    free(set->s);
}

/* Reads the manual examples of path (a JSON array of records with a
 * "text") into set, normalised; 0, else -1 after a message. */
static int load_manual(const char *path, strset *set) {
    json_object *root = json_object_from_file(path);
    if (!root || !json_object_is_type(root, json_type_array)) {
        const char *why = root ? "not an array" : json_util_get_last_err();
        int wl = why ? (int)strcspn(why, "\n") : 0;
        fprintf(stderr, "score_penta: %s: not a JSON array of records (%.*s)\n", path, wl,
                why ? why : "");
        json_object_put(root);
        return -1;
    }
    size_t n = json_object_array_length(root);
    for (size_t k = 0; k < n; k++) {
        json_object *rec = json_object_array_get_idx(root, k), *text;
        if (!json_object_is_type(rec, json_type_object) ||
            !json_object_object_get_ex(rec, "text", &text) ||
            !json_object_is_type(text, json_type_string))
            continue; /* the DOCUMENT header has no text */
        char *norm = normalise(json_object_get_string(text));
        if (!norm || strset_add(set, norm)) {
            free(norm);
            json_object_put(root);
            fprintf(stderr, "score_penta: out of memory\n");
            return -1;
        }
    }
    json_object_put(root);
    if (!set->n) {
        fprintf(stderr, "score_penta: %s: no record with a \"text\"\n", path);
        return -1;
    }
    strset_sort(set);
    return 0;
}

/* Naive Bayes: the vocabulary of the training split, an open-addressing
 * hash table of words and their counts per class. */
typedef struct word {
    char *w;
    long cnt[NCLASS];
} word;

typedef struct nbayes {
    word *tab;
    size_t cap, nwords;
    long docs[NCLASS], tokens[NCLASS], ndocs;
} nbayes;

static size_t hash(const char *s, size_t len) {
    size_t h = 14695981039346656037u;
    for (size_t k = 0; k < len; k++) h = (h ^ (unsigned char)s[k]) * 1099511628211u;
    return h;
}

/* The slot of word w[0..len): its entry, or the empty slot for it. */
static word *nb_slot(const nbayes *nb, const char *w, size_t len) {
    size_t k = hash(w, len) & (nb->cap - 1);
    while (nb->tab[k].w && !(strlen(nb->tab[k].w) == len && !memcmp(nb->tab[k].w, w, len)))
        k = (k + 1) & (nb->cap - 1);
    return &nb->tab[k];
}

static int nb_grow(nbayes *nb) {
    size_t cap = nb->cap ? 2 * nb->cap : 4096;
    word *tab = calloc(cap, sizeof *tab), *old = nb->tab;
    if (!tab) return -1;
    size_t oldcap = nb->cap;
    nb->tab = tab;
    nb->cap = cap;
    for (size_t k = 0; k < oldcap; k++)
        if (old[k].w) *nb_slot(nb, old[k].w, strlen(old[k].w)) = old[k];
    free(old);
    return 0;
}

/* Calls fn(ud, word, len) for each lower-cased word token of text (a run
 * of letters, marks and digits); stops and returns -1 when fn does. */
static int each_word(const char *text, int (*fn)(void *, const char *, size_t), void *ud) {
    size_t len = strlen(text);
    char *buf = malloc(4 * len + 1);
    if (!buf) return -1;
    size_t o = 0;
    int rc = 0;
    for (size_t i = 0; i <= len && !rc;) {
        utf8proc_int32_t c = 0;
        int wordch = 0;
        if (i < len) {
            i += next_cp(text + i, len - i, &c);
            utf8proc_category_t cat = utf8proc_category(c);
            wordch = cat >= UTF8PROC_CATEGORY_LU && cat <= UTF8PROC_CATEGORY_NO;
        } else {
            i++;
        }
        if (wordch) {
            o += (size_t)utf8proc_encode_char(utf8proc_tolower(c), (utf8proc_uint8_t *)buf + o);
        } else if (o) {
            rc = fn(ud, buf, o);
            o = 0;
        }
    }
    free(buf);
    return rc;
}

typedef struct nb_add_ud {
    nbayes *nb;
    int label;
} nb_add_ud;

static int nb_add_word(void *ud, const char *w, size_t len) {
    nb_add_ud *a = ud;
    nbayes *nb = a->nb;
    if (2 * (nb->nwords + 1) > nb->cap && nb_grow(nb)) return -1;
    word *e = nb_slot(nb, w, len);
    if (!e->w) {
        if (!(e->w = malloc(len + 1))) return -1;
        memcpy(e->w, w, len);
        e->w[len] = '\0';
        nb->nwords++;
    }
    e->cnt[a->label]++;
    nb->tokens[a->label]++;
    return 0;
}

static int nb_train(nbayes *nb, const char *text, int label) {
    nb_add_ud a = {nb, label};
    nb->docs[label]++;
    nb->ndocs++;
    return each_word(text, nb_add_word, &a);
}

typedef struct nb_score_ud {
    const nbayes *nb;
    double score[NCLASS];
} nb_score_ud;

static int nb_score_word(void *ud, const char *w, size_t len) {
    nb_score_ud *a = ud;
    const nbayes *nb = a->nb;
    const word *e = nb_slot(nb, w, len);
    if (!e->w) return 0; /* not in the vocabulary */
    for (int c = 0; c < NCLASS; c++)
        a->score[c] += log((e->cnt[c] + 1.0) / ((double)nb->tokens[c] + (double)nb->nwords));
    return 0;
}

/* The most probable class of text; -1 when out of memory. */
static int nb_predict(const nbayes *nb, const char *text) {
    nb_score_ud a;
    a.nb = nb;
    for (int c = 0; c < NCLASS; c++)
        a.score[c] = nb->docs[c] ? log((double)nb->docs[c] / nb->ndocs) : -HUGE_VAL;
    if (each_word(text, nb_score_word, &a)) return -1;
    int best = 0;
    for (int c = 1; c < NCLASS; c++)
        if (a.score[c] > a.score[best]) best = c;
    return best;
}

static void nb_free(nbayes *nb) {
    for (size_t k = 0; k < nb->cap; k++) free(nb->tab[k].w);
    free(nb->tab);
}

/* Reads the training split path: fits nb, counts its labels into
 * majority's argmax, keeps its normalised texts in texts. 0, else -1
 * after a message. */
static int load_train(const char *path, nbayes *nb, int *majority, strset *texts) {
    tsv_reader r;
    if (tsv_open(&r, path)) return -1;
    char *text;
    long bad = 0;
    int rc = 0, label;
    while (!rc && (label = tsv_next(&r, &text, &bad)) >= 0) {
        char *norm = normalise(text);
        if (!norm || strset_add(texts, norm) || nb_train(nb, text, label)) {
            if (norm && (!texts->n || texts->s[texts->n - 1] != norm)) free(norm);
            fprintf(stderr, "score_penta: out of memory\n");
            rc = -1;
        }
    }
    tsv_close(&r);
    if (rc) return rc;
    if (!nb->ndocs) {
        fprintf(stderr, "score_penta: %s: no training records\n", path);
        return -1;
    }
    strset_sort(texts);
    *majority = 0;
    for (int c = 1; c < NCLASS; c++)
        if (nb->docs[c] > nb->docs[*majority]) *majority = c;
    return 0;
}

/* The counts behind the figures of one predictor on one set of sentences. */
typedef struct counts {
    long n, coded, right, tp[NCLASS], gold_n[NCLASS], pred_n[NCLASS];
} counts;

static void count(counts *k, int gold, int pred) {
    k->n++;
    k->gold_n[gold]++;
    if (pred < 0) return;
    k->coded++;
    k->pred_n[pred]++;
    if (pred == gold) {
        k->right++;
        k->tp[gold]++;
    }
}

/* "sentences=N skipped=N ... macro_f1=w", without a newline. */
static void print_figures(const counts *k, long bad) {
    double f1sum = 0;
    for (int c = 0; c < NCLASS; c++) {
        double p = k->pred_n[c] ? (double)k->tp[c] / k->pred_n[c] : 0,
               r = k->gold_n[c] ? (double)k->tp[c] / k->gold_n[c] : 0;
        f1sum += p + r > 0 ? 2 * p * r / (p + r) : 0;
    }
    printf("sentences=%ld skipped=%ld coded=%ld coverage=%.3f accuracy=%.3f coded_accuracy=%.3f "
           "macro_f1=%.3f",
           k->n, bad, k->coded, k->n ? (double)k->coded / k->n : 0, k->n ? (double)k->right / k->n : 0,
           k->coded ? (double)k->right / k->coded : 0, f1sum / NCLASS);
}

enum { ALL, MANUAL, OTHER, NPART };
static const char *const part_name[NPART] = {"all", "manual", "other"};
enum { B_MAJORITY, B_NBAYES, NBASE };
static const char *const base_name[NBASE] = {"majority-class", "naive-bayes"};

static int usage(void) {
    fprintf(stderr, "usage: score_penta [-v] [--manual FILE] [--train FILE] SPLIT.tsv DICT...\n");
    return 2;
}

int main(int argc, char **argv) {
    int verbose = 0;
    const char *manual_path = NULL, *train_path = NULL;
    int a = 1;
    while (a < argc && argv[a][0] == '-') {
        if (!strcmp(argv[a], "-v")) {
            verbose = 1;
            a++;
        } else if ((!strcmp(argv[a], "--manual") || !strcmp(argv[a], "--train")) && a + 1 < argc) {
            *(argv[a][2] == 'm' ? &manual_path : &train_path) = argv[a + 1];
            a += 2;
        } else if (!strcmp(argv[a], "--")) {
            a++;
            break;
        } else {
            return usage();
        }
    }
    /* the rest is "SPLIT DICT...", argv[a - 1] standing for the tool */
    int v;
    const char *split;
    dyad_ctx *ctx;
    int rc = score_start(argc - a + 1, argv + a - 1, "score_penta",
                         "[--manual FILE] [--train FILE] SPLIT.tsv", &v, &split, &ctx);
    if (rc) return rc;
    verbose |= v;
    strset manual = {0}, train_texts = {0};
    nbayes nb;
    memset(&nb, 0, sizeof nb);
    int majority = 0, in_sample = 0;
    if ((manual_path && load_manual(manual_path, &manual)) ||
        (train_path && load_train(train_path, &nb, &majority, &train_texts))) {
        rc = 1;
        goto done;
    }
    if (train_path) {
        struct stat s1, s2;
        in_sample = stat(train_path, &s1) == 0 && stat(split, &s2) == 0 && s1.st_dev == s2.st_dev &&
                    s1.st_ino == s2.st_ino;
    }
    dyad_error err;
    char eb[1024];
    tsv_reader rd;
    if (tsv_open(&rd, split)) {
        rc = 1;
        goto done;
    }
    long bad = 0;
    counts dy[NPART], base[NBASE][NPART];
    memset(dy, 0, sizeof dy);
    memset(base, 0, sizeof base);
    char *text;
    int gold;
    while ((gold = tsv_next(&rd, &text, &bad)) >= 0) {
        long lineno = rd.lineno;
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
        int part = OTHER;
        if (manual_path || train_path) {
            char *norm = normalise(text);
            if (!norm) {
                fprintf(stderr, "score_penta: out of memory\n");
                rc = 1;
                break;
            }
            if (strset_has(&manual, norm)) part = MANUAL;
            if (strset_has(&train_texts, norm)) in_sample = 1;
            free(norm);
        }
        count(&dy[ALL], gold, pred);
        count(&dy[part], gold, pred);
        if (train_path) {
            int bp[NBASE] = {majority, nb_predict(&nb, text)};
            for (int b = 0; b < NBASE; b++) {
                count(&base[b][ALL], gold, bp[b]);
                count(&base[b][part], gold, bp[b]);
            }
        }
        if (verbose) {
            if (pred >= 0)
                printf("%ld\t%d\t%d\n", lineno, gold, pred);
            else
                printf("%ld\t%d\t-\n", lineno, gold);
        }
    }
    tsv_close(&rd);
    if (rc) goto done;
    if (dy[ALL].n == 0) {
        fprintf(stderr, "score_penta: %s: no sentences scored\n", split);
        rc = 1;
        goto done;
    }
    printf("SUMMARY ");
    print_figures(&dy[ALL], bad);
    printf("\n");
    for (int p = MANUAL; manual_path && p < NPART; p++) {
        printf("SUBSET %s ", part_name[p]);
        print_figures(&dy[p], bad);
        printf("\n");
    }
    for (int b = 0; train_path && b < NBASE; b++)
        for (int p = ALL; p < (manual_path ? NPART : MANUAL); p++) {
            printf("BASELINE %s ", base_name[b]);
            if (p != ALL) printf("subset=%s ", part_name[p]);
            print_figures(&base[b][p], bad);
            printf(" in_sample=%d\n", in_sample);
        }
done:
    strset_free(&manual);
    strset_free(&train_texts);
    nb_free(&nb);
    dyad_ctx_free(ctx);
    return rc;
}
