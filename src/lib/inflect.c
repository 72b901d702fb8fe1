/* inflect.c -- regular English inflection of dictionary words plus the
 * irregular forms of WordNet's exception lists (see inflect.h). */
#include <string.h>

#include "inflect.h"

static void add(inflect_forms *f, const char *w) {
    if (!w[0] || strlen(w) >= INFLECT_WORD || f->n >= INFLECT_MAX) return;
    for (int i = 0; i < f->n; i++)
        if (!strcmp(f->w[i], w)) return;
    strcpy(f->w[f->n++], w);
}

static int vowel(char c) { return c == 'A' || c == 'E' || c == 'I' || c == 'O' || c == 'U'; }
static int alpha(char c) { return c >= 'A' && c <= 'Z'; }

/* Short consonant-vowel-consonant words double their last letter:
 * STOP -> STOPPED, BAN -> BANNING. Longer ones come from WordNet. */
static int doubles(const char *b, size_t n) {
    if (n < 3 || n > 4) return 0;
    char l = b[n - 1], v = b[n - 2], c = b[n - 3];
    if (!alpha(l) || vowel(l) || l == 'W' || l == 'X' || l == 'Y') return 0;
    if (!vowel(v) || vowel(c) || !alpha(c)) return 0;
    return n == 3 || !vowel(b[0]);
}

static void suffix(char *out, const char *b, size_t keep, const char *suf) {
    size_t sl = strlen(suf);
    if (keep + sl >= INFLECT_WORD) {
        out[0] = '\0';
        return;
    }
    memcpy(out, b, keep);
    memcpy(out + keep, suf, sl + 1);
}

static int sibilant(const char *b, size_t n) {
    char l = b[n - 1];
    return l == 'S' || l == 'X' || l == 'Z' || l == 'O' ||
           (n >= 2 && (b[n - 2] == 'C' || b[n - 2] == 'S') && l == 'H');
}

/* The irregular forms of base; t is sorted by base. */
static void irregular(const irregular_pair *t, size_t n, const char *base, inflect_forms *f) {
    size_t lo = 0, hi = n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (strcmp(t[mid].base, base) < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    for (; lo < n && !strcmp(t[lo].base, base); lo++) add(f, t[lo].form);
}

void inflect_verb(const char *base, inflect_forms *f) {
    f->n = 0;
    size_t n = strlen(base);
    if (n == 0 || n >= INFLECT_WORD - 4) {
        add(f, base);
        return;
    }
    char w[INFLECT_WORD];
    add(f, base);
    int cy = n >= 2 && base[n - 1] == 'Y' && !vowel(base[n - 2]);
    /* third person */
    if (cy)
        suffix(w, base, n - 1, "IES");
    else if (sibilant(base, n))
        suffix(w, base, n, "ES");
    else
        suffix(w, base, n, "S");
    add(f, w);
    /* past */
    int dbl = doubles(base, n);
    if (base[n - 1] == 'E')
        suffix(w, base, n, "D");
    else if (cy)
        suffix(w, base, n - 1, "IED");
    else if (dbl) {
        char d[2] = {base[n - 1], 0};
        suffix(w, base, n, d);
        strcat(w, "ED");
    } else
        suffix(w, base, n, "ED");
    add(f, w);
    /* present participle */
    if (n >= 2 && base[n - 1] == 'E' && base[n - 2] == 'I') {
        suffix(w, base, n - 2, "YING");
    } else if (base[n - 1] == 'E' && n >= 3 && base[n - 2] != 'E' && base[n - 2] != 'Y' &&
               base[n - 2] != 'O') {
        suffix(w, base, n - 1, "ING");
    } else if (dbl) {
        char d[2] = {base[n - 1], 0};
        suffix(w, base, n, d);
        strcat(w, "ING");
    } else
        suffix(w, base, n, "ING");
    add(f, w);
    irregular(irregular_verbs, irregular_verbs_n, base, f);
}

void inflect_noun(const char *base, inflect_forms *f) {
    f->n = 0;
    size_t n = strlen(base);
    add(f, base);
    if (n == 0 || n >= INFLECT_WORD - 3) return;
    char w[INFLECT_WORD];
    size_t before = (size_t)f->n;
    irregular(irregular_nouns, irregular_nouns_n, base, f);
    if ((size_t)f->n > before) return; /* an irregular plural replaces the regular one */
    if (n >= 3 && !strcmp(base + n - 3, "MAN"))
        suffix(w, base, n - 3, "MEN");
    else if (n >= 2 && base[n - 1] == 'Y' && !vowel(base[n - 2]))
        suffix(w, base, n - 1, "IES");
    else if (sibilant(base, n) && base[n - 1] != 'O')
        suffix(w, base, n, "ES");
    else
        suffix(w, base, n, "S");
    add(f, w);
}

const char *inflect_irregular_base(const char *w) {
    size_t lo = 0, hi = irregular_verb_forms_n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        int c = strcmp(irregular_verb_forms[mid].form, w);
        if (!c) return irregular_verb_forms[mid].base;
        if (c < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    return NULL;
}
