/* dict_verbs.c -- reads verb dictionaries, TABARI/PETRARCH-1 and
 * PETRARCH-2 alike: synsets ("&NAME" with "+" members), verb blocks
 * ("--- NAME [CODE] ---"), verb lines (with {irregular forms}, multi-word
 * verbs marked by '+', own codes) and patterns ("- PRE * POST [CODE]").
 * Forms written in the file win over generated inflections. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dict_read.h"
#include "inflect.h"
#include "status.h"
#include "text.h"

#define MAX_ELEMS 48 /* elements in one pattern */
#define MAX_FORMS 32 /* listed forms on one verb line */

/* A generated form waiting until the whole file is read. */
typedef struct pending {
    phrase p;
    uint32_t form;
} pending;

typedef struct vparse {
    liner L;
    int32_t block;        /* current block, -1 */
    int32_t syn;          /* current synset, -1 */
    DYNARR(pattern) pats; /* patterns of the current block */
    DYNARR(pending) gen;  /* generated forms */
    /* synset references by name, resolved at the end */
    DYNARR(pat_elem *) refs;
    DYNARR(char *) refnames;
    DYNARR(long) reflines;
} vparse;

static int32_t find_synset(const dicts *d, const char *name, size_t n) {
    for (size_t i = 0; i < d->synsets.n; i++)
        if (strlen(d->synsets.v[i].name) == n && !strncmp(d->synsets.v[i].name, name, n))
            return (int32_t)i;
    return -1;
}

static int add_ref(vparse *V, pat_elem *e, const char *name, size_t n) {
    GROW(V->refs, return -1);
    GROW(V->refnames, return -1);
    GROW(V->reflines, return -1);
    V->refs.v[V->refs.n++] = e;
    V->refnames.v[V->refnames.n++] = arena_strndup(&V->L.d->mem, name, n);
    V->reflines.v[V->reflines.n++] = V->L.line;
    return 0;
}

/* Parses a code "[064]", "[032:033]", "[---]" into code/rcode. */
static int parse_vcode(dicts *d, const char *s, size_t n, const char **code, const char **rcode) {
    while (n && *s == ' ') s++, n--;
    while (n && s[n - 1] == ' ') n--;
    if (!n) return -1;
    for (size_t i = 0; i < n; i++) {
        char c = s[i];
        if (!((c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '+' ||
              c == '-' || c == ':' || c == '#' || c == '?'))
            return -1;
    }
    const char *colon = memchr(s, ':', n);
    size_t cl = colon ? (size_t)(colon - s) : n;
    *code = (cl == 3 && !memcmp(s, "---", 3)) ? NULL : arena_strndup(&d->mem, s, cl);
    *rcode = NULL;
    if (colon && n - cl - 1 > 0) {
        size_t rl = n - cl - 1;
        *rcode =
            (rl == 3 && !memcmp(colon + 1, "---", 3)) ? NULL : arena_strndup(&d->mem, colon + 1, rl);
    }
    return 0;
}

static void close_block(vparse *V) {
    dicts *d = V->L.d;
    if (V->block < 0) return;
    verb_block *b = &d->blocks.v[V->block];
    /* most literal elements first, file order among equals (insertion sort
     * keeps it stable) */
    pattern *p = V->pats.v;
    size_t n = V->pats.n;
    for (size_t i = 1; i < n; i++) {
        pattern x = p[i];
        int lx = 0;
        for (int k = 0; k < x.npre; k++) lx += x.pre[k].kind == PE_WORD || x.pre[k].kind == PE_SYNSET;
        for (int k = 0; k < x.npost; k++) lx += x.post[k].kind == PE_WORD || x.post[k].kind == PE_SYNSET;
        size_t j = i;
        while (j > 0) {
            int ly = 0;
            const pattern *y = &p[j - 1];
            for (int k = 0; k < y->npre; k++)
                ly += y->pre[k].kind == PE_WORD || y->pre[k].kind == PE_SYNSET;
            for (int k = 0; k < y->npost; k++)
                ly += y->post[k].kind == PE_WORD || y->post[k].kind == PE_SYNSET;
            if (ly >= lx) break;
            p[j] = p[j - 1];
            j--;
        }
        p[j] = x;
    }
    pattern *copy = n ? arena_alloc(&d->mem, n * sizeof *copy) : NULL;
    if (copy) memcpy(copy, p, n * sizeof *copy);
    b->pats = copy;
    b->npats = copy ? (uint32_t)n : 0;
    V->pats.n = 0;
    V->block = -1;
}

/* Parses the elements of a pattern line into pre/post. */
/* Element x (the n-th) from the piece p[0..pl) of pattern s: '*' the
 * verb (*verb gets its index), '+' the target, '$' the source, '%' a
 * compound, '^' any word, '&NAME' a synset (named once the pattern is
 * placed), else a word, a stem when it ends its token (last). -1 for a
 * second verb, -2 when out of memory. */
static int pattern_piece(dicts *d, const char *s, const char *p, size_t pl, int last, int n, pat_elem *x,
                         int *verb) {
    if (pl == 1 && *p == '*') {
        if (*verb >= 0) return -1;
        *verb = n;
    } else if (pl == 1 && *p == '+')
        x->kind = PE_TARGET;
    else if (pl == 1 && *p == '$')
        x->kind = PE_SOURCE;
    else if (pl == 1 && *p == '%')
        x->kind = PE_COMPOUND;
    else if (pl == 1 && *p == '^')
        x->kind = PE_SKIP;
    else if (*p == '&') {
        /* the name's offset in s, until the element is placed */
        x->kind = PE_SYNSET;
        x->id = (uint32_t)(p - s);
        x->stem = (uint8_t)(pl > 255 ? 255 : pl);
    } else {
        x->kind = PE_WORD;
        x->id = dict_intern(d, p, pl);
        if (!x->id) return -2;
        x->stem = (uint8_t)last;
    }
    return 0;
}

/* The n elements el (tokid: the token each came from) placed before and
 * after the verb, el[verb], in the dictionary's arena, each marked
 * adjacent to its verb-side neighbour when both came from one token. -2
 * when out of memory. */
static int pattern_sides(dicts *d, const pat_elem *el, const int *tokid, int n, int verb, pattern *pt) {
    int npre = verb, npost = n - verb - 1;
    pat_elem *pre = npre ? arena_alloc(&d->mem, (size_t)npre * sizeof *pre) : NULL;
    pat_elem *post = npost ? arena_alloc(&d->mem, (size_t)npost * sizeof *post) : NULL;
    if ((npre && !pre) || (npost && !post)) return -2;
    memset(pt, 0, sizeof *pt);
    for (int i = 0; i < npre; i++) {
        pre[i] = el[i];
        pre[i].adjacent = (uint8_t)(tokid[i] == tokid[i + 1]);
    }
    for (int i = 0; i < npost; i++) {
        post[i] = el[verb + 1 + i];
        post[i].adjacent = (uint8_t)(tokid[verb + 1 + i] == tokid[verb + i]);
    }
    pt->verb_adjacent_pre = (uint8_t)(npre && tokid[verb - 1] == tokid[verb]);
    pt->verb_adjacent_post = (uint8_t)(npost && tokid[verb + 1] == tokid[verb]);
    if (npre) pre[npre - 1].adjacent = pt->verb_adjacent_pre;
    if (npost) post[0].adjacent = pt->verb_adjacent_post;
    pt->pre = pre;
    pt->post = post;
    pt->npre = (uint16_t)npre;
    pt->npost = (uint16_t)npost;
    return 0;
}

/* The synset elements of pattern pt (of text s) recorded by name, to be
 * resolved when the file is read. -2 when out of memory. */
static int pattern_synsets(vparse *V, const char *s, pattern *pt) {
    for (int i = 0; i < pt->npre + pt->npost; i++) {
        /* the pattern's elements are this reader's, in its arena */
        pat_elem *x = (pat_elem *)(i < pt->npre ? &pt->pre[i] : &pt->post[i - pt->npre]);
        if (x->kind != PE_SYNSET) continue;
        const char *nm = s + x->id;
        size_t nl = 0;
        while (nm[nl] && nm[nl] != '_' && nm[nl] != ' ' && nm[nl] != '\t' && nm[nl] != ')' &&
               nm[nl] != '}')
            nl++;
        x->stem = 0;
        if (add_ref(V, x, nm, nl) != 0) return -2;
    }
    return 0;
}

static int parse_pattern(vparse *V, const char *s, pattern *pt) {
    dicts *d = V->L.d;
    pat_elem el[MAX_ELEMS];
    int tokid[MAX_ELEMS];
    int n = 0, verb = -1, tok = 0, group = 0, depth = 0;
    const char *q = s;
    while (*q) {
        while (*q == ' ' || *q == '\t') q++;
        if (!*q) break;
        const char *e = q;
        while (*e && *e != ' ' && *e != '\t') e++;
        /* pieces of the token, split on '_' */
        const char *p = q;
        while (p < e) {
            while (p < e && (*p == '(' || *p == '{')) {
                if (depth == 0) group++;
                depth++;
                p++;
            }
            const char *pe = p;
            while (pe < e && *pe != '_' && *pe != ')' && *pe != '}') pe++;
            size_t pl = (size_t)(pe - p);
            int trailing_us = pe < e && *pe == '_';
            const char *after = pe;
            while (after < e && (*after == ')' || *after == '}')) {
                if (depth) depth--;
                after++;
            }
            if (pl) {
                if (n == MAX_ELEMS) return -1;
                pat_elem *x = &el[n];
                memset(x, 0, sizeof *x);
                if (depth) x->group = (uint8_t)group;
                tokid[n] = tok;
                /* the last piece of a token is a stem unless '_' ends it */
                int rc = pattern_piece(d, s, p, pl, !trailing_us && after >= e, n, x, &verb);
                if (rc) return rc;
                n++;
            }
            p = after;
            if (p < e && *p == '_') p++;
        }
        tok++;
        q = e;
    }
    if (verb < 0) return -1;
    int rc = pattern_sides(d, el, tokid, n, verb, pt);
    return rc ? rc : pattern_synsets(V, s, pt);
}

static void add_pattern(vparse *V, const char *s) {
    liner *L = &V->L;
    if (V->block < 0) {
        liner_bad(L, "pattern outside a verb block: %s", s);
        return;
    }
    const char *ob = strrchr(s, '[');
    const char *cb = ob ? strchr(ob, ']') : NULL;
    if (!ob || !cb || strchr(cb + 1, ']') || strchr(cb + 1, '[')) {
        liner_bad(L, "pattern without a [code]: %s", s);
        return;
    }
    int par = 0, brc = 0;
    for (const char *q = s; q < ob; q++) {
        par += *q == '(' ? 1 : *q == ')' ? -1 : 0;
        brc += *q == '{' ? 1 : *q == '}' ? -1 : 0;
        if (par < 0 || brc < 0 || *q == '[' || *q == ']') break;
    }
    if (par || brc) {
        liner_bad(L, "unbalanced brackets in pattern: %s", s);
        return;
    }
    pattern pt;
    char body[MAX_DICT_LINE];
    size_t bl = (size_t)(ob - (s + 1));
    memcpy(body, s + 1, bl);
    body[bl] = '\0';
    const char *code, *rcode;
    if (parse_vcode(L->d, ob + 1, (size_t)(cb - ob - 1), &code, &rcode) != 0) {
        liner_bad(L, "bad code in pattern: %s", s);
        return;
    }
    /* names of synsets point into body: keep a copy in the arena */
    char *keep = arena_strdup(&L->d->mem, body);
    if (!keep) return;
    int r = parse_pattern(V, keep, &pt);
    if (r == -1) {
        liner_bad(L, "pattern needs exactly one '*': %s", s);
        return;
    }
    if (r < 0) return;
    pt.code = code;
    pt.rcode = rcode;
    pt.rule = liner_rule(L);
    GROW(V->pats, return );
    V->pats.v[V->pats.n++] = pt;
    L->d->npatterns++;
}

/* Words of a verb phrase ("KLM_NOP_+RST", "+BREAK_DOWN") and the verb's
 * position. */
static int verb_phrase(dicts *d, const char *s, size_t n, phrase *p, int *vpos) {
    char buf[512];
    if (n >= sizeof buf) return -1;
    size_t k = 0;
    int pos = -1, word = 0, lead = 0;
    for (size_t i = 0; i < n; i++) {
        char c = s[i];
        if (c == '+') {
            if (i == 0) lead = 1;
            pos = word;
            continue;
        }
        if (c == '_' || c == ' ') {
            if (k && buf[k - 1] != '_') word++;
            c = '_';
            if (k && buf[k - 1] == '_') continue;
        }
        buf[k++] = c;
    }
    while (k && buf[k - 1] == '_') k--;
    buf[k] = '\0';
    (void)lead;
    if (dict_phrase(d, buf, k, p) != 0) return -1;
    for (int i = 0; i < p->n; i++) p->stem[i] = 0;
    *vpos = pos < 0 ? 0 : pos;
    if (*vpos >= p->n) *vpos = p->n - 1;
    return 0;
}

static int add_form(vparse *V, const phrase *p, int vpos, const char *code, int generated) {
    dicts *d = V->L.d;
    GROW(d->forms, return -1);
    uint32_t fi = (uint32_t)d->forms.n;
    verb_form *f = &d->forms.v[d->forms.n++];
    f->block = (uint32_t)V->block;
    f->verb_pos = (uint16_t)vpos;
    f->nwords = (uint16_t)p->n;
    f->code = code;
    f->rule = liner_rule(&V->L);
    if (generated) {
        GROW(V->gen, return -1);
        V->gen.v[V->gen.n].p = *p;
        V->gen.v[V->gen.n++].form = fi;
        return 0;
    }
    return dict_add_phrase(&d->verbs_t, d, p, (int32_t)fi, NULL) < 0 ? -1 : 0;
}

static void verb_line(vparse *V, const char *s) {
    liner *L = &V->L;
    dicts *d = L->d;
    const char *ob = strchr(s, '{'), *cb = ob ? strchr(ob, '}') : NULL;
    const char *sb = strchr(s, '[');
    const char *sbe = sb ? strchr(sb, ']') : NULL;
    if ((ob && !cb) || (!ob && strchr(s, '}')) || (sb && !sbe) || (!sb && strchr(s, ']'))) {
        liner_bad(L, "unbalanced brackets in verb line: %s", s);
        return;
    }
    const char *code = NULL, *rcode = NULL;
    if (sb && parse_vcode(d, sb + 1, (size_t)(sbe - sb - 1), &code, &rcode) != 0) {
        liner_bad(L, "bad code in verb line: %s", s);
        return;
    }
    const char *end = ob ? ob : sb ? sb : s + strlen(s);
    size_t n = (size_t)(end - s);
    while (n && (s[n - 1] == ' ' || s[n - 1] == '\t')) n--;
    phrase p;
    int vpos;
    if (verb_phrase(d, s, n, &p, &vpos) != 0) {
        liner_bad(L, "bad verb: %s", s);
        return;
    }
    if (add_form(V, &p, vpos, code, 0) != 0) return;
    if (ob) { /* listed forms; "{}" means these are all */
        const char *q = ob + 1;
        while (q < cb) {
            while (q < cb && (*q == ' ' || *q == '\t')) q++;
            const char *e = q;
            while (e < cb && *e != ' ' && *e != '\t') e++;
            phrase f;
            int fp;
            if (e > q && verb_phrase(d, q, (size_t)(e - q), &f, &fp) == 0) add_form(V, &f, fp, code, 0);
            q = e;
        }
        return;
    }
    inflect_forms inf;
    inflect_verb(lex_str(&d->lex, p.w[vpos]), &inf);
    for (int k = 1; k < inf.n; k++) {
        phrase f = p;
        f.w[vpos] = lex_intern(&d->lex, inf.w[k], strlen(inf.w[k]));
        if (f.w[vpos]) add_form(V, &f, vpos, code, 1);
    }
}

/* Appends phrase el[0..n) to synset sy (arena copies); the copy, NULL when
 * out of memory. The phrase lists grow by doubling. */
static pat_elem *add_synset_phrase(dicts *d, synset *sy, const pat_elem *el, int n) {
    pat_elem *copy = arena_alloc(&d->mem, (size_t)n * sizeof *copy);
    if (!copy) return NULL;
    memcpy(copy, el, (size_t)n * sizeof *copy);
    if (sy->nphrases == sy->capphrases) {
        uint32_t cap = sy->capphrases ? sy->capphrases * 2 : 8;
        const pat_elem **ph = arena_alloc(&d->mem, cap * sizeof *ph);
        uint16_t *lens = arena_alloc(&d->mem, cap * sizeof *lens);
        if (!ph || !lens) return NULL;
        if (sy->nphrases) {
            memcpy(ph, sy->phrases, sy->nphrases * sizeof *ph);
            memcpy(lens, sy->lens, sy->nphrases * sizeof *lens);
        }
        sy->phrases = ph;
        sy->lens = lens;
        sy->capphrases = cap;
    }
    sy->phrases[sy->nphrases] = copy;
    sy->lens[sy->nphrases] = (uint16_t)n;
    sy->nphrases++;
    return copy;
}

static void synset_member(vparse *V, const char *s) {
    dicts *d = V->L.d;
    synset *sy = &d->synsets.v[V->syn];
    pat_elem el[MAX_WORDS];
    int n = 0;
    const char *q = s;
    size_t len = strlen(s);
    while (*q) {
        while (*q == '_' || *q == ' ' || *q == '\t') q++;
        const char *e = q;
        while (*e && *e != '_' && *e != ' ' && *e != '\t') e++;
        if (e > q) {
            if (n == MAX_WORDS) break;
            memset(&el[n], 0, sizeof el[n]);
            if (*q == '&') {
                el[n].kind = PE_SYNSET;
                el[n].id = 0;
            } else {
                el[n].kind = PE_WORD;
                el[n].id = dict_intern(d, q, (size_t)(e - q));
                el[n].stem = (uint8_t)(*e == '\0' && s[len - 1] != '_');
            }
            n++;
        }
        q = e;
    }
    if (!n) {
        liner_bad(&V->L, "empty synset member%s", "");
        return;
    }
    pat_elem *copy = add_synset_phrase(d, sy, el, n);
    if (!copy) return;
    /* a last word written without '_' is a stem: its plural is a member too
     * ("+CLAIM" also matches "claims") */
    int nested = 0;
    for (int k = 0; k < n; k++) nested |= el[k].kind == PE_SYNSET;
    if (!nested && el[n - 1].stem) {
        inflect_forms inf;
        inflect_noun(lex_str(&d->lex, el[n - 1].id), &inf);
        for (int f = 1; f < inf.n; f++) {
            el[n - 1].id = dict_intern(d, inf.w[f], strlen(inf.w[f]));
            if (el[n - 1].id && !add_synset_phrase(d, sy, el, n)) return;
        }
    }
    /* nested references */
    q = s;
    int k = 0;
    while (*q && k < n) {
        while (*q == '_' || *q == ' ' || *q == '\t') q++;
        const char *e = q;
        while (*e && *e != '_' && *e != ' ' && *e != '\t') e++;
        if (e > q) {
            if (copy[k].kind == PE_SYNSET) add_ref(V, &copy[k], q, (size_t)(e - q));
            k++;
        }
        q = e;
    }
}

typedef struct phrase_key {
    uint32_t first, k;
} phrase_key;

static int cmp_phrase_key(const void *a, const void *b) {
    const phrase_key *x = a, *y = b;
    if (x->first != y->first) return x->first < y->first ? -1 : 1;
    return x->k < y->k ? -1 : x->k > y->k;
}

int dict_index_synsets(dicts *d) {
    for (size_t i = 0; i < d->synsets.n; i++) {
        synset *sy = &d->synsets.v[i];
        uint32_t n = sy->nphrases;
        if (!n) continue;
        phrase_key *keys = malloc(n * sizeof *keys);
        const pat_elem **ph = arena_alloc(&d->mem, n * sizeof *ph);
        uint16_t *lens = arena_alloc(&d->mem, n * sizeof *lens);
        uint32_t *first = arena_alloc(&d->mem, n * sizeof *first);
        if (!keys || !ph || !lens || !first) {
            free(keys);
            return -1;
        }
        for (uint32_t k = 0; k < n; k++) {
            const pat_elem *e = &sy->phrases[k][0];
            keys[k].first = e->kind == PE_WORD ? e->id : 0;
            keys[k].k = k;
        }
        qsort(keys, n, sizeof *keys, cmp_phrase_key);
        uint32_t always = 0;
        for (uint32_t k = 0; k < n; k++) {
            ph[k] = sy->phrases[keys[k].k];
            lens[k] = sy->lens[keys[k].k];
            first[k] = keys[k].first;
            always += first[k] == 0;
        }
        free(keys);
        sy->phrases = ph;
        sy->lens = lens;
        sy->first = first;
        sy->nalways = always;
    }
    return 0;
}

/* A verb block header ("--- ATTACK [190] ---"): the block before it
 * closed, a new one begun; a bad one reported. -1 when out of memory. */
static int block_header(vparse *V, const char *s) {
    dicts *d = V->L.d;
    liner *L = &V->L;
    close_block(V);
    V->syn = -1;
    const char *ob = strchr(s, '['), *cb = ob ? strchr(ob, ']') : NULL;
    const char *code = NULL, *rcode = NULL;
    if (!ob || !cb || parse_vcode(d, ob + 1, (size_t)(cb - ob - 1), &code, &rcode) != 0) {
        liner_bad(L, "bad verb block header: %s", s);
        return 0;
    }
    const char *nm = skip_ws(s + 3);
    size_t nl = (size_t)(ob - nm);
    while (nl && (nm[nl - 1] == ' ' || nm[nl - 1] == '_' || nm[nl - 1] == '\t')) nl--;
    GROW(d->blocks, return -1);
    V->block = (int32_t)d->blocks.n;
    verb_block *b = &d->blocks.v[d->blocks.n++];
    memset(b, 0, sizeof *b);
    char up[256];
    size_t ul = text_upper(nm, nl < 255 ? nl : 255, up, sizeof up);
    b->name = arena_strndup(&d->mem, up, ul < sizeof up ? ul : sizeof up - 1);
    b->code = code;
    b->rcode = rcode;
    b->rule = liner_rule(L);
    return 0;
}

/* A synset header ("&CURRENCY"): the synset its members are added to, a
 * new one unless it was named before. -1 when out of memory. */
static int synset_header(vparse *V, const char *s) {
    dicts *d = V->L.d;
    liner *L = &V->L;
    size_t nl = 0;
    while (s[nl] && s[nl] != ' ' && s[nl] != '\t') nl++;
    while (nl > 1 && s[nl - 1] == '_') nl--; /* "&PREPOSIT1_" is "&PREPOSIT1" */
    if (nl < 2) {
        liner_bad(L, "bad synset name: %s", s);
        return 0;
    }
    int32_t ex = find_synset(d, s, nl);
    if (ex >= 0) {
        V->syn = ex;
        return 0;
    }
    GROW(d->synsets, return -1);
    V->syn = (int32_t)d->synsets.n;
    synset *sy = &d->synsets.v[d->synsets.n++];
    memset(sy, 0, sizeof *sy);
    sy->name = arena_strndup(&d->mem, s, nl);
    sy->rule = liner_rule(L);
    return 0;
}

/* Gives each pattern element that names a synset its synset, once the
 * file is read; an unknown name is reported at its line. */
static void resolve_synsets(vparse *V) {
    dicts *d = V->L.d;
    liner *L = &V->L;
    for (size_t i = 0; i < V->refs.n; i++) {
        int32_t si = find_synset(d, V->refnames.v[i], strlen(V->refnames.v[i]));
        if (si < 0) {
            long save = L->line;
            L->line = V->reflines.v[i];
            liner_bad(L, "unknown synset %s", V->refnames.v[i]);
            L->line = save;
            V->refs.v[i]->kind = PE_WORD; /* matches nothing */
            V->refs.v[i]->id = LEX_NONE;
        } else {
            V->refs.v[i]->id = (uint32_t)si;
        }
    }
}

dyad_status dict_parse_verbs(dicts *d, const char *name, const char *buf, size_t len, dyad_warn_fn warn,
                             void *ud, dyad_error *err) {
    vparse V;
    memset(&V, 0, sizeof V);
    if (liner_init(&V.L, d, name, buf, len, warn, ud))
        return dyad_fail(err, DYAD_ENOMEM, name, 0, "out of memory");
    V.block = V.syn = -1;
    liner *L = &V.L;
    int oom = 0;
    while (liner_next(L)) {
        const char *s = skip_ws(L->out);
        if (!*s) continue;           /* a synset runs on to the next non-'+' line */
        if (!strncmp(s, "---", 3)) { /* block header */
            if ((oom = block_header(&V, s) < 0)) break;
            continue;
        }
        if (*s == '&') { /* synset header */
            if ((oom = synset_header(&V, s) < 0)) break;
            continue;
        }
        if (V.syn >= 0 && *s == '+') {
            synset_member(&V, s + 1);
            continue;
        }
        if (*s == '-') {
            add_pattern(&V, s);
            continue;
        }
        if (V.block < 0) {
            liner_bad(L, "verb outside a verb block: %s", s);
            continue;
        }
        verb_line(&V, s);
    }
    close_block(&V);
    /* generated forms after the written ones */
    for (size_t i = 0; i < V.gen.n; i++)
        dict_add_phrase(&d->verbs_t, d, &V.gen.v[i].p, (int32_t)V.gen.v[i].form, NULL);
    resolve_synsets(&V);
    free(V.pats.v);
    free(V.gen.v);
    free(V.refs.v);
    free(V.refnames.v);
    free(V.reflines.v);
    free(L->out);
    if (oom || arena_failed(&d->mem)) return dyad_fail(err, DYAD_ENOMEM, name, 0, "out of memory");
    return DYAD_OK;
}
