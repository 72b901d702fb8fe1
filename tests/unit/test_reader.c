#define _DEFAULT_SOURCE /* mkstemps */
/* test_reader.c -- article readers: plain text with header lines, JSON
 * Lines with bad lines among good ones, PETRARCH XML records. */
#include "testutil.h"

#include <unistd.h>

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
        cmocka_unit_test(missing_file),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
