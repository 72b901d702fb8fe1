/* coder.h -- what the clause coder (coder.c) and the document pipeline
 * (doc.c) share: the coded article (struct dyad_doc), one sentence's job,
 * the verbs the coder finds, and the coder's entry points. */
#ifndef DYAD_CODER_H
#define DYAD_CODER_H

#include "article.h"
#include "ctx.h"
#include "date.h"
#include "figure.h"
#include "parse.h"
#include "place.h"

struct dyad_doc {
    arena mem;
    dyad_sentence_info *si_buf; /* si's storage (malloc'd, grows by part) */
    arena scratch;              /* what one sentence needs only while it is coded: reset
                                   for each, so memory stays bounded whatever the length */
    dyad_event *ev;
    size_t nev, cap;
    dyad_sentence_info *si;
    size_t nsi;
    int story_discarded;
    fig_vec fig;       /* casualty figures (figure.c) */
    const char **warn; /* what coding left out and why (arena strings; the array malloc'd) */
    size_t nwarn, capwarn;
    dyad_place *pl; /* place mentions, in text order */
    size_t npl, cappl;
    place_context pc;
    article_countries ac;                /* the countries it names (article.c) */
    article_roles roles;                 /* the roles of its recent actors (article.c) */
    name_aliases aliases;                /* short names of the people it named in full */
    uint32_t group_si;                   /* the sentence that set aliases.group */
    uint32_t org_si;                     /* the sentence that set aliases.org */
    const char *story_date;              /* the last day an earlier sentence named, NULL */
    dyad_span story_span;                /* where it named it */
    char recent[ROLE_WINDOW][4][4];      /* the countries of the last sentences, by
                                            sentence index modulo ROLE_WINDOW */
    uint32_t nrecent[ROLE_WINDOW];       /* how many; 5: more than four */
    const char *speaker, *speaker_basis; /* who spoke the last quotation */
    uint32_t speaker_si;                 /* in which sentence */
    size_t *chars;                       /* characters before byte k * CHAR_STEP of the text, for
                                            dyad_doc_char_offset in constant time */
    size_t nchars;
    struct merge_keys *keys; /* what storing takes from the text (dyad_doc_prepare_store), NULL */
};

#define MAX_CHAIN 8 /* auxiliaries and adverbs between subject and verb */

/* One verb of a sentence and what the coder learnt about it. */
typedef struct vcand {
    uint32_t v0, v1; /* tokens of the verb phrase */
    uint32_t vw;     /* the verb word itself */
    uint32_t c0;     /* first token of its auxiliary chain */
    const verb_form *f;
    const verb_block *b;
    uint8_t main, neg, be, aux, passive, inf;
    uint8_t intent; /* "is willing to provide", "pledged to release": said, not done */
    uint8_t part;   /* a participle clause after a comma (", accusing him of") */
    uint8_t future; /* "will", "would", "can", "could" in its chain */
    uint8_t rel;    /* a protest participle right after its actor ("students protesting") */
    uint8_t ctl;    /* a complement someone else is to do ("pushed him to join") */
    int32_t src;    /* source mention, -1 */
    uint8_t had_event;
    uint16_t why;        /* EV_* evidence of the events being made */
    size_t ev0, ev1;     /* its events: doc->ev[ev0 .. ev1) */
    uint32_t pat0, pat1; /* tokens its matched pattern covers (pat0 == pat1: none) */
} vcand;

#define MAX_DATES 8 /* date expressions looked at in one sentence */

typedef struct sent_job {
    dyad_doc *doc;
    const parse *p;
    uint32_t sidx;
    const char *date;
    int32_t pub; /* the publication date as YYYYMMDD, 0 when unknown */
    size_t nv;   /* verbs of the sentence */
    date_expr dates[MAX_DATES];
    const char *datestr[MAX_DATES];
    int ndates;
    place_mention *places; /* of the sentence */
    uint32_t nplaces;
    int32_t place_target;            /* the place an event of PLACE_TARGET acts on, -1 */
    const char *given, *given_basis; /* the actor GIVEN_ACTOR stands for */
    const gazetteer *gaz;
} sent_job;

/* Codes the clauses of the sentence of j (its ntok tokens): finds the main
 * verbs and the nouns that name events, and emits their events into
 * j->doc; a statement that only carries others is dropped. *vs and *nv
 * get the verbs (the sentence's scratch), for what the document keeps of
 * them. -1 when out of memory. */
int coder_clauses(sent_job *j, const dicts *d, uint32_t ntok, vcand **vs, size_t *nv);

/* The code of mention m in j's sentence (roles and the article's memory
 * applied); *why says what it rests on. */
const char *coder_actor_code(const sent_job *j, int32_t m, const char **why);

/* Whether verb s introduces a quotation ("said", "told"). */
int coder_quoting(const parse *p, const vcand *s);

/* Whether code names an actor (not a bare role "---GOV"). */
int coder_named(const char *code);

/* Whether date expression d may date today's events (not a year alone, not
 * a day more than a year before publication). */
int coder_historic_ok(const sent_job *j, const date_expr *d);

/* Whether an actor code is a role alone ("---COP"). */
int coder_role(const char *code);

/* code with its first three letters replaced by country cc, in arena a;
 * NULL when out of memory. */
const char *coder_with_country(arena *a, const char *code, const char *cc);

/* The text span of tokens [a, b). */
dyad_span coder_tok_span(const token *t, uint32_t a, uint32_t b);

#endif
