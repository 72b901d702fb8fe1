/* export.c -- stored events as GDELT 2.0 event rows (61 tab-separated
 * columns, no header), their mentions as GDELT 2.0 mention rows (16
 * columns), and as Phoenix rows (26 tab-separated columns).
 * CAMEO actor codes are split into 3-letter units: a leading country or
 * IGO, role types (GOV, MIL, ...), and the rest as a known group. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

static const char *const ROLES[] = {"GOV", "MIL", "REB", "OPP", "PTY", "COP", "JUD", "SPY",
                                    "MED", "EDU", "BUS", "CRM", "CVL", "REF", "HLH", "NGO",
                                    "LEG", "LAB", "REL", "ELI", "AGR", "DEV", "ENV", "HRI",
                                    "MOD", "RAD", "UAF", "SEC", "INS", "IGO", "---", NULL};
static const char *const NONSTATE[] = {"IGO", "NGO", "IMG", "MNC", "NGM", "UIS", "---", NULL};

static int in(const char *u, const char *const *list) {
    for (int i = 0; list[i]; i++)
        if (!strncmp(u, list[i], 3)) return 1;
    return 0;
}

typedef struct actor_parts {
    char country[4], group[16], types[3][4];
} actor_parts;

static void split(const char *code, actor_parts *p) {
    memset(p, 0, sizeof *p);
    size_t n = strlen(code), k = 0;
    int nt = 0;
    if (n >= 3 && !in(code, NONSTATE) && !in(code, ROLES)) {
        memcpy(p->country, code, 3);
        k = 3;
    }
    for (; k + 3 <= n; k += 3) {
        if (in(code + k, ROLES) && nt < 3)
            memcpy(p->types[nt++], code + k, 3);
        else if (strlen(p->group) + 3 < sizeof p->group)
            strncat(p->group, code + k, 3);
    }
}

/* Text for a TSV field: tabs and newlines become spaces. */
static void field(const char *s) {
    for (; *s; s++) putchar(*s == '\t' || *s == '\n' || *s == '\r' ? ' ' : *s);
}

static void ymd(const char *date, int *y, int *m, int *d) {
    *y = *m = *d = 0;
    sscanf(date, "%4d-%2d-%2d", y, m, d);
}

static int day_of_year(int y, int m, int d) {
    static const int cum[12] = {0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334};
    int leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    return (m >= 1 && m <= 12 ? cum[m - 1] : 0) + d + (leap && m > 2);
}

static void gdelt_actor(const char *code, const char *name) {
    actor_parts p;
    split(code, &p);
    /* Code Name CountryCode KnownGroupCode EthnicCode Religion1 Religion2 Type1 Type2 Type3 */
    printf("%s\t", code);
    field(name);
    printf("\t%s\t%s\t\t\t\t%s\t%s\t%s\t", p.country, p.group, p.types[0], p.types[1], p.types[2]);
}

/* GDELT's Geo_ columns of a stored place: Type (1 country, 2 US state, 3
 * US city, 4 world city, 5 world state), FullName, CountryCode (FIPS
 * 10-4), ADM1Code (the FIPS country code and the GeoNames admin-1 code:
 * "USGA", "PK05"), ADM2Code (empty), Lat, Long and FeatureID (a town's
 * GeoNames id, a region's ADM1Code, a country's code), each followed by a
 * tab. The admin-1 code and id are those stored with the place, else the
 * gazetteer's entry's (stores made before they were kept); empty without
 * either. */
static void gdelt_geo(const dyad_ctx *gaz, const dyad_stored_event *e) {
    int us = !strcmp(e->country, "USA");
    int country = !strcmp(e->place_kind, "country"), region = !strcmp(e->place_kind, "region");
    printf("%d\t", country ? 1 : region ? (us ? 2 : 5) : us ? 3 : 4);
    field(e->place);
    const char *fips = dyad_country_fips(e->country);
    if (!fips) fips = "";
    /* as stored with the event's place, else as the gazetteer has it */
    const char *admin1 = e->place_admin1 ? e->place_admin1 : "";
    long long id = e->place_geonameid;
    dyad_place pl;
    if (!admin1[0] && !id && gaz &&
        dyad_place_lookup(gaz, e->place, e->country, e->place_kind, e->lat, e->lon, &pl)) {
        admin1 = pl.admin1;
        id = pl.geonameid;
    }
    char adm1[24] = "";
    if (country)
        snprintf(adm1, sizeof adm1, "%s", fips);
    else if (fips[0] && admin1[0])
        snprintf(adm1, sizeof adm1, "%s%.16s", fips, admin1);
    printf("\t%s\t%s\t\t", fips, adm1);
    if (isnan(e->lat) || isnan(e->lon))
        fputs("\t\t", stdout);
    else
        printf("%.4f\t%.4f\t", e->lat, e->lon);
    if (id > 0 && !country && !region)
        printf("%lld", id);
    else if (country || region)
        fputs(adm1, stdout);
    putchar('\t');
}

int export_gdelt(void *ud, const dyad_stored_event *e) {
    const dyad_ctx *gaz = ud; /* the gazetteer, for admin-1 codes and ids; may be NULL */
    int y, m, d;
    ymd(e->date, &y, &m, &d);
    if (!y) /* an undated article's event: empty fields, never 00000000 */
        printf("%lld\t\t\t\t\t", (long long)e->id);
    else
        printf("%lld\t%04d%02d%02d\t%04d%02d\t%04d\t%.4f\t", (long long)e->id, y, m, d, y, m, y,
               y + (day_of_year(y, m, d) - 1) / 365.0);
    /* Actor1Name is the actor's canonical name, as GDELT's; the words
     * only for events stored before names were kept */
    gdelt_actor(e->source, e->source[0] && !e->source_name[0] ? e->source_text : e->source_name);
    gdelt_actor(e->target, e->target[0] && !e->target_name[0] ? e->target_text : e->target_name);
    char base[4] = {0};
    strncpy(base, e->code, 3);
    printf("%d\t%s\t%s\t%s\t%d\t%.1f\t%d\t%d\t%d\t0\t", e->sentence_index == 0, e->code, base, e->root,
           e->quad, e->goldstein, e->num_mentions, e->num_sources, e->num_articles);
    /* Actor1Geo and Actor2Geo unknown; ActionGeo from the event's place,
     * its CountryCode in FIPS 10-4 as GDELT writes it (QAT: QA) */
    for (int g = 0; g < 2; g++) fputs("0\t\t\t\t\t\t\t\t", stdout);
    if (!e->place[0])
        fputs("0\t\t\t\t\t\t\t\t", stdout);
    else
        gdelt_geo(gaz, e);
    char added[32] = "";
    int hh = 0, mi = 0, ss = 0, ay = 0, am = 0, ad = 0;
    if (sscanf(e->added, "%4d-%2d-%2d %2d:%2d:%2d", &ay, &am, &ad, &hh, &mi, &ss) == 6)
        snprintf(added, sizeof added, "%04d%02d%02d%02d%02d%02d", ay % 10000, am % 100, ad % 100,
                 hh % 100, mi % 100, ss % 100);
    printf("%s\t", added);
    field(e->url[0] ? e->url : e->article);
    putchar('\n');
    return 0;
}

int export_phoenix(void *ud, const dyad_stored_event *e) {
    (void)ud;
    int y, m, d;
    ymd(e->date, &y, &m, &d);
    actor_parts s, t;
    split(e->source, &s);
    split(e->target, &t);
    if (!y)
        printf("%lld\t\t\t\t\t", (long long)e->id); /* undated: empty, never 00000000 */
    else
        printf("%lld\t%04d%02d%02d\t%d\t%d\t%d\t", (long long)e->id, y, m, d, y, m, d);
    printf("%s\t%s\t%s\t%s\t", e->source, s.country[0] ? s.country : s.group, s.types[0], s.types[1]);
    printf("%s\t%s\t%s\t%s\t", e->target, t.country[0] ? t.country : t.group, t.types[0], t.types[1]);
    /* ... Issues, Lat, Lon, LocationName, StateName, CountryCode */
    printf("%s\t%s\t%d\t%.1f\t\t", e->code, e->root, e->quad, e->goldstein);
    if (isnan(e->lat) || isnan(e->lon))
        fputs("\t\t", stdout);
    else
        printf("%.4f\t%.4f\t", e->lat, e->lon);
    field(e->place);
    printf("\t\t%s\t", e->country);
    printf("%s_%d\t", e->article, e->sentence_index);
    field(e->url);
    putchar('\t');
    field(e->news_source);
    putchar('\n');
    return 0;
}

/* "YYYY-MM-DD HH:MM:SS" (or a bare date) as GDELT's YYYYMMDDHHMMSS. */
static void gdelt_time(const char *t, char out[24]) {
    int y = 0, m = 0, d = 0, hh = 0, mi = 0, ss = 0;
    sscanf(t, "%4d-%2d-%2d %2d:%2d:%2d", &y, &m, &d, &hh, &mi, &ss);
    out[0] = '\0';
    if (y)
        snprintf(out, 24, "%04d%02d%02d%02d%02d%02d", y % 10000, m % 100, d % 100, hh % 100, mi % 100,
                 ss % 100);
}

/* The events of a query, kept so that their mentions are read after the
 * query has finished (a PostgreSQL connection runs one query at a time). */
typedef struct event_ids {
    int64_t *id;
    char (*added)[24];
    size_t n, cap;
    int oom;
} event_ids;

static int keep_event(void *ud, const dyad_stored_event *e) {
    event_ids *ids = ud;
    if (ids->n == ids->cap) {
        size_t nc = ids->cap ? ids->cap * 2 : 256;
        int64_t *ni = realloc(ids->id, nc * sizeof *ni);
        if (ni) ids->id = ni;
        char(*na)[24] = realloc(ids->added, nc * sizeof *na);
        if (na) ids->added = na;
        if (!ni || !na) {
            ids->oom = 1;
            return 1;
        }
        ids->cap = nc;
    }
    ids->id[ids->n] = e->id;
    gdelt_time(e->added, ids->added[ids->n]);
    ids->n++;
    return 0;
}

/* One mention row: GlobalEventID EventTimeDate MentionTimeDate MentionType
 * MentionSourceName MentionIdentifier SentenceID Actor1CharOffset
 * Actor2CharOffset ActionCharOffset InRawText Confidence MentionDocLen
 * MentionDocTone MentionDocTranslationInfo Extras. Offsets are characters
 * into the article (-1 when absent); MentionType is 1 (web); Confidence is
 * 100 (a dictionary pattern, no model); tone is not measured (0). */
static int mention_row(void *ud, const dyad_stored_mention *m) {
    const char *added = ud;
    char when[24];
    gdelt_time(m->date, when);
    printf("%lld\t%s\t%s\t1\t", (long long)m->event, added, when);
    field(m->news_source);
    putchar('\t');
    field(m->url[0] ? m->url : m->article);
    long base = m->sentence_start;
    printf("\t%d\t%ld\t%ld\t%ld\t1\t100\t%ld\t0\t\t\n", m->sentence_index + 1,
           m->source_start < 0 ? -1 : base + m->source_start,
           m->target_start < 0 ? -1 : base + m->target_start,
           m->verb_start < 0 ? -1 : base + m->verb_start, m->doc_len);
    return 0;
}

int export_gdelt_mentions(dyad_store *s, const dyad_query *q, dyad_error *err) {
    event_ids ids = {0};
    dyad_status st = dyad_store_query(s, q, keep_event, &ids, err);
    if (st == DYAD_OK && ids.oom) {
        memset(err, 0, sizeof *err);
        err->code = st = DYAD_ENOMEM;
        snprintf(err->msg, sizeof err->msg, "out of memory");
    }
    for (size_t i = 0; st == DYAD_OK && i < ids.n; i++) {
        int found;
        st = dyad_store_event(s, ids.id[i], NULL, mention_row, ids.added[i], &found, err);
    }
    free(ids.id);
    free(ids.added);
    return st == DYAD_OK ? 0 : -1;
}
