/* test_date.c -- date expressions resolved against a publication date,
 * including those of the sample articles. */
#include "testutil.h"

#include "arena.h"
#include "date.h"
#include "lexicon.h"
#include "text.h"

/* Finds the first date expression of text into *out (date 0 when none)
 * and its text into expr. */
static void first_expr(const char *text, int32_t pub, date_expr *out, char *expr, size_t n) {
    arena a;
    arena_init(&a, 0);
    lexicon lx;
    assert_int_equal(lex_init(&lx, &a), 0);
    text_doc td;
    assert_int_equal(text_analyze(&a, &lx, text, strlen(text), 1, &td), 0);
    date_expr d[4];
    int k = date_find(td.toks, (uint32_t)td.ntoks, pub, d, 4);
    memset(out, 0, sizeof *out);
    expr[0] = '\0';
    if (k > 0) {
        *out = d[0];
        uint32_t s = td.toks[d[0].t0].off, e = td.toks[d[0].t1 - 1].off + td.toks[d[0].t1 - 1].len;
        snprintf(expr, n, "%.*s", (int)(e - s), text + s);
    }
    lex_free(&lx);
    arena_free(&a);
}

/* Resolves the first date expression of text; returns its YYYYMMDD or 0,
 * and the expression's text in expr. */
static int32_t first_date(const char *text, int32_t pub, char *expr, size_t n) {
    date_expr d;
    first_expr(text, pub, &d, expr, n);
    return d.date;
}

#define DATE_IS(text, pub, want, want_expr)                                                             \
    do {                                                                                                \
        char e_[128];                                                                                   \
        assert_int_equal(first_date(text, pub, e_, sizeof e_), want);                                   \
        assert_string_equal(e_, want_expr);                                                             \
    } while (0)

static void arithmetic(void **s) {
    (void)s;
    assert_int_equal(date_weekday(20240820), 1); /* a Tuesday */
    assert_int_equal(date_weekday(20241024), 3); /* a Thursday */
    assert_int_equal(date_add_days(20240301, -1), 20240229);
    assert_int_equal(date_add_days(20231231, 1), 20240101);
    assert_int_equal(date_parse_iso("2024-08-20"), 20240820);
    assert_int_equal(date_parse_iso("2023-02-29"), 0);
    assert_int_equal(date_parse_iso("20240820"), 0);
    assert_int_equal(date_parse_iso(NULL), 0);
    assert_int_equal(date_parse_iso("2024-0a-20"), 0);
    assert_int_equal(date_parse_iso("0000-01-01"), 0);
    assert_int_equal(date_parse_iso("2024-02-31"), 0);
    /* article dates: the forms readers take, one spelling out */
    char out[11];
    const char *good[][2] = {{"2024-08-20", "2024-08-20"},
                             {"20240820", "2024-08-20"},
                             {"2024-08-20T10:00:00Z", "2024-08-20"},
                             {"2024-02-29 08:00", "2024-02-29"}};
    for (size_t i = 0; i < sizeof good / sizeof good[0]; i++) {
        assert_int_equal(date_normalize(good[i][0], out), 0);
        assert_string_equal(out, good[i][1]);
    }
    const char *bad[] = {"2024-08-20x", "2023-02-29", "00000101",  "2024-8-20",
                         "2024082",     "",           "0000-01-01"};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
        assert_int_equal(date_normalize(bad[i], out), -1);
    assert_int_equal(date_normalize(NULL, out), -1);
}

/* ISO 8601 weeks: Monday to Sunday, the week's year the year of its
 * Thursday (so a week may start in December or end in January). */
static void iso_weeks(void **s) {
    (void)s;
    static const struct {
        int32_t day;
        const char *week;
    } W[] = {
        {20240214, "2024-W07"}, {20240101, "2024-W01"}, /* a Monday */
        {20240310, "2024-W10"}, {20240311, "2024-W11"}, /* Sunday, then Monday */
        {20241230, "2025-W01"},                         /* a Monday of 2025's first week */
        {20210103, "2020-W53"},                         /* a Sunday of 2020's last week */
        {20201231, "2020-W53"}, {20260101, "2026-W01"}, /* a Thursday */
        {20270101, "2026-W53"},                         /* a Friday: 2026 has 53 weeks */
        {20231231, "2023-W52"},
    };
    for (size_t i = 0; i < sizeof W / sizeof W[0]; i++) {
        char out[12];
        date_iso_week(W[i].day, out);
        assert_string_equal(out, W[i].week);
    }
}

static void weekdays(void **s) {
    (void)s;
    DATE_IS("Blinken arrived in Doha on Tuesday evening.", 20240820, 20240820, "Tuesday");
    DATE_IS("On Sunday, Netanyahu reiterated his commitment.", 20240820, 20240818, "Sunday");
    DATE_IS("In an earlier statement on Monday, Miller said.", 20241024, 20241021, "Monday");
    DATE_IS("The envoy will travel to Cairo on Friday.", 20240820, 20240823, "Friday");
    DATE_IS("They met last Tuesday.", 20240820, 20240813, "last Tuesday");
}

static void month_days(void **s) {
    (void)s;
    DATE_IS("Talks took place in Doha on Aug.15 and 16.", 20240820, 20240815, "Aug.15 and 16");
    DATE_IS("Israel assassinated him in Iran on July 31.", 20241024, 20240731, "July 31");
    DATE_IS("The area was invaded on May 6.", 20240820, 20240506, "May 6");
    DATE_IS("an attack by Hamas on Oct. 7, 2023.", 20240820, 20231007, "Oct. 7, 2023");
    DATE_IS("He visited Qatar on August 20 in another scramble.", 20241024, 20240820, "August 20");
    DATE_IS("It happened on December 30.", 20240105, 20231230, "December 30");
}

static void relative(void **s) {
    (void)s;
    DATE_IS("Last November, these efforts led to a truce.", 20241024, 20231101, "Last November");
    DATE_IS("since the expiration of the truce deal last December.", 20241024, 20231201,
            "last December");
    DATE_IS("Since the beginning of October, northern Gaza has suffered.", 20241024, 20241001,
            "the beginning of October");
    DATE_IS("By the end of March the talks had failed.", 20240820, 20240301, "the end of March");
    DATE_IS("Fighting resumed in early May.", 20240820, 20240501, "early May");
    DATE_IS("Last week, Qatar's Prime Minister revealed it.", 20241024, 20241014, "Last week");
    DATE_IS("the conflict in Gaza began last October.", 20240820, 20231001, "last October");
    DATE_IS("Police said yesterday.", 20240820, 20240819, "yesterday");
    DATE_IS("He resigned three days ago.", 20240820, 20240817, "three days ago");
    DATE_IS("The strike hit the camp two weeks ago.", 20240820, 20240806, "two weeks ago");
    DATE_IS("Talks began earlier this week.", 20240822, 20240819, "this week");
    DATE_IS("Prices rose this month.", 20240822, 20240801, "this month");
    DATE_IS("Next week, the envoy returns.", 20240822, 20240826, "Next week");
    DATE_IS("Last month, the truce held.", 20240105, 20231201, "Last month");
    DATE_IS("Last year, the truce held.", 20240105, 20230101, "Last year");
}

/* The last day of the first expression of text (0 when none). */
static int32_t first_end(const char *text, int32_t pub) {
    date_expr d;
    char expr[128];
    first_expr(text, pub, &d, expr, sizeof expr);
    return d.end;
}

static void ranges(void **s) {
    (void)s;
    assert_int_equal(first_end("Talks took place in Doha on Aug.15 and 16.", 20240820), 20240816);
    assert_int_equal(first_end("Talks were held May 6-8 in Cairo.", 20240820), 20240508);
    DATE_IS("Talks were held May 6-8 in Cairo.", 20240820, 20240506, "May 6-8");
    assert_int_equal(first_end("Talks ran from July 29 to 31.", 20240820), 20240731);
    assert_int_equal(first_end("They met on July 31.", 20240820), 20240731);
    assert_int_equal(first_end("It began on Oct. 7, 2023.", 20240820), 20231007);
    /* a second number that is no later day is no range */
    assert_int_equal(first_end("On July 31 and 2 others were held.", 20240820), 20240731);
    assert_int_equal(first_end("Since the beginning of October, it went on.", 20241024), 20241001);
}

static void not_dates(void **s) {
    (void)s;
    DATE_IS("Egypt may host a new round of talks.", 20240820, 0, "");
    DATE_IS("Egypt is expected to host talks.", 20240820, 0, "");
    DATE_IS("It was invaded on May 6.", 0, 0, ""); /* no publication date, no year */
    DATE_IS("He was held for three days in Gaza.", 20240820, 0, "");
    DATE_IS("Five years ago he was elected.", 20240820, 0, ""); /* years ago: too vague */
    DATE_IS("It lasted this long.", 20240820, 0, "");
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(arithmetic), cmocka_unit_test(iso_weeks), cmocka_unit_test(weekdays),
        cmocka_unit_test(month_days), cmocka_unit_test(relative),  cmocka_unit_test(ranges),
        cmocka_unit_test(not_dates),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
