/* coder.c -- the clause coder: codes events from the shallow parse of a
 * sentence (coder_clauses): finds the main verbs (not nouns, participles or
 * complements), their auxiliary chains (negation, passive voice), the
 * subject and object actors, tries the verb's patterns and emits
 * source-target-code events, one per pair of coordinated actors; and the
 * nouns that name events ("the Israeli bombardment of Gaza"). The article
 * around the sentences is doc.c's. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "coder.h"
#include "inflect.h"
#include "status.h"

/* What weakens an event's evidence (dyad_event.confidence). */
enum {
    EV_PATTERN = 1,   /* a pattern of the verb's entry matched */
    EV_NOMINAL = 2,   /* read from a noun */
    EV_PLACE = 4,     /* the target is a place named after "in", "near"... */
    EV_JOINT = 8,     /* paired from a joint subject */
    EV_REPORTED = 16, /* inside a quotation or a clause reported by a verb of saying */
    EV_ABOUT = 32,    /* a statement's target read from what it says */
    EV_IF = 64,       /* a condition or its consequence: "if X attacks", "would ... if" */
    EV_HABIT = 128,   /* force in the simple present: "they target ships" */
    EV_PARTIES = 256, /* a mediator's parties from the article's leading countries */
    EV_IMPLIED = 512, /* a source the event implies: an arrest's police */
};

static const char *const AUX[] = {
    "WILL",  "WOULD",   "SHALL", "SHOULD", "CAN",  "CA",       "COULD",      "MAY",   "MIGHT",
    "MUST",  "DO",      "DOES",  "DID",    "HAS",  "HAVE",     "HAD",        "WO",    "ALSO",
    "AGAIN", "ALREADY", "STILL", "JUST",   "NOW",  "RECENTLY", "REPORTEDLY", "EVEN",  "EVER",
    "FIRST", "THEN",    "SOON",  "LATER",  "ONCE", "TRY",      "TRIED",      "TRIES", NULL};
static const char *const BE[] = {"IS",    "ARE", "WAS", "WERE", "BE",   "BEEN",
                                 "BEING", "AM",  "GET", "GOT",  "GETS", NULL};
static const char *const NEG[] = {"NOT", "N'T", "NEVER", NULL};
static const char *const FUTURE_TO[] = {"ABOUT",  "GOING",    "SET",  "DUE",   "EXPECTED", "SCHEDULED",
                                        "LIKELY", "UNLIKELY", "ABLE", "READY", "PREPARED", NULL};
/* words before "to" that make the verb after it an intention */
static const char *const INTENT_TO[] = {
    "WILLING",   "READY",       "PREPARED",   "PLANS",    "PLAN",    "PLANNED",   "PLANNING", "INTENDS",
    "INTEND",    "INTENDED",    "PLEDGED",    "PROMISED", "VOWED",   "OFFERED",   "OFFERS",   "WANTS",
    "WANT",      "DETERMINED",  "PROMISES",   "PLEDGES",  "VOWS",    "INTENTION", "INTENT",   "DECISION",
    "READINESS", "WILLINGNESS", "COMMITMENT", "PLEDGE",   "PROMISE", "OFFER",     "BID",      NULL};
static const char *const FUTURE[] = {"WILL", "WOULD", "'LL", "CAN", "CA", "COULD", NULL};
static const char *const FUNCTION_WORD[] = {"AND",  "OR",    "BUT", "TO",   "OF",   "IN",
                                            "ON",   "AT",    "FOR", "WITH", "FROM", "BY",
                                            "THAT", "WHICH", "WHO", "AS",   NULL};
static const char *const POSSESSIVE[] = {"HIS", "HER", "ITS", "THEIR", "OUR", "MY", "YOUR", NULL};
static const char *const DET[] = {"THE", "A",   "AN",   "ITS",     "THEIR", "HIS",  "HER",
                                  "OUR", "MY",  "YOUR", "THESE",   "THOSE", "EACH", "EVERY",
                                  "NO",  "ANY", "SOME", "ANOTHER", "THIS",  NULL};
static const char *const PREP[] = {"OF",      "IN",      "ON",      "AT",      "FOR",    "WITH",
                                   "FROM",    "BY",      "ABOUT",   "DURING",  "AFTER",  "BEFORE",
                                   "AGAINST", "AMID",    "AMONG",   "BETWEEN", "OVER",   "UNDER",
                                   "INTO",    "THROUGH", "WITHOUT", "WITHIN",  "TOWARD", "TOWARDS",
                                   "UPON",    "VIA",     "DESPITE", NULL};
/* words that begin or join clauses */
static const char *const CLAUSE_WORD[] = {
    "AND",   "OR",   "BUT",   "NOR", "SO",      "YET",      "THAT",   "WHICH",  "WHO", "WHOM", "WHOSE",
    "WHERE", "WHEN", "WHILE", "IF",  "BECAUSE", "ALTHOUGH", "THOUGH", "UNLESS", "AS",  "THAN", NULL};
/* ordinals, adjectives after a determiner */
static const char *const ORDINAL[] = {"FIRST", "SECOND", "THIRD",  "FOURTH", "FIFTH",
                                      "LAST",  "NEXT",   "LATEST", "FINAL",  NULL};
/* personal pronouns that can be a subject */
static const char *const PRONOUN[] = {"I", "WE", "YOU", "HE", "SHE", "IT", "THEY", NULL};
/* -ING words that are prepositions or nouns more than participles */
static const char *const NOT_PARTICIPLE[] = {
    "INCLUDING",  "FOLLOWING", "ACCORDING", "REGARDING", "CONCERNING", "DURING",  "NOTHING",
    "EVERYTHING", "BUILDING",  "MEETING",   "FUNDING",   "BRIEFING",   "HEARING", "BOMBING",
    "SHOOTING",   "KILLING",   "FIGHTING",  "UPRISING",  "SETTING",    NULL};
/* numbers and quantities before a noun: "two artillery shells" */
static const char *const QUANT[] = {"ONE",   "TWO",     "THREE",    "FOUR",      "FIVE",    "SIX",
                                    "SEVEN", "EIGHT",   "NINE",     "TEN",       "SEVERAL", "MANY",
                                    "FEW",   "DOZENS",  "HUNDREDS", "THOUSANDS", "MORE",    "FURTHER",
                                    "NEW",   "RENEWED", NULL};
/* The code of verb form f: its own (a multi-word verb's), else its
 * block's; NULL for none. */
static const char *form_code(const dicts *d, const verb_form *f) {
    return f->code ? f->code : d->blocks.v[f->block].code;
}

/* verbs whose past participle is their bare form */
static const char *const SAME_PARTICIPLE[] = {
    "HIT",   "CUT",  "PUT",  "SET",   "SHUT",      "HURT",   "LET", "QUIT",   "SPREAD",
    "BURST", "CAST", "COST", "SPLIT", "BROADCAST", "UPSET",  "BET", "THRUST", "RID",
    "SHED",  "BEAT", "COME", "RUN",   "OVERRUN",   "BECOME", NULL};
static const char *const DEGREE[] = {"VERY", "TOO", "SO", "MORE", "MOST", "LESS", "QUITE", NULL};
static const char *const LOC_PREP[] = {"IN",     "AT",         "NEAR", "INSIDE", "OUTSIDE",
                                       "ACROSS", "THROUGHOUT", "FROM", "INTO",   NULL};
static const char *const SUBORD[] = {"AFTER", "BEFORE", "WHEN",     "WHILE",  "BECAUSE", "SINCE",
                                     "UNTIL", "IF",     "ALTHOUGH", "THOUGH", "WHO",     "WHICH",
                                     "WHERE", "WHOSE",  "WHOM",     "THAT",   NULL};

static int adverb(const token *t) {
    return t->kind == TK_WORD && !t->cap && t->uplen > 3 && strcmp(t->up + t->uplen - 2, "LY") == 0;
}

static int ends_with(const token *t, const char *s) {
    size_t l = strlen(s);
    return t->uplen > l && strcmp(t->up + t->uplen - l, s) == 0;
}

/* Walks left from the verb over auxiliaries, negation and adverbs. */
static void aux_chain(const parse *p, vcand *v) {
    uint32_t k = v->v0;
    int steps = 0;
    while (k > 0 && steps < MAX_CHAIN) {
        const token *t = &p->t[k - 1];
        if (tok_in(t, FUTURE)) v->future = 1;
        if (tok_in(t, NEG))
            v->neg = 1;
        else if (tok_in(t, BE))
            v->be = 1;
        else if (tok_in(t, AUX))
            v->aux = 1;
        else if (adverb(t)) {
        } else if (strcmp(t->up, "TO") == 0) {
            if (k >= 2 && tok_in(&p->t[k - 2], FUTURE_TO)) { /* "is set to", "is due to" */
                v->future = 1;
                k -= 2;
                steps += 2;
                continue;
            }
            v->inf = 1;
            if (k >= 2 && tok_in(&p->t[k - 2], INTENT_TO)) v->intent = 1;
            k--;
            break;
        } else
            break;
        k--;
        steps++;
    }
    v->c0 = k;
}

/* A lower-case word with an adjective's ending ("economic trade",
 * "military strikes", "diplomatic talks"). */
static int adjective(const token *t) {
    static const char *const END[] = {"IC", "AL", "ARY", "IVE", "OUS", "FUL", "ESE", "IAN", "ISH", NULL};
    if (t->kind != TK_WORD || t->cap || t->uplen < 5) return 0;
    for (int k = 0; END[k]; k++)
        if (ends_with(t, END[k])) return 1;
    return 0;
}

/* Whether token k is a plain lower-case word that can stand before a noun
 * in a compound: no verb, actor, function word, determiner, auxiliary,
 * pronoun or adverb. */
static int plain_noun(const parse *p, uint32_t k) {
    const token *t = &p->t[k];
    return t->kind == TK_WORD && !t->cap && p->vrb[k].entry < 0 && p->men_at[k] < 0 &&
           !tok_in(t, FUNCTION_WORD) && !tok_in(t, DET) && !tok_in(t, AUX) && !tok_in(t, BE) &&
           !tok_in(t, NEG) && !tok_in(t, PRONOUN) && !tok_in(t, PREP) && !tok_in(t, QUANT) &&
           !tok_in(t, CLAUSE_WORD) && !adverb(t) && !ends_with(t, "ED");
}

/* Whether the mention starting at token t0 is definite: "the" before it,
 * past plain words ("the veteran drug trafficker"). */
static int definite(const parse *p, uint32_t t0) {
    uint32_t k = t0;
    if (p->t[k].kind == TK_WORD && !strcmp(p->t[k].up, "THE")) return 1;
    for (int words = 0; k > 0 && words < 3; words++) {
        const token *t = &p->t[--k];
        if (t->kind == TK_WORD && !strcmp(t->up, "THE")) return 1;
        if (!plain_noun(p, k)) return 0;
    }
    return 0;
}

/* Whether a form of "be" stands right before token k, past adverbs and
 * negation ("was not open"). */
static int after_be(const parse *p, uint32_t k) {
    while (k > 0 && (adverb(&p->t[k - 1]) || tok_in(&p->t[k - 1], NEG))) k--;
    return k > 0 && tok_in(&p->t[k - 1], BE);
}

/* Whether verb v's word is the bare form its block is named by ("attack",
 * not "attacked"). */
static int bare_form(const parse *p, const vcand *v) { return !strcmp(p->t[v->vw].up, v->b->name); }

/* Whether verb v is one of saying: its block's code is a statement's (01). */
static int saying(const vcand *v) { return v->b->code && !strncmp(v->b->code, "01", 2); }

/* Whether w is an irregular past or participle of WordNet's list. */
static int irregular_past(const char *w) {
    const char *base = inflect_irregular_base(w);
    return base && strcmp(base, w) != 0;
}

/* Whether t is a past or a participle in -ed or of WordNet's list. */
static int past_form(const token *t) { return ends_with(t, "ED") || irregular_past(t->up); }

/* Decides whether a verb-form match is a main verb of its clause. */
/* Whether the words before verb v make it a noun or an adjective: a
 * possessive, then at most two plain words ("his 11th tour"); for a form
 * that is not a past, a determiner, a preposition, a quantity or a number
 * ("no objective signs", "during talks"), a hyphenated modifier or a
 * plain noun ("long-standing sanctions", "peace talks"), another verb
 * ("denied charges"); an ordinal after a determiner ("their first
 * exchange"); "between" after it ("talks between"). */
static int noun_context(const parse *p, const vcand *v, const token *w, int past) {
    /* "his 11th tour", "their first visit": a possessive, then at most two
     * plain words (no verb, actor, auxiliary or adverb), makes it a noun;
     * so do a determiner or a preposition before a form that is not a past
     * ("no objective signs", "for peace talks") */
    if (v->v0 > 0 && !past && tok_in(&p->t[v->v0 - 1], PREP)) return 1; /* "during talks" */
    /* "talks between", "a phone call between": a noun, unless an
     * auxiliary or "to" makes it a verb ("to mediate between") */
    if (v->v1 < p->n && tok_eq(&p->t[v->v1], "BETWEEN") && !v->aux && !v->inf && !v->be && !past_form(w))
        return 1;
    /* "their first exchange", "the second round": an ordinal after a
     * determiner is an adjective */
    if (v->v0 > 1 && tok_in(&p->t[v->v0 - 1], ORDINAL) &&
        (tok_in(&p->t[v->v0 - 2], DET) || p->t[v->v0 - 2].kind == TK_POSS))
        return 1;
    for (uint32_t k = v->v0, words = 0; k-- > 0 && words <= 2; words++) {
        const token *t = &p->t[k];
        if (words > 0 && tok_in(t, POSSESSIVE)) return 1;
        if (words > 0 && !past &&
            (tok_in(t, DET) || tok_in(t, PREP) || tok_in(t, QUANT) || t->kind == TK_NUM ||
             (words == 1 && adjective(t))))
            return 1;
        /* "long-standing sanctions", "a four-day strike"; a plain noun
         * before it makes a compound ("peace talks", "prisoner exchange") */
        if (words == 0 && !past && t->kind == TK_WORD && !t->cap && strchr(t->up, '-')) return 1;
        if (words == 0 && !past && plain_noun(p, k)) return 1;
        /* right after another verb it is that verb's object ("denied
         * charges", "suspended aid", "cancelled a planned visit") */
        if (words == 0 && !past && p->vrb[k].entry >= 0 && p->men_at[k] < 0 && t->kind == TK_WORD &&
            !t->cap && !tok_in(t, AUX) && !tok_in(t, BE) && !tok_in(t, NEG))
            return 1;
        if ((t->kind != TK_WORD && t->kind != TK_NUM) || t->cap || p->men_at[k] >= 0 ||
            p->vrb[k].entry >= 0 || tok_in(t, AUX) || tok_in(t, BE) || tok_in(t, NEG) || adverb(t) ||
            tok_in(t, FUNCTION_WORD))
            break;
    }
    return 0;
}

/* Verb v in -ing with no auxiliary: a clause of its sentence's subject
 * after a comma, "and" or a word of time (", accusing him of", "after
 * visiting Israel"), or a crowd's protest right after it ("students
 * protesting"); else a modifier ("roads leading into"). */
static int participle_clause(const parse *p, vcand *v, const token *w) {
    /* ", accusing him of": a participle after a comma is a clause of the
     * subject before it; otherwise a modifier ("roads leading into") */
    if (v->c0 == v->v0 && v->v0 > 0 && tok_eq(&p->t[v->v0 - 1], ",") && !tok_in(w, NOT_PARTICIPLE)) {
        v->part = 1;
        return 1;
    }
    /* ", killing eight and drawing return fire": a second such clause */
    if (v->c0 == v->v0 && v->v0 > 1 && tok_eq(&p->t[v->v0 - 1], "AND") && !tok_in(w, NOT_PARTICIPLE))
        for (uint32_t k = v->v0 - 1; k-- > 1;) {
            const token *t = &p->t[k];
            if (tok_eq(t, ";") || t->kind == TK_QUOTE ||
                (tok_eq(t, ",") && k + 1 < v->v0 - 1 && !ends_with(&p->t[k + 1], "ING")))
                break;
            if (ends_with(t, "ING") && tok_eq(&p->t[k - 1], ",") && p->vrb[k].entry >= 0) {
                v->part = 1;
                return 1;
            }
        }
    /* "after visiting Israel", "while meeting Sisi": a clause of time
     * with the subject of the sentence */
    static const char *const TIME[] = {"AFTER", "BEFORE", "WHILE", "WHEN", "UPON", NULL};
    if (v->c0 == v->v0 && v->v0 > 0 && tok_in(&p->t[v->v0 - 1], TIME) && !tok_in(w, NOT_PARTICIPLE)) {
        v->part = 1;
        return 1;
    }
    /* "students protesting against the government": the crowd's protest */
    const char *code = form_code(p->d, v->f);
    if (v->c0 == v->v0 && v->v0 > 0 && p->men_at[v->v0 - 1] >= 0 && code && !strncmp(code, "14", 2)) {
        v->rel = 1;
        return 1;
    }
    return 0;
}

/* Whether a form that is not a past, after a name, is a noun: the name
 * follows an article or a quantity ("all Gondor sanctions"), or is a
 * lower-case role in the singular right after a verb or "and" ("launched
 * drone attacks"). */
static int after_name_noun(const parse *p, const vcand *v, const token *w, int past) {
    /* "an anti- Gondor parade", "all Gondor sanctions": a form that is not
     * a past, after a name that follows an article or a quantity, is a noun */
    if (v->v0 > 0 && !past && p->men_at[v->v0 - 1] >= 0 && !v->aux &&
        p->t[v->v0 - 1].kind == TK_WORD) { /* not "the European Union (EU) agree" */
        const mention *m = &p->men[p->men_at[v->v0 - 1]];
        const token *b = m->t0 > 0 ? &p->t[m->t0 - 1] : NULL;
        if (b && (tok_in(b, DET) || tok_in(b, QUANT) || tok_eq(b, "ALL") || b->kind == TK_DASH))
            return 1;
        /* "launched drone attacks", "a barrage and drone attacks": a role of
         * one lower-case word in the singular, right after a verb or "and",
         * makes a noun of the word after it */
        const token *r = &p->t[m->t0];
        if (b && m->t1 == m->t0 + 1 && !r->cap && !ends_with(r, "S") && ends_with(w, "S") &&
            (p->vrb[m->t0 - 1].entry >= 0 || tok_eq(b, "AND")))
            return 1;
    }
    return 0;
}

static int is_main(const parse *p, vcand *v) {
    const token *w = &p->t[v->vw];
    if (p->men_at[v->v0] >= 0) return 0;
    if (w->cap && v->v0 > 0 && p->t[v->v0 - 1].kind != TK_QUOTE) return 0;
    if (v->v0 > 0) {
        const token *prev = &p->t[v->v0 - 1];
        if ((tok_in(prev, DET) && p->men_at[v->v0 - 1] < 0) || prev->kind == TK_POSS ||
            prev->kind == TK_NUM)
            return 0; /* not "Each blamed the other" */
    }
    int past = ends_with(w, "ED") || (!bare_form(p, v) && !ends_with(w, "S"));
    if (noun_context(p, v, w, past)) return 0;
    int ing = ends_with(w, "ING");
    if (ing && !v->be && !v->aux) return participle_clause(p, v, w);
    /* after "be" a verb is a participle; its bare form is an adjective
     * ("was open", "are free"), unless the participle is that form ("was hit") */
    if (v->be && !ing && bare_form(p, v) && !tok_in(w, SAME_PARTICIPLE) && v->vw + 1 == v->v1 &&
        after_be(p, v->v0))
        return 0;
    if (v->v0 > 0 && tok_in(&p->t[v->v0 - 1], DEGREE)) return 0; /* "very close" */
    if (after_name_noun(p, v, w, past)) return 0;
    if (v->be && !ing && (!bare_form(p, v) || tok_in(w, SAME_PARTICIPLE)))
        v->passive = 1; /* "was hit" */
    return 1;
}

/* Whether verb v is a participle that modifies the noun before it, in the
 * object of an earlier verb of its clause ("lifted sanctions imposed on
 * Gondor"): a past form with no auxiliary, right after a plain lower-case
 * word, with only such words between it and the earlier verb. */
static int reduced_relative(const parse *p, const vcand *vs, size_t nv, const vcand *v) {
    const token *w = &p->t[v->vw];
    if (v->be || v->aux || v->inf || bare_form(p, v) || ends_with(w, "S") || ends_with(w, "ING") ||
        nv == 0 || v->v0 == 0)
        return 0;
    const vcand *prev = &vs[nv - 1];
    if (prev->v1 >= v->v0) return 0;
    for (uint32_t k = prev->v1; k < v->v0; k++) {
        const token *t = &p->t[k];
        if (t->kind == TK_PUNCT || tok_in(t, SUBORD) || tok_eq(t, "AND") || tok_eq(t, "BUT") ||
            tok_eq(t, "OR"))
            return 0;
    }
    const token *before = &p->t[v->v0 - 1];
    return before->kind == TK_WORD && !before->cap && p->men_at[v->v0 - 1] < 0 &&
           !tok_in(before, FUNCTION_WORD) && !tok_in(before, DET) && !tok_in(before, PRONOUN) &&
           !adverb(before);
}

/* Whether the comma at k closes an apposition that names an actor
 * ("Mohammad Radmanish, an Afghan defence spokesperson, welcomed"): back to
 * the comma before it, or the sentence start, an actor and no verb or
 * subordinating word. */
static int apposition(const parse *p, uint32_t k) {
    int actor = 0;
    for (uint32_t j = k; j-- > 0;) {
        const token *t = &p->t[j];
        if (tok_eq(t, ",")) return actor || (j + 2 == k && p->t[j + 1].kind == TK_NUM); /* ", 76," */
        if (t->kind == TK_PUNCT || tok_in(t, SUBORD) || (p->vrb[j].entry >= 0 && p->men_at[j] < 0))
            return 0;
        actor |= p->men_at[j] >= 0;
    }
    return actor;
}

/* The word before mention m, past "the"; NULL at the sentence start. */
static const token *word_before(const parse *p, int32_t m) {
    uint32_t t0 = p->men[m].t0;
    if (t0 > 0 && tok_eq(&p->t[t0 - 1], "THE")) t0--;
    return t0 > 0 ? &p->t[t0 - 1] : NULL;
}

/* Whether mention m names where something happened ("in Cairo", "from the
 * Gaza Strip"): no subject then. */
static int locative(const parse *p, int32_t m) {
    const token *w = word_before(p, m);
    return w && tok_in(w, LOC_PREP);
}

/* Whether mention m is the object of a preposition ("aggression on
 * Lebanon", "in Gaza"): a relative clause after it is most often about the
 * phrase the preposition hangs on. */
static int prep_object(const parse *p, int32_t m) {
    static const char *const PREP_OBJ[] = {"ON",   "AGAINST", "OF",  "TO",   "WITH", "FROM",
                                           "INTO", "BY",      "FOR", "OVER", NULL};
    const token *w = word_before(p, m);
    return w && (tok_in(w, LOC_PREP) || tok_in(w, PREP_OBJ));
}

/* "according to X": X is the source of the report, no party to it. */
static int attribution(const parse *p, uint32_t k) {
    for (uint32_t j = k, skipped = 0; j >= 2 && skipped <= 3; j--, skipped++) {
        if (!strcmp(p->t[j - 1].up, "TO") && !strcmp(p->t[j - 2].up, "ACCORDING")) return 1;
        if (p->t[j - 1].kind != TK_WORD || p->men_at[j - 1] >= 0) break;
    }
    return 0;
}

/* The subject of verb v: the nearest mention to its left in the same
 * clause, or the subject of the verb it is coordinated with. */
static int32_t subject(const parse *p, const vcand *vs, size_t iv) {
    const vcand *v = &vs[iv];
    /* "X condemned ... and promised", "X condemned ..., accusing": a
     * coordinated verb or a participle clause shares the subject */
    static const char *const RELATIVE[] = {"THAT", "WHICH", "WHO", NULL};
    if (v->c0 > 0 && iv > 0 &&
        (!strcmp(p->t[v->c0 - 1].up, "AND") || !strcmp(p->t[v->c0 - 1].up, "BUT") || v->part))
        for (size_t j = iv; j-- > 0;) /* not a verb of a relative clause ("issues that strained"),
                                          nor one with no subject ("met, discussed trade, and agreed") */
            if (vs[j].main && vs[j].src >= 0 && !(vs[j].c0 > 0 && tok_in(&p->t[vs[j].c0 - 1], RELATIVE)))
                return vs[j].src;
    if (v->part) { /* no verb of the dictionary before: the clause's first actor */
        for (uint32_t k = 0; k < v->c0; k++) {
            int32_t m = p->men_at[k];
            if (tok_eq(&p->t[k], ";") || tok_eq(&p->t[k], ":")) break;
            if (m >= 0 && !locative(p, m) && !attribution(p, p->men[m].t0)) return m;
        }
        return -1;
    }
    /* "X told Y he would": a pronoun subject stands for the subject of the
     * verb that reports it, not for the nearest name */
    if (v->c0 > 0 && tok_in(&p->t[v->c0 - 1], PRONOUN)) {
        if (p->men_at[v->c0 - 1] >= 0) return p->men_at[v->c0 - 1]; /* "He" of the last sentence */
        for (size_t j = iv; j-- > 0;) /* the reporter before a verb of a clause it reports */
            if (vs[j].main && vs[j].v1 < v->c0 && saying(&vs[j])) return vs[j].src;
        for (size_t j = iv; j-- > 0;)
            if (vs[j].main && vs[j].v1 < v->c0) return vs[j].src;
        return -1;
    }
    int32_t found = -1; /* TABARI: the first actor of the clause */
    for (uint32_t k = v->c0; k-- > 0;) {
        const token *t = &p->t[k];
        if (p->men_at[k] >= 0) {
            int32_t m = p->men_at[k];
            if (!locative(p, m) && !attribution(p, p->men[m].t0)) found = m;
            continue;
        }
        if (found >= 0 && (tok_in(t, SUBORD) || t->kind == TK_PUNCT)) return found;
        if (t->kind == TK_DASH) return found; /* "GONDOR CITY - Rohan said" */
        if (tok_in(t, SUBORD)) {
            /* "Hamas, which attacked": the relative pronoun stands right
             * before the verb; in "claims by Biden that the group backed
             * away" "that" opens a clause with a subject of its own */
            uint32_t a = k; /* the antecedent ends before it, or before a comma */
            if (a >= 2 && tok_eq(&p->t[a - 1], ",")) a--;
            if (found < 0 && a > 0 && k + 1 == v->c0 && p->men_at[a - 1] >= 0 &&
                (tok_eq(t, "WHO") || tok_eq(t, "WHICH") || tok_eq(t, "THAT")) &&
                !prep_object(p, p->men_at[a - 1]))
                return p->men_at[a - 1];
            return found;
        }
        if (t->kind == TK_PUNCT && found < 0 && tok_eq(t, ",") && apposition(p, k)) continue;
        if (t->kind == TK_PUNCT &&
            (strcmp(t->up, ";") == 0 || strcmp(t->up, ":") == 0 || strcmp(t->up, ",") == 0))
            return found;
        for (size_t j = iv; j-- > 0;)
            if (vs[j].main && vs[j].v0 <= k && k < vs[j].v1) return found >= 0 ? found : vs[j].src;
    }
    return found;
}

/* The first mention of group g. */
static int32_t skip_group_first(const parse *p, int64_t g) {
    for (uint32_t m = 0; m < p->nmen; m++)
        if ((int64_t)p->men[m].group == g) return (int32_t)m;
    return 0;
}

/* A mention followed by a verb of its own after a comma (", a senior
 * official said") begins another clause: it is no object. */
static int clause_subject(const parse *p, int32_t m) {
    uint32_t k = p->men[m].t1, t0 = p->men[m].t0;
    int after_comma = 0;
    for (uint32_t j = t0; j-- > 0 && t0 - j <= 4;) {
        if (!strcmp(p->t[j].up, ",")) {
            after_comma = 1;
            break;
        }
        if (p->t[j].kind != TK_WORD) break;
    }
    if (!after_comma) return 0;
    while (k < p->n && (tok_in(&p->t[k], AUX) || tok_in(&p->t[k], BE) || adverb(&p->t[k]))) k++;
    return k < p->n && p->vrb[k].entry >= 0 && p->men_at[k] < 0;
}

/* Words that open a clause of their own after a verb: what follows is not
 * the verb's object or complement. */
static const char *const CLAUSE_OPENER[] = {
    "THAT",    "WHICH",    "WHO",    "WHOM", "WHOSE",  "WHERE",   "WHILE",     "WHEN",
    "BECAUSE", "ALTHOUGH", "THOUGH", "IF",   "UNLESS", "WHEREAS", "AFTER",     "BEFORE",
    "SINCE",   "UNTIL",    "AMID",   "AS",   "SAYING", "ADDING",  "ACCORDING", NULL};

/* Prepositions whose object says where, not whom: "talks in Oman",
 * "a village near Kosovo's capital". */
static const char *const WHERE_PREP[] = {"IN",         "NEAR",   "INSIDE", "OUTSIDE", "ACROSS",
                                         "THROUGHOUT", "WITHIN", "AROUND", "ALONG",   "DURING",
                                         "BEYOND",     "VIA",    "OVER",   "THROUGH", NULL};

/* Whether the comma at k continues a list of actors ("Mali, Niger and
 * Chad"): the mentions on both sides belong to one group. */
static int list_comma(const parse *p, uint32_t k) {
    if (k == 0 || k + 1 >= p->n) return 0;
    int32_t a = p->men_at[k - 1];
    if (a < 0 && p->t[k - 1].kind == TK_POSS && k >= 2) a = p->men_at[k - 2];
    uint32_t j = k + 1;
    if (j + 1 < p->n && tok_eq(&p->t[j], "THE")) j++;
    int32_t b = p->men_at[j];
    return a >= 0 && b >= 0 && p->men[a].group == p->men[b].group;
}

/* Whether the comma at k separates two modifiers of one noun ("complete,
 * full diplomatic ties"): plain lower-case words on both sides. */
static int modifier_comma(const parse *p, uint32_t k) {
    if (k == 0 || k + 2 >= p->n) return 0;
    for (uint32_t j = k - 1; j <= k + 1; j += 2) {
        const token *t = &p->t[j];
        if (t->kind != TK_WORD || t->cap || p->vrb[j].entry >= 0 || p->men_at[j] >= 0 ||
            tok_in(t, FUNCTION_WORD) || tok_in(t, DET) || tok_in(t, AUX) || tok_in(t, BE) ||
            tok_in(t, CLAUSE_OPENER) || ends_with(t, "ING"))
            return 0;
    }
    return 1;
}

/* One past the last token of the clause that the verb ending at token from
 * heads: its object and complements stop at a clause boundary (; : ( a
 * dash, a comma that does not continue a list of actors) or at a word
 * that opens another clause ("that", "after", "saying"). */
static uint32_t clause_end(const parse *p, uint32_t from) {
    for (uint32_t k = from; k < p->n; k++) {
        const token *t = &p->t[k];
        /* a dash between spaces; not "anti- Gondor" */
        if (t->kind == TK_DASH && (k == 0 || p->t[k - 1].off + p->t[k - 1].len < t->off)) return k;
        if (t->kind == TK_PUNCT && strchr(",;:()[]!?.", t->up[0]) && t->uplen == 1) {
            if (t->up[0] == ',' && (list_comma(p, k) || modifier_comma(p, k))) continue;
            return k;
        }
        if (k > from && tok_in(t, CLAUSE_OPENER)) return k;
    }
    return p->n;
}

/* Whether a place can be the target of code when the clause names no one
 * else: aid, yielding, demands, threats, force and violence act on the
 * people of a place ("sent aid to families in Gondor"); statements,
 * meetings, talks and protests are only held there. */
static int place_stands_for_people(const char *code) {
    return strncmp(code, "06", 2) >= 0 && strncmp(code, "14", 2) != 0;
}

/* Whether mention m names an organisation ("in the United Nations" is
 * no place). */
static int organisation(const parse *p, int32_t m) {
    const char *c = p->men[m].code;
    return !strncmp(c, "IGO", 3) || !strncmp(c, "NGO", 3) || !strncmp(c, "MNC", 3);
}

/* place_target's answer for protests: held near an institution, against
 * it ("rallied outside parliament"), not against the country they are in. */
#define WHERE_BODY 2

/* Whether a place named after one of WHERE_PREP can be what code acts on:
 * a visit's destination, where aid goes, the place attacked (1); for a
 * protest, an institution it is held at (WHERE_BODY); else 0. */
static int place_target(const char *code) {
    if (!strncmp(code, "14", 2)) return WHERE_BODY;
    return !strncmp(code, "042", 3) || !strncmp(code, "07", 2) || !strncmp(code, "18", 2) ||
           !strncmp(code, "19", 2) || !strncmp(code, "20", 2);
}

/* The first mention in tokens [from, end) that is not in group skip: the
 * verb's object or the complement of a preposition. A mention in a phrase
 * of place (after one of WHERE_PREP, until a preposition of a target) is
 * skipped unless where is set ("attacked targets in Gondor"); *is_place
 * (when not NULL) says whether the one returned is such. An object
 * pronoun right after the verb ("accused him") stands for the latest
 * mention before the verb outside that group. */
static const char *const ALONGSIDE[] = {"ALONGSIDE", "BESIDE", NULL};

static int32_t next_mention(const parse *p, uint32_t from, uint32_t end, int64_t skip_group, int where,
                            int *is_place) {
    if (from < end && (!strcmp(p->t[from].up, "HIM") || !strcmp(p->t[from].up, "HER") ||
                       !strcmp(p->t[from].up, "THEM"))) {
        for (uint32_t k = from; k-- > 0;) {
            int32_t m = p->men_at[k];
            if (m >= 0 && (int64_t)p->men[m].group != skip_group &&
                strncmp(p->men[m].code, "---", 3) != 0 &&
                (skip_group < 0 || strcmp(p->men[m].code, p->men[skip_group_first(p, skip_group)].code)))
                return m;
        }
        return -1;
    }
    static const char *const TARGET_PREP[] = {"TO",   "WITH",   "AGAINST", "ON",   "AT",
                                              "INTO", "TOWARD", "TOWARDS", "UPON", NULL};
    int in_place = 0; /* inside a phrase of place: "in the presence of X" */
    for (uint32_t k = from; k < end; k++) {
        int32_t m = p->men_at[k];
        if (m >= 0 && k > 0 && p->men[m].t0 == k && tok_in(&p->t[k - 1], ALONGSIDE)) {
            k = p->men[m].t1 - 1; /* "alongside Egypt": acting with the subject, not on it */
            continue;
        }
        if (m < 0) {
            if (tok_in(&p->t[k], WHERE_PREP))
                in_place = 1;
            else if (tok_in(&p->t[k], TARGET_PREP))
                in_place = 0;
            continue;
        }
        if (p->men[m].t0 == k && (int64_t)p->men[m].group != skip_group) {
            int place = in_place && !organisation(p, m);
            int body = !strncmp(p->men[m].code, "---", 3); /* "rallied near parliament" */
            if (attribution(p, k) || (place && (!where || (where == WHERE_BODY && !body)))) {
                k = p->men[m].t1 - 1;
                continue;
            }
            if (clause_subject(p, m)) return -1;
            if (is_place) *is_place = place;
            return m;
        }
    }
    return -1;
}

/* The object of a verb of saying ("told Gondor"): a mention right after
 * it that does not begin the reported clause ("said Gondor attacked"). */
static int32_t addressee(const parse *p, uint32_t from, uint32_t end) {
    uint32_t k = from;
    if (k < end && tok_eq(&p->t[k], "THE")) k++;
    if (k >= end) return -1;
    int32_t m = p->men_at[k];
    if (m < 0 || p->men[m].t0 != k) return -1;
    uint32_t a = p->men[m].t1;
    while (a < p->n &&
           (tok_in(&p->t[a], AUX) || tok_in(&p->t[a], BE) || tok_in(&p->t[a], NEG) || adverb(&p->t[a])))
        a++;
    if (a < p->n && p->vrb[a].entry >= 0 && p->men_at[a] < 0) return -1;
    if (a > p->men[m].t1) return -1; /* "said Gondor will" */
    return m;
}

/* The addressee of a verb of saying: its object ("told Gondor"), or the
 * complement of "to", "with", "against"... before the reported clause
 * ("expressed condolences to Gondor"). */
static int32_t said_to(const parse *p, uint32_t from, uint32_t end) {
    static const char *const TO_PREP[] = {"TO",      "WITH", "AGAINST", "TOWARD",
                                          "TOWARDS", "ON",   "OVER",    NULL};
    int32_t m = addressee(p, from, end);
    if (m >= 0) return m;
    for (uint32_t k = from; k + 1 < end; k++) {
        /* a mention with no preposition, a pronoun or a verb: the reported clause */
        if (p->men_at[k] >= 0 || tok_in(&p->t[k], PRONOUN) || tok_in(&p->t[k], BE) ||
            tok_in(&p->t[k], AUX) || p->vrb[k].entry >= 0)
            return -1;
        /* "to" after the object ("expressed condolences to"); the others
         * only right after the verb ("spoke with"), not after a noun ("the
         * war with") */
        if (!tok_in(&p->t[k], TO_PREP) || (k > from && !tok_eq(&p->t[k], "TO"))) continue;
        uint32_t j = k + 1;
        if (j + 1 < end && tok_eq(&p->t[j], "THE")) j++;
        m = p->men_at[j];
        if (m >= 0 && p->men[m].t0 == j) return m;
    }
    return -1;
}

/* Whether an actor code names an actor, not only a role ("---GOV"). */
int coder_named(const char *code) { return code[0] && strncmp(code, "---", 3) != 0; }

/* A mention that names an actor. */
static int real_actor(const parse *p, int32_t m) { return m >= 0 && coder_named(p->men[m].code); }

/* The first actor a statement names after its verb ("said the war with
 * Gondor must end"), outside group skip, not a place, not a source
 * ("according to"), before a semicolon. */
static int32_t content_actor(const parse *p, uint32_t from, int64_t skip_group) {
    for (uint32_t k = from; k < p->n && !tok_eq(&p->t[k], ";"); k++) {
        int32_t m = p->men_at[k];
        if (m < 0 || p->men[m].t0 != k) continue;
        const token *w = word_before(p, m);
        if ((int64_t)p->men[m].group == skip_group || !real_actor(p, m) || attribution(p, k) ||
            (w && tok_in(w, WHERE_PREP) && !organisation(p, m))) {
            k = p->men[m].t1 - 1;
            continue;
        }
        return m;
    }
    return -1;
}

/* The actor after the first "by" (past "the") in tokens [from, end),
 * looked for within the first `within` of them: a passive's agent ("was
 * opposed earlier by X"; in its whole clause, "has been cut off from
 * life-saving assistance by Israel"), or a noun's ("the invasion of X by
 * Y"). -1 when there is none. */
static int32_t agent_by(const parse *p, uint32_t from, uint32_t end, uint32_t within) {
    for (uint32_t k = from; k < end && k < from + within; k++) {
        if (!tok_eq(&p->t[k], "BY")) continue;
        uint32_t j = k + 1;
        if (j < end && tok_eq(&p->t[j], "THE")) j++;
        return j < end && p->men_at[j] >= 0 ? p->men_at[j] : -1;
    }
    return -1;
}

/* The actor after "by" within four tokens of from. */
static int32_t by_agent(const parse *p, uint32_t from) { return agent_by(p, from, p->n, 4); }

/* The mention that ends right before token k, through a possessive. */
static int32_t mention_before(const parse *p, uint32_t k) {
    if (k == 0) return -1;
    int32_t m = p->men_at[k - 1];
    if (m < 0 && p->t[k - 1].kind == TK_POSS && k >= 2) m = p->men_at[k - 2];
    return m >= 0 && p->men[m].t1 >= k - 1 ? m : -1;
}

/* A past participle with no auxiliary, followed by "by": a passive that
 * modifies the noun before it ("talks hosted by Gondor"). */
static int reduced_passive(const parse *p, const vcand *v) {
    const token *w = &p->t[v->vw];
    uint32_t k = v->v1;
    if (k < p->n && adverb(&p->t[k])) k++;
    return !v->be && !v->aux && !bare_form(p, v) && !ends_with(w, "ING") && !ends_with(w, "S") &&
           k < p->n && tok_eq(&p->t[k], "BY");
}

dyad_span coder_tok_span(const token *t, uint32_t a, uint32_t b) {
    dyad_span s = {0, 0};
    if (b <= a) return s;
    s.off = t[a].off;
    s.len = t[b - 1].off + t[b - 1].len - t[a].off;
    return s;
}

static int push_event(dyad_doc *doc, const dyad_event *e) {
    for (size_t k = doc->nev; k-- > 0;) {
        const dyad_event *o = &doc->ev[k];
        if (o->sentence != e->sentence) break;
        if (!o->code) continue; /* retracted */
        if (!strcmp(o->source, e->source) && !strcmp(o->target, e->target) && !strcmp(o->code, e->code))
            return 0;
    }
    void *v = doc->ev;
    if (grow_array(&v, &doc->cap, doc->nev, sizeof *doc->ev)) return -1;
    doc->ev = v;
    doc->ev[doc->nev++] = *e;
    return 0;
}

/* A target that is a place of the gazetteer, not an actor mention: its
 * country ("airstrikes targeted sites in Damascus": SYR). */
#define PLACE_TARGET (-2)
/* A source or target no mention of the sentence names: the actor
 * j->given, found as j->given_basis says (a mediator's parties from the
 * article, the doer of a deed told of before, an arrest's police:
 * "USACOP", or "---COP" for the article to complete). */
#define GIVEN_ACTOR (-3)

/* Whether date expression d may date an event of its sentence: a year
 * alone ("in 1914", "since 2019") says no day, and in an article of known
 * date a day over a year before it is history told, not the news ("the
 * 1967 war", "the attack of October 7, 2023" in a story of 2025). */
int coder_historic_ok(const sent_job *j, const date_expr *d) {
    if (d->precision == DATE_YEAR) return 0;
    return !j->pub || d->date >= j->pub - 10000;
}

/* The date of an event whose verb is at token v: the sentence's date
 * expression nearest to the verb that is not after publication (an
 * intention is dated when it is stated) nor history (historic_ok), else
 * the day the story told of last, else the publication date. */

static void event_date(const sent_job *j, uint32_t v, dyad_event *e) {
    int best = -1;
    uint32_t bestd = UINT32_MAX;
    for (int k = 0; k < j->ndates; k++) {
        const date_expr *d = &j->dates[k];
        if (j->pub && d->date > j->pub) continue; /* "will continue next week": not yet */
        if (!coder_historic_ok(j, d)) continue;
        uint32_t dist = d->t0 > v ? d->t0 - v : v - (d->t1 - 1);
        if (dist < bestd) {
            bestd = dist;
            best = k;
        }
    }
    if (best < 0) { /* the day the story has told of last, else publication */
        e->date = j->doc->story_date ? j->doc->story_date : j->date;
        e->date_span = j->doc->story_span;
        e->date_precision = j->doc->story_date ? "day" : e->date && e->date[0] ? "publication" : "none";
        return;
    }
    static const char *const PRECISION[] = {
        [DATE_DAY] = "day", [DATE_WEEK] = "week", [DATE_MONTH] = "month", [DATE_YEAR] = "year"};
    e->date = j->datestr[best];
    e->date_span = coder_tok_span(j->p->t, j->dates[best].t0, j->dates[best].t1);
    e->date_precision = PRECISION[j->dates[best].precision];
}

/* Whether verb v is only supposed or told as background: inside a clause
 * that "if", "unless", "whether" or "since" opens ("if Gondor attacks,
 * ...", "ties have worsened since Gondor struck a deal"), or conditional with
 * "would", "could" or "might" and an "if" later in its sentence ("Gondor
 * would defend itself if attacked"). A consequence with "will" is a
 * threat or a promise, coded as such ("if X attacks, we will respond"). */
static int hypothetical(const parse *p, const vcand *v) {
    static const char *const IF[] = {"IF", "UNLESS", "WHETHER", NULL};
    static const char *const MAYBE[] = {"WOULD", "COULD", "MIGHT", NULL};
    for (uint32_t k = v->c0; k-- > 0;) {
        const token *t = &p->t[k];
        if (tok_in(t, IF) || tok_eq(t, "SINCE")) return 1;
        if (tok_eq(t, ",") || tok_eq(t, ";") || tok_eq(t, ":")) break;
    }
    int maybe = 0;
    for (uint32_t k = v->c0; k < v->v0; k++) maybe |= tok_in(&p->t[k], MAYBE);
    for (uint32_t k = v->v1; maybe && k < p->n; k++)
        if (tok_in(&p->t[k], IF)) return 1;
    return 0;
}

/* Whether v is in the simple present: no auxiliary, and a word that is no
 * past or participle ("target", "targets"; not "targeted", "struck", nor
 * "hit", which the past shares). */
static int simple_present(const parse *p, const vcand *v) {
    if (v->aux || v->be || v->future || v->inf || v->neg || v->part) return 0;
    const token *t = &p->t[v->vw];
    return t->kind == TK_WORD && !tok_in(t, SAME_PARTICIPLE) && !past_form(t) && !ends_with(t, "ING") &&
           !ends_with(t, "EN");
}

/* Whether an event of force (roots 14 to 20) is told in the simple present:
 * what an actor does ("the rebels say they target ships"), not what it
 * did on a day. */
static int habitual(const parse *p, const vcand *v, const char *code) {
    return code[0] && code[1] && (code[0] == '2' || (code[0] == '1' && code[1] >= '4')) &&
           simple_present(p, v);
}

/* Whether token k is inside a quotation: an odd number of quotation marks
 * before it. */
static int quoted(const parse *p, uint32_t k) {
    int q = 0;
    for (uint32_t i = 0; i < k; i++) q ^= p->t[i].kind == TK_QUOTE;
    return q;
}

/* The confidence of an event a -> b of verb v (see dyad.h). */
static double confidence(const char *a, const char *b, int placed, const vcand *v) {
    double c = 0.2 + 0.35 * coder_named(a) + 0.35 * coder_named(b) - 0.05 * placed;
    if (!(v->why & EV_PATTERN)) c -= 0.1;
    if (v->why & EV_NOMINAL) c -= 0.1;
    if (v->why & EV_PLACE) c -= 0.05;
    if (v->why & EV_JOINT) c -= 0.05;
    if (v->why & EV_REPORTED) c -= 0.05;
    if (v->why & EV_ABOUT) c -= 0.25;
    if (v->why & EV_IF) c -= 0.35;
    if (v->why & EV_HABIT) c -= 0.25;
    if (v->why & EV_PARTIES) c -= 0.15;
    if (v->why & EV_IMPLIED) c -= 0.1;
    if (v->future || v->intent) c -= 0.05;
    return c < 0 ? 0 : c;
}

/* Whether place mention pm says where mention m is: inside it, right
 * before it ("Tbilisi police") or after it past "in", "of", "from", "at"
 * and "the" ("police in Tbilisi", "troops of the Gaza Strip"). */
static int place_of(const parse *p, const mention *m, const place_mention *pm) {
    if (pm->t0 >= m->t0 && pm->t1 <= m->t1) return 1;
    if (pm->t1 == m->t0) return 1;
    if (pm->t0 < m->t1 || pm->t0 > m->t1 + 3) return 0;
    for (uint32_t k = m->t1; k < pm->t0; k++) {
        const token *t = &p->t[k];
        if (!tok_eq(t, "IN") && !tok_eq(t, "OF") && !tok_eq(t, "FROM") && !tok_eq(t, "AT") &&
            !tok_eq(t, "THE"))
            return 0;
    }
    return pm->t0 > m->t1;
}

/* code with its first three letters (a role alone's "---") replaced by
 * country cc, in arena a; NULL when out of memory. */
const char *coder_with_country(arena *a, const char *code, const char *cc) {
    size_t n = strlen(code);
    char *s = arena_alloc(a, n + 1);
    if (!s) return NULL;
    memcpy(s, cc, 3);
    memcpy(s + 3, code + 3, n - 2);
    return s;
}

/* s, or code when s is NULL (out of memory: the arena reports it). */
static const char *or_code(const char *s, const char *code) { return s ? s : code; }

/* The code of mention m (-1: ""), and in *why how its country was found
 * (dyad_event.source_basis). A role alone takes the country of the actor
 * a possessive before it stands for ("Gondor said its soldiers": the
 * nearest actor named before it; "coreference"), else of the place it
 * names ("police in Tbilisi": GEOCOP; "place"). */
const char *coder_actor_code(const sent_job *j, int32_t m, const char **why) {
    *why = "";
    if (m < 0) return "";
    const parse *p = j->p;
    const char *c = p->men[m].code;
    if (strncmp(c, "---", 3) != 0) {
        *why = !c[0] ? "" : p->men[m].alias ? "coreference" : "dictionary";
        return c;
    }
    uint32_t t0 = p->men[m].t0;
    if (t0 > 0 && tok_in(&p->t[t0 - 1], POSSESSIVE))
        for (uint32_t k = t0 - 1; k-- > 0;) {
            int32_t o = p->men_at[k];
            if (o < 0 || !real_actor(p, o) || !strncmp(p->men[o].code, "IGO", 3)) continue;
            *why = "coreference";
            return or_code(coder_with_country(p->a, c, p->men[o].code), c);
        }
    int person_of = 0; /* "the cartel's co-founder Ismael Zambada in Texas": where he is */
    for (uint32_t k = t0; k < p->men[m].t1; k++) person_of |= p->t[k].kind == TK_POSS;
    for (uint32_t k = 0; k < j->nplaces && !person_of; k++) {
        const place_mention *pm = &j->places[k];
        if (!pm->e || strlen(pm->e->country) != 3 || pm->partner || !place_where(pm) ||
            !place_of(p, &p->men[m], pm))
            continue;
        *why = "place";
        return or_code(coder_with_country(p->a, c, pm->e->country), c);
    }
    const char *cc = j->gaz ? place_before(p, j->gaz, t0) : NULL; /* "the Sinaloa cartel" */
    if (cc) {
        *why = "place";
        return or_code(coder_with_country(p->a, c, cc), c);
    }
    /* "forces of the US-led coalition", "troops of Gil-galad": a role of
     * someone no dictionary knows has no country the article could give */
    uint32_t k = p->men[m].t1;
    if (k + 1 < p->n && tok_eq(&p->t[k], "OF")) {
        k++;
        if (tok_eq(&p->t[k], "THE") && k + 1 < p->n) k++;
        if (p->men_at[k] < 0 && p->t[k].kind == TK_WORD && (p->t[k].cap || p->t[k].compound)) return "";
    }
    /* "the Houthis ... The rebels": a definite role takes the one country
     * of the role named earlier in the sentence or in the last ones; a
     * bare plural ("drones", "protesters") names someone new */
    if (!definite(p, t0)) return c;
    const char *same = NULL;
    for (int32_t o = 0; o < m; o++) {
        const char *oc = p->men[o].code;
        if (!coder_named(oc) || strlen(oc) < 6 || strncmp(oc + 3, c + 3, 3) != 0) continue;
        if (same && strncmp(same, oc, 3) != 0) return c;
        same = oc;
    }
    cc = article_role_country(&j->doc->roles, c, j->sidx, same);
    if (cc) {
        *why = "coreference";
        return or_code(coder_with_country(p->a, c, cc), c);
    }
    return c;
}

/* Whether an actor code is a role alone ("---COP"). */
int coder_role(const char *code) { return !strncmp(code, "---", 3) && code[3]; }

/* Whether an actor's country was inferred from the sentence (a place, a
 * possessive) rather than named. */
static int inferred(const char *why) { return !strcmp(why, "place") || !strcmp(why, "coreference"); }

/* The first place of the gazetteer with a country in tokens [from, end)
 * that says where (after "in", "near", "across"...), as an index into the
 * sentence's places; -1 when there is none. */
static int32_t clause_place(const sent_job *j, uint32_t from, uint32_t end) {
    for (uint32_t k = 0; k < j->nplaces; k++) {
        const place_mention *pm = &j->places[k];
        if (pm->t0 >= from && pm->t0 < end && pm->locative && !pm->partner && pm->e &&
            strlen(pm->e->country) == 3)
            return (int32_t)k;
    }
    return -1;
}

/* The dictionary entry mention m names for the actor code it was given:
 * the last actor inside it whose code begins with the same unit (country,
 * IGO...): "Israeli opposition leader Yair Lapid", "Hamas's chief Yahya
 * Sinwar" are the person, "Russian and Chinese diplomats" each country;
 * NULL when none. */
static const actor_entry *mention_entry(const parse *p, int32_t m, const char *code) {
    if (m < 0 || !code[0]) return NULL;
    const actor_entry *best = NULL;
    size_t n = strlen(code);
    for (uint32_t k = p->men[m].t0; k < p->men[m].t1 && k < p->n; k++) {
        if (p->act[k].entry < 0) continue;
        const actor_entry *a = &p->d->actors.v[p->act[k].entry];
        const char *c = dict_actor_code(a, p->date);
        size_t cn = c ? strlen(c) : 0;
        size_t u = cn < n ? cn : n;
        if (u && !memcmp(c, code, u < 3 ? u : 3)) best = a;
    }
    return best;
}

/* Sets *name and *wikidata for the actor of mention m with code: its
 * entry's (mention_entry), else none yet (name_events names it by code). */
static void mention_name(const parse *p, int32_t m, const char *code, const char **name,
                         const char **wikidata) {
    const actor_entry *a = mention_entry(p, m, code);
    *name = a ? a->name : NULL;
    *wikidata = a && a->wikidata ? a->wikidata : "";
    if (a || m < 0 || strncmp(code, "---", 3) != 0) return;
    /* a role alone is named by its own words' role ("protesters": PROTESTER) */
    for (uint32_t k = p->men[m].t0; k < p->men[m].t1 && k < p->n; k++) {
        if (p->agt[k].entry < 0) continue;
        const agent_entry *g = &p->d->agents.v[p->agt[k].entry];
        if (!g->prefix && !strncmp(g->code, code + 3, 3)) {
            *name = g->name;
            return;
        }
    }
}

/* Adds the event source mention a -> target mention b (-1: absent;
 * PLACE_TARGET: the country of the place j->place_target). */
static int make_event(sent_job *j, int32_t a, int32_t b, const char *code, const vcand *v,
                      const char *rule) {
    const parse *p = j->p;
    dyad_event e;
    memset(&e, 0, sizeof e);
    if (a == GIVEN_ACTOR) { /* "was arrested in X": X's police */
        e.source = j->given;
        e.source_basis = j->given_basis;
        a = -1;
    } else {
        e.source = coder_actor_code(j, a, &e.source_basis);
    }
    if (b == PLACE_TARGET) {
        const place_mention *pm = &j->places[j->place_target];
        e.target = pm->e->country;
        e.target_basis = "place";
        e.target_span = coder_tok_span(p->t, pm->t0, pm->t1);
        b = -1;
    } else if (b == GIVEN_ACTOR) {
        e.target = j->given;
        e.target_basis = j->given_basis;
        b = -1;
    } else {
        e.target = coder_actor_code(j, b, &e.target_basis);
    }
    int placed = inferred(e.source_basis) + inferred(e.target_basis);
    /* roles alone are kept until the article's country may complete them */
    if (!coder_named(e.source) && !coder_named(e.target) &&
        !(coder_role(e.source) && coder_role(e.target)))
        return 0;
    if (!strcmp(e.source, e.target)) return 0;
    e.sentence = j->sidx;
    event_date(j, v->vw, &e);
    e.code = code;
    e.root[0] = code[0];
    e.root[1] = code[0] ? code[1] : '\0';
    e.quad = dyad_cameo_quad(code);
    e.goldstein = dyad_cameo_goldstein(code);
    e.confidence = confidence(e.source, e.target, placed, v);
    if (a >= 0) e.source_span = coder_tok_span(p->t, p->men[a].t0, p->men[a].t1);
    if (b >= 0) e.target_span = coder_tok_span(p->t, p->men[b].t0, p->men[b].t1);
    e.verb_span = coder_tok_span(p->t, v->v0, v->v1);
    mention_name(p, a, e.source, &e.source_name, &e.source_wikidata);
    mention_name(p, b, e.target, &e.target_name, &e.target_wikidata);
    e.rule = rule;
    int32_t pl = place_for_verb(j->places, j->nplaces, v->v0, v->v1);
    if (pl >= 0)
        place_fill(&j->places[pl], p->t, j->sidx, &e.place);
    else
        e.place.lat = e.place.lon = NAN;
    return push_event(j->doc, &e);
}

/* Emits code for every pair of the source and target groups. */
static int emit(sent_job *j, int32_t src, int32_t tgt, const char *code, const vcand *v,
                const char *rule) {
    const parse *p = j->p;
    for (uint32_t a = 0; a < p->nmen || a == 0; a++) {
        int32_t sa = src < 0 ? (src == GIVEN_ACTOR ? src : -1) : (int32_t)a;
        if (src >= 0 && p->men[a].group != p->men[src].group) continue;
        for (uint32_t b = 0; b < p->nmen || b == 0; b++) {
            int32_t tb = tgt < 0 ? tgt : (int32_t)b;
            if (tgt >= 0 && p->men[b].group != p->men[tgt].group) continue;
            if (make_event(j, sa, tb, code, v, rule) != 0) return -1;
            if (tgt < 0) break;
        }
        if (src < 0) break;
    }
    return 0;
}

/* A code rewritten by the first entry whose prefix it has. */
typedef struct code_map {
    const char *from, *to;
} code_map;

static const char *map_code(const code_map *m, size_t n, const char *code, const char *none) {
    for (size_t k = 0; k < n; k++)
        if (!strncmp(code, m[k].from, strlen(m[k].from))) return m[k].to;
    return none;
}

/* Stated intentions to do what a code says: consulting (04) becomes the
 * intent to meet (036), diplomatic cooperation (05) 032, giving aid,
 * cooperating materially or yielding (06-08) the matching "express
 * intent" codes (031-035), coercing and violence (17-20) the matching
 * threats (137, 138x); anything else stays. */
static const code_map INTENT[] = {
    {"04", "036"},   {"05", "032"},   {"071", "0331"}, {"072", "0332"}, {"073", "0333"}, {"074", "0334"},
    {"07", "033"},   {"06", "031"},   {"081", "0351"}, {"082", "0352"}, {"083", "034"},  {"084", "0353"},
    {"085", "0354"}, {"086", "0355"}, {"087", "0356"}, {"08", "035"},   {"17", "137"},   {"18", "1383"},
    {"191", "1381"}, {"192", "1382"}, {"19", "1384"},  {"20", "138"},
};

/* Refusals to do what a code says ("will not lift the embargo", "cannot
 * accept refugees"): cooperating, giving aid and yielding (03-08) become
 * the matching rejections (12x); others have no code of their own. */
static const code_map REFUSAL[] = {
    {"03", "120"},   {"04", "125"},   {"061", "1211"}, {"062", "1212"}, {"063", "1213"},
    {"064", "1214"}, {"06", "121"},   {"071", "1221"}, {"072", "1222"}, {"073", "1223"},
    {"074", "1224"}, {"07", "122"},   {"081", "1241"}, {"082", "1242"}, {"084", "1243"},
    {"085", "1244"}, {"086", "1245"}, {"087", "1246"}, {"08", "124"},
};

#define NMAP(m) (sizeof m / sizeof m[0])

/* A code an event can carry: not empty, not uncertain ("025?"). */
static int usable_code(const char *c) { return c && *c && !strchr(c, '?'); }

/* Events between every two members of group g, both ways. */
static int each_other(sent_job *j, uint32_t g, const char *code, const vcand *v, const char *rule) {
    const parse *p = j->p;
    for (uint32_t a = 0; a < p->nmen; a++)
        for (uint32_t b = 0; b < p->nmen; b++) {
            if (a == b || p->men[a].group != g || p->men[b].group != g) continue;
            if (make_event(j, (int32_t)a, (int32_t)b, code, v, rule) != 0) return -1;
        }
    return 0;
}

/* Whether the verb's object at token k is "each other", "one another" or
 * "the other". */
static int reciprocal(const parse *p, uint32_t k) {
    if (k + 1 >= p->n) return 0;
    const token *a = &p->t[k], *b = &p->t[k + 1];
    return (tok_eq(a, "EACH") && tok_eq(b, "OTHER")) || (tok_eq(a, "ONE") && tok_eq(b, "ANOTHER")) ||
           (tok_eq(a, "THE") && tok_eq(b, "OTHER"));
}

/* Whether target mention m of verb v is the agent of another verb after
 * "by" ("agreed to a ceasefire brokered by Qatar"), not whom v acts on. */
static int agent_of_other(const parse *p, const vcand *v, int32_t m) {
    uint32_t t0 = p->men[m].t0;
    return t0 > v->v1 + 1 && tok_eq(&p->t[t0 - 1], "BY") && p->vrb[t0 - 2].entry >= 0;
}

/* Codes that actors named together as subject do with each other when the
 * verb names no one else: meeting, talks, agreements, cooperation,
 * releases and exchanges of prisoners, truces, fighting ("Gondor and Rohan
 * signed a treaty", "... exchanged prisoners", "... clashed"). */
static int joint_code(const char *code) {
    return !strncmp(code, "03", 2) || !strncmp(code, "04", 2) || !strncmp(code, "05", 2) ||
           !strncmp(code, "06", 2) || !strncmp(code, "084", 3) || !strncmp(code, "087", 3) ||
           !strcmp(code, "190");
}

/* The actor a stance read in a statement is about: for criticism the
 * nearest before the words of the stance, in their clause ("the US
 * strikes are unacceptable"), else the first after them ("open to talks
 * with Trump"), then the other way; not in group skip. at is one past the
 * words of the stance. */
static int32_t stance_actor(const parse *p, uint32_t at, int64_t skip, int before_first) {
    int32_t found[2] = {-1, -1}; /* before, after */
    for (uint32_t k = at; k-- > 0;) {
        const token *t = &p->t[k];
        if (tok_eq(t, ",") || tok_eq(t, ";") || tok_in(t, CLAUSE_OPENER)) break;
        int32_t m = p->men_at[k];
        if (m >= 0 && (int64_t)p->men[m].group != skip && real_actor(p, m)) {
            found[0] = m;
            break;
        }
    }
    uint32_t end = clause_end(p, at);
    for (uint32_t k = at; k < end; k++) {
        int32_t m = p->men_at[k];
        if (m >= 0 && (int64_t)p->men[m].group != skip && real_actor(p, m)) {
            uint32_t t1 = p->men[m].t1; /* "a violation of X's sovereignty": X suffers it */
            if (p->t[t1 - 1].kind == TK_POSS || (t1 < p->n && p->t[t1].kind == TK_POSS)) break;
            found[1] = m;
            break;
        }
    }
    return before_first ? (found[0] >= 0 ? found[0] : found[1]) : (found[1] >= 0 ? found[1] : found[0]);
}

/* Whether a pattern's code states a stance a statement can carry:
 * intentions (03), criticism, accusation and rejection (11-12), and the
 * statements' own subcodes (01). */
static int stance_code(const char *code) {
    return code && (!strncmp(code, "01", 2) || !strncmp(code, "03", 2) || !strncmp(code, "11", 2) ||
                    !strncmp(code, "12", 2));
}

/* One past the last token of verb iv's object and complements: the end
 * of its clause, or where another finite verb's chain begins, and before
 * that verb's subject ("then Rohan attacked"); a purpose ("sent aid to
 * help Gondor") goes on. */
static uint32_t object_end(const parse *p, const vcand *vs, size_t nv, size_t iv) {
    const vcand *v = &vs[iv];
    uint32_t end = clause_end(p, v->v1);
    for (size_t k = iv + 1; k < nv; k++) {
        if (!vs[k].main || vs[k].inf || vs[k].rel || vs[k].c0 >= end) continue;
        end = vs[k].c0 > v->v1 ? vs[k].c0 : v->v1;
        if (end > v->v1 && p->men_at[end - 1] >= 0 && p->men[p->men_at[end - 1]].t0 >= v->v1 &&
            !reduced_passive(p, &vs[k]))
            end = p->men[p->men_at[end - 1]].t0;
    }
    return end;
}

/* Where the speaker before verb v of saying begins: past a mention right
 * before the verb's chain, up to three capitalised words no dictionary
 * knows and a mention before them ("spokesperson Gan Yu said"); v's chain
 * itself when there is none. */
static uint32_t speaker_start(const parse *p, const vcand *v) {
    uint32_t k = v->c0;
    if (k > 0 && p->men_at[k - 1] >= 0) k = p->men[p->men_at[k - 1]].t0;
    for (int names = 0; k > 0 && names < 3 && p->t[k - 1].cap && p->men_at[k - 1] < 0; names++) k--;
    if (k > 0 && p->men_at[k - 1] >= 0) k = p->men[p->men_at[k - 1]].t0;
    return k;
}

/* The first pattern of verb v's block that matches up to end, in *r. A
 * statement is coded by what it says: when none matches, its patterns of
 * a stance (criticism, accusation, intent) may read the whole reported
 * clause ("said the strikes were a violation": 111); *content says so. */
static const pattern *match_patterns(const parse *p, const vcand *v, uint32_t end, pat_result *r,
                                     int *content) {
    *content = 0;
    for (uint32_t k = 0; k < v->b->npats; k++)
        if (pattern_match(p, &v->b->pats[k], v->v0, v->v1, end, r)) return &v->b->pats[k];
    if (!saying(v)) return NULL;
    uint32_t send = v->v1;
    while (send < p->n && !tok_eq(&p->t[send], ";")) send++;
    for (uint32_t k = 0; k < v->b->npats; k++)
        if (stance_code(v->b->pats[k].code) && pattern_match(p, &v->b->pats[k], v->v0, v->v1, send, r)) {
            *content = 1;
            return &v->b->pats[k];
        }
    /* "'Kurti is the culprit,' said Vucic", "'... unacceptable,' Maduro
     * said": the quotation before the verb and its speaker */
    uint32_t k = speaker_start(p, v);
    if (k == 0 || p->t[k - 1].kind != TK_QUOTE) return NULL;
    uint32_t q1 = k - 1, q0 = q1;
    while (q0 > 0 && p->t[q0 - 1].kind != TK_QUOTE) q0--;
    for (uint32_t i = 0; i < v->b->npats; i++) {
        const pattern *pt = &v->b->pats[i];
        if (pt->npre == 0 && stance_code(pt->code) && pattern_match(p, pt, q0, q0, q1, r)) {
            *content = 2; /* its target is in the quotation too */
            return pt;
        }
    }
    return NULL;
}

/* A pattern of verb iv that spans other verbs takes them in: an earlier
 * one's events are retracted ("indicated it should have acted"), later ones
 * are no verbs of their own. */
static void absorb_verbs(sent_job *j, vcand *vs, size_t iv, const pat_result *r) {
    vcand *v = &vs[iv];
    for (size_t k = 0; k < iv; k++) {
        if (!vs[k].main || vs[k].v0 < r->start || !vs[k].had_event) continue;
        for (size_t e = vs[k].ev0; e < vs[k].ev1 && e < j->doc->nev; e++) j->doc->ev[e].code = NULL;
        vs[k].had_event = 0;
    }
    v->pat0 = r->start < v->v0 ? r->start : v->v0;
    v->pat1 = r->end > v->v1 ? r->end : v->v1;
    for (size_t k = iv + 1; k < j->nv && vs[k].v0 < r->end; k++) vs[k].main = 0;
}

/* "“...,” said Vucic": after a quotation, a verb of saying may come before
 * its subject; returns that actor's mention (-1 when none) and moves
 * *after, where the verb's object may start, past it. */
static int32_t inverted_speaker(const parse *p, const vcand *v, uint32_t *after) {
    if (!saying(v) || v->c0 == 0 || !(p->t[v->c0 - 1].kind == TK_QUOTE || tok_eq(&p->t[v->c0 - 1], ",")))
        return -1;
    uint32_t k = v->v1;
    if (k < p->n && tok_eq(&p->t[k], "THE")) k++;
    if (k >= p->n || p->men_at[k] < 0 || p->men[p->men_at[k]].t0 != k) return -1;
    *after = p->men[p->men_at[k]].t1;
    return p->men_at[k];
}

/* The subject of the condition ("If Gondor rearms, ...") whose
 * consequence verb v states: the first actor after "if" or "unless" where
 * a clause starts (the sentence, a quotation, after "that"), when a comma
 * closes that clause right before v's subject; -1 for none. */
static int32_t condition_actor(const parse *p, const vcand *v) {
    static const char *const IF[] = {"IF", "UNLESS", NULL};
    uint32_t k = v->c0;
    while (k > 0 && (p->men_at[k - 1] >= 0 || tok_in(&p->t[k - 1], PRONOUN))) k--;
    if (k == 0 || !tok_eq(&p->t[k - 1], ",")) return -1;
    uint32_t s = k - 1;
    while (s > 0 && p->t[s - 1].kind != TK_QUOTE && !tok_in(&p->t[s - 1], IF)) s--;
    if (s == 0 || !tok_in(&p->t[s - 1], IF)) return -1;
    if (s >= 2 && p->t[s - 2].kind != TK_QUOTE && !tok_eq(&p->t[s - 2], "THAT") &&
        !tok_eq(&p->t[s - 2], ",") && !tok_eq(&p->t[s - 2], ":"))
        return -1; /* not where a clause starts */
    for (uint32_t q = s; q < k - 1; q++)
        if (real_actor(p, p->men_at[q])) return p->men_at[q];
    return -1;
}

/* Whether verb v's subject is "we" or "I": the speaker of its quotation. */
static int first_person(const parse *p, const vcand *v) {
    return v->c0 > 0 && (tok_eq(&p->t[v->c0 - 1], "WE") || tok_eq(&p->t[v->c0 - 1], "I"));
}

/* Whether s is a main verb of saying, outside quotation marks, attached
 * to a quotation: right after it closes ("“...,” Gondor said", "“...,”
 * said Gondor") or right before it opens ("Gondor said: “...”"). */
int coder_quoting(const parse *p, const vcand *s) {
    if (!s->main || !saying(s) || quoted(p, s->v0)) return 0;
    uint32_t k = speaker_start(p, s);
    if (k > 0 && tok_eq(&p->t[k - 1], ",")) k--;
    if (k > 0 && p->t[k - 1].kind == TK_QUOTE) return 1;
    uint32_t e = s->v1;
    if (e < p->n && (tok_eq(&p->t[e], ":") || tok_eq(&p->t[e], ","))) e++;
    return e < p->n && p->t[e].kind == TK_QUOTE && !quoted(p, e);
}

/* The speaker of the quotation verb iv is in: the subject of the verb of
 * saying attached to it ("“We will respond,” Gondor said"), -1 when the
 * sentence has none. */
static int32_t quote_speaker(const parse *p, vcand *vs, size_t nv, size_t iv) {
    for (size_t k = 0; k < nv; k++) {
        vcand *s = &vs[k];
        if (k == iv || !coder_quoting(p, s)) continue;
        if (k < iv) return s->src;
        uint32_t after;
        int32_t m = inverted_speaker(p, s, &after);
        return m >= 0 ? m : subject(p, vs, k);
    }
    return -1;
}

/* What verb v's event of code acts on, its source *src being swapped in
 * for a passive with "by" (by: the actor after "by", -1). A statement's
 * addressee or the actor it concerns, else the verb's object in [after,
 * end); a place of the clause is a target only for codes that act on
 * places. Sets v->why. */
static int32_t verb_target(const parse *p, vcand *v, const char *code, int32_t *src, int32_t by,
                           int content, uint32_t after, uint32_t end, const pat_result *r) {
    int64_t skip = *src >= 0 ? (int64_t)p->men[*src].group : -1;
    int32_t tgt;
    if (by >= 0 && !v->passive) { /* "a meeting hosted by X": X acts on the noun before */
        tgt = mention_before(p, v->c0);
        *src = by;
    } else if (by >= 0) { /* "was opposed by X" */
        tgt = *src;
        *src = by;
    } else if (v->passive && !content && strncmp(code, "01", 2) != 0) {
        tgt = *src; /* "soldiers were attacked near Gaza": by someone unnamed */
        *src = -1;
    } else if (content) { /* the actor the stance is about, in the reported clause */
        tgt = content == 1 ? said_to(p, v->v1, end) : -1;
        if (tgt < 0) tgt = stance_actor(p, r->end, skip, !strncmp(code, "11", 2));
        if (tgt >= 0) v->why |= EV_ABOUT;
    } else if (!strncmp(code, "01", 2)) { /* "told Gondor"; never "said Gondor attacked" */
        tgt = said_to(p, after, end);
        if (tgt < 0) { /* what the statement is about, when nothing else is coded */
            tgt = content_actor(p, after, skip);
            if (tgt >= 0) v->why |= EV_ABOUT;
        }
    } else {
        int place = 0;
        tgt = next_mention(p, v->v1, end, skip, place_target(code), &place);
        if (place) v->why |= EV_PLACE;
    }
    /* the pattern's own target; a passive's is its subject */
    if (r->target >= 0 && r->target != tgt && r->target != by && !(v->passive && by < 0)) {
        tgt = r->target;
        const token *w = word_before(p, tgt);
        v->why = (uint16_t)((v->why & ~EV_PLACE) |
                            (w && tok_in(w, WHERE_PREP) && !organisation(p, tgt) ? EV_PLACE : 0));
    }
    if (r->compound >= 0 && r->compound_after) tgt = r->compound; /* "agrees with % " */
    return tgt;
}

/* Whether the verb's object, right after it (past "the"), is a name no
 * dictionary, gazetteer or date knows ("accused Lopez of kidnapping him
 * and handing him to US police"): someone with no known country, so the
 * actors after it are no target of the verb. */
static int unknown_object(const sent_job *j, uint32_t after, uint32_t end) {
    const parse *p = j->p;
    uint32_t k = after;
    if (k < end && tok_in(&p->t[k], DET)) k++;
    if (k >= end) return 0;
    const token *t = &p->t[k];
    if (t->kind != TK_WORD || !t->cap || p->men_at[k] >= 0 || p->vrb[k].entry >= 0 ||
        tok_in(t, PRONOUN) || tok_in(t, FUNCTION_WORD) || tok_in(t, CLAUSE_WORD) ||
        t->compound || /* "Rohan-backed" */
        (k + 1 < p->n && (p->t[k + 1].kind == TK_POSS || p->men_at[k + 1] >= 0)))
        return 0; /* "hailed Ocalan's call for X", "the Eastfold police" */
    for (int d = 0; d < j->ndates; d++)
        if (k >= j->dates[d].t0 && k < j->dates[d].t1) return 0;
    for (uint32_t m = 0; m < j->nplaces; m++)
        if (k >= j->places[m].t0 && k < j->places[m].t1) return 0;
    return 1;
}

/* Whether mention m is what an event noun was done to: "the killing of
 * X", "the attack on X", "the arrest of X". */
static int victim(const parse *p, int32_t m) {
    uint32_t k = p->men[m].t0;
    if (k > 0 && tok_in(&p->t[k - 1], DET)) k--;
    if (k < 2 ||
        !(tok_eq(&p->t[k - 1], "OF") || tok_eq(&p->t[k - 1], "ON") || tok_eq(&p->t[k - 1], "AGAINST")))
        return 0;
    const token *n = &p->t[k - 2];
    if (n->kind != TK_WORD || n->cap || p->vrb[k - 2].entry < 0) return 0;
    return ends_with(n, "ING") || (k >= 3 && (tok_in(&p->t[k - 3], DET) || p->t[k - 3].kind == TK_POSS));
}

/* How many sentences back a deed is looked for. */
#define DEED_WINDOW 4

/* The source of the deed the event noun at token k refers back to: the
 * last event of the same root (a noun with no code of its own, "the
 * strikes": of force), in this sentence or the DEED_WINDOW before, whose
 * source names a country or an organisation other than that of mention
 * critic (-1: none); NULL for none. */
static const char *deed_at(const sent_job *j, uint32_t k, int32_t critic) {
    const parse *p = j->p;
    int32_t f = p->vrb[k].entry;
    if (f < 0 || p->t[k].cap || p->men_at[k] >= 0) return NULL;
    const char *nc = form_code(p->d, &p->d->forms.v[f]);
    if (nc && (!nc[0] || !nc[1])) return NULL;
    const dyad_doc *doc = j->doc;
    for (size_t r = doc->nev; r-- > 0;) {
        const dyad_event *e = &doc->ev[r];
        if (e->sentence + DEED_WINDOW < j->sidx) break;
        if (!e->code || !coder_named(e->source)) continue;
        /* not the critic's own: "X returned fire ... X denounced the strikes" */
        if (critic >= 0 && !strncmp(e->source, p->men[critic].code, 3)) continue;
        /* a noun of no code of its own ("the strikes") is a deed of force */
        if (nc ? !strncmp(e->code, nc, 2)
               : (e->code[0] == '2' || !strncmp(e->code, "18", 2) || !strncmp(e->code, "19", 2)))
            return e->source;
    }
    return NULL;
}

/* The source of the deed a definite event noun right after verb v refers
 * back to ("denounced the strikes", see deed_at), not one whose object or
 * agent follows it ("the strikes on X"). */
static const char *deed_doer(const sent_job *j, const vcand *v, uint32_t end, int32_t critic) {
    const parse *p = j->p;
    uint32_t k = v->v1;
    if (k + 1 >= end || !tok_eq(&p->t[k], "THE")) return NULL;
    k++;
    if (k + 1 < p->n && (tok_eq(&p->t[k + 1], "OF") || tok_eq(&p->t[k + 1], "BY") ||
                         tok_eq(&p->t[k + 1], "ON") || tok_eq(&p->t[k + 1], "AGAINST")))
        return NULL; /* "the strikes on X", "the attack by Y": said there */
    return deed_at(j, k, critic);
}

/* The source of the deed the event noun at token k, subject of verb v,
 * refers back to ("The latest attack hit Beirut", "Monday's airstrikes
 * killed"): a noun after "the", a possessive or a day's "'s", with at most
 * one plain word between; NULL for none. */
static const char *subject_deed(const sent_job *j, const vcand *v) {
    const parse *p = j->p;
    if (v->c0 < 2 || v->passive) return NULL;
    uint32_t k = v->c0 - 1, d = k - 1;
    if (d > 0 && !tok_in(&p->t[d], DET) && p->t[d].kind != TK_POSS && p->vrb[d].entry < 0 &&
        p->men_at[d] < 0 && !p->t[d].cap)
        d--; /* "the latest attack" */
    if (!tok_eq(&p->t[d], "THE") && p->t[d].kind != TK_POSS) return NULL;
    return deed_at(j, k, -1);
}

/* Whether code is mediation (045). */
static int mediation(const char *code) { return code && !strcmp(code, "045"); }

/* Whether the sentence names country cc acting with its subject
 * ("alongside Egypt"): a mediator too, no party. */
static int co_mediator(const parse *p, const char *cc) {
    for (uint32_t m = 0; m < p->nmen; m++) {
        uint32_t t0 = p->men[m].t0;
        if (t0 > 0 && tok_in(&p->t[t0 - 1], ALONGSIDE) && !strncmp(p->men[m].code, cc, 3)) return 1;
    }
    return 0;
}

/* A mediator and the sentence naming it, for article_pair. */
typedef struct mediator_of {
    const parse *p;
    const char *code;
} mediator_of;

/* Whether country cc is the mediator's or a co-mediator's: no party. */
static int not_party(const char *cc, const void *arg) {
    const mediator_of *mo = arg;
    return !strncmp(cc, mo->code, 3) || co_mediator(mo->p, cc);
}

/* Codes mediator src mediating between the parties (CAMEO 045 acts on
 * each side): the actors after "between" in the sentence ("brokered a
 * truce between Gondor and Rohan"), else the two countries the article
 * has named most so far, other than the mediator's, each at least twice
 * and ahead of any third ("talks mediated by Oman" in an article on Iran
 * and the United States). Sets *done when it coded any. */
static int mediate(sent_job *j, int32_t src, const vcand *v, const char *rule, int *done) {
    const parse *p = j->p;
    *done = 0;
    for (uint32_t k = 0; k + 1 < p->n; k++) {
        if (!tok_eq(&p->t[k], "BETWEEN")) continue;
        uint32_t i = k + 1;
        if (tok_eq(&p->t[i], "THE") && i + 1 < p->n) i++;
        int32_t m = p->men_at[i];
        if (m < 0 || p->men[m].group == p->men[src].group || group_size(p, p->men[m].group) < 2)
            continue;
        *done = 1;
        return emit(j, src, m, "045", v, rule);
    }
    const article_countries *ac = &j->doc->ac;
    mediator_of mo = {p, p->men[src].code};
    uint32_t top[2];
    if (article_pair(ac, not_party, &mo, top) != 0) return 0;
    vcand w = *v;
    w.why |= EV_PARTIES;
    j->given_basis = "article";
    for (int r = 0; r < 2; r++) {
        j->given = ac->cc[top[r]];
        if (emit(j, src, GIVEN_ACTOR, "045", &w, rule) != 0) return -1;
    }
    *done = 1;
    return 0;
}

/* Codes host, the actor after "by" of a participle of meeting verb iv
 * (", hosted by X"), receiving each actor of the events of the meeting
 * verb before it ("Trump met al-Sharaa"); sets *done when it coded any.
 * Returns -1 when out of memory. */
static int host_meeting(sent_job *j, vcand *vs, size_t iv, int32_t host, const char *code,
                        const char *rule, int *done) {
    const parse *p = j->p;
    *done = 0;
    size_t k = iv;
    while (k-- > 0 && !(vs[k].main && vs[k].had_event)) {
    }
    if (k >= iv) return 0;
    const char *seen[8];
    size_t nseen = 0, first = vs[k].ev0, last = vs[k].ev1;
    for (size_t e = first; e < last && e < j->doc->nev && nseen < 8; e++) {
        const char *c = j->doc->ev[e].code; /* a meeting, a visit, talks (036) */
        if (!c || (strncmp(c, "04", 2) != 0 && strcmp(c, "036") != 0)) continue;
        const char *side[2] = {j->doc->ev[e].source, j->doc->ev[e].target};
        for (int q = 0; q < 2 && nseen < 8; q++) {
            int dup = !coder_named(side[q]) || !strncmp(side[q], p->men[host].code, 3);
            for (size_t r = 0; r < nseen && !dup; r++) dup = !strcmp(seen[r], side[q]);
            if (dup) continue;
            seen[nseen++] = side[q];
            j->given = side[q];
            j->given_basis = "coreference";
            if (emit(j, host, GIVEN_ACTOR, code, &vs[iv], rule) != 0) return -1;
            *done = 1;
        }
    }
    return 0;
}

/* Codes one verb; returns -1 when out of memory. */
/* What code_verb learns of one verb before it emits: its code (and the
 * reverse code, the rule), the pattern that matched, and the dyad. */
typedef struct verb_coding {
    const char *code, *rcode, *rule;
    const pattern *hit;
    pat_result r;
    uint32_t end, after; /* where its object ends; where it may start */
    int content, given_src, suffered;
    int32_t src, by, tgt;
} verb_coding;

/* Reads verb iv: its code from its entry or a pattern, its subject, and
 * the evidence against it (quoted, reported, conditional, habitual), a
 * negation making it a refusal and an intention its intended code.
 * 1 when it may give an event, 0 when not. */
static int read_verb(sent_job *j, vcand *vs, size_t iv, verb_coding *c) {
    const parse *p = j->p;
    vcand *v = &vs[iv];
    const char *code = form_code(p->d, v->f);
    const char *rcode = v->f->code ? NULL : v->b->rcode;
    const char *rule = v->f->rule ? v->f->rule : v->b->rule;
    pat_result r = {-1, -1, -1, 0, v->v1, v->v0};
    uint32_t end = object_end(p, vs, j->nv, iv);
    int content;
    const pattern *hit = match_patterns(p, v, end, &r, &content);
    if (hit) {
        code = hit->code;
        rcode = hit->rcode;
        rule = hit->rule;
        absorb_verbs(j, vs, iv, &r);
    }
    uint32_t after = v->v1;                  /* where the verb's object may start */
    v->src = inverted_speaker(p, v, &after); /* "'...,' said Gondor" */
    if (v->rel) v->src = p->men_at[v->v0 - 1];
    if (v->src < 0) v->src = subject(p, vs, iv);
    int given_src = 0; /* "“We warn Gondor”": the speaker of the last sentence */
    if (first_person(p, v) && quoted(p, v->v0)) {
        v->src = quote_speaker(p, vs, j->nv, iv);
        if (v->src < 0 && j->doc->speaker && j->doc->speaker_si + 1 == j->sidx) {
            j->given = j->doc->speaker;
            j->given_basis = j->doc->speaker_basis;
            given_src = 1;
        }
    }
    if (!usable_code(code)) return 0;
    if (hit) v->why |= EV_PATTERN;
    if (quoted(p, v->v0)) { /* "“We will strike back,” Gondor said": its intent */
        v->why |= EV_REPORTED;
        if (v->future) v->intent = 1;
    }
    if (hypothetical(p, v)) v->why |= EV_IF;
    if (habitual(p, v, code)) v->why |= EV_HABIT;
    /* in a clause a statement reports; "X said it would release Y": what a
     * statement says will be done */
    for (size_t k = 0; k < iv; k++)
        if (vs[k].main && saying(&vs[k])) {
            v->why |= EV_REPORTED;
            if (v->future) v->intent = 1;
        }
    if (v->neg && (!hit || hit->npre == 0)) {
        /* "will not lift the embargo": a refusal, when it has a code */
        if (!v->future && !v->intent) return 0;
        code = map_code(REFUSAL, NMAP(REFUSAL), code, NULL);
        rcode = NULL;
        if (!code) return 0;
    } else if (v->intent) {
        code = map_code(INTENT, NMAP(INTENT), code, code);
        if (usable_code(rcode)) rcode = map_code(INTENT, NMAP(INTENT), rcode, rcode);
    }
    *c = (verb_coding){code, rcode, rule, hit, r, end, after, content, given_src, 0, -1, -1, -1};
    return 1;
}

/* The source and target of verb iv (c read by read_verb): the subject or
 * the pattern's, the agent of a passive, the object; a pair that does
 * something to each other is coded at once. Then whom an accusation or a
 * threat is against when the verb does not say. -1 when out of memory, 0
 * when the verb is coded already, 1 to go on. */
static int verb_dyad(sent_job *j, vcand *vs, size_t iv, verb_coding *c) {
    const parse *p = j->p;
    vcand *v = &vs[iv];
    const char *code = c->code, *rule = c->rule;
    pat_result r = c->r;
    uint32_t end = c->end, after = c->after;
    int content = c->content, given_src = c->given_src;
    int32_t src = given_src ? GIVEN_ACTOR : v->src;
    if (src == -1 && (j->given = subject_deed(j, v)) != NULL) { /* "The latest attack hit" */
        j->given_basis = "coreference";
        src = GIVEN_ACTOR;
    }
    int32_t by = v->passive              ? agent_by(p, v->v1, end, 8)
                 : reduced_passive(p, v) ? by_agent(p, v->v1)
                                         : -1;
    if (by < 0 && !content && strncmp(code, "01", 2) != 0 && unknown_object(j, v->v1, end))
        end = v->v1; /* "accused Lopez of ..." */
    int32_t tgt = verb_target(p, v, code, &src, by, content, after, end, &r);
    if (r.target >= 0 && p->men[r.target].t1 <= v->v0) {
        /* "- + * UNDER &ATTACK [190]": a target before the verb is its
         * subject ("they came under attack": whom "they" stands for); the
         * source is the pattern's own, or unnamed */
        if (v->src >= 0) tgt = v->src;
        src = r.source;
    } else if (r.source >= 0) {
        src = r.source;
    }
    /* "Gondor and Rohan blamed each other", "Each blamed the other" */
    if (src >= 0 && group_size(p, p->men[src].group) > 1 && reciprocal(p, v->v1)) {
        v->why |= EV_JOINT;
        if (each_other(j, p->men[src].group, code, v, rule) != 0) return -1;
        v->had_event = 1;
        return 0; /* coded */
    }
    if (r.compound >= 0 && !r.compound_after) { /* '%' before: each member with each other */
        if (each_other(j, p->men[r.compound].group, code, v, rule) != 0) return -1;
        v->had_event = 1;
        return 0; /* coded */
    }
    /* "condemned the killing of X": X suffered what is condemned; the
     * target is whoever did it ("by Y"), else no one named */
    int suffered = !strncmp(code, "11", 2) && tgt >= 0 && victim(p, tgt);
    if (suffered) tgt = by_agent(p, p->men[tgt].t1);
    /* "denounced the strikes": whoever carried out the strikes the article
     * told of just before */
    if (!strncmp(code, "11", 2) && tgt < 0 && !content && src != GIVEN_ACTOR &&
        (j->given = deed_doer(j, v, end, src)) != NULL) {
        j->given_basis = "coreference";
        tgt = GIVEN_ACTOR;
    }
    /* "If Gondor rearms, we will attack": a threat against the condition's subject */
    if (tgt == -1 && v->future && strncmp(code, "13", 2) >= 0) {
        int32_t who = condition_actor(p, v);
        if (who >= 0 && (src < 0 || p->men[who].group != p->men[src].group)) tgt = who;
    }
    /* "He said Machar is accused of ...": an accusation no one is named
     * for, in a clause a statement reports, is the speaker's */
    if (src == -1 && by < 0 && v->passive && tgt >= 0 &&
        (!strncmp(code, "11", 2) || !strncmp(code, "12", 2)))
        for (size_t k = iv; k-- > 0;)
            if (vs[k].main && saying(&vs[k]) && vs[k].v1 <= v->c0 && vs[k].src >= 0 &&
                p->men[vs[k].src].group != p->men[tgt].group) {
                src = vs[k].src;
                break;
            }
    c->src = src;
    c->by = by;
    c->tgt = tgt;
    c->end = end;
    c->suffered = suffered;
    return 1;
}

static int code_verb(sent_job *j, vcand *vs, size_t iv) {
    const parse *p = j->p;
    vcand *v = &vs[iv];
    verb_coding c;
    if (!read_verb(j, vs, iv, &c)) return 0;
    int go = verb_dyad(j, vs, iv, &c);
    if (go <= 0) return go;
    const char *code = c.code, *rcode = c.rcode, *rule = c.rule;
    uint32_t end = c.end;
    int content = c.content, suffered = c.suffered;
    int32_t src = c.src, by = c.by, tgt = c.tgt;
    /* "Trump met al-Sharaa, hosted by bin Salman": the host receives each
     * side of the meeting the clause before told of */
    if (by >= 0 && !v->passive && tgt < 0 && !strncmp(code, "04", 2) && v->c0 > 0 &&
        tok_eq(&p->t[v->c0 - 1], ",")) {
        int done;
        if (host_meeting(j, vs, iv, by, code, rule, &done) != 0) return -1;
        if (done) {
            v->had_event = 1;
            return 0;
        }
    }
    if (src < 0 && tgt < 0) return 0;
    /* "Zambada was arrested in the United States": by the police of the
     * place, else of the article's country */
    if (src == -1 && by < 0 && v->passive && tgt >= 0 && !strncmp(code, "173", 3)) {
        int32_t pl = clause_place(j, v->v1, end);
        j->given = pl >= 0 ? coder_with_country(p->a, "---COP", j->places[pl].e->country) : "---COP";
        j->given_basis = pl >= 0 ? "place" : "";
        if (!j->given) return -1;
        src = GIVEN_ACTOR;
        v->why |= EV_IMPLIED;
    }
    /* "Gondor and Rohan met", "... signed a deal to send police": each with
     * the other, when the verb names no one else with a country */
    if (src >= 0 &&
        (tgt < 0 || !real_actor(p, tgt) || (v->why & EV_PLACE) || agent_of_other(p, v, tgt)) &&
        joint_code(code) && group_size(p, p->men[src].group) > 1) {
        v->why = (uint16_t)((v->why & ~EV_PLACE) | EV_JOINT);
        if (each_other(j, p->men[src].group, code, v, rule) != 0) return -1;
        v->had_event = 1;
        return 0;
    }
    if (tgt == -1 && by < 0 && !content && !suffered && place_stands_for_people(code)) {
        /* "declared a truce in Gondor" */
        tgt = next_mention(p, v->v1, end, src >= 0 ? (int64_t)p->men[src].group : -1, 1, NULL);
        if (tgt < 0 && src >= 0 && (j->place_target = clause_place(j, v->v1, end)) >= 0)
            tgt = PLACE_TARGET; /* "strikes were carried out in Khost" */
        if (tgt != -1) v->why |= EV_PLACE;
    }
    if (mediation(code) && real_actor(p, src) && (tgt < 0 || !real_actor(p, tgt))) {
        int done;
        if (mediate(j, src, v, rule, &done) != 0) return -1;
        if (done) {
            v->had_event = 1;
            return 0;
        }
    }
    if (emit(j, src, tgt, code, v, rule) != 0) return -1;
    if (usable_code(rcode) && src >= 0 && tgt >= 0 && emit(j, tgt, src, rcode, v, rule) != 0) return -1;
    v->had_event = 1;
    return 0;
}

/* Nominal events: a verb's noun after a determiner or an actor ("the
 * assassination of Haniyeh by Israel", "Israel's invasion of Rafah", "the
 * Israeli bombardment of Gaza"). The source is the actor right before the
 * noun or the actor after "by"; the target the object of a pattern of the
 * verb's block, else of "of", "on", "against", "to", "into" or "with"; one
 * of those words follows the noun and the target comes right after it (or
 * after "the"); a visit's place may follow "in" or "at", within a few words
 * ("Blinken's arrival in the new city of El Alamein"). Both must be there,
 * and the source must name an actor, not only a role. */
static const char *const NOMINAL_PREP[] = {"OF", "ON", "AGAINST", "TO", "INTO", "WITH", "UPON", NULL};

/* Whether verb match v is a noun that a determiner or an actor introduces. */
static int nominal_use(const parse *p, const vcand *v) {
    const token *w = &p->t[v->vw];
    if (v->v0 == 0 || v->vw != v->v0 || w->kind != TK_WORD) return 0;
    if (w->cap || ends_with(w, "ED")) return 0;                  /* a name; "the attacked town" */
    if (ends_with(w, "TION") || ends_with(w, "TIONS")) return 1; /* no verb: "involving mediation by" */
    if (v->v1 < p->n && tok_eq(&p->t[v->v1], "BETWEEN")) return 1; /* "a phone call between" */
    const token *prev = &p->t[v->v0 - 1];
    return tok_in(prev, DET) || prev->kind == TK_POSS || p->men_at[v->v0 - 1] >= 0;
}

/* "a phone call between A and B": each of the actors after "between"
 * (token at) with the other, when a pattern of words before the noun
 * ("- PHONE_* [041]"), or of the noun's object up to "between" ("the
 * signing of the accords between": "- * &AGREEMENT [057]"), gives a code
 * of a joint subject's (joint_code). */
static int nominal_between(sent_job *j, vcand *v, uint32_t at, const char *code, const char *rule) {
    const parse *p = j->p;
    uint32_t i = at + 1; /* "between the two countries" begins at "the" */
    if (i + 1 < p->n && tok_eq(&p->t[i], "THE") && p->men_at[i] < 0) i++;
    int32_t m = p->men_at[i];
    if (m < 0 || p->men[m].t0 != i || group_size(p, p->men[m].group) < 2) return 0;
    pat_result r = {-1, -1, -1, 0, v->v1, v->v0};
    for (uint32_t k = 0; k < v->b->npats; k++) {
        const pattern *pt = &v->b->pats[k];
        /* words before the noun ("a phone call between"), or the noun's
         * object up to "between" ("the signing of agreements between") */
        if (at == v->v1 ? pt->npre && !pt->npost && pattern_match(p, pt, v->v0, v->v1, v->v1, &r)
                        : !pt->npre && pt->npost && pattern_match(p, pt, v->v0, v->v1, at, &r) &&
                              r.target < 0 && r.source < 0) {
            code = pt->code;
            rule = pt->rule;
            v->why |= EV_PATTERN;
            break;
        }
    }
    /* a noun alone ("talks between", "a meeting between") is as often a
     * restatement or background as the event: only a pattern's words
     * ("a phone call between") make it one */
    if (!(v->why & EV_PATTERN) || !usable_code(code) || !joint_code(code)) return 0;
    v->why |= EV_NOMINAL | EV_JOINT | (quoted(p, v->v0) ? EV_REPORTED : 0);
    if (each_other(j, p->men[m].group, code, v, rule) != 0) return -1;
    v->had_event = 1;
    return 0;
}

static int code_nominal(sent_job *j, vcand *v) {
    const parse *p = j->p;
    const char *code = form_code(p->d, v->f);
    const char *rule = v->f->rule ? v->f->rule : v->b->rule;
    if (mediation(code)) { /* "Qatari mediation", "mediation by Oman", "the mediation of Angola" */
        int32_t src = mention_before(p, v->v0);
        if (!real_actor(p, src)) src = by_agent(p, v->v1);
        if (!real_actor(p, src) && v->v1 < p->n && tok_eq(&p->t[v->v1], "OF"))
            src = next_mention(p, v->v1 + 1, clause_end(p, v->v1 + 1), -1, 0, NULL);
        if (!real_actor(p, src)) return 0;
        /* the mediator named by the noun's own construction, as a pattern would */
        v->why |= EV_NOMINAL | EV_PATTERN | (quoted(p, v->v0) ? EV_REPORTED : 0);
        int done;
        if (mediate(j, src, v, rule, &done) != 0) return -1;
        v->had_event |= (uint8_t)done;
        return 0;
    }
    if (v->v1 + 1 < p->n && tok_eq(&p->t[v->v1], "BETWEEN"))
        return nominal_between(j, v, v->v1, code, rule);
    if (v->v1 + 2 < p->n && tok_eq(&p->t[v->v1], "OF")) /* "the signing of the accords between" */
        for (uint32_t k = v->v1 + 2; k < p->n && k < v->v1 + 6 && p->men_at[k] < 0; k++)
            if (tok_eq(&p->t[k], "BETWEEN")) return nominal_between(j, v, k, code, rule);
    /* "Blinken's arrival in Cairo", "the visit to Doha": where a visit goes */
    int visit = usable_code(code) && !strncmp(code, "042", 3) && v->v1 + 1 < p->n &&
                (tok_eq(&p->t[v->v1], "IN") || tok_eq(&p->t[v->v1], "AT"));
    if (v->v1 + 1 >= p->n || (!visit && !tok_in(&p->t[v->v1], NOMINAL_PREP))) return 0;
    int32_t src = mention_before(p, v->v0), tgt = -1;
    pat_result r = {-1, -1, -1, 0, v->v1, v->v0};
    for (uint32_t k = 0; k < v->b->npats; k++) {
        const pattern *pt = &v->b->pats[k];
        if (pt->npre || !pattern_match(p, pt, v->v0, v->v1, clause_end(p, v->v1), &r) || r.target < 0)
            continue;
        code = pt->code;
        rule = pt->rule;
        tgt = r.target;
        if (r.source >= 0) src = r.source;
        v->why |= EV_PATTERN;
        break;
    }
    if (tgt >= 0 && p->men[tgt].t0 > v->v1 + 2) tgt = -1; /* too far to be the noun's object */
    uint32_t after = v->v1 + 1;                           /* where the noun's object ends */
    if (tgt < 0) {
        uint32_t k = v->v1 + 1;
        if (tok_eq(&p->t[k], "THE") && k + 1 < p->n) k++;
        int32_t m = p->men_at[k];
        if (m >= 0 && p->men[m].t0 == k) tgt = m;
        /* "the destruction of the Rafah Crossing by Israeli forces": a
         * place of the gazetteer where a deed of force or a visit falls */
        for (uint32_t q = 0; tgt < 0 && q < j->nplaces && usable_code(code) && place_target(code); q++) {
            const place_mention *pm = &j->places[q];
            /* a visit's place may come after a description: "in the new
             * city of El Alamein" */
            if ((visit ? pm->t0 < k || pm->t0 > k + 4 : pm->t0 != k) || !pm->e ||
                strlen(pm->e->country) != 3)
                continue;
            j->place_target = (int32_t)q;
            tgt = PLACE_TARGET;
            after = pm->t1;
        }
    }
    if (tgt == -1 || !usable_code(code)) return 0;
    if (tgt >= 0) after = p->men[tgt].t1;
    if (src < 0) src = by_agent(p, after);
    if (!real_actor(p, src) || (tgt >= 0 && p->men[src].group == p->men[tgt].group)) return 0;
    if (tgt == PLACE_TARGET) v->why |= EV_PLACE;
    v->why |= EV_NOMINAL | (quoted(p, v->v0) ? EV_REPORTED : 0);
    if (emit(j, src, tgt, code, v, rule) != 0) return -1;
    v->had_event = 1;
    return 0;
}

/* Whether "to" at token to follows an object that a verb before it takes
 * ("pushed him to", "asked Gondor to", "called on Rohan to"). */
static int controlled_to(const parse *p, uint32_t to) {
    static const char *const OBJ[] = {"HIM", "HER", "THEM", "US", "ME", "IT", NULL};
    static const char *const CONTROL[] = {
        "ASK",    "ASKS",   "TELL",    "TELLS",     "TOLD",       "URGE",   "URGES",   "PUSH",
        "PUSHES", "PRESS",  "PRESSES", "FORCE",     "FORCES",     "ALLOW",  "ALLOWS",  "WANT",
        "WANTS",  "EXPECT", "EXPECTS", "ENCOURAGE", "ENCOURAGES", "INVITE", "INVITES", "LET",
        "MADE",   "MAKE",   "MAKES",   "CALL",      "CALLS",      NULL};
    if (to < 2) return 0;
    uint32_t o = to - 1; /* the object ends right before "to" */
    int32_t m = p->men_at[o];
    if (m >= 0)
        o = p->men[m].t0;
    else if (!tok_in(&p->t[o], OBJ))
        return 0;
    if (o > 0 && tok_eq(&p->t[o - 1], "ON")) o--; /* "called on Gondor to" */
    if (o == 0) return 0;
    const token *c = &p->t[o - 1]; /* the verb that takes the object */
    return c->kind == TK_WORD && !c->cap && !tok_in(c, PREP) &&
           (p->vrb[o - 1].entry >= 0 || ends_with(c, "ED") || tok_in(c, CONTROL));
}

/* Whether complement k ("to join") has its own subject: the object right
 * after the verb it completes ("pushed him to join", "asked Gondor to
 * leave"), who is asked or made to do it, not doing it. */
static int object_control(const parse *p, const vcand *vs, size_t k) {
    const vcand *v = &vs[k];
    if (v->c0 < 2 || !tok_eq(&p->t[v->c0], "TO")) return 0; /* the chain starts at "to" */
    return controlled_to(p, v->c0);
}

/* Whether complement k completes a noun of decision further on than the
 * main verb before it ("said it was their sovereign decision to leave
 * ECOWAS"): what was decided, coded on its own; a complement of the verb
 * ("agreed to attend") or of another noun ("has no powers to commit") is
 * not. */
static int decided(const parse *p, const vcand *vs, size_t k) {
    static const char *const DECISION[] = {"DECISION", "DECISIONS", "MOVE", "VOTE", NULL};
    const vcand *v = &vs[k];
    if (v->c0 == 0 || !tok_eq(&p->t[v->c0], "TO")) return 0;
    uint32_t n = v->c0 - 1;
    if (n > 0 && p->t[n].kind == TK_QUOTE) n--; /* 'their "sovereign decision" to' */
    if (!tok_in(&p->t[n], DECISION)) return 0;
    for (size_t u = k; u-- > 0;)
        if (vs[u].main) return v->c0 > vs[u].v1 + 3;
    return 0;
}

/* Whether verb k is coordinated ("and normalize") with a complement that
 * has its own subject (object_control). */
static int shares_control(const parse *p, const vcand *vs, size_t k) {
    const vcand *v = &vs[k];
    if (v->c0 == 0 || !(tok_eq(&p->t[v->c0 - 1], "AND") || tok_eq(&p->t[v->c0 - 1], "OR") ||
                        tok_eq(&p->t[v->c0 - 1], ",")))
        return 0;
    for (size_t u = k; u-- > 0;)
        if (vs[u].main && vs[u].v1 <= v->c0) return vs[u].ctl;
    /* "pushed him to join the Accords and normalize": a complement the
     * dictionary has no verb for */
    for (uint32_t i = v->c0 - 1, n = 0; i-- > 0 && n < 12; n++) {
        const token *t = &p->t[i];
        if (tok_eq(t, ";") || tok_eq(t, ":") || tok_in(t, CLAUSE_OPENER)) return 0;
        if (tok_eq(t, "TO")) return controlled_to(p, i);
    }
    return 0;
}

/* Codes the clauses of j's sentence (see coder.h). */
int coder_clauses(sent_job *j, const dicts *d, uint32_t ntok, vcand **pvs, size_t *pnv) {
    dyad_doc *doc = j->doc;
    const parse *p = j->p;
    vcand *vs = arena_calloc(&doc->scratch, (size_t)ntok + 1, sizeof *vs);
    vcand *noms = arena_calloc(&doc->scratch, (size_t)ntok + 1, sizeof *noms);
    if (!vs || !noms) return -1;
    size_t nv = 0, nnom = 0;
    for (uint32_t i = 0; i < ntok; i++) {
        if (p->vrb[i].entry < 0) continue;
        vcand *v = &vs[nv];
        v->f = &d->forms.v[p->vrb[i].entry];
        v->b = &d->blocks.v[v->f->block];
        v->v0 = i;
        v->v1 = i + p->vrb[i].len;
        v->vw = i + v->f->verb_pos;
        v->src = -1;
        aux_chain(p, v);
        v->main = (uint8_t)is_main(p, v) && !reduced_relative(p, vs, nv, v);
        if (v->main)
            nv++;
        else {
            if (nominal_use(p, v)) noms[nnom++] = *v;
            memset(v, 0, sizeof *v);
        }
        i = v->main ? vs[nv - 1].v1 - 1 : i;
    }
    j->nv = nv;
    int any_event = 0;
    size_t first_ev = doc->nev;
    for (size_t k = 0; k < nv; k++) {
        vcand *v = &vs[k];
        if (!v->main) continue;
        /* a complement ("agreed to attend") is coded only when the verb it
         * completes gave no event */
        if (v->inf && any_event && !decided(p, vs, k)) continue;
        if ((v->inf && object_control(p, vs, k)) || shares_control(p, vs, k)) {
            v->ctl = 1; /* "pushed him to join ... and normalize": his to do */
            continue;
        }
        v->ev0 = doc->nev;
        if (code_verb(j, vs, k) != 0) return -1;
        v->ev1 = doc->nev;
        any_event |= v->had_event;
    }
    for (size_t k = 0; k < nnom; k++) {
        vcand *n = &noms[k];
        int inside = 0; /* part of a main verb's pattern ("attempted assassination") */
        for (size_t m = 0; m < nv && !inside; m++)
            inside = vs[m].main && vs[m].pat0 < vs[m].pat1 && vs[m].pat0 <= n->v0 && n->v0 < vs[m].pat1;
        if (!inside && code_nominal(j, n) != 0) return -1;
    }
    /* "X said it would expel Y", "X said Y attacked Z": a statement (root
     * 01) is the vehicle of the other events of its sentence, which are
     * coded instead, unless they are less sure than the statement and too
     * weak to be read by default ("X said soldiers attacked Z" keeps X -> Z) */
    for (size_t r = first_ev; r < doc->nev; r++) {
        dyad_event *e = &doc->ev[r];
        if (!e->code || strcmp(e->root, "01") != 0) continue;
        for (size_t o = first_ev; o < doc->nev; o++) {
            const dyad_event *x = &doc->ev[o];
            if (o != r && x->code && strcmp(x->root, "01") != 0 &&
                (x->confidence >= e->confidence || x->confidence >= DYAD_MIN_CONFIDENCE)) {
                e->code = NULL;
                break;
            }
        }
    }
    size_t w = first_ev; /* drop retracted events */
    for (size_t r = first_ev; r < doc->nev; r++)
        if (doc->ev[r].code) doc->ev[w++] = doc->ev[r];
    doc->nev = w;
    *pvs = vs;
    *pnv = nv;
    return 0;
}
