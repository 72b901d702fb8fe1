/* pattern.c -- matches one verb pattern ("- + KNOWN_ * IN_ $ [076]")
 * against a sentence around its verb. Elements after the verb are matched
 * forward, those before it backward; between elements any number of tokens
 * may be skipped unless '_' joined them; the search backtracks, so an early
 * false start does not hide a later match. '$', '+' and '%' match an actor
 * mention and report which one. */
#include <string.h>

#include "parse.h"

#define SYNSET_DEPTH 4 /* nested synsets followed at most this deep */

/* Pattern words match whole words: a verb's inflections are expanded when
 * its dictionary is read. */
static int word_match(const parse *p, const pat_elem *e, uint32_t i) {
    return p->t[i].id == e->id && e->id != LEX_NONE;
}

static uint32_t syn_fwd(const parse *p, uint32_t syn, uint32_t pos, int depth);

/* Length of the match of a word or synset element at pos, 0 if none. */
static uint32_t lit_fwd(const parse *p, const pat_elem *e, uint32_t pos, int depth) {
    if (pos >= p->n) return 0;
    if (e->kind == PE_WORD) return word_match(p, e, pos) ? 1 : 0;
    if (e->kind == PE_SYNSET) return syn_fwd(p, e->id, pos, depth + 1);
    return 0;
}

/* Length of the match of phrase k of synset s at pos, 0 if none. */
static uint32_t phrase_fwd(const parse *p, const synset *s, uint32_t k, uint32_t pos, int depth) {
    uint32_t at = pos;
    for (uint16_t w = 0; w < s->lens[k]; w++) {
        uint32_t l = lit_fwd(p, &s->phrases[k][w], at, depth);
        if (!l) return 0;
        at += l;
    }
    return at - pos;
}

/* Longest phrase of a synset matching at pos. */
static uint32_t syn_fwd(const parse *p, uint32_t syn, uint32_t pos, int depth) {
    if (depth > SYNSET_DEPTH || syn >= p->d->synsets.n || pos >= p->n) return 0;
    /* each (synset, position) is worked out once per sentence */
    int16_t *memo = p->synmemo ? &p->synmemo[(size_t)syn * p->n + pos] : NULL;
    if (memo && *memo >= 0) return (uint32_t)*memo;
    if (memo) *memo = 0; /* a synset that contains itself matches nothing more */
    const synset *s = &p->d->synsets.v[syn];
    uint32_t best = 0, l;
    if (!s->first) { /* not indexed: every phrase */
        for (uint32_t k = 0; k < s->nphrases; k++)
            if ((l = phrase_fwd(p, s, k, pos, depth)) > best) best = l;
    } else {
        for (uint32_t k = 0; k < s->nalways; k++)
            if ((l = phrase_fwd(p, s, k, pos, depth)) > best) best = l;
        uint32_t id = p->t[pos].id;
        if (id != LEX_NONE) { /* the phrases whose first word is this token */
            uint32_t lo = s->nalways, hi = s->nphrases;
            while (lo < hi) {
                uint32_t mid = lo + (hi - lo) / 2;
                if (s->first[mid] < id)
                    lo = mid + 1;
                else
                    hi = mid;
            }
            for (uint32_t k = lo; k < s->nphrases && s->first[k] == id; k++)
                if ((l = phrase_fwd(p, s, k, pos, depth)) > best) best = l;
        }
    }
    if (memo) *memo = (int16_t)(best < INT16_MAX ? best : INT16_MAX);
    return best;
}

/* Mention starting exactly at pos, or -1. */
static int32_t mention_at(const parse *p, uint32_t pos) {
    if (pos >= p->n) return -1;
    int32_t m = p->men_at[pos];
    return (m >= 0 && p->men[m].t0 == pos) ? m : -1;
}

/* Mention ending exactly at end (exclusive), or -1. */
static int32_t mention_ending(const parse *p, uint32_t end) {
    if (end == 0) return -1;
    int32_t m = p->men_at[end - 1];
    return (m >= 0 && p->men[m].t1 == end) ? m : -1;
}

/* Records mention m as what actor element e stands for ('$' the source,
 * '+' the target, '%' a compound, whose group must hold two or more;
 * after: the compound follows the verb). 0 when m cannot be it. */
static int take_actor(const parse *p, const pat_elem *e, int32_t m, pat_result *r, int after) {
    if (m < 0 || (e->kind == PE_COMPOUND && group_size(p, p->men[m].group) < 2)) return 0;
    if (e->kind == PE_SOURCE)
        r->source = m;
    else if (e->kind == PE_TARGET)
        r->target = m;
    else {
        r->compound = m;
        if (after) r->compound_after = 1;
    }
    return 1;
}

/* Matches element e so that it starts at pos (fwd) and returns its length,
 * recording actor slots in r. */
static uint32_t elem_fwd(const parse *p, const pat_elem *e, uint32_t pos, pat_result *r) {
    int32_t m;
    switch (e->kind) {
    case PE_WORD:
    case PE_SYNSET: return lit_fwd(p, e, pos, 0);
    case PE_SKIP: { /* a noun phrase: determiners, then a mention or a word */
        uint32_t k = pos;
        while (k + 1 < p->n &&
               (!strcmp(p->t[k].up, "THE") || !strcmp(p->t[k].up, "A") || !strcmp(p->t[k].up, "AN") ||
                !strcmp(p->t[k].up, "THEIR") || !strcmp(p->t[k].up, "ITS") ||
                !strcmp(p->t[k].up, "HIS") || !strcmp(p->t[k].up, "HER") || !strcmp(p->t[k].up, "OUR")))
            k++;
        if (k >= p->n) return 0;
        m = mention_at(p, k);
        return (m >= 0 ? p->men[m].t1 : k + 1) - pos;
    }
    case PE_SOURCE:
    case PE_TARGET:
    case PE_COMPOUND: m = mention_at(p, pos); return take_actor(p, e, m, r, 1) ? p->men[m].t1 - pos : 0;
    }
    return 0;
}

/* Matches element e so that it ends at end; returns its length. */
static uint32_t elem_bwd(const parse *p, const pat_elem *e, uint32_t end, pat_result *r) {
    int32_t m;
    if (end == 0) return 0;
    switch (e->kind) {
    case PE_WORD: return word_match(p, e, end - 1) ? 1 : 0;
    case PE_SYNSET:
        for (uint32_t s = end; s-- > 0 && end - s <= 8;)
            if (syn_fwd(p, e->id, s, 0) == end - s) return end - s;
        return 0;
    case PE_SKIP: return 1;
    case PE_SOURCE:
    case PE_TARGET:
    case PE_COMPOUND:
        m = mention_ending(p, end);
        return take_actor(p, e, m, r, 0) ? end - p->men[m].t0 : 0;
    }
    return 0;
}

static int post_from(const parse *p, const pattern *pt, uint16_t k, uint32_t pos, uint32_t lim,
                     pat_result *r) {
    if (k == pt->npost) {
        r->end = pos;
        return 1;
    }
    const pat_elem *e = &pt->post[k];
    int adjacent = e->adjacent || (k == 0 && pt->verb_adjacent_post);
    for (uint32_t s = pos; s < lim; s++) {
        if (adjacent && s != pos) break;
        pat_result save = *r;
        uint32_t len = elem_fwd(p, e, s, r);
        if (len && post_from(p, pt, (uint16_t)(k + 1), s + len, lim, r)) return 1;
        *r = save;
    }
    return 0;
}

/* k counts elements still to match, from the verb outwards (pre[k-1]). */
static int pre_from(const parse *p, const pattern *pt, uint16_t k, uint32_t end, pat_result *r) {
    if (k == 0) {
        r->start = end;
        return 1;
    }
    const pat_elem *e = &pt->pre[k - 1];
    int adjacent = e->adjacent || (k == pt->npre && pt->verb_adjacent_pre);
    for (uint32_t x = end; x > 0; x--) {
        if (adjacent && x != end) break;
        pat_result save = *r;
        uint32_t len = elem_bwd(p, e, x, r);
        if (len && len <= x && pre_from(p, pt, (uint16_t)(k - 1), x - len, r)) return 1;
        *r = save;
    }
    return 0;
}

/* Whether every literal word of the pattern occurs in the sentence: a cheap
 * test that rules out most patterns before any search. */
static int words_present(const parse *p, const pat_elem *e, uint16_t n) {
    for (uint16_t k = 0; k < n; k++) {
        if (e[k].kind != PE_WORD) continue;
        if (!word_maybe_present(p, e[k].id)) return 0;
        uint32_t i = 0;
        while (i < p->n && p->t[i].id != e[k].id) i++;
        if (i == p->n) return 0;
    }
    return 1;
}

int pattern_match(const parse *p, const pattern *pt, uint32_t v0, uint32_t v1, uint32_t lim,
                  pat_result *res) {
    if (!words_present(p, pt->post, pt->npost) || !words_present(p, pt->pre, pt->npre)) return 0;
    pat_result r = {-1, -1, -1, 0, v1, v0};
    if (!pre_from(p, pt, pt->npre, v0, &r)) return 0;
    if (!post_from(p, pt, 0, v1, lim, &r)) return 0;
    *res = r;
    return 1;
}
