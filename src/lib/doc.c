/* doc.c -- the per-document pipeline (dyad_code): the text analysed in
 * parts, and each sentence parsed, dated, placed and read for casualty
 * figures before the clause coder (coder.c) codes its events; what the
 * article remembers from sentence to sentence (places, aliases, the
 * group and countries in view, the last speaker, the story's day); the
 * coded article (dyad_doc) and its accessors. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "coder.h"
#include "status.h"

/* Bytes between two entries of dyad_doc.chars: a character offset counts
 * 32 bytes on average (an ingest asks for several a report). */
#define CHAR_STEP 64

/* Fills doc->chars for text[0..len); -1 when out of memory. */
static int index_chars(dyad_doc *doc, const char *text, size_t len) {
    doc->nchars = len / CHAR_STEP + 1;
    doc->chars = arena_alloc(&doc->mem, doc->nchars * sizeof *doc->chars);
    if (!doc->chars) return -1;
    size_t c = 0;
    for (size_t b = 0; b < len; b++) {
        if (b % CHAR_STEP == 0) doc->chars[b / CHAR_STEP] = c;
        if (((unsigned char)text[b] & 0xC0) != 0x80) c++;
    }
    if (len % CHAR_STEP == 0) doc->chars[len / CHAR_STEP] = c;
    return 0;
}

size_t dyad_doc_char_offset(const dyad_doc *d, const char *text, size_t off) {
    if (!d->chars) return dyad_char_offset(text, off);
    size_t k = off / CHAR_STEP;
    if (k >= d->nchars) k = d->nchars - 1; /* beyond the text: its end (its NUL stops the count) */
    size_t c = d->chars[k];
    for (size_t b = k * CHAR_STEP; b < off && text[b]; b++)
        if (((unsigned char)text[b] & 0xC0) != 0x80) c++;
    return c;
}

static int discarded(const parse *p, int *story) {
    const dicts *d = p->d;
    if (d->discards.n == 0) return 0;
    for (uint32_t i = 0; i < p->n; i++) {
        int32_t node = TRIE_ROOT;
        for (uint32_t k = i; k < p->n; k++) {
            int32_t nx = trie_child(&d->discards_t, node, p->t[k].id);
            if (nx == TRIE_NONE && p->t[k].kind == TK_WORD)
                nx = trie_stem_child(&d->discards_t, &d->lex, node, p->t[k].up, p->t[k].uplen);
            if (nx == TRIE_NONE) break;
            node = nx;
            int32_t e = d->discards_t.nodes[node].value;
            if (e >= 0) {
                *story = d->discards.v[e].story;
                return 1;
            }
        }
    }
    return 0;
}

/* Adds the place mentions of sentence si to the document's list. */
static int keep_places(dyad_doc *doc, const token *t, uint32_t si, const place_mention *m, uint32_t n) {
    for (uint32_t k = 0; k < n; k++) {
        void *v = doc->pl;
        if (grow_array(&v, &doc->cappl, doc->npl, sizeof *doc->pl)) return -1;
        doc->pl = v;
        place_fill(&m[k], t, si, &doc->pl[doc->npl++]);
    }
    return 0;
}

/* Gives the figures found in a sentence from index first the place their
 * number is tied to, as an event's verb is; failing that, the sentence's
 * first locative place, or its only place. */
static void place_figures(dyad_doc *doc, size_t first, const token *t, uint32_t ntok, uint32_t si,
                          const place_mention *m, uint32_t n) {
    if (!n) return;
    uint32_t nwhere = 0, only = 0; /* the mentions that may say where, and the last */
    for (uint32_t q = 0; q < n; q++)
        if (place_where(&m[q])) nwhere++, only = q;
    for (size_t k = first; k < doc->fig.n; k++) {
        dyad_figure *f = &doc->fig.v[k];
        uint32_t at = f->number_span.len ? f->number_span.off : f->victim_span.off;
        uint32_t i = 0;
        while (i + 1 < ntok && t[i].off + t[i].len <= at) i++;
        int32_t pm = place_for_verb(m, n, i, i + 1);
        for (uint32_t q = 0; pm < 0 && q < n; q++)
            if (m[q].locative && place_where(&m[q])) pm = (int32_t)q;
        if (pm < 0 && nwhere == 1) pm = (int32_t)only;
        if (pm >= 0) place_fill(&m[pm], t, si, &f->place);
    }
}

/* Whether mention m names one person ("President Erdoğan", "Abiy Ahmed",
 * "Ahmed"), not a country, a body or a group ("the police", "South
 * Korea's military"): a country with a role, and a role of one person or a
 * name. */
static int person(const parse *p, int32_t m) {
    static const char *const BODY[] = {"POLICE",   "ARMY",       "MILITARY",   "GOVERNMENT",
                                       "MINISTRY", "COURT",      "PARLIAMENT", "CABINET",
                                       "OFFICE",   "PRESIDENCY", "COMMAND",    "COUNCIL",
                                       "GUARD",    "COMMITTEE",  "AGENCY",     NULL};
    const mention *x = &p->men[m];
    if (!(coder_named(x->code) || coder_role(x->code)) || strlen(x->code) < 6 ||
        !strncmp(x->code, "IGO", 3))
        return 0;
    if (x->alias) { /* a short name or "He"; not "It", "the group", "both sides" */
        const token *t = &p->t[x->t0];
        return !tok_eq(t, "IT") && !tok_eq(t, "THE") && !tok_eq(t, "BOTH") &&
               (t->cap || tok_eq(t, "HE") || tok_eq(t, "SHE"));
    }
    int role = 0, caps = 0;
    for (uint32_t k = x->t0; k < x->t1; k++) {
        const token *t = &p->t[k];
        if (p->agt[k].entry >= 0) { /* any word of the role: "coast guard" */
            for (uint32_t w = k; w < k + p->agt[k].len && w < x->t1; w++) {
                const token *r = &p->t[w];
                if (tok_in(r, BODY) || (r->uplen > 3 && r->up[r->uplen - 1] == 'S')) return 0;
            }
            role = 1;
        }
        caps += t->kind == TK_WORD && t->cap;
    }
    return role || caps >= 1;
}

/* Keeps the short name of each person sentence p names in full: the last
 * word of a mention of two capitalised words or more that no dictionary
 * knows on its own ("Abiy Ahmed", "Prime Minister Sheikh Hasina",
 * "Mohammed bin Salman", "Ahmed al-Sharaa"). A name kept for two codes is
 * no alias. */
static void keep_aliases(const sent_job *j) {
    dyad_doc *doc = j->doc;
    const parse *p = j->p;
    name_aliases *al = &doc->aliases;
    for (uint32_t m = 0; m < p->nmen; m++) {
        const mention *x = &p->men[m];
        const char *why, *code = x->code;
        if (coder_role(code))
            code = coder_actor_code(j, (int32_t)m, &why); /* "the cartel's co-founder ..." */
        if (x->alias || x->t1 < x->t0 + 2 || !(coder_named(code) || coder_role(code))) continue;
        const token *last = &p->t[x->t1 - 1];
        uint32_t names = 0; /* capitalised words of the mention */
        for (uint32_t k = x->t0; k < x->t1; k++) names += p->t[k].cap || p->t[k].particle;
        if (last->kind != TK_WORD || !(last->cap || last->particle) || last->uplen < 3 ||
            p->act[x->t1 - 1].entry >= 0 || p->agt[x->t1 - 1].entry >= 0 || names < 2)
            continue;
        uint32_t k = 0;
        while (k < al->n && strcmp(al->v[k].up, last->up) != 0) k++;
        if (k < al->n) {
            if (strcmp(al->v[k].code, code) != 0) al->v[k].clash = 1;
            continue;
        }
        if (al->n == MAX_ALIASES) continue;
        al->v[al->n].up =
            arena_strdup(&doc->mem, last->up); /* tokens live no longer than their part of the text */
        if (!al->v[al->n].up) return;
        al->v[al->n].code = code;
        al->v[al->n++].clash = 0;
    }
}

/* Whether actor code names an armed group, a party or a gang (1), or an
 * international or non-governmental organisation (2); 0 for neither. */
static int organisation_code(const char *code) {
    static const char *const ORG[] = {"REB", "INS", "UAF", "CRM", "OPP", "PTY", NULL};
    if (!coder_named(code) || strlen(code) < 6) return 0;
    if (!strncmp(code, "IGO", 3) || !strncmp(code, "NGO", 3) || !strncmp(code + 3, "NGO", 3)) return 2;
    for (int k = 0; ORG[k]; k++)
        if (!strncmp(code + 3, ORG[k], 3)) return 1;
    return 0;
}

/* Keeps the one group and the one organisation sentence si names for
 * "the group" and "the organisation" in the next ones ("Hamas said ...
 * The group"); two of a kind make it unclear. */
static void keep_group(dyad_doc *doc, const parse *p, uint32_t si) {
    const char *found[3] = {NULL, NULL, NULL};
    int clash[3] = {0, 0, 0};
    for (uint32_t m = 0; m < p->nmen; m++) {
        const char *c = p->men[m].code;
        int kind = organisation_code(c);
        if (!kind) continue;
        if (found[kind] && strcmp(found[kind], c) != 0) clash[kind] = 1;
        found[kind] = c;
    }
    if (found[1] || clash[1]) {
        doc->aliases.group = clash[1] ? NULL : found[1];
        doc->group_si = si;
    }
    if (found[2] || clash[2]) {
        doc->aliases.org = clash[2] ? NULL : found[2];
        doc->org_si = si;
    }
}

/* Keeps the distinct countries sentence si names (slot si modulo
 * ROLE_WINDOW), for "the two countries" in the next ones. */
static void keep_countries(dyad_doc *doc, const parse *p, uint32_t si) {
    uint32_t s = si % ROLE_WINDOW, n = 0;
    for (uint32_t m = 0; m < p->nmen; m++)
        if (article_add_country(doc->recent[s], &n, 4, p->men[m].code) != 0) {
            n = 5;
            break;
        }
    doc->nrecent[s] = n;
}

/* Fills aliases.countries with the distinct countries of the
 * ROLE_WINDOW sentences before si, older first; none when they are more
 * than four. */
static void recent_countries(dyad_doc *doc, uint32_t si) {
    name_aliases *al = &doc->aliases;
    al->ncountries = 0;
    for (uint32_t back = si < ROLE_WINDOW ? si : ROLE_WINDOW; back > 0; back--) {
        uint32_t s = (si - back) % ROLE_WINDOW;
        if (doc->nrecent[s] > 4) {
            al->ncountries = 0;
            return;
        }
        for (uint32_t k = 0; k < doc->nrecent[s]; k++)
            if (article_add_country(al->countries, &al->ncountries, 4, doc->recent[s][k]) != 0) {
                al->ncountries = 0;
                return;
            }
    }
}

/* Counts the countries sentence si names (its actors' and places'), the
 * first sentence double: the dateline and the lead say most of what an
 * article is about. */
static void count_countries(dyad_doc *doc, const parse *p, uint32_t si, const place_mention *m,
                            uint32_t n) {
    uint32_t w = si == 0 ? 2 : 1;
    for (uint32_t k = 0; k < p->nmen; k++) article_count(&doc->ac, p->men[k].code, w);
    for (uint32_t k = 0; k < n; k++)
        if (m[k].e && !m[k].partner && place_where(&m[k])) article_count(&doc->ac, m[k].e->country, w);
}

/* Gives roles alone the article's country, when it has one ("police" in
 * an article about Dhaka: BGDCOP), with 0.2 more confidence each (a named
 * actor gives 0.35), and appeals and demands from outside it to no one
 * named that country as their target; drops the events left with no
 * actor named. */
static int complete_roles(dyad_doc *doc) {
    const char *cc = article_country(&doc->ac);
    size_t w = 0;
    for (size_t r = 0; r < doc->nev; r++) {
        dyad_event *e = &doc->ev[r];
        /* "The UN called for a ceasefire" in a story on Libya: an appeal or
         * a demand from outside the country, to no one named, is to it */
        if (cc && !e->target[0] && coder_named(e->source) && strncmp(e->source, cc, 3) != 0 &&
            (!strcmp(e->root, "02") || !strcmp(e->root, "10"))) {
            e->target = cc;
            e->target_basis = "article";
            e->confidence += 0.2;
        }
        const char **side[2] = {&e->source, &e->target};
        const char **why[2] = {&e->source_basis, &e->target_basis};
        const char **name[2] = {&e->source_name, &e->target_name};
        for (int k = 0; k < 2 && cc; k++) {
            if (!coder_role(*side[k])) continue;
            if (!(*side[k] = coder_with_country(&doc->mem, *side[k], cc))) return -1;
            *why[k] = "article";
            *name[k] = NULL; /* named by its country (name_events) */
            e->confidence += 0.2;
        }
        if ((coder_named(e->source) || coder_named(e->target)) && strcmp(e->source, e->target) != 0)
            doc->ev[w++] = *e;
    }
    doc->nev = w;
    return 0;
}

/* Names the actors that no entry in their words named, by their codes
 * (dict_name): "he", roles, places, the article's country. */
static void name_events(dyad_doc *doc, const dicts *d) {
    for (size_t r = 0; r < doc->nev; r++) {
        dyad_event *e = &doc->ev[r];
        const char *code[2] = {e->source, e->target};
        const char **name[2] = {&e->source_name, &e->target_name};
        const char **qid[2] = {&e->source_wikidata, &e->target_wikidata};
        for (int k = 0; k < 2; k++) {
            if (*name[k]) continue;
            dict_name(d, code[k], name[k], qid[k]);
            if (!*qid[k]) *qid[k] = "";
        }
    }
}

/* What the article keeps of sentence si once its events are coded (j,
 * its nv verbs vs): the roles of its actors, its group and countries,
 * the lead's day, who spoke its quotation, and whom "he" or "it" will
 * stand for in the next. */
static void remember_sentence(dyad_doc *doc, const sent_job *j, const vcand *vs, size_t nv, uint32_t si,
                              int32_t date) {
    const parse *p = j->p;
    for (uint32_t m = 0; m < p->nmen; m++) {
        const char *why;
        article_role_seen(&doc->roles, coder_actor_code(j, (int32_t)m, &why), si);
    }
    keep_group(doc, p, si);
    keep_countries(doc, p, si);
    for (int k = 0; k < j->ndates && si <= 1 && !doc->story_date; k++) /* the lead's day */
        if (j->dates[k].precision == DATE_DAY && (!date || j->dates[k].date <= date) &&
            coder_historic_ok(j, &j->dates[k])) {
            doc->story_date = j->datestr[k];
            doc->story_span = coder_tok_span(p->t, j->dates[k].t0, j->dates[k].t1);
            break;
        }
    /* who spoke this sentence's quotation, for one that goes on in the next */
    for (size_t k = 0; k < nv; k++) {
        if (vs[k].src < 0 || !coder_quoting(p, &vs[k])) continue;
        doc->speaker = coder_actor_code(j, vs[k].src, &doc->speaker_basis);
        doc->speaker_si = si;
        break;
    }
    /* "He" in a later sentence stands for the person this one's first
     * main verb has as subject (a country with a role: "SRBGOV") */
    doc->aliases.it = NULL; /* "It said" only right after its antecedent */
    for (size_t k = 0; k < nv; k++) {
        if (!vs[k].main || vs[k].src < 0) continue;
        if (person(p, vs[k].src))
            doc->aliases.he = p->men[vs[k].src].code;
        else if (coder_named(p->men[vs[k].src].code) && group_size(p, p->men[vs[k].src].group) == 1)
            doc->aliases.it = p->men[vs[k].src].code;
        break;
    }
}

static int code_sentence(dyad_doc *doc, const dyad_ctx *ctx, const char *text, const sentence *s,
                         const token *toks, uint32_t si, int32_t date, const char *datestr) {
    const dicts *d = &ctx->d;
    const token *t = toks + s->tok0;
    parse p;
    if (doc->aliases.group && si > doc->group_si + ROLE_WINDOW) doc->aliases.group = NULL;
    if (doc->aliases.org && si > doc->org_si + ROLE_WINDOW) doc->aliases.org = NULL;
    recent_countries(doc, si);
    uint32_t pair[2];
    doc->aliases.npair = 0;
    if (article_pair(&doc->ac, NULL, NULL, pair) == 0) {
        for (int k = 0; k < 2; k++) memcpy(doc->aliases.pair[k], doc->ac.cc[pair[k]], 4);
        doc->aliases.npair = 2;
    }
    arena_reset(&doc->scratch);
    if (parse_sentence(&p, d, &doc->mem, &doc->scratch, t, s->ntok, date, &doc->aliases) != 0) return -1;
    sent_job j;
    memset(&j, 0, sizeof j);
    j.doc = doc;
    j.p = &p;
    j.sidx = si;
    j.date = datestr;
    j.pub = date;
    j.ndates = date_find(t, s->ntok, date, j.dates, MAX_DATES);
    for (int k = 0; k < j.ndates; k++) {
        char *ds = arena_alloc(&doc->mem, 16);
        if (!ds) return -1;
        int32_t dd = j.dates[k].date;
        snprintf(ds, 16, "%04d-%02d-%02d", (int)(dd / 10000 % 10000), (int)(dd / 100 % 100),
                 (int)(dd % 100));
        j.datestr[k] = ds;
    }
    /* figures are read in every sentence: discards concern events only */
    place_mention *places;
    uint32_t nplaces;
    if (place_find(&p, text, &ctx->gaz, &doc->pc, &places, &nplaces) != 0) return -1;
    if (keep_places(doc, t, si, places, nplaces) != 0) return -1;
    count_countries(doc, &p, si, places, nplaces);
    j.places = places;
    j.nplaces = nplaces;
    j.gaz = &ctx->gaz;
    keep_aliases(&j);
    size_t first_fig = doc->fig.n;
    fig_sentence fs = {&p, text, si, j.dates, j.datestr, j.ndates, datestr};
    if (figure_sentence(&fs, &doc->mem, &doc->fig) != 0) return -1;
    place_figures(doc, first_fig, t, s->ntok, si, places, nplaces);
    int story = 0;
    if (doc->story_discarded) return 0; /* figures only, once the story is discarded */
    if (discarded(&p, &story)) {
        doc->si[si].discarded = 1;
        if (story) doc->story_discarded = 1;
        return 0;
    }
    vcand *vs;
    size_t nv;
    if (coder_clauses(&j, d, s->ntok, &vs, &nv) != 0) return -1;
    remember_sentence(doc, &j, vs, nv, si, date);
    return 0;
}

/* Bytes of text analysed at once: the tokens of a part are freed before
 * the next is read, so memory does not grow with the article's length. */
#define PART_BYTES (256 * 1024)

/* The end of the part of text[0..len) that starts at from: PART_BYTES on
 * (or more, when want says so), at the start of a UTF-8 character; len
 * when less is left than twice that. */
static size_t part_end(const char *text, size_t len, size_t from, size_t want) {
    if (len - from < 2 * want) return len;
    size_t e = from + want;
    while (e > from && ((unsigned char)text[e] & 0xC0) == 0x80) e--;
    return e;
}

/* Codes the article's sentences, analysing its text a part at a time:
 * the sentences of each part but the last (which the part's end may cut,
 * so the next part starts with it) are coded; a part with one sentence
 * only grows until it has two or reaches the end. Sentences are the
 * same as the whole text's. */
static int code_parts(dyad_doc *doc, const dyad_ctx *ctx, const dyad_article *a, int32_t date,
                      const char *datestr) {
    arena toks;
    arena_init(&toks, 64 * 1024);
    size_t cap = 0, from = 0, want = PART_BYTES;
    int rc = 0;
    while (from < a->text_len && rc == 0) {
        size_t end = a->single_sentence ? a->text_len : part_end(a->text, a->text_len, from, want);
        text_doc td;
        arena_reset(&toks);
        if (text_analyze(&toks, &ctx->d.lex, a->text + from, end - from, a->single_sentence, &td) != 0) {
            rc = -1;
            break;
        }
        size_t keep = td.nsents;
        if (end < a->text_len && keep < 2) { /* one long sentence: a longer part */
            want *= 2;
            continue;
        }
        if (end < a->text_len) keep--;
        for (size_t k = 0; k < td.ntoks; k++) td.toks[k].off += (uint32_t)from;
        while (rc == 0 && doc->nsi + keep + 1 > cap)
            rc = grow_array((void **)&doc->si_buf, &cap, cap, sizeof *doc->si);
        if (rc != 0) break;
        doc->si = doc->si_buf;
        for (size_t i = 0; i < keep && rc == 0; i++) {
            sentence *s = &td.sents[i];
            s->off += (uint32_t)from;
            uint32_t si = (uint32_t)doc->nsi++;
            memset(&doc->si[si], 0, sizeof doc->si[si]);
            doc->si[si].span.off = s->off;
            doc->si[si].span.len = s->len;
            rc = code_sentence(doc, ctx, a->text, s, td.toks, si, date, datestr);
        }
        from = keep < td.nsents ? td.sents[keep].off + from : end;
        want = PART_BYTES;
    }
    arena_free(&toks);
    return rc;
}

/* Once the article is read: places of a name the rest of the article
 * decides otherwise ("Georgia" in an article about Atlanta is the state),
 * in its place mentions, events and figures alike. */
static void reconsider_places(dyad_doc *doc, const gazetteer *g) {
    for (size_t i = 0; i < doc->npl; i++) place_reconsider(g, &doc->pc, &doc->pl[i]);
    for (size_t i = 0; i < doc->nev; i++) place_reconsider(g, &doc->pc, &doc->ev[i].place);
    for (size_t i = 0; i < doc->fig.n; i++) place_reconsider(g, &doc->pc, &doc->fig.v[i].place);
}

/* Keeps a note of what coding left out, in the document's arena. */
static int warn_doc(dyad_doc *doc, const char *fmt, ...) {
    char b[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(b, sizeof b, fmt, ap);
    va_end(ap);
    void *v = doc->warn;
    if (grow_array(&v, &doc->capwarn, doc->nwarn, sizeof *doc->warn)) return -1;
    doc->warn = v;
    const char *c = arena_strdup(&doc->mem, b);
    if (!c) return -1;
    doc->warn[doc->nwarn++] = c;
    return 0;
}

/* Counts above this are no casualty figure of one event (a population, a
 * sum, a misread number). */
#define MAX_COUNT 10000000

/* Drops, with a warning, the figures above what their country could
 * hold, and above ten million in any case. A country's population in the
 * gazetteer is the sum of its towns of 1,000 people or more, which GeoNames
 * undercounts (Qatar's is a quarter of its people), so the bound is twice
 * that: it catches misread numbers, not close calls. The country is that of
 * the figure's place, else of its victims. */
static int sane_figures(dyad_doc *doc, const gazetteer *g) {
    size_t w = 0;
    for (size_t i = 0; i < doc->fig.n; i++) {
        const dyad_figure *f = &doc->fig.v[i];
        char cc[4] = "";
        if (f->place.name && strlen(f->place.country) == 3)
            memcpy(cc, f->place.country, 4);
        else if (f->victim_code && strlen(f->victim_code) >= 3)
            memcpy(cc, f->victim_code, 3); /* not a country's: no population, the bound stays */
        uint32_t pop = cc[0] ? gaz_country_pop(g, cc) : 0;
        int64_t bound = pop && 2 * (int64_t)pop < MAX_COUNT ? 2 * (int64_t)pop : MAX_COUNT;
        int64_t v = f->value_max > f->value ? f->value_max : f->value;
        if (v <= bound) {
            doc->fig.v[w++] = *f;
            continue;
        }
        if (warn_doc(doc, "sentence %u: figure \"%s\" (%s) dropped: more than %s%s (%lld)",
                     f->sentence + 1, f->number ? f->number : "", dyad_figure_kind_name(f->kind),
                     bound == MAX_COUNT ? "ten million" : "twice the town population of ",
                     bound == MAX_COUNT ? "" : cc, (long long)bound) != 0)
            return -1;
    }
    doc->fig.n = w;
    return 0;
}

dyad_status dyad_code(const dyad_ctx *ctx, const dyad_article *a, dyad_doc **out, dyad_error *err) {
    *out = NULL;
    if (!ctx || !a || !a->text) return dyad_fail(err, DYAD_EINVAL, NULL, 0, "no context or article");
    dyad_doc *doc = calloc(1, sizeof *doc);
    if (!doc) return dyad_fail(err, DYAD_ENOMEM, a->file, a->line, "out of memory");
    arena_init(&doc->mem, 64 * 1024);
    arena_init(&doc->scratch, 64 * 1024);
    const char *datestr = arena_strdup(&doc->mem, a->date ? a->date : "");
    if (index_chars(doc, a->text, a->text_len) != 0) goto oom;
    if (code_parts(doc, ctx, a, date_parse_iso(a->date), datestr) != 0) goto oom;
    if (doc->story_discarded) doc->nev = 0;
    if (complete_roles(doc) != 0) goto oom;
    name_events(doc, &ctx->d);
    reconsider_places(doc, &ctx->gaz);
    if (sane_figures(doc, &ctx->gaz) != 0) goto oom;
    *out = doc;
    return DYAD_OK;
oom:
    dyad_doc_free(doc);
    return dyad_fail(err, DYAD_ENOMEM, a->file, a->line, "out of memory coding article %s",
                     a->id ? a->id : "");
}

size_t dyad_doc_keep_confident(dyad_doc *d, double min) {
    if (!d) return 0;
    size_t w = 0, n = d->nev;
    for (size_t r = 0; r < n; r++)
        if (d->ev[r].confidence >= min - 1e-9) d->ev[w++] = d->ev[r];
    d->nev = w;
    return n - w;
}

size_t dyad_doc_nevents(const dyad_doc *d) { return d ? d->nev : 0; }
const dyad_event *dyad_doc_event(const dyad_doc *d, size_t i) {
    return d && i < d->nev ? &d->ev[i] : NULL;
}
size_t dyad_doc_nsentences(const dyad_doc *d) { return d ? d->nsi : 0; }
const dyad_sentence_info *dyad_doc_sentence(const dyad_doc *d, size_t i) {
    return d && i < d->nsi ? &d->si[i] : NULL;
}
int dyad_doc_story_discarded(const dyad_doc *d) { return d ? d->story_discarded : 0; }
size_t dyad_doc_nplaces(const dyad_doc *d) { return d ? d->npl : 0; }
const dyad_place *dyad_doc_place(const dyad_doc *d, size_t i) {
    return d && i < d->npl ? &d->pl[i] : NULL;
}
size_t dyad_doc_nfigures(const dyad_doc *d) { return d ? d->fig.n : 0; }
const dyad_figure *dyad_doc_figure(const dyad_doc *d, size_t i) {
    return d && i < d->fig.n ? &d->fig.v[i] : NULL;
}

size_t dyad_doc_nwarnings(const dyad_doc *d) { return d ? d->nwarn : 0; }
const char *dyad_doc_warning(const dyad_doc *d, size_t i) {
    return d && i < d->nwarn ? d->warn[i] : NULL;
}

void dyad_doc_free(dyad_doc *d) {
    if (!d) return;
    free(d->warn);
    arena_free(&d->mem);
    arena_free(&d->scratch);
    free(d->si_buf);
    free(d->ev);
    free(d->fig.v);
    free(d->pl);
    free(d->keys);
    free(d);
}
