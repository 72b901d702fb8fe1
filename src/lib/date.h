/* date.h -- finds date expressions in a sentence's tokens and resolves
 * them against the article's publication date: weekdays ("on Tuesday"),
 * month and day ("July 31", "Aug.15 and 16", "Oct. 7, 2023"), relative
 * expressions ("last November", "last week", "yesterday", "since the
 * beginning of October", "three days ago", "earlier this month"). Dates
 * are YYYYMMDD integers. */
#ifndef DYAD_DATE_H
#define DYAD_DATE_H

#include <stdint.h>

#include "text.h"

typedef enum {
    DATE_DAY = 0, /* a day */
    DATE_WEEK,    /* a week: the date is its first day */
    DATE_MONTH,   /* a month: the date is its first day */
    DATE_YEAR     /* a year: January 1st */
} date_precision;

typedef struct date_expr {
    uint32_t t0, t1; /* tokens of the expression */
    int32_t date;    /* YYYYMMDD */
    int32_t end;     /* last day of a range ("Aug.15 and 16", "May 6-8"); equal
                        to date for a single day or a period */
    uint8_t precision;
} date_expr;

/* Finds up to max date expressions in tokens t[0..n), resolved against pub
 * (YYYYMMDD; 0 when unknown, in which case only expressions naming a year
 * resolve). Returns how many were found, in token order. */
int date_find(const token *t, uint32_t n, int32_t pub, date_expr *out, int max);

/* Day arithmetic on YYYYMMDD dates. */
int32_t date_add_days(int32_t ymd, int days);
/* 0 = Monday .. 6 = Sunday. */
int date_weekday(int32_t ymd);
/* The ISO 8601 week of a day as "YYYY-Www" in out ("2024-W07"; 2024-12-30
 * is in "2025-W01", 2021-01-03 in "2020-W53"). */
void date_iso_week(int32_t ymd, char out[12]);
/* YYYYMMDD from "YYYY-MM-DD" (0 if malformed or impossible); what
 * follows the ten characters is not looked at. The one parser of dates
 * for readers, store, API and CLI. */
int32_t date_parse_iso(const char *s);
/* An article's date as "YYYY-MM-DD" in out: from YYYY-MM-DD, an ISO
 * timestamp (YYYY-MM-DDT..., or a space) or YYYYMMDD of a real day of
 * years 1-9999. 0, or -1 when s is no such date. */
int date_normalize(const char *s, char out[11]);
int date_valid(int y, int m, int d);
/* A feed's or an HTTP date ("Tue, 03 Dec 2024 10:00:00 GMT": RFC 822 and
 * 2822, the weekday optional, a two-digit year read as 1950-2049) as
 * "YYYY-MM-DD" in out, the day as written. 0, or -1 when s is none. */
int date_rfc822(const char *s, char out[11]);

#endif
