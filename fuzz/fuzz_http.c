/* fuzz_http.c -- libFuzzer target: the JSON API of `dyad serve` (routing,
 * query arguments, filters, POST bodies) on an in-memory store. The input
 * is "METHOD\nPATH\nQUERY\nBODY", QUERY as name=value&name=value. Every
 * reply must be a JSON body with a status of 2xx or 4xx. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dyad.h"
#include "http_api.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

typedef struct query {
    char *names[16], *values[16];
    int n;
} query;

static const char *arg(void *req, const char *name) {
    query *q = req;
    for (int i = 0; i < q->n; i++)
        if (!strcmp(q->names[i], name)) return q->values[i];
    return NULL;
}

static const char *arg_name(void *req, int i) {
    query *q = req;
    return i < q->n ? q->names[i] : NULL;
}

/* Splits s in place at the first c; returns what follows, or NULL. */
static char *cut(char *s, char c) {
    char *p = s ? strchr(s, c) : NULL;
    if (!p) return NULL;
    *p = '\0';
    return p + 1;
}

/* The store and dictionaries live across runs (opening them per input
 * would dominate); the store is renewed every 4096 runs so that posted
 * articles do not pile up. */
static http_api api;
static long runs;

static void setup(void) {
    if (api.stores[0] && runs % 4096) return;
    dyad_store_close(api.stores[0]);
    api.stores[0] = NULL;
    if (!api.ctx) {
        dyad_ctx *ctx;
        if (dyad_ctx_new(&ctx, NULL) != DYAD_OK) abort();
        static const char *const files[] = {"data/dict/countries.actors", "data/dict/cameo.verbs",
                                            "data/dict/agents.agents"};
        for (size_t i = 0; i < sizeof files / sizeof files[0]; i++)
            dyad_ctx_load_file(ctx, files[i], DYAD_DICT_AUTO, NULL, NULL, NULL);
        if (dyad_ctx_finish(ctx, NULL) != DYAD_OK) abort();
        http_api_init(&api, ctx);
        api.nstores = 1;
    }
    if (dyad_store_open(&api.stores[0], ":memory:", NULL) != DYAD_OK) abort();
    static const char text[] = "Israeli forces attacked Hamas in Gaza on Monday. Qatar praised Egypt.";
    dyad_article a = {"seed", "2024-09-25", "wire", "", "", text, sizeof text - 1, "fuzz", 1, 0};
    dyad_doc *d;
    int added;
    if (dyad_code(api.ctx, &a, &d, NULL) != DYAD_OK) abort();
    if (dyad_store_begin(api.stores[0], NULL) != DYAD_OK ||
        dyad_store_put(api.stores[0], &a, d, &added, NULL) != DYAD_OK ||
        dyad_store_commit(api.stores[0], NULL) != DYAD_OK)
        abort();
    dyad_doc_free(d);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    setup();
    runs++;
    char *buf = malloc(size + 1);
    if (!buf) return 0;
    memcpy(buf, data, size);
    buf[size] = '\0';
    char *method = buf, *path = cut(method, '\n'), *qs = cut(path, '\n'), *body = cut(qs, '\n');
    if (!path || strncmp(path, "/api", 4)) path = "/api/events";
    query q = {.n = 0};
    for (char *p = qs; p && *p && q.n < 16;) {
        char *next = cut(p, '&');
        char *v = cut(p, '=');
        q.names[q.n] = p;
        q.values[q.n++] = v ? v : "";
        p = next;
    }
    size_t blen = body ? strlen(body) : 0;
    http_reply out;
    http_request rq = {method, path, arg, arg_name, NULL, &q, body ? body : "", blen};
    http_api_handle(&api, &rq, &out);
    if (out.download) { /* a download: read to its end */
        char chunk[4096];
        long n;
        while ((n = http_download_read(out.download, chunk, sizeof chunk)) > 0) continue;
        http_download_free(out.download);
        if (n < 0 || out.status != 200) __builtin_trap();
        free(buf);
        return 0;
    }
    if (!out.body || out.body[0] != '{' || out.status < 200 || out.status >= 500 ||
        (out.status >= 300 && out.status < 400))
        __builtin_trap();
    free(out.body);
    free(out.link);
    free(buf);
    return 0;
}
