/* article.h -- the country an article is about, from the countries of the
 * actors and places it names; it completes roles that name no country
 * ("police", "the army", "protesters") in the article's events. See
 * article.c. Internal. */
#ifndef DYAD_ARTICLE_H
#define DYAD_ARTICLE_H

#include <stdint.h>

#define ARTICLE_MAX_COUNTRIES 48

typedef struct article_countries {
    char cc[ARTICLE_MAX_COUNTRIES][4];
    uint32_t n[ARTICLE_MAX_COUNTRIES];
    uint32_t k; /* countries counted */
} article_countries;

/* The actors of recent sentences by role, for a role alone to take the
 * country of the one actor of that role named just before ("the Houthis
 * ... The rebels": YEMREB). */
#define ARTICLE_MAX_ROLES 64

typedef struct role_antecedent {
    char role[4]; /* "REB", "MIL", "GOV"... */
    char cc[4];
    uint32_t si; /* the last sentence that named it */
} role_antecedent;

typedef struct article_roles {
    role_antecedent v[ARTICLE_MAX_ROLES];
    uint32_t n;
} article_roles;

/* How many sentences back an antecedent of a role is looked for. */
#define ROLE_WINDOW 2

/* Records that sentence si named actor code ("YEMREBHTI": a rebel of
 * YEM); codes with no country or no role are not recorded. */
void article_role_seen(article_roles *r, const char *code, uint32_t si);

/* The one country whose actors of the role of role_code ("---REB") were
 * named in the ROLE_WINDOW sentences before si, also counting cc (a
 * country named earlier in sentence si, NULL for none); NULL when there
 * is none or more than one. */
const char *article_role_country(const article_roles *r, const char *role_code, uint32_t si,
                                 const char *cc);

/* Counts w mentions of the country that actor code or ISO alpha-3 cc
 * begins with; organisations ("IGO...", "NGO...") and roles alone
 * ("---GOV") count for none. */
void article_count(article_countries *a, const char *cc, uint32_t w);

/* Whether actor code begins with a country's three letters (not "IGO",
 * "NGO", "---"...). */
int article_is_country(const char *code);

/* Adds the country actor code begins with to the n countries of list cc
 * unless it is there already; returns 0, or -1 when it is new and the
 * list holds max. Codes that name no country are not added. */
int article_add_country(char (*cc)[4], uint32_t *n, uint32_t max, const char *code);

/* The article's country: the most counted, when it has at least three
 * mentions and twice as many as any other; NULL when there is none. */
const char *article_country(const article_countries *a);

/* The two countries the article is between: the two most counted other
 * than those skip says (NULL: none skipped; arg is passed on), each
 * counted at least twice and the second ahead of any third. Fills pair
 * with indices into a->cc; returns 0, or -1 when there are no such two. */
int article_pair(const article_countries *a, int (*skip)(const char *cc, const void *arg),
                 const void *arg, uint32_t pair[2]);

#endif
