/* mention.c -- finds the actors of a sentence: longest dictionary matches
 * for actors, agents and verbs at every token, then mentions that compose
 * an actor with its roles ("Gondor's Prime Minister" -> GONGOV, "soldiers
 * from Gondor" -> GONMIL, "MSF Arnor diplomat" -> NGOARNGOV) and groups of
 * coordinated mentions ("Arnor, Osgiliath and Gondor"). */
#include <string.h>

#include "article.h"
#include "parse.h"

#define MAX_MODIFIERS 3 /* lower-case words skipped between an actor and its role */
#define MAX_AGENTS 8    /* roles in one chain or list */

uint32_t group_size(const parse *p, uint32_t g) {
    uint32_t c = 0;
    for (uint32_t m = 0; m < p->nmen; m++) c += p->men[m].group == g;
    return c;
}

static int is_word(const token *t) { return t->kind == TK_WORD; }

/* Longest phrase of trie tr starting at token j from node, following
 * both the exact edge of a word and its stem edges (a word may lead on
 * exactly in one phrase and end as a stem in another). */
static void longest_from(const trie *tr, const lexicon *lx, const token *t, uint32_t n, uint32_t i,
                         uint32_t j, int32_t node, int allow_stem, pmatch *best) {
    if (j >= n) return;
    int32_t next[3];
    int k = 0;
    int32_t x = trie_edge_to(tr, node, t[j].id, 0);
    if (x != TRIE_NONE) next[k++] = x;
    if (tr->nodes[node].has_stems && t[j].kind == TK_WORD) {
        x = trie_edge_to(tr, node, t[j].id, 1); /* a stem matches its own word */
        if (x == TRIE_NONE && allow_stem) x = trie_stem_child(tr, lx, node, t[j].up, t[j].uplen);
        if (x != TRIE_NONE) next[k++] = x;
    }
    for (int q = 0; q < k; q++) {
        int32_t v = tr->nodes[next[q]].value;
        if (v >= 0 && j - i + 1 > best->len) {
            best->entry = v;
            best->len = (uint16_t)(j - i + 1);
        }
        if (j - i < 32) longest_from(tr, lx, t, n, i, j + 1, next[q], allow_stem, best);
    }
}

static pmatch longest(const trie *tr, const lexicon *lx, const token *t, uint32_t n, uint32_t i,
                      int allow_stem) {
    pmatch best = {-1, 0};
    longest_from(tr, lx, t, n, i, i, TRIE_ROOT, allow_stem, &best);
    return best;
}

/* Composes an actor code with a role: "GON"+"GOV" -> "GONGOV"; a role the
 * code already ends with is not repeated ("USAGOV"+"GOV" -> "USAGOV"); a
 * prefix role goes in front ("NGO"+"ARN"). */
static const char *compose(arena *a, const char *actor, const agent_entry *ag) {
    size_t la = strlen(actor), lg = strlen(ag->code);
    if (ag->prefix) {
        if (la >= lg && memcmp(actor, ag->code, lg) == 0) return actor;
        char *s = arena_alloc(a, la + lg + 1);
        if (!s) return actor;
        memcpy(s, ag->code, lg);
        memcpy(s + lg, actor, la + 1);
        return s;
    }
    /* CAMEO codes are 3-letter units: a role already present is not added
     * again ("PSEREBHMS" + "REB") */
    for (size_t k = 3; lg && k + lg <= la; k += 3)
        if (memcmp(actor + k, ag->code, lg) == 0) return actor;
    char *s = arena_alloc(a, la + lg + 1);
    if (!s) return actor;
    memcpy(s, actor, la);
    memcpy(s + la, ag->code, lg + 1);
    return s;
}

static int add_mention(parse *p, uint32_t t0, uint32_t t1, const char *code, uint32_t group) {
    const char *slash = strchr(code, '/');
    if (slash) { /* "FRO/BIL/SAM": several actors named at once */
        char *first = arena_strndup(p->a, code, (size_t)(slash - code));
        if (!first || add_mention(p, t0, t1, first, group) != 0) return -1;
        return add_mention(p, t0, t1, slash + 1, group);
    }
    void *v = p->men;
    if (arena_grow(p->a, &v, &p->capmen, p->nmen, sizeof *p->men, 8)) return -1;
    p->men = v;
    mention *m = &p->men[p->nmen];
    m->t0 = t0;
    m->t1 = t1;
    m->code = code;
    m->group = group;
    m->alias = 0;
    for (uint32_t k = t0; k < t1 && k < p->n; k++)
        if (p->men_at[k] < 0) p->men_at[k] = (int32_t)p->nmen;
    p->nmen++;
    return 0;
}

/* The actor code of the actor match at token i for the article's date, or
 * NULL when there is none. "" marks a phrase that names no actor. */
static const char *actor_at(const parse *p, uint32_t i) {
    if (i >= p->n || p->act[i].entry < 0) return NULL;
    return dict_actor_code(&p->d->actors.v[p->act[i].entry], p->date);
}

static const agent_entry *agent_at(const parse *p, uint32_t i) {
    if (i >= p->n || p->agt[i].entry < 0) return NULL;
    return &p->d->agents.v[p->agt[i].entry];
}

/* A lower-case word that can sit between an actor and its role ("former",
 * "main", "awful and evil"): not a verb, not a role, not a conjunction. */
static int modifier(const parse *p, uint32_t i) {
    static const char *const TITLE[] = {"INTERIM", "ACTING", "FORMER", "TRANSITIONAL",
                                        "FIRST",   "SENIOR", "NEW",    NULL};
    const token *t = &p->t[i];
    if (!is_word(t) || (t->cap && !tok_in(t, TITLE))) return 0; /* "Syria's Interim President" */
    if (p->vrb[i].entry >= 0 || p->agt[i].entry >= 0) return 0;
    static const char *const stop[] = {"AND",   "OR",   "NOR",   "OF",   "IN",   "FROM", "TO",
                                       "WITH",  "BY",   "FOR",   "ON",   "AT",   "THAT", "WHO",
                                       "WHICH", "IS",   "ARE",   "WAS",  "WERE", "HAS",  "HAVE",
                                       "HAD",   "WILL", "WOULD", "SAID", NULL};
    for (int k = 0; stop[k]; k++)
        if (tok_eq(t, stop[k])) return 0;
    return 1;
}

static int is_conj(const token *t) {
    return tok_eq(t, "AND") || tok_eq(t, "OR") || tok_eq(t, "NOR") || tok_eq(t, "&") || tok_eq(t, ",");
}

/* Skips modifiers from i; returns the first other token. */
static uint32_t skip_modifiers(const parse *p, uint32_t i, int allow_and) {
    uint32_t k = i, skipped = 0;
    while (k < p->n && skipped < MAX_MODIFIERS) {
        if (modifier(p, k) || (allow_and && tok_eq(&p->t[k], "AND") && k > i)) {
            k++;
            skipped++;
            continue;
        }
        break;
    }
    return k;
}

/* Reads a list of roles starting at token i: chained roles compose
 * ("Islamist media" -> MUS, MED) and "and"/"," start a branch sharing all
 * but the last role ("media and government"). Fills chains (each a list of
 * roles) and returns the token after the list. */
typedef struct role_chain {
    const agent_entry *r[MAX_AGENTS];
    int n;
} role_chain;

static uint32_t read_roles(const parse *p, uint32_t i, role_chain *chains, int *nchains) {
    *nchains = 0;
    role_chain cur = {{0}, 0};
    uint32_t k = i;
    for (;;) {
        const agent_entry *ag = agent_at(p, k);
        if (!ag || ag->prefix || cur.n == MAX_AGENTS) break;
        cur.r[cur.n++] = ag;
        k += p->agt[k].len;
        if (k < p->n && agent_at(p, k) && !agent_at(p, k)->prefix) continue; /* chain */
        chains[(*nchains)++] = cur;
        if (*nchains == MAX_AGENTS) break;
        /* a branch: "and" / "," then another role */
        uint32_t j = k;
        if (j < p->n && tok_eq(&p->t[j], ",")) j++;
        if (j < p->n && (tok_eq(&p->t[j], "AND") || tok_eq(&p->t[j], "OR"))) j++;
        if (j == k || !agent_at(p, j) || agent_at(p, j)->prefix) break;
        cur.n--; /* shares all but the last role */
        k = j;
    }
    return k;
}

/* After a role, a capitalised name ("Prime Minister Falastur") belongs to
 * the mention. Returns the token after it. */
static uint32_t absorb_name(const parse *p, uint32_t k) {
    while (k < p->n && (p->t[k].cap || p->t[k].particle) && is_word(&p->t[k]) && p->vrb[k].entry < 0) {
        if (p->act[k].entry >= 0)
            k += p->act[k].len;
        else
            k++;
    }
    return k;
}

/* The token after a name no dictionary knows at token k: one to four
 * capitalised words that are no actor, role or verb ("Abdourahamane
 * Tchiani"); k when there is none. */
static uint32_t unknown_name(const parse *p, uint32_t k) {
    uint32_t e = k;
    while (e < p->n && e < k + 4 && is_word(&p->t[e]) && (p->t[e].cap || p->t[e].particle) &&
           p->act[e].entry < 0 && p->agt[e].entry < 0 && p->vrb[e].entry < 0)
        e++;
    return e > k && p->t[k].cap ? e : k;
}

/* After an actor or a role ending at token e, the token after "'s", one
 * to three lower-case words and a person's name of two words or more that
 * no dictionary knows ("the cartel's co-founder Ismael Zambada"): that
 * person is the actor's. e when there is none. */
static uint32_t possessed_name(const parse *p, uint32_t e) {
    if (e >= p->n || p->t[e].kind != TK_POSS) return e;
    uint32_t k = skip_modifiers(p, e + 1, 0), nm = unknown_name(p, k);
    return k > e + 1 && nm >= k + 2 ? nm : e;
}

static const char *apply_chain(parse *p, const char *code, const role_chain *c) {
    for (int r = 0; r < c->n; r++) code = compose(p->a, code, c->r[r]);
    return code;
}

/* A compound list of actors from token i: "Arnor, Osgiliath and Gondor".
 * Returns how many were read into codes/starts/ends. */
static int read_actor_list(const parse *p, uint32_t i, const char **codes, uint32_t *st, uint32_t *en,
                           int max) {
    int n = 0;
    uint32_t k = i;
    while (n < max) {
        if (k < p->n && (tok_eq(&p->t[k], "THE"))) k++;
        const char *c = actor_at(p, k);
        if (!c || !*c) break;
        st[n] = k;
        k += p->act[k].len;
        if (k < p->n && p->t[k].kind == TK_POSS) k++;
        en[n] = k;
        codes[n++] = c;
        uint32_t j = k;
        if (j < p->n && tok_eq(&p->t[j], ",")) j++;
        if (j < p->n && (tok_eq(&p->t[j], "AND") || tok_eq(&p->t[j], "OR"))) j++;
        if (j == k) break;
        if (j < p->n && tok_eq(&p->t[j], "THE")) j++;
        if (!actor_at(p, j) || !*actor_at(p, j)) break;
        k = j;
    }
    return n;
}

/* Whether the actor list going on at token j ("and Chinese diplomats",
 * ", Chinese and Iranian officials") ends in roles, read into chains;
 * the list's actors are adjectives of a country (one word: "Chinese",
 * "Iranian"). */
static int shared_roles(const parse *p, uint32_t j, role_chain *chains, int *nch) {
    *nch = 0;
    uint32_t k = j;
    for (int n = 0; n < 4 && k + 1 < p->n; n++) {
        if (!tok_eq(&p->t[k], "AND") && !tok_eq(&p->t[k], "OR") && !tok_eq(&p->t[k], ",")) return 0;
        k++;
        if (tok_eq(&p->t[k - 1], ",") && (tok_eq(&p->t[k], "AND") || tok_eq(&p->t[k], "OR"))) k++;
        const char *c = actor_at(p, k);
        if (!c || !*c || p->act[k].len != 1 || !p->t[k].cap) return 0;
        k++;
        if (k < p->n && (tok_eq(&p->t[k], "AND") || tok_eq(&p->t[k], "OR") || tok_eq(&p->t[k], ",")))
            continue;
        read_roles(p, skip_modifiers(p, k, 0), chains, nch);
        return *nch > 0;
    }
    return 0;
}

/* Builds the mention(s) that start with an actor at token i (whose code
 * may already carry a prefix role); start is the mention's first token.
 * Returns the token after them. */
/* The token after a bracketed abbreviation at token k ("[ELN]", "(PKK)":
 * one to three capitalised words between brackets), k when there is none. */
static uint32_t skip_abbreviation(const parse *p, uint32_t k) {
    if (k >= p->n || p->t[k].kind != TK_PUNCT || p->t[k].uplen != 1 ||
        (p->t[k].up[0] != '(' && p->t[k].up[0] != '['))
        return k;
    char close = p->t[k].up[0] == '(' ? ')' : ']';
    for (uint32_t e = k + 1; e < p->n && e <= k + 4; e++) {
        const token *t = &p->t[e];
        if (t->kind == TK_PUNCT && t->uplen == 1 && t->up[0] == close) return e > k + 1 ? e + 1 : k;
        if (!is_word(t) || !t->cap) return k;
    }
    return k;
}

/* The token after "of Burkina Faso" at token k when that country is the
 * one of code, the actor named right before ("Captain Ibrahim Traore of
 * Burkina Faso"); k when there is no such phrase. */
static uint32_t of_own_country(const parse *p, uint32_t k, const char *code) {
    if (k + 1 >= p->n || !(tok_eq(&p->t[k], "OF") || tok_eq(&p->t[k], "FROM"))) return k;
    uint32_t a = k + 1;
    if (tok_eq(&p->t[a], "THE") && a + 1 < p->n) a++;
    const char *c = actor_at(p, a);
    if (!c || strlen(c) != 3 || strncmp(c, code, 3) != 0 || !p->t[a].cap) return k;
    return a + p->act[a].len;
}

static uint32_t from_actor(parse *p, uint32_t start, uint32_t i, const char *code) {
    uint32_t j = i + p->act[i].len;
    /* "the National Liberation Army [ELN] guerrilla group": the
     * abbreviation is part of the name */
    uint32_t ab = skip_abbreviation(p, j);
    if (ab > j) {
        role_chain ch[MAX_AGENTS];
        int n = 0;
        uint32_t e = read_roles(p, skip_modifiers(p, ab, 0), ch, &n);
        uint32_t group = p->ngroups++;
        if (n == 0) {
            add_mention(p, start, ab, code, group);
            return ab;
        }
        for (int c = 0; c < n; c++) add_mention(p, start, e, apply_chain(p, code, &ch[c]), group);
        return e;
    }
    uint32_t group = p->ngroups++;
    role_chain chains[MAX_AGENTS];
    int nch = 0;
    uint32_t k;
    if (j < p->n && p->t[j].kind == TK_POSS) {
        /* Gondor's (first) Prime Minister (Falastur) */
        k = skip_modifiers(p, j + 1, 1);
        uint32_t e = read_roles(p, k, chains, &nch);
        if (nch == 0) {
            uint32_t pn = possessed_name(p, j); /* "Hamas's chief Yahya Sinwar" */
            add_mention(p, start, pn > j ? pn : j + 1, code, group);
            if (pn > j) return pn;
            return j + 1;
        }
        e = absorb_name(p, e);
        for (int c = 0; c < nch; c++) add_mention(p, start, e, apply_chain(p, code, &chains[c]), group);
        return e;
    }
    /* Osgiliath soldiers; Arnor former security officials; Danish media and government */
    k = skip_modifiers(p, j, 0);
    uint32_t e = read_roles(p, k, chains, &nch);
    if (nch == 0) {
        /* "Israeli opposition leader Yair Lapid": a name right after an
         * actor is the same person; the longer (more specific) code wins */
        const char *c2 = actor_at(p, j);
        if (c2 && *c2 && p->t[j].cap && j > i && p->t[j - 1].kind == TK_WORD) {
            if (strlen(c2) > strlen(code)) code = c2;
            j += p->act[j].len;
        }
        /* "Russian and Chinese diplomats": the roles after the last of the
         * list are each one's */
        if (j == i + p->act[i].len && shared_roles(p, j, chains, &nch)) {
            for (int c = 0; c < nch; c++)
                add_mention(p, start, j, apply_chain(p, code, &chains[c]), group);
            return j;
        }
        if (strlen(code) > 3) j = of_own_country(p, j, code); /* "Assimi Goita of Mali" */
        add_mention(p, start, j, code, group);
        return j;
    }
    e = absorb_name(p, e);
    uint32_t pn = possessed_name(p, e); /* "the Sinaloa cartel's co-founder Ismael Zambada" */
    if (pn > e) e = pn;
    for (int c = 0; c < nch; c++) add_mention(p, start, e, apply_chain(p, code, &chains[c]), group);
    return e;
}

/* The code of the article's short name at token i ("Ahmed"), NULL when it
 * is none: a capitalised word that no dictionary matches. */
static const char *alias_at(const parse *p, uint32_t i) {
    if (!p->aliases || i >= p->n) return NULL;
    const token *t = &p->t[i];
    if (t->kind != TK_WORD || !(t->cap || t->particle) || p->act[i].entry >= 0 || p->agt[i].entry >= 0)
        return NULL;
    for (uint32_t k = 0; k < p->aliases->n; k++) {
        const name_alias *al = &p->aliases->v[k];
        if (!al->clash && tok_eq(t, al->up)) return al->code;
    }
    return NULL;
}

/* The code "the group" at token i stands for ("the group", "the
 * movement": an armed group, party or gang; "the organisation": an IGO or
 * NGO; not "the group of"), NULL for none. */
static const char *group_at(const parse *p, uint32_t i) {
    static const char *const GROUP[] = {"GROUP", "MOVEMENT", NULL};
    static const char *const ORG[] = {"ORGANISATION", "ORGANIZATION", NULL};
    if (!p->aliases || i + 1 >= p->n || !tok_eq(&p->t[i], "THE")) return NULL;
    const token *g = &p->t[i + 1];
    if (g->cap || (i + 2 < p->n && tok_eq(&p->t[i + 2], "OF"))) return NULL;
    if (tok_in(g, GROUP)) return p->aliases->group;
    if (tok_in(g, ORG)) return p->aliases->org;
    return NULL;
}

/* "the two countries", "both sides", "the three nations" at token i: one
 * mention for each country the last sentences and this one so far named,
 * when they are exactly that many, in one group. Returns the token after
 * the phrase, or i when there is no such phrase. */
static const char *const ARTICLE[] = {"THE", "A", "AN", NULL};

static uint32_t countries_at(parse *p, uint32_t i) {
    static const char *const NUM[] = {"TWO", "THREE", "FOUR", NULL};
    static const char *const NOUN[] = {"COUNTRIES", "NATIONS",     "SIDES",   "NEIGHBOURS",
                                       "NEIGHBORS", "GOVERNMENTS", "PARTIES", NULL};
    if (!p->aliases) return i;
    uint32_t k = i, n = 0;
    /* "Each blamed the other": the phrase is "Each" alone */
    int each = tok_eq(&p->t[k], "EACH") && k + 1 < p->n && p->vrb[k + 1].entry >= 0;
    if (each) {
        n = 2;
    } else if (tok_eq(&p->t[k], "BOTH")) {
        n = 2;
        k++;
    } else if (tok_eq(&p->t[k], "THE") && k + 1 < p->n) {
        for (uint32_t q = 0; NUM[q]; q++)
            if (tok_eq(&p->t[k + 1], NUM[q])) n = q + 2;
        if (!n && tok_eq(&p->t[k + 1], "PARTIES")) n = 2; /* "the parties agreed" */
        k += n && !tok_eq(&p->t[k + 1], "PARTIES") ? 2 : 1;
    }
    if (!each && (!n || k >= p->n || p->t[k].cap || !tok_in(&p->t[k], NOUN))) return i;
    if (!each && k + 1 < p->n && tok_eq(&p->t[k + 1], "OF")) return i; /* "both sides of the border" */
    if (!each && k + 2 < p->n && tok_eq(&p->t[k + 1], "TO") && tok_in(&p->t[k + 2], ARTICLE))
        return i; /* "the parties to the conflict", not "urged both sides to stop" */
    char cc[5][4];
    uint32_t nc = 0, bad = 0;
    for (uint32_t a = 0; a < p->aliases->ncountries + p->nmen && nc <= n && !bad; a++) {
        const char *c = a < p->aliases->ncountries ? p->aliases->countries[a]
                                                   : p->men[a - p->aliases->ncountries].code;
        bad = article_add_country(cc, &nc, 5, c) != 0;
    }
    /* "both sides", "the parties": else the two the article is between */
    int sides = each || tok_eq(&p->t[k], "SIDES") || tok_eq(&p->t[k], "PARTIES");
    if ((bad || nc != n) && n == 2 && sides && p->aliases->npair == 2) {
        memcpy(cc, p->aliases->pair, sizeof p->aliases->pair);
        nc = 2;
    } else if (bad || nc != n) {
        return i;
    }
    uint32_t g = p->ngroups++;
    for (uint32_t b = 0; b < nc; b++) {
        char *code = arena_alloc(p->a, 4);
        if (!code) return k + 1;
        memcpy(code, cc[b], 4);
        if (add_mention(p, i, k + 1, code, g) == 0) p->men[p->nmen - 1].alias = 1;
    }
    return k + 1;
}

/* Whether t is "spokesman", "spokeswoman", "spokesperson" or a plural. */
static int spokes(const token *t) { return t->uplen > 6 && !memcmp(t->up, "SPOKES", 6); }

/* Whether the words right before token i say that a role there serves no
 * country of its own: "international", "multinational", "foreign" (an
 * "international police force", "foreign fighters"). */
static int stateless(const parse *p, uint32_t i) {
    static const char *const NONE[] = {"INTERNATIONAL", "MULTINATIONAL", "FOREIGN", NULL};
    return i > 0 && tok_in(&p->t[i - 1], NONE);
}

/* Whether a role at token i is one of fighters for another country's
 * side: "pro-Russian separatists", "pro-Armenian forces" (of the country
 * they fight in, as rebels). */
static int proxy(const parse *p, uint32_t i) {
    for (uint32_t k = i; k-- > 0 && k + 3 > i;) {
        const token *t = &p->t[k];
        if (t->compound && t->uplen > 4 && !memcmp(t->up, "PRO-", 4)) return 1;
        if (t->kind != TK_WORD || t->cap) return 0;
    }
    return 0;
}

/* One mention of tokens [i, end) for each chain of roles, applied to
 * code (group: their coordination group). */
static void add_chains(parse *p, uint32_t i, uint32_t end, const char *code, const role_chain *chains,
                       int nch, uint32_t group) {
    for (int ch = 0; ch < nch; ch++) add_mention(p, i, end, apply_chain(p, code, &chains[ch]), group);
}

/* Builds the mention(s) that start with a role at token i. */
static uint32_t from_agent(parse *p, uint32_t i) {
    const agent_entry *ag = agent_at(p, i);
    uint32_t j = i + p->agt[i].len;
    if (!ag->prefix && stateless(p, i)) return j;
    if (ag->prefix) {
        const char *c = actor_at(p, j);
        if (c && *c) return from_actor(p, i, j, compose(p->a, c, ag));
    }
    role_chain chains[MAX_AGENTS];
    int nch = 0;
    uint32_t e = read_roles(p, i, chains, &nch);
    if (nch == 0) { /* a prefix role with no actor after it */
        chains[0].r[0] = ag;
        chains[0].n = 1;
        nch = 1;
        e = j;
    }
    uint32_t group = p->ngroups++;
    uint32_t pn = possessed_name(p, e); /* "the cartel's co-founder Ismael Zambada" */
    if (pn > e) {
        add_chains(p, i, pn, "---", chains, nch, group);
        return pn;
    }
    /* role + of/in/from + actor list */
    uint32_t k = e;
    if (k < p->n && (tok_eq(&p->t[k], "OF") || tok_eq(&p->t[k], "IN") || tok_eq(&p->t[k], "FROM"))) {
        const char *codes[16];
        uint32_t st[16], en[16];
        int na = read_actor_list(p, k + 1, codes, st, en, 16);
        if (na > 0) {
            for (int c = 0; c < nch; c++)
                for (int a = 0; a < na; a++)
                    add_chains(p, i, en[na - 1], codes[a], &chains[c], 1, group);
            return en[na - 1];
        }
    }
    /* role + name + of/from + actor: "General Abdourahamane Tchiani of
     * Niger", "Captain Ibrahim Traore of Burkina Faso" */
    uint32_t nm = unknown_name(p, k);
    if (nm > k && nm + 1 < p->n && (tok_eq(&p->t[nm], "OF") || tok_eq(&p->t[nm], "FROM"))) {
        uint32_t a = nm + 1;
        if (tok_eq(&p->t[a], "THE") && a + 1 < p->n) a++;
        const char *c = actor_at(p, a);
        if (c && *c && p->t[a].cap) {
            uint32_t end = a + p->act[a].len;
            add_chains(p, i, end, c, chains, nch, group);
            return end;
        }
    }
    /* role + name: "President Umbardacil", or a short name ("President
     * Kiir" after "Salva Kiir") */
    const char *c = actor_at(p, k);
    if (!c && (c = alias_at(p, k)) != NULL) {
        for (int ch = 0; ch < nch; ch++)
            if (add_mention(p, i, k + 1, apply_chain(p, c, &chains[ch]), group) == 0)
                p->men[p->nmen - 1].alias = 1;
        return k + 1;
    }
    if (c && *c && p->t[k].cap) {
        uint32_t end = of_own_country(p, k + p->act[k].len, c);
        add_chains(p, i, end, c, chains, nch, group);
        return end;
    }
    /* "“...,” spokesperson Gan Yu said": who speaks for the body the last
     * sentence had as subject ("Gondor's coast guard accused ...") */
    if (spokes(&p->t[i]) && p->aliases && p->aliases->it) {
        uint32_t n = unknown_name(p, k);
        if (n < p->n && p->vrb[n].entry >= 0 && add_mention(p, i, n, p->aliases->it, group) == 0) {
            p->men[p->nmen - 1].alias = 1;
            return n;
        }
    }
    if (nm >= e + 2) e = nm; /* "Government Spokesperson Michael Makuei": the person */
    for (int ch = 0; ch < nch; ch++) {
        const char *rc = apply_chain(p, "---", &chains[ch]);
        if (rc && proxy(p, i) && (!strcmp(rc, "---MIL") || !strcmp(rc, "---REB"))) rc = "---REB";
        add_mention(p, i, e, rc, group);
    }
    return e;
}

/* Whether tokens [a, b) between two mentions join them in a list: only
 * conjunctions, commas, articles and modifiers; with and_needed, at least
 * one conjunction proper ("and", "or", "nor", "&"). */
static int list_gap(const parse *p, uint32_t a, uint32_t b, int and_needed) {
    if (b <= a || b - a > 5) return 0;
    int conj = 0, comma = 0;
    for (uint32_t k = a; k < b; k++) {
        const token *t = &p->t[k];
        if (tok_eq(t, ","))
            comma = 1;
        else if (is_conj(t))
            conj = 1;
        else if (!(tok_eq(t, "THE") || tok_eq(t, "A") || tok_eq(t, "AN") || tok_eq(t, "BOTH") ||
                   tok_eq(t, "EITHER") || tok_eq(t, "NEITHER") || modifier(p, k)))
            return 0;
    }
    return and_needed ? conj : comma || conj;
}

static void merge_group(parse *p, uint32_t m) {
    uint32_t old = p->men[m].group, g = p->men[m - 1].group;
    for (uint32_t q = 0; q < p->nmen; q++)
        if (p->men[q].group == old) p->men[q].group = g;
}

/* Mentions joined by a conjunction form one group ("Fornost and the evil
 * awful Gondor"), and so do those before them in a list with commas
 * ("Arnor, Osgiliath and Gondor"); a comma alone joins nothing ("In
 * Gondor, Rohan's envoy said"). */
static void link_groups(parse *p) {
    for (uint32_t m = 1; m < p->nmen; m++) {
        mention *a = &p->men[m - 1], *b = &p->men[m];
        if (a->group != b->group && b->t0 >= a->t1 && list_gap(p, a->t1, b->t0, 1)) merge_group(p, m);
    }
    for (uint32_t m = p->nmen; m-- > 1;) {
        mention *a = &p->men[m - 1], *b = &p->men[m];
        if (a->group == b->group || b->t0 < a->t1 || !list_gap(p, a->t1, b->t0, 0)) continue;
        int continued = 0; /* b is joined to a later mention by a conjunction */
        for (uint32_t q = m + 1; q < p->nmen && !continued; q++) continued = p->men[q].group == b->group;
        if (continued) merge_group(p, m);
    }
}

/* Whether token k, right after an actor's name, joins it to a lower-case
 * word without spaces ("U.S.-made", "U.N.-backed"): the name is then part
 * of an adjective, not an actor of the sentence. */
static int compound_modifier(const parse *p, uint32_t k) {
    if (k == 0 || k + 1 >= p->n || p->t[k].kind != TK_DASH) return 0;
    const token *a = &p->t[k - 1], *d = &p->t[k], *w = &p->t[k + 1];
    return a->off + a->len == d->off && d->off + d->len == w->off && w->kind == TK_WORD && !w->cap;
}

/* Whether t is a past or present of "say" and its like ("said", "says",
 * "added", "stated"): "It" before it is a speaker, not "it rained". */
static int saying_word(const token *t) {
    static const char *const SAID[] = {"SAID", "SAYS", "ADDED", "STATED", "ANNOUNCED", NULL};
    return tok_in(t, SAID);
}

/* The first token of the sentence past quotation marks and a leading
 * conjunction or adverb ("But he said", "Later, he"). */
static uint32_t opening(const parse *p) {
    uint32_t i = 0;
    while (i < p->n && (p->t[i].kind == TK_QUOTE || tok_eq(&p->t[i], "BUT") || tok_eq(&p->t[i], "AND") ||
                        tok_eq(&p->t[i], ",") ||
                        (p->t[i].kind == TK_WORD && p->t[i].uplen > 3 &&
                         !strcmp(p->t[i].up + p->t[i].uplen - 2, "LY"))))
        i++;
    return i;
}

int parse_sentence(parse *p, const dicts *d, arena *a, arena *tmp, const token *t, uint32_t n,
                   int32_t date, const name_aliases *aliases) {
    memset(p, 0, sizeof *p);
    p->aliases = aliases;
    p->d = d;
    p->a = a;
    p->t = t;
    p->n = n;
    p->date = date;
    p->act = arena_alloc(tmp, (n + 1) * sizeof *p->act);
    p->agt = arena_alloc(tmp, (n + 1) * sizeof *p->agt);
    p->vrb = arena_alloc(tmp, (n + 1) * sizeof *p->vrb);
    p->men_at = arena_alloc(tmp, (n + 1) * sizeof *p->men_at);
    if (!p->act || !p->agt || !p->vrb || !p->men_at) return -1;
    if (d->synsets.n && n) {
        size_t cells = d->synsets.n * n;
        p->synmemo = arena_alloc(tmp, cells * sizeof *p->synmemo);
        if (!p->synmemo) return -1;
        memset(p->synmemo, 0xFF, cells * sizeof *p->synmemo);
    }
    const lexicon *lx = &d->lex;
    for (uint32_t i = 0; i < n; i++) {
        p->present[(t[i].id % PRESENT_BITS) / 64] |= (uint64_t)1 << (t[i].id % 64);
        p->men_at[i] = -1;
        pmatch none = {-1, 0};
        p->act[i] = p->agt[i] = p->vrb[i] = none;
        if (t[i].kind != TK_WORD && t[i].kind != TK_NUM) continue;
        /* "Russian-style", "Israeli-backed": an adjective, no actor */
        if ((t[i].cap || t[i].particle) && !t[i].compound)
            p->act[i] = longest(&d->actors_t, lx, t, n, i, 1);
        p->agt[i] = longest(&d->agents_t, lx, t, n, i, 0);
        p->vrb[i] = longest(&d->verbs_t, lx, t, n, i, 0);
    }
    uint32_t first = opening(p); /* where "He" may open the sentence */
    uint32_t e;                  /* the token after a phrase read */
    for (uint32_t i = 0; i < n;) {
        const char *c = actor_at(p, i);
        if (c && compound_modifier(p, i + p->act[i].len)) c = ""; /* "U.S.-made" */
        if (c) {
            if (!*c) { /* a name that is no actor */
                i += p->act[i].len;
                continue;
            }
            i = from_actor(p, i, i, c);
        } else if (agent_at(p, i)) {
            i = from_agent(p, i);
        } else if (i == first && p->aliases && p->aliases->he &&
                   (tok_eq(&t[i], "HE") || tok_eq(&t[i], "SHE"))) { /* "He also praised" */
            if (add_mention(p, i, i + 1, p->aliases->he, p->ngroups++) == 0)
                p->men[p->nmen - 1].alias = 1;
            i++;
        } else if (i == first && p->aliases && p->aliases->it && tok_eq(&t[i], "IT") && i + 1 < n &&
                   saying_word(&t[i + 1])) { /* "It said in a statement" */
            if (add_mention(p, i, i + 1, p->aliases->it, p->ngroups++) == 0)
                p->men[p->nmen - 1].alias = 1;
            i++;
        } else if ((e = countries_at(p, i)) > i) { /* "the two countries" */
            i = e;
        } else if ((c = group_at(p, i)) != NULL) { /* "the group said" */
            if (add_mention(p, i, i + 2, c, p->ngroups++) == 0) p->men[p->nmen - 1].alias = 1;
            i += 2;
        } else if ((c = alias_at(p, i)) != NULL) { /* "Ahmed hailed" */
            if (add_mention(p, i, i + 1, c, p->ngroups++) == 0) p->men[p->nmen - 1].alias = 1;
            i++;
        } else {
            i++;
        }
        if (arena_failed(a)) return -1;
    }
    link_groups(p);
    return arena_failed(a) ? -1 : 0;
}
