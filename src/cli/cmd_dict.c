/* cmd_dict.c -- `dyad dict check FILE...`: loads dictionary files, prints
 * every bad line as file:line: message, then notes for the maintainer
 * (overlapping dated codes, CAMEO codes no verb gives) and the counts;
 * exit 1 if any line was bad (notes do not fail). */
#include <stdio.h>
#include <string.h>

#include "cli.h"

/* Prints a note of the audit on standard output. */
static void print_note(void *ud, const dyad_error *w) {
    (void)ud;
    char buf[1024];
    printf("note: %s\n", dyad_error_format(w, buf, sizeof buf));
}

static int dict_opt(void *ud, int key, const char *val) {
    (void)ud, (void)key, (void)val; /* none but --help */
    return CLI_GO;
}

static int cmd_dict(int argc, char **argv) {
    int first, rc = cli_parse(&cli_dict, argc, argv, dict_opt, NULL, &first);
    if (rc != CLI_GO) return rc;
    if (first == argc || strcmp(argv[first], "check") != 0)
        return cli_usage_error(&cli_dict, "the one subcommand is check: dyad dict check FILE|DIR...");
    if (argc - first < 2)
        return cli_usage_error(&cli_dict, "check: name the dictionary files or directories");
    cli_warn w = {0, 0, NULL};
    dyad_ctx *ctx = cli_load_dicts((const char **)argv + first + 1, argc - first - 1, &w);
    if (!ctx) return 1;
    dyad_dict_stats s;
    dyad_ctx_stats(ctx, &s);
    size_t audit = dyad_ctx_audit(ctx, print_note, NULL);
    printf("actors %zu (%zu phrases)\nagents %zu (%zu phrases)\ndiscards %zu\n"
           "verb blocks %zu, verb forms %zu, patterns %zu, synsets %zu\nplaces %zu (%zu names)\n"
           "bad lines %zu\nduplicate phrases %zu\nnotes %zu\n",
           s.actors, s.actor_phrases, s.agents, s.agent_phrases, s.discards, s.verb_blocks, s.verb_forms,
           s.patterns, s.synsets, s.places, s.place_names, s.bad_lines, s.duplicates, audit);
    char sum[33];
    dyad_ctx_checksum(ctx, sum);
    printf("checksum %s\n", sum);
    dyad_ctx_free(ctx);
    return s.bad_lines || w.count ? 1 : 0;
}

const cli_cmd cli_dict = {
    .name = "dict",
    .operands = "check FILE|DIR...",
    .summary = "check dictionary files: every bad line by file and line, then counts",
    .text = "Loads the dictionaries named (files, or directories of them) as coding\n"
            "would, prints each bad line as file:line: message on stderr, notes for\n"
            "their maintainer (overlapping dated codes, CAMEO codes no verb gives) and\n"
            "the counts on standard output, with the checksum dyad version gives for\n"
            "them. The exit status is 1 when a line was bad (notes do not fail).\n",
    .run = cmd_dict,
};
