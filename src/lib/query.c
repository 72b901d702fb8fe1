/* query.c -- a query's filters read from their names and text values, the
 * one reading of `dyad query` options and the API's query strings. */
#include <ctype.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "status.h"

/* A number from lo to hi, the whole of s. */
static int number(const char *s, double lo, double hi, double *out) {
    char *end;
    double x = strtod(s, &end);
    if (end == s || *end || !(x >= lo && x <= hi)) return 0;
    *out = x;
    return 1;
}

/* The QuadClasses of a comma-separated list of 1 to 4 as bits 1 << q. */
static int quads(const char *s, int *out) {
    int bits = 0;
    for (const char *p = s; *p; p++) {
        while (*p == ' ') p++;
        if (*p < '1' || *p > '4') return 0;
        bits |= 1 << (*p - '0');
        p++;
        while (*p == ' ') p++;
        if (*p && *p != ',') return 0;
        if (!*p) break;
    }
    if (!bits) return 0;
    *out = bits;
    return 1;
}

/* The name with '-' read as '_' equals want. */
static int named(const char *name, const char *want) {
    for (; *name && *want; name++, want++)
        if (*name != *want && !(*name == '-' && *want == '_')) return 0;
    return !*name && !*want;
}

dyad_status dyad_query_set(dyad_query *q, const char *name, const char *value, dyad_error *err) {
    static const struct {
        const char *name;
        size_t off;
    } TEXT[] = {{"actor", offsetof(dyad_query, actor)},     {"source", offsetof(dyad_query, source)},
                {"target", offsetof(dyad_query, target)},   {"code", offsetof(dyad_query, code)},
                {"country", offsetof(dyad_query, country)}, {"from", offsetof(dyad_query, from)},
                {"to", offsetof(dyad_query, to)},           {"place", offsetof(dyad_query, place)},
                {"text", offsetof(dyad_query, text)},       {"kind", offsetof(dyad_query, kind)}};
    const char *v = value ? value : "";
    for (size_t i = 0; i < sizeof TEXT / sizeof TEXT[0]; i++)
        if (named(name, TEXT[i].name)) {
            *(const char **)((char *)q + TEXT[i].off) = *v ? v : NULL;
            return DYAD_OK;
        }
    if (named(name, "quad")) {
        if (!quads(v, &q->quads))
            return dyad_fail(err, DYAD_EINVAL, NULL, 0,
                             "quad: '%.64s' is not QuadClasses 1 to 4 (\"1,2\")", v);
    } else if (named(name, "goldstein_min") || named(name, "goldstein_max")) {
        int min = named(name, "goldstein_min");
        double x;
        if (!number(v, -10, 10, &x))
            return dyad_fail(err, DYAD_EINVAL, NULL, 0, "%s: '%.64s' is not a number from -10 to 10",
                             min ? "goldstein_min" : "goldstein_max", v);
        if (!q->goldstein_range) q->goldstein_min = -10, q->goldstein_max = 10;
        q->goldstein_range = 1;
        *(min ? &q->goldstein_min : &q->goldstein_max) = x;
    } else if (named(name, "min_confidence")) {
        if (!number(v, 0, 1, &q->min_confidence))
            return dyad_fail(err, DYAD_EINVAL, NULL, 0,
                             "min_confidence: '%.64s' is not a number from 0 to 1", v);
    } else if (named(name, "sort")) {
        static const char *const SORTS[] = {"date", "mentions", "goldstein"};
        size_t i = 0;
        while (i < 3 && strcmp(v, SORTS[i])) i++;
        if (i == 3)
            return dyad_fail(err, DYAD_EINVAL, NULL, 0,
                             "sort: '%.64s' is not date, mentions or goldstein", v);
        q->sort = (dyad_sort)i;
    } else if (named(name, "order")) {
        if (strcmp(v, "asc") && strcmp(v, "desc"))
            return dyad_fail(err, DYAD_EINVAL, NULL, 0, "order: '%.64s' is not asc or desc", v);
        q->descending = !strcmp(v, "desc");
    } else if (named(name, "one_a_day")) {
        if (strcmp(v, "1") && strcmp(v, "true") && strcmp(v, "0") && strcmp(v, "false"))
            return dyad_fail(err, DYAD_EINVAL, NULL, 0, "one_a_day: '%.64s' is not true or false", v);
        q->one_a_day = !strcmp(v, "1") || !strcmp(v, "true");
    } else
        return dyad_fail(err, DYAD_EINVAL, NULL, 0, "%.64s: no such filter", name);
    return DYAD_OK;
}
