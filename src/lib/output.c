/* output.c -- writes coded events as JSON Lines (through json-c), as a
 * headered TSV, or as PETRARCH-2 event lines, and casualty figures as
 * JSON Lines. Offsets are converted from
 * bytes to characters here, where they leave the library. */
#include <json-c/json.h>
#include <math.h>
#include <string.h>

#include "status.h"

/* Byte offset -> character offset in the text a document was coded from
 * (dyad_doc_char_offset: constant time, whatever the order). */
typedef struct char_cursor {
    const dyad_doc *d;
    const char *text;
    size_t len;
} char_cursor;

static size_t to_chars(char_cursor *c, size_t off) {
    return dyad_doc_char_offset(c->d, c->text, off > c->len ? c->len : off);
}

size_t dyad_char_offset(const char *text, size_t off) {
    size_t c = 0;
    for (size_t i = 0; i < off && text[i]; i++)
        if (((unsigned char)text[i] & 0xC0) != 0x80) c++;
    return c;
}

static void add_span(json_object *o, const char *name, char_cursor *cc, const dyad_article *a,
                     dyad_span s) {
    char key[32];
    if (s.len == 0) {
        snprintf(key, sizeof key, "%s_text", name);
        json_object_object_add(o, key, json_object_new_string(""));
        snprintf(key, sizeof key, "%s_start", name);
        json_object_object_add(o, key, NULL);
        snprintf(key, sizeof key, "%s_end", name);
        json_object_object_add(o, key, NULL);
        return;
    }
    snprintf(key, sizeof key, "%s_text", name);
    json_object_object_add(o, key, json_object_new_string_len(a->text + s.off, (int)s.len));
    size_t st = to_chars(cc, s.off), en = to_chars(cc, (size_t)s.off + s.len);
    snprintf(key, sizeof key, "%s_start", name);
    json_object_object_add(o, key, json_object_new_int64((int64_t)st));
    snprintf(key, sizeof key, "%s_end", name);
    json_object_object_add(o, key, json_object_new_int64((int64_t)en));
}

static void tsv_field(FILE *f, const char *s, size_t n) {
    for (size_t i = 0; i < n; i++) {
        char c = s[i];
        fputc(c == '\t' || c == '\n' || c == '\r' ? ' ' : c, f);
    }
}

dyad_status dyad_write_header(FILE *f, dyad_output_format fmt, dyad_error *err) {
    if (fmt == DYAD_OUT_TSV)
        fputs("article\tsentence\tdate\tsource\ttarget\tcode\troot\tquad\tgoldstein\t"
              "source_text\ttarget_text\tverb_text\tsource_start\tsource_end\ttarget_start\t"
              "target_end\tverb_start\tverb_end\trule\tplace\tplace_country\tplace_lat\t"
              "place_lon\tplace_text\tplace_start\tplace_end\tconfidence\tsource_name\ttarget_name\t"
              "source_wikidata\ttarget_wikidata\tdate_precision\n",
              f);
    if (ferror(f)) return dyad_fail(err, DYAD_EIO, NULL, 0, "write error");
    return DYAD_OK;
}

/* A number written with the given decimals ("1.9", not json-c's
 * "1.8999999999999999"). */
static json_object *fixed(double v, int decimals) {
    char b[32];
    snprintf(b, sizeof b, "%.*f", decimals, v);
    return json_object_new_double_s(v, b);
}

/* A coordinate with four decimals (about 10 m), or null. */
static json_object *coord(int has, double v) { return !has || isnan(v) ? NULL : fixed(v, 4); }

/* The place fields of an event or a place mention (all null when none). */
static void add_place(json_object *o, char_cursor *cc, const dyad_article *a, const dyad_place *pl) {
    json_object_object_add(o, "place", pl->name ? json_object_new_string(pl->name) : NULL);
    json_object_object_add(o, "place_country", pl->name ? json_object_new_string(pl->country) : NULL);
    json_object_object_add(o, "place_lat", coord(pl->name != NULL, pl->lat));
    json_object_object_add(o, "place_lon", coord(pl->name != NULL, pl->lon));
    json_object_object_add(o, "place_admin1",
                           pl->name && pl->admin1 && pl->admin1[0] ? json_object_new_string(pl->admin1)
                                                                   : NULL);
    json_object_object_add(o, "place_geonameid",
                           pl->name && pl->geonameid ? json_object_new_int64(pl->geonameid) : NULL);
    json_object_object_add(o, "place_precision",
                           pl->name && pl->precision ? json_object_new_string(pl->precision) : NULL);
    add_span(o, "place", cc, a, pl->name ? pl->span : (dyad_span){0, 0});
}

/* s as a JSON string, null when NULL or "". */
static json_object *or_null(const char *s) { return s && *s ? json_object_new_string(s) : NULL; }

static void put_json(FILE *f, json_object *o) {
    fputs(json_object_to_json_string_ext(o, JSON_C_TO_STRING_PLAIN | JSON_C_TO_STRING_NOSLASHESCAPE), f);
    fputc('\n', f);
    json_object_put(o);
}

/* One place mention: article, sentence, kind, its use (locative,
 * qualifier, actor) and the place fields. */
static void write_place(FILE *f, const dyad_article *a, const dyad_place *pl, char_cursor *cc) {
    json_object *o = json_object_new_object();
    json_object_object_add(o, "article", json_object_new_string(a->id));
    json_object_object_add(o, "sentence", json_object_new_int((int)pl->sentence));
    json_object_object_add(o, "kind", json_object_new_string(pl->kind));
    json_object_object_add(o, "locative", json_object_new_boolean(pl->locative));
    json_object_object_add(o, "qualifier", json_object_new_boolean(pl->qualifier));
    json_object_object_add(o, "actor", json_object_new_boolean(pl->actor));
    add_place(o, cc, a, pl);
    put_json(f, o);
}

static void write_jsonl(FILE *f, const dyad_article *a, const dyad_event *e, char_cursor *cc) {
    json_object *o = json_object_new_object();
    json_object_object_add(o, "article", json_object_new_string(a->id));
    json_object_object_add(o, "sentence", json_object_new_int((int)e->sentence));
    json_object_object_add(o, "date", json_object_new_string(e->date));
    json_object_object_add(o, "date_precision", or_null(e->date_precision));
    json_object_object_add(o, "source", json_object_new_string(e->source));
    json_object_object_add(o, "target", json_object_new_string(e->target));
    json_object_object_add(o, "code", json_object_new_string(e->code));
    json_object_object_add(o, "root", json_object_new_string(e->root));
    json_object_object_add(o, "quad", json_object_new_int(e->quad));
    json_object_object_add(o, "goldstein", fixed(e->goldstein, 1));
    json_object_object_add(o, "confidence", fixed(e->confidence, 2));
    json_object_object_add(o, "source_basis",
                           json_object_new_string(e->source_basis ? e->source_basis : ""));
    json_object_object_add(o, "target_basis",
                           json_object_new_string(e->target_basis ? e->target_basis : ""));
    json_object_object_add(o, "source_name", or_null(e->source_name));
    json_object_object_add(o, "target_name", or_null(e->target_name));
    json_object_object_add(o, "source_wikidata", or_null(e->source_wikidata));
    json_object_object_add(o, "target_wikidata", or_null(e->target_wikidata));
    add_span(o, "source", cc, a, e->source_span);
    add_span(o, "target", cc, a, e->target_span);
    add_span(o, "verb", cc, a, e->verb_span);
    add_span(o, "date", cc, a, e->date_span);
    json_object_object_add(o, "rule", json_object_new_string(e->rule ? e->rule : ""));
    add_place(o, cc, a, &e->place);
    put_json(f, o);
}

static void write_tsv(FILE *f, const dyad_article *a, const dyad_event *e, char_cursor *cc) {
    tsv_field(f, a->id, strlen(a->id));
    fprintf(f, "\t%u\t%s\t%s\t%s\t%s\t%s\t%d\t%.1f\t", e->sentence, e->date, e->source, e->target,
            e->code, e->root, e->quad, e->goldstein);
    const dyad_span *sp[3] = {&e->source_span, &e->target_span, &e->verb_span};
    for (int k = 0; k < 3; k++) {
        tsv_field(f, a->text + sp[k]->off, sp[k]->len);
        fputc('\t', f);
    }
    for (int k = 0; k < 3; k++) {
        if (sp[k]->len)
            fprintf(f, "%zu\t%zu\t", to_chars(cc, sp[k]->off),
                    to_chars(cc, (size_t)sp[k]->off + sp[k]->len));
        else
            fputs("\t\t", f);
    }
    fprintf(f, "%s\t", e->rule ? e->rule : "");
    const dyad_place *pl = &e->place;
    if (!pl->name) {
        fprintf(f, "\t\t\t\t\t\t\t%.2f", e->confidence);
    } else {
        tsv_field(f, pl->name, strlen(pl->name));
        fprintf(f, "\t%s\t", pl->country);
        if (!isnan(pl->lat))
            fprintf(f, "%.4f\t%.4f\t", pl->lat, pl->lon);
        else
            fputs("\t\t", f);
        tsv_field(f, a->text + pl->span.off, pl->span.len);
        fprintf(f, "\t%zu\t%zu\t%.2f", to_chars(cc, pl->span.off),
                to_chars(cc, (size_t)pl->span.off + pl->span.len), e->confidence);
    }
    const char *id[5] = {e->source_name, e->target_name, e->source_wikidata, e->target_wikidata,
                         e->date_precision};
    for (int k = 0; k < 5; k++) {
        fputc('\t', f);
        if (id[k]) tsv_field(f, id[k], strlen(id[k]));
    }
    fputc('\n', f);
}

static void write_petrarch(FILE *f, const dyad_article *a, const dyad_event *e) {
    char date[9] = "";
    if (strlen(e->date) >= 10) {
        memcpy(date, e->date, 4);
        memcpy(date + 4, e->date + 5, 2);
        memcpy(date + 6, e->date + 8, 2);
        date[8] = '\0';
    }
    fprintf(f, "%s\t%s\t%s\t%s\t\t", date, e->source, e->target, e->code);
    tsv_field(f, a->id, strlen(a->id));
    fprintf(f, "_%u\t", e->sentence);
    tsv_field(f, a->source, strlen(a->source));
    const dyad_span *sp[3] = {&e->source_span, &e->target_span, &e->verb_span};
    for (int k = 0; k < 3; k++) {
        fputc('\t', f);
        tsv_field(f, a->text + sp[k]->off, sp[k]->len);
    }
    fputc('\n', f);
}

dyad_status dyad_write_events(FILE *f, dyad_output_format fmt, const dyad_article *a, const dyad_doc *d,
                              dyad_error *err) {
    char_cursor cc = {d, a->text, a->text_len};
    if (fmt == DYAD_OUT_PLACES) {
        for (size_t i = 0; i < dyad_doc_nplaces(d); i++) write_place(f, a, dyad_doc_place(d, i), &cc);
        if (ferror(f)) return dyad_fail(err, DYAD_EIO, NULL, 0, "write error");
        return DYAD_OK;
    }
    size_t n = dyad_doc_nevents(d);
    for (size_t i = 0; i < n; i++) {
        const dyad_event *e = dyad_doc_event(d, i);
        switch (fmt) {
        case DYAD_OUT_JSONL: write_jsonl(f, a, e, &cc); break;
        case DYAD_OUT_TSV: write_tsv(f, a, e, &cc); break;
        case DYAD_OUT_PETRARCH: write_petrarch(f, a, e); break;
        case DYAD_OUT_PLACES: break;
        }
    }
    if (ferror(f)) return dyad_fail(err, DYAD_EIO, NULL, 0, "write error");
    return DYAD_OK;
}

/* One figure as a JSON object: {"record":"figure", "article", "sentence",
 * "kind", "value", ...} with the spans as *_text, *_start, *_end. */
static void write_figure(FILE *f, const dyad_article *a, const dyad_figure *g, char_cursor *cc) {
    json_object *o = json_object_new_object();
    json_object_object_add(o, "record", json_object_new_string("figure"));
    json_object_object_add(o, "article", json_object_new_string(a->id));
    json_object_object_add(o, "sentence", json_object_new_int((int)g->sentence));
    json_object_object_add(o, "kind", json_object_new_string(dyad_figure_kind_name(g->kind)));
    json_object_object_add(o, "released", json_object_new_boolean(g->released));
    json_object_object_add(o, "value", json_object_new_int64(g->value));
    json_object_object_add(o, "value_max", json_object_new_int64(g->value_max));
    json_object_object_add(o, "qualifier", json_object_new_string(g->qualifier));
    add_span(o, "number", cc, a, g->number_span);
    add_span(o, "victim", cc, a, g->victim_span);
    json_object_object_add(o, "victim_code", json_object_new_string(g->victim_code));
    add_span(o, "perpetrator", cc, a, g->perpetrator_span);
    json_object_object_add(o, "perpetrator_code", json_object_new_string(g->perpetrator_code));
    json_object_object_add(o, "date", json_object_new_string(g->date));
    add_span(o, "date", cc, a, g->date_span);
    json_object_object_add(o, "historical", json_object_new_boolean(g->historical));
    add_span(o, "cited", cc, a, g->cited_span);
    add_place(o, cc, a, &g->place);
    fputs(json_object_to_json_string_ext(o, JSON_C_TO_STRING_PLAIN | JSON_C_TO_STRING_NOSLASHESCAPE), f);
    fputc('\n', f);
    json_object_put(o);
}

dyad_status dyad_write_figures(FILE *f, const dyad_article *a, const dyad_doc *d, dyad_error *err) {
    char_cursor cc = {d, a->text, a->text_len};
    size_t n = dyad_doc_nfigures(d);
    for (size_t i = 0; i < n; i++) write_figure(f, a, dyad_doc_figure(d, i), &cc);
    if (ferror(f)) return dyad_fail(err, DYAD_EIO, NULL, 0, "write error");
    return DYAD_OK;
}

/* ---------------------------------------------------------------------
 * Stored records: the one JSON of a stored event and of a stored figure,
 * for `dyad query` and `dyad figures` and the API alike
 * ------------------------------------------------------------------- */

static void put_str(json_object *o, const char *k, const char *v) {
    json_object_object_add(o, k, json_object_new_string(v ? v : ""));
}

static void put_int(json_object *o, const char *k, int64_t v) {
    json_object_object_add(o, k, json_object_new_int64(v));
}

/* place, country, lat and lon of a stored record; null when unknown. */
static void put_place(json_object *o, const char *place, const char *country, double lat, double lon) {
    json_object_object_add(o, "place", or_null(place));
    json_object_object_add(o, "country", or_null(country));
    int known = !isnan(lat) && !isnan(lon);
    json_object_object_add(o, "lat", coord(known, lat));
    json_object_object_add(o, "lon", coord(known, lon));
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

char *dyad_stored_event_json(const dyad_stored_event *e) {
    json_object *o = json_object_new_object();
    put_int(o, "id", e->id);
    put_str(o, "date", e->date);
    json_object_object_add(o, "date_precision", or_null(e->date_precision));
    put_str(o, "source", e->source);
    put_str(o, "target", e->target);
    put_str(o, "code", e->code);
    const char *name = dyad_cameo_name(e->code);
    put_str(o, "name", name ? name : "");
    put_str(o, "root", e->root);
    put_int(o, "quad", e->quad);
    json_object_object_add(o, "goldstein", fixed(e->goldstein, 1));
    put_int(o, "num_mentions", e->num_mentions);
    put_int(o, "num_sources", e->num_sources);
    put_int(o, "num_articles", e->num_articles);
    put_place(o, e->place, e->country, e->lat, e->lon);
    json_object_object_add(o, "place_admin1", or_null(e->place_admin1));
    json_object_object_add(o, "place_geonameid",
                           e->place_geonameid > 0 ? json_object_new_int64(e->place_geonameid) : NULL);
    json_object_object_add(o, "place_precision", or_null(e->place_precision));
    json_object_object_add(o, "confidence", isnan(e->confidence) ? NULL : fixed(e->confidence, 2));
    if (e->article[0]) {
        put_str(o, "article", e->article);
        put_str(o, "sentence", e->sentence);
        put_str(o, "source_text", e->source_text);
        put_str(o, "target_text", e->target_text);
        put_str(o, "verb_text", e->verb_text);
        json_object_object_add(o, "source_name", or_null(e->source_name));
        json_object_object_add(o, "target_name", or_null(e->target_name));
        json_object_object_add(o, "source_wikidata", or_null(e->source_wikidata));
        json_object_object_add(o, "target_wikidata", or_null(e->target_wikidata));
        put_str(o, "url", e->url);
        put_str(o, "news_source", e->news_source);
    }
    return json_text(o);
}

char *dyad_stored_figure_json(const dyad_stored_figure *f) {
    json_object *o = json_object_new_object();
    put_int(o, "id", f->id);
    put_str(o, "date", f->date);
    put_str(o, "date_text", f->date_text);
    json_object_object_add(o, "historical", json_object_new_boolean(f->historical));
    put_str(o, "kind", f->kind);
    json_object_object_add(o, "released", json_object_new_boolean(f->released));
    put_int(o, "value", f->value);
    put_int(o, "value_max", f->value_max);
    put_str(o, "qualifier", f->qualifier);
    put_str(o, "number", f->number);
    put_str(o, "victim", f->victim);
    put_str(o, "victim_code", f->victim_code);
    put_str(o, "perpetrator", f->perpetrator);
    put_str(o, "perpetrator_code", f->perpetrator_code);
    put_str(o, "cited", f->cited);
    put_place(o, f->place, f->country, f->lat, f->lon);
    put_str(o, "article", f->article);
    put_str(o, "news_source", f->news_source);
    put_int(o, "sentence_index", f->sentence_index);
    put_str(o, "sentence", f->sentence);
    return json_text(o);
}

/* A span of a stored mention as [start, end], null when there is none. */
static void put_span(json_object *o, const char *k, long start, long end) {
    if (start < 0 || end < start) {
        json_object_object_add(o, k, NULL);
        return;
    }
    json_object *a = json_object_new_array();
    json_object_array_add(a, json_object_new_int64(start));
    json_object_array_add(a, json_object_new_int64(end));
    json_object_object_add(o, k, a);
}

char *dyad_stored_mention_json(const dyad_stored_mention *m) {
    json_object *o = json_object_new_object();
    put_int(o, "event", m->event);
    put_str(o, "code", m->code);
    put_str(o, "source", m->source);
    put_str(o, "target", m->target);
    put_str(o, "article", m->article);
    put_str(o, "news_source", m->news_source);
    put_str(o, "url", m->url);
    put_str(o, "title", m->title);
    put_str(o, "date", m->date);
    put_int(o, "sentence_index", m->sentence_index);
    put_int(o, "sentence_start", m->sentence_start);
    put_str(o, "sentence", m->sentence);
    put_span(o, "source_span", m->source_start, m->source_end);
    put_span(o, "target_span", m->target_start, m->target_end);
    put_span(o, "verb_span", m->verb_start, m->verb_end);
    put_str(o, "source_text", m->source_text);
    put_str(o, "target_text", m->target_text);
    put_str(o, "verb_text", m->verb_text);
    put_str(o, "date_text", m->date_text);
    json_object_object_add(o, "date_precision", or_null(m->date_precision));
    const char *slash = strrchr(m->rule, '/'); /* the file, not where it is kept */
    put_str(o, "rule", slash ? slash + 1 : m->rule);
    json_object_object_add(o, "confidence", isnan(m->confidence) ? NULL : fixed(m->confidence, 2));
    put_str(o, "source_basis", m->source_basis);
    put_str(o, "target_basis", m->target_basis);
    json_object_object_add(o, "source_name", or_null(m->source_name));
    json_object_object_add(o, "target_name", or_null(m->target_name));
    json_object_object_add(o, "source_wikidata", or_null(m->source_wikidata));
    json_object_object_add(o, "target_wikidata", or_null(m->target_wikidata));
    return json_text(o);
}

char *dyad_stored_article_json(const dyad_stored_article *a) {
    json_object *o = json_object_new_object();
    put_str(o, "id", a->id);
    put_str(o, "date", a->date);
    put_str(o, "source", a->source);
    put_str(o, "title", a->title);
    put_str(o, "url", a->url);
    if (a->text[0]) put_str(o, "text", a->text);
    if (a->snippet[0]) put_str(o, "snippet", a->snippet);
    put_str(o, "added", a->added);
    put_int(o, "mentions", a->events);
    return json_text(o);
}
