/* figure.c -- casualty and captivity figures (see figure.h). A sentence
 * with no kind word (killed, wounded, hostages, ...) is left at once; in
 * the others each number, or "a"/"the" before a word for a person, or a
 * name, is tied to the kind word that governs it: a verb just before it
 * ("killed at least 2,483 people"), or a noun or predicate just after it
 * ("40,170 Palestinian deaths", "five people were wounded"). Numbers that
 * are ages, years, times, money, addresses, phone numbers or identifiers
 * ("Resolution 2334") are no counts. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "date.h"
#include "figure.h"

#define SCAN_AFTER 8   /* tokens looked at after a number for its kind word */
#define SCAN_CLAUSE 40 /* tokens looked at before a verb for its subject */

enum { K_NONE = -1, K_SHOT = DYAD_FIG_NKINDS }; /* "shot": wounded unless killed */

typedef struct kind_word {
    const char *w;
    int8_t kind;
    uint8_t before; /* may stand before the number as its verb */
} kind_word;

/* Sorted by word (strcmp) for bsearch. */
static const kind_word KINDS[] = {
    {"ABDUCTED", DYAD_FIG_CAPTIVE, 1},     {"ARRESTED", DYAD_FIG_PRISONER, 1},
    {"ARRESTING", DYAD_FIG_PRISONER, 1},   {"BODIES", DYAD_FIG_KILLED, 0},
    {"CAPTIVE", DYAD_FIG_CAPTIVE, 0},      {"CAPTIVES", DYAD_FIG_CAPTIVE, 0},
    {"CASUALTIES", DYAD_FIG_KILLED, 0},    {"DEAD", DYAD_FIG_KILLED, 0},
    {"DEATHS", DYAD_FIG_KILLED, 0},        {"DETAINED", DYAD_FIG_PRISONER, 1},
    {"DETAINEES", DYAD_FIG_PRISONER, 0},   {"DIE", DYAD_FIG_KILLED, 0},
    {"DIED", DYAD_FIG_KILLED, 0},          {"DIES", DYAD_FIG_KILLED, 0},
    {"DISPLACED", DYAD_FIG_DISPLACED, 1},  {"DISPLACING", DYAD_FIG_DISPLACED, 1},
    {"EVACUATED", DYAD_FIG_DISPLACED, 1},  {"FATALITIES", DYAD_FIG_KILLED, 0},
    {"FLED", DYAD_FIG_DISPLACED, 0},       {"HOSPITALISED", DYAD_FIG_INJURED, 0},
    {"HOSPITALIZED", DYAD_FIG_INJURED, 0}, {"HOSTAGE", DYAD_FIG_CAPTIVE, 0},
    {"HOSTAGES", DYAD_FIG_CAPTIVE, 0},     {"HURT", DYAD_FIG_INJURED, 1},
    {"IMPRISONED", DYAD_FIG_PRISONER, 1},  {"INJURE", DYAD_FIG_INJURED, 1},
    {"INJURED", DYAD_FIG_INJURED, 1},      {"INJURES", DYAD_FIG_INJURED, 1},
    {"INJURIES", DYAD_FIG_INJURED, 0},     {"INJURING", DYAD_FIG_INJURED, 1},
    {"JAILED", DYAD_FIG_PRISONER, 1},      {"KIDNAPPED", DYAD_FIG_CAPTIVE, 1},
    {"KIDNAPPING", DYAD_FIG_CAPTIVE, 1},   {"KILLED", DYAD_FIG_KILLED, 1},
    {"KILLING", DYAD_FIG_KILLED, 1},       {"KILLS", DYAD_FIG_KILLED, 1},
    {"MURDERED", DYAD_FIG_KILLED, 1},      {"PERISHED", DYAD_FIG_KILLED, 0},
    {"PRISONERS", DYAD_FIG_PRISONER, 0},   {"REFUGE", DYAD_FIG_DISPLACED, 0},
    {"REFUGEES", DYAD_FIG_DISPLACED, 0},   {"SHOT", K_SHOT, 0},
    {"SLAIN", DYAD_FIG_KILLED, 0},         {"WOUNDED", DYAD_FIG_INJURED, 1},
    {"WOUNDING", DYAD_FIG_INJURED, 1},

};

/* For each first letter, a bit for each length of the words that start
 * with it in KINDS and TRIGGERS (below): most tokens are ruled out
 * by this alone (test_figure checks it covers every word). */
static const uint16_t FIRST_LEN[26] = {0x300, 0x50,  0x580, 0x778, 0x200, 0x4b0, 0x0,   0x1190, 0x5c0,
                                       0x40,  0x6e0, 0x0,   0x140, 0x0,   0x0,   0x300, 0x0,    0x140,
                                       0xb0,  0x10,  0x0,   0x0,   0x180, 0x0,   0x0,   0x0};

int figure_maybe_word(const char *up, size_t len) {
    unsigned c = (unsigned char)up[0] - 'A';
    return c < 26 && len < 16 && (FIRST_LEN[c] >> len & 1);
}

/* Words that make a sentence worth reading without being kind words of
 * their own: "the death toll", "a fatal shooting", "was fatally struck",
 * "the murder of a man", "the body of a woman". */
static const char *const TRIGGERS[] = {"TOLL",   "FATAL", "DEADLY", "FATALLY", "MORTALLY",
                                       "MURDER", "DEATH", "BODY",   "SLAYING", NULL};

const char *figure_kind_word(size_t i) {
    size_t nk = sizeof KINDS / sizeof KINDS[0];
    if (i < nk) return KINDS[i].w;
    return i - nk < sizeof TRIGGERS / sizeof TRIGGERS[0] ? TRIGGERS[i - nk] : NULL;
}

static int cmp_kind(const void *k, const void *e) { return strcmp(k, ((const kind_word *)e)->w); }

static const kind_word *kind_of(const token *t) {
    if (t->kind != TK_WORD || !figure_maybe_word(t->up, t->uplen)) return NULL;
    return bsearch(t->up, KINDS, sizeof KINDS / sizeof KINDS[0], sizeof KINDS[0], cmp_kind);
}

/* ---- numbers ---- */

static const char *const UNITS[] = {
    "ZERO",     "ONE",     "TWO",     "THREE",     "FOUR",     "FIVE",     "SIX",
    "SEVEN",    "EIGHT",   "NINE",    "TEN",       "ELEVEN",   "TWELVE",   "THIRTEEN",
    "FOURTEEN", "FIFTEEN", "SIXTEEN", "SEVENTEEN", "EIGHTEEN", "NINETEEN", NULL};
static const char *const TENS[] = {"TWENTY",  "THIRTY", "FORTY",  "FIFTY", "SIXTY",
                                   "SEVENTY", "EIGHTY", "NINETY", NULL};

/* Value of a number word ("SEVEN", "FORTY", "TWENTY-FIVE"), -1 if none. */
static int64_t word_value(const char *w) {
    if (!w[0] || !strchr("ZOTFSEN", w[0])) return -1; /* the first letters of UNITS, TENS */
    for (int k = 0; UNITS[k]; k++)
        if (!strcmp(w, UNITS[k])) return k;
    for (int k = 0; TENS[k]; k++) {
        size_t l = strlen(TENS[k]);
        if (strncmp(w, TENS[k], l) != 0) continue;
        if (w[l] == '\0') return 20 + 10 * k;
        if (w[l] == '-')
            for (int u = 1; u < 10; u++)
                if (!strcmp(w + l + 1, UNITS[u])) return 20 + 10 * k + u;
    }
    return -1;
}

static int64_t scale_of(const token *t) {
    if (tok_eq(t, "HUNDRED")) return 100;
    if (tok_eq(t, "THOUSAND")) return 1000;
    if (tok_eq(t, "MILLION")) return 1000000;
    if (tok_eq(t, "BILLION")) return 1000000000;
    return 0;
}

/* Digits with thousands commas and an optional decimal part: "40,170",
 * "1.2". Returns the value times 10 and whether there was a decimal. */
static int digits_value(const token *t, int64_t *v10, int *decimal) {
    int64_t v = 0;
    int dec = -1;
    for (const char *s = t->up; *s; s++) {
        if (*s >= '0' && *s <= '9') {
            if (dec >= 1) continue; /* one decimal digit is enough */
            if (v > 100000000000LL) return 0;
            if (dec == 0) {
                v = v * 10 + (*s - '0');
                dec = 1;
            } else
                v = v * 10 + (*s - '0');
        } else if (*s == '.') {
            if (dec >= 0) return 0;
            dec = 0;
        } else if (*s != ',')
            return 0;
    }
    *v10 = dec >= 1 ? v : v * 10;
    *decimal = dec >= 0;
    return 1;
}

int figure_number(const token *t, uint32_t n, uint32_t i, int64_t *value, uint32_t *end) {
    if (i >= n) return 0;
    const token *w = &t[i];
    if (w->kind == TK_NUM) {
        int64_t v10;
        int dec;
        if (!digits_value(w, &v10, &dec)) return 0;
        int64_t sc = i + 1 < n ? scale_of(&t[i + 1]) : 0;
        if (dec && sc < 1000) return 0;         /* "2.5" is no count of people */
        if (sc && v10 > 1000000000LL) return 0; /* "900,000,000 billion": no count either */
        *value = sc ? v10 * sc / 10 : v10 / 10;
        *end = sc ? i + 2 : i + 1;
        return 1;
    }
    if (w->kind != TK_WORD || !strchr("ZOTFSENHDMA", w->up[0])) return 0;
    /* vague plurals: "dozens", "hundreds", "tens of thousands" */
    static const char *const VAGUE[] = {"DOZENS", "HUNDREDS", "THOUSANDS", "MILLIONS", NULL};
    static const int64_t VAGUE_V[] = {24, 200, 2000, 2000000};
    for (int k = 0; VAGUE[k]; k++) {
        if (!tok_eq(w, VAGUE[k]) && !(k == 0 && tok_eq(w, "TENS"))) continue;
        int64_t v = k == 0 && tok_eq(w, "TENS") ? 20 : VAGUE_V[k];
        uint32_t j = i + 1;
        if (j + 1 < n && tok_eq(&t[j], "OF") &&
            (tok_eq(&t[j + 1], "THOUSANDS") || tok_eq(&t[j + 1], "MILLIONS"))) {
            v *= tok_eq(&t[j + 1], "THOUSANDS") ? 1000 : 1000000;
            j += 2;
        } else if (k == 0 && tok_eq(w, "TENS"))
            return 0;
        *value = v;
        *end = j;
        return 1;
    }
    int64_t total = 0, cur = -1;
    uint32_t j = i;
    if ((tok_eq(w, "A") || tok_eq(w, "AN")) && i + 1 < n &&
        (tok_eq(&t[i + 1], "DOZEN") || scale_of(&t[i + 1]))) {
        cur = 1;
        j = i + 1;
    }
    for (; j < n; j++) {
        int64_t v = word_value(t[j].up), sc = scale_of(&t[j]);
        if (v >= 0 && cur < 0)
            cur = v;
        else if (v >= 0 && cur >= 100 && cur % 100 == 0 && v < 100)
            cur += v;
        else if (tok_eq(&t[j], "DOZEN") && cur >= 0)
            cur *= 12;
        else if (sc == 100 && cur > 0 && cur < 100)
            cur *= 100;
        else if (sc >= 1000 && cur > 0) {
            total += cur * sc;
            cur = 0;
        } else if (tok_eq(&t[j], "AND") && cur >= 100 && j + 1 < n && word_value(t[j + 1].up) > 0) {
            continue;
        } else
            break;
    }
    if (cur < 0) return 0;
    *value = total + cur;
    *end = j;
    return 1;
}

/* ---- what a number is not ---- */

static int adjacent(const token *a, const token *b) { return a->off + a->len == b->off; }

static int ndigits(const token *t) {
    int d = 0;
    for (const char *s = t->up; *s; s++) d += *s >= '0' && *s <= '9';
    return d;
}

static const char *const UNIT_NOUNS[] = {
    "TIMES",  "TIME",    "ROUNDS",  "SHOTS", "BULLETS",    "HOURS",      "DAYS",  "WEEKS",  "MONTHS",
    "YEARS",  "MINUTES", "SECONDS", "MILES", "KILOMETRES", "KILOMETERS", "KM",    "FEET",   "METRES",
    "METERS", "PERCENT", "PER",     "%",     "DOLLARS",    "POUNDS",     "EUROS", "A.M.",   "P.M.",
    "AM",     "PM",      "A.M",     "P.M",   "O'CLOCK",    "GMT",        "BLOCK", "BLOCKS", "CALIBER",
    "MM",     "YEAR",    "HOUR",    "DAY",   "WEEK",       "MONTH",      NULL};
static const char *const STREETS[] = {
    "STREET", "ST.",  "AVENUE", "AVE.",    "AVE", "ROAD", "RD.", "BOULEVARD", "BLVD.", "BLVD",  "DRIVE",
    "DR.",    "LANE", "WAY",    "HIGHWAY", "W.",  "E.",   "N.",  "S.",        "PLACE", "COURT", NULL};
static const char *const WEEKDAYS[] = {"MONDAY", "TUESDAY",  "WEDNESDAY", "THURSDAY",
                                       "FRIDAY", "SATURDAY", "SUNDAY",    NULL};

/* Whether the digits at t[i] (ending at end) are an age, a year, a time,
 * money, an address, a phone number or an identifier. */
static int not_a_count(const fig_sentence *s, uint32_t i, uint32_t end) {
    const token *t = s->p->t;
    uint32_t n = s->p->n;
    for (int k = 0; k < s->ndates; k++)
        if (i >= s->dates[k].t0 && i < s->dates[k].t1) return 1;
    const token *prev = i > 0 ? &t[i - 1] : NULL;
    const token *next = end < n ? &t[end] : NULL;
    if (next && tok_in(next, UNIT_NOUNS)) return 1;
    if (next && next->cap && next->kind == TK_WORD) /* "2810 W. Arkansas", "1000 McFarland Avenue" */
        for (uint32_t k = end; k < n && k < end + 4; k++)
            if (tok_in(&t[k], STREETS)) return 1;
    if (prev && (tok_eq(prev, "AGE") || tok_eq(prev, "AGED") || tok_eq(prev, "AGES"))) return 1;
    if (prev && tok_eq(prev, "OF") && i >= 2 && (tok_eq(&t[i - 2], "AGE") || tok_eq(&t[i - 2], "AGES")))
        return 1; /* "under the age of 12" */
    if (t[i].kind != TK_NUM) return 0;
    if (prev && (tok_eq(prev, "$") || tok_eq(prev, "£") || tok_eq(prev, "€") || tok_eq(prev, "#")))
        return 1;
    if ((prev && tok_eq(prev, ":") && adjacent(prev, &t[i])) ||
        (end < n && tok_eq(&t[end], ":") && adjacent(&t[end - 1], &t[end])))
        return 1; /* 8:20 */
    /* phone numbers: 555-1234, (555) 555-1234 */
    if (end + 1 < n && t[end].kind == TK_DASH && adjacent(&t[end - 1], &t[end]) &&
        t[end + 1].kind == TK_NUM && ndigits(&t[i]) >= 3 && ndigits(&t[end + 1]) >= 3)
        return 1;
    if (prev && prev->kind == TK_DASH && i >= 2 && t[i - 2].kind == TK_NUM &&
        adjacent(&t[i - 2], prev) && ndigits(&t[i]) >= 3 && ndigits(&t[i - 2]) >= 3)
        return 1;
    if (prev && tok_eq(prev, "(") && ndigits(&t[i]) == 3) return 1;
    /* a year: four digits, no comma, 1800..2099 */
    if (t[i].uplen == 4 && ndigits(&t[i]) == 4 && end == i + 1) {
        int y = atoi(t[i].up);
        if (y >= 1800 && y <= 2099) return 1;
    }
    /* "Resolution 2334", "Route 9": a number after a capitalised word */
    if (prev && prev->kind == TK_WORD && prev->cap && i >= 2 && !tok_in(prev, WEEKDAYS)) return 1;
    /* "Smith, 25, was killed": an age between commas */
    if (prev && tok_eq(prev, ",") && next && tok_eq(next, ",") && end == i + 1 && i >= 2 &&
        t[i - 2].cap && ndigits(&t[i]) <= 3)
        return 1;
    return 0;
}

/* ---- qualifiers ---- */

typedef struct qual_word {
    const char *w1, *w2; /* one or two words before the number */
    const char *norm;
} qual_word;

static const qual_word QUALS[] = {
    {"AT", "LEAST", "at least"},    {"MORE", "THAN", "more than"},  {"FEWER", "THAN", "fewer than"},
    {"LESS", "THAN", "fewer than"}, {"UP", "TO", "up to"},          {"AT", "MOST", "up to"},
    {"CLOSE", "TO", "about"},       {"UPWARDS", "OF", "more than"}, {"AN", "ESTIMATED", "about"},
    {NULL, "OVER", "more than"},    {NULL, "ABOVE", "more than"},   {NULL, "ABOUT", "about"},
    {NULL, "AROUND", "about"},      {NULL, "SOME", "about"},        {NULL, "APPROXIMATELY", "about"},
    {NULL, "ROUGHLY", "about"},     {NULL, "ESTIMATED", "about"},   {NULL, "NEARLY", "nearly"},
    {NULL, "ALMOST", "nearly"},     {NULL, "ALMOST", "nearly"},
};

/* The qualifier ending just before token i: its normal form and first
 * token (*q0 = i when none). */
static const char *qualifier(const token *t, uint32_t i, uint32_t *q0) {
    *q0 = i;
    for (size_t k = 0; k < sizeof QUALS / sizeof QUALS[0]; k++) {
        const qual_word *q = &QUALS[k];
        if (i < 1 || !tok_eq(&t[i - 1], q->w2)) continue;
        if (q->w1 && (i < 2 || !tok_eq(&t[i - 2], q->w1))) continue;
        *q0 = q->w1 ? i - 2 : i - 1;
        return q->norm;
    }
    return "";
}

/* ---- the parts of a figure ---- */

/* Sorted (strcmp) for bsearch. */
static const char *const PERSONS[] = {
    "BABY",      "BOY",        "BOYFRIEND", "BROTHER",    "BYSTANDER",   "CHILD",       "CIVILIAN",
    "CLERK",     "COUSIN",     "DAUGHTER",  "DEPUTY",     "DRIVER",      "FARMER",      "FATHER",
    "FEMALE",    "FRIEND",     "GIRL",      "GIRLFRIEND", "GRANDFATHER", "GRANDMOTHER", "GUARD",
    "GUNMAN",    "HUSBAND",    "INFANT",    "JOURNALIST", "JUVENILE",    "MALE",        "MAN",
    "MOTHER",    "NEIGHBOR",   "NEIGHBOUR", "NEPHEW",     "NIECE",       "OFFICER",     "OWNER",
    "PASSENGER", "PEDESTRIAN", "PERSON",    "POLICEMAN",  "RESIDENT",    "SHOOTER",     "SISTER",
    "SOLDIER",   "SON",        "STUDENT",   "SUSPECT",    "TEEN",        "TEENAGE",     "TEENAGER",
    "TODDLER",   "TROOPER",    "VICTIM",    "WIFE",       "WOMAN",       "WORKER",      "YOUTH",
};

static int cmp_str(const void *k, const void *e) { return strcmp(k, *(const char *const *)e); }

static int person_word(const token *t) {
    if (t->kind != TK_WORD || t->uplen < 3) return 0;
    if (t->uplen > 8 && strstr(t->up, "-YEAR-OLD")) return 1;
    return bsearch(t->up, PERSONS, sizeof PERSONS / sizeof PERSONS[0], sizeof PERSONS[0], cmp_str) !=
           NULL;
}

/* "a man", "the 25-year-old victim": a singular person within three words
 * after the determiner at i; returns the token after it, 0 when none. */
static uint32_t singular_person(const token *t, uint32_t n, uint32_t i) {
    for (uint32_t k = i + 1; k < n && k <= i + 3; k++) {
        if (t[k].kind != TK_WORD) return 0;
        if (person_word(&t[k])) {
            while (k + 1 < n && person_word(&t[k + 1])) k++; /* "a 5-year-old girl" */
            return k + 1;
        }
    }
    return 0;
}

/* "a former basketball star was": a singular noun phrase of up to five
 * words that is the subject of "was" (not a car, a house); returns the
 * token of "was", 0 when none. */
static uint32_t someone_was(const token *t, uint32_t n, uint32_t i) {
    static const char *const THINGS[] = {"VEHICLE", "CAR",       "HOUSE",   "HOME",  "TRUCK", "BUILDING",
                                         "WINDOW",  "APARTMENT", "BUS",     "STORE", "CALL",  "REPORT",
                                         "GUN",     "WEAPON",    "HANDGUN", "RIFLE", NULL};
    for (uint32_t k = i + 1; k < n && k <= i + 5; k++) {
        if (t[k].kind != TK_WORD || tok_in(&t[k], THINGS)) return 0;
        if (k > i + 1 && tok_eq(&t[k], "WAS")) return k;
    }
    return 0;
}

/* Words between a number or a victim and its kind word ("were", "have
 * been", "reportedly"); anything else but an ordinary word ends the look. */
static const char *const STOPS[] = {"AND",   "OR",    "BUT",    "SAID",  "SAYS",
                                    "WHILE", "AFTER", "BEFORE", "WHEN",  "BECAUSE",
                                    "IF",    "SINCE", "AS",     "WHERE", NULL};

/* Looks for the kind word after token from: returns its token or -1, and
 * the kind ("shot and killed" is killed; "shot" alone is wounded). */
static int64_t kind_after(const token *t, uint32_t n, uint32_t from, int *kind) {
    for (uint32_t k = from; k < n && k < from + SCAN_AFTER; k++) {
        const token *w = &t[k];
        if (w->kind != TK_WORD && w->kind != TK_POSS) return -1;
        if ((tok_eq(w, "FATALLY") || tok_eq(w, "MORTALLY")) && k + 1 < n && t[k + 1].kind == TK_WORD &&
            (k == from || tok_eq(&t[k - 1], "WAS") || tok_eq(&t[k - 1], "WERE") ||
             tok_eq(&t[k - 1], "BEEN"))) {
            *kind = DYAD_FIG_KILLED; /* "was fatally struck" */
            return k + 1;
        }
        const kind_word *kw = kind_of(w);
        if (kw) {
            *kind = kw->kind;
            if (kw->kind == K_SHOT) { /* passive only: "who shot her" is the shooter */
                uint32_t b = k;       /* "was accidentally shot" */
                if (b > from && b >= 2 && t[b - 1].uplen > 4 &&
                    !strcmp(t[b - 1].up + t[b - 1].uplen - 2, "LY"))
                    b--;
                if (b == 0 || !(tok_eq(&t[b - 1], "WAS") || tok_eq(&t[b - 1], "WERE") ||
                                tok_eq(&t[b - 1], "BEEN") || tok_eq(&t[b - 1], "BE") ||
                                tok_eq(&t[b - 1], "GOT") || tok_eq(&t[b - 1], "BEING") || k == from))
                    return -1;
                *kind = DYAD_FIG_INJURED;
                for (uint32_t j = k + 1; j < n && j <= k + 3; j++) {
                    const kind_word *k2 = kind_of(&t[j]);
                    if ((k2 && k2->kind == DYAD_FIG_KILLED) || tok_eq(&t[j], "DEATH")) {
                        *kind = DYAD_FIG_KILLED;
                        break;
                    }
                }
            }
            if (k > 0 && (tok_eq(&t[k - 1], "FATALLY") || tok_eq(&t[k - 1], "MORTALLY")))
                *kind = DYAD_FIG_KILLED;
            return k;
        }
        if (tok_in(w, STOPS)) return -1;
        if (k > from && (w->kind == TK_WORD && word_value(w->up) >= 0)) return -1;
    }
    return -1;
}

/* The kind verb just before the number (or its qualifier) at q0:
 * "killed at least", "killing his five", "the death toll rose to". */
static int kind_before(const token *t, uint32_t q0, int *kind) {
    static const char *const DETS[] = {"HIS",     "HER",   "THEIR", "ITS",        "THE", "ALL",
                                       "ANOTHER", "OTHER", "AN",    "ADDITIONAL", NULL};
    static const char *const TOLL[] = {"OF",      "TO",      "AT",      "ROSE",   "RISEN", "HAS", "HAD",
                                       "CLIMBED", "REACHED", "STANDS",  "STOOD",  "IS",    "WAS", "NOW",
                                       "RISES",   "CLIMBS",  "REACHES", "JUMPED", NULL};
    static const char *const OF_KILLED[] = {"MURDER",  "DEATH",  "BODY",   "KILLING",  "SLAYING",
                                            "MURDERS", "DEATHS", "BODIES", "KILLINGS", NULL};
    uint32_t k = q0;
    for (int skip = 0; k > 0 && skip < 2 && tok_in(&t[k - 1], DETS); skip++) k--;
    if (k >= 2 && tok_eq(&t[k - 1], "OF") && tok_in(&t[k - 2], OF_KILLED)) {
        *kind = DYAD_FIG_KILLED;
        return (int)k - 2;
    }
    if (k >= 2 &&
        (tok_eq(&t[k - 1], "SHOOTING") || tok_eq(&t[k - 1], "SHOOTS") || tok_eq(&t[k - 1], "SHOT")) &&
        (tok_eq(&t[k - 2], "FATALLY") || tok_eq(&t[k - 2], "MORTALLY"))) {
        *kind = DYAD_FIG_KILLED;
        return (int)k - 1;
    }
    if (k > 0) {
        const kind_word *kw = kind_of(&t[k - 1]);
        if (kw && kw->before && !(k >= 2 && (tok_eq(&t[k - 2], "WERE") || tok_eq(&t[k - 2], "WAS")))) {
            *kind = kw->kind;
            return (int)k - 1;
        }
    }
    for (uint32_t j = q0; j > 0 && q0 - j < 5; j--) {
        if (tok_eq(&t[j - 1], "TOLL")) {
            *kind = DYAD_FIG_KILLED;
            return (int)j - 1;
        }
        if (!tok_in(&t[j - 1], TOLL)) break;
    }
    return -1;
}

/* The first token of the words that follow from, up to a verb-like word,
 * a preposition or punctuation (the victims: "people", "others"). */
static uint32_t noun_phrase_end(const token *t, uint32_t n, uint32_t from, uint32_t limit) {
    static const char *const ENDS[] = {"WERE", "WAS", "HAVE",      "HAS",   "HAD",    "ARE",
                                       "IS",   "WHO", "THAT",      "WHICH", "IN",     "ON",
                                       "AT",   "BY",  "FROM",      "OF",    "DURING", "SINCE",
                                       "WITH", "FOR", "INCLUDING", "HELD",  "TO",     NULL};
    uint32_t k = from;
    while (k < n && k < limit && k < from + 4 && t[k].kind == TK_WORD && !kind_of(&t[k]) &&
           !tok_in(&t[k], ENDS) && !tok_in(&t[k], STOPS) &&
           !(t[k].uplen > 4 && !strcmp(t[k].up + t[k].uplen - 2, "LY"))) /* "fatally" */
        k++;
    return k;
}

static dyad_span span_of(const token *t, uint32_t a, uint32_t b) {
    dyad_span s = {0, 0};
    if (b <= a) return s;
    s.off = t[a].off;
    s.len = t[b - 1].off + t[b - 1].len - t[a].off;
    return s;
}

/* The code of the first actor mention inside tokens [a, b), "" if none. */
static const char *mention_code(const parse *p, uint32_t a, uint32_t b) {
    for (uint32_t k = a; k < b && k < p->n; k++) {
        int32_t m = p->men_at[k];
        if (m >= 0 && p->men[m].code[0] && strncmp(p->men[m].code, "---", 3) != 0) return p->men[m].code;
    }
    return "";
}

/* "according to X" at token k: where X starts, else 0. */
static uint32_t according(const token *t, uint32_t n, uint32_t k) {
    return k + 2 < n && tok_eq(&t[k], "ACCORDING") && tok_eq(&t[k + 1], "TO") ? k + 2 : 0;
}

static int clause_end(const token *t) {
    return (t->kind == TK_PUNCT && strchr(",.;:()[]!?", t->up[0])) || t->kind == TK_QUOTE ||
           t->kind == TK_DASH;
}

static const char *const SAYS[] = {"SAID",      "SAYS",      "REPORTED", "TOLD",
                                   "CONFIRMED", "ANNOUNCED", "STATED",   NULL};

/* The source the sentence cites: "according to X", ", X said", "X said
 * ...", ", said X". */
static dyad_span cited(const token *t, uint32_t n) {
    for (uint32_t k = 0; k < n; k++) {
        uint32_t a = according(t, n, k);
        if (!a) continue;
        uint32_t b = a;
        while (b < n && b < a + 12 && !clause_end(&t[b])) b++;
        return span_of(t, a, b);
    }
    for (uint32_t k = 1; k < n; k++) {
        if (!tok_in(&t[k], SAYS)) continue;
        if (tok_eq(&t[k - 1], ",") && k + 1 < n) { /* ", said Dr. Smith" */
            uint32_t b = k + 1;
            while (b < n && b < k + 8 && !clause_end(&t[b])) b++;
            if (b > k + 1 && (b == n || tok_eq(&t[b], "."))) return span_of(t, k + 1, b);
        }
        uint32_t a = k; /* "X said": back to a comma or the start */
        while (a > 0 && k - a < 7 && (t[a - 1].kind == TK_WORD || t[a - 1].kind == TK_POSS)) a--;
        if (a < k && k - a < 7 && (a == 0 || tok_eq(&t[a - 1], ",") || t[a - 1].kind == TK_QUOTE) &&
            !tok_eq(&t[a], "HE") && !tok_eq(&t[a], "SHE") && !tok_eq(&t[a], "THEY") &&
            !tok_eq(&t[a], "IT"))
            return span_of(t, a, k);
    }
    dyad_span none = {0, 0};
    return none;
}

/* The perpetrator: "by X" after the figure, else for a verb before the
 * number the first actor of the clause before it. Sets tokens [*a, *b). */
static int perpetrator(const parse *p, uint32_t after, int verb, uint32_t *a, uint32_t *b) {
    const token *t = p->t;
    for (uint32_t k = after; k < p->n && k < after + 4; k++) {
        if (clause_end(&t[k])) break;
        if (!tok_eq(&t[k], "BY")) continue;
        uint32_t j = k + 1;
        if (j < p->n && tok_eq(&t[j], "THE")) j++;
        if (j < p->n && p->men_at[j] >= 0) {
            const mention *m = &p->men[p->men_at[j]];
            *a = m->t0;
            *b = m->t1;
            return 1;
        }
        uint32_t e = noun_phrase_end(t, p->n, j, p->n);
        if (e > j) {
            *a = j;
            *b = e;
            return 1;
        }
        return 0;
    }
    if (verb < 0) return 0;
    /* the clause of the verb; for "X, which killed", the words before "which" */
    uint32_t c0 = (uint32_t)verb, lo = c0 > SCAN_CLAUSE ? c0 - SCAN_CLAUSE : 0;
    while (c0 > lo && !clause_end(&t[c0 - 1]) && !tok_eq(&t[c0 - 1], "WHICH") &&
           !tok_eq(&t[c0 - 1], "WHO") && !tok_eq(&t[c0 - 1], "THAT"))
        c0--;
    uint32_t c1 = (uint32_t)verb;
    if (c0 > 0 &&
        (tok_eq(&t[c0 - 1], "WHICH") || tok_eq(&t[c0 - 1], "WHO") || tok_eq(&t[c0 - 1], "THAT"))) {
        c1 = c0 - 1;
        if (c1 > 0 && tok_eq(&t[c1 - 1], ",")) c1--;
        c0 = c1 > 7 ? c1 - 7 : 0;
    }
    for (int pass = 0; pass < 2; pass++, c0 = lo, c1 = (uint32_t)verb) {
        for (uint32_t k = c0; k < c1; k++) {
            if (according(t, p->n, k)) { /* the source cited is no party */
                while (k < c1 && !clause_end(&t[k])) k++;
                continue;
            }
            int32_t m = p->men_at[k];
            if (m >= 0 && p->men[m].code[0] && strncmp(p->men[m].code, "---", 3) != 0) {
                *a = p->men[m].t0;
                *b = p->men[m].t1;
                return 1;
            }
        }
    }
    return 0;
}

/* Words before a number that say the people were set free. */
static int released_near(const token *t, uint32_t n, uint32_t q0, uint32_t kw) {
    static const char *const FREE[] = {"RELEASE", "RELEASED", "RELEASING", "FREED",
                                       "FREEING", "FREE",     "EXCHANGE",  "EXCHANGED",
                                       "SWAP",    "SWAPPED",  NULL};
    for (uint32_t k = q0 > 5 ? q0 - 5 : 0; k < q0; k++)
        if (tok_in(&t[k], FREE)) return 1;
    for (uint32_t k = kw + 1; k < n && k <= kw + 4; k++) {
        if (clause_end(&t[k])) break;
        if (tok_in(&t[k], FREE)) return 1;
    }
    return 0;
}

static const char *dup_span(arena *a, const char *text, dyad_span s) {
    return s.len ? arena_strndup(a, text + s.off, s.len) : "";
}

#define DEDUP_WINDOW 32 /* earlier figures of the sentence a new one is compared with */

/* Adds a figure unless the sentence already gave the same one ("2,483
 * killed ... the 2,483 dead"). */
static int push(fig_vec *out, const dyad_figure *f, size_t first) {
    if (out->n > first + DEDUP_WINDOW) first = out->n - DEDUP_WINDOW;
    for (size_t k = first; k < out->n; k++) {
        const dyad_figure *o = &out->v[k];
        if (o->kind != f->kind || o->value != f->value) continue;
        if (f->value > 1 || !strcmp(o->victim, f->victim)) return 0;
    }
    void *v = out->v;
    if (grow_array(&v, &out->cap, out->n, sizeof *out->v)) return -1;
    out->v = v;
    out->v[out->n++] = *f;
    return 0;
}

/* A figure found at number tokens [n0, n1) (qualifier from q0): fills in
 * its kind, victims, perpetrator, date and source, then adds it. */
typedef struct fig_hit {
    uint32_t q0, n0, n1; /* qualifier, number */
    int64_t value, value_max;
    const char *qual;
    uint32_t v0, v1; /* victims */
    int kind;
    int verb;    /* kind verb before the number, -1 */
    uint32_t kw; /* kind word */
} fig_hit;

static int add_figure(const fig_sentence *s, arena *a, const fig_hit *h, dyad_span cite, fig_vec *out,
                      size_t first) {
    const parse *p = s->p;
    const token *t = p->t;
    dyad_figure f;
    memset(&f, 0, sizeof f);
    f.sentence = s->sidx;
    f.kind = (dyad_figure_kind)h->kind;
    f.number_span = span_of(t, h->n0, h->n1);
    f.number = dup_span(a, s->text, f.number_span);
    f.value = h->value;
    f.value_max = h->value_max;
    f.qualifier = h->qual;
    f.victim_span = span_of(t, h->v0, h->v1);
    f.victim = dup_span(a, s->text, f.victim_span);
    f.victim_code = mention_code(p, h->v0, h->v1);
    if (h->kind == DYAD_FIG_CAPTIVE || h->kind == DYAD_FIG_PRISONER)
        f.released = released_near(t, p->n, h->q0, h->kw);
    uint32_t pa, pb;
    uint32_t after = h->kw > h->n1 ? h->kw + 1 : h->v1 > h->n1 ? h->v1 : h->n1;
    if (perpetrator(p, after, h->verb, &pa, &pb)) {
        f.perpetrator_span = span_of(t, pa, pb);
        f.perpetrator_code = mention_code(p, pa, pb);
    } else
        f.perpetrator_code = "";
    f.perpetrator = dup_span(a, s->text, f.perpetrator_span);
    f.cited_span = cite;
    f.cited = dup_span(a, s->text, cite);
    f.place.lat = f.place.lon = NAN;
    /* the date expression nearest the number, as events take theirs; "since
     * 2011" starts a period the count runs over, so it dates nothing */
    f.date = s->pubdate;
    const date_expr *chosen = NULL;
    uint32_t bestd = UINT32_MAX;
    for (int k = 0; k < s->ndates; k++) {
        const date_expr *d = &s->dates[k];
        if (d->t0 > 0 && tok_eq(&t[d->t0 - 1], "SINCE")) continue;
        uint32_t dist = d->t0 > h->n0 ? d->t0 - h->n0 : h->n0 - (d->t1 - 1);
        if (dist < bestd) {
            bestd = dist;
            f.date = s->datestr[k];
            f.date_span = span_of(t, d->t0, d->t1);
            chosen = d;
        }
    }
    /* a figure of history ("In 1994, 800,000 people were killed"): its date
     * ends more than a year before publication (a year named alone, two
     * years before or more) */
    int32_t pub = date_parse_iso(s->pubdate);
    if (chosen && pub) {
        int32_t end = chosen->precision == DATE_YEAR    ? chosen->date / 10000 * 10000 + 1231
                      : chosen->precision == DATE_MONTH ? date_add_days(chosen->date, 30)
                                                        : chosen->date;
        f.historical = end < date_add_days(pub, -365);
    }
    if (arena_failed(a)) return -1;
    return push(out, &f, first);
}

/* Reads the number (or singular person, or name) at token i into h;
 * returns 0 when there is none. */
static int read_count(const fig_sentence *s, uint32_t i, fig_hit *h) {
    const token *t = s->p->t;
    uint32_t n = s->p->n;
    memset(h, 0, sizeof *h);
    h->verb = -1;
    const token *w = &t[i];
    /* "Man shot, killed": a headline's bare person */
    int bare = w->cap && (i == 0 || clause_end(&t[i - 1])) && person_word(w);
    if ((bare || tok_eq(w, "A") || tok_eq(w, "AN") || tok_eq(w, "THE") || tok_eq(w, "ANOTHER") ||
         tok_eq(w, "HIS") || tok_eq(w, "HER") || tok_eq(w, "THEIR")) &&
        !(i + 1 < n && scale_of(&t[i + 1])) && !(i + 1 < n && tok_eq(&t[i + 1], "DOZEN"))) {
        uint32_t e = i + 1;
        if (bare)
            while (e < n && person_word(&t[e])) e++;
        else
            e = singular_person(t, n, i);
        if (!e && (tok_eq(w, "A") || tok_eq(w, "AN"))) e = someone_was(t, n, i);
        if (!e) return 0;
        h->q0 = h->n0 = i;
        /* "the man", "his sister" have no number of their own */
        h->n1 = tok_eq(w, "A") || tok_eq(w, "AN") || tok_eq(w, "ANOTHER") ? i + 1 : i;
        h->value = h->value_max = 1;
        h->qual = "";
        h->v0 = bare ? i : i + 1;
        h->v1 = e;
        return 1;
    }
    if (!figure_number(t, n, i, &h->value, &h->n1)) return 0;
    if (i > 0 &&
        (tok_eq(&t[i - 1], "NO") || tok_eq(&t[i - 1], "ANY") || tok_eq(&t[i - 1], "EVERY") ||
         tok_eq(&t[i - 1], "THE") || tok_eq(&t[i - 1], "THIS") || tok_eq(&t[i - 1], "THAT")) &&
        tok_eq(w, "ONE"))
        return 0;
    if (not_a_count(s, i, h->n1)) return 0;
    /* "one of two people killed": the two is the count */
    if (h->value == 1 && h->n1 + 1 < n && tok_eq(&t[h->n1], "OF") &&
        (t[h->n1 + 1].kind == TK_NUM || word_value(t[h->n1 + 1].up) > 1))
        return 0;
    h->n0 = i;
    h->value_max = h->value;
    /* ranges: "three to four", "10-15", "between 10 and 20" */
    uint32_t j = h->n1;
    int64_t v2;
    uint32_t e2;
    if (j + 1 < n &&
        (tok_eq(&t[j], "TO") || tok_eq(&t[j], "OR") || t[j].kind == TK_DASH ||
         (tok_eq(&t[j], "AND") && i > 0 && tok_eq(&t[i - 1], "BETWEEN"))) &&
        figure_number(t, n, j + 1, &v2, &e2) && v2 > h->value && !not_a_count(s, j + 1, e2)) {
        h->value_max = v2;
        h->n1 = e2;
    }
    h->qual = qualifier(t, i, &h->q0);
    if (i > 0 && tok_eq(&t[i - 1], "BETWEEN")) h->q0 = i - 1;
    return 1;
}

/* A name ("Jassely Lupoe") of two to four capitalised words starting at i,
 * not the sentence's first word alone; returns the token after it. */
static uint32_t name_at(const token *t, uint32_t n, uint32_t i) {
    if (i > 0 && t[i - 1].kind == TK_WORD && t[i - 1].cap) return 0;
    uint32_t k = i;
    while (k < n && k < i + 4 && t[k].kind == TK_WORD && t[k].cap && t[k].uplen > 1) k++;
    return k - i >= 2 ? k : 0;
}

/* "a fatal shooting", "deadly attack": at least one killed, no number. */
static int fatal_event(const token *t, uint32_t n, uint32_t i) {
    static const char *const EVENTS[] = {"SHOOTING", "SHOOTINGS", "STABBING",  "ATTACK",
                                         "CRASH",    "BLAST",     "EXPLOSION", NULL};
    return i + 1 < n && (tok_eq(&t[i], "FATAL") || tok_eq(&t[i], "DEADLY")) && tok_in(&t[i + 1], EVENTS);
}

/* A named victim at token i ("Caitlin Caskey, 17, was shot and killed"):
 * a figure of one added. Returns the token to go on after (i itself when
 * there is none), -1 when out of memory. */
static int64_t named_victim(const fig_sentence *s, arena *a, uint32_t i, dyad_span cite, fig_vec *out,
                            size_t first) {
    const token *t = s->p->t;
    uint32_t n = s->p->n;
    fig_hit h;
    /* a named victim: "Caitlin Caskey, 17, was shot and killed" */
    uint32_t e = name_at(t, n, i);
    if (!e) return i;
    uint32_t j = e;
    if (j < n && tok_eq(&t[j], ",")) { /* ", 17," or ", a 5-year-old girl," */
        uint32_t c = j + 1;
        while (c < n && c < j + 8 && !tok_eq(&t[c], ",")) c++;
        if (c < n && tok_eq(&t[c], ",")) j = c + 1;
    }
    if (!(j < n && (tok_eq(&t[j], "WAS") || tok_eq(&t[j], "DIED")))) {
        return e - 1;
    }
    int kind;
    int64_t kw = kind_after(t, n, j, &kind);
    if (kw < 0 || kind > DYAD_FIG_INJURED) {
        return e - 1;
    }
    memset(&h, 0, sizeof h);
    h.q0 = h.n0 = h.n1 = i;
    h.value = h.value_max = 1;
    h.qual = "";
    h.v0 = i;
    h.v1 = e;
    h.kind = kind;
    h.verb = -1;
    h.kw = (uint32_t)kw;
    if (add_figure(s, a, &h, cite, out, first) != 0) return -1;
    return kw;
}

/* A count read at token i (h): its kind from the verb before it or the
 * words after it ("killed 12 people", "12 people were killed"), and the
 * figure added. Returns the token to go on after, -1 when out of memory. */
static int64_t counted(const fig_sentence *s, arena *a, uint32_t i, fig_hit *h, dyad_span cite,
                       fig_vec *out, size_t first) {
    const token *t = s->p->t;
    uint32_t n = s->p->n;
    int kind = K_NONE;
    int verb = kind_before(t, h->q0, &kind);
    int64_t kw = -1;
    uint32_t after = h->n1 > h->v1 ? h->n1 : h->v1;
    if (h->v1 > h->n1 || h->n1 == h->n0) after = h->v1;             /* "a man", "the victim" */
    if (h->value == 1 && after + 1 < n && tok_eq(&t[after], ",")) { /* "Man, 29, fatally shot" */
        uint32_t c = after + 1;
        while (c < n && c < after + 8 && !tok_eq(&t[c], ",")) c++;
        if (c + 1 < n && tok_eq(&t[c], ",")) after = c + 1;
    }
    if (tok_eq(&t[after < n ? after : n - 1], "OF") && after + 1 < n &&
        (tok_eq(&t[after + 1], "THEM") || tok_eq(&t[after + 1], "WHOM") ||
         tok_eq(&t[after + 1], "PEOPLE")))
        after += 2; /* "dozens of people", "two of them" */
    else if (after < n && tok_eq(&t[after], "OF"))
        after++;
    if (verb >= 0) {
        h->kw = (uint32_t)verb;
        if (h->v1 <= h->n1) {
            h->v0 = after;
            h->v1 = noun_phrase_end(t, n, after, n);
        }
        /* "released 109 captives": the noun says what they are */
        int k2;
        int64_t kn = kind_after(t, n, after, &k2);
        if (kind == K_SHOT) kind = DYAD_FIG_INJURED;
        if (kn >= 0 && kn <= (int64_t)h->v1 && k2 != kind) {
            kind = k2;
            verb = -1;
        }
    } else {
        kw = kind_after(t, n, after, &kind);
        if (kw < 0) {
            return h->n1 > i ? h->n1 - 1 : i;
        }
        h->kw = (uint32_t)kw;
        if (h->v1 <= h->n1) {
            h->v0 = after;
            h->v1 = noun_phrase_end(t, n, after, (uint32_t)kw);
        }
    }
    h->kind = kind;
    h->verb = verb;
    if (add_figure(s, a, h, cite, out, first) != 0) return -1;
    return h->n1 > i ? h->n1 - 1 : i;
}

int figure_sentence(const fig_sentence *s, arena *a, fig_vec *out) {
    const parse *p = s->p;
    const token *t = p->t;
    uint32_t n = p->n;
    int any = 0;
    for (uint32_t k = 0; k < n && !any; k++)
        any = figure_maybe_word(t[k].up, t[k].uplen) &&
              (kind_of(&t[k]) != NULL || tok_in(&t[k], TRIGGERS));
    if (!any) return 0;
    dyad_span cite = cited(t, n);
    size_t first = out->n;
    for (uint32_t i = 0; i < n; i++) {
        fig_hit h;
        if (fatal_event(t, n, i)) {
            memset(&h, 0, sizeof h);
            h.q0 = h.n0 = h.n1 = h.v0 = h.v1 = i;
            h.value = h.value_max = 1;
            h.qual = "at least";
            h.kind = DYAD_FIG_KILLED;
            h.verb = -1;
            h.kw = i + 1;
            if (add_figure(s, a, &h, cite, out, first) != 0) return -1;
            i++;
            continue;
        }
        if (!read_count(s, i, &h)) {
            int64_t next = named_victim(s, a, i, cite, out, first);
            if (next < 0) return -1;
            i = (uint32_t)next;
            continue;
        }
        int64_t next = counted(s, a, i, &h, cite, out, first);
        if (next < 0) return -1;
        i = (uint32_t)next;
    }
    return 0;
}

const char *dyad_figure_kind_name(dyad_figure_kind k) {
    static const char *const NAMES[DYAD_FIG_NKINDS] = {"killed", "injured", "captive", "prisoner",
                                                       "displaced"};
    return k >= 0 && k < DYAD_FIG_NKINDS ? NAMES[k] : "";
}
