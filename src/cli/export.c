/* export.c -- stored events in the layouts of other event datasets, for
 * `dyad query --format NAME` (docs/formats.md): GDELT 2.0 event rows (61
 * tab-separated columns, no header) and their mentions as GDELT 2.0
 * mention rows (16 columns), Phoenix rows (26 columns, no header), ICEWS
 * rows (20 columns and a header, as the ICEWS files on Dataverse) and
 * PLOVER rows in the layout of POLECAT (40 columns and a header).
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

/* The country (ISO alpha-3) an actor code begins with, into c; "" when it
 * begins with none (IGO, a role, a group). */
static void actor_country(const char *code, char c[4]) {
    c[0] = '\0';
    if (strlen(code) < 3) return;
    memcpy(c, code, 3);
    c[3] = '\0';
    if (!dyad_country_fips(c)) c[0] = '\0';
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

/* The name of a country (alpha-3) as the gazetteer has it, "" when the
 * gazetteer (may be NULL) has none. */
static const char *country_name(const dyad_ctx *gaz, const char *iso3) {
    dyad_place pl;
    return iso3[0] && gaz && dyad_country_place(gaz, iso3, &pl) ? pl.name : "";
}

/* City, District and Province of an event's place, each followed by a
 * tab: the place when a town, empty (no admin-2), the place when a region. */
static void town_district_province(const dyad_stored_event *e) {
    int town = e->place[0] && strcmp(e->place_kind, "country") && strcmp(e->place_kind, "region");
    if (town) field(e->place);
    fputs("\t\t", stdout);
    if (!strcmp(e->place_kind, "region")) field(e->place);
    putchar('\t');
}

/* Latitude, a tab, longitude of an event's place; empty when unknown. */
static void lat_lon(const dyad_stored_event *e) {
    if (isnan(e->lat) || isnan(e->lon))
        putchar('\t');
    else
        printf("%.4f\t%.4f", e->lat, e->lon);
}

/* ---------------------------------------------------------------------
 * GDELT 2.0 events
 * ------------------------------------------------------------------- */

static void gdelt_actor(const char *code, const char *name) {
    actor_parts p;
    split(code, &p);
    /* Code Name CountryCode KnownGroupCode EthnicCode Religion1 Religion2 Type1 Type2 Type3 */
    printf("%s\t", code);
    field(name);
    printf("\t%s\t%s\t\t\t\t%s\t%s\t%s\t", p.country, p.group, p.types[0], p.types[1], p.types[2]);
}

/* GDELT's Geo_ columns of a stored event's place: Type (1 country, 2 US
 * state, 3 US city, 4 world city, 5 world state), FullName, CountryCode
 * (FIPS 10-4), ADM1Code (the FIPS country code and the GeoNames admin-1
 * code: "USGA", "PK05"), ADM2Code (empty), Lat, Long and FeatureID (a
 * town's GeoNames id, a region's ADM1Code, a country's code), each
 * followed by a tab. The admin-1 code and id are those stored with the
 * place, else the gazetteer's entry's (stores made before they were kept);
 * empty without either. */
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
    lat_lon(e);
    putchar('\t');
    if (id > 0 && !country && !region)
        printf("%lld", id);
    else if (country || region)
        fputs(adm1, stdout);
    putchar('\t');
}

/* Actor1Geo or Actor2Geo of an actor code: the event's place when the
 * actor is of its country or of none (the place the article ties to the
 * actor), else the actor's country at country resolution (Type 1, the
 * gazetteer's name and centroid), else unknown (Type 0, the rest empty). */
static void gdelt_actor_geo(const dyad_ctx *gaz, const dyad_stored_event *e, const char *code) {
    char c[4];
    actor_country(code, c);
    if (e->place[0] && code[0] && (!c[0] || !strcmp(c, e->country))) {
        gdelt_geo(gaz, e);
        return;
    }
    const char *fips = c[0] ? dyad_country_fips(c) : NULL;
    if (!fips) {
        fputs("0\t\t\t\t\t\t\t\t", stdout);
        return;
    }
    dyad_place pl;
    int known = gaz && dyad_country_place(gaz, c, &pl) && !isnan(pl.lat) && !isnan(pl.lon);
    printf("1\t%s\t%s\t%s\t\t", known ? pl.name : "", fips, fips);
    if (known)
        printf("%.4f\t%.4f\t", pl.lat, pl.lon);
    else
        fputs("\t\t", stdout);
    printf("%s\t", fips);
}

static int export_gdelt(void *ud, const dyad_stored_event *e) {
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
    /* Actor1Geo, Actor2Geo; ActionGeo from the event's place, its
     * CountryCode in FIPS 10-4 as GDELT writes it (QAT: QA) */
    gdelt_actor_geo(gaz, e, e->source);
    gdelt_actor_geo(gaz, e, e->target);
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

/* ---------------------------------------------------------------------
 * Phoenix
 * ------------------------------------------------------------------- */

/* Phoenix's split of an actor code (phoenix_pipeline's postprocess.py):
 * the full code, its root (the first three letters when a country or
 * IGO, NGO, IMG, MNC), its agent (letters 4-6 when one of Phoenix's
 * thirteen primary agents) and the other 3-letter units, ';' between
 * them, each followed by a tab. */
static void phoenix_actor(const char *code) {
    static const char *const ROOTS[] = {"IGO", "NGO", "IMG", "MNC", NULL};
    static const char *const AGENTS[] = {"GOV", "MIL", "REB", "OPP", "PTY", "COP", "JUD",
                                         "SPY", "MED", "EDU", "BUS", "CRM", "CVL", NULL};
    size_t n = strlen(code);
    char c[4];
    actor_country(code, c);
    int root = n >= 3 && (c[0] || in(code, ROOTS));
    int agent = n >= 6 && in(code + 3, AGENTS);
    field(code);
    printf("\t%.*s\t%.*s\t", root ? 3 : 0, code, agent ? 3 : 0, agent ? code + 3 : "");
    for (size_t k = agent ? 6 : 3, first = 1; k < n; k += 3, first = 0)
        printf("%s%.3s", first ? "" : ";", code + k);
    putchar('\t');
}

/* Phoenix's PentaClass of a root: 0 statements and appeals (01-02), 1
 * verbal cooperation (03-05), 2 material cooperation (06-08), 3 verbal
 * conflict (09-13 and 16), 4 material conflict (14, 15, 17-20); -1 for
 * none. */
static int penta_class(const char *root) {
    static const signed char PENTA[21] = {-1, 0, 0, 1, 1, 1, 2, 2, 2, 3, 3,
                                          3,  3, 3, 4, 4, 3, 4, 4, 4, 4};
    int r = root[0] >= '0' && root[0] <= '2' && root[1] >= '0' && root[1] <= '9'
                ? (root[0] - '0') * 10 + (root[1] - '0')
                : 0;
    return r <= 20 ? PENTA[r] : -1;
}

static int export_phoenix(void *ud, const dyad_stored_event *e) {
    (void)ud;
    int y, m, d;
    ymd(e->date, &y, &m, &d);
    /* EventID Date Year Month Day */
    if (!y)
        printf("%lld\t\t\t\t\t", (long long)e->id); /* undated: empty, never 00000000 */
    else
        printf("%lld\t%04d%02d%02d\t%04d\t%02d\t%02d\t", (long long)e->id, y, m, d, y, m, d);
    phoenix_actor(e->source);
    phoenix_actor(e->target);
    /* EventCode EventRootCode PentaClass GoldsteinScore Issues */
    int penta = penta_class(e->root);
    printf("%s\t%s\t", e->code, e->root);
    if (penta >= 0) printf("%d", penta);
    printf("\t%.1f\t\t", e->goldstein);
    /* Lat Lon LocationName StateName CountryCode */
    lat_lon(e);
    putchar('\t');
    field(e->place);
    putchar('\t');
    if (!strcmp(e->place_kind, "region")) field(e->place);
    printf("\t%s\t", e->country);
    /* SentenceID URLs NewsSources */
    field(e->article);
    printf("_%d\t", e->sentence_index);
    field(e->url);
    putchar('\t');
    field(e->news_source);
    putchar('\n');
    return 0;
}

/* ---------------------------------------------------------------------
 * ICEWS
 * ------------------------------------------------------------------- */

/* CAMEO's agent codes by the sector names ICEWS writes. */
static const struct {
    const char code[4], *name;
} SECTORS[] = {
    {"GOV", "Government"},
    {"MIL", "Military"},
    {"REB", "Rebels"},
    {"OPP", "Opposition"},
    {"PTY", "Parties"},
    {"COP", "Police"},
    {"JUD", "Judiciary"},
    {"SPY", "Intelligence"},
    {"MED", "Media"},
    {"EDU", "Education"},
    {"BUS", "Business"},
    {"CRM", "Criminals"},
    {"CVL", "Civilians"},
    {"REF", "Refugees"},
    {"HLH", "Health"},
    {"NGO", "NGOs"},
    {"LEG", "Legislative"},
    {"LAB", "Labor"},
    {"REL", "Religious"},
    {"ELI", "Elites"},
    {"AGR", "Agriculture"},
    {"DEV", "Development"},
    {"ENV", "Environment"},
    {"HRI", "Human Rights"},
    {"MOD", "Moderate"},
    {"RAD", "Radical"},
    {"UAF", "Unidentified Forces"},
    {"INS", "Insurgents"},
    {"IGO", "International Government Organizations"},
};

/* The sectors of an actor code, by name, ',' between them. */
static void icews_sectors(const char *code) {
    actor_parts p;
    split(code, &p);
    for (int i = 0, first = 1; i < 3 && p.types[i][0]; i++)
        for (size_t k = 0; k < sizeof SECTORS / sizeof SECTORS[0]; k++)
            if (!strcmp(SECTORS[k].code, p.types[i])) {
                printf("%s%s", first ? "" : ",", SECTORS[k].name);
                first = 0;
            }
}

static void icews_actor(const dyad_ctx *gaz, const char *code, const char *name, const char *text) {
    char c[4];
    actor_country(code, c);
    field(code[0] && !name[0] ? text : name);
    putchar('\t');
    icews_sectors(code);
    putchar('\t');
    field(country_name(gaz, c));
    putchar('\t');
}

static const char EXPORT_ICEWS_HEADER[] =
    "Event ID\tEvent Date\tSource Name\tSource Sectors\tSource Country\tEvent Text\tCAMEO Code\t"
    "Intensity\tTarget Name\tTarget Sectors\tTarget Country\tStory ID\tSentence Number\tPublisher\t"
    "City\tDistrict\tProvince\tCountry\tLatitude\tLongitude";

static int export_icews(void *ud, const dyad_stored_event *e) {
    const dyad_ctx *gaz = ud;
    const char *text = dyad_cameo_name(e->code);
    printf("%lld\t%s\t", (long long)e->id, e->date);
    icews_actor(gaz, e->source, e->source_name, e->source_text);
    printf("%s\t%s\t%.1f\t", text ? text : "", e->code, e->goldstein);
    icews_actor(gaz, e->target, e->target_name, e->target_text);
    field(e->article);
    printf("\t%d\t", e->sentence_index + 1);
    field(e->news_source);
    /* City District Province Country Latitude Longitude */
    putchar('\t');
    town_district_province(e);
    field(country_name(gaz, e->country));
    putchar('\t');
    lat_lon(e);
    putchar('\n');
    return 0;
}

/* ---------------------------------------------------------------------
 * PLOVER, in the layout of POLECAT
 * ------------------------------------------------------------------- */

/* CAMEO agent codes as PLOVER sector codes (its manual's table: CAMEO's
 * MED, media, is PLOVER's JRN; CAMEO's HLH, health, PLOVER's MED);
 * agents PLOVER has no sector for are left out. */
static const struct {
    const char cameo[4], plover[4];
} PLOVER_SECTORS[] = {
    {"COP", "COP"}, {"GOV", "GOV"}, {"JUD", "JUD"}, {"LEG", "LEG"}, {"MIL", "MIL"}, {"PTY", "PTY"},
    {"REB", "REB"}, {"INS", "REB"}, {"SPY", "SPY"}, {"UAF", "UAF"}, {"AGR", "AGR"}, {"BUS", "BUS"},
    {"CRM", "CRM"}, {"CVL", "CVL"}, {"EDU", "EDU"}, {"ELI", "ELI"}, {"MED", "JRN"}, {"LAB", "LAB"},
    {"HLH", "MED"}, {"REF", "REF"}, {"OPP", "OPP"}, {"REL", "REL"}, {"NGO", "SOC"}, {"HRI", "SOC"},
    {"ENV", "SOC"}, {"DEV", "SOC"},
};

/* Name, Country, COW, Primary Sector, Sectors, Title, Name Raw, Wikipedia
 * ID of an actor or recipient, each followed by a tab. */
static void plover_actor(const char *code, const char *name, const char *text) {
    char c[4];
    actor_country(code, c);
    const char *sector[3] = {NULL, NULL, NULL};
    actor_parts p;
    split(code, &p);
    int ns = 0;
    for (int i = 0; i < 3 && p.types[i][0]; i++)
        for (size_t k = 0; k < sizeof PLOVER_SECTORS / sizeof PLOVER_SECTORS[0]; k++)
            if (!strcmp(PLOVER_SECTORS[k].cameo, p.types[i])) sector[ns++] = PLOVER_SECTORS[k].plover;
    field(code[0] && !name[0] ? text : name);
    printf("\t%s\t\t%s\t", c, ns ? sector[0] : "");
    for (int i = 0; i < ns; i++) printf("%s%s", i ? "; " : "", sector[i]);
    fputs("\t\t", stdout);
    field(text);
    fputs("\t\t", stdout);
}

/* GeoNames' feature code of a place of a kind ("country": PCLI). */
static const char *feature_type(const char *kind) {
    return !strcmp(kind, "country")   ? "PCLI"
           : !strcmp(kind, "region")  ? "ADM1"
           : !strcmp(kind, "capital") ? "PPLC"
           : !strcmp(kind, "city")    ? "PPL"
                                      : "";
}

static const char EXPORT_PLOVER_HEADER[] =
    "Event ID\tEvent Date\tEvent Type\tEvent Mode\tIntensity\tQuad Code\tContexts\tActor Name\t"
    "Actor Country\tActor COW\tPrimary Actor Sector\tActor Sectors\tActor Title\tActor Name Raw\t"
    "Wikipedia Actor ID\tRecipient Name\tRecipient Country\tRecipient COW\tPrimary Recipient Sector\t"
    "Recipient Sectors\tRecipient Title\tRecipient Name Raw\tWikipedia Recipient ID\tPlacename\t"
    "City\tDistrict\tProvince\tCountry\tLatitude\tLongitude\tGeoNames ID\tRaw Placename\t"
    "Feature Type\tSource\tPublication Date\tStory People\tStory Organizations\tStory Locations\t"
    "Language\tVersion";

static int export_plover(void *ud, const dyad_stored_event *e) {
    (void)ud;
    dyad_plover pv;
    if (!dyad_cameo_plover(e->code, &pv)) return 0; /* CAMEO 01, 02: none in PLOVER */
    printf("%lld\t%s\t%s\t%s\t%.1f\t%s\t%s\t", (long long)e->id, e->date, pv.event_type, pv.mode,
           pv.intensity, pv.quad, pv.contexts);
    plover_actor(e->source, e->source_name, e->source_text);
    plover_actor(e->target, e->target_name, e->target_text);
    /* Placename City District Province Country Latitude Longitude
     * GeoNames ID, Raw Placename, Feature Type */
    field(e->place);
    putchar('\t');
    town_district_province(e);
    printf("%s\t", e->country);
    lat_lon(e);
    putchar('\t');
    if (e->place_geonameid > 0) printf("%lld", e->place_geonameid);
    printf("\t\t%s\t", feature_type(e->place_kind));
    /* Source Publication Date Story People Story Organizations Story
     * Locations Language Version */
    field(e->news_source);
    fputs("\t\t\t\t\ten\tdyad\n", stdout);
    return 0;
}

/* ---------------------------------------------------------------------
 * GDELT 2.0 mentions
 * ------------------------------------------------------------------- */

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

/* ---------------------------------------------------------------------
 * The formats
 * ------------------------------------------------------------------- */

static const export_format FORMATS[] = {
    {"gdelt", NULL, export_gdelt, 1},
    {"gdelt-mentions", NULL, NULL, 0},
    {"phoenix", NULL, export_phoenix, 0},
    {"icews", EXPORT_ICEWS_HEADER, export_icews, 1},
    {"plover", EXPORT_PLOVER_HEADER, export_plover, 0},
};

const export_format *export_find(const char *name) {
    for (size_t i = 0; i < sizeof FORMATS / sizeof FORMATS[0]; i++)
        if (!strcmp(FORMATS[i].name, name)) return &FORMATS[i];
    return NULL;
}
