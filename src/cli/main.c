/* main.c -- the dyad command: picks the subcommand and runs it, then
 * makes sure what it wrote reached standard output (a full disk is an
 * error, a reader that went away is not said). Also the commands about
 * dyad itself: help, version, completion, and the hidden --man. */
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "cli.h"

/* The commands, in the order the help lists them. */
static const cli_cmd *const CMDS[] = {&cli_code,  &cli_dict,      &cli_ingest, &cli_query,
                                      &cli_stats, &cli_figures,   &cli_serve,  &cli_version,
                                      &cli_help,  &cli_completion};
#define NCMDS (sizeof CMDS / sizeof CMDS[0])

static const cli_cmd *find_cmd(const char *name) {
    for (size_t i = 0; i < NCMDS; i++)
        if (!strcmp(CMDS[i]->name, name)) return CMDS[i];
    return NULL;
}

/* A command that takes no options but --help: its operands from
 * argv[*first] on, or the exit status. */
static int no_opt(void *ud, int key, const char *val) {
    (void)ud, (void)key, (void)val;
    return CLI_GO;
}

/* dyad help [COMMAND] */
static int run_help(int argc, char **argv) {
    int first, rc = cli_parse(&cli_help, argc, argv, no_opt, NULL, &first);
    if (rc != CLI_GO) return rc;
    if (argc - first > 1) return cli_usage_error(&cli_help, "one command at most");
    if (argc == first) {
        cli_usage_all(CMDS, NCMDS, stdout);
        return 0;
    }
    const cli_cmd *c = find_cmd(argv[first]);
    if (!c) return cli_usage_error(&cli_help, "no command '%s'", argv[first]);
    cli_usage(c, stdout);
    return 0;
}

const cli_cmd cli_help = {
    .name = "help",
    .operands = "[COMMAND]",
    .summary = "print the help of dyad, or of a command",
    .run = run_help,
};

/* dyad completion bash */
static int run_completion(int argc, char **argv) {
    int first, rc = cli_parse(&cli_completion, argc, argv, no_opt, NULL, &first);
    if (rc != CLI_GO) return rc;
    if (argc - first != 1 || strcmp(argv[first], "bash") != 0)
        return cli_usage_error(&cli_completion, "the one shell it knows is bash");
    cli_completion_bash(CMDS, NCMDS, stdout);
    return 0;
}

const cli_cmd cli_completion = {
    .name = "completion",
    .operands = "bash",
    .summary = "print a bash completion script: source <(dyad completion bash)",
    .run = run_completion,
};

/* The options of dyad version. */
typedef struct version_opts {
    const char *dicts[CLI_MAX_DICTS];
    int ndicts;
} version_opts;

enum { VERSION_DICT = 'd' };

static const cli_opt VERSION_OPTS[] = {
    {VERSION_DICT, "dict", "PATH", "the checksum of these dictionaries (repeatable), not Dyad's own"},
    {0},
};

static int version_opt(void *ud, int key, const char *val) {
    version_opts *o = ud;
    (void)key; /* --dict is the one */
    return cli_add_dict(&cli_version, o->dicts, &o->ndicts, val);
}

/* dyad version, dyad --version: the release, the commit, and the checksum
 * of the dictionaries as loaded for coding. */
static int run_version(int argc, char **argv) {
    version_opts o = {.ndicts = 0};
    int first, rc = cli_parse(&cli_version, argc, argv, version_opt, &o, &first);
    if (rc != CLI_GO) return rc;
    if (first < argc) return cli_usage_error(&cli_version, "takes no operands ('%s')", argv[first]);
    printf("dyad %s\ncommit %s\n", dyad_version(), dyad_commit());
    cli_warn w = {0, 1, NULL}; /* warnings are dyad dict check's */
    dyad_ctx *ctx = cli_load_dicts(o.dicts, o.ndicts, &w);
    if (!ctx) return 1;
    char sum[33];
    dyad_ctx_checksum(ctx, sum);
    printf("dictionaries %s\n", sum);
    dyad_ctx_free(ctx);
    return 0;
}

const cli_cmd cli_version = {
    .name = "version",
    .operands = "",
    .summary =
        "print the version of dyad, the commit it was built from and the checksum of its dictionaries",
    .text = "The checksum is over the bytes of the dictionary files coding loads (Dyad's\n"
            "own, or those of --dict), in load order: the same figure, the same\n"
            "dictionaries. GET /api/health of dyad serve gives the same three.\n",
    .opts = VERSION_OPTS,
    .run = run_version,
};

/* A password in a --db URI ("postgresql://user:PASSWORD@host/db") is
 * copied for the command and blotted out of argv, which ps and
 * /proc/PID/cmdline show to every user of the machine. */
static void hide_passwords(int argc, char **argv) {
    for (int i = 1; i < argc; i++) {
        int eq = !strncmp(argv[i], "--db=", 5);
        if (!eq && (strcmp(argv[i], "--db") != 0 || i + 1 == argc)) continue;
        int at = eq ? i : i + 1;
        char *v = argv[at] + (eq ? 5 : 0);
        size_t len, pw = dyad_uri_password(v, &len);
        if (!strstr(v, "://") || !len) continue;
        static char kept[4][1024]; /* the copies, for the life of the process */
        static int nkept;
        if (nkept == 4 || strlen(argv[at]) >= sizeof kept[0]) continue; /* left as it is: still works */
        char *copy = strcpy(kept[nkept++], argv[at]);
        argv[at] = copy;
        memset(v + pw, '*', len);
    }
}

/* Makes sure what was written reached standard output: the exit status,
 * 1 (said) when a write failed; a reader that went away (EPIPE) is not
 * said. */
static int finish(int rc) {
    errno = 0;
    int bad = ferror(stdout) != 0;
    if (fflush(stdout) != 0) bad = 1;
    int e = errno;
    if (fclose(stdout) != 0 && !bad) {
        bad = 1;
        e = errno;
    }
    if (!bad) return rc;
    if (e != EPIPE && rc == 0) /* a command that failed has said why */
        fprintf(stderr, "dyad: error: cannot write the output: %s\n", e ? strerror(e) : "write error");
    return rc ? rc : CLI_EXIT_ERROR;
}

int main(int argc, char **argv) {
    if (argc < 2) {
        cli_usage_all(CMDS, NCMDS, stderr);
        return CLI_EXIT_USAGE;
    }
    hide_passwords(argc, argv);
    const char *name = argv[1];
    if (!strcmp(name, "--help") || !strcmp(name, "-h")) name = "help";
    if (!strcmp(name, "--version")) name = "version";
    if (!strcmp(name, "--man")) { /* the man page, for make: build/dyad.1 */
        cli_man(CMDS, NCMDS, stdout);
        return finish(0);
    }
    const cli_cmd *c = find_cmd(name);
    if (!c) {
        fprintf(stderr, "dyad: unknown command '%s'\nTry 'dyad --help'.\n", name);
        return CLI_EXIT_USAGE;
    }
    return finish(c->run(argc - 1, argv + 1));
}
