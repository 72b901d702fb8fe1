/* csv.c -- stored events as CSV rows (RFC 4180), the layout of `dyad
 * query --format csv` and of the API's /api/events.csv: every text field
 * quoted, so that a code such as "010" stays text in spreadsheets and
 * pandas, every number bare, unknown values empty. */
#include <math.h>
#include <stdio.h>

#include "dyad.h"

const char DYAD_EVENT_CSV_HEADER[] =
    "\"id\",\"date\",\"source\",\"target\",\"code\",\"root\",\"quad\",\"goldstein\",\"num_mentions\","
    "\"num_sources\",\"num_articles\",\"article\",\"sentence\",\"place\",\"country\",\"lat\",\"lon\","
    "\"confidence\"";

void dyad_csv_field(FILE *f, const char *s) {
    putc('"', f);
    for (; s && *s; s++) {
        if (*s == '"') putc('"', f);
        putc(*s, f);
    }
    putc('"', f);
}

void dyad_csv_place(FILE *f, const char *place, const char *country, double lat, double lon) {
    dyad_csv_field(f, place);
    putc(',', f);
    dyad_csv_field(f, country);
    if (isnan(lat) || isnan(lon))
        fputs(",,", f);
    else
        fprintf(f, ",%.4f,%.4f", lat, lon);
}

void dyad_write_event_csv(FILE *f, const dyad_stored_event *e) {
    fprintf(f, "%lld,", (long long)e->id);
    const char *text[] = {e->date, e->source, e->target, e->code, e->root};
    for (int i = 0; i < 5; i++) {
        dyad_csv_field(f, text[i]);
        putc(',', f);
    }
    fprintf(f, "%d,%.1f,%d,%d,%d,", e->quad, e->goldstein, e->num_mentions, e->num_sources,
            e->num_articles);
    dyad_csv_field(f, e->article);
    putc(',', f);
    dyad_csv_field(f, e->sentence);
    putc(',', f);
    dyad_csv_place(f, e->place, e->country, e->lat, e->lon);
    if (isnan(e->confidence))
        fputs(",\n", f);
    else
        fprintf(f, ",%.2f\n", e->confidence);
}
