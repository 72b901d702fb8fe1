/* rows.c -- stored records from rows given as text (see rows.h), for both
 * backends. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "rows.h"

static const char *str(const char *v) { return v ? v : ""; }
static long long num(const char *v) { return v ? strtoll(v, NULL, 10) : 0; }
static double real(const char *v) { return v ? strtod(v, NULL) : NAN; }
static long off(const char *v) { return v ? strtol(v, NULL, 10) : -1; }

/* The start and end offsets of source, target and verb, from six values. */
static void offsets(const char *const *v, long *const out[6]) {
    for (int k = 0; k < 6; k++) *out[k] = off(v[k]);
}

_Static_assert(ROWS_EVENT_N + ROWS_FIRST_N <= ROWS_MAX_COLS, "an event row fits ROWS_MAX_COLS");

void rows_event(const char *const *v, int n, dyad_stored_event *e) {
    memset(e, 0, sizeof *e);
    e->id = num(v[0]);
    e->date = str(v[1]);
    e->source = str(v[2]);
    e->target = str(v[3]);
    e->code = str(v[4]);
    e->root = str(v[5]);
    e->quad = (int)num(v[6]);
    e->goldstein = real(v[7]);
    e->num_mentions = (int)num(v[8]);
    e->num_sources = (int)num(v[9]);
    e->num_articles = (int)num(v[10]);
    e->place = str(v[11]);
    e->country = str(v[12]);
    e->lat = real(v[13]);
    e->lon = real(v[14]);
    e->place_kind = str(v[15]);
    e->confidence = real(v[16]);
    const char *const *f = v + ROWS_EVENT_N;
    int first = n >= ROWS_EVENT_N + ROWS_FIRST_N;
    const char *none[ROWS_FIRST_N] = {0};
    if (!first) f = none;
    e->article = str(f[0]);
    e->sentence = str(f[1]);
    e->source_text = str(f[2]);
    e->target_text = str(f[3]);
    e->verb_text = str(f[4]);
    e->sentence_index = (int)num(f[5]);
    e->url = str(f[6]);
    e->news_source = str(f[7]);
    e->added = str(f[8]);
    e->source_name = str(f[9]);
    e->target_name = str(f[10]);
    e->source_wikidata = str(f[11]);
    e->target_wikidata = str(f[12]);
    e->date_precision = str(f[13]);
    e->place_admin1 = str(f[14]);
    e->place_geonameid = num(f[15]);
    e->place_precision = str(f[16]);
    e->title = str(f[17]);
    e->rule = str(f[18]);
    e->date_text = str(f[19]);
    e->source_basis = str(f[20]);
    e->target_basis = str(f[21]);
    offsets(f + 22, (long *const[6]){&e->source_start, &e->source_end, &e->target_start, &e->target_end,
                                     &e->verb_start, &e->verb_end});
    e->place_text = str(f[28]);
    e->place_start = off(f[29]);
    e->place_end = off(f[30]);
}

void rows_mention(const char *const *v, dyad_stored_mention *m) {
    m->event = num(v[0]);
    m->code = str(v[1]);
    m->source = str(v[2]);
    m->target = str(v[3]);
    m->article = str(v[4]);
    m->news_source = str(v[5]);
    m->url = str(v[6]);
    m->title = str(v[7]);
    m->date = str(v[8]);
    m->sentence_index = (int)num(v[9]);
    m->sentence_start = (long)num(v[10]);
    m->sentence = str(v[11]);
    offsets(v + 12, (long *const[6]){&m->source_start, &m->source_end, &m->target_start, &m->target_end,
                                     &m->verb_start, &m->verb_end});
    m->source_text = str(v[18]);
    m->target_text = str(v[19]);
    m->verb_text = str(v[20]);
    m->date_text = str(v[21]);
    m->rule = str(v[22]);
    m->doc_len = (long)num(v[23]);
    m->confidence = real(v[24]);
    m->source_basis = str(v[25]);
    m->target_basis = str(v[26]);
    m->source_name = str(v[27]);
    m->target_name = str(v[28]);
    m->source_wikidata = str(v[29]);
    m->target_wikidata = str(v[30]);
    m->date_precision = str(v[31]);
}

void rows_figure(const char *const *v, dyad_stored_figure *f) {
    f->id = num(v[0]);
    f->article = str(v[1]);
    f->news_source = str(v[2]);
    f->url = str(v[3]);
    f->sentence_index = (int)num(v[4]);
    f->sentence = str(v[5]);
    f->kind = str(v[6]);
    f->released = (int)num(v[7]);
    f->value = num(v[8]);
    f->value_max = num(v[9]);
    f->qualifier = str(v[10]);
    f->number = str(v[11]);
    f->victim = str(v[12]);
    f->victim_code = str(v[13]);
    f->perpetrator = str(v[14]);
    f->perpetrator_code = str(v[15]);
    f->date = str(v[16]);
    f->date_text = str(v[17]);
    f->cited = str(v[18]);
    f->place = str(v[19]);
    f->country = str(v[20]);
    f->lat = real(v[21]);
    f->lon = real(v[22]);
    f->historical = (int)num(v[23]);
    f->place_kind = str(v[24]);
    f->place_text = str(v[25]);
    f->number_start = off(v[26]);
    f->number_end = off(v[27]);
    f->title = str(v[28]);
}

const char *rows_group_key(const char *by) {
    static const char *const KEYS[][2] = {
        {"day", "e.date"},
        {"month", "substr(e.date, 1, 7)"},
        {"year", "substr(e.date, 1, 4)"},
        {"dyad", "e.source || '>' || e.target"},
        {"root", "e.root"},
        {"country", "e.country"},
        {"*total", "'total'"}, /* dyad_store_count's one group */
        {"*daily", "e.date || '>' || e.source || '>' || e.target || '>' || e.code"}, /* one_a_day's */
        {"country-year",
         "CASE e.country WHEN '' THEN '-' ELSE e.country END || ' ' || substr(e.date, 1, 4)"}};
    for (size_t i = 0; by && i < sizeof KEYS / sizeof KEYS[0]; i++)
        if (!strcmp(by, KEYS[i][0])) return KEYS[i][1];
    return NULL;
}
