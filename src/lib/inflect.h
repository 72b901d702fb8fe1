/* inflect.h -- English inflection for dictionary words: a verb's -s, -ed,
 * -ing forms and a noun's plural, by the regular rules plus the irregular
 * forms of WordNet's exception lists (a table generated at build time into
 * irregular.c). Works on upper-case ASCII words. */
#ifndef DYAD_INFLECT_H
#define DYAD_INFLECT_H

#include <stddef.h>

#define INFLECT_MAX 16  /* forms one call may return */
#define INFLECT_WORD 64 /* longest word inflected (bytes, with NUL) */

typedef struct inflect_forms {
    char w[INFLECT_MAX][INFLECT_WORD];
    int n;
} inflect_forms;

/* Fills f with the forms of verb base (the base itself first, then third
 * person, past, past participle, present participle, irregular forms;
 * no duplicates). */
void inflect_verb(const char *base, inflect_forms *f);
/* Fills f with base and its plural(s). */
void inflect_noun(const char *base, inflect_forms *f);

/* Generated from WordNet (build/gen/irregular.c): pairs of an irregular
 * form and its base, upper case, sorted by base. */
typedef struct irregular_pair {
    const char *form, *base;
} irregular_pair;
extern const irregular_pair irregular_verbs[];
extern const size_t irregular_verbs_n;
extern const irregular_pair irregular_nouns[];
extern const size_t irregular_nouns_n;
/* The verbs again, sorted by form. */
extern const irregular_pair irregular_verb_forms[];
extern const size_t irregular_verb_forms_n;

/* The base of irregular verb form w ("STRUCK": "STRIKE"), NULL when
 * WordNet lists none. */
const char *inflect_irregular_base(const char *w);

#endif
