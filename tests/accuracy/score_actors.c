/* score_actors.c -- scores who Dyad's events name, two ways.
 *
 *   score_actors [-v] --plover RECORDS.json DICT...
 *
 * PLOVER's gold-standard records (a JSON array; each record a "text" and
 * "source" and "target" lists of {"code": ISO alpha-3, IGO, NGO...}; a
 * record with no "source" list is left out) coded one sentence each with
 * DICT, events of the default confidence. A record's source is right when
 * one event's source begins with one of the gold source codes, its target
 * likewise (over records with a gold target list), its dyad when one
 * event has both; coverage is the share of records with an event. Prints,
 * with -v, a line per record (id, gold, Dyad's events), then
 *   SUMMARY records=N coverage=x source_acc=y target_acc=z dyad_acc=w
 *           coded_source_acc=y' coded_target_acc=z'
 *   BASELINE majority-code records=N coverage=1 source_acc=... in_sample=1
 * the baseline giving every record the most frequent gold source code and
 * the most frequent gold target code of the records themselves.
 *
 *   score_actors [-v] --realnews GOLD.jsonl DYAD.jsonl
 *
 * realnews-dev's gold events against Dyad's JSON Lines, paired one to one
 * on (article, first three letters of source and target, code root) as
 * its score.py pairs them (within a key, pairs that agree on both roles
 * first, as score.py's agree on dates); over the matched pairs whose gold
 * names a role,
 * the share where Dyad's code has the same role after the country (USAGOV:
 * GOV), for the source and for the target:
 *   SUMMARY matched=N source_roles=N source_role_acc=x target_roles=N
 *           target_role_acc=y
 *   BASELINE government-role ... source_role_acc=x' target_role_acc=y'
 * the baseline giving every actor the role GOV. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <json-c/json.h>

#include "dyad.h"
#include "score_common.h"

#define MAX_CODES 8
#define MAX_EVENTS 64

typedef struct codes {
    char v[MAX_CODES][4];
    int n;
} codes;

/* The three-letter codes of a gold "source" or "target" list into c; 0
 * when the field is no list of objects with a code. */
static int read_codes(json_object *rec, const char *field, codes *c) {
    json_object *list;
    c->n = 0;
    if (!json_object_object_get_ex(rec, field, &list) || !json_object_is_type(list, json_type_array))
        return 0;
    for (size_t k = 0; k < json_object_array_length(list) && c->n < MAX_CODES; k++) {
        json_object *a = json_object_array_get_idx(list, k), *code;
        if (!json_object_is_type(a, json_type_object) || !json_object_object_get_ex(a, "code", &code) ||
            !json_object_is_type(code, json_type_string) || strlen(json_object_get_string(code)) < 3)
            continue;
        memcpy(c->v[c->n], json_object_get_string(code), 3);
        c->v[c->n++][3] = '\0';
    }
    return c->n > 0;
}

static int has_code(const codes *c, const char *code) {
    for (int k = 0; k < c->n; k++)
        if (code && !strncmp(code, c->v[k], 3)) return 1;
    return 0;
}

/* The most frequent code of the n lists g (ties: the first seen). */
static const char *majority(const codes *g, const int *have, size_t n) {
    static char best[4];
    size_t most = 0;
    best[0] = '\0';
    for (size_t r = 0; r < n; r++)
        for (int k = 0; have[r] && k < g[r].n; k++) {
            size_t c = 0;
            for (size_t q = 0; q < n; q++) c += have[q] && has_code(&g[q], g[r].v[k]);
            if (c > most) {
                most = c;
                memcpy(best, g[r].v[k], 4);
            }
        }
    return best;
}

static int plover(int verbose, const char *path, dyad_ctx *ctx) {
    json_object *root = json_object_from_file(path);
    if (!root || !json_object_is_type(root, json_type_array)) {
        fprintf(stderr, "score_actors: %s: not a JSON array\n", path);
        json_object_put(root);
        return 1;
    }
    size_t n = json_object_array_length(root);
    codes *gs = calloc(n ? n : 1, sizeof *gs), *gt = calloc(n ? n : 1, sizeof *gt);
    int *hs = calloc(n ? n : 1, sizeof *hs), *ht = calloc(n ? n : 1, sizeof *ht);
    if (!gs || !gt || !hs || !ht) {
        fprintf(stderr, "score_actors: out of memory\n");
        free(gs), free(gt), free(hs), free(ht);
        json_object_put(root);
        return 1;
    }
    size_t recs = 0, coded = 0, src_ok = 0, tgts = 0, tgt_ok = 0, dyad_ok = 0;
    size_t coded_src_ok = 0, coded_tgts = 0, coded_tgt_ok = 0;
    for (size_t r = 0; r < n; r++) {
        json_object *rec = json_object_array_get_idx(root, r), *text, *id;
        if (!json_object_is_type(rec, json_type_object) ||
            !json_object_object_get_ex(rec, "text", &text) ||
            !json_object_is_type(text, json_type_string) || !(hs[r] = read_codes(rec, "source", &gs[r])))
            continue;
        ht[r] = read_codes(rec, "target", &gt[r]);
        const char *t = json_object_get_string(text);
        const char *rid = json_object_object_get_ex(rec, "id", &id) ? json_object_get_string(id) : "";
        dyad_doc *d = NULL;
        dyad_error err;
        if (score_code_sentence(ctx, rid, "2000-01-01", t, strlen(t), path, 0, &d, &err) != DYAD_OK) {
            char buf[512];
            fprintf(stderr, "score_actors: %s\n", dyad_error_format(&err, buf, sizeof buf));
            hs[r] = 0;
            continue;
        }
        dyad_doc_keep_confident(d, DYAD_MIN_CONFIDENCE);
        size_t ne = dyad_doc_nevents(d);
        int s = 0, g = 0, b = 0;
        for (size_t k = 0; k < ne; k++) {
            const dyad_event *e = dyad_doc_event(d, k);
            int es = has_code(&gs[r], e->source), et = ht[r] && has_code(&gt[r], e->target);
            s |= es;
            g |= et;
            b |= es && et;
        }
        recs++;
        coded += ne > 0;
        src_ok += s;
        coded_src_ok += ne > 0 && s;
        tgts += ht[r];
        tgt_ok += g;
        coded_tgts += ht[r] && ne > 0;
        coded_tgt_ok += ne > 0 && g;
        dyad_ok += b;
        if (verbose) {
            printf("%s\t%s\t", s ? "src" : "-", rid);
            for (int k = 0; k < gs[r].n; k++) printf("%s%s", k ? "," : "", gs[r].v[k]);
            printf("->");
            for (int k = 0; k < gt[r].n; k++) printf("%s%s", k ? "," : "", gt[r].v[k]);
            for (size_t k = 0; k < ne; k++) {
                const dyad_event *e = dyad_doc_event(d, k);
                printf("\t%s|%s|%s", e->source, e->target, e->code);
            }
            printf("\n");
        }
        dyad_doc_free(d);
    }
    printf("SUMMARY records=%zu coverage=%.3f source_acc=%.3f target_acc=%.3f dyad_acc=%.3f "
           "coded_source_acc=%.3f coded_target_acc=%.3f\n",
           recs, score_ratio(coded, recs), score_ratio(src_ok, recs), score_ratio(tgt_ok, tgts),
           score_ratio(dyad_ok, tgts), score_ratio(coded_src_ok, coded),
           score_ratio(coded_tgt_ok, coded_tgts));
    char ms[4], mt[4];
    memcpy(ms, majority(gs, hs, n), 4);
    memcpy(mt, majority(gt, ht, n), 4);
    size_t bs = 0, bt = 0, bb = 0;
    for (size_t r = 0; r < n; r++) {
        if (!hs[r]) continue;
        int s = has_code(&gs[r], ms), g = ht[r] && has_code(&gt[r], mt);
        bs += s;
        bt += g;
        bb += s && g;
    }
    printf("BASELINE majority-code records=%zu coverage=1.000 source_acc=%.3f target_acc=%.3f "
           "dyad_acc=%.3f coded_source_acc=%.3f coded_target_acc=%.3f in_sample=1\n",
           recs, score_ratio(bs, recs), score_ratio(bt, tgts), score_ratio(bb, tgts),
           score_ratio(bs, recs), score_ratio(bt, tgts));
    free(gs), free(gt), free(hs), free(ht);
    json_object_put(root);
    return 0;
}

/* One event of either side: its key fields, and whether it is paired. */
typedef struct rn_event {
    char article[64], src[16], tgt[16], root[3];
    char srole[4], trole[4]; /* the gold's roles, or Dyad's after the country */
    int used;
} rn_event;

typedef struct rn_vec {
    rn_event *v;
    size_t n, cap;
} rn_vec;

static const char *str_field(json_object *o, const char *k) {
    json_object *v;
    return json_object_object_get_ex(o, k, &v) && json_object_is_type(v, json_type_string)
               ? json_object_get_string(v)
               : "";
}

static void put(char *dst, size_t n, const char *s) { snprintf(dst, n, "%s", s ? s : ""); }

/* Reads the JSON Lines of path into out: gold events (gold != 0: source_country,
 * source_role, ..., cameo_code) or Dyad's (source, target, code; other
 * records skipped). Returns 0, -1 after a message. */
static int read_events(const char *path, int gold, rn_vec *out) {
    FILE *f = fopen(path, "r");
    if (!f) {
        fprintf(stderr, "score_actors: %s: cannot open\n", path);
        return -1;
    }
    char *line = NULL;
    size_t cap = 0, lineno = 0;
    while (getline(&line, &cap, f) > 0) {
        lineno++;
        json_object *o = json_tokener_parse(line);
        if (!o || !json_object_is_type(o, json_type_object)) {
            if (line[strspn(line, " \t\r\n")])
                fprintf(stderr, "score_actors: %s:%zu: malformed record skipped\n", path, lineno);
            json_object_put(o);
            continue;
        }
        rn_event e;
        memset(&e, 0, sizeof e);
        put(e.article, sizeof e.article, str_field(o, "article"));
        const char *code = gold ? str_field(o, "cameo_code") : str_field(o, "code");
        if (gold) {
            put(e.src, sizeof e.src, str_field(o, "source_country"));
            put(e.tgt, sizeof e.tgt, str_field(o, "target_country"));
            put(e.srole, sizeof e.srole, str_field(o, "source_role"));
            put(e.trole, sizeof e.trole, str_field(o, "target_role"));
        } else {
            const char *s = str_field(o, "source"), *t = str_field(o, "target");
            put(e.src, sizeof e.src, s);
            put(e.tgt, sizeof e.tgt, t);
            put(e.srole, sizeof e.srole, strlen(s) >= 6 ? s + 3 : "");
            put(e.trole, sizeof e.trole, strlen(t) >= 6 ? t + 3 : "");
        }
        put(e.root, sizeof e.root, code);
        const char *record = str_field(o, "record");
        int other = !gold && *record && strcmp(record, "event"); /* a figure or a place */
        json_object_put(o);
        if (other || (!gold && !e.root[0])) continue; /* (records of no schema: no code) */
        if (out->n == out->cap) {
            size_t nc = out->cap ? out->cap * 2 : 256;
            rn_event *nv = realloc(out->v, nc * sizeof *nv);
            if (!nv) {
                fprintf(stderr, "score_actors: out of memory\n");
                free(line);
                fclose(f);
                return -1;
            }
            out->v = nv;
            out->cap = nc;
        }
        out->v[out->n++] = e;
    }
    free(line);
    fclose(f);
    return 0;
}

static int same_key(const rn_event *g, const rn_event *d) {
    return !strcmp(g->article, d->article) && !strncmp(g->src, d->src, 3) &&
           !strncmp(g->tgt, d->tgt, 3) && !strncmp(g->root, d->root, 2) && strlen(g->src) >= 3 &&
           strlen(g->tgt) >= 3 && strlen(d->src) >= 3 && strlen(d->tgt) >= 3;
}

static int realnews(int verbose, const char *gold_path, const char *dyad_path) {
    rn_vec g = {0}, d = {0};
    if (read_events(gold_path, 1, &g) != 0 || read_events(dyad_path, 0, &d) != 0) {
        free(g.v), free(d.v);
        return 1;
    }
    size_t matched = 0, sr = 0, sr_ok = 0, tr = 0, tr_ok = 0, sr_gov = 0, tr_gov = 0;
    for (size_t a = 0; a < g.n; a++) {
        size_t best = d.n;
        for (size_t b = 0; b < d.n && best == d.n; b++) /* a role that agrees first */
            if (!d.v[b].used && same_key(&g.v[a], &d.v[b]) && !strcmp(g.v[a].srole, d.v[b].srole) &&
                !strcmp(g.v[a].trole, d.v[b].trole))
                best = b;
        for (size_t b = 0; b < d.n && best == d.n; b++)
            if (!d.v[b].used && same_key(&g.v[a], &d.v[b])) best = b;
        if (best == d.n) continue;
        rn_event *x = &g.v[a], *y = &d.v[best];
        y->used = 1;
        matched++;
        if (x->srole[0]) {
            sr++;
            sr_ok += !strcmp(x->srole, y->srole);
            sr_gov += !strcmp(x->srole, "GOV");
        }
        if (x->trole[0]) {
            tr++;
            tr_ok += !strcmp(x->trole, y->trole);
            tr_gov += !strcmp(x->trole, "GOV");
        }
        if (verbose)
            printf("%s\t%s%s -> %s%s\t%s -> %s\n", x->article, x->src, x->srole, x->tgt, x->trole,
                   y->src, y->tgt);
    }
    printf("SUMMARY matched=%zu source_roles=%zu source_role_acc=%.3f target_roles=%zu "
           "target_role_acc=%.3f\n",
           matched, sr, score_ratio(sr_ok, sr), tr, score_ratio(tr_ok, tr));
    printf("BASELINE government-role matched=%zu source_roles=%zu source_role_acc=%.3f target_roles=%zu "
           "target_role_acc=%.3f\n",
           matched, sr, score_ratio(sr_gov, sr), tr, score_ratio(tr_gov, tr));
    free(g.v), free(d.v);
    return 0;
}

int main(int argc, char **argv) {
    int a = 1, verbose = 0;
    if (a < argc && !strcmp(argv[a], "-v")) {
        verbose = 1;
        a++;
    }
    if (argc - a >= 3 && !strcmp(argv[a], "--realnews"))
        return realnews(verbose, argv[a + 1], argv[a + 2]);
    if (argc - a >= 3 && !strcmp(argv[a], "--plover")) {
        dyad_ctx *ctx = score_load("score_actors", argv + a + 2, argc - a - 2);
        if (!ctx) return 1;
        int rc = plover(verbose, argv[a + 1], ctx);
        dyad_ctx_free(ctx);
        return rc;
    }
    fprintf(stderr, "usage: score_actors [-v] --plover RECORDS.json DICT...\n"
                    "       score_actors [-v] --realnews GOLD.jsonl DYAD.jsonl\n");
    return 2;
}
