/* test_html.c -- news pages to articles: paragraphs without boilerplate,
 * the largest <article>, dates from each kind of metadata, title and
 * address precedence, charsets, and pages that are no HTML at all. The
 * pages are invented for these tests. */
#include "testutil.h"

#include "html.h"

/* Extracts page (a C string) and fails the test unless it returns 0. */
static void extract(const char *page, const char *charset, const char *url, html_article *a) {
    const char *why = NULL;
    int rc = html_extract(page, strlen(page), charset, url, a, &why);
    if (rc != 0) fail_msg("html_extract: %s", why ? why : "(no reason)");
    assert_non_null(a->title);
    assert_non_null(a->date);
    assert_non_null(a->source);
    assert_non_null(a->url);
    assert_non_null(a->text);
}

/* The date html_extract finds in a page of head and body. */
static void date_of(const char *head, const char *body, char *out, size_t n) {
    char page[2048];
    snprintf(page, sizeof page, "<html><head>%s</head><body>%s<p>Some text here.</p></body></html>",
             head, body);
    html_article a;
    extract(page, NULL, NULL, &a);
    snprintf(out, n, "%s", a.date);
    html_article_free(&a);
}

#define DATE_IS(head, body, want)                                                                       \
    do {                                                                                                \
        char d_[16];                                                                                    \
        date_of(head, body, d_, sizeof d_);                                                             \
        assert_string_equal(d_, want);                                                                  \
    } while (0)

static const char STORY[] =
    "<!DOCTYPE html><html><head><meta charset=\"utf-8\">\n"
    "<title>Talks resume | Example News</title>\n"
    "<meta property=\"og:site_name\" content=\" Example  News \">\n"
    "<script>var ads = '<p>not text</p>';</script><style>p { color: red }</style>\n"
    "</head><body class=\"nav-open cookie-consent\">\n"
    "<header><nav><p>Home World Politics</p></nav><p>Site header text</p></header>\n"
    "<article class=\"story\">\n"
    "  <h1>Talks resume in Geneva</h1>\n"
    "  <p class=\"byline\">By Jane Roe</p>\n"
    "  <p>GENEVA &#8212; Negotiators from Arnor and Gondor\n   met on   Tuesday,&nbsp;officials "
    "said.</p>\n"
    "  <h2>Background</h2>\n"
    "  <figure><img src=\"x.jpg\"><figcaption><p>A photo caption</p></figcaption></figure>\n"
    "  <p>The talks, the <b>first</b> since <a href=\"/x\">March</a>, lasted six hours.<script>"
    "track();</script></p>\n"
    "  <div class=\"share-tools\"><p>Share this story on every network</p></div>\n"
    "  <p><a href=\"/a\">Read more about the long conflict</a> here</p>\n"
    "  <div id=\"related-links\"><p>Another story you might like</p></div>\n"
    "  <aside><p>An aside with a fact box</p></aside>\n"
    "  <form><p>Sign up for our emails</p></form>\n"
    "  <noscript><p>Enable scripts</p></noscript>\n"
    "  <p>By the time the sides adjourned, no deal was reached.</p>\n"
    "  <section class=\"comments\"><p>First comment!</p></section>\n"
    "</article>\n"
    "<footer><p>Copyright Example News, all rights reserved</p></footer>\n"
    "</body></html>\n";

static void article_without_boilerplate(void **s) {
    (void)s;
    html_article a;
    extract(STORY, NULL, "https://news.example/talks", &a);
    assert_string_equal(a.text, "GENEVA \xE2\x80\x94 Negotiators from Arnor and Gondor met on Tuesday, "
                                "officials said.\n\n"
                                "The talks, the first since March, lasted six hours.\n\n"
                                "By the time the sides adjourned, no deal was reached.");
    assert_string_equal(a.title, "Talks resume | Example News");
    assert_string_equal(a.source, "Example News");
    assert_string_equal(a.url, "https://news.example/talks");
    assert_string_equal(a.date, "");
    html_article_free(&a);
    assert_null(a.text);
    assert_null(a.title);
}

static void largest_article(void **s) {
    (void)s;
    const char *page = "<html><body>"
                       "<article><p>A short teaser.</p></article>"
                       "<main><article><p>The main story, first paragraph of it.</p>"
                       "<article><p>A nested piece belongs to it.</p></article>"
                       "<p>The main story, second paragraph.</p></article></main>"
                       "<aside><article><p>A sidebar article that is much longer than all the others "
                       "on the page, and must not be chosen at all.</p></article></aside>"
                       "<article><p>Another teaser, a bit longer.</p></article>"
                       "<p>Text outside every article.</p>"
                       "</body></html>";
    html_article a;
    extract(page, NULL, NULL, &a);
    assert_string_equal(a.text, "The main story, first paragraph of it.\n\n"
                                "A nested piece belongs to it.\n\n"
                                "The main story, second paragraph.");
    assert_string_equal(a.url, "");
    assert_string_equal(a.title, "");
    html_article_free(&a);

    /* no <article>, or only empty ones: every paragraph of the body */
    page = "<html><body><div id=\"main-nav\"><p>Menu entries</p></div>"
           "<article><h2>Only a heading</h2></article>"
           "<div class=\"content\"><p>First.</p><div><p>Second\n\tline.</p></div></div>"
           "<footer><p>Footer text</p></footer><div class=\"site-footer\"><p>More footer</p></div>"
           "<p>Third.</p></body></html>";
    extract(page, NULL, NULL, &a);
    assert_string_equal(a.text, "First.\n\nSecond line.\n\nThird.");
    html_article_free(&a);
}

static void link_heavy_paragraph(void **s) {
    (void)s;
    const char *page =
        "<html><body><article>"
        "<p>Officials said <a href=\"/1\">the ministry</a> confirmed the figures on "
        "Monday.</p>"
        "<p><a href=\"/2\">Ministry figures</a> and <a href=\"/3\">more links here</a></p>"
        "<p><a href=\"/4\"><b>All</b> of this is a link</a></p>"
        "<p>Photo: Reuters</p>"
        "<p>\xC2\xA0 \n </p>"
        "</article></body></html>";
    html_article a;
    extract(page, NULL, NULL, &a);
    assert_string_equal(a.text, "Officials said the ministry confirmed the figures on Monday.");
    html_article_free(&a);
}

static void dates(void **s) {
    (void)s;
    /* each source alone */
    DATE_IS("<meta property=\"article:published_time\" content=\"2024-06-05T14:03:00+02:00\">", "",
            "2024-06-05");
    DATE_IS("<meta property=\"article:published_time\" content=\" 2024-06-05T23:30:00Z\">", "",
            "2024-06-05");
    DATE_IS("<meta property=\"article:published_time\" content=\"2024-06-05+02:00\">", "", "2024-06-05");
    DATE_IS("<meta itemprop=\"datePublished\" content=\"2023-12-31\">", "", "2023-12-31");
    DATE_IS("<meta name=\"datePublished\" content=\"2023-12-30T08:00:00\">", "", "2023-12-30");
    DATE_IS("<meta name=\"pubdate\" content=\"20240229\">", "", "2024-02-29");
    DATE_IS("<meta name=\"DC.date.issued\" content=\"2022-01-02\">", "", "2022-01-02");
    DATE_IS("<meta name=\"dcterms.created\" content=\"2022-01-03 10:00\">", "", "2022-01-03");
    DATE_IS("<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"dateModified\":"
            "\"2024-07-02\",\n \"datePublished\" : \"2024-07-01T09:00:00-04:00\"}</script>",
            "", "2024-07-01");
    DATE_IS("", "<article><header><time datetime=\"2024-03-04T10:00\">March 4</time></header></article>",
            "2024-03-04");
    /* the order of the sources, whatever the order in the page */
    DATE_IS("<script type=\"application/ld+json\">{\"datePublished\":\"2020-01-01\"}</script>"
            "<meta property=\"article:published_time\" content=\"2021-02-02T00:00:00Z\">",
            "<time datetime=\"2019-01-01\">x</time>", "2021-02-02");
    DATE_IS("<meta name=\"date\" content=\"2021-03-03\">"
            "<script type=\"application/ld+json\">{\"datePublished\":\"2020-01-01\"}</script>",
            "", "2021-03-03");
    /* a <time> of the chosen article, not one of the navigation or of another article */
    DATE_IS("",
            "<nav><time datetime=\"2001-01-01\">x</time></nav>"
            "<article><p>Short.</p><time datetime=\"2002-02-02\">x</time></article>"
            "<article><p>The longer article of the page.</p><time datetime=\"2003-03-03\">x</time>"
            "</article>",
            "2003-03-03");
    /* an invalid source gives way to the next valid one */
    DATE_IS("<meta property=\"article:published_time\" content=\"yesterday\">"
            "<script type=\"application/ld+json\">{\"datePublished\":\"2024-02-30\","
            "\"datePublished\":\"2024-02-28\"}</script>",
            "", "2024-02-28");
    /* none, or none valid */
    DATE_IS("", "", "");
    DATE_IS("<meta property=\"article:published_time\" content=\"2024-13-45T00:00:00Z\">"
            "<meta name=\"date\" content=\"June 5, 2024\">",
            "<time datetime=\"20241\">x</time>", "");
}

static void title_precedence(void **s) {
    (void)s;
    html_article a;
    extract("<html><head><title>Page title</title><meta property=\"og:title\" content=\"Og  title\">"
            "</head><body><h1>Heading</h1></body></html>",
            NULL, NULL, &a);
    assert_string_equal(a.title, "Og title");
    html_article_free(&a);
    extract("<html><head><title>\n  Page\n  title  </title><meta property=\"og:title\" content=\" \">"
            "</head><body><h1>Heading</h1></body></html>",
            NULL, NULL, &a);
    assert_string_equal(a.title, "Page title");
    html_article_free(&a);
    extract("<html><body><nav><p>x</p></nav><h1> The <em>fi<script>x()</script>rst</em><br>heading </h1>"
            "<h1>Second</h1></body></html>",
            NULL, NULL, &a);
    assert_string_equal(a.title, "The first heading");
    html_article_free(&a);
}

static void url_precedence(void **s) {
    (void)s;
    html_article a;
    const char *both = "<html><head><meta property=\"og:url\" content=\"https://news.example/og\">"
                       "<link rel=\"alternate canonical\" href=\"https://news.example/canon\">"
                       "</head><body></body></html>";
    extract(both, NULL, "https://news.example/fetched?utm=1", &a);
    assert_string_equal(a.url, "https://news.example/canon");
    html_article_free(&a);
    extract("<html><head><meta property=\"og:url\" content=\"https://news.example/og\">"
            "<link rel=\"stylesheet\" href=\"/s.css\"></head><body></body></html>",
            NULL, "https://news.example/fetched", &a);
    assert_string_equal(a.url, "https://news.example/og");
    html_article_free(&a);
    extract("<html><head><link rel=\"canonical\" href=\"/world/talks-resume\"></head></html>", NULL,
            "https://news.example/amp/talks?x=1", &a);
    assert_string_equal(a.url, "https://news.example/world/talks-resume");
    html_article_free(&a);
    extract("<html><body><p>No address.</p></body></html>", NULL, "https://news.example/fetched", &a);
    assert_string_equal(a.url, "https://news.example/fetched");
    html_article_free(&a);
}

static void charsets(void **s) {
    (void)s;
    const char *latin1 = "<html><head><title>Caf\xE9</title></head>"
                         "<body><p>Le caf\xE9 est ouvert \xE0 Gen\xE8ve.</p></body></html>";
    html_article a;
    extract(latin1, "iso-8859-1", NULL, &a);
    assert_string_equal(a.title, "Caf\xC3\xA9");
    assert_string_equal(a.text, "Le caf\xC3\xA9 est ouvert \xC3\xA0 Gen\xC3\xA8ve.");
    html_article_free(&a);
    /* the page's own declaration when the header has none */
    const char *declared = "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; "
                           "charset=iso-8859-1\"><title>Caf\xE9</title></head><body></body></html>";
    extract(declared, NULL, NULL, &a);
    assert_string_equal(a.title, "Caf\xC3\xA9");
    html_article_free(&a);
    /* neither the header nor the page says, and it is no UTF-8 */
    extract(strstr(latin1, "<body>"), NULL, NULL, &a);
    assert_string_equal(a.text, "Le caf\xC3\xA9 est ouvert \xC3\xA0 Gen\xC3\xA8ve.");
    html_article_free(&a);
    /* UTF-8 stays UTF-8, under a quoted header value too */
    extract("<html><head><title>Caf\xC3\xA9</title></head></html>", "\"UTF-8\"", NULL, &a);
    assert_string_equal(a.title, "Caf\xC3\xA9");
    html_article_free(&a);
    /* NFC, as every article's text */
    extract("<meta charset=\"utf-8\"><p>Cafe\xCC\x81</p>", NULL, NULL, &a);
    assert_string_equal(a.text, "Caf\xC3\xA9");
    html_article_free(&a);
    /* UTF-8 that declares nothing is UTF-8 (libxml2 alone reads ISO-8859-1) */
    extract("<p>Gen\xC3\xA8ve, \xC2\xA0 Z\xC3\xBCrich</p>", NULL, NULL, &a);
    assert_string_equal(a.text, "Gen\xC3\xA8ve, Z\xC3\xBCrich");
    html_article_free(&a);
    /* a stray byte in UTF-8 becomes U+FFFD, and the text after it stays UTF-8 */
    const char *stray = "<meta charset=\"utf-8\"><p>Caf\xC3\xA9 \xFF \xC3\xA0 Gen\xC3\xA8ve, "
                        "na\xC3\xAFve, Z\xC3\xBCrich, S\xC3\xA3o Paulo, Bogot\xC3\xA1, "
                        "Mal\xC3\xA9, Dakar</p>";
    const char *want = "Caf\xC3\xA9 \xEF\xBF\xBD \xC3\xA0 Gen\xC3\xA8ve, na\xC3\xAFve, Z\xC3\xBCrich, "
                       "S\xC3\xA3o Paulo, Bogot\xC3\xA1, Mal\xC3\xA9, Dakar";
    extract(stray, NULL, NULL, &a);
    assert_string_equal(a.text, want);
    html_article_free(&a);
    /* undeclared, but eight valid sequences to one invalid */
    extract(strchr(stray, '>') + 1, NULL, NULL, &a);
    assert_string_equal(a.text, want);
    html_article_free(&a);
    extract("<p>Caf\xC3\xA9 \xFF!</p>", "utf-8", NULL, &a);
    assert_string_equal(a.text, "Caf\xC3\xA9 \xEF\xBF\xBD!");
    html_article_free(&a);
}

/* Whether s is valid UTF-8. */
static int valid_utf8(const char *s) {
    const unsigned char *u = (const unsigned char *)s;
    while (*u) {
        int k = *u < 0x80             ? 0
                : (*u & 0xE0) == 0xC0 ? 1
                : (*u & 0xF0) == 0xE0 ? 2
                : (*u & 0xF8) == 0xF0 ? 3
                                      : -1;
        if (k < 0) return 0;
        u++;
        for (; k > 0; k--, u++)
            if ((*u & 0xC0) != 0x80) return 0;
    }
    return 1;
}

/* Extracts buf[0..n) and checks that it failed cleanly or gave every field
 * as valid UTF-8 with paragraphs well separated. */
static void survives(const char *buf, size_t n) {
    html_article a;
    const char *why = NULL;
    int rc = html_extract(buf, n, NULL, NULL, &a, &why);
    assert_true(rc == 0 || rc == -1);
    if (rc == -1) {
        assert_non_null(why);
        assert_null(a.text);
        assert_null(a.title);
        return;
    }
    const char *f[5] = {a.title, a.date, a.source, a.url, a.text};
    for (int i = 0; i < 5; i++) {
        assert_non_null(f[i]);
        assert_true(valid_utf8(f[i]));
    }
    assert_null(strstr(a.text, "\n\n\n"));
    assert_null(strstr(a.text, "  "));
    html_article_free(&a);
}

static void garbage(void **s) {
    (void)s;
    html_article a;
    const char *why = NULL;
    assert_int_equal(html_extract("", 0, NULL, NULL, &a, &why), -1);
    assert_string_equal(why, "not readable as HTML");
    assert_null(a.text);
    assert_int_equal(html_extract(NULL, 10, NULL, NULL, &a, &why), -1);
    html_article_free(&a);
    html_article zero = {0};
    html_article_free(&zero);
    html_article_free(NULL);

    /* binary noise, deterministic */
    char *buf = malloc(1 << 16);
    assert_non_null(buf);
    uint32_t x = 12345;
    for (int round = 0; round < 20; round++) {
        size_t n = (size_t)1 << (round % 16);
        for (size_t i = 0; i < n; i++) {
            x = x * 1103515245u + 12345u;
            buf[i] = round % 2 ? "<p>a</ &;\xE9\x00"[(x >> 16) % 12] : (char)(x >> 16);
        }
        survives(buf, n);
    }
    /* deep nesting, unclosed, and stray end tags */
    size_t n = 0;
    for (int i = 0; i < 5000 && n + 40 < (1 << 16); i++) n += (size_t)sprintf(buf + n, "<div><p><a>x ");
    survives(buf, n);
    n = 0;
    for (int i = 0; i < 3000 && n + 40 < (1 << 16); i++)
        n += (size_t)sprintf(buf + n, "<b></i></article>");
    survives(buf, n);
    const char *odd[] = {"<<<<>>>>",
                         "<html",
                         "<!--",
                         "<p>unclosed <a href=\"",
                         "\xEF\xBB\xBF<p>bom</p>",
                         "<script>",
                         "<article><p>\x01\x02 ctl\x7f</p>",
                         "</p></p></body>"};
    for (size_t i = 0; i < sizeof odd / sizeof odd[0]; i++) survives(odd[i], strlen(odd[i]));
    free(buf);

    /* larger than any page */
    size_t big = (32u << 20) + 1;
    buf = malloc(big);
    assert_non_null(buf);
    memset(buf, 'a', big);
    assert_int_equal(html_extract(buf, big, NULL, NULL, &a, &why), -1);
    assert_string_equal(why, "larger than 32 MB");
    free(buf);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(article_without_boilerplate),
        cmocka_unit_test(largest_article),
        cmocka_unit_test(link_heavy_paragraph),
        cmocka_unit_test(dates),
        cmocka_unit_test(title_precedence),
        cmocka_unit_test(url_precedence),
        cmocka_unit_test(charsets),
        cmocka_unit_test(garbage),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
