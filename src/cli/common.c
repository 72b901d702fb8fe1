/* common.c -- warning output and dictionary loading shared by commands. */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli.h"

int cli_warn_line(const dyad_error *w, char *buf, size_t n) {
    char msg[1024];
    int k = snprintf(buf, n, "dyad: warning: %s\n", dyad_error_format(w, msg, sizeof msg));
    return k < 0 ? 0 : (size_t)k < n ? k : (int)n - 1;
}

void cli_warn_cb(void *ud, const dyad_error *w) {
    cli_warn *cw = ud;
    cw->count++;
    if (cw->quiet) return;
    progress_clear(cw->progress);
    char buf[1200];
    cli_warn_line(w, buf, sizeof buf);
    fputs(buf, stderr);
}

void cli_doc_warnings(const dyad_article *a, const dyad_doc *d, cli_warn *w) {
    for (size_t i = 0; i < dyad_doc_nwarnings(d); i++) {
        dyad_error e;
        memset(&e, 0, sizeof e);
        e.code = DYAD_EPARSE;
        snprintf(e.file, sizeof e.file, "%s", a->file ? a->file : "");
        e.line = a->line;
        snprintf(e.msg, sizeof e.msg, "article %s: %s", a->id ? a->id : "", dyad_doc_warning(d, i));
        cli_warn_cb(w, &e);
    }
}

void cli_error(const dyad_error *err) {
    char buf[1024];
    fprintf(stderr, "dyad: error: %s\n", dyad_error_format(err, buf, sizeof buf));
}

static int is_dir(const char *p) {
    struct stat st;
    return stat(p, &st) == 0 && S_ISDIR(st.st_mode);
}

dyad_ctx *cli_load_dicts(const char **paths, int n, cli_warn *w) {
    dyad_ctx *ctx = NULL;
    dyad_error err;
    if (dyad_ctx_new(&ctx, &err) != DYAD_OK) {
        cli_error(&err);
        return NULL;
    }
    char buf[PATH_MAX + 32], gbuf[PATH_MAX + 32], where[4 * PATH_MAX];
    const char *def[2];
    if (n == 0) {
        def[0] = cli_data_find(CLI_DATA_DICT, buf, sizeof buf);
        if (!def[0]) {
            fprintf(
                stderr,
                "dyad: error: Dyad's dictionaries are not found (looked in %s); set DYAD_DATA to the "
                "directory of an installed Dyad's data (PREFIX/share/dyad), or name dictionaries with "
                "--dict\n",
                cli_data_tried(CLI_DATA_DICT, where, sizeof where));
            dyad_ctx_free(ctx);
            return NULL;
        }
        def[1] = cli_data_find(CLI_DATA_GAZETTEER, gbuf, sizeof gbuf);
        if (!def[1] && !w->quiet)
            fprintf(
                stderr,
                "dyad: warning: no gazetteer (looked in %s): places will not be coded; set DYAD_DATA or "
                "DYAD_GAZETTEER\n",
                cli_data_tried(CLI_DATA_GAZETTEER, where, sizeof where));
        paths = def;
        n = def[1] ? 2 : 1;
    }
    for (int i = 0; i < n; i++) {
        dyad_status st = is_dir(paths[i])
                             ? dyad_ctx_load_dir(ctx, paths[i], cli_warn_cb, w, &err)
                             : dyad_ctx_load_file(ctx, paths[i], DYAD_DICT_AUTO, cli_warn_cb, w, &err);
        if (st != DYAD_OK) {
            cli_error(&err);
            dyad_ctx_free(ctx);
            return NULL;
        }
    }
    if (dyad_ctx_finish(ctx, &err) != DYAD_OK) {
        cli_error(&err);
        dyad_ctx_free(ctx);
        return NULL;
    }
    return ctx;
}

int cli_confidence(const char *s, double *out) {
    char *end;
    double v = strtod(s, &end);
    if (end == s || *end || !(v >= 0 && v <= 1)) {
        fprintf(stderr, "dyad: --min-confidence: '%s' is not a number from 0 to 1\n", s);
        return -1;
    }
    *out = v;
    return 0;
}

int cli_add_dict(const cli_cmd *cmd, const char **dicts, int *n, const char *path) {
    if (*n == CLI_MAX_DICTS)
        return cli_usage_error(cmd, "too many --dict options (at most %d)", CLI_MAX_DICTS);
    dicts[(*n)++] = path;
    return CLI_GO;
}
