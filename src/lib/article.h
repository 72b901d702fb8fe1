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

/* Counts w mentions of the country that actor code or ISO alpha-3 cc
 * begins with; organisations ("IGO...", "NGO...") and roles alone
 * ("---GOV") count for none. */
void article_count(article_countries *a, const char *cc, uint32_t w);

/* The article's country: the most counted, when it has at least three
 * mentions and twice as many as any other; NULL when there is none. */
const char *article_country(const article_countries *a);

#endif
