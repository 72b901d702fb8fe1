/* parse.h -- the shallow parse of one sentence: dictionary matches at each
 * token, the actor mentions built from them (actor + agent roles, compound
 * groups), and the verb candidates. Shared by mention.c (building the
 * mentions), pattern.c (matching verb patterns) and coder.c (events). All
 * memory comes from the document's arena. */
#ifndef DYAD_PARSE_H
#define DYAD_PARSE_H

#include <stdint.h>

#include "arena.h"
#include "dict.h"
#include "text.h"

typedef struct pmatch {
    int32_t entry; /* index into the dictionary's entries, -1 when none */
    uint16_t len;  /* tokens covered */
} pmatch;

/* An actor mention: tokens [t0, t1) of the sentence with one composed code
 * ("GONGOV"). Mentions joined by "and", "or" or commas share a group. */
typedef struct mention {
    uint32_t t0, t1;
    const char *code;
    uint32_t group;
    uint8_t alias; /* a short name for someone named in full before ("Ahmed") */
} mention;

/* The short names of the people an article has named in full ("Ahmed"
 * after "Prime Minister Abiy Ahmed"), with their codes; a name given to
 * two codes is no alias. Kept by coder.c, read by mention.c. */
#define MAX_ALIASES 64
typedef struct name_alias {
    const char *up; /* the upper-case name */
    const char *code;
    uint8_t clash;
} name_alias;

typedef struct name_aliases {
    name_alias v[MAX_ALIASES];
    uint32_t n;
    const char *he;       /* who "He" or "She" opening a sentence stands for: the
                             person the last sentence with one had as subject */
    const char *it;       /* who "It said" opening a sentence stands for: the
                             body (country, organisation, institution) the
                             last sentence had as its first verb's subject */
    const char *group;    /* what "the group", "the movement" stand for: the one
                             armed group, party or gang the last sentences named */
    const char *org;      /* what "the organisation" stands for: the one IGO or
                             NGO the last sentences named */
    char countries[4][4]; /* the countries the last sentences named, for "the
                             two countries" ("KEN", "HTI") */
    uint32_t ncountries;  /* 0: none, or more than four */
    char pair[2][4];      /* the two countries the article is between so far
                             (article_pair), for "the parties" */
    uint32_t npair;       /* 2, or 0 when it is between no two */
} name_aliases;

#define PRESENT_BITS 1024
#define PRESENT_WORDS (PRESENT_BITS / 64)

typedef struct parse {
    const dicts *d;
    arena *a;
    const token *t;              /* the sentence's tokens */
    const name_aliases *aliases; /* the article's short names, NULL for none */
    uint32_t n;
    int32_t date;    /* YYYYMMDD of the article, 0 when unknown */
    pmatch *act;     /* longest actor match starting at each token */
    pmatch *agt;     /* longest agent match */
    pmatch *vrb;     /* longest verb-form match */
    int32_t *men_at; /* token -> index of the mention covering it, -1 */
    mention *men;
    uint32_t nmen;
    size_t capmen;
    uint32_t ngroups;
    int16_t *synmemo;                /* [synset * n + token]: match length, -1 not yet known */
    uint64_t present[PRESENT_WORDS]; /* bit (id % PRESENT_BITS) set for each token's word id */
} parse;

/* Whether a token of the sentence may have word id: no false negatives. */
static inline int word_maybe_present(const parse *p, uint32_t id) {
    return (p->present[(id % PRESENT_BITS) / 64] >> (id % 64)) & 1;
}

/* Fills act/agt/vrb and builds the mentions. The arrays of one entry per
 * token (act, agt, vrb, men_at, synmemo) come from tmp, which the caller
 * may reset once the sentence is done; what may outlive it (mentions,
 * their codes) from a. Returns 0, -1 when out of memory. */
int parse_sentence(parse *p, const dicts *d, arena *a, arena *tmp, const token *t, uint32_t n,
                   int32_t date, const name_aliases *aliases);

/* How many mentions group g has. */
uint32_t group_size(const parse *p, uint32_t g);

/* Matches pattern elements; see pattern.c. The result says where the
 * source/target elements ('$', '+', '%') landed (mention index or -1) and
 * the last token the pattern covered after the verb. */
typedef struct pat_result {
    int32_t source, target, compound;
    int compound_after; /* the '%' element came after the verb */
    uint32_t end;       /* one past the last token matched after the verb */
    uint32_t start;     /* first token matched before the verb */
} pat_result;

/* Tries pattern pt around a verb occupying tokens [v0, v1); elements after
 * the verb start before token lim (the end of the verb's clause). */
int pattern_match(const parse *p, const pattern *pt, uint32_t v0, uint32_t v1, uint32_t lim,
                  pat_result *res);

#endif
