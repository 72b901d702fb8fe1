/* options.c -- reading a command's options with getopt_long from its
 * table of cli_opt (cli.h): --name value, --name=value, -x value, -xVALUE,
 * clustered flags, "--" ending the options, options after operands. The
 * same table gives the help, the man page and the completion (usage.c),
 * so that what is accepted and what is said are one list. */
#include <getopt.h>
#include <stdio.h>
#include <string.h>

#include "cli.h"

const cli_opt cli_help_opt = {'h', "help", NULL, "print this help and exit 0"};

/* The number of entries of table t (NULL: none). */
static size_t count(const cli_opt *t) {
    size_t n = 0;
    while (t && t[n].name) n++;
    return n;
}

size_t cli_nopts(const cli_cmd *cmd) { return count(cmd->opts) + count(cmd->shared) + 1; }

const cli_opt *cli_opt_at(const cli_cmd *cmd, size_t i) {
    size_t own = count(cmd->opts), shared = count(cmd->shared);
    if (i < own) return &cmd->opts[i];
    if (i < own + shared) return &cmd->shared[i - own];
    return i == own + shared ? &cli_help_opt : NULL;
}

int cli_getopt_table(const cli_cmd *cmd, struct option *lo, char *shorts) {
    size_t n = cli_nopts(cmd), k = 0;
    if (n > CLI_MAX_OPTS) return -1;
    shorts[k++] = ':';
    for (size_t i = 0; i < n; i++) {
        const cli_opt *o = cli_opt_at(cmd, i);
        lo[i] = (struct option){o->name, o->arg ? required_argument : no_argument, NULL, o->key};
        if (o->key < CLI_LONG) {
            shorts[k++] = (char)o->key;
            if (o->arg) shorts[k++] = ':';
        }
    }
    lo[n] = (struct option){0};
    shorts[k] = '\0';
    return (int)n;
}

/* The option a refused argument a is ("--name=x" without "=x"), into buf. */
static const char *refused_name(const char *a, int optopt_, char *buf, size_t n) {
    if (optopt_ && optopt_ < CLI_LONG && strncmp(a, "--", 2) != 0)
        snprintf(buf, n, "-%c", optopt_);
    else
        snprintf(buf, n, "%.*s", (int)strcspn(a, "="), a);
    return buf;
}

/* Whether --name (of "--name=value") is one of cmd's flags. */
static int is_flag(const cli_cmd *cmd, const char *a) {
    if (strncmp(a, "--", 2) != 0 || !strchr(a, '=')) return 0;
    size_t len = strcspn(a + 2, "=");
    for (size_t i = 0; i < cli_nopts(cmd); i++) {
        const cli_opt *o = cli_opt_at(cmd, i);
        if (!o->arg && strlen(o->name) == len && !strncmp(o->name, a + 2, len)) return 1;
    }
    return 0;
}

int cli_parse(const cli_cmd *cmd, int argc, char **argv, cli_opt_fn fn, void *ud, int *first) {
    struct option lo[CLI_MAX_OPTS + 1];
    char shorts[2 * CLI_MAX_OPTS + 2];
    if (cli_getopt_table(cmd, lo, shorts) < 0) {
        fprintf(stderr, "dyad: %s: too many options for getopt's table\n", cmd->name);
        return 1;
    }
    optind = 0; /* start afresh (glibc) */
    opterr = 0; /* the messages are ours */
    for (;;) {
        int key = getopt_long(argc, argv, shorts, lo, NULL);
        if (key == -1) break;
        const char *a = optind > 0 && optind <= argc ? argv[optind - 1] : "";
        char name[64];
        if (key == '?' || key == ':') {
            refused_name(a, optopt, name, sizeof name);
            if (key == ':')
                fprintf(stderr, "dyad: %s: option '%s' needs a value\n", cmd->name, name);
            else if (is_flag(cmd, a))
                fprintf(stderr, "dyad: %s: option '%s' takes no value\n", cmd->name, name);
            else
                fprintf(stderr, "dyad: %s: unknown option '%s'\n", cmd->name, name);
            fprintf(stderr, "Try 'dyad %s --help'.\n", cmd->name);
            return 2;
        }
        if (key == 'h') {
            cli_usage(cmd, stdout);
            return 0;
        }
        int rc = fn(ud, key, optarg);
        if (rc != CLI_GO) return rc;
    }
    *first = optind;
    return CLI_GO;
}
