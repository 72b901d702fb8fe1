/* date.c -- date expressions in news text, resolved against the
 * publication date (see date.h). News reports speak of the past: a bare
 * weekday or month is the latest one on or before the publication date,
 * unless a future tense word ("next", "will") says otherwise. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "date.h"

static const char *const MONTHS[12][3] = {
    {"JANUARY", "JAN", "JAN."},   {"FEBRUARY", "FEB", "FEB."}, {"MARCH", "MAR", "MAR."},
    {"APRIL", "APR", "APR."},     {"MAY", "MAY", "MAY"},       {"JUNE", "JUN", "JUN."},
    {"JULY", "JUL", "JUL."},      {"AUGUST", "AUG", "AUG."},   {"SEPTEMBER", "SEPT", "SEPT."},
    {"OCTOBER", "OCT", "OCT."},   {"NOVEMBER", "NOV", "NOV."}, {"DECEMBER", "DEC", "DEC."}};
static const char *const DAYS[7] = {"MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY",
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

int32_t date_parse_iso(const char *s) {
    int y, m, d;
    char tail;
    if (!s || sscanf(s, "%4d-%2d-%2d%c", &y, &m, &d, &tail) < 3) return 0;
    return date_valid(y, m, d) ? y * 10000 + m * 100 + d : 0;
}

static int month_of(const token *t) {
    if (t->kind != TK_WORD || !t->cap) return 0;
    for (int m = 0; m < 12; m++)
        for (int k = 0; k < 3; k++)
            if (strcmp(t->up, MONTHS[m][k]) == 0) return m + 1;
    return 0;
}

static int weekday_of(const token *t) {
    if (t->kind != TK_WORD || !t->cap) return -1;
    for (int w = 0; w < 7; w++)
        if (strcmp(t->up, DAYS[w]) == 0) return w;
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

static int is(const token *t, const char *w) { return strcmp(t->up, w) == 0; }

/* Future words before an expression ("next Tuesday", "will ... on Monday"). */
static int future_before(const token *t, uint32_t i) {
    if (i > 0 && (is(&t[i - 1], "NEXT") || is(&t[i - 1], "COMING"))) return 1;
    for (uint32_t k = i; k-- > 0 && i - k <= 8;)
        if (is(&t[k], "WILL") || is(&t[k], "TOMORROW") || is(&t[k], "WO")) return 1;
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

static void put(date_expr *out, int *n, int max, uint32_t t0, uint32_t t1, int32_t date,
                int prec) {
    if (*n >= max || date <= 0) return;
    out[*n].t0 = t0;
    out[*n].t1 = t1;
    out[*n].date = date;
    out[*n].precision = (uint8_t)prec;
    (*n)++;
}

int date_find(const token *t, uint32_t n, int32_t pub, date_expr *out, int max) {
    int found = 0;
    for (uint32_t i = 0; i < n && found < max;) {
        int m = month_of(&t[i]);
        int w = weekday_of(&t[i]);
        const token *prev = i > 0 ? &t[i - 1] : NULL;
        int last = prev && (is(prev, "LAST") || is(prev, "PAST"));
        int next = prev && (is(prev, "NEXT") || is(prev, "COMING"));
        uint32_t start = (last || next) ? i - 1 : i;
        if (m && !(m == 5 && !t[i].cap)) {
            /* month [day[, day2 | and day2]] [, year] | month year */
            uint32_t j = i + 1;
            int d = j < n ? number(&t[j], 1, 31) : -1;
            int y = -1;
            if (d > 0) {
                j++;
                /* "Aug.15 and 16": the first day is the event's */
                if (j + 1 < n && is(&t[j], "AND") && number(&t[j + 1], 1, 31) > 0) j += 2;
                if (j + 1 < n && is(&t[j], ",") && number(&t[j + 1], 1000, 2999) > 0) {
                    y = number(&t[j + 1], 1000, 2999);
                    j += 2;
                } else if (j < n && number(&t[j], 1000, 2999) > 0) {
                    y = number(&t[j], 1000, 2999);
                    j++;
                }
                int32_t dt = 0;
                if (y > 0 && date_valid(y, m, d)) dt = y * 10000 + m * 100 + d;
                else if (y < 0 && pub) dt = resolve_md(pub, m, d, future_before(t, i));
                put(out, &found, max, i, j, dt, DATE_DAY);
                i = j;
                continue;
            }
            if (m == 5 && i > 0 && !last && !next && !(prev && (is(prev, "IN") || is(prev, "OF") || is(prev, "SINCE"))))
                { i++; continue; } /* "may" the modal */
            if (j < n && number(&t[j], 1000, 2999) > 0) { /* "November 2023" */
                y = number(&t[j], 1000, 2999);
                put(out, &found, max, start, j + 1, y * 10000 + m * 100 + 1, DATE_MONTH);
                i = j + 1;
                continue;
            }
            if (pub) {
                int py = pub / 10000, pm = pub / 100 % 100;
                int yy = py;
                if (last) yy = m >= pm ? py - 1 : py;
                else if (next) yy = m <= pm ? py + 1 : py;
                else if (m > pm && !future_before(t, i)) yy = py - 1;
                put(out, &found, max, start, i + 1, yy * 10000 + m * 100 + 1, DATE_MONTH);
            }
            i++;
            continue;
        }
        if (w >= 0 && pub) {
            int pw = date_weekday(pub);
            int back = (pw - w + 7) % 7;
            int32_t dt;
            if (last) dt = date_add_days(pub, back ? -back : -7);
            else if (next || future_before(t, start)) {
                int ahead = (w - pw + 7) % 7;
                dt = date_add_days(pub, ahead ? ahead : 7);
            } else dt = date_add_days(pub, -back);
            put(out, &found, max, start, i + 1, dt, DATE_DAY);
            i++;
            continue;
        }
        if (pub && (is(&t[i], "YESTERDAY") || is(&t[i], "TODAY") || is(&t[i], "TOMORROW"))) {
            int off = is(&t[i], "YESTERDAY") ? -1 : is(&t[i], "TODAY") ? 0 : 1;
            put(out, &found, max, i, i + 1, date_add_days(pub, off), DATE_DAY);
            i++;
            continue;
        }
        if (pub && (last || next) && i + 0 < n &&
            (is(&t[i], "WEEK") || is(&t[i], "MONTH") || is(&t[i], "YEAR"))) {
            int s = last ? -1 : 1;
            int32_t dt;
            int prec;
            if (is(&t[i], "WEEK")) {
                int32_t monday = date_add_days(pub, -date_weekday(pub));
                dt = date_add_days(monday, 7 * s);
                prec = DATE_WEEK;
            } else if (is(&t[i], "MONTH")) {
                int y = pub / 10000, mm = pub / 100 % 100 + s;
                if (mm < 1) { mm = 12; y--; }
                if (mm > 12) { mm = 1; y++; }
                dt = y * 10000 + mm * 100 + 1;
                prec = DATE_MONTH;
            } else {
                dt = (pub / 10000 + s) * 10000 + 101;
                prec = DATE_YEAR;
            }
            put(out, &found, max, start, i + 1, dt, prec);
            i++;
            continue;
        }
        int y = number(&t[i], 1900, 2099);
        if (y > 0 && prev && (is(prev, "IN") || is(prev, "SINCE")) && t[i].uplen == 4) {
            put(out, &found, max, i, i + 1, y * 10000 + 101, DATE_YEAR);
            i++;
            continue;
        }
        i++;
    }
    return found;
}
