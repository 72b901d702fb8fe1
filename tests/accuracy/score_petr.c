/* score_petr.c -- scores Dyad on PETRARCH's validation records: codes the
 * <Text> of every <Sentence> with the given dictionaries and compares the
 * (source, target, code) set with the record's <EventCoding> elements.
 * Records whose coding is an error (discards, bad input) are not scored.
 * An absent actor is written "---", as in the records.
 *
 *   score_petr [-v] RECORDS.xml DICT...
 *
 * Prints per-record lines with -v, then one summary line:
 *   SUMMARY records=N scored=N exact=N tp=N fp=N fn=N P=x R=y */
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dyad.h"
#include "score_common.h"

#define MAX_EV 64

typedef struct triple {
    char s[64], t[64], c[16];
} triple;

static char *attr(xmlNode *n, const char *name) {
    xmlChar *v = xmlGetProp(n, (const xmlChar *)name);
    return (char *)v;
}

/* Collapses white space runs to one space and trims. */
static char *collapse(const char *s) {
    size_t n = strlen(s);
    char *o = malloc(n + 1);
    if (!o) return NULL;
    size_t k = 0;
    int sp = 0;
    for (size_t i = 0; i < n; i++) {
        char c = s[i];
        if (c == ' ' || c == '\n' || c == '\t' || c == '\r') {
            sp = 1;
            continue;
        }
        if (sp && k) o[k++] = ' ';
        sp = 0;
        o[k++] = c;
    }
    o[k] = '\0';
    return o;
}

static int has(const triple *a, int n, const triple *x) {
    for (int i = 0; i < n; i++)
        if (!strcmp(a[i].s, x->s) && !strcmp(a[i].t, x->t) && !strcmp(a[i].c, x->c)) return 1;
    return 0;
}

static void put(triple *t, const char *s, const char *g, const char *c) {
    snprintf(t->s, sizeof t->s, "%s", s && *s ? s : "---");
    snprintf(t->t, sizeof t->t, "%s", g && *g ? g : "---");
    snprintf(t->c, sizeof t->c, "%s", c ? c : "");
}

static void print_set(const triple *a, int n) {
    for (int i = 0; i < n; i++) printf("%s%s|%s|%s", i ? ";" : "", a[i].s, a[i].t, a[i].c);
}

int main(int argc, char **argv) {
    int verbose;
    const char *records;
    dyad_ctx *ctx;
    int rc = score_start(argc, argv, "score_petr", "RECORDS.xml", &verbose, &records, &ctx);
    if (rc) return rc;
    dyad_error err;
    xmlDoc *doc =
        xmlReadFile(records, NULL, XML_PARSE_RECOVER | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
    if (!doc) {
        fprintf(stderr, "score_petr: %s: cannot parse\n", records);
        dyad_ctx_free(ctx);
        return 1;
    }
    long nrec = 0, scored = 0, exact = 0, tp = 0, fp = 0, fn = 0;
    xmlNode *root = xmlDocGetRootElement(doc);
    for (xmlNode *ss = root ? root->children : NULL; ss; ss = ss->next) {
        if (ss->type != XML_ELEMENT_NODE || strcmp((const char *)ss->name, "Sentences")) continue;
        for (xmlNode *s = ss->children; s; s = s->next) {
            if (s->type != XML_ELEMENT_NODE || strcmp((const char *)s->name, "Sentence")) continue;
            nrec++;
            triple want[MAX_EV], got[MAX_EV];
            int nw = 0, ng = 0, error = 0;
            char *text = NULL;
            for (xmlNode *c = s->children; c; c = c->next) {
                if (c->type != XML_ELEMENT_NODE) continue;
                if (!strcmp((const char *)c->name, "Text")) {
                    xmlChar *t = xmlNodeGetContent(c);
                    text = collapse((const char *)t);
                    xmlFree(t);
                } else if (!strcmp((const char *)c->name, "EventCoding")) {
                    char *e = attr(c, "error");
                    char *sc = attr(c, "sourcecode"), *tc = attr(c, "targetcode"),
                         *ec = attr(c, "eventcode");
                    if (e)
                        error = 1;
                    else if (ec && nw < MAX_EV)
                        put(&want[nw++], sc, tc, ec);
                    xmlFree(e);
                    xmlFree(sc);
                    xmlFree(tc);
                    xmlFree(ec);
                }
            }
            char *id = attr(s, "id"), *date = attr(s, "date");
            if (!error && text) {
                scored++;
                char d[16] = "";
                if (date && strlen(date) == 8)
                    snprintf(d, sizeof d, "%.4s-%.2s-%.2s", date, date + 4, date + 6);
                dyad_doc *dd = NULL;
                if (score_code_sentence(ctx, id, d, text, strlen(text), records, 0, &dd, &err) ==
                    DYAD_OK) {
                    for (size_t i = 0; i < dyad_doc_nevents(dd) && ng < MAX_EV; i++) {
                        const dyad_event *e = dyad_doc_event(dd, i);
                        triple x;
                        put(&x, e->source, e->target, e->code);
                        if (!has(got, ng, &x)) got[ng++] = x;
                    }
                }
                dyad_doc_free(dd);
                int t = 0;
                for (int i = 0; i < ng; i++) t += has(want, nw, &got[i]);
                tp += t;
                fp += ng - t;
                int f = 0;
                for (int i = 0; i < nw; i++) f += !has(got, ng, &want[i]);
                fn += f;
                int ok = (ng - t) == 0 && f == 0;
                exact += ok;
                if (verbose) {
                    printf("%s\t%s\t", ok ? "ok" : "MISS", id ? id : "");
                    print_set(want, nw);
                    printf("\t");
                    print_set(got, ng);
                    printf("\n");
                }
            }
            free(text);
            xmlFree(id);
            xmlFree(date);
        }
    }
    double P = tp + fp ? (double)tp / (double)(tp + fp) : 0,
           R = tp + fn ? (double)tp / (double)(tp + fn) : 0;
    printf("SUMMARY records=%ld scored=%ld exact=%ld tp=%ld fp=%ld fn=%ld P=%.3f R=%.3f\n", nrec, scored,
           exact, tp, fp, fn, P, R);
    xmlFreeDoc(doc);
    dyad_ctx_free(ctx);
    return 0;
}
