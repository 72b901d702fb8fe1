/* test_date.c -- date expressions resolved against a publication date,
 * including those of the sample articles. */
#include "testutil.h"

#include "arena.h"
#include "date.h"
#include "lexicon.h"
#include "text.h"

/* Resolves the first date expression of text; returns its YYYYMMDD or 0,
 * and the expression's text in expr. */
static int32_t first_date(const char *text, int32_t pub, char *expr, size_t n) {
    arena a;
    arena_init(&a, 0);
    lexicon lx;
    assert_int_equal(lex_init(&lx, &a), 0);
    text_doc td;
    assert_int_equal(text_analyze(&a, &lx, text, strlen(text), 1, &td), 0);
    date_expr d[4];
    int k = date_find(td.toks, (uint32_t)td.ntoks, pub, d, 4);
    int32_t r = 0;
    expr[0] = '\0';
    if (k > 0) {
        r = d[0].date;
        uint32_t s = td.toks[d[0].t0].off, e = td.toks[d[0].t1 - 1].off + td.toks[d[0].t1 - 1].len;
        snprintf(expr, n, "%.*s", (int)(e - s), text + s);
    }
    lex_free(&lx);
    arena_free(&a);
    return r;
}

#define DATE_IS(text, pub, want, want_expr)                                                  \
    do {                                                                                     \
        char e_[128];                                                                        \
        assert_int_equal(first_date(text, pub, e_, sizeof e_), want);                        \
        assert_string_equal(e_, want_expr);                                                  \
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
            "October");
    DATE_IS("Last week, Qatar's Prime Minister revealed it.", 20241024, 20241014, "Last week");
    DATE_IS("the conflict in Gaza began last October.", 20240820, 20231001, "last October");
    DATE_IS("Police said yesterday.", 20240820, 20240819, "yesterday");
}

static void not_dates(void **s) {
    (void)s;
    DATE_IS("Egypt may host a new round of talks.", 20240820, 0, "");
    DATE_IS("Egypt is expected to host talks.", 20240820, 0, "");
    DATE_IS("It was invaded on May 6.", 0, 0, ""); /* no publication date, no year */
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(arithmetic), cmocka_unit_test(weekdays), cmocka_unit_test(month_days),
        cmocka_unit_test(relative),   cmocka_unit_test(not_dates),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
