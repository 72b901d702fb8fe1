/* ctx.c -- creating a context and loading dictionary files into it,
 * picking the reader by the file's kind (given, or guessed from its name). */
#include <ctype.h>
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ctx.h"
#include "status.h"

dyad_status dyad_ctx_new(dyad_ctx **out, dyad_error *err) {
    dyad_ctx *c = calloc(1, sizeof *c);
    if (!c || dicts_init(&c->d) != 0) {
        free(c);
        return dyad_fail(err, DYAD_ENOMEM, NULL, 0, "out of memory creating a context");
    }
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

dyad_status dyad_ctx_load_file(dyad_ctx *ctx, const char *path, dyad_dict_kind kind,
                               dyad_warn_fn warn, void *ud, dyad_error *err) {
    if (!ctx || !path) return dyad_fail(err, DYAD_EINVAL, NULL, 0, "no context or path");
    if (ctx->finished)
        return dyad_fail(err, DYAD_EINVAL, path, 0, "context already finished; load first");
    int guessed = kind == DYAD_DICT_AUTO;
    if (guessed) kind = guess_kind(path);
    switch (kind) {
    case DYAD_DICT_VERBS: return dict_read_verbs(&ctx->d, path, warn, ud, err);
    case DYAD_DICT_ACTORS: return dict_read_actors(&ctx->d, path, warn, ud, err);
    case DYAD_DICT_AGENTS: return dict_read_agents(&ctx->d, path, warn, ud, err);
    case DYAD_DICT_DISCARDS: return dict_read_discards(&ctx->d, path, warn, ud, err);
    case DYAD_DICT_PLACES: return dyad_ctx_load_gazetteer(ctx, path, warn, ud, err);
    case DYAD_DICT_IGNORE:
    case DYAD_DICT_AUTO: {
        /* a file Dyad reads nothing from: it must still be there, and a
         * name that tells no kind is said */
        FILE *f = fopen(path, "rb");
        if (!f) return dyad_fail(err, DYAD_EIO, path, 0, "cannot open dictionary");
        fclose(f);
        if (guessed)
            dyad_warn(warn, ud, DYAD_EINVAL, path, 0,
                      "not read: the name tells no dictionary kind (verbs, actors, agents, discards, .gaz)");
        return DYAD_OK;
    }
    }
    return dyad_fail(err, DYAD_EINVAL, path, 0, "unknown dictionary kind %d", (int)kind);
}

dyad_status ctx_load_buffer(dyad_ctx *ctx, dyad_dict_kind kind, const char *name,
                            const char *buf, size_t len, dyad_warn_fn warn, void *ud,
                            dyad_error *err) {
    if (ctx->finished)
        return dyad_fail(err, DYAD_EINVAL, name, 0, "context already finished; load first");
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

dyad_status dyad_ctx_load_gazetteer(dyad_ctx *ctx, const char *path, dyad_warn_fn warn,
                                    void *ud, dyad_error *err) {
    if (!ctx || !path) return dyad_fail(err, DYAD_EINVAL, NULL, 0, "no context or path");
    if (ctx->finished)
        return dyad_fail(err, DYAD_EINVAL, path, 0, "context already finished; load first");
    char *buf = NULL;
    size_t len = 0;
    dyad_status st = dict_read_file(path, &buf, &len, err);
    if (st != DYAD_OK) return st;
    st = gaz_parse(&ctx->gaz, &ctx->d.mem, path, buf, len, warn, ud, &ctx->d.bad_lines, err);
    free(buf);
    return st;
}

static int cmp_str(const void *a, const void *b) {
    return strcmp(*(char *const *)a, *(char *const *)b);
}

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
            if (!nn) { st = dyad_fail(err, DYAD_ENOMEM, dir, 0, "out of memory"); goto done; }
            names = nn;
        }
        size_t len = strlen(dir) + strlen(de->d_name) + 2;
        names[n] = malloc(len);
        if (!names[n]) { st = dyad_fail(err, DYAD_ENOMEM, dir, 0, "out of memory"); goto done; }
        snprintf(names[n], len, "%s/%s", dir, de->d_name);
        n++;
    }
    if (n == 0) {
        st = dyad_fail(err, DYAD_EIO, dir, 0, "no dictionary files (*verbs*, *actors*, *agents*, *discards*, *.gaz)");
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
    if (dict_index_synsets(&ctx->d) != 0)
        return dyad_fail(err, DYAD_ENOMEM, NULL, 0, "out of memory while indexing synsets");
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
}
