/* event_json.c -- the one serializer of Dyad's JSON records (schema
 * DYAD_SCHEMA_VERSION, docs/formats.md): events, casualty figures, place
 * mentions, and for the API the mentions and articles of the store. A
 * coded document (output.c) and a stored row (dyad_stored_*_json, here)
 * fill the same neutral struct, so `dyad code`, `dyad query`, `dyad
 * figures` and the API write the same fields with the same types. Every
 * field is present; what is unknown is null, never "". */
#include "event_json.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

/* ---------------------------------------------------------------------
 * Values
 * ------------------------------------------------------------------- */

static void put(json_object *o, const char *k, json_object *v) { json_object_object_add(o, k, v); }

/* s as a JSON string, null when NULL or "". */
static json_object *str(const char *s) { return s && *s ? json_object_new_string(s) : NULL; }

static json_object *str_len(const char *s, size_t n) {
    return s && n ? json_object_new_string_len(s, (int)n) : NULL;
}

/* n, null when below least. */
static json_object *num(long long n, long long least) {
    return n < least ? NULL : json_object_new_int64((int64_t)n);
}

/* A number written with the given decimals ("1.9", not json-c's
 * "1.8999999999999999"); null when NaN. */
static json_object *fixed(double v, int decimals) {
    if (isnan(v)) return NULL;
    char b[32];
    snprintf(b, sizeof b, "%.*f", decimals, v);
    return json_object_new_double_s(v, b);
}

static json_object *flag(int b) { return json_object_new_boolean(b != 0); }

static void put_record(json_object *o, const char *record) {
    put(o, "record", json_object_new_string(record));
    put(o, "schema", json_object_new_int(DYAD_SCHEMA_VERSION));
}

ej_span ej_no_span(void) { return (ej_span){NULL, 0, -1, -1}; }

/* name_text, name_start, name_end. */
static void put_span(json_object *o, const char *name, const ej_span *s) {
    char key[40];
    int known = s->start >= 0 && s->end > s->start;
    snprintf(key, sizeof key, "%s_text", name);
    put(o, key, str_len(s->text, s->len));
    snprintf(key, sizeof key, "%s_start", name);
    put(o, key, known ? json_object_new_int64(s->start) : NULL);
    snprintf(key, sizeof key, "%s_end", name);
    put(o, key, known ? json_object_new_int64(s->end) : NULL);
}

/* The place fields, all null when there is no place. A coordinate has four
 * decimals (about 10 m). */
static void put_place(json_object *o, const ej_place *p) {
    int has = p->name && *p->name;
    put(o, "place", has ? json_object_new_string(p->name) : NULL);
    put(o, "place_country", has ? str(p->country) : NULL);
    int at = has && !isnan(p->lat) && !isnan(p->lon);
    put(o, "place_lat", at ? fixed(p->lat, 4) : NULL);
    put(o, "place_lon", at ? fixed(p->lon, 4) : NULL);
    put(o, "place_kind", has ? str(p->kind) : NULL);
    put(o, "place_admin1", has ? str(p->admin1) : NULL);
    put(o, "place_geonameid", has ? num(p->geonameid, 1) : NULL);
    put(o, "place_precision", has ? str(p->precision) : NULL);
    ej_span none = ej_no_span();
    put_span(o, "place", has ? &p->words : &none);
}

/* The dictionary file and line of a rule, without the directories it is
 * kept in (where a server keeps its files is not an answer's business). */
static json_object *rule(const char *r) {
    const char *slash = r ? strrchr(r, '/') : NULL;
    return str(slash ? slash + 1 : r);
}

/* ---------------------------------------------------------------------
 * The records
 * ------------------------------------------------------------------- */

json_object *ej_event_object(const ej_event *e) {
    json_object *o = json_object_new_object();
    if (!o) return NULL;
    put_record(o, "event");
    put(o, "id", num(e->id, 1));
    put(o, "article", str(e->article));
    put(o, "sentence", num(e->sentence, 0));
    put(o, "sentence_text", str_len(e->sentence_text, e->sentence_len));
    put(o, "date", str(e->date));
    put(o, "date_precision", str(e->date_precision));
    put(o, "source", str(e->source));
    put(o, "target", str(e->target));
    put(o, "code", str(e->code));
    put(o, "code_name", str(dyad_cameo_name(e->code)));
    put(o, "root", str(e->root));
    put(o, "quad", num(e->quad, 1));
    put(o, "goldstein", fixed(e->goldstein, 1));
    put(o, "confidence", fixed(e->confidence, 2));
    put(o, "num_mentions", num(e->num_mentions, 0));
    put(o, "num_sources", num(e->num_sources, 0));
    put(o, "num_articles", num(e->num_articles, 0));
    put(o, "source_basis", str(e->source_basis));
    put(o, "target_basis", str(e->target_basis));
    put(o, "source_name", str(e->source_name));
    put(o, "target_name", str(e->target_name));
    put(o, "source_wikidata", str(e->source_wikidata));
    put(o, "target_wikidata", str(e->target_wikidata));
    put_span(o, "source", &e->source_words);
    put_span(o, "target", &e->target_words);
    put_span(o, "verb", &e->verb_words);
    put_span(o, "date", &e->date_words);
    put(o, "rule", rule(e->rule));
    put_place(o, &e->place);
    put(o, "url", str(e->url));
    put(o, "news_source", str(e->news_source));
    put(o, "title", str(e->title));
    return o;
}

json_object *ej_figure_object(const ej_figure *f) {
    json_object *o = json_object_new_object();
    if (!o) return NULL;
    put_record(o, "figure");
    put(o, "id", num(f->id, 1));
    put(o, "article", str(f->article));
    put(o, "sentence", num(f->sentence, 0));
    put(o, "sentence_text", str_len(f->sentence_text, f->sentence_len));
    put(o, "date", str(f->date));
    put_span(o, "date", &f->date_words);
    put(o, "historical", flag(f->historical));
    put(o, "kind", str(f->kind));
    put(o, "released", flag(f->released));
    put(o, "value", json_object_new_int64(f->value));
    put(o, "value_max", json_object_new_int64(f->value_max));
    put(o, "qualifier", str(f->qualifier));
    put_span(o, "number", &f->number);
    put_span(o, "victim", &f->victim);
    put(o, "victim_code", str(f->victim_code));
    put_span(o, "perpetrator", &f->perpetrator);
    put(o, "perpetrator_code", str(f->perpetrator_code));
    put_span(o, "cited", &f->cited);
    put_place(o, &f->place);
    put(o, "url", str(f->url));
    put(o, "news_source", str(f->news_source));
    put(o, "title", str(f->title));
    return o;
}

json_object *ej_place_object(const ej_mention_place *p) {
    json_object *o = json_object_new_object();
    if (!o) return NULL;
    put_record(o, "place");
    put(o, "article", str(p->article));
    put(o, "sentence", num(p->sentence, 0));
    put(o, "locative", flag(p->locative));
    put(o, "qualifier", flag(p->qualifier));
    put(o, "actor", flag(p->actor));
    put_place(o, &p->place);
    return o;
}

void ej_put(FILE *f, json_object *o) {
    if (!o) return;
    fputs(json_object_to_json_string_ext(o, JSON_C_TO_STRING_PLAIN | JSON_C_TO_STRING_NOSLASHESCAPE), f);
    fputc('\n', f);
    json_object_put(o);
}

/* Text of o (then released), a copy of its own; NULL when out of memory. */
static char *json_text(json_object *o) {
    const char *t =
        o ? json_object_to_json_string_ext(o, JSON_C_TO_STRING_PLAIN | JSON_C_TO_STRING_NOSLASHESCAPE)
          : NULL;
    char *c = t ? malloc(strlen(t) + 1) : NULL;
    if (c) strcpy(c, t);
    json_object_put(o);
    return c;
}

/* ---------------------------------------------------------------------
 * Stored records
 * ------------------------------------------------------------------- */

/* Words stored as text with offsets (-1 when unknown). */
static ej_span stored_span(const char *text, long start, long end) {
    return (ej_span){text, text ? strlen(text) : 0, start, end};
}

char *dyad_stored_event_json(const dyad_stored_event *s) {
    ej_event e = {
        .id = s->id,
        .article = s->article,
        .sentence = s->article && *s->article ? s->sentence_index : -1,
        .sentence_text = s->sentence,
        .sentence_len = s->sentence ? strlen(s->sentence) : 0,
        .date = s->date,
        .date_precision = s->date_precision,
        .source = s->source,
        .target = s->target,
        .code = s->code,
        .root = s->root,
        .quad = s->quad,
        .goldstein = s->goldstein,
        .confidence = s->confidence,
        .num_mentions = s->num_mentions,
        .num_sources = s->num_sources,
        .num_articles = s->num_articles,
        .source_basis = s->source_basis,
        .target_basis = s->target_basis,
        .source_name = s->source_name,
        .target_name = s->target_name,
        .source_wikidata = s->source_wikidata,
        .target_wikidata = s->target_wikidata,
        .source_words = stored_span(s->source_text, s->source_start, s->source_end),
        .target_words = stored_span(s->target_text, s->target_start, s->target_end),
        .verb_words = stored_span(s->verb_text, s->verb_start, s->verb_end),
        .date_words = stored_span(s->date_text, -1, -1), /* its offsets are not stored */
        .rule = s->rule,
        .place = {.name = s->place,
                  .country = s->country,
                  .kind = s->place_kind,
                  .admin1 = s->place_admin1,
                  .precision = s->place_precision,
                  .lat = s->lat,
                  .lon = s->lon,
                  .geonameid = s->place_geonameid,
                  .words = stored_span(s->place_text, s->place_start, s->place_end)},
        .url = s->url,
        .news_source = s->news_source,
        .title = s->title,
    };
    return json_text(ej_event_object(&e));
}

char *dyad_stored_figure_json(const dyad_stored_figure *s) {
    ej_figure f = {
        .id = s->id,
        .article = s->article,
        .sentence = s->sentence_index,
        .sentence_text = s->sentence,
        .sentence_len = s->sentence ? strlen(s->sentence) : 0,
        .date = s->date,
        .date_words = stored_span(s->date_text, -1, -1),
        .historical = s->historical,
        .kind = s->kind,
        .released = s->released,
        .value = s->value,
        .value_max = s->value_max,
        .qualifier = s->qualifier,
        .number = stored_span(s->number, s->number_start, s->number_end),
        .victim = stored_span(s->victim, -1, -1),
        .perpetrator = stored_span(s->perpetrator, -1, -1),
        .cited = stored_span(s->cited, -1, -1),
        .victim_code = s->victim_code,
        .perpetrator_code = s->perpetrator_code,
        .place = {.name = s->place,
                  .country = s->country,
                  .kind = s->place_kind,
                  .lat = s->lat,
                  .lon = s->lon,
                  .words = stored_span(s->place_text, -1, -1)},
        .url = s->url,
        .news_source = s->news_source,
        .title = s->title,
    };
    return json_text(ej_figure_object(&f));
}

/* A span of a stored mention as [start, end], null when there is none. */
static json_object *pair(long start, long end) {
    if (start < 0 || end < start) return NULL;
    json_object *a = json_object_new_array();
    json_object_array_add(a, json_object_new_int64(start));
    json_object_array_add(a, json_object_new_int64(end));
    return a;
}

char *dyad_stored_mention_json(const dyad_stored_mention *m) {
    json_object *o = json_object_new_object();
    if (!o) return NULL;
    put_record(o, "mention");
    put(o, "event", num(m->event, 1));
    put(o, "code", str(m->code));
    put(o, "source", str(m->source));
    put(o, "target", str(m->target));
    put(o, "article", str(m->article));
    put(o, "news_source", str(m->news_source));
    put(o, "url", str(m->url));
    put(o, "title", str(m->title));
    put(o, "date", str(m->date));
    put(o, "sentence", num(m->sentence_index, 0));
    put(o, "sentence_start", num(m->sentence_start, 0));
    put(o, "sentence_text", str(m->sentence));
    put(o, "source_span", pair(m->source_start, m->source_end));
    put(o, "target_span", pair(m->target_start, m->target_end));
    put(o, "verb_span", pair(m->verb_start, m->verb_end));
    put(o, "source_text", str(m->source_text));
    put(o, "target_text", str(m->target_text));
    put(o, "verb_text", str(m->verb_text));
    put(o, "date_text", str(m->date_text));
    put(o, "date_precision", str(m->date_precision));
    put(o, "rule", rule(m->rule));
    put(o, "confidence", fixed(m->confidence, 2));
    put(o, "source_basis", str(m->source_basis));
    put(o, "target_basis", str(m->target_basis));
    put(o, "source_name", str(m->source_name));
    put(o, "target_name", str(m->target_name));
    put(o, "source_wikidata", str(m->source_wikidata));
    put(o, "target_wikidata", str(m->target_wikidata));
    return json_text(o);
}

char *dyad_stored_article_json(const dyad_stored_article *a) {
    json_object *o = json_object_new_object();
    if (!o) return NULL;
    put_record(o, "article");
    put(o, "id", str(a->id));
    put(o, "date", str(a->date));
    put(o, "news_source", str(a->source));
    put(o, "title", str(a->title));
    put(o, "url", str(a->url));
    put(o, "text", str(a->text));
    put(o, "snippet", str(a->snippet));
    put(o, "added", str(a->added));
    put(o, "num_mentions", json_object_new_int64(a->events));
    return json_text(o);
}
