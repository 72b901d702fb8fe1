/* place.c -- finds the places a sentence names, with their context, and
 * picks the one an event happened at.
 *
 * A place mention is a run of capitalised tokens whose joined form is a
 * gazetteer key ("Khan Younis"), optionally with a direction word in front
 * ("northern Gaza"), or a description ("the Qatari capital": an actor
 * mention of a country followed by "capital"). A mention is locative when a
 * preposition ("in", "near", "outside") or "<direction|place noun> of"
 * introduces it. Small towns count only when locative: a capitalised word
 * that is also the name of a village ("Police", "Much") must not become a
 * place; nor does a name next to a person's title, a person's noun or
 * another name, in a sports report, or that is exactly an actor of
 * another country ("English"). A country inside a longer actor mention is
 * listed as the actor's, a region after a town's comma as its qualifier;
 * neither is where an event happened. Between places of one name a
 * qualifier ("Paris, Texas", "Tripoli in northern Lebanon") decides first,
 * then words that call it a region ("Washington state"), an apposition,
 * the countries and regions the article names, kind, seat and population;
 * place_reconsider looks again once the article is read. */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "ctx.h"
#include "place.h"
#include "status.h"

/* Population a non-locative city needs to count as a place. */
#define BARE_CITY_POP 100000
#define BARE_REGION_POP 1000000
/* Farthest a locative place after the verb may be, in tokens. */
#define MAX_AFTER 15

static const char *const PREP[] = {
    "IN",      "NEAR", "AT",     "OUTSIDE", "INSIDE", "ACROSS", "AROUND", "THROUGHOUT", "INTO", "TOWARD",
    "TOWARDS", "OFF",  "WITHIN", "NEARBY",  "VIA",    "ONTO",   "BESIDE", "OUTSKIRTS",  NULL};
static const char *const DIRECTION[] = {
    "NORTHERN",     "SOUTHERN",     "EASTERN",      "WESTERN",   "CENTRAL",   "NORTHEASTERN",
    "NORTHWESTERN", "SOUTHEASTERN", "SOUTHWESTERN", "NORTH",     "SOUTH",     "EAST",
    "WEST",         "NORTHEAST",    "NORTHWEST",    "SOUTHEAST", "SOUTHWEST", "UPPER",
    "LOWER",        "DOWNTOWN",     "RURAL",        "GREATER",   NULL};
/* "<noun> of X" makes X a location */
static const char *const OF_NOUN[] = {
    "CITY",       "TOWN",        "VILLAGE",   "PROVINCE",  "REGION",    "DISTRICT",     "OUTSKIRTS",
    "AREA",       "CAPITAL",     "SUBURB",    "SUBURBS",   "CENTER",    "CENTRE",       "CAMP",
    "PORT",       "GOVERNORATE", "PART",      "VILLAGES",  "TOWNS",     "NEIGHBORHOOD", "NEIGHBOURHOOD",
    "SETTLEMENT", "ENCLAVE",     "PARTS",     "HEART",     "STREETS",   "NORTH",        "SOUTH",
    "EAST",       "WEST",        "NORTHEAST", "NORTHWEST", "SOUTHEAST", "SOUTHWEST",    "KM",
    "KILOMETERS", "KILOMETRES",  "MILES",     "BORDER",    "OUTSIDE",   "VICINITY",     "ENTRANCE",
    "MAYOR",      "GOVERNOR",    NULL};
/* "<noun> of X" where X is a place inside the one named before ("the West
 * Bank town of Hebron") */
static const char *const INNER_OF[] = {
    "CITY",          "TOWN",     "VILLAGE", "VILLAGES", "TOWNS",       "NEIGHBORHOOD",
    "NEIGHBOURHOOD", "DISTRICT", "SUBURB",  "SUBURBS",  "SETTLEMENT",  "ENCLAVE",
    "CAMP",          "PROVINCE", "AREA",    "REGION",   "GOVERNORATE", NULL};
/* words after which a bare name is one of the parties ("talks between
 * Israel and Hamas", "a meeting with Egypt", "condemned by Iran"), not
 * where the event was */
static const char *const PARTNER[] = {"BETWEEN", "WITH", "AND", "OR", "BY", NULL};
/* capitalised words that are also the names of towns somewhere */
static const char *const STOP[] = {
    "JANUARY",   "FEBRUARY", "MARCH",    "APRIL",    "MAY",     "JUNE",      "JULY",      "AUGUST",
    "SEPTEMBER", "OCTOBER",  "NOVEMBER", "DECEMBER", "MONDAY",  "TUESDAY",   "WEDNESDAY", "THURSDAY",
    "FRIDAY",    "SATURDAY", "SUNDAY",   "JAN.",     "FEB.",    "MAR.",      "APR.",      "AUG.",
    "SEPT.",     "SEP.",     "OCT.",     "NOV.",     "DEC.",    "SEPT",      "OF",        "MUCH",
    "POLICE",    "THE",      "A",        "AN",       "IT",      "HE",        "SHE",       "WE",
    "THEY",      "BUT",      "AND",      "OR",       "SO",      "AS",        "IN",        "ON",
    "AT",        "BY",       "TO",       "FOR",      "WITH",    "PRESIDENT", "MINISTER",  "ARMY",
    "UNION",     "ISLAMIC",  "STATE",    "REPUBLIC", "CENTRAL", "NORTH",     "SOUTH",     "EAST",
    "WEST",      "NORTHERN", "SOUTHERN", "EASTERN",  "WESTERN", "SAID",      "NEW",       "GOOD",
    "HOPE",      "VICTORIA", "MOST",     "SALE",     "READING", "MOBILE",    "NICE",      "SPLIT",
    "BATH",      "DEAL",     "GAP",      "CHURCH",   "ISLAND",  "ISLANDS",   "SAINT",     "SAN",
    "SANTA",     "LA",       "LE",       "EL",       "AL",      "UN",        "US",        "U.S.",
    "OUT",       "UNITY",    "LIBERTY",  "PEACE",    "FREEDOM", "JUSTICE",   "SECURITY",  "DEFENSE",
    "DEFENCE",   NULL};

/* Words of STOP that are towns or regions when a preposition introduces
 * them. */
static const char *const TOWN_WORD[] = {"VICTORIA", "MOBILE", "NICE", "READING",
                                        "SPLIT",    "BATH",   "SALE", NULL};

/* Words a place name may have in lower case inside it ("Gulf of Aden"). */
static const char *const INNER[] = {"OF",  "DE", "DEL", "AL",  "EL", "LA", "THE",
                                    "AND", "DA", "DU",  "DES", "ON", NULL};

/* Is country code cc among codes v[0..n)? */
static int has_code(const char (*v)[4], int n, const char *cc) {
    for (int k = 0; k < n; k++)
        if (!strcmp(v[k], cc)) return 1;
    return 0;
}

/* Is country code cc among those the article named? */
static int named(const place_context *pc, const char *cc) { return has_code(pc->country, pc->n, cc); }

/* Among those it named beyond doubt? */
static int firm(const place_context *pc, const char *cc) { return has_code(pc->firm, pc->nfirm, cc); }

static void add_firm(place_context *pc, const char *cc) {
    if (!cc || strlen(cc) != 3 || firm(pc, cc) || pc->nfirm == PLACE_MAX_COUNTRIES) return;
    memcpy(pc->firm[pc->nfirm++], cc, 4);
}

/* The key of a region: country and admin-1 code ("USA GA"). */
static void region_key(const char *cc, const char *admin, char key[12]) {
    snprintf(key, 12, "%.3s %.7s", cc, admin);
}

static int region_named(const place_context *pc, const char *cc, const char *admin) {
    if (!admin || !admin[0]) return 0;
    char key[12];
    region_key(cc, admin, key);
    for (int k = 0; k < pc->nregions; k++)
        if (!strcmp(pc->region[k], key)) return 1;
    return 0;
}

/* Keeps the region of a town or a region the article names. */
static void add_region(place_context *pc, const gaz_entry *e) {
    if (e->kind == GAZ_COUNTRY || e->kind == GAZ_UNKNOWN || !e->admin || !e->admin[0] ||
        region_named(pc, e->country, e->admin) || pc->nregions == PLACE_MAX_REGIONS)
        return;
    region_key(e->country, e->admin, pc->region[pc->nregions++]);
}

static void add_country(place_context *pc, const char *cc) {
    if (named(pc, cc) || pc->n == PLACE_MAX_COUNTRIES) return;
    memcpy(pc->country[pc->n], cc, 3);
    pc->country[pc->n++][3] = '\0';
}

/* Joins the up forms of tokens [i, j) with single spaces into buf; returns
 * the length, 0 if it does not fit. */
static size_t join_key(const token *t, uint32_t i, uint32_t j, char *buf, size_t cap) {
    size_t k = 0;
    for (uint32_t x = i; x < j; x++) {
        if (k + t[x].uplen + 2 >= cap) return 0;
        if (x > i) buf[k++] = ' ';
        memcpy(buf + k, t[x].up, t[x].uplen);
        k += t[x].uplen;
    }
    buf[k] = '\0';
    return k;
}

/* The longest gazetteer name starting at token i: its first link, and its
 * length in *len; -1 when none. */
static int32_t longest_name(const gazetteer *g, const parse *p, uint32_t i, uint32_t *len) {
    const token *t = p->t;
    char key[512];
    uint32_t end = i;
    while (end < p->n && end - i < GAZ_MAX_WORDS && t[end].kind == TK_WORD &&
           (t[end].cap || (end > i && tok_in(&t[end], INNER))))
        end++;
    for (uint32_t j = end; j > i; j--) {
        if (!t[j - 1].cap) continue;
        size_t kl = join_key(t, i, j, key, sizeof key);
        if (!kl) continue;
        int32_t l = gaz_find(g, key, kl);
        if (l >= 0) {
            *len = j - i;
            return l;
        }
    }
    return -1;
}

const char *place_before(const parse *p, const gazetteer *g, uint32_t k) {
    char key[512];
    for (uint32_t i = k >= GAZ_MAX_WORDS ? k - GAZ_MAX_WORDS : 0; i < k; i++) {
        int names = 1; /* tokens i..k-1 are capitalised words no actor covers */
        for (uint32_t j = i; j < k && names; j++)
            names = p->t[j].kind == TK_WORD && p->t[j].cap && p->men_at[j] < 0;
        if (!names) continue;
        size_t kl = join_key(p->t, i, k, key, sizeof key);
        int32_t l = kl ? gaz_find(g, key, kl) : -1;
        const char *cc = NULL;
        for (; l >= 0; l = g->links[l].next) {
            const gaz_entry *e = &g->ent[g->links[l].entry];
            if (e->kind != GAZ_COUNTRY && e->kind != GAZ_REGION && e->kind != GAZ_CAPITAL) continue;
            if (cc && strcmp(cc, e->country) != 0) return NULL; /* two countries */
            cc = e->country;
        }
        if (cc && strlen(cc) == 3) return cc;
    }
    return NULL;
}

/* A qualifier of the name that ends before token k: a country or region
 * that says which place of the name it is. "Paris, Texas" (comma 1: the
 * qualifier belongs to the name), "Santiago, in the Dominican Republic",
 * "Paris, a small city in northeast Texas",
 * "Tripoli in northern Lebanon" (comma 0: it is a place mention of its
 * own). Returns the first link of its name (only its countries and regions
 * count) and its tokens in [*q0, *q1); -1 when there is none. */
static int32_t qualifier(const gazetteer *g, const parse *p, uint32_t k, uint32_t *q0, uint32_t *q1,
                         int *comma) {
    const token *t = p->t;
    *comma = k < p->n && tok_eq(&t[k], ",");
    if (*comma) k++;
    /* "Paris, a small city in northeast Texas" */
    if (*comma && k < p->n && (tok_eq(&t[k], "A") || tok_eq(&t[k], "AN"))) {
        uint32_t x = k + 1;
        while (x < p->n && x < k + 5 && t[x].kind == TK_WORD && !t[x].cap && !tok_eq(&t[x], "IN")) x++;
        if (x < p->n && tok_eq(&t[x], "IN")) k = x;
    }
    if (k < p->n && tok_eq(&t[k], "IN")) {
        *comma = 0;
        k++;
        if (k < p->n && tok_eq(&t[k], "THE")) k++;
        if (k < p->n && tok_in(&t[k], DIRECTION) && !t[k].cap) k++;
    } else if (!*comma)
        return -1;
    if (k >= p->n || !t[k].cap) return -1;
    uint32_t len;
    int32_t l = longest_name(g, p, k, &len);
    /* "Wyoming, Michigan and Nevada": a list, not a qualifier */
    if (l >= 0 && *comma && k + len < p->n && (tok_eq(&t[k + len], "AND") || tok_eq(&t[k + len], "OR")))
        return -1;
    for (int32_t x = l; x >= 0; x = g->links[x].next) {
        const gaz_entry *e = &g->ent[g->links[x].entry];
        if (e->kind == GAZ_COUNTRY || e->kind == GAZ_REGION) {
            *q0 = k;
            *q1 = k + len;
            return l;
        }
    }
    return -1;
}

#define MAX_APPOS 4

/* The names of an apposition after a name that ends before token k, up to
 * the next comma or the sentence's end, ten tokens at most ("Armenia,
 * capital of Colombia's Quindio department", "Lebanon, about 25 miles
 * east of Harrisburg"): their chains into ys; returns how many. */
static int apposition(const gazetteer *g, const parse *p, uint32_t k, int32_t ys[MAX_APPOS]) {
    const token *t = p->t;
    int n = 0;
    if (k >= p->n || !tok_eq(&t[k], ",")) return 0;
    for (uint32_t x = k + 1; x < p->n && x <= k + 10 && n < MAX_APPOS; x++) {
        if (tok_eq(&t[x], ",") || t[x].kind == TK_PUNCT) break;
        if (!t[x].cap || t[x].kind != TK_WORD) continue;
        uint32_t len;
        int32_t y = longest_name(g, p, x, &len);
        if (y < 0) continue;
        ys[n++] = y;
        x += len - 1;
    }
    return n;
}

/* The first place of chain l, other than e, that is e's country or shares
 * e's admin-1 code (a region only, when regions_only), or NULL: the
 * country or region of a qualifier that e lies in ("Paris, Texas"), or a
 * place an apposition names beside e ("Harrisburg" for Lebanon,
 * Pennsylvania). */
static const gaz_entry *around(const gazetteer *g, int32_t l, const gaz_entry *e, int regions_only) {
    for (; l >= 0; l = g->links[l].next) {
        const gaz_entry *q = &g->ent[g->links[l].entry];
        if (q == e || strcmp(q->country, e->country) != 0) continue;
        if (q->kind == GAZ_COUNTRY || ((!regions_only || q->kind == GAZ_REGION) && q->admin[0] &&
                                       e->admin && !strcmp(q->admin, e->admin)))
            return q;
    }
    return NULL;
}

/* The country or region of qualifier lq that place e lies in, or NULL. */
static const gaz_entry *qualifies(const gazetteer *g, int32_t lq, const gaz_entry *e) {
    return around(g, lq, e, 1);
}

/* Words after a name that make it a region ("Washington state"), and
 * before it with "of" ("the state of Georgia", and "the governor of"). */
static const char *const REGION_NOUN[] = {"STATE", "PROVINCE", "GOVERNORATE", "REGION", "COUNTY", NULL};

/* Whether the words around tokens [i, j) call the name a region. */
static int called_region(const parse *p, uint32_t i, uint32_t j) {
    const token *t = p->t;
    if (j < p->n && tok_in(&t[j], REGION_NOUN) && !t[j].cap) return 1;
    return i >= 2 && tok_eq(&t[i - 1], "OF") &&
           (tok_in(&t[i - 2], REGION_NOUN) || tok_eq(&t[i - 2], "GOVERNOR"));
}

/* How much a GeoNames feature code says for a place: a seat of government
 * more, a section of a city (PPLX, "Latina" in Madrid) much less. */
static double feature_weight(const char *f) {
    if (!f || !f[0]) return 0;
    if (!strcmp(f, "PPLX")) return -3;
    if (!strcmp(f, "PPLA")) return 1;
    if (!strcmp(f, "PPLA2")) return 0.5;
    return 0;
}

/* Whether the name of region r (chain l) is also the name of
 * a town in it, its seat ("Idlib", "Chihuahua"). */
static int has_seat(const gazetteer *g, int32_t l, const gaz_entry *r) {
    for (int32_t x = l; x >= 0; x = g->links[x].next) {
        const gaz_entry *e = &g->ent[g->links[x].entry];
        if ((e->kind == GAZ_CITY || e->kind == GAZ_CAPITAL) && !strcmp(e->country, r->country) &&
            !strcmp(e->admin, r->admin))
            return 1;
    }
    return 0;
}

/* Picks the entry of a name: a qualifier's country or region first, then
 * regions when the words around call it one, then places an apposition
 * names beside it, countries the article names, then kind, seat and
 * population. */
static const gaz_entry *resolve(const gazetteer *g, int32_t l, const place_context *pc, int32_t lq,
                                int region, const int32_t *ys, int ny) {
    const gaz_entry *best = NULL;
    double bs = -1e9;
    for (int32_t head = l; l >= 0; l = g->links[l].next) {
        const gaz_entry *e = &g->ent[g->links[l].entry];
        double s = log10((double)e->pop + 10) + feature_weight(e->feature);
        if (e->kind == GAZ_COUNTRY) s += 4;
        if (e->kind == GAZ_CAPITAL) s += 2; /* "Washington": the capital, not the state */
        if (named(pc, e->country)) s += 3;
        /* a region the article has named a town in ("Georgia" with Atlanta) */
        if (e->kind == GAZ_REGION && region_named(pc, e->country, e->admin)) s += 8;
        /* a town in such a region ("Victoria" with British Columbia) */
        if (e->kind != GAZ_REGION && e->kind != GAZ_COUNTRY && region_named(pc, e->country, e->admin))
            s += 2;
        if (region && e->kind == GAZ_REGION) s += 10;
        /* "Idlib": the town before the province it is the seat of */
        if (!region && e->kind == GAZ_REGION && has_seat(g, head, e)) s -= 3;
        if (lq >= 0 && qualifies(g, lq, e)) s += 20;
        for (int k = 0; k < ny; k++)
            if (around(g, ys[k], e, 0)) {
                s += 8;
                break;
            }
        if (s > bs) {
            bs = s;
            best = e;
        }
    }
    return best;
}

/* Is the token before k (skipping "the") a preposition that makes what
 * follows a location? Returns 1, or LOC_INNER after "town of" and the
 * like, 0 when not; sets *t0 to the first token of the context words. */
#define LOC_INNER 2
/* Words that may stand between a preposition and the place it introduces
 * ("in neighboring Croatia", "in the former Yugoslavia"). */
static const char *const PLACE_ADJ[] = {"NEIGHBORING", "NEIGHBOURING", "FORMER", "WAR-TORN", NULL};

/* The token before the words that may come between a preposition and a
 * name: "the", "the capital(,)" ("in the capital, Colombo"), an adjective
 * of PLACE_ADJ. */
static uint32_t skip_det(const parse *p, uint32_t k) {
    const token *t = p->t;
    if (k >= 2 && tok_eq(&t[k - 1], ",") && tok_eq(&t[k - 2], "CAPITAL")) k--;
    if (k > 0 && tok_eq(&t[k - 1], "CAPITAL")) k--;
    if (k > 0 && tok_in(&t[k - 1], PLACE_ADJ) && !t[k - 1].cap) k--;
    if (k > 0 && tok_eq(&t[k - 1], "THE")) k--;
    return k;
}

static int locative_before(const parse *p, uint32_t k, uint32_t *t0) {
    const token *t = p->t;
    k = skip_det(p, k);
    if (k == 0) return 0;
    if (tok_in(&t[k - 1], PREP)) return 1;
    if (tok_eq(&t[k - 1], "OF") && k >= 2 && tok_in(&t[k - 2], OF_NOUN)) {
        if (tok_in(&t[k - 2], DIRECTION)) *t0 = k - 2;
        return tok_in(&t[k - 2], INNER_OF) ? LOC_INNER : 1;
    }
    return 0;
}

/* Whether a preposition introduces the name at token i, a direction word
 * between them or not ("in Nice", "in western Victoria"). */
static int introduced(const parse *p, uint32_t i) {
    uint32_t t0 = i;
    if (i > 0 && tok_in(&p->t[i - 1], DIRECTION) && !p->t[i - 1].cap) i--;
    return locative_before(p, i, &t0) != 0;
}

/* Accepts a bare (non-locative) mention of entry e: countries, capitals and
 * populous places only. */
static int bare_ok(const gaz_entry *e) {
    switch (e->kind) {
    case GAZ_COUNTRY:
    case GAZ_CAPITAL: return 1;
    case GAZ_REGION: return e->pop >= BARE_REGION_POP;
    default: return e->pop >= BARE_CITY_POP;
    }
}

/* Whether tokens [i, j) are part of a person's name: a capitalised word
 * that is no place, actor, month or weekday right before or after them
 * ("Michael Jordan", "Jordan Bardella", "Israel Katz"). */
static int name_word(const parse *p, const char *text, uint32_t k) {
    const token *w = &p->t[k];
    (void)text;
    return w->kind == TK_WORD && w->cap && w->uplen > 1 && p->men_at[k] < 0 && !tok_in(w, STOP) &&
           !tok_in(w, DIRECTION);
}

/* (A sentence's first word is capitalised whatever it is: it says nothing.) */
static int in_a_name(const parse *p, const char *text, uint32_t i, uint32_t j) {
    if (i > 1 && name_word(p, text, i - 1)) return 1;
    return j < p->n && name_word(p, text, j);
}

/* Whether an age comes right before token k ("a 5-year-old Latina", "the
 * 30-year-old Jordan"): what follows is a person, not a place. */
static int aged(const token *t, uint32_t k) {
    if (k == 0) return 0;
    const token *w = &t[k - 1];
    static const char *const AGE[] = {"-YEAR-OLD", "-MONTH-OLD", "-WEEK-OLD", "-DAY-OLD"};
    for (size_t i = 0; i < sizeof AGE / sizeof AGE[0]; i++) {
        size_t n = strlen(AGE[i]);
        if (w->uplen > n && !memcmp(w->up + w->uplen - n, AGE[i], n)) return 1;
    }
    return 0;
}

/* Words before a name that make it a person's ("Coach Jordan"). */
static const char *const TITLE[] = {"MR",    "MR.",    "MRS",   "MRS.",      "MS",      "MS.",    "DR",
                                    "DR.",   "COACH",  "JUDGE", "SEN.",      "REP.",    "GOV.",   "SGT.",
                                    "CAPT.", "PASTOR", "REV.",  "DETECTIVE", "OFFICER", "UNCLE",  "AUNT",
                                    "MISS",  "SIR",    "DAME",  "COUSIN",    "BROTHER", "SISTER", NULL};
/* Words before the name of a town that make it a word for a person or a
 * kind ("each Latina candidate", "the young Latina"). Not "a": "a Tel
 * Aviv nightclub" is a place. */
static const char *const DETERMINER[] = {"EACH", "EVERY", "YOUNG", "ELDERLY", "TEENAGE", "FELLOW", NULL};

/* Lower-case nouns of a person right before a name ("Norwegian singer
 * Aurora", "the striker Jordan"). */
static const char *const PERSON_NOUN[] = {
    "SINGER",     "RAPPER",     "ACTOR",      "ACTRESS",  "ARTIST", "AUTHOR",    "WRITER",
    "NOVELIST",   "POET",       "MUSICIAN",   "COMEDIAN", "PLAYER", "STRIKER",   "DEFENDER",
    "MIDFIELDER", "GOALKEEPER", "JOURNALIST", "ACTIVIST", "LAWYER", "SPOKESMAN", "SPOKESWOMAN",
    "DESIGNER",   "CHEF",       "MODEL",      NULL};

/* Whether the word before token k says the name from k is a person or a
 * kind of person, not a town: an age, a title or a person's noun, and for
 * a town (not a capital, region or country) a determiner. */
static int personal(const token *t, uint32_t k, const gaz_entry *e) {
    if (aged(t, k)) return 1;
    if (k == 0) return 0;
    if (tok_in(&t[k - 1], TITLE) || (!t[k - 1].cap && tok_in(&t[k - 1], PERSON_NOUN))) return 1;
    return e->kind == GAZ_CITY && tok_in(&t[k - 1], DETERMINER);
}

/* Words of sports reports ("the team's leading scorer") and the units of
 * a score after a number ("30 points", "31 runs"). */
static const char *const SPORT_WORD[] = {"SCORER",      "SCORERS",   "PLAYOFF",    "PLAYOFFS",
                                         "INNINGS",     "STRIKER",   "MIDFIELDER", "GOALKEEPER",
                                         "QUARTERBACK", "HAT-TRICK", NULL};
static const char *const SCORE_UNIT[] = {"POINTS",  "GOALS",   "RUNS",       "REBOUNDS",
                                         "ASSISTS", "WICKETS", "TOUCHDOWNS", NULL};

/* Whether token text w[0..n) is a score ("2-1", "105-98"). */
static int score_text(const char *w, size_t n) {
    size_t a = 0, b = 0, i = 0;
    while (i < n && w[i] >= '0' && w[i] <= '9') i++, a++;
    if (i >= n || w[i] != '-') return 0;
    for (i++; i < n && w[i] >= '0' && w[i] <= '9'; i++) b++;
    return i == n && a >= 1 && a <= 3 && b >= 1 && b <= 3;
}

/* Whether sentence p reports a game: a score, a number of points, goals
 * or runs, or a word only sports reports use. A bare name there is a
 * team or a player ("Valencia beat Sevilla 2-1", "Jordan scored 30
 * points"), not where anything happened. */
static int sports_sentence(const parse *p) {
    const token *t = p->t;
    for (uint32_t k = 0; k < p->n; k++) {
        if (tok_in(&t[k], SPORT_WORD) || score_text(t[k].up, t[k].uplen)) return 1;
        if (t[k].kind == TK_NUM && k + 1 < p->n && tok_in(&t[k + 1], SCORE_UNIT)) return 1;
        if (t[k].kind == TK_NUM && t[k].uplen <= 3 && k + 2 < p->n && tok_eq(&t[k + 1], "-") &&
            t[k + 2].kind == TK_NUM && t[k + 2].uplen <= 3)
            return 1;
    }
    return 0;
}

/* Whether actor mention m is also the name of a sizeable town outside the
 * country of its code: 0 when not; 1 when it is ("Tripoli": Libya's
 * government to the dictionaries, and a town in Lebanon), so the code
 * names its country but not beyond doubt; 2 when that town is in a country
 * the article names beyond doubt ("Lebanese troops deployed in Tripoli"),
 * so the code does not say which country the article is about. */
static int town_abroad(const gazetteer *g, const parse *p, uint32_t m, const place_context *pc) {
    char key[512];
    size_t kl = join_key(p->t, p->men[m].t0, p->men[m].t1, key, sizeof key);
    int abroad = 0;
    for (int32_t l = kl ? gaz_find(g, key, kl) : -1; l >= 0; l = g->links[l].next) {
        const gaz_entry *e = &g->ent[g->links[l].entry];
        if ((e->kind == GAZ_CITY || e->kind == GAZ_CAPITAL) && e->pop >= BARE_CITY_POP &&
            strncmp(e->country, p->men[m].code, 3) != 0) {
            if (firm(pc, e->country)) return 2;
            abroad = 1;
        }
    }
    return abroad;
}

/* Whether tokens [i, j), names of the gazetteer's chain l, are exactly an
 * actor mention of a country none of those places is in: a demonym or a
 * capital's name that is also a town abroad ("English": Britain's, and a
 * town in Indiana). */
static int actor_abroad(const gazetteer *g, const parse *p, int32_t l, uint32_t i, uint32_t j) {
    int32_t m = p->men_at[i];
    if (m < 0 || p->men[m].t0 != i || p->men[m].t1 != j || strlen(p->men[m].code) < 3) return 0;
    char cc[4] = {p->men[m].code[0], p->men[m].code[1], p->men[m].code[2], 0};
    if (!gaz_capital(g, cc)) return 0; /* not a country's code */
    for (; l >= 0; l = g->links[l].next)
        if (!strcmp(g->ent[g->links[l].entry].country, cc)) return 0;
    return 1;
}

/* The actor mention with a country code that tokens [i, j) lie inside,
 * longer than them, or -1. */
static int32_t owning_actor(const parse *p, uint32_t i, uint32_t j) {
    int32_t m = p->men_at[i];
    if (m < 0 || p->men_at[j - 1] != m || (p->men[m].t0 == i && p->men[m].t1 == j)) return -1;
    return strlen(p->men[m].code) >= 3 ? m : -1;
}

/* A token of an actor mention that is longer than the place name
 * ("Ismail Haniyeh", "Gaza Health Ministry") names no place by itself. */
static int inside_actor(const parse *p, uint32_t i, uint32_t j) {
    int32_t m = p->men_at[i];
    if (m < 0) m = p->men_at[j - 1];
    if (m < 0) return 0;
    return p->men[m].t0 < i || p->men[m].t1 > j;
}

static int push(const parse *p, place_mention **v, uint32_t *n, size_t *cap, const place_mention *m) {
    void *g = *v;
    if (arena_grow(p->a, &g, cap, *n, sizeof **v, 8)) return -1;
    *v = g;
    (*v)[(*n)++] = *m;
    return 0;
}

/* "the Qatari capital", "Lebanon's capital": the capital of the country
 * of the actor mention just before token k ("capital"), or NULL. */
static const gaz_entry *described_capital(const gazetteer *g, const parse *p, uint32_t k, uint32_t *t0) {
    if (k == 0 || !tok_eq(&p->t[k], "CAPITAL")) return NULL;
    uint32_t j = k - 1;
    if (p->t[j].kind == TK_POSS && j > 0) j--;
    int32_t m = p->men_at[j];
    if (m < 0 || strlen(p->men[m].code) != 3) return NULL;
    *t0 = p->men[m].t0;
    return gaz_capital(g, p->men[m].code);
}

/* A capitalised word, or an Arabic name with a lower-case article
 * ("al-Hazm", "el-Arish"). */
static int capitalised(const char *text, const token *t) {
    if (t->cap) return 1;
    if (t->kind != TK_WORD || t->uplen < 4) return 0;
    /* the Arabic article as transliterated, assimilated or not ("ez-Zor",
     * "ash-Shaddadi") */
    static const char *const ARTICLE[] = {"al-", "el-",  "ad-", "adh-", "an-", "ar-",
                                          "as-", "ash-", "at-", "az-",  "ed-", "en-",
                                          "er-", "es-",  "et-", "ez-",  "ul-", NULL};
    const char *w = text + t->off;
    for (int i = 0; ARTICLE[i]; i++) {
        size_t k = strlen(ARTICLE[i]);
        if (t->len > k && !strncmp(w, ARTICLE[i], k)) return w[k] >= 'A' && w[k] <= 'Z';
    }
    return 0;
}

/* Prepositions that introduce a name the gazetteer lacks as a place. */
static const char *const STRONG_PREP[] = {"IN",     "NEAR",   "AT",        "OUTSIDE",
                                          "INSIDE", "NEARBY", "OUTSKIRTS", NULL};

/* A capitalised name the gazetteer lacks after a strong preposition,
 * "village of" or a direction word ("near Ghausia Chowk", "the village of
 * Khalsa", "Iraq's northern Nineveh province"): a place of
 * unknown country and coordinates, in p's arena. Leaves m->e NULL when
 * token i starts none. Returns -1 when out of memory. */
static int unknown_place(const parse *p, const char *text, uint32_t i, place_mention *m) {
    const token *t = p->t;
    m->e = NULL;
    /* a direction word may start one ("the East Ghouta region"); a
     * compound adjective is none ("in the ISIS-held area", "in
     * Kurdish-controlled northern Iraq") */
    int directed = t[i].cap && tok_in(&t[i], DIRECTION) && i + 1 < p->n && t[i + 1].cap &&
                   t[i + 1].kind == TK_WORD && !tok_in(&t[i + 1], STOP) && p->men_at[i + 1] < 0;
    if (p->men_at[i] >= 0 || (tok_in(&t[i], STOP) && !directed) || t[i].compound) return 0;
    uint32_t k = skip_det(p, i), t0 = i;
    if (k == 0) return 0;
    int of = tok_eq(&t[k - 1], "OF") && k >= 2 && tok_in(&t[k - 2], OF_NOUN);
    int dir = k == i && tok_in(&t[k - 1], DIRECTION) && !t[k - 1].cap;
    if (dir) t0 = k - 1;
    if (!of && !dir && !tok_in(&t[k - 1], STRONG_PREP)) return 0;
    if (of && tok_in(&t[k - 2], DIRECTION)) t0 = k - 2;
    uint32_t j = i;
    while (j < p->n && j - i < 4 && t[j].kind == TK_WORD && p->men_at[j] < 0 &&
           (capitalised(text, &t[j]) ||
            (j > i && tok_in(&t[j], INNER) && j + 1 < p->n && t[j + 1].cap && !tok_in(&t[j + 1], STOP))))
        j++;
    if (j == i) return 0;
    gaz_entry *e = arena_calloc(p->a, 1, sizeof *e);
    if (!e) return -1;
    e->name = arena_strndup(p->a, text + t[i].off, t[j - 1].off + t[j - 1].len - t[i].off);
    e->kind = GAZ_UNKNOWN;
    e->admin = "";
    e->lat = e->lon = NAN;
    m->t0 = t0;
    m->t1 = j;
    m->e = e;
    m->locative = (uint8_t)(of && tok_in(&t[k - 2], INNER_OF) ? LOC_INNER : 1);
    return 0;
}

/* How fine a place is: a country 0, a region 1, a town 2, a name the
 * gazetteer lacks 3. */
static int fineness(const gaz_entry *e) {
    return e->kind == GAZ_COUNTRY ? 0 : e->kind == GAZ_REGION ? 1 : e->kind == GAZ_UNKNOWN ? 3 : 2;
}

/* Words that may join a place to the larger one it lies in. */
static const char *const LINK[] = {"IN", "OF", "THE", ",", "OUTSIDE", "NEAR", NULL};

/* Marks the mentions that lie in the one after them: "Mosul in northern
 * Iraq", "Numaniyah, southeast of Baghdad", "Harasta in the suburbs of
 * Damascus", "Mubingi commune, outside the capital, Bujumbura". A comma
 * alone joins only a larger place or one a direction word starts ("Gaza,
 * Rafah and Khan Younis" is a list). */
static void mark_inside(const parse *p, place_mention *m, uint32_t n) {
    const token *t = p->t;
    for (uint32_t k = 0; k + 1 < n; k++) {
        const place_mention *a = &m[k], *b = &m[k + 1];
        if (!place_where(a) || !place_where(b) || b->partner || b->t0 <= a->t1 || b->t0 - a->t1 > 6 ||
            fineness(a->e) < fineness(b->e) || a->e == b->e)
            continue;
        int in = 0, comma = 0, ok = 1;
        for (uint32_t x = a->t1; x < b->t0 && ok; x++) {
            ok = tok_in(&t[x], LINK) || tok_in(&t[x], OF_NOUN) || tok_in(&t[x], DIRECTION);
            in |= tok_eq(&t[x], "IN") || tok_eq(&t[x], "OF") || tok_eq(&t[x], "OUTSIDE") ||
                  tok_eq(&t[x], "NEAR");
            comma |= tok_eq(&t[x], ",");
        }
        if (!ok || (!in && !comma)) continue;
        if (!in && fineness(a->e) == fineness(b->e) && !tok_in(&t[b->t0], DIRECTION)) continue;
        m[k].in_next = 1;
    }
}

int place_find(const parse *p, const char *text, const gazetteer *g, place_context *pc,
               place_mention **out, uint32_t *n) {
    *out = NULL;
    *n = 0;
    size_t cap = 0;
    const token *t = p->t;
    /* countries named by actors ("Qatari", "Israel's army") */
    for (uint32_t m = 0; m < p->nmen && g->n; m++) {
        if (strlen(p->men[m].code) < 3) continue;
        int abroad = town_abroad(g, p, m, pc);
        char cc[4] = {p->men[m].code[0], p->men[m].code[1], p->men[m].code[2], 0};
        if (abroad == 2 || !gaz_capital(g, cc)) continue;
        add_country(pc, cc);
        if (!abroad) add_firm(pc, cc);
    }
    if (!g->n) return 0;
    int sports = sports_sentence(p);
    for (uint32_t i = 0; i < p->n; i++) {
        place_mention pm;
        memset(&pm, 0, sizeof pm);
        uint32_t t0 = i;
        const gaz_entry *desc = described_capital(g, p, i, &t0);
        if (desc) {
            if (t0 > 0 && tok_eq(&t[t0 - 1], "THE")) t0--;
            pm.t0 = t0;
            pm.t1 = i + 1;
            pm.e = desc;
            uint32_t len; /* "the Qatari capital Doha": the name is part of it */
            for (int32_t l = longest_name(g, p, i + 1, &len); l >= 0; l = g->links[l].next)
                if (&g->ent[g->links[l].entry] == desc) pm.t1 = i + 1 + len;
            pm.locative = (uint8_t)locative_before(p, t0, &pm.t0);
            if (push(p, out, n, &cap, &pm) != 0) return -1;
            i = pm.t1 - 1;
            continue;
        }
        if (t[i].kind != TK_WORD || !capitalised(text, &t[i])) continue;
        uint32_t len;
        int32_t l = longest_name(g, p, i, &len);
        if (l < 0) {
            if (unknown_place(p, text, i, &pm) != 0) return -1;
            if (pm.e && push(p, out, n, &cap, &pm) != 0) return -1;
            if (pm.e) i = pm.t1 - 1;
            continue;
        }
        uint32_t j = i + len;
        /* a common word that is also a town is one after a preposition
         * ("in Nice", "in western Victoria") */
        if (len == 1 && tok_in(&t[i], STOP) && !(tok_in(&t[i], TOWN_WORD) && introduced(p, i))) {
            /* "in the East Ghouta region": a name the gazetteer lacks */
            if (unknown_place(p, text, i, &pm) != 0) return -1;
            if (pm.e && push(p, out, n, &cap, &pm) != 0) return -1;
            if (pm.e) i = pm.t1 - 1;
            continue;
        }
        uint32_t q0 = 0, q1 = 0;
        int comma = 0;
        int32_t lq = qualifier(g, p, j, &q0, &q1, &comma);
        /* "the northern English city": Britain's, not Indiana's, unless a
         * qualifier says so ("English, Indiana") */
        if (lq < 0 && actor_abroad(g, p, l, i, j)) {
            i = j - 1;
            continue;
        }
        int32_t ys[MAX_APPOS];
        int ny = lq >= 0 ? 0 : apposition(g, p, j, ys);
        int region_word = called_region(p, i, j);
        const gaz_entry *e = resolve(g, l, pc, lq, region_word, ys, ny);
        const gaz_entry *qe = lq >= 0 ? qualifies(g, lq, e) : NULL;
        pm.t0 = i;
        pm.t1 = j;
        pm.e = e;
        if (i > 0 && tok_in(&t[i - 1], DIRECTION) && !t[i - 1].cap) {
            pm.t0 = i - 1;
            pm.locative = 1;
        }
        uint32_t c0 = pm.t0;
        int loc = locative_before(p, pm.t0, &c0);
        if (loc) {
            pm.locative = (uint8_t)loc;
            pm.t0 = c0;
        }
        if (!pm.locative && pm.t0 > 0 && tok_in(&t[pm.t0 - 1], PARTNER)) pm.partner = 1;
        /* inside an actor a name is the actor's ("Gaza Health Ministry"),
         * unless a preposition of place sets it there ("protesters in
         * Georgia", "lawmakers in Washington") and it owns nothing after
         * it ("in Israel's northern Galilee": Galilee); a country there is
         * kept as the actor's ("Georgia's parliament") */
        int owns = j < p->n && t[j].kind == TK_POSS;
        if (inside_actor(p, i, j) && (!pm.locative || owns)) {
            int32_t m = owning_actor(p, i, j);
            /* (owning an actor, "outside Georgia's parliament", not a
             * place: "in Israel's northern Galilee") */
            if (m >= 0 && (!pm.locative || (owns && p->men[m].t1 > j + 1)) && e->kind == GAZ_COUNTRY &&
                !strncmp(p->men[m].code, e->country, 3)) {
                pm.locative = 0; /* "outside Georgia's parliament": the actor's */
                pm.actor = 1;
                if (push(p, out, n, &cap, &pm) != 0) return -1;
            }
            i = j - 1;
            continue;
        }
        int sure = qe || (e->kind == GAZ_REGION && region_word); /* "Idlib province" */
        if (!pm.locative &&
            (personal(t, pm.t0, e) || (!sure && (!bare_ok(e) || sports || in_a_name(p, text, i, j))))) {
            i = j - 1;
            continue;
        }
        add_country(pc, e->country);
        add_region(pc, e);
        if (e->kind == GAZ_COUNTRY || e->kind == GAZ_REGION || g->links[l].next < 0 || qe)
            add_firm(pc, e->country); /* not a town a choice between several made */
        if (push(p, out, n, &cap, &pm) != 0) return -1;
        i = j - 1;
        if (comma && lq >= 0) { /* the qualifier is part of this place */
            i = q1 - 1;
            if (!qe) continue;
            place_mention qm;
            memset(&qm, 0, sizeof qm);
            qm.t0 = q0;
            qm.t1 = q1;
            qm.e = qe;
            qm.qualifier = 1;
            if (push(p, out, n, &cap, &qm) != 0) return -1;
        }
    }
    mark_inside(p, *out, *n);
    return 0;
}

int32_t place_for_verb(const place_mention *m, uint32_t n, uint32_t v0, uint32_t v1) {
    int32_t best = -1;
    double bs = 0;
    for (uint32_t k = 0; k < n; k++) {
        const place_mention *x = &m[k];
        if (!place_where(x)) continue;
        if (x->t0 < v1 && x->t1 > v0) continue; /* inside the verb */
        int after = x->t0 >= v1;
        double dist = after ? (double)(x->t0 - v1) : (double)(v0 - x->t1);
        double s;
        if (x->locative && after && dist > MAX_AFTER) continue;
        if (x->locative)
            s = 100 - 2 * dist - (after ? 0 : 10);
        else if (x->e->kind == GAZ_COUNTRY && (!after || x->partner))
            continue; /* an actor, not a place */
        else
            s = (after ? 30 : 20) - 3 * dist;
        if (s > bs) {
            bs = s;
            best = (int32_t)k;
        }
    }
    /* "in the West Bank town of Hebron": the place inside wins */
    if (best >= 0 && m[best].locative && (uint32_t)best + 1 < n && m[best + 1].locative == LOC_INNER &&
        m[best + 1].t0 <= m[best].t1 + 4)
        best++;
    /* "in Mosul in northern Iraq": so does the place named in the larger */
    while (best > 0 && m[best - 1].in_next && (m[best - 1].locative || m[best].locative)) best--;
    return best;
}

static const char *const KIND_NAMES[] = {"country", "region", "capital", "city", "place"};

/* What a place of kind k pins down. */
static const char *precision_of(uint8_t k) {
    return k == GAZ_COUNTRY ? "country" : k == GAZ_REGION ? "admin1" : k == GAZ_UNKNOWN ? NULL : "city";
}

/* Sets the gazetteer's fields of pl from entry e. */
static void fill_entry(const gaz_entry *e, dyad_place *pl) {
    pl->name = e->name;
    pl->kind = KIND_NAMES[e->kind];
    memcpy(pl->country, e->country, 3);
    pl->country[3] = '\0';
    pl->lat = e->lat;
    pl->lon = e->lon;
    pl->admin1 = e->kind == GAZ_COUNTRY || !e->admin ? "" : e->admin;
    pl->geonameid = e->geoid;
    pl->precision = precision_of(e->kind);
}

void place_fill(const place_mention *m, const token *t, uint32_t si, dyad_place *out) {
    memset(out, 0, sizeof *out);
    fill_entry(m->e, out);
    out->span.off = t[m->t0].off;
    out->span.len = t[m->t1 - 1].off + t[m->t1 - 1].len - t[m->t0].off;
    out->sentence = si;
    out->locative = m->locative;
    out->qualifier = m->qualifier;
    out->actor = m->actor;
}

dyad_status dyad_place_for_verb(const dyad_ctx *ctx, const char *text, size_t len, dyad_span verb,
                                dyad_place *out, char *buf, size_t cap, dyad_error *err) {
    memset(out, 0, sizeof *out);
    out->lat = out->lon = NAN;
    if (!ctx || !text || !out || !buf || !cap)
        return dyad_fail(err, DYAD_EINVAL, NULL, 0, "no context or text");
    if ((size_t)verb.off + verb.len > len)
        return dyad_fail(err, DYAD_EINVAL, NULL, 0, "verb span outside the text");
    arena a;
    arena_init(&a, 16 * 1024);
    text_doc td;
    parse p;
    place_mention *m;
    uint32_t n;
    place_context pc;
    memset(&pc, 0, sizeof pc);
    if (text_analyze(&a, &ctx->d.lex, text, len, 1, &td) != 0 ||
        parse_sentence(&p, &ctx->d, &a, &a, td.toks, (uint32_t)td.ntoks, 0, NULL) != 0 ||
        place_find(&p, text, &ctx->gaz, &pc, &m, &n) != 0) {
        arena_free(&a);
        return dyad_fail(err, DYAD_ENOMEM, NULL, 0, "out of memory finding places");
    }
    uint32_t v0 = UINT32_MAX, v1 = 0; /* tokens overlapping the verb span */
    for (uint32_t k = 0; k < td.ntoks; k++) {
        const token *t = &td.toks[k];
        if (t->off < verb.off + verb.len && t->off + t->len > verb.off) {
            if (v0 == UINT32_MAX) v0 = k;
            v1 = k + 1;
        }
    }
    if (v0 != UINT32_MAX) {
        int32_t best = place_for_verb(m, n, v0, v1);
        if (best >= 0) {
            place_fill(&m[best], td.toks, 0, out);
            if (m[best].e->kind == GAZ_UNKNOWN) { /* its name is in the arena */
                snprintf(buf, cap, "%s", out->name);
                out->name = buf;
            }
        }
    }
    arena_free(&a);
    return DYAD_OK;
}

int place_reconsider(const gazetteer *g, const place_context *pc, dyad_place *pl) {
    if (!pl->name || !pl->kind || !strcmp(pl->kind, "region") || !strcmp(pl->kind, "place")) return 0;
    char key[256];
    /* "Washington, D.C." is named "Washington" in the text */
    const char *comma = strstr(pl->name, ", ");
    size_t n =
        text_upper(pl->name, comma ? (size_t)(comma - pl->name) : strlen(pl->name), key, sizeof key);
    if (n >= sizeof key) return 0;
    /* a region of a town the article names ("Georgia" with Atlanta); else,
     * for a town of a country the article never names, the most populous
     * town of that name in a country it does name ("Tripoli ... in
     * northern Lebanon") */
    const gaz_entry *best = NULL;
    int town = strcmp(pl->kind, "country") != 0 && !firm(pc, pl->country);
    for (int32_t l = gaz_find(g, key, n); l >= 0; l = g->links[l].next) {
        const gaz_entry *e = &g->ent[g->links[l].entry];
        /* (a town's own province of its name is no reason: "San Jose") */
        if (e->kind == GAZ_REGION && region_named(pc, e->country, e->admin) &&
            !(strcmp(pl->kind, "country") != 0 && !strcmp(pl->country, e->country) && pl->admin1 &&
              !strcmp(pl->admin1, e->admin))) {
            best = e;
            break;
        }
        if (town && (e->kind == GAZ_CITY || e->kind == GAZ_CAPITAL) && firm(pc, e->country) &&
            (!best || e->pop > best->pop))
            best = e;
    }
    if (!best) return 0;
    fill_entry(best, pl);
    return 1;
}

int dyad_place_lookup(const dyad_ctx *ctx, const char *name, const char *country, const char *kind,
                      double lat, double lon, dyad_place *out) {
    memset(out, 0, sizeof *out);
    out->lat = out->lon = NAN;
    if (!ctx || !name || !country || !kind) return 0;
    const gazetteer *g = &ctx->gaz;
    char key[256];
    size_t n = text_upper(name, strlen(name), key, sizeof key);
    if (n >= sizeof key) return 0;
    const gaz_entry *best = NULL;
    double bd = INFINITY;
    for (int32_t l = gaz_find(g, key, n); l >= 0; l = g->links[l].next) {
        const gaz_entry *e = &g->ent[g->links[l].entry];
        if (strcmp(e->country, country) != 0 || strcmp(KIND_NAMES[e->kind], kind) != 0 ||
            strcmp(e->name, name) != 0)
            continue;
        double d =
            isnan(lat) || isnan(lon) || isnan(e->lat) ? 0 : fabs(e->lat - lat) + fabs(e->lon - lon);
        if (!best || d < bd) {
            best = e;
            bd = d;
        }
    }
    if (!best) return 0;
    fill_entry(best, out);
    return 1;
}

int dyad_country_place(const dyad_ctx *ctx, const char *iso3, dyad_place *out) {
    memset(out, 0, sizeof *out);
    out->lat = out->lon = NAN;
    const gaz_entry *e = ctx && iso3 ? gaz_country(&ctx->gaz, iso3) : NULL;
    if (!e) return 0;
    fill_entry(e, out);
    return 1;
}
