/* date.c -- date expressions in news text, resolved against the
 * publication date (see date.h). News reports speak of the past: a bare
 * weekday or month is the latest one on or before the publication date,
 * unless a future tense word ("next", "will") says otherwise. A range of
 * days ("Aug.15 and 16", "May 6-8") keeps its last day in `end`. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "date.h"

static const char *const MONTHS[12][3] = {
    {"JANUARY", "JAN", "JAN."}, {"FEBRUARY", "FEB", "FEB."}, {"MARCH", "MAR", "MAR."},
    {"APRIL", "APR", "APR."},   {"MAY", "MAY", "MAY"},       {"JUNE", "JUN", "JUN."},
    {"JULY", "JUL", "JUL."},    {"AUGUST", "AUG", "AUG."},   {"SEPTEMBER", "SEPT", "SEPT."},
    {"OCTOBER", "OCT", "OCT."}, {"NOVEMBER", "NOV", "NOV."}, {"DECEMBER", "DEC", "DEC."}};
static const char *const DAYS[7] = {"MONDAY", "TUESDAY",  "WEDNESDAY", "THURSDAY",
                                    "FRIDAY", "SATURDAY", "SUNDAY"};

static int is_leap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

static int month_days(int y, int m) {
    static const int md[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return m == 2 && is_leap(y) ? 29 : md[m - 1];
}

int date_valid(int y, int m, int d) {
    return y >= 1 && y <= 9999 && m >= 1 && m <= 12 && d >= 1 && d <= month_days(y, m);
}

/* Days since 1970-01-01 (civil calendar, H. Hinnant's algorithm). */
static long days_from_civil(int y, int m, int d) {
    y -= m <= 2;
    long era = (y >= 0 ? y : y - 399) / 400;
    long yoe = y - era * 400;
    long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

static int32_t civil_from_days(long z) {
    z += 719468;
    long era = (z >= 0 ? z : z - 146096) / 146097;
    long doe = z - era * 146097;
    long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    long y = yoe + era * 400;
    long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    long mp = (5 * doy + 2) / 153;
    long d = doy - (153 * mp + 2) / 5 + 1;
    long m = mp + (mp < 10 ? 3 : -9);
    y += m <= 2;
    return (int32_t)(y * 10000 + m * 100 + d);
}

int32_t date_add_days(int32_t ymd, int days) {
    long z = days_from_civil(ymd / 10000, ymd / 100 % 100, ymd % 100);
    return civil_from_days(z + days);
}

int date_weekday(int32_t ymd) {
    long z = days_from_civil(ymd / 10000, ymd / 100 % 100, ymd % 100);
    long w = (z + 3) % 7; /* 1970-01-01 was a Thursday (3) */
    return (int)(w < 0 ? w + 7 : w);
}

void date_iso_week(int32_t ymd, char out[12]) {
    /* the week's Thursday is in the week's year (ISO 8601) */
    int32_t thu = date_add_days(ymd, 3 - date_weekday(ymd));
    int y = thu / 10000;
    long doy = days_from_civil(y, thu / 100 % 100, thu % 100) - days_from_civil(y, 1, 1);
    snprintf(out, 12, "%04d-W%02d", y % 10000, (int)(doy / 7 + 1) % 100);
}

/* Digits of s from i for n characters as a number, -1 if any is not one. */
static int digits(const char *s, int i, int n) {
    int v = 0;
    for (int k = i; k < i + n; k++) {
        if (s[k] < '0' || s[k] > '9') return -1;
        v = v * 10 + (s[k] - '0');
    }
    return v;
}

int32_t date_parse_iso(const char *s) {
    if (!s || strnlen(s, 11) < 10 || s[4] != '-' || s[7] != '-') return 0;
    int y = digits(s, 0, 4), m = digits(s, 5, 2), d = digits(s, 8, 2);
    return y > 0 && date_valid(y, m, d) ? y * 10000 + m * 100 + d : 0;
}

int date_normalize(const char *s, char out[11]) {
    size_t n = s ? strlen(s) : 0;
    int32_t ymd = 0;
    if (n == 10 || (n > 10 && (s[10] == 'T' || s[10] == ' ')))
        ymd = date_parse_iso(s);
    else if (n == 8 && digits(s, 0, 8) >= 0) {
        int y = digits(s, 0, 4), m = digits(s, 4, 2), d = digits(s, 6, 2);
        if (y > 0 && date_valid(y, m, d)) ymd = y * 10000 + m * 100 + d;
    }
    if (!ymd) return -1;
    unsigned u = (unsigned)ymd;
    snprintf(out, 11, "%04u-%02u-%02u", u / 10000 % 10000, u / 100 % 100, u % 100);
    return 0;
}

int date_rfc822(const char *s, char out[11]) {
    if (!s) return -1;
    while (*s == ' ' || *s == '\t') s++;
    const char *comma = strchr(s, ',');
    if (comma && comma - s <= 10) s = comma + 1; /* "Tue," */
    char *end;
    long d = strtol(s, &end, 10);
    if (end == s) return -1;
    while (*end == ' ') end++;
    int m = 0;
    for (int k = 0; k < 12 && !m; k++)
        if (!strncasecmp(end, MONTHS[k][1], 3)) m = k + 1;
    if (!m) return -1;
    while (*end && *end != ' ') end++;
    const char *ys = end;
    long y = strtol(ys, &end, 10);
    if (end == ys) return -1;
    int nd = 0;
    for (const char *q = ys; q < end; q++) nd += *q >= '0' && *q <= '9';
    if (nd == 2) y += y < 50 ? 2000 : 1900;
    if (y < 1 || y > 9999 || !date_valid((int)y, m, (int)d)) return -1;
    snprintf(out, 11, "%04u-%02u-%02u", (unsigned)y % 10000, (unsigned)m % 100, (unsigned)d % 100);
    return 0;
}

static int month_of(const token *t) {
    if (t->kind != TK_WORD || !t->cap) return 0;
    for (int m = 0; m < 12; m++)
        for (int k = 0; k < 3; k++)
            if (tok_eq(t, MONTHS[m][k])) return m + 1;
    return 0;
}

static int weekday_of(const token *t) {
    if (t->kind != TK_WORD || !t->cap) return -1;
    for (int w = 0; w < 7; w++)
        if (tok_eq(t, DAYS[w])) return w;
    return -1;
}

static int number(const token *t, int lo, int hi) {
    if (t->kind != TK_NUM && t->kind != TK_WORD) return -1;
    int v = 0, nd = 0;
    const char *s = t->up;
    for (; *s >= '0' && *s <= '9'; s++, nd++)
        if (nd < 5) v = v * 10 + (*s - '0'); /* longer numbers are no dates */
    if (nd == 0 || nd > 4) return -1;
    /* ordinal suffixes: 15TH, 1ST, 2ND, 3RD */
    if (*s && strcmp(s, "TH") && strcmp(s, "ST") && strcmp(s, "ND") && strcmp(s, "RD")) return -1;
    return v >= lo && v <= hi ? v : -1;
}

/* Future words before an expression ("next Tuesday", "will ... on Monday"). */
static int future_before(const token *t, uint32_t i) {
    if (i > 0 && (tok_eq(&t[i - 1], "NEXT") || tok_eq(&t[i - 1], "COMING"))) return 1;
    for (uint32_t k = i; k-- > 0 && i - k <= 8;)
        if (tok_eq(&t[k], "WILL") || tok_eq(&t[k], "TOMORROW") || tok_eq(&t[k], "WO")) return 1;
    return 0;
}

/* The latest date on or before pub with month m and day d (or after, in
 * the future). */
static int32_t resolve_md(int32_t pub, int m, int d, int future) {
    int y = pub / 10000;
    int32_t c = y * 10000 + m * 100 + d;
    if (!future && c > pub) c -= 10000;
    if (future && c < pub) c += 10000;
    int cy = c / 10000;
    if (!date_valid(cy, m, d)) return 0;
    return c;
}

static void put(date_expr *out, int *n, int max, uint32_t t0, uint32_t t1, int32_t date, int prec) {
    if (*n >= max || date <= 0) return;
    out[*n].t0 = t0;
    out[*n].t1 = t1;
    out[*n].date = date;
    out[*n].end = date;
    out[*n].precision = (uint8_t)prec;
    (*n)++;
}

/* Small counts written as words or digits ("three days ago", "a week ago"). */
static int small_count(const token *t) {
    static const char *const W[] = {"A",   "ONE",   "TWO",   "THREE", "FOUR", "FIVE",
                                    "SIX", "SEVEN", "EIGHT", "NINE",  "TEN",  NULL};
    for (int k = 0; W[k]; k++)
        if (tok_eq(t, W[k])) return k ? k : 1;
    if (tok_eq(t, "AN")) return 1;
    return t->kind == TK_NUM ? number(t, 1, 31) : -1;
}

/* "the beginning of", "the end of", "early", "late" before a month: the
 * first token of the expression it starts. */
static uint32_t period_start(const token *t, uint32_t i) {
    uint32_t k = i;
    if (k >= 2 && tok_eq(&t[k - 1], "OF") &&
        (tok_eq(&t[k - 2], "BEGINNING") || tok_eq(&t[k - 2], "START") || tok_eq(&t[k - 2], "END") ||
         tok_eq(&t[k - 2], "MIDDLE"))) {
        k -= 2;
        if (k >= 1 && tok_eq(&t[k - 1], "THE")) k--;
    } else if (k >= 1 && (tok_eq(&t[k - 1], "EARLY") || tok_eq(&t[k - 1], "LATE"))) {
        k--;
    }
    return k;
}

/* The second day of a range after the first one at t[j]: "and 16",
 * "-16", "to 16", "through 16"; returns it (or -1) and the token after. */
static int range_end(const token *t, uint32_t n, uint32_t j, int d, uint32_t *after) {
    if (j + 1 >= n) return -1;
    if (!(tok_eq(&t[j], "AND") || tok_eq(&t[j], "TO") || tok_eq(&t[j], "THROUGH") ||
          t[j].kind == TK_DASH))
        return -1;
    int d2 = number(&t[j + 1], 1, 31);
    if (d2 <= d || t[j + 1].kind != TK_NUM) return -1;
    *after = j + 2;
    return d2;
}

/* What date_find is reading: the tokens, the publication day and the
 * expressions found so far. */
typedef struct date_scan {
    const token *t;
    uint32_t n;
    int32_t pub;
    date_expr *out;
    int max, found;
} date_scan;

/* A date that starts with month m at token i ("August 15, 2024", "Aug. 15
 * and 16", "November 2023", "last November"; start is where the
 * expression begins): put into s, and the token after it returned. */
static uint32_t month_date(date_scan *s, uint32_t i, int m, int last, int next, int this_,
                           uint32_t start) {
    const token *t = s->t, *prev = i > 0 ? &t[i - 1] : NULL;
    uint32_t n = s->n;
    int32_t pub = s->pub;
    if (!last && !next && !this_) start = period_start(t, i);
    /* month [day[, day2 | and day2]] [, year] | month year */
    uint32_t j = i + 1;
    int d = j < n ? number(&t[j], 1, 31) : -1;
    int y = -1;
    if (d > 0) {
        j++;
        /* "Aug.15 and 16": the first day is the event's, the last ends the range */
        int d2 = range_end(t, n, j, d, &j);
        if (j + 1 < n && tok_eq(&t[j], ",") && number(&t[j + 1], 1000, 2999) > 0) {
            y = number(&t[j + 1], 1000, 2999);
            j += 2;
        } else if (j < n && number(&t[j], 1000, 2999) > 0) {
            y = number(&t[j], 1000, 2999);
            j++;
        }
        int32_t dt = 0;
        if (y > 0 && date_valid(y, m, d))
            dt = y * 10000 + m * 100 + d;
        else if (y < 0 && pub)
            dt = resolve_md(pub, m, d, future_before(t, i));
        put(s->out, &s->found, s->max, i, j, dt, DATE_DAY);
        if (d2 > 0 && dt && s->found > 0 && s->out[s->found - 1].t0 == i &&
            date_valid(dt / 10000, m, d2))
            s->out[s->found - 1].end = dt - d + d2;
        return j;
    }
    if (m == 5 && i > 0 && !last && !next && start == i &&
        !(prev && (tok_eq(prev, "IN") || tok_eq(prev, "OF") || tok_eq(prev, "SINCE"))))
        return i + 1;                             /* "may" the modal */
    if (j < n && number(&t[j], 1000, 2999) > 0) { /* "November 2023" */
        y = number(&t[j], 1000, 2999);
        put(s->out, &s->found, s->max, start, j + 1, y * 10000 + m * 100 + 1, DATE_MONTH);
        return j + 1;
    }
    if (pub) {
        int py = pub / 10000, pm = pub / 100 % 100;
        int yy = py;
        if (last)
            yy = m >= pm ? py - 1 : py;
        else if (next)
            yy = m <= pm ? py + 1 : py;
        else if (m > pm && !future_before(t, i))
            yy = py - 1;
        put(s->out, &s->found, s->max, start, i + 1, yy * 10000 + m * 100 + 1, DATE_MONTH);
    }
    return i + 1;
}

/* "last week", "this month", "next year" at token i (sign -1, 0, 1): put
 * into s from start. */
static void relative_period(date_scan *s, uint32_t i, int sign, uint32_t start) {
    const token *t = s->t;
    int32_t pub = s->pub;
    int32_t dt;
    int prec;
    if (tok_eq(&t[i], "WEEK")) {
        int32_t monday = date_add_days(pub, -date_weekday(pub));
        dt = date_add_days(monday, 7 * sign);
        prec = DATE_WEEK;
    } else if (tok_eq(&t[i], "MONTH")) {
        int y = pub / 10000, mm = pub / 100 % 100 + sign;
        if (mm < 1) {
            mm = 12;
            y--;
        }
        if (mm > 12) {
            mm = 1;
            y++;
        }
        dt = y * 10000 + mm * 100 + 1;
        prec = DATE_MONTH;
    } else {
        dt = (pub / 10000 + sign) * 10000 + 101;
        prec = DATE_YEAR;
    }
    put(s->out, &s->found, s->max, start, i + 1, dt, prec);
}

int date_find(const token *t, uint32_t n, int32_t pub, date_expr *out, int max) {
    date_scan ds = {t, n, pub, out, max, 0};
    for (uint32_t i = 0; i < n && ds.found < max;) {
        int m = month_of(&t[i]);
        int w = weekday_of(&t[i]);
        const token *prev = i > 0 ? &t[i - 1] : NULL;
        int last = prev && (tok_eq(prev, "LAST") || tok_eq(prev, "PAST"));
        int next = prev && (tok_eq(prev, "NEXT") || tok_eq(prev, "COMING"));
        int this_ = prev && tok_eq(prev, "THIS");
        uint32_t start = (last || next || this_) ? i - 1 : i;
        if (m && !(m == 5 && !t[i].cap)) {
            i = month_date(&ds, i, m, last, next, this_, start);
            continue;
        }
        if (w >= 0 && pub) {
            int pw = date_weekday(pub);
            int back = (pw - w + 7) % 7;
            int32_t dt;
            if (last)
                dt = date_add_days(pub, back ? -back : -7);
            else if (next || future_before(t, start)) {
                int ahead = (w - pw + 7) % 7;
                dt = date_add_days(pub, ahead ? ahead : 7);
            } else
                dt = date_add_days(pub, -back);
            put(ds.out, &ds.found, ds.max, start, i + 1, dt, DATE_DAY);
            i++;
            continue;
        }
        if (pub && (tok_eq(&t[i], "YESTERDAY") || tok_eq(&t[i], "TODAY") || tok_eq(&t[i], "TOMORROW"))) {
            int off = tok_eq(&t[i], "YESTERDAY") ? -1 : tok_eq(&t[i], "TODAY") ? 0 : 1;
            put(ds.out, &ds.found, ds.max, i, i + 1, date_add_days(pub, off), DATE_DAY);
            i++;
            continue;
        }
        if (pub && (last || next || this_) &&
            (tok_eq(&t[i], "WEEK") || tok_eq(&t[i], "MONTH") || tok_eq(&t[i], "YEAR"))) {
            relative_period(&ds, i, last ? -1 : next ? 1 : 0, start);
            i++;
            continue;
        }
        /* "three days ago", "two weeks ago", "a week ago" */
        if (pub && i + 2 < n && tok_eq(&t[i + 2], "AGO") && small_count(&t[i]) > 0) {
            int k = small_count(&t[i]);
            int unit = tok_eq(&t[i + 1], "DAY") || tok_eq(&t[i + 1], "DAYS")     ? 1
                       : tok_eq(&t[i + 1], "WEEK") || tok_eq(&t[i + 1], "WEEKS") ? 7
                                                                                 : 0;
            if (unit) {
                put(ds.out, &ds.found, ds.max, i, i + 3, date_add_days(pub, -k * unit),
                    unit == 1 ? DATE_DAY : DATE_WEEK);
                i += 3;
                continue;
            }
        }
        int y = number(&t[i], 1900, 2099);
        if (y > 0 && prev && (tok_eq(prev, "IN") || tok_eq(prev, "SINCE")) && t[i].uplen == 4) {
            put(ds.out, &ds.found, ds.max, i, i + 1, y * 10000 + 101, DATE_YEAR);
            i++;
            continue;
        }
        i++;
    }
    return ds.found;
}
