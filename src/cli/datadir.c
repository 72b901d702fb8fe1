/* datadir.c -- where the dyad command finds the data it ships: its
 * dictionaries, the gazetteer and the dashboard. In order: the variable
 * naming that one item ($DYAD_DICT, $DYAD_GAZETTEER), $DYAD_DATA, the
 * checkout the binary was built in (build/dyad -> data/dict, build/web,
 * build/gazetteer.gaz), and the prefix it was installed under
 * (PREFIX/bin/dyad -> PREFIX/share/dyad/...), so an installed binary works
 * from any directory and a copied one says where it looked. */
#define _XOPEN_SOURCE 700 /* realpath */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli.h"

/* Each item: its own variable (or NULL), its name under $DYAD_DATA and an
 * installed prefix's share/dyad, and its places relative to the binary's
 * directory in a checkout. */
static const struct {
    const char *env, *name, *built[2];
    int dir;
} ITEMS[] = {
    [CLI_DATA_DICT] = {"DYAD_DICT", "dict", {"../data/dict", NULL}, 1},
    [CLI_DATA_GAZETTEER] = {"DYAD_GAZETTEER", "gazetteer.gaz", {"gazetteer.gaz", NULL}, 0},
    [CLI_DATA_WEB] = {NULL, "web", {"web", "../build/web"}, 1},
};

static int exists(const char *p, int dir) {
    struct stat st;
    return stat(p, &st) == 0 && (dir ? S_ISDIR(st.st_mode) : S_ISREG(st.st_mode));
}

/* Rewrites path p (of size n) without "..", and relative to the working
 * directory when it lies below it, so that the rules events cite read
 * "data/dict/cameo.verbs:472". Returns p. */
static const char *tidy_path(char *p, size_t n) {
    char real[PATH_MAX], cwd[PATH_MAX];
    if (!realpath(p, real)) return p;
    size_t k = getcwd(cwd, sizeof cwd) ? strlen(cwd) : 0;
    if (k && !strncmp(real, cwd, k) && real[k] == '/')
        snprintf(p, n, "%s", real + k + 1);
    else
        snprintf(p, n, "%s", real);
    return p;
}

/* The directory of the running binary into exe (size n); 0 if unknown. */
static int exe_dir(char *exe, size_t n) {
    ssize_t l = readlink("/proc/self/exe", exe, n - 1);
    if (l <= 0) return 0;
    exe[l] = '\0';
    char *slash = strrchr(exe, '/');
    if (!slash) return 0;
    *slash = '\0';
    return 1;
}

/* The candidates for item what, in order, each written into buf and
 * given to fn; stops at the first for which fn returns nonzero and
 * returns 1, else 0. */
static int each_place(cli_data what, char *buf, size_t n, int (*fn)(void *, const char *), void *ud) {
    const char *env = ITEMS[what].env ? getenv(ITEMS[what].env) : NULL;
    if (env && *env) {
        snprintf(buf, n, "%s", env);
        if (fn(ud, buf)) return 1;
    }
    const char *data = getenv("DYAD_DATA");
    if (data && *data) {
        snprintf(buf, n, "%s/%s", data, ITEMS[what].name);
        if (fn(ud, buf)) return 1;
    }
    char exe[PATH_MAX];
    if (exe_dir(exe, sizeof exe)) {
        for (int i = 0; i < 2 && ITEMS[what].built[i]; i++) {
            snprintf(buf, n, "%s/%s", exe, ITEMS[what].built[i]);
            if (fn(ud, buf)) return 1;
        }
        snprintf(buf, n, "%s/../share/dyad/%s", exe, ITEMS[what].name);
        if (fn(ud, buf)) return 1;
    }
    return 0;
}

static int found(void *ud, const char *p) { return exists(p, *(int *)ud); }

const char *cli_data_find(cli_data what, char *buf, size_t n) {
    int dir = ITEMS[what].dir;
    if (!each_place(what, buf, n, found, &dir)) return NULL;
    return tidy_path(buf, n);
}

/* Appends each place looked in to the list being written. */
typedef struct tried {
    char *out;
    size_t n, len;
} tried;

static int add_tried(void *ud, const char *p) {
    tried *t = ud;
    if (t->len < t->n) {
        int k = snprintf(t->out + t->len, t->n - t->len, "%s%s", t->len ? ", " : "", p);
        if (k > 0) t->len += (size_t)k;
    }
    return 0;
}

const char *cli_data_tried(cli_data what, char *out, size_t n) {
    char buf[PATH_MAX + 64];
    tried t = {out, n, 0};
    out[0] = '\0';
    each_place(what, buf, sizeof buf, add_tried, &t);
    return out;
}
