/* export.c -- stored events in the layouts of other event datasets, for
 * `dyad query --format NAME` (docs/formats.md): GDELT 2.0 event rows (61
 * tab-separated columns, no header) and their mentions as GDELT 2.0
 * mention rows (16 columns), Phoenix rows (26 columns, no header), ICEWS
 * rows (20 columns and a header, as the ICEWS files on Dataverse) and
 * PLOVER rows in the layout of POLECAT (40 columns and a header).
 * Phoenix and PLOVER rows end with columns taken from all the reports of
 * their event (mentions), read once the query is over: their first
 * columns are kept in a memory stream meanwhile.
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
static void field(FILE *out, const char *s) {
    for (; *s; s++) fputc(*s == '\t' || *s == '\n' || *s == '\r' ? ' ' : *s, out);
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
static void town_district_province(FILE *out, const dyad_stored_event *e) {
    int town = e->place[0] && strcmp(e->place_kind, "country") && strcmp(e->place_kind, "region");
    if (town) field(out, e->place);
    fputs("\t\t", out);
    if (!strcmp(e->place_kind, "region")) field(out, e->place);
    fputc('\t', out);
}

/* Latitude, a tab, longitude of an event's place; empty when unknown. */
static void lat_lon(FILE *out, const dyad_stored_event *e) {
    if (isnan(e->lat) || isnan(e->lon))
        fputc('\t', out);
    else
        fprintf(out, "%.4f\t%.4f", e->lat, e->lon);
}

/* ---------------------------------------------------------------------
 * GDELT 2.0 events
 * ------------------------------------------------------------------- */

static void gdelt_actor(FILE *out, const char *code, const char *name) {
    actor_parts p;
    split(code, &p);
    /* Code Name CountryCode KnownGroupCode EthnicCode Religion1 Religion2 Type1 Type2 Type3 */
    fprintf(out, "%s\t", code);
    field(out, name);
    fprintf(out, "\t%s\t%s\t\t\t\t%s\t%s\t%s\t", p.country, p.group, p.types[0], p.types[1], p.types[2]);
}

/* GDELT's Geo_ columns of a stored event's place: Type (1 country, 2 US
 * state, 3 US city, 4 world city, 5 world state), FullName, CountryCode
 * (FIPS 10-4), ADM1Code (the FIPS country code and the GeoNames admin-1
 * code: "USGA", "PK05"), ADM2Code (empty), Lat, Long and FeatureID (a
 * town's GeoNames id, a region's ADM1Code, a country's code), each
 * followed by a tab. The admin-1 code and id are those stored with the
 * place, else the gazetteer's entry's (stores made before they were kept);
 * empty without either. */
static void gdelt_geo(FILE *out, const dyad_ctx *gaz, const dyad_stored_event *e) {
    int us = !strcmp(e->country, "USA");
    int country = !strcmp(e->place_kind, "country"), region = !strcmp(e->place_kind, "region");
    fprintf(out, "%d\t", country ? 1 : region ? (us ? 2 : 5) : us ? 3 : 4);
    field(out, e->place);
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
    fprintf(out, "\t%s\t%s\t\t", fips, adm1);
    lat_lon(out, e);
    fputc('\t', out);
    if (id > 0 && !country && !region)
        fprintf(out, "%lld", id);
    else if (country || region)
        fputs(adm1, out);
    fputc('\t', out);
}

/* Actor1Geo or Actor2Geo of an actor code: the event's place when the
 * actor is of its country or of none (the place the article ties to the
 * actor), else the actor's country at country resolution (Type 1, the
 * gazetteer's name and centroid), else unknown (Type 0, the rest empty). */
static void gdelt_actor_geo(FILE *out, const dyad_ctx *gaz, const dyad_stored_event *e,
                            const char *code) {
    char c[4];
    actor_country(code, c);
    if (e->place[0] && code[0] && (!c[0] || !strcmp(c, e->country))) {
        gdelt_geo(out, gaz, e);
        return;
    }
    const char *fips = c[0] ? dyad_country_fips(c) : NULL;
    if (!fips) {
        fputs("0\t\t\t\t\t\t\t\t", out);
        return;
    }
    dyad_place pl;
    int known = gaz && dyad_country_place(gaz, c, &pl) && !isnan(pl.lat) && !isnan(pl.lon);
    fprintf(out, "1\t%s\t%s\t%s\t\t", known ? pl.name : "", fips, fips);
    if (known)
        fprintf(out, "%.4f\t%.4f\t", pl.lat, pl.lon);
    else
        fputs("\t\t", out);
    fprintf(out, "%s\t", fips);
}

static int export_gdelt(FILE *out, const dyad_ctx *gaz, const dyad_stored_event *e) {
    int y, m, d;
    ymd(e->date, &y, &m, &d);
    if (!y) /* an undated article's event: empty fields, never 00000000 */
        fprintf(out, "%lld\t\t\t\t\t", (long long)e->id);
    else
        fprintf(out, "%lld\t%04d%02d%02d\t%04d%02d\t%04d\t%.4f\t", (long long)e->id, y, m, d, y, m, y,
                y + (day_of_year(y, m, d) - 1) / 365.0);
    /* Actor1Name is the actor's canonical name, as GDELT's; the words
     * only for events stored before names were kept */
    gdelt_actor(out, e->source, e->source[0] && !e->source_name[0] ? e->source_text : e->source_name);
    gdelt_actor(out, e->target, e->target[0] && !e->target_name[0] ? e->target_text : e->target_name);
    char base[4] = {0};
    strncpy(base, e->code, 3);
    fprintf(out, "%d\t%s\t%s\t%s\t%d\t%.1f\t%d\t%d\t%d\t0\t", e->sentence_index == 0, e->code, base,
            e->root, e->quad, e->goldstein, e->num_mentions, e->num_sources, e->num_articles);
    /* Actor1Geo, Actor2Geo; ActionGeo from the event's place, its
     * CountryCode in FIPS 10-4 as GDELT writes it (QAT: QA) */
    gdelt_actor_geo(out, gaz, e, e->source);
    gdelt_actor_geo(out, gaz, e, e->target);
    if (!e->place[0])
        fputs("0\t\t\t\t\t\t\t\t", out);
    else
        gdelt_geo(out, gaz, e);
    char added[32] = "";
    int hh = 0, mi = 0, ss = 0, ay = 0, am = 0, ad = 0;
    if (sscanf(e->added, "%4d-%2d-%2d %2d:%2d:%2d", &ay, &am, &ad, &hh, &mi, &ss) == 6)
        snprintf(added, sizeof added, "%04d%02d%02d%02d%02d%02d", ay % 10000, am % 100, ad % 100,
                 hh % 100, mi % 100, ss % 100);
    fprintf(out, "%s\t", added);
    field(out, e->url[0] ? e->url : e->article);
    fputc('\n', out);
    return 0;
}

/* A list of parts, ';' between them, written into a memory stream. */
typedef struct part_list {
    FILE *f;
    char *p; /* its text once closed (NULL when empty) */
    size_t len, n;
} part_list;

/* Starts the next part of l with s (tabs and line breaks as spaces); more
 * may be written to l->f. -1 when out of memory. */
static int part_add(part_list *l, const char *s) {
    if (!l->f && !(l->f = open_memstream(&l->p, &l->len))) return -1;
    if (l->n++) fputc(';', l->f);
    field(l->f, s);
    return ferror(l->f) ? -1 : 0;
}

/* Closes l's stream: l->p is its text; -1 when out of memory. */
static int part_close(part_list *l) {
    int rc = l->f && fclose(l->f) != 0 ? -1 : 0;
    l->f = NULL;
    return rc;
}

/* The reports of one event, gathered from its mentions (in article, then
 * sentence order) for the columns Phoenix and PLOVER take from them. */
typedef struct reports {
    const char *first;       /* the event's first report's article id */
    part_list ids;           /* articleid_sentence of every report */
    part_list urls, sources; /* of each article */
    char *last;              /* the previous mention's article id */
    char published[11];      /* the first report's article's date, YYYY-MM-DD */
    int oom;
} reports;

static int gather_report(void *ud, const dyad_stored_mention *m) {
    reports *r = ud;
    if (part_add(&r->ids, m->article) == 0)
        fprintf(r->ids.f, "_%d", m->sentence_index);
    else
        r->oom = 1;
    if (!r->last || strcmp(r->last, m->article)) {
        free(r->last);
        r->last = strdup(m->article);
        if (!r->last || part_add(&r->urls, m->url) || part_add(&r->sources, m->news_source)) r->oom = 1;
    }
    if (!strcmp(m->article, r->first)) snprintf(r->published, sizeof r->published, "%.10s", m->date);
    return r->oom;
}

/* Closes the lists of r (their texts then readable); -1 when out of memory. */
static int reports_close(reports *r) {
    int a = part_close(&r->ids), b = part_close(&r->urls), c = part_close(&r->sources);
    return r->oom || a || b || c ? -1 : 0;
}

static void reports_free(reports *r) {
    reports_close(r);
    free(r->ids.p);
    free(r->urls.p);
    free(r->sources.p);
    free(r->last);
}

/* ---------------------------------------------------------------------
 * Phoenix
 * ------------------------------------------------------------------- */

/* Phoenix's split of an actor code (phoenix_pipeline's postprocess.py):
 * the full code, its root (the first three letters when a country or
 * IGO, NGO, IMG, MNC), its agent (letters 4-6 when one of Phoenix's
 * thirteen primary agents) and the other 3-letter units, ';' between
 * them, each followed by a tab. */
static void phoenix_actor(FILE *out, const char *code) {
    static const char *const ROOTS[] = {"IGO", "NGO", "IMG", "MNC", NULL};
    static const char *const AGENTS[] = {"GOV", "MIL", "REB", "OPP", "PTY", "COP", "JUD",
                                         "SPY", "MED", "EDU", "BUS", "CRM", "CVL", NULL};
    size_t n = strlen(code);
    char c[4];
    actor_country(code, c);
    int root = n >= 3 && (c[0] || in(code, ROOTS));
    int agent = n >= 6 && in(code + 3, AGENTS);
    field(out, code);
    fprintf(out, "\t%.*s\t%.*s\t", root ? 3 : 0, code, agent ? 3 : 0, agent ? code + 3 : "");
    for (size_t k = agent ? 6 : 3, first = 1; k < n; k += 3, first = 0)
        fprintf(out, "%s%.3s", first ? "" : ";", code + k);
    fputc('\t', out);
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

static int export_phoenix(FILE *out, const dyad_ctx *gaz, const dyad_stored_event *e) {
    (void)gaz;
    int y, m, d;
    ymd(e->date, &y, &m, &d);
    /* EventID Date Year Month Day */
    if (!y)
        fprintf(out, "%lld\t\t\t\t\t", (long long)e->id); /* undated: empty, never 00000000 */
    else
        fprintf(out, "%lld\t%04d%02d%02d\t%04d\t%02d\t%02d\t", (long long)e->id, y, m, d, y, m, d);
    phoenix_actor(out, e->source);
    phoenix_actor(out, e->target);
    /* EventCode EventRootCode PentaClass GoldsteinScore Issues */
    int penta = penta_class(e->root);
    fprintf(out, "%s\t%s\t", e->code, e->root);
    if (penta >= 0) fprintf(out, "%d", penta);
    fprintf(out, "\t%.1f\t\t", e->goldstein);
    /* Lat Lon LocationName StateName CountryCode */
    lat_lon(out, e);
    fputc('\t', out);
    field(out, e->place);
    fputc('\t', out);
    if (!strcmp(e->place_kind, "region")) field(out, e->place);
    fprintf(out, "\t%s\t", e->country);
    return 0; /* SentenceID URLs NewsSources: phoenix_reports */
}

/* SentenceID, URLs and NewsSources of a Phoenix row and its end: every
 * report's articleid_sentence (sentence from 0), and each article's URL
 * and source, ';' between them, as Phoenix joins the stories of an
 * event. */
static void phoenix_reports(FILE *out, const reports *r) {
    const char *ids = r->ids.p, *urls = r->urls.p, *sources = r->sources.p;
    fprintf(out, "%s\t%s\t%s\n", ids ? ids : "", urls ? urls : "", sources ? sources : "");
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
static void icews_sectors(FILE *out, const char *code) {
    actor_parts p;
    split(code, &p);
    for (int i = 0, first = 1; i < 3 && p.types[i][0]; i++)
        for (size_t k = 0; k < sizeof SECTORS / sizeof SECTORS[0]; k++)
            if (!strcmp(SECTORS[k].code, p.types[i])) {
                fprintf(out, "%s%s", first ? "" : ",", SECTORS[k].name);
                first = 0;
            }
}

static void icews_actor(FILE *out, const dyad_ctx *gaz, const char *code, const char *name,
                        const char *text) {
    char c[4];
    actor_country(code, c);
    field(out, code[0] && !name[0] ? text : name);
    fputc('\t', out);
    icews_sectors(out, code);
    fputc('\t', out);
    field(out, country_name(gaz, c));
    fputc('\t', out);
}

static const char EXPORT_ICEWS_HEADER[] =
    "Event ID\tEvent Date\tSource Name\tSource Sectors\tSource Country\tEvent Text\tCAMEO Code\t"
    "Intensity\tTarget Name\tTarget Sectors\tTarget Country\tStory ID\tSentence Number\tPublisher\t"
    "City\tDistrict\tProvince\tCountry\tLatitude\tLongitude";

static int export_icews(FILE *out, const dyad_ctx *gaz, const dyad_stored_event *e) {
    const char *text = dyad_cameo_name(e->code);
    fprintf(out, "%lld\t%s\t", (long long)e->id, e->date);
    icews_actor(out, gaz, e->source, e->source_name, e->source_text);
    fprintf(out, "%s\t%s\t%.1f\t", text ? text : "", e->code, e->goldstein);
    icews_actor(out, gaz, e->target, e->target_name, e->target_text);
    field(out, e->article);
    fprintf(out, "\t%d\t", e->sentence_index + 1);
    field(out, e->news_source);
    /* City District Province Country Latitude Longitude */
    fputc('\t', out);
    town_district_province(out, e);
    field(out, country_name(gaz, e->country));
    fputc('\t', out);
    lat_lon(out, e);
    fputc('\n', out);
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
static void plover_actor(FILE *out, const char *code, const char *name, const char *text) {
    char c[4];
    actor_country(code, c);
    const char *sector[3] = {NULL, NULL, NULL};
    actor_parts p;
    split(code, &p);
    int ns = 0;
    for (int i = 0; i < 3 && p.types[i][0]; i++)
        for (size_t k = 0; k < sizeof PLOVER_SECTORS / sizeof PLOVER_SECTORS[0]; k++)
            if (!strcmp(PLOVER_SECTORS[k].cameo, p.types[i])) sector[ns++] = PLOVER_SECTORS[k].plover;
    field(out, code[0] && !name[0] ? text : name);
    fprintf(out, "\t%s\t\t%s\t", c, ns ? sector[0] : "");
    for (int i = 0; i < ns; i++) fprintf(out, "%s%s", i ? "; " : "", sector[i]);
    fputs("\t\t", out);
    field(out, text);
    fputs("\t\t", out);
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

static int export_plover(FILE *out, const dyad_ctx *gaz, const dyad_stored_event *e) {
    (void)gaz;
    dyad_plover pv;
    if (!dyad_cameo_plover(e->code, &pv)) return 0; /* CAMEO 01, 02: none in PLOVER */
    fprintf(out, "%lld\t%s\t%s\t%s\t%.1f\t%s\t%s\t", (long long)e->id, e->date, pv.event_type, pv.mode,
            pv.intensity, pv.quad, pv.contexts);
    plover_actor(out, e->source, e->source_name, e->source_text);
    plover_actor(out, e->target, e->target_name, e->target_text);
    /* Placename City District Province Country Latitude Longitude
     * GeoNames ID, Raw Placename, Feature Type */
    field(out, e->place);
    fputc('\t', out);
    town_district_province(out, e);
    fprintf(out, "%s\t", e->country);
    lat_lon(out, e);
    fputc('\t', out);
    if (e->place_geonameid > 0) fprintf(out, "%lld", e->place_geonameid);
    fprintf(out, "\t\t%s\t", feature_type(e->place_kind));
    /* Source Publication Date Story People Story Organizations Story
     * Locations Language Version */
    field(out, e->news_source);
    fputc('\t', out);
    return 0; /* Publication Date ...: plover_reports */
}

/* Publication Date (the first report's article's date), Story People,
 * Story Organizations, Story Locations, Language, Version and the row's
 * end. */
static void plover_reports(FILE *out, const reports *r) {
    fprintf(out, "%s\t\t\t\ten\tdyad\n", r->published);
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

/* p (an array of n elements of size, room for *cap) with room for one
 * more: p itself, or p moved (*cap doubled); NULL when out of memory (p
 * is then unchanged). */
static void *room_for_one(void *p, size_t *cap, size_t n, size_t size) {
    if (n < *cap) return p;
    size_t nc = *cap ? *cap * 2 : 256;
    void *np = realloc(p, nc * size);
    if (np) *cap = nc;
    return np;
}

/* The events of a query, kept so that their mentions are read after the
 * query has finished (a PostgreSQL connection runs one query at a time). */
typedef struct event_ids {
    struct kept_event {
        int64_t id;
        char added[24];
    } * ev;
    size_t n, cap;
    int oom;
} event_ids;

static int keep_event(void *ud, const dyad_stored_event *e) {
    event_ids *ids = ud;
    struct kept_event *ne = room_for_one(ids->ev, &ids->cap, ids->n, sizeof *ne);
    if (!ne) {
        ids->oom = 1;
        return 1;
    }
    ids->ev = ne;
    ne[ids->n].id = e->id;
    gdelt_time(e->added, ne[ids->n].added);
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
    field(stdout, m->news_source);
    putchar('\t');
    field(stdout, m->url[0] ? m->url : m->article);
    long base = m->sentence_start;
    printf("\t%d\t%ld\t%ld\t%ld\t1\t100\t%ld\t0\t\t\n", m->sentence_index + 1,
           m->source_start < 0 ? -1 : base + m->source_start,
           m->target_start < 0 ? -1 : base + m->target_start,
           m->verb_start < 0 ? -1 : base + m->verb_start, m->doc_len);
    return 0;
}

static dyad_status export_gdelt_mentions(dyad_store *s, const dyad_query *q, dyad_error *err) {
    event_ids ids = {0};
    dyad_status st = dyad_store_query(s, q, keep_event, &ids, err);
    if (st == DYAD_OK && ids.oom) st = dyad_error_set(err, DYAD_ENOMEM);
    for (size_t i = 0; st == DYAD_OK && i < ids.n; i++) {
        int found;
        st = dyad_store_event(s, ids.ev[i].id, NULL, mention_row, ids.ev[i].added, &found, err);
    }
    free(ids.ev);
    return st;
}

/* ---------------------------------------------------------------------
 * The formats
 * ------------------------------------------------------------------- */

/* An event's row (or its columns before the reports' for two-pass
 * formats) to out; gaz is Dyad's gazetteer context, may be NULL. */
typedef int (*row_fn)(FILE *out, const dyad_ctx *gaz, const dyad_stored_event *e);
/* The rest of a two-pass format's row, from the event's reports. */
typedef void (*rest_fn)(FILE *out, const reports *r);

struct export_format {
    const char *name;
    const char *header; /* the header line (no newline), NULL for none */
    row_fn row;         /* NULL for gdelt-mentions */
    rest_fn rest;       /* two passes: the row's columns, then the reports' */
    int gazetteer;      /* rows want the gazetteer (country names, admin-1 codes) */
};

static const export_format FORMATS[] = {
    {"gdelt", NULL, export_gdelt, NULL, 1},
    {"gdelt-mentions", NULL, NULL, NULL, 0},
    {"phoenix", NULL, export_phoenix, phoenix_reports, 0},
    {"icews", EXPORT_ICEWS_HEADER, export_icews, NULL, 1},
    {"plover", EXPORT_PLOVER_HEADER, export_plover, plover_reports, 0},
};

const export_format *export_find(const char *name) {
    for (size_t i = 0; i < sizeof FORMATS / sizeof FORMATS[0]; i++)
        if (!strcmp(FORMATS[i].name, name)) return &FORMATS[i];
    return NULL;
}

int export_wants_gazetteer(const export_format *x) { return x->gazetteer; }

/* One pass: each row written as the query gives its event, the header
 * before the first. */
typedef struct one_pass {
    const export_format *x;
    const dyad_ctx *gaz;
    int headed;
} one_pass;

static void header(const export_format *x, int *headed) {
    if (!*headed && x->header) printf("%s\n", x->header);
    *headed = 1;
}

static int one_row(void *ud, const dyad_stored_event *e) {
    one_pass *o = ud;
    header(o->x, &o->headed);
    return o->x->row(stdout, o->gaz, e);
}

/* Two passes: the rows' first columns kept (in a memory stream) with
 * their events' ids while the query runs, then each row finished from its
 * event's reports, read after the query (a PostgreSQL connection runs one
 * query at a time). */
typedef struct held_row {
    int64_t id;
    size_t end;  /* of its text in the stream */
    char *first; /* its first report's article id */
} held_row;

typedef struct two_pass {
    const export_format *x;
    const dyad_ctx *gaz;
    FILE *f;
    held_row *row;
    size_t n, cap;
    int oom;
} two_pass;

static int hold_row(void *ud, const dyad_stored_event *e) {
    two_pass *t = ud;
    held_row *nr = room_for_one(t->row, &t->cap, t->n, sizeof *nr);
    if (!nr) {
        t->oom = 1;
        return 1;
    }
    t->row = nr;
    held_row *r = &t->row[t->n];
    r->id = e->id;
    r->first = strdup(e->article);
    if (!r->first || t->x->row(t->f, t->gaz, e) != 0 || ferror(t->f)) {
        free(r->first);
        t->oom = 1;
        return 1;
    }
    long end = ftell(t->f);
    size_t start = t->n ? t->row[t->n - 1].end : 0;
    if (end < 0 || (size_t)end == start) { /* left out (PLOVER: CAMEO 01, 02) */
        free(r->first);
        return 0;
    }
    r->end = (size_t)end;
    t->n++;
    return 0;
}

static dyad_status run_two_pass(const export_format *x, dyad_store *s, const dyad_query *q,
                                const dyad_ctx *gaz, dyad_error *err) {
    char *buf = NULL;
    size_t len = 0;
    two_pass t = {x, gaz, open_memstream(&buf, &len), NULL, 0, 0, 0};
    if (!t.f) return dyad_error_set(err, DYAD_ENOMEM);
    dyad_status st = dyad_store_query(s, q, hold_row, &t, err);
    if (fclose(t.f) != 0) t.oom = 1;
    if (st == DYAD_OK && t.oom) st = dyad_error_set(err, DYAD_ENOMEM);
    int headed = 0;
    if (st == DYAD_OK) header(x, &headed);
    size_t start = 0;
    for (size_t i = 0; i < t.n; i++) {
        reports r = {0};
        r.first = t.row[i].first;
        int found = 0;
        if (st == DYAD_OK) st = dyad_store_event(s, t.row[i].id, NULL, gather_report, &r, &found, err);
        if (reports_close(&r) != 0 && st == DYAD_OK) st = dyad_error_set(err, DYAD_ENOMEM);
        if (st == DYAD_OK && t.row[i].end <= len) {
            fwrite(buf + start, 1, t.row[i].end - start, stdout);
            x->rest(stdout, &r);
        }
        start = t.row[i].end;
        reports_free(&r);
        free(t.row[i].first);
    }
    free(t.row);
    free(buf);
    return st;
}

int export_run(const export_format *x, dyad_store *s, const dyad_query *q, const dyad_ctx *gaz,
               dyad_error *err) {
    dyad_status st;
    if (!x->row)
        st = export_gdelt_mentions(s, q, err);
    else if (x->rest)
        st = run_two_pass(x, s, q, gaz, err);
    else {
        one_pass o = {x, gaz, 0};
        st = dyad_store_query(s, q, one_row, &o, err);
        if (st == DYAD_OK) header(x, &o.headed); /* a result without rows has its header */
    }
    return st == DYAD_OK ? 0 : -1;
}
