/* output.c -- writes coded events as JSON Lines (the records of
 * event_json.c, filled here from the coded document), as a headered TSV,
 * or as PETRARCH-2 event lines, and casualty figures and place mentions
 * as JSON Lines. Offsets are converted from bytes to characters here,
 * where they leave the library. */
#include <math.h>
#include <string.h>

#include "event_json.h"
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

/* Words of the article as a record gives them: text and character
 * offsets; none when the span is empty. */
static ej_span words(char_cursor *cc, const dyad_article *a, dyad_span s) {
    if (s.len == 0) return ej_no_span();
    return (ej_span){a->text + s.off, s.len, (long long)to_chars(cc, s.off),
                     (long long)to_chars(cc, (size_t)s.off + s.len)};
}

/* A coded place as a record gives it (none when pl names none). */
static ej_place place_of(char_cursor *cc, const dyad_article *a, const dyad_place *pl) {
    if (!pl->name) return (ej_place){.lat = NAN, .lon = NAN, .words = ej_no_span()};
    return (ej_place){.name = pl->name,
                      .country = pl->country,
                      .kind = pl->kind,
                      .admin1 = pl->admin1,
                      .precision = pl->precision,
                      .lat = pl->lat,
                      .lon = pl->lon,
                      .geonameid = pl->geonameid,
                      .words = words(cc, a, pl->span)};
}

/* The text of sentence i of the coded document (NULL, 0 when none). */
static const char *sentence_text(const dyad_article *a, const dyad_doc *d, uint32_t i, size_t *len) {
    const dyad_sentence_info *si = i < dyad_doc_nsentences(d) ? dyad_doc_sentence(d, i) : NULL;
    *len = si ? si->span.len : 0;
    return si ? a->text + si->span.off : NULL;
}

/* One place mention: article, sentence, its use (locative, qualifier,
 * actor) and the place fields. */
static void write_place(FILE *f, const dyad_article *a, const dyad_place *pl, char_cursor *cc) {
    ej_mention_place p = {.article = a->id,
                          .sentence = (long)pl->sentence,
                          .locative = pl->locative,
                          .qualifier = pl->qualifier,
                          .actor = pl->actor,
                          .place = place_of(cc, a, pl)};
    ej_put(f, ej_place_object(&p));
}

static void write_jsonl(FILE *f, const dyad_article *a, const dyad_event *e, char_cursor *cc) {
    ej_event r = {.id = 0,
                  .article = a->id,
                  .sentence = (long)e->sentence,
                  .date = e->date,
                  .date_precision = e->date_precision,
                  .source = e->source,
                  .target = e->target,
                  .code = e->code,
                  .root = e->root,
                  .quad = e->quad,
                  .goldstein = e->goldstein,
                  .confidence = e->confidence,
                  .num_mentions = -1,
                  .num_sources = -1,
                  .num_articles = -1,
                  .source_basis = e->source_basis,
                  .target_basis = e->target_basis,
                  .source_name = e->source_name,
                  .target_name = e->target_name,
                  .source_wikidata = e->source_wikidata,
                  .target_wikidata = e->target_wikidata,
                  .source_words = words(cc, a, e->source_span),
                  .target_words = words(cc, a, e->target_span),
                  .verb_words = words(cc, a, e->verb_span),
                  .date_words = words(cc, a, e->date_span),
                  .rule = e->rule,
                  .place = place_of(cc, a, &e->place),
                  .url = a->url,
                  .news_source = a->source,
                  .title = a->title};
    r.sentence_text = sentence_text(a, cc->d, e->sentence, &r.sentence_len);
    ej_put(f, ej_event_object(&r));
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

/* One figure as a record (event_json.c). */
static void write_figure(FILE *f, const dyad_article *a, const dyad_figure *g, char_cursor *cc) {
    ej_figure r = {.id = 0,
                   .article = a->id,
                   .sentence = (long)g->sentence,
                   .date = g->date,
                   .date_words = words(cc, a, g->date_span),
                   .historical = g->historical,
                   .kind = dyad_figure_kind_name(g->kind),
                   .released = g->released,
                   .value = g->value,
                   .value_max = g->value_max,
                   .qualifier = g->qualifier,
                   .number = words(cc, a, g->number_span),
                   .victim = words(cc, a, g->victim_span),
                   .perpetrator = words(cc, a, g->perpetrator_span),
                   .cited = words(cc, a, g->cited_span),
                   .victim_code = g->victim_code,
                   .perpetrator_code = g->perpetrator_code,
                   .place = place_of(cc, a, &g->place),
                   .url = a->url,
                   .news_source = a->source,
                   .title = a->title};
    r.sentence_text = sentence_text(a, cc->d, g->sentence, &r.sentence_len);
    ej_put(f, ej_figure_object(&r));
}

dyad_status dyad_write_figures(FILE *f, const dyad_article *a, const dyad_doc *d, dyad_error *err) {
    char_cursor cc = {d, a->text, a->text_len};
    size_t n = dyad_doc_nfigures(d);
    for (size_t i = 0; i < n; i++) write_figure(f, a, dyad_doc_figure(d, i), &cc);
    if (ferror(f)) return dyad_fail(err, DYAD_EIO, NULL, 0, "write error");
    return DYAD_OK;
}
