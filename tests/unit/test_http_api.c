/* test_http_api.c -- the HTTP API without a server: downloads read a page
 * at a time across page boundaries give every event once, in order, the
 * same as one page of /api/events; limits cut them exactly. */
#define _DEFAULT_SOURCE /* mkdtemp */
#include "testutil.h"

#include <json-c/json.h>
#include <unistd.h>

#include "ctx.h"
#include "http_api.h"

static const char ACTORS[] =
    "QATAR_ [QAT]\nBLINKEN_ [USAGOV]\nISRAEL_ [ISR]\nSOMALIA_ [SOM]\nEGYPT_ [EGY]\n";
static const char VERBS[] = "--- VISIT [042] ---\nVISIT\n\n--- ATTACK [190] ---\nATTACK\n";

/* The query string: pairs of name and value, NULL-ended. */
typedef struct args {
    const char *const *kv;
} args;

static const char *arg(void *req, const char *name) {
    const char *const *kv = ((args *)req)->kv;
    for (int i = 0; kv[i]; i += 2)
        if (!strcmp(kv[i], name)) return kv[i + 1];
    return NULL;
}

static const char *arg_name(void *req, int i) {
    const char *const *kv = ((args *)req)->kv;
    for (int k = 0; k < i; k++)
        if (!kv[2 * k]) return NULL;
    return kv[2 * i];
}

/* GET path?kv into out; a download is read to its end into *text. */
static void get(http_api *api, const char *path, const char *const *kv, http_reply *out, char **text) {
    args a = {kv};
    http_request rq = {"GET", path, arg, arg_name, NULL, &a, "", 0};
    http_api_handle(api, &rq, out);
    *text = NULL;
    if (!out->download) return;
    size_t len = 0, cap = 1 << 16;
    *text = malloc(cap);
    assert_non_null(*text);
    long n;
    while ((n = http_download_read(out->download, *text + len, 7)) > 0) { /* small reads cross pages */
        len += (size_t)n;
        assert_true(len + 8 < cap);
    }
    assert_int_equal(n, 0);
    (*text)[len] = '\0';
    http_download_free(out->download);
}

static int lines(const char *s) {
    int n = 0;
    for (; *s; s++) n += *s == '\n';
    return n;
}

static void downloads_cross_pages(void **state) {
    (void)state;
    dyad_ctx *ctx;
    assert_int_equal(dyad_ctx_new(&ctx, NULL), DYAD_OK);
    assert_int_equal(
        ctx_load_buffer(ctx, DYAD_DICT_ACTORS, "a", ACTORS, strlen(ACTORS), NULL, NULL, NULL), DYAD_OK);
    assert_int_equal(ctx_load_buffer(ctx, DYAD_DICT_VERBS, "v", VERBS, strlen(VERBS), NULL, NULL, NULL),
                     DYAD_OK);
    assert_int_equal(dyad_ctx_finish(ctx, NULL), DYAD_OK);
    char dir[] = "/tmp/dyad-api-XXXXXX", db[64];
    assert_non_null(mkdtemp(dir));
    snprintf(db, sizeof db, "%s/t.db", dir);
    dyad_store *st;
    assert_int_equal(dyad_store_open(&st, db, NULL), DYAD_OK);
    assert_int_equal(dyad_store_begin(st, NULL), DYAD_OK);
    const char *texts[] = {"Blinken visited Qatar.", "Israel attacked Somalia.", "Egypt visited Israel.",
                           "Qatar attacked Egypt.",  "Somalia visited Qatar.",   "Israel visited Egypt.",
                           "Blinken attacked Egypt."};
    for (int i = 0; i < 7; i++) {
        char id[32], date[32];
        snprintf(id, sizeof id, "a%d", i);
        snprintf(date, sizeof date, "2024-01-%02d", i + 1);
        dyad_article a = {.id = id,
                          .date = date,
                          .source = "",
                          .title = "",
                          .url = "",
                          .text = texts[i],
                          .text_len = strlen(texts[i]),
                          .file = "t",
                          .line = 1};
        dyad_doc *d;
        int added;
        assert_int_equal(dyad_code(ctx, &a, &d, NULL), DYAD_OK);
        assert_int_equal(dyad_store_put(st, &a, d, &added, NULL), DYAD_OK);
        dyad_doc_free(d);
    }
    assert_int_equal(dyad_store_commit(st, NULL), DYAD_OK);
    http_api api;
    http_api_init(&api, NULL);
    api.stores[0] = st;
    api.nstores = 1;
    api.download_page = 2;
    http_reply r;
    char *text;
    /* every event, in pages of two, the same lines as one page of the list */
    const char *const sorted[] = {"sort", "goldstein", "order", "desc", NULL};
    get(&api, "/api/events", sorted, &r, &text);
    assert_int_equal(r.status, 200);
    json_object *list = json_tokener_parse(r.body), *events;
    assert_true(json_object_object_get_ex(list, "events", &events));
    size_t n = json_object_array_length(events);
    assert_int_equal(n, 7);
    free(r.body);
    get(&api, "/api/events.ndjson", sorted, &r, &text);
    assert_int_equal(r.status, 200);
    assert_int_equal(lines(text), 7);
    const char *line = text;
    for (size_t i = 0; i < n; i++) {
        json_object *got = json_tokener_parse(line), *want = json_object_array_get_idx(events, i);
        assert_non_null(got);
        assert_string_equal(json_object_to_json_string(got), json_object_to_json_string(want));
        json_object_put(got);
        line = strchr(line, '\n') + 1;
    }
    free(text);
    json_object_put(list);
    /* a limit across a page boundary, and one at it */
    const char *const five[] = {"limit", "5", NULL}, *const four[] = {"limit", "4", NULL};
    get(&api, "/api/events.csv", five, &r, &text);
    assert_int_equal(lines(text), 1 + 5);
    assert_int_equal(strncmp(text, "\"id\",\"date\"", 11), 0);
    free(text);
    get(&api, "/api/events.csv", four, &r, &text);
    assert_int_equal(lines(text), 1 + 4);
    free(text);
    /* a filter no event matches: the header alone */
    const char *const none[] = {"code", "18", NULL};
    get(&api, "/api/events.csv", none, &r, &text);
    assert_int_equal(lines(text), 1);
    free(text);
    /* refused before anything is sent */
    const char *const bad[] = {"code", "x", NULL};
    get(&api, "/api/events.csv", bad, &r, &text);
    assert_int_equal(r.status, 400);
    assert_null(r.download);
    free(r.body);
    http_api_destroy(&api);
    dyad_store_close(st);
    dyad_ctx_free(ctx);
    const char *suffix[] = {"", "-wal", "-shm"};
    for (int i = 0; i < 3; i++) {
        char p[96];
        snprintf(p, sizeof p, "%s%s", db, suffix[i]);
        unlink(p);
    }
    rmdir(dir);
}

int main(void) {
    const struct CMUnitTest tests[] = {cmocka_unit_test(downloads_cross_pages)};
    return cmocka_run_group_tests(tests, NULL, NULL);
}
