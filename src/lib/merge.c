/* merge.c -- plans the events of one (date, source, target, code) key from
 * all its stored reports (see merge.h). The plan is a function of the set of
 * reports alone: reports are put in an order of their values, places are
 * taken in name order, and ties go to names, never to arrival. */
#include <stdlib.h>
#include <string.h>

#include "merge.h"

static int cmp_str(const char *a, const char *b) { return strcmp(a ? a : "", b ? b : ""); }

static int cmp_real(double a, double b) { return (a > b) - (a < b); }

/* Reports in order of place name, then the rest of the place, then where
 * they come from: equal places sit together, and the first report of a
 * name is the same whatever order they were stored in. */
static int cmp_mention(const void *pa, const void *pb) {
    const merge_mention *a = pa, *b = pb;
    int c = cmp_str(a->place, b->place);
    if (!c) c = cmp_str(a->kind, b->kind);
    if (!c) c = cmp_str(a->country, b->country);
    if (!c) c = a->has_ll - b->has_ll;
    if (!c && a->has_ll) c = cmp_real(a->lat, b->lat);
    if (!c && a->has_ll) c = cmp_real(a->lon, b->lon);
    if (!c) c = (a->article > b->article) - (a->article < b->article);
    if (!c) c = (a->id > b->id) - (a->id < b->id);
    return c;
}

static int is_country(const merge_mention *m) { return m->kind && !strcmp(m->kind, "country"); }

/* Sorts indexes of reports by (group, key) to count distinct keys. */
typedef struct {
    size_t group;
    int64_t article;
    const char *source;
} tally;

static int cmp_article(const void *pa, const void *pb) {
    const tally *a = pa, *b = pb;
    if (a->group != b->group) return (a->group > b->group) - (a->group < b->group);
    return (a->article > b->article) - (a->article < b->article);
}

static int cmp_source(const void *pa, const void *pb) {
    const tally *a = pa, *b = pb;
    if (a->group != b->group) return (a->group > b->group) - (a->group < b->group);
    return cmp_str(a->source, b->source);
}

/* Counts each group's reports, distinct articles and sources, and its
 * highest confidence. */
static int count_groups(const merge_mention *m, size_t n, merge_group *g, size_t ng) {
    tally *t = malloc(n * sizeof *t);
    if (!t) return -1;
    for (size_t k = 0; k < ng; k++) g[k].mentions = g[k].articles = g[k].sources = 0;
    for (size_t i = 0; i < n; i++) {
        merge_group *x = &g[m[i].group];
        x->mentions++;
        if (m[i].has_conf && (!x->has_conf || m[i].confidence > x->confidence)) {
            x->has_conf = 1;
            x->confidence = m[i].confidence;
        }
        t[i] = (tally){m[i].group, m[i].article, m[i].source};
    }
    qsort(t, n, sizeof *t, cmp_article);
    for (size_t i = 0; i < n; i++)
        if (!i || t[i].group != t[i - 1].group || t[i].article != t[i - 1].article) g[t[i].group].articles++;
    qsort(t, n, sizeof *t, cmp_source);
    for (size_t i = 0; i < n; i++)
        if (!i || t[i].group != t[i - 1].group || cmp_str(t[i].source, t[i - 1].source))
            g[t[i].group].sources++;
    free(t);
    return 0;
}

long merge_plan(merge_mention *m, size_t n, const merge_event *ev, size_t nev, merge_group *g,
                char *drop) {
    for (size_t k = 0; k < nev; k++) drop[k] = 1;
    if (!n) return 0;
    qsort(m, n, sizeof *m, cmp_mention);
    size_t placed = 0; /* reports without a place sort first ("" is least) */
    while (placed < n && (!m[placed].place || !m[placed].place[0])) placed++;
    /* names[k]: the first report of each place name, and that name's group */
    size_t *name = malloc((n + 1) * sizeof *name), *of = malloc((n + 1) * sizeof *of);
    if (!name || !of) {
        free(name);
        free(of);
        return -1;
    }
    size_t nn = 0;
    for (size_t i = placed; i < n; i++)
        if (i == placed || cmp_str(m[i].place, m[i - 1].place)) name[nn++] = i;
    name[nn] = n;
    /* a name that some report gives as a town or region is a place of its
     * own, standing for the first such report; a country's name joins the
     * first place (by name) in that country, or is an event of its own */
    const merge_mention **rep = malloc((nn + 1) * sizeof *rep);
    if (!rep) {
        free(name);
        free(of);
        return -1;
    }
    for (size_t k = 0; k < nn; k++) {
        rep[k] = NULL;
        for (size_t i = name[k]; i < name[k + 1] && !rep[k]; i++)
            if (!is_country(&m[i])) rep[k] = &m[i];
    }
    /* a country's name joins the place in that country with the most
     * reports (ties: the first by name), or is an event of its own */
    size_t ng = 0;
    for (size_t k = 0; k < nn; k++) {
        of[k] = (size_t)-1;
        if (!rep[k]) {
            const char *cc = m[name[k]].country;
            for (size_t j = 0; j < nn && cc && cc[0]; j++)
                if (rep[j] && !cmp_str(rep[j]->country, cc) &&
                    (of[k] == (size_t)-1 || name[j + 1] - name[j] > name[of[k] + 1] - name[of[k]]))
                    of[k] = j; /* resolved to a group below */
            if (of[k] != (size_t)-1) continue;
            rep[k] = &m[name[k]];
        }
        of[k] = k;
    }
    /* groups in name order; joined names take their place's group */
    size_t *gi = malloc((nn + 1) * sizeof *gi);
    if (!gi) {
        free(name);
        free(of);
        free(rep);
        return -1;
    }
    for (size_t k = 0; k < nn; k++)
        if (of[k] == k) {
            gi[k] = ng;
            g[ng++] = (merge_group){.where = rep[k], .event = -1};
        }
    for (size_t k = 0; k < nn; k++)
        for (size_t i = name[k]; i < name[k + 1]; i++) m[i].group = gi[of[k]];
    /* reports without a place join the event with the most placed reports
     * (ties: the first by name), or are an event of their own */
    size_t heavy = 0;
    if (ng) {
        size_t *weight = calloc(ng, sizeof *weight);
        if (!weight) {
            free(name);
            free(of);
            free(rep);
            free(gi);
            return -1;
        }
        for (size_t i = placed; i < n; i++) weight[m[i].group]++;
        for (size_t k = 1; k < ng; k++)
            if (weight[k] > weight[heavy]) heavy = k;
        free(weight);
    } else g[ng++] = (merge_group){.where = NULL, .event = -1};
    for (size_t i = 0; i < placed; i++) m[i].group = heavy;
    free(name);
    free(of);
    free(rep);
    free(gi);
    /* stored events keep their place's group, then the rest in id order */
    for (size_t k = 0; k < ng; k++)
        for (size_t j = 0; j < nev; j++)
            if (drop[j] && !cmp_str(ev[j].place, g[k].where ? g[k].where->place : "")) {
                g[k].event = ev[j].id;
                drop[j] = 0;
                break;
            }
    for (size_t k = 0, j = 0; k < ng; k++) {
        if (g[k].event >= 0) continue;
        while (j < nev && !drop[j]) j++;
        if (j == nev) break;
        g[k].event = ev[j].id;
        drop[j] = 0;
    }
    return count_groups(m, n, g, ng) ? -1 : (long)ng;
}

int merge_copy_first(const char *date, const char *id, const char *hash, const char *sdate,
                     const char *sid, const char *shash) {
    date = date ? date : "";
    sdate = sdate ? sdate : "";
    if (!date[0] != !sdate[0]) return date[0] != 0;
    int c = strcmp(date, sdate);
    if (!c) c = cmp_str(id, sid);
    if (!c) c = cmp_str(hash, shash);
    return c < 0;
}

void merge_free(merge_mention *m, size_t n, merge_event *ev, size_t nev) {
    for (size_t i = 0; m && i < n; i++) {
        free((char *)m[i].source);
        free((char *)m[i].place);
        free((char *)m[i].country);
        free((char *)m[i].kind);
    }
    for (size_t i = 0; ev && i < nev; i++) free((char *)ev[i].place);
    free(m);
    free(ev);
}
