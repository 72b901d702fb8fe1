/* article.c -- the country an article is about. Each sentence's actors
 * with a country and its places count for their country, the first
 * sentence (the dateline and the lead) double; the article is about a
 * country when it leads clearly: at least three mentions and twice as
 * many as the next. Roles that name no country in its events take it
 * (coder.c), with a confidence that says so. */
#include <string.h>

#include "article.h"

/* Three-letter prefixes of actor codes that name no country. */
static int country_code(const char *cc) {
    static const char *const not_country[] = {"IGO", "NGO", "MNC", "IMG", "UIS", "INT", "---",
                                              NULL};
    for (int k = 0; k < 3; k++)
        if (cc[k] < 'A' || cc[k] > 'Z') return 0;
    for (int k = 0; not_country[k]; k++)
        if (!strncmp(cc, not_country[k], 3)) return 0;
    return 1;
}

void article_count(article_countries *a, const char *cc, uint32_t w) {
    if (!cc || strlen(cc) < 3 || !country_code(cc)) return;
    for (uint32_t i = 0; i < a->k; i++)
        if (!strncmp(a->cc[i], cc, 3)) {
            a->n[i] += w;
            return;
        }
    if (a->k == ARTICLE_MAX_COUNTRIES) return;
    memcpy(a->cc[a->k], cc, 3);
    a->cc[a->k][3] = '\0';
    a->n[a->k++] = w;
}

const char *article_country(const article_countries *a) {
    uint32_t best = 0, second = 0;
    int at = -1;
    for (uint32_t i = 0; i < a->k; i++) {
        if (a->n[i] > best) {
            second = best;
            best = a->n[i];
            at = (int)i;
        } else if (a->n[i] > second) {
            second = a->n[i];
        }
    }
    return at >= 0 && best >= 3 && best >= 2 * second ? a->cc[at] : NULL;
}
