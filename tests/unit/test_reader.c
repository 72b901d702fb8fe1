#define _DEFAULT_SOURCE /* mkstemps */
/* test_reader.c -- article readers: plain text with header lines, JSON
 * Lines with bad lines among good ones, PETRARCH XML records, gzip files
 * and formats told from the content. */
#include "testutil.h"

#include <unistd.h>
#include <zlib.h>

static char *write_temp(const char *suffix, const char *content, size_t n) {
    static char path[64];
    snprintf(path, sizeof path, "/tmp/dyad-test-XXXXXX%s", suffix);
    int fd = mkstemps(path, (int)strlen(suffix));
    assert_true(fd >= 0);
    assert_int_equal(write(fd, content, n), (ssize_t)n);
    close(fd);
    return path;
}

static void text_with_headers(void **s) {
    (void)s;
    const char *txt = "Id: ex-1\nDate: 2024-08-20\nsource: Wire\nTitle: A visit\n\nBlinken arrived in "
                      "Doha.\nHe met officials.\n";
    char *p = write_temp(".txt", txt, strlen(txt));
    dyad_reader *r;
    test_warnings w = {0};
    assert_int_equal(dyad_reader_open(&r, p, DYAD_FMT_AUTO, test_warn_cb, &w, NULL), DYAD_OK);
    dyad_article a;
    assert_int_equal(dyad_reader_next(r, &a, NULL), 1);
    assert_string_equal(a.id, "ex-1");
    assert_string_equal(a.date, "2024-08-20");
    assert_string_equal(a.source, "Wire");
    assert_string_equal(a.title, "A visit");
    assert_string_equal(a.text, "Blinken arrived in Doha.\nHe met officials.\n");
    assert_int_equal(a.line, 6);
    assert_int_equal(dyad_reader_next(r, &a, NULL), 0);
    dyad_reader_free(r);
    unlink(p);
    assert_int_equal(w.n, 0);
}

static void text_without_headers_and_bad_date(void **s) {
    (void)s;
    const char *txt = "Date: 2024-13-45\n\nText.";
    char *p = write_temp(".txt", txt, strlen(txt));
    dyad_reader *r;
    test_warnings w = {0};
    assert_int_equal(dyad_reader_open(&r, p, DYAD_FMT_TEXT, test_warn_cb, &w, NULL), DYAD_OK);
    dyad_article a;
    assert_int_equal(dyad_reader_next(r, &a, NULL), 1);
    assert_string_equal(a.date, "");
    assert_string_equal(a.text, "Text.");
    assert_int_equal(w.n, 1);
    assert_non_null(strstr(w.text[0], ":1: bad date"));
    dyad_reader_free(r);
    unlink(p);
    txt = "Plain article: no headers here.";
    p = write_temp(".txt", txt, strlen(txt));
    assert_int_equal(dyad_reader_open(&r, p, DYAD_FMT_AUTO, test_warn_cb, &w, NULL), DYAD_OK);
    assert_int_equal(dyad_reader_next(r, &a, NULL), 1);
    assert_string_equal(a.text, txt);
    assert_string_equal(a.date, "");
    assert_int_equal(strncmp(a.id, "dyad-test-", 10), 0);
    dyad_reader_free(r);
    unlink(p);
}

static void jsonl_good_and_bad(void **s) {
    (void)s;
    const char txt[] = "{\"id\":\"a\",\"date\":\"20240820\",\"source\":\"s\",\"text\":\"One.\"}\n"
                       "{\"id\":\"b\",\"text\":\n"
                       "[1,2,3]\n"
                       "\n"
                       "{\"id\":\"c\",\"date\":\"2024-08-21T10:00:00Z\",\"text\":\"Bad \xff byte.\"}\n"
                       "{\"id\":\"d\",\"title\":\"no text\"}\n"
                       "{\"text\":\"No id.\",\"date\":\"yesterday\"}\n";
    char *p = write_temp(".jsonl", txt, sizeof txt - 1);
    dyad_reader *r;
    test_warnings w = {0};
    assert_int_equal(dyad_reader_open(&r, p, DYAD_FMT_AUTO, test_warn_cb, &w, NULL), DYAD_OK);
    dyad_article a;
    assert_int_equal(dyad_reader_next(r, &a, NULL), 1);
    assert_string_equal(a.id, "a");
    assert_string_equal(a.date, "2024-08-20");
    assert_int_equal(a.line, 1);
    assert_int_equal(dyad_reader_next(r, &a, NULL), 1);
    assert_string_equal(a.id, "c");
    assert_string_equal(a.date, "2024-08-21");
    assert_string_equal(a.text, "Bad \xEF\xBF\xBD byte.");
    assert_int_equal(a.line, 5);
    assert_int_equal(dyad_reader_next(r, &a, NULL), 1);
    assert_int_not_equal(strstr(a.id, ":7"), NULL);
    assert_string_equal(a.date, "");
    assert_int_equal(dyad_reader_next(r, &a, NULL), 0);
    dyad_reader_free(r);
    unlink(p);
    assert_int_equal(w.n, 5);
    const char *want[] = {":2: not valid JSON", ":3: no string field", ":5: invalid UTF-8",
                          ":6: no string field", ":7: bad date"};
    for (int i = 0; i < 5; i++)
        if (!strstr(w.text[i], want[i])) fail_msg("warning %d: %s", i, w.text[i]);
}

static void petrarch_xml(void **s) {
    (void)s;
    char path[512];
    snprintf(path, sizeof path, "%s/records.xml", test_fixture_dir());
    dyad_reader *r;
    assert_int_equal(dyad_reader_open(&r, path, DYAD_FMT_AUTO, NULL, NULL, NULL), DYAD_OK);
    dyad_article a;
    const char *ids[] = {"FIX-01", "FIX-02", "FIX-03", "FIX-04"};
    const char *dates[] = {"1995-01-01", "2008-08-06", "", "2010-03-15"};
    int n = 0;
    while (dyad_reader_next(r, &a, NULL) == 1) {
        assert_true(n < 4);
        assert_string_equal(a.id, ids[n]);
        assert_string_equal(a.date ? a.date : "", dates[n]);
        assert_true(a.single_sentence); /* a record is one sentence */
        if (n == 0)
            assert_int_equal(
                strncmp(a.text, "Arnor is about to restore full diplomatic ties with Gondor", 58), 0);
        assert_null(strstr(a.text, "(NNP")); /* the parse is not text */
        n++;
    }
    assert_int_equal(n, 4);
    dyad_reader_free(r);
    const char bad[] =
        "<Sentences><Sentence id=\"x1\" date=\"20240101\"><Text>Good one.</Text></Sentence>"
        "<Sentence id=\"x2\"><Parse>no text</Parse></Sentence><Sentence id=\"x3\"><Text>Cut";
    char *p = write_temp(".xml", bad, sizeof bad - 1);
    test_warnings w = {0};
    assert_int_equal(dyad_reader_open(&r, p, DYAD_FMT_AUTO, test_warn_cb, &w, NULL), DYAD_OK);
    assert_int_equal(dyad_reader_next(r, &a, NULL), 1);
    assert_string_equal(a.id, "x1");
    assert_string_equal(a.text, "Good one.");
    n = 1;
    while (dyad_reader_next(r, &a, NULL) == 1) n++;
    assert_true(n >= 1);
    assert_true(w.n >= 1);
    assert_non_null(strstr(w.text[0], "without <Text>"));
    dyad_reader_free(r);
    unlink(p);
}

/* Writes a gzip file of the members given (each its own gzip stream, as
 * in WARC.gz files), at most cut bytes of it (0: all). */
static char *write_gzip(const char *suffix, const char *const *members, int n, size_t cut) {
    static char path[64];
    snprintf(path, sizeof path, "/tmp/dyad-test-XXXXXX%s", suffix);
    int fd = mkstemps(path, (int)strlen(suffix));
    assert_true(fd >= 0);
    close(fd);
    FILE *out = fopen(path, "wb");
    assert_non_null(out);
    for (int i = 0; i < n; i++) {
        unsigned char z[4096];
        z_stream zs;
        memset(&zs, 0, sizeof zs);
        assert_int_equal(deflateInit2(&zs, 6, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY), Z_OK);
        zs.next_in = (unsigned char *)members[i];
        zs.avail_in = (unsigned)strlen(members[i]);
        zs.next_out = z;
        zs.avail_out = sizeof z;
        assert_int_equal(deflate(&zs, Z_FINISH), Z_STREAM_END);
        fwrite(z, 1, sizeof z - zs.avail_out, out);
        deflateEnd(&zs);
    }
    fclose(out);
    if (cut) assert_int_equal(truncate(path, (off_t)cut), 0);
    return path;
}

/* Reads every article of p; their ids joined by "," into ids. */
static int read_ids(const char *p, dyad_input_format fmt, test_warnings *w, char *ids, size_t n) {
    dyad_reader *r;
    assert_int_equal(dyad_reader_open(&r, p, fmt, test_warn_cb, w, NULL), DYAD_OK);
    dyad_article a;
    int k = 0, got;
    ids[0] = '\0';
    while ((got = dyad_reader_next(r, &a, NULL)) == 1) {
        snprintf(ids + strlen(ids), n - strlen(ids), "%s%s", k ? "," : "", a.id);
        k++;
    }
    assert_int_equal(got, 0);
    dyad_reader_free(r);
    return k;
}

static void gzip_files(void **s) {
    (void)s;
    /* JSON Lines in two gzip members, named as if text: read by content */
    const char *m[] = {"{\"id\":\"a\",\"text\":\"One.\"}\n{\"id\":\"b\",\"text\":\"Two.\"}\n",
                       "{\"id\":\"c\",\"text\":\"Three.\"}\n"};
    char *p = write_gzip(".txt.gz", m, 2, 0);
    test_warnings w = {0};
    char ids[256];
    assert_int_equal(read_ids(p, DYAD_FMT_AUTO, &w, ids, sizeof ids), 3);
    assert_string_equal(ids, "a,b,c");
    assert_int_equal(w.n, 0);
    unlink(p);
    /* a text article, gzip'd: its id is the name without ".gz" or ".txt" */
    const char *t[] = {"Date: 2024-08-20\n\nBlinken arrived in Doha."};
    p = write_gzip(".txt.gz", t, 1, 0);
    dyad_reader *r;
    assert_int_equal(dyad_reader_open(&r, p, DYAD_FMT_AUTO, test_warn_cb, &w, NULL), DYAD_OK);
    dyad_article a;
    assert_int_equal(dyad_reader_next(r, &a, NULL), 1);
    assert_string_equal(a.text, "Blinken arrived in Doha.");
    assert_string_equal(a.date, "2024-08-20");
    assert_int_equal(dyad_reader_next(r, &a, NULL), 0);
    dyad_reader_free(r);
    unlink(p);
    assert_int_equal(w.n, 0);
}

static void gzip_truncated(void **s) {
    (void)s;
    /* a first member whole, the second cut short: the first member's
     * articles are read, and the loss is said */
    char big[6000];
    size_t k = 0;
    int records = 1;
    for (int i = 0; k + 64 < sizeof big; i++, records++)
        k += (size_t)snprintf(big + k, sizeof big - k, "{\"id\":\"x%d\",\"text\":\"Text %d.\"}\n", i,
                              i * 7919);
    const char *m[] = {"{\"id\":\"a\",\"text\":\"One.\"}\n", big};
    char *whole = write_gzip(".jsonl.gz", m, 2, 0);
    FILE *f = fopen(whole, "rb");
    assert_non_null(f);
    fseek(f, 0, SEEK_END);
    long size = ftell(f);
    fclose(f);
    unlink(whole);
    char *p = write_gzip(".jsonl.gz", m, 2, (size_t)size - 200);
    test_warnings w = {0};
    char ids[8192];
    int n = read_ids(p, DYAD_FMT_AUTO, &w, ids, sizeof ids);
    assert_true(n >= 1);
    assert_int_equal(strncmp(ids, "a", 1), 0);
    assert_true(n < records); /* not all of the second member */
    assert_true(w.n >= 1);
    assert_non_null(strstr(w.text[w.n - 1], "truncated"));
    unlink(p);
}

static void format_from_content(void **s) {
    (void)s;
    test_warnings w = {0};
    char ids[256];
    /* JSON Lines in a file called .txt, after blank lines */
    const char jl[] = "\n  \n{\"id\":\"j1\",\"text\":\"One.\"}\n{\"id\":\"j2\",\"text\":\"Two.\"}\n";
    char *p = write_temp(".txt", jl, sizeof jl - 1);
    assert_int_equal(read_ids(p, DYAD_FMT_AUTO, &w, ids, sizeof ids), 2);
    assert_string_equal(ids, "j1,j2");
    unlink(p);
    /* PETRARCH records in a file with no extension */
    const char xml[] = "<?xml version=\"1.0\"?>\n<Sentences><Sentence id=\"x1\" date=\"20240820\">"
                       "<Text>Blinken arrived in Doha.</Text></Sentence></Sentences>\n";
    p = write_temp("", xml, sizeof xml - 1);
    assert_int_equal(read_ids(p, DYAD_FMT_AUTO, &w, ids, sizeof ids), 1);
    assert_string_equal(ids, "x1");
    unlink(p);
    assert_int_equal(w.n, 0);
    /* a .jsonl file whose first line is broken is still JSON Lines: the
     * line is reported, the records after it read */
    const char bad[] = "not json\n{\"id\":\"k\",\"text\":\"Two.\"}\n";
    p = write_temp(".jsonl", bad, sizeof bad - 1);
    assert_int_equal(read_ids(p, DYAD_FMT_AUTO, &w, ids, sizeof ids), 1);
    assert_string_equal(ids, "k");
    assert_int_equal(w.n, 1);
    assert_non_null(strstr(w.text[0], ":1: not valid JSON"));
    unlink(p);
}

/* Reads every article of text, in a file named with suffix: a line
 * "id|date|source|url|title|text" each into out. */
static int read_all(const char *suffix, const char *text, size_t len, test_warnings *w, char *out,
                    size_t n) {
    char *p = write_temp(suffix, text, len);
    dyad_reader *r;
    assert_int_equal(dyad_reader_open(&r, p, DYAD_FMT_AUTO, test_warn_cb, w, NULL), DYAD_OK);
    dyad_article a;
    int k = 0, got;
    out[0] = '\0';
    while ((got = dyad_reader_next(r, &a, NULL)) == 1) {
        snprintf(out + strlen(out), n - strlen(out), "%s|%s|%s|%s|%s|%s\n", a.id, a.date, a.source,
                 a.url, a.title, a.text);
        k++;
    }
    assert_int_equal(got, 0);
    dyad_reader_free(r);
    unlink(p);
    return k;
}

static void rss_and_atom(void **s) {
    (void)s;
    const char *rss =
        "<?xml version=\"1.0\"?>\n<rss version=\"2.0\"><channel><title>Levant Wire</title>\n"
        "<item><title>Envoy in Doha</title><link>https://w.example/a1</link><guid>w-a1</guid>\n"
        "<pubDate>Tue, 20 Aug 2024 09:15:00 GMT</pubDate><description>&lt;p&gt;The envoy arrived "
        "in  Doha.&lt;/p&gt;&lt;p&gt;Talks began.&lt;/p&gt;</description></item>\n"
        "<item><title>Egypt hosts talks</title><link>https://w.example/a2</link>"
        "<pubDate>Wed, 21 Aug 24 10:00:00 +0000</pubDate></item>\n"
        "<item><title>Plain</title><pubDate>sometime</pubDate><description>Hamas <b>rejected</b> "
        "it.</description></item>\n"
        "<item><link>https://w.example/nothing</link></item>\n"
        "</channel></rss>\n";
    test_warnings w = {0};
    char out[2048];
    /* told from the content: no extension */
    assert_int_equal(read_all("", rss, strlen(rss), &w, out, sizeof out), 3);
    assert_non_null(strstr(out, "w-a1|2024-08-20|Levant Wire|https://w.example/a1|Envoy in Doha|"
                                "The envoy arrived in Doha.\n\nTalks began.\n"));
    /* no guid: the link is the id; no body: the headline is the text */
    assert_non_null(strstr(out, "https://w.example/a2|2024-08-21|Levant Wire|https://w.example/a2|"
                                "Egypt hosts talks|Egypt hosts talks\n"));
    /* markup without paragraphs gives its words; a bad date is said */
    assert_non_null(strstr(out, "||Levant Wire||Plain|Hamas rejected it.\n"));
    assert_int_equal(w.n, 2);
    assert_non_null(strstr(w.text[0], ":6: bad date \"sometime\""));
    assert_non_null(strstr(w.text[1], ":7: feed item without text or title"));
    const char *atom =
        "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
        "<feed xmlns=\"http://www.w3.org/2005/Atom\"><title>Atom News</title>\n"
        "<entry><title>Talks in Cairo</title><link rel=\"self\" href=\"https://a.example/api/e1\"/>"
        "<link rel=\"alternate\" href=\"https://a.example/e1\"/><id>tag:a.example,2024:e1</id>"
        "<updated>2024-08-23T10:00:00Z</updated><published>2024-08-22T08:00:00+02:00</published>"
        "<content type=\"html\">&lt;p&gt;Mediators met in Cairo.&lt;/p&gt;</content></entry>\n"
        "</feed>\n";
    memset(&w, 0, sizeof w);
    assert_int_equal(read_all(".xml", atom, strlen(atom), &w, out, sizeof out), 1);
    assert_string_equal(out,
                        "tag:a.example,2024:e1|2024-08-22|Atom News|https://a.example/e1|Talks in Cairo|"
                        "Mediators met in Cairo.\n");
    assert_int_equal(w.n, 0);
}

/* Appends a WARC record of block b to buf. */
static void warc_add(char *buf, size_t cap, const char *type, const char *id, const char *uri,
                     const char *b) {
    snprintf(buf + strlen(buf), cap - strlen(buf),
             "WARC/1.0\r\nWARC-Type: %s\r\nWARC-Record-ID: <%s>\r\nWARC-Target-URI: %s\r\n"
             "WARC-Date: 2024-08-25T01:02:03Z\r\nContent-Type: application/http; msgtype=%s\r\n"
             "Content-Length: %zu\r\n\r\n%s\r\n\r\n",
             type, id, uri, type, strlen(b), b);
}

static void warc_responses(void **s) {
    (void)s;
    static char warc[8192];
    warc[0] = '\0';
    warc_add(warc, sizeof warc, "request", "urn:uuid:q1", "https://w.example/a1",
             "GET /a1 HTTP/1.1\r\n\r\n");
    warc_add(warc, sizeof warc, "response", "urn:uuid:r1", "https://w.example/a1",
             "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n"
             "<html><head><meta property=\"og:site_name\" content=\"Wire\"></head><body>"
             "<nav><p>Home World Sports</p></nav><article><p>The envoy arrived in Doha.</p></article>"
             "</body></html>");
    strcat(warc, "garbage between records\r\n");
    warc_add(warc, sizeof warc, "response", "urn:uuid:r2", "https://w.example/logo.png",
             "HTTP/1.1 200 OK\r\nContent-Type: image/png\r\n\r\nPNG");
    warc_add(warc, sizeof warc, "response", "urn:uuid:r3", "https://w.example/a3",
             "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nTransfer-Encoding: chunked\r\n\r\n"
             "1a\r\n<html><body><p>Talks in \r\n11\r\nCairo ended.</p>\r\n0\r\n\r\n");
    test_warnings w = {0};
    char out[2048];
    assert_int_equal(read_all(".warc", warc, strlen(warc), &w, out, sizeof out), 2);
    /* no date in the page: the day it was fetched */
    assert_string_equal(out,
                        "urn:uuid:r1|2024-08-25|Wire|https://w.example/a1||The envoy arrived in Doha.\n"
                        "urn:uuid:r3|2024-08-25||https://w.example/a3||Talks in Cairo ended.\n");
    assert_int_equal(w.n, 1);
    assert_non_null(strstr(w.text[0], "not the start of a WARC record"));
    /* a record cut short is said, and what came before it kept */
    memset(&w, 0, sizeof w);
    assert_int_equal(read_all(".warc", warc, strlen(warc) - 30, &w, out, sizeof out), 1);
    assert_int_equal(w.n, 2);
    assert_non_null(strstr(w.text[1], "ends inside a WARC record"));
}

static void html_page(void **s) {
    (void)s;
    const char *page =
        "<!DOCTYPE html>\n<html><head><title>A visit</title>"
        "<meta property=\"article:published_time\" content=\"2024-08-20T09:00:00Z\"></head>"
        "<body><p>The envoy arrived in Doha.</p></body></html>\n";
    test_warnings w = {0};
    char out[1024];
    assert_int_equal(read_all(".txt", page, strlen(page), &w, out, sizeof out), 1);
    assert_non_null(strstr(out, "|2024-08-20|||A visit|The envoy arrived in Doha.\n"));
    assert_int_equal(w.n, 0);
}

static void missing_file(void **s) {
    (void)s;
    dyad_reader *r = NULL;
    dyad_error err;
    assert_int_equal(dyad_reader_open(&r, "/nonexistent/x.jsonl", DYAD_FMT_AUTO, NULL, NULL, &err),
                     DYAD_EIO);
    assert_null(r);
    assert_string_equal(err.file, "/nonexistent/x.jsonl");
    dyad_reader_free(NULL);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(text_with_headers),  cmocka_unit_test(text_without_headers_and_bad_date),
        cmocka_unit_test(jsonl_good_and_bad), cmocka_unit_test(petrarch_xml),
        cmocka_unit_test(missing_file),       cmocka_unit_test(gzip_files),
        cmocka_unit_test(gzip_truncated),     cmocka_unit_test(format_from_content),
        cmocka_unit_test(rss_and_atom),       cmocka_unit_test(warc_responses),
        cmocka_unit_test(html_page),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
