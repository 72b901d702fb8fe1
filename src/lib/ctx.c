/* ctx.c -- creating a context and loading dictionary files into it,
 * picking the reader by the file's kind (given, or guessed from its name). */
#include <ctype.h>
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cameo.h"
#include "ctx.h"
#include "status.h"

dyad_status dyad_ctx_new(dyad_ctx **out, dyad_error *err) {
    dyad_ctx *c = calloc(1, sizeof *c);
    if (!c || dicts_init(&c->d) != 0) {
        free(c);
        return dyad_fail(err, DYAD_ENOMEM, NULL, 0, "out of memory creating a context");
    }
    hash_init(&c->sum);
    *out = c;
    return DYAD_OK;
}

void dyad_ctx_free(dyad_ctx *ctx) {
    if (!ctx) return;
    dicts_free(&ctx->d);
    gaz_free(&ctx->gaz);
    free(ctx);
}

/* Guesses a dictionary's kind from its file name, case-insensitively. */
static dyad_dict_kind guess_kind(const char *path) {
    const char *base = strrchr(path, '/');
    base = base ? base + 1 : path;
    char low[256];
    size_t i = 0;
    for (; base[i] && i + 1 < sizeof low; i++) low[i] = (char)tolower((unsigned char)base[i]);
    low[i] = '\0';
    if (i > 4 && strcmp(low + i - 4, ".gaz") == 0) return DYAD_DICT_PLACES;
    if (strstr(low, "verb") || strncmp(low, "cameo", 5) == 0) return DYAD_DICT_VERBS;
    if (strstr(low, "actor")) return DYAD_DICT_ACTORS;
    if (strstr(low, "agent")) return DYAD_DICT_AGENTS;
    if (strstr(low, "discard")) return DYAD_DICT_DISCARDS;
    return DYAD_DICT_IGNORE;
}

dyad_status dyad_ctx_load_file(dyad_ctx *ctx, const char *path, dyad_dict_kind kind, dyad_warn_fn warn,
                               void *ud, dyad_error *err) {
    if (!ctx || !path) return dyad_fail(err, DYAD_EINVAL, NULL, 0, "no context or path");
    if (ctx->finished)
        return dyad_fail(err, DYAD_EINVAL, path, 0, "context already finished; load first");
    int guessed = kind == DYAD_DICT_AUTO;
    if (guessed) kind = guess_kind(path);
    switch (kind) {
    case DYAD_DICT_VERBS:
    case DYAD_DICT_ACTORS:
    case DYAD_DICT_AGENTS:
    case DYAD_DICT_DISCARDS:
    case DYAD_DICT_PLACES: {
        char *buf = NULL;
        size_t len = 0;
        dyad_status st = dict_read_file(path, &buf, &len, err);
        if (st != DYAD_OK) return st;
        st = ctx_load_buffer(ctx, kind, path, buf, len, warn, ud, err);
        free(buf);
        return st;
    }
    case DYAD_DICT_IGNORE:
    case DYAD_DICT_AUTO: {
        /* a file Dyad reads nothing from: it must still be there, and a
         * name that tells no kind is said */
        FILE *f = fopen(path, "rb");
        if (!f) return dyad_fail(err, DYAD_EIO, path, 0, "cannot open dictionary");
        fclose(f);
        if (guessed)
            dyad_warn(
                warn, ud, DYAD_EINVAL, path, 0,
                "not read: the name tells no dictionary kind (verbs, actors, agents, discards, .gaz)");
        return DYAD_OK;
    }
    }
    return dyad_fail(err, DYAD_EINVAL, path, 0, "unknown dictionary kind %d", (int)kind);
}

dyad_status ctx_load_buffer(dyad_ctx *ctx, dyad_dict_kind kind, const char *name, const char *buf,
                            size_t len, dyad_warn_fn warn, void *ud, dyad_error *err) {
    if (ctx->finished)
        return dyad_fail(err, DYAD_EINVAL, name, 0, "context already finished; load first");
    /* the checksum takes each file's own hash, so that where one file ends
     * and the next begins counts too */
    hash128 h;
    hash_init(&h);
    hash_update(&h, buf, len);
    char file[33]; /* as text: the same on every machine */
    hash_hex(&h, file);
    hash_update(&ctx->sum, file, 32);
    switch (kind) {
    case DYAD_DICT_VERBS: return dict_parse_verbs(&ctx->d, name, buf, len, warn, ud, err);
    case DYAD_DICT_ACTORS: return dict_parse_actors(&ctx->d, name, buf, len, warn, ud, err);
    case DYAD_DICT_AGENTS: return dict_parse_agents(&ctx->d, name, buf, len, warn, ud, err);
    case DYAD_DICT_DISCARDS: return dict_parse_discards(&ctx->d, name, buf, len, warn, ud, err);
    case DYAD_DICT_PLACES:
        return gaz_parse(&ctx->gaz, &ctx->d.mem, name, buf, len, warn, ud, &ctx->d.bad_lines, err);
    default: return dyad_fail(err, DYAD_EINVAL, name, 0, "a buffer needs an explicit kind");
    }
}

dyad_status dyad_ctx_load_gazetteer(dyad_ctx *ctx, const char *path, dyad_warn_fn warn, void *ud,
                                    dyad_error *err) {
    if (!ctx || !path) return dyad_fail(err, DYAD_EINVAL, NULL, 0, "no context or path");
    return dyad_ctx_load_file(ctx, path, DYAD_DICT_PLACES, warn, ud, err);
}

void dyad_ctx_checksum(const dyad_ctx *ctx, char out[33]) { hash_hex(&ctx->sum, out); }

static int cmp_str(const void *a, const void *b) { return strcmp(*(char *const *)a, *(char *const *)b); }

dyad_status dyad_ctx_load_dir(dyad_ctx *ctx, const char *dir, dyad_warn_fn warn, void *ud,
                              dyad_error *err) {
    DIR *dp = opendir(dir);
    if (!dp) return dyad_fail(err, DYAD_EIO, dir, 0, "cannot open dictionary directory");
    char **names = NULL;
    size_t n = 0, cap = 0;
    dyad_status st = DYAD_OK;
    struct dirent *de;
    while ((de = readdir(dp)) != NULL) {
        if (de->d_name[0] == '.') continue;
        if (guess_kind(de->d_name) == DYAD_DICT_IGNORE) continue;
        if (n == cap) {
            cap = cap ? cap * 2 : 16;
            char **nn = realloc(names, cap * sizeof *nn);
            if (!nn) {
                st = dyad_fail(err, DYAD_ENOMEM, dir, 0, "out of memory");
                goto done;
            }
            names = nn;
        }
        size_t len = strlen(dir) + strlen(de->d_name) + 2;
        names[n] = malloc(len);
        if (!names[n]) {
            st = dyad_fail(err, DYAD_ENOMEM, dir, 0, "out of memory");
            goto done;
        }
        snprintf(names[n], len, "%s/%s", dir, de->d_name);
        n++;
    }
    if (n == 0) {
        st = dyad_fail(err, DYAD_EIO, dir, 0,
                       "no dictionary files (*verbs*, *actors*, *agents*, *discards*, *.gaz)");
        goto done;
    }
    qsort(names, n, sizeof *names, cmp_str);
    for (size_t i = 0; i < n && st == DYAD_OK; i++)
        st = dyad_ctx_load_file(ctx, names[i], DYAD_DICT_AUTO, warn, ud, err);
done:
    for (size_t i = 0; i < n; i++) free(names[i]);
    free(names);
    closedir(dp);
    return st;
}

dyad_status dyad_ctx_finish(dyad_ctx *ctx, dyad_error *err) {
    if (!ctx) return dyad_fail(err, DYAD_EINVAL, NULL, 0, "no context");
    if (arena_failed(&ctx->d.mem))
        return dyad_fail(err, DYAD_ENOMEM, NULL, 0, "out of memory while loading dictionaries");
    if (dict_index_synsets(&ctx->d) != 0 || dict_index_names(&ctx->d) != 0)
        return dyad_fail(err, DYAD_ENOMEM, NULL, 0, "out of memory while indexing dictionaries");
    ctx->finished = 1;
    return DYAD_OK;
}

void dyad_ctx_stats(const dyad_ctx *ctx, dyad_dict_stats *out) {
    memset(out, 0, sizeof *out);
    const dicts *d = &ctx->d;
    out->actors = d->actors.n;
    out->actor_phrases = d->actor_phrases;
    out->agents = d->agents.n;
    out->agent_phrases = d->agent_phrases;
    out->discards = d->discards.n;
    out->verb_blocks = d->blocks.n;
    out->verb_forms = d->forms.n;
    out->patterns = d->npatterns;
    out->synsets = d->synsets.n;
    out->bad_lines = d->bad_lines;
    out->places = ctx->gaz.n;
    out->place_names = ctx->gaz.used;
    out->duplicates = d->duplicates;
}

/* Reports message at rule ("file:line", NULL for none) through warn. */
static void audit_report(dyad_warn_fn warn, void *ud, const char *rule, const char *msg) {
    dyad_error w;
    memset(&w, 0, sizeof w);
    w.code = DYAD_EPARSE;
    const char *colon = rule ? strrchr(rule, ':') : NULL;
    if (colon) {
        size_t n = (size_t)(colon - rule);
        if (n >= sizeof w.file) n = sizeof w.file - 1;
        memcpy(w.file, rule, n);
        w.line = strtol(colon + 1, NULL, 10);
    }
    snprintf(w.msg, sizeof w.msg, "%s", msg);
    if (warn) warn(ud, &w);
}

/* Whether a code of the verb dictionary begins with CAMEO code c. */
static int gives(const char *code, const char *c) { return code && !strncmp(code, c, strlen(c)); }

static int verb_gives(const dicts *d, const char *c) {
    for (size_t b = 0; b < d->blocks.n; b++) {
        const verb_block *vb = &d->blocks.v[b];
        if (gives(vb->code, c) || gives(vb->rcode, c)) return 1;
        for (uint32_t k = 0; k < vb->npats; k++)
            if (gives(vb->pats[k].code, c) || gives(vb->pats[k].rcode, c)) return 1;
    }
    for (size_t f = 0; f < d->forms.n; f++)
        if (gives(d->forms.v[f].code, c)) return 1;
    return 0;
}

static int by_wikidata(const void *a, const void *b) {
    const actor_entry *x = *(const actor_entry *const *)a, *y = *(const actor_entry *const *)b;
    int c = strcmp(x->wikidata, y->wikidata);
    return c ? c : (x > y) - (x < y);
}

/* Notes each entry whose Wikidata id an earlier entry gives: the same
 * actor written twice. */
static size_t audit_wikidata(const dicts *d, dyad_warn_fn warn, void *ud) {
    const actor_entry **v = malloc((d->actors.n + 1) * sizeof *v);
    if (!v) return 0;
    size_t n = 0, found = 0;
    for (size_t a = 0; a < d->actors.n; a++)
        if (d->actors.v[a].wikidata) v[n++] = &d->actors.v[a];
    qsort(v, n, sizeof *v, by_wikidata);
    char msg[512];
    for (size_t i = 1; i < n; i++) {
        if (strcmp(v[i]->wikidata, v[i - 1]->wikidata) != 0) continue;
        size_t first = i - 1;
        while (first > 0 && !strcmp(v[first - 1]->wikidata, v[i]->wikidata)) first--;
        snprintf(msg, sizeof msg, "Wikidata id %s given again: the entry at %s has it", v[i]->wikidata,
                 v[first]->rule);
        audit_report(warn, ud, v[i]->rule, msg);
        found++;
    }
    free(v);
    return found;
}

size_t dyad_ctx_audit(const dyad_ctx *ctx, dyad_warn_fn warn, void *ud) {
    const dicts *d = &ctx->d;
    size_t found = 0;
    char msg[512];
    for (size_t a = 0; a < d->actors.n; a++) {
        const actor_entry *e = &d->actors.v[a];
        for (uint32_t i = 0; i < e->ncodes; i++)
            for (uint32_t k = i + 1; k < e->ncodes; k++) {
                const dated_code *x = &e->codes[i], *y = &e->codes[k];
                /* a day of handover, both ranges' end and start, is no overlap */
                if (!code_dated(x) || !code_dated(y) || !strcmp(x->code, y->code) || x->from >= y->to ||
                    y->from >= x->to)
                    continue;
                snprintf(msg, sizeof msg, "dated codes %s %08d-%08d and %s %08d-%08d overlap", x->code,
                         (int)x->from, (int)x->to, y->code, (int)y->from, (int)y->to);
                audit_report(warn, ud, e->rule, msg);
                found++;
            }
    }
    for (size_t r = 0; r < d->repeats.n; r++) {
        const actor_repeat *x = &d->repeats.v[r];
        const char *at =
            x->first >= 0 && (size_t)x->first < d->actors.n ? d->actors.v[x->first].rule : "?";
        snprintf(msg, sizeof msg, "%s given again: the entry at %s keeps it", x->text, at);
        audit_report(warn, ud, x->rule, msg);
        found++;
    }
    found += audit_wikidata(d, warn, ud);
    if (d->blocks.n == 0) return found; /* no verb dictionary loaded */
    char codes[400];
    size_t len = 0;
    int missing = 0;
    codes[0] = '\0';
    for (size_t k = 0; k < cameo_table_n; k++) {
        const char *c = cameo_table[k].code;
        if (strlen(c) != 3 || verb_gives(d, c)) continue;
        if (len + 5 < sizeof codes) len += (size_t)snprintf(codes + len, sizeof codes - len, " %s", c);
        missing++;
        found++;
    }
    if (missing) {
        snprintf(msg, sizeof msg, "%d CAMEO codes no verb, form or pattern gives:%s", missing, codes);
        audit_report(warn, ud, NULL, msg);
    }
    return found;
}
