/* completion.c -- `dyad completion bash`: a bash completion script made
 * from getopt's own tables (options.c), so that it offers exactly the
 * options dyad takes: commands, each command's options, the values of
 * an option that takes a few words ("--format jsonl|tsv"), file names for
 * FILE, DIR and PATH values and for operands. */
#include <ctype.h>
#include <getopt.h>
#include <stdio.h>
#include <string.h>

#include "cli.h"

/* Whether an option's value is a list of words it takes ("jsonl|tsv"). */
static int is_choice(const char *arg) {
    for (const char *p = arg; *p; p++)
        if (!(islower((unsigned char)*p) || isdigit((unsigned char)*p) || *p == '|' || *p == '-'))
            return 0;
    return 1;
}

/* Whether it is a file name ("FILE", "FILE|URI", "DIR", "PATH"). */
static int is_file(const char *arg) {
    return strstr(arg, "FILE") || strstr(arg, "DIR") || strstr(arg, "PATH");
}

/* The case arms completing the values of cmd's options. */
static void value_arms(const cli_cmd *c, FILE *f) {
    for (size_t i = 0; i < cli_nopts(c); i++) {
        const cli_opt *o = cli_opt_at(c, i);
        if (!o->arg) continue;
        fprintf(f, "        --%s", o->name);
        if (o->key < CLI_LONG) fprintf(f, "|-%c", o->key);
        if (is_choice(o->arg)) {
            fputs(") COMPREPLY=($(compgen -W \"", f);
            for (const char *p = o->arg; *p; p++) fputc(*p == '|' ? ' ' : *p, f);
            fputs("\" -- \"$cur\")); return ;;\n", f);
        } else if (is_file(o->arg)) {
            fputs(") COMPREPLY=($(compgen -f -- \"$cur\")); return ;;\n", f);
        } else {
            fputs(") return ;;\n", f); /* a number, a date, a word: none to offer */
        }
    }
}

void cli_completion_bash(const cli_cmd *const *cmds, size_t n, FILE *f) {
    fputs("# bash completion for dyad, made by `dyad completion bash` from its option\n"
          "# tables. Load it with: source <(dyad completion bash)\n"
          "_dyad() {\n"
          "    local cur=${COMP_WORDS[COMP_CWORD]} prev=${COMP_WORDS[COMP_CWORD-1]}\n"
          "    local cmd=${COMP_WORDS[1]} opts=\n"
          "    COMPREPLY=()\n"
          "    if [ \"$COMP_CWORD\" -eq 1 ]; then\n"
          "        COMPREPLY=($(compgen -W \"",
          f);
    for (size_t i = 0; i < n; i++) fprintf(f, "%s ", cmds[i]->name);
    fputs("--help --version\" -- \"$cur\"))\n"
          "        return\n"
          "    fi\n"
          "    case $cmd in\n",
          f);
    for (size_t i = 0; i < n; i++) {
        const cli_cmd *c = cmds[i];
        struct option lo[CLI_MAX_OPTS + 1];
        char shorts[2 * CLI_MAX_OPTS + 2];
        if (cli_getopt_table(c, lo, shorts) < 0) continue;
        /* one line, that a test can read: the options getopt takes */
        fprintf(f, "    %s) opts=\"", c->name);
        for (int k = 0; lo[k].name; k++) fprintf(f, "%s--%s", k ? " " : "", lo[k].name);
        for (const char *s = shorts + 1; *s; s++)
            if (*s != ':') fprintf(f, " -%c", *s);
        fputs("\"\n        case $prev in\n", f);
        value_arms(c, f);
        fputs("        esac\n", f);
        if (c == &cli_help) {
            fputs("        [[ $cur == -* ]] || { COMPREPLY=($(compgen -W \"", f);
            for (size_t k = 0; k < n; k++) fprintf(f, "%s%s", k ? " " : "", cmds[k]->name);
            fputs("\" -- \"$cur\")); return; } ;;\n", f);
        } else if (c == &cli_completion)
            fputs("        [[ $cur == -* ]] || { COMPREPLY=($(compgen -W \"bash\" -- \"$cur\")); "
                  "return; } ;;\n",
                  f);
        else if (!*c->operands)
            fputs("        COMPREPLY=($(compgen -W \"$opts\" -- \"$cur\")); return ;;\n", f);
        else
            fputs("        ;;\n", f);
    }
    fputs("    esac\n"
          "    if [[ $cur == -* ]]; then\n"
          "        COMPREPLY=($(compgen -W \"$opts\" -- \"$cur\"))\n"
          "    else\n"
          "        COMPREPLY=($(compgen -f -- \"$cur\"))\n"
          "    fi\n"
          "}\n"
          "complete -o filenames -F _dyad dyad\n",
          f);
}
