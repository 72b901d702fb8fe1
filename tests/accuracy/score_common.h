/* score_common.h -- what the scoring tools share: a context loaded from
 * dictionary files and directories named on the command line (their
 * warnings counted, not printed: the dictionaries are checked elsewhere). */
#ifndef SCORE_COMMON_H
#define SCORE_COMMON_H

#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

#include "dyad.h"

static void score_quiet_warn(void *ud, const dyad_error *w) {
    (void)w;
    ++*(long *)ud;
}

/* Loads paths[0..n) (directories with dyad_ctx_load_dir, files by their
 * kind) into a new, finished context; NULL after a message naming tool and
 * the failing file on stderr. */
static inline dyad_ctx *score_load(const char *tool, char **paths, int n) {
    dyad_ctx *ctx = NULL;
    dyad_error err;
    char buf[1024];
    long warnings = 0;
    if (dyad_ctx_new(&ctx, &err) != DYAD_OK) goto fail;
    for (int k = 0; k < n; k++) {
        struct stat sb;
        dyad_status st =
            stat(paths[k], &sb) == 0 && S_ISDIR(sb.st_mode)
                ? dyad_ctx_load_dir(ctx, paths[k], score_quiet_warn, &warnings, &err)
                : dyad_ctx_load_file(ctx, paths[k], DYAD_DICT_AUTO, score_quiet_warn, &warnings, &err);
        if (st != DYAD_OK) goto fail;
    }
    if (dyad_ctx_finish(ctx, &err) != DYAD_OK) goto fail;
    return ctx;
fail:
    fprintf(stderr, "%s: %s\n", tool, dyad_error_format(&err, buf, sizeof buf));
    dyad_ctx_free(ctx);
    return NULL;
}

/* a / b, 0 when b is 0. */
static inline double score_ratio(double a, double b) { return b ? a / b : 0; }

/* The harmonic mean of precision p and recall r, 0 when both are. */
static inline double score_f1(double p, double r) { return p + r > 0 ? 2 * p * r / (p + r) : 0; }

/* Codes text (len bytes) as one sentence of an article id dated date
 * ("YYYY-MM-DD" or ""), read from file at line (0: none), into *doc. */
static inline dyad_status score_code_sentence(const dyad_ctx *ctx, const char *id, const char *date,
                                              const char *text, size_t len, const char *file, long line,
                                              dyad_doc **doc, dyad_error *err) {
    dyad_article a;
    memset(&a, 0, sizeof a);
    a.id = id ? id : "";
    a.date = date ? date : "";
    a.source = a.title = a.url = "";
    a.text = text;
    a.text_len = len;
    a.file = file;
    a.line = line;
    a.single_sentence = 1;
    *doc = NULL;
    return dyad_code(ctx, &a, doc, err);
}

/* Reads the command line "[-v] DATA DICT...": sets *verbose, *data and a
 * context loaded with the dictionaries. Returns 0, else the exit status
 * after a message (2 for a usage error, 1 for a failure). */
static inline int score_start(int argc, char **argv, const char *tool, const char *data_name,
                              int *verbose, const char **data, dyad_ctx **ctx) {
    int a = 1;
    *verbose = 0;
    if (a < argc && !strcmp(argv[a], "-v")) {
        *verbose = 1;
        a++;
    }
    if (argc - a < 2) {
        fprintf(stderr, "usage: %s [-v] %s DICT...\n", tool, data_name);
        return 2;
    }
    *data = argv[a++];
    *ctx = score_load(tool, argv + a, argc - a);
    return *ctx ? 0 : 1;
}

#endif
