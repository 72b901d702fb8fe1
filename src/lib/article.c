/* article.c -- the country an article is about. Each sentence's actors
 * with a country and its places count for their country, the first
 * sentence (the dateline and the lead) double; the article is about a
 * country when it leads clearly: at least three mentions and twice as
 * many as the next. Roles that name no country in its events take it
 * (coder.c), with a confidence that says so. Before that, a role alone
 * takes the country of the one actor of its role the last sentences named
 * ("the Houthis ... The rebels said": YEMREB). */
#include <string.h>

#include "article.h"

/* Three-letter prefixes of actor codes that name no country: bodies,
 * and CAMEO's regions ("the troubled Caribbean nation" is no third
 * country of "the two countries"). */
#define K3(s) ((uint32_t)(s)[0] << 16 | (uint32_t)(s)[1] << 8 | (uint32_t)(s)[2])

static int country_code(const char *cc) {
    static const char not_country[][4] = {"IGO", "NGO", "MNC", "IMG", "UIS", "INT", "AFR", "ASA",
                                          "BLK", "CAS", "CAU", "CFR", "CRB", "EAF", "EEU", "EIN",
                                          "EUR", "LAM", "MEA", "MDT", "NAF", "NMR", "PGS", "SAF",
                                          "SAM", "SAS", "SCN", "SEA", "WAF", "WST"};
    for (int k = 0; k < 3; k++)
        if (cc[k] < 'A' || cc[k] > 'Z') return 0; /* also "---" */
    uint32_t key = K3(cc);
    for (size_t k = 0; k < sizeof not_country / sizeof not_country[0]; k++)
        if (K3(not_country[k]) == key) return 0;
    return 1;
}

int article_is_country(const char *code) { return code && strlen(code) >= 3 && country_code(code); }

int article_add_country(char (*cc)[4], uint32_t *n, uint32_t max, const char *code) {
    if (!article_is_country(code)) return 0;
    for (uint32_t b = 0; b < *n; b++)
        if (!strncmp(cc[b], code, 3)) return 0;
    if (*n == max) return -1;
    memcpy(cc[*n], code, 3);
    cc[(*n)++][3] = '\0';
    return 0;
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

int article_pair(const article_countries *a, int (*skip)(const char *cc, const void *arg),
                 const void *arg, uint32_t pair[2]) {
    int32_t top[3] = {-1, -1, -1};
    for (uint32_t i = 0; i < a->k; i++) {
        if (skip && skip(a->cc[i], arg)) continue;
        for (int r = 0; r < 3; r++)
            if (top[r] < 0 || a->n[i] > a->n[top[r]]) {
                for (int q = 2; q > r; q--) top[q] = top[q - 1];
                top[r] = (int32_t)i;
                break;
            }
    }
    if (top[1] < 0 || a->n[top[1]] < 2 || (top[2] >= 0 && a->n[top[2]] >= a->n[top[1]])) return -1;
    pair[0] = (uint32_t)top[0];
    pair[1] = (uint32_t)top[1];
    return 0;
}

/* The role of actor code ("REB" of "YEMREBHTI") into out; 0 when it
 * names no country or no role. */
static int role_of(const char *code, char out[4]) {
    if (!code || strlen(code) < 6) return 0;
    for (int k = 3; k < 6; k++)
        if (code[k] < 'A' || code[k] > 'Z') return 0;
    memcpy(out, code + 3, 3);
    out[3] = '\0';
    return 1;
}

void article_role_seen(article_roles *r, const char *code, uint32_t si) {
    char role[4];
    if (!role_of(code, role) || !country_code(code)) return;
    uint32_t k = 0;
    while (k < r->n && (strcmp(r->v[k].role, role) != 0 || strncmp(r->v[k].cc, code, 3) != 0)) k++;
    if (k == r->n) {
        if (r->n == ARTICLE_MAX_ROLES) { /* forget the oldest */
            uint32_t old = 0;
            for (uint32_t i = 1; i < r->n; i++)
                if (r->v[i].si < r->v[old].si) old = i;
            k = old;
        } else {
            r->n++;
        }
        memcpy(r->v[k].role, role, 4);
        memcpy(r->v[k].cc, code, 3);
        r->v[k].cc[3] = '\0';
    }
    r->v[k].si = si;
}

const char *article_role_country(const article_roles *r, const char *role_code, uint32_t si,
                                 const char *cc) {
    char role[4];
    if (!role_of(role_code, role)) return NULL;
    const char *found = cc;
    for (uint32_t k = 0; k < r->n; k++) {
        const role_antecedent *a = &r->v[k];
        if (strcmp(a->role, role) != 0 || a->si >= si || a->si + ROLE_WINDOW < si) continue;
        if (found && strncmp(found, a->cc, 3) != 0) return NULL;
        found = a->cc;
    }
    return found;
}
