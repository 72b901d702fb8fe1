/* event_json.h -- the one JSON of Dyad's records (schema DYAD_SCHEMA_VERSION,
 * docs/formats.md): an event, a casualty figure and a place mention, from
 * neutral structs that a freshly coded document (output.c) and a stored
 * row (dyad_stored_*_json, event_json.c) both fill. Every record carries
 * "record" and "schema"; every field is always present, null when unknown,
 * never "". Types are ej_ (event JSON). */
#ifndef DYAD_EVENT_JSON_H
#define DYAD_EVENT_JSON_H

#include <json-c/json.h>
#include <stddef.h>

#include "dyad.h"

/* Words of the article with their character offsets into it. */
typedef struct ej_span {
    const char *text; /* NULL or len 0: null */
    size_t len;
    long long start, end; /* start < 0 or end <= start: both null */
} ej_span;

/* A place as records give it: "place", "place_country", ... */
typedef struct ej_place {
    const char *name, *country, *kind, *admin1, *precision; /* NULL or "": null (and when
                                                               name is, all are) */
    double lat, lon;                                        /* NaN: null */
    long long geonameid;                                    /* < 1: null */
    ej_span words;                                          /* the words that name it */
} ej_place;

typedef struct ej_event {
    long long id; /* the stored event's; < 1: null (not stored) */
    const char *article;
    long sentence;             /* 0-based index in the article; < 0: null */
    const char *sentence_text; /* NULL or sentence_len 0: null */
    size_t sentence_len;
    const char *date, *date_precision;
    const char *source, *target, *code, *root;
    int quad;
    double goldstein;
    double confidence;                            /* NaN: null */
    long num_mentions, num_sources, num_articles; /* < 0: null (not merged) */
    const char *source_basis, *target_basis, *source_name, *target_name;
    const char *source_wikidata, *target_wikidata;
    ej_span source_words, target_words, verb_words, date_words;
    const char *rule; /* dictionary file:line; written without its directories */
    ej_place place;
    const char *url, *news_source, *title; /* of the (first) article */
} ej_event;

typedef struct ej_figure {
    long long id; /* < 1: null */
    const char *article;
    long sentence;
    const char *sentence_text;
    size_t sentence_len;
    const char *date;
    ej_span date_words;
    int historical;
    const char *kind;
    int released;
    long long value, value_max;
    const char *qualifier;
    ej_span number, victim, perpetrator, cited;
    const char *victim_code, *perpetrator_code;
    ej_place place;
    const char *url, *news_source, *title;
} ej_figure;

/* A place mention of `dyad code --format places`. */
typedef struct ej_mention_place {
    const char *article;
    long sentence;
    int locative, qualifier, actor;
    ej_place place;
} ej_mention_place;

/* The records as JSON objects (the caller's to release); NULL when out of
 * memory. */
json_object *ej_event_object(const ej_event *e);
json_object *ej_figure_object(const ej_figure *f);
json_object *ej_place_object(const ej_mention_place *p);

/* A span of no words. */
ej_span ej_no_span(void);

/* Writes o (released) to f as one line. */
void ej_put(FILE *f, json_object *o);

#endif
