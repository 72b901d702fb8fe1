/* score_merge.c -- scores how Dyad's event store merges mentions of one
 * event across articles, against the cross-document event coreference of
 * ECB+ (Cybulska and Vossen 2014). Each topic's articles (both of its
 * "seminal events") are rebuilt from their tokens, coded and stored in an
 * in-memory store. The items scored are all the gold ACTION mentions of
 * the sentences the corpus marks as reliably annotated, whether Dyad coded
 * an event there or not: their gold clustering is their coreference chain,
 * their system clustering the Dyad event of the stored mentions whose verb
 * overlaps them. A gold mention no stored mention falls on is its own
 * singleton on the system side (Dyad linked it to nothing).
 *
 *   score_merge [-v] ECB+DIR SENTENCES.csv TOPICS DICT...
 *
 * With -v, each matched stored mention (gold chain, Dyad event, its codes,
 * verb, article) and each topic's counts come first.
 * ECB+DIR holds <topic>/<topic>_<n>ecb[plus].xml; SENTENCES.csv is
 * ECBplus_coreference_sentences.csv; TOPICS a comma-separated list
 * ("2,5,12"). A summary line for Dyad, then one line per trivial baseline
 * scored on the same gold mentions by the same functions:
 *   SUMMARY topics=N articles=N gold=N items=N events=N pair_p=x pair_r=y
 *           pair_f1=z b3_p=x b3_r=y b3_f1=z matched=N
 *   BASELINE all-singletons pair_p=x ... b3_f1=z        (each mention alone)
 *   BASELINE one-cluster-per-topic pair_p=x ... b3_f1=z (a topic's all together)
 * topics counts the topics listed, articles those coded and stored (a
 * file that is not XML is named and skipped, its mentions with it); gold
 * counts the gold action mentions of the reliable sentences of the files
 * read, every one of them scored; items the stored Dyad
 * mentions whose verb overlaps one of them (each stored mention is matched
 * to the first such gold mention of its article, in file order); matched
 * the gold mentions at least one item fell on; events the Dyad events
 * those matched gold mentions are put in. A gold mention that items of
 * several events fall on (the one verb coded as several events) is put in
 * the event of smallest id, the one stored first. A gold chain is the
 * instance a CROSS_DOC_COREF relation links the mention to, else the
 * document's INTRA_DOC_COREF chain, else the mention alone.
 * Pairwise precision and recall are over the pairs of gold mentions of one
 * topic put in one system cluster, resp. in one gold chain (with no pair
 * to count, a precision or recall is 1); B-cubed averages, over all gold
 * mentions, the share of the mention's system cluster in its gold chain
 * (precision) and of its gold chain in its system cluster (recall).
 * ECB+ articles carry no dates, so events merge on source, target, code
 * and place alone. */
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dyad.h"
#include "score_common.h"

#define MAX_TEXT (1 << 20)

typedef struct gold_mention {
    char *doc;    /* article id: file name without ".xml" */
    long c0, c1;  /* characters of its tokens in the rebuilt text */
    char *chain;  /* coreference chain */
    int reliable; /* in a sentence of SENTENCES.csv: scored */
    int mid;
    int items;     /* stored mentions matched to it */
    int64_t event; /* the smallest of their events (when items > 0) */
    int split;     /* items of more than one event fell on it */
} gold_mention;

typedef struct topic_state {
    gold_mention *gm;
    size_t ngm, capgm;
    size_t nit; /* stored mentions matched */
    int64_t *ev;
    size_t nev, capev;
    char **reliable; /* "10ecbplus,3" keys of the topic */
    size_t nrel, caprel;
    int verbose;
} topic_state;

static void *grow(void *v, size_t *cap, size_t n, size_t size) {
    if (n < *cap) return v;
    size_t nc = *cap ? *cap * 2 : 64;
    void *nv = realloc(v, nc * size);
    if (!nv) {
        fputs("score_merge: out of memory\n", stderr);
        exit(1);
    }
    *cap = nc;
    return nv;
}

static char *attr(xmlNode *n, const char *name) { return (char *)xmlGetProp(n, (const xmlChar *)name); }

static int reliable(const topic_state *ts, const char *key) {
    for (size_t i = 0; i < ts->nrel; i++)
        if (!strcmp(ts->reliable[i], key)) return 1;
    return 0;
}

/* Whether token text attaches to the one before it without a space. */
static int glued(const char *t) {
    static const char *const close[] = {".",  ",",   ";", ":", "!",  "?", ")",
                                        "'s", "n't", "%", "'", "''", NULL};
    for (int k = 0; close[k]; k++)
        if (!strcmp(t, close[k])) return 1;
    return 0;
}

/* Reads one ECB+ file: rebuilds its text into buf, adds its action
 * mentions to ts. Returns the text length, -1 when it does not parse. */
static long read_doc(const char *path, const char *doc, const char *topic, topic_state *ts, char *buf) {
    xmlDoc *x = xmlReadFile(path, NULL, XML_PARSE_NOERROR | XML_PARSE_NOWARNING | XML_PARSE_NONET);
    if (!x) return -1;
    xmlNode *root = xmlDocGetRootElement(x);
    long len = 0, chars = 0, maxt = 0;
    int last_sent = -1;
    for (xmlNode *n = root->children; n; n = n->next)
        if (n->type == XML_ELEMENT_NODE && !xmlStrcmp(n->name, (const xmlChar *)"token")) {
            char *id = attr(n, "t_id");
            if (id && atol(id) > maxt) maxt = atol(id);
            xmlFree(id);
        }
    long *c0 = calloc((size_t)maxt + 1, sizeof *c0), *c1 = calloc((size_t)maxt + 1, sizeof *c1);
    int *sent = calloc((size_t)maxt + 1, sizeof *sent);
    if (!c0 || !c1 || !sent) exit(1);
    for (xmlNode *n = root->children; n; n = n->next) {
        if (n->type != XML_ELEMENT_NODE || xmlStrcmp(n->name, (const xmlChar *)"token")) continue;
        char *id = attr(n, "t_id"), *sn = attr(n, "sentence");
        xmlChar *text = xmlNodeGetContent(n);
        long t = id ? atol(id) : 0;
        int s = sn ? atoi(sn) : 0;
        size_t tl = text ? strlen((char *)text) : 0;
        if (t > 0 && t <= maxt && tl && len + (long)tl + 3 < MAX_TEXT) {
            const char *sep = len == 0 ? "" : s != last_sent ? "\n\n" : glued((char *)text) ? "" : " ";
            size_t sl = strlen(sep);
            memcpy(buf + len, sep, sl);
            len += (long)sl;
            chars += (long)sl;
            c0[t] = chars;
            memcpy(buf + len, text, tl);
            len += (long)tl;
            for (size_t k = 0; k < tl; k++) chars += ((unsigned char)text[k] & 0xC0) != 0x80;
            c1[t] = chars;
            sent[t] = s;
            last_sent = s;
        }
        xmlFree(id);
        xmlFree(sn);
        xmlFree(text);
    }
    buf[len] = '\0';
    size_t first = ts->ngm;
    for (xmlNode *n = root->children; n; n = n->next) {
        if (n->type != XML_ELEMENT_NODE || xmlStrcmp(n->name, (const xmlChar *)"Markables")) continue;
        for (xmlNode *m = n->children; m; m = m->next) {
            if (m->type != XML_ELEMENT_NODE || xmlStrncmp(m->name, (const xmlChar *)"ACTION_", 7))
                continue;
            long a = -1, b = -1;
            int s = -1;
            for (xmlNode *ta = m->children; ta; ta = ta->next) {
                if (ta->type != XML_ELEMENT_NODE) continue;
                char *id = attr(ta, "t_id");
                long t = id ? atol(id) : 0;
                xmlFree(id);
                if (t <= 0 || t > maxt || c1[t] == 0) continue;
                if (a < 0 || c0[t] < a) a = c0[t];
                if (c1[t] > b) b = c1[t];
                s = sent[t];
            }
            if (a < 0) continue; /* an instance declaration, no tokens */
            char *mid = attr(m, "m_id");
            ts->gm = grow(ts->gm, &ts->capgm, ts->ngm, sizeof *ts->gm);
            gold_mention *g = &ts->gm[ts->ngm++];
            g->doc = strdup(doc);
            g->c0 = a;
            g->c1 = b;
            g->mid = mid ? atoi(mid) : 0;
            g->items = 0;
            g->event = 0;
            g->split = 0;
            xmlFree(mid);
            char key[128];
            snprintf(key, sizeof key, "%s,%d", doc + strlen(topic) + 1, s);
            g->reliable = reliable(ts, key);
            char chain[160];
            snprintf(chain, sizeof chain, "%s#%d", doc, g->mid); /* a singleton until a relation says */
            g->chain = strdup(chain);
        }
    }
    /* CROSS_DOC_COREF: the chain is the note; INTRA_DOC_COREF: the target */
    for (xmlNode *n = root->children; n; n = n->next) {
        if (n->type != XML_ELEMENT_NODE || xmlStrcmp(n->name, (const xmlChar *)"Relations")) continue;
        for (xmlNode *r = n->children; r; r = r->next) {
            if (r->type != XML_ELEMENT_NODE) continue;
            int cross = !xmlStrcmp(r->name, (const xmlChar *)"CROSS_DOC_COREF");
            int intra = !xmlStrcmp(r->name, (const xmlChar *)"INTRA_DOC_COREF");
            if (!cross && !intra) continue;
            char chain[160] = "";
            char *note = attr(r, "note");
            if (cross && note) snprintf(chain, sizeof chain, "%s", note);
            xmlFree(note);
            for (xmlNode *e = r->children; e && !chain[0]; e = e->next)
                if (e->type == XML_ELEMENT_NODE && !xmlStrcmp(e->name, (const xmlChar *)"target")) {
                    char *mid = attr(e, "m_id");
                    snprintf(chain, sizeof chain, "%s#%s", doc, mid ? mid : "?");
                    xmlFree(mid);
                }
            for (xmlNode *e = r->children; e; e = e->next) {
                if (e->type != XML_ELEMENT_NODE || xmlStrcmp(e->name, (const xmlChar *)"source"))
                    continue;
                char *mid = attr(e, "m_id");
                int m = mid ? atoi(mid) : -1;
                xmlFree(mid);
                for (size_t k = first; k < ts->ngm; k++)
                    if (ts->gm[k].mid == m && (cross || strchr(ts->gm[k].chain, '#'))) {
                        free(ts->gm[k].chain);
                        ts->gm[k].chain = strdup(chain);
                    }
            }
        }
    }
    free(c0);
    free(c1);
    free(sent);
    xmlFreeDoc(x);
    return len;
}

static int collect_event(void *ud, const dyad_stored_event *e) {
    topic_state *ts = ud;
    ts->ev = grow(ts->ev, &ts->capev, ts->nev, sizeof *ts->ev);
    ts->ev[ts->nev++] = e->id;
    return 0;
}

static int match_mention(void *ud, const dyad_stored_mention *m) {
    topic_state *ts = ud;
    if (m->verb_start < 0) return 0;
    long a = m->sentence_start + m->verb_start, b = m->sentence_start + m->verb_end;
    for (size_t k = 0; k < ts->ngm; k++) {
        gold_mention *g = &ts->gm[k];
        if (!g->reliable || strcmp(g->doc, m->article) || b <= g->c0 || g->c1 <= a) continue;
        ts->nit++;
        if (g->items++ && m->event != g->event) g->split = 1;
        if (g->items == 1 || m->event < g->event) g->event = m->event;
        if (ts->verbose)
            printf("%s\tevent %lld\t%s>%s %s\t%s\t%s\n", g->chain, (long long)m->event, m->source,
                   m->target, m->code, m->verb_text, m->article);
        break;
    }
    return 0;
}

/* Pairwise and B-cubed sums over clusterings of the same mentions. */
typedef struct score {
    double pairs_sys, pairs_gold, pairs_both; /* pairs in one system cluster, one gold chain, both */
    double b3p, b3r;                          /* sums over the mentions */
    long n;                                   /* mentions */
} score;

/* Adds the n mentions of one topic to s: gold[i] is mention i's gold
 * chain, sys[i] its system cluster (numbers of the topic). */
static void score_add(const int *gold, const int *sys, size_t n, score *s) {
    for (size_t i = 0; i < n; i++) {
        long se = 0, sc = 0, both = 0;
        for (size_t j = 0; j < n; j++) {
            int e = sys[i] == sys[j], c = gold[i] == gold[j];
            se += e;
            sc += c;
            both += e && c;
            if (j > i) {
                s->pairs_sys += e;
                s->pairs_gold += c;
                s->pairs_both += e && c;
            }
        }
        s->b3p += (double)both / se;
        s->b3r += (double)both / sc;
    }
    s->n += (long)n;
}

/* Prints s's metrics, " pair_p=x ... b3_f1=z", with no newline. */
static void score_print(const score *s) {
    double pp = s->pairs_sys ? s->pairs_both / s->pairs_sys : 1;
    double pr = s->pairs_gold ? s->pairs_both / s->pairs_gold : 1;
    double bp = s->n ? s->b3p / (double)s->n : 0, br = s->n ? s->b3r / (double)s->n : 0;
    printf(" pair_p=%.3f pair_r=%.3f pair_f1=%.3f b3_p=%.3f b3_r=%.3f b3_f1=%.3f", pp, pr,
           score_f1(pp, pr), bp, br, score_f1(bp, br));
}

typedef struct totals {
    score dyad, singletons, one_cluster;
    long items, gold, matched, split, events, articles, topics;
} totals;

/* Scores the topic's reliable gold mentions: Dyad's clustering and the
 * baselines'. */
static void score_topic(const topic_state *ts, totals *t) {
    size_t n = 0;
    for (size_t k = 0; k < ts->ngm; k++) n += ts->gm[k].reliable;
    if (!n) return;
    const gold_mention **g = malloc(n * sizeof *g);
    int *gold = malloc(n * sizeof *gold), *sys = malloc(n * sizeof *sys),
        *base = malloc(n * sizeof *base);
    if (!g || !gold || !sys || !base) {
        fputs("score_merge: out of memory\n", stderr);
        exit(1);
    }
    n = 0;
    for (size_t k = 0; k < ts->ngm; k++)
        if (ts->gm[k].reliable) g[n++] = &ts->gm[k];
    /* chains and events numbered by first appearance; an unmatched
     * mention's system cluster is its own, n + i */
    int nchains = 0, nevents = 0;
    for (size_t i = 0; i < n; i++) {
        size_t j = 0;
        while (j < i && strcmp(g[j]->chain, g[i]->chain)) j++;
        gold[i] = j < i ? gold[j] : nchains++;
        if (!g[i]->items) {
            sys[i] = (int)(n + i);
            continue;
        }
        for (j = 0; j < i && !(g[j]->items && g[j]->event == g[i]->event); j++)
            ;
        sys[i] = j < i ? sys[j] : nevents++;
        t->matched++;
        t->split += g[i]->split;
    }
    score_add(gold, sys, n, &t->dyad);
    for (size_t i = 0; i < n; i++) base[i] = (int)i;
    score_add(gold, base, n, &t->singletons);
    for (size_t i = 0; i < n; i++) base[i] = 0;
    score_add(gold, base, n, &t->one_cluster);
    t->gold += (long)n;
    t->events += nevents;
    free(g);
    free(gold);
    free(sys);
    free(base);
}

static int cmp_str(const void *a, const void *b) { return strcmp(*(char *const *)a, *(char *const *)b); }

int main(int argc, char **argv) {
    int verbose = 0, a = 1;
    if (a < argc && !strcmp(argv[a], "-v")) {
        verbose = 1;
        a++;
    }
    if (argc - a < 4) {
        fputs("usage: score_merge [-v] ECB+DIR SENTENCES.csv TOPICS DICT...\n", stderr);
        return 2;
    }
    const char *dir = argv[a], *csv = argv[a + 1], *topics = argv[a + 2];
    dyad_ctx *ctx = score_load("score_merge", argv + a + 3, argc - a - 3);
    if (!ctx) return 1;
    char *buf = malloc(MAX_TEXT);
    FILE *cf = fopen(csv, "r");
    if (!buf || !cf) {
        fprintf(stderr, "score_merge: %s: cannot open\n", csv);
        return 1;
    }
    char *line = NULL;
    size_t cap = 0;
    char **rel = NULL;
    size_t nrel = 0, caprel = 0;
    long lineno = 0;
    while (getline(&line, &cap, cf) > 0) {
        lineno++;
        line[strcspn(line, "\r\n")] = '\0';
        char t[32], f[64];
        int s;
        if (lineno == 1 && !strncmp(line, "Topic", 5)) continue;
        if (sscanf(line, "%31[^,],%63[^,],%d", t, f, &s) != 3) {
            fprintf(stderr, "score_merge: %s:%ld: malformed line skipped\n", csv, lineno);
            continue;
        }
        rel = grow(rel, &caprel, nrel, sizeof *rel);
        char key[160];
        snprintf(key, sizeof key, "%s|%s,%d", t, f, s);
        rel[nrel++] = strdup(key);
    }
    fclose(cf);
    free(line);
    totals tot;
    memset(&tot, 0, sizeof tot);
    dyad_error err;
    char eb[1024];
    char *tl = strdup(topics);
    for (char *save = NULL, *topic = strtok_r(tl, ",", &save); topic;
         topic = strtok_r(NULL, ",", &save)) {
        topic_state ts;
        memset(&ts, 0, sizeof ts);
        ts.verbose = verbose;
        size_t pl = strlen(topic) + 1;
        for (size_t k = 0; k < nrel; k++)
            if (!strncmp(rel[k], topic, pl - 1) && rel[k][pl - 1] == '|') {
                ts.reliable = grow(ts.reliable, &ts.caprel, ts.nrel, sizeof *ts.reliable);
                ts.reliable[ts.nrel++] = rel[k] + pl;
            }
        /* the topic's files, in name order */
        char **files = NULL;
        size_t nf = 0, capf = 0;
        for (int n = 1; n < 100; n++)
            for (int plus = 0; plus < 2; plus++) {
                char path[4096];
                snprintf(path, sizeof path, "%s/%s/%s_%d%s.xml", dir, topic, topic, n,
                         plus ? "ecbplus" : "ecb");
                FILE *f = fopen(path, "r");
                if (!f) continue;
                fclose(f);
                files = grow(files, &capf, nf, sizeof *files);
                files[nf++] = strdup(path);
            }
        qsort(files, nf, sizeof *files, cmp_str);
        dyad_store *store;
        if (dyad_store_open(&store, ":memory:", &err) != DYAD_OK ||
            dyad_store_begin(store, &err) != DYAD_OK) {
            fprintf(stderr, "score_merge: %s\n", dyad_error_format(&err, eb, sizeof eb));
            return 1;
        }
        for (size_t k = 0; k < nf; k++) {
            const char *base = strrchr(files[k], '/') + 1;
            char doc[128];
            snprintf(doc, sizeof doc, "%.*s", (int)(strlen(base) - 4), base);
            long len = read_doc(files[k], doc, topic, &ts, buf);
            if (len < 0) {
                fprintf(stderr, "score_merge: %s: not XML, skipped\n", files[k]);
                continue;
            }
            dyad_article art = {doc, "", "ECB+", "", "", buf, (size_t)len, files[k], 1, 0};
            dyad_doc *d = NULL;
            int added = 0;
            if (dyad_code(ctx, &art, &d, &err) != DYAD_OK ||
                dyad_store_put(store, &art, d, &added, &err) != DYAD_OK) {
                fprintf(stderr, "score_merge: %s\n", dyad_error_format(&err, eb, sizeof eb));
                dyad_doc_free(d);
                continue;
            }
            dyad_doc_free(d);
            tot.articles++;
        }
        dyad_query q;
        memset(&q, 0, sizeof q);
        if (dyad_store_commit(store, &err) != DYAD_OK ||
            dyad_store_query(store, &q, collect_event, &ts, &err) != DYAD_OK) {
            fprintf(stderr, "score_merge: %s\n", dyad_error_format(&err, eb, sizeof eb));
            return 1;
        }
        for (size_t k = 0; k < ts.nev; k++) {
            int found = 0;
            if (dyad_store_event(store, ts.ev[k], NULL, match_mention, &ts, &found, &err) != DYAD_OK) {
                fprintf(stderr, "score_merge: %s\n", dyad_error_format(&err, eb, sizeof eb));
                return 1;
            }
        }
        long gold0 = tot.gold, matched0 = tot.matched, split0 = tot.split;
        score_topic(&ts, &tot);
        tot.items += (long)ts.nit;
        if (verbose)
            printf("topic %s: %zu articles, %ld gold, %zu items, %ld matched (%ld of them by several "
                   "events)\n",
                   topic, nf, tot.gold - gold0, ts.nit, tot.matched - matched0, tot.split - split0);
        tot.topics++;
        dyad_store_close(store);
        for (size_t k = 0; k < ts.ngm; k++) {
            free(ts.gm[k].doc);
            free(ts.gm[k].chain);
        }
        free(ts.gm);
        free(ts.ev);
        free(ts.reliable);
        for (size_t k = 0; k < nf; k++) free(files[k]);
        free(files);
    }
    for (size_t k = 0; k < nrel; k++) free(rel[k]);
    free(rel);
    free(tl);
    free(buf);
    dyad_ctx_free(ctx);
    xmlCleanupParser();
    if (!tot.gold) {
        fprintf(stderr, "score_merge: no gold mention\n");
        return 1;
    }
    if (!tot.items) {
        fprintf(stderr, "score_merge: no mention matched\n");
        return 1;
    }
    printf("SUMMARY topics=%ld articles=%ld gold=%ld items=%ld events=%ld", tot.topics, tot.articles,
           tot.gold, tot.items, tot.events);
    score_print(&tot.dyad);
    printf(" matched=%ld\n", tot.matched);
    printf("BASELINE all-singletons");
    score_print(&tot.singletons);
    printf("\nBASELINE one-cluster-per-topic");
    score_print(&tot.one_cluster);
    putchar('\n');
    return 0;
}
