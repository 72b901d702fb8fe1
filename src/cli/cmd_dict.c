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

int cmd_dict(int argc, char **argv) {
    if (argc < 3 || strcmp(argv[1], "check") != 0) {
        fputs("usage: dyad dict check FILE|DIR...\n", stderr);
        return 2;
    }
    cli_warn w = {0, 0, NULL};
    dyad_ctx *ctx = cli_load_dicts((const char **)argv + 2, argc - 2, &w);
    if (!ctx) return 1;
    dyad_dict_stats s;
    dyad_ctx_stats(ctx, &s);
    size_t audit = dyad_ctx_audit(ctx, print_note, NULL);
    printf("actors %zu (%zu phrases)\nagents %zu (%zu phrases)\ndiscards %zu\n"
           "verb blocks %zu, verb forms %zu, patterns %zu, synsets %zu\nplaces %zu (%zu names)\n"
           "bad lines %zu\nduplicate phrases %zu\nnotes %zu\n",
           s.actors, s.actor_phrases, s.agents, s.agent_phrases, s.discards, s.verb_blocks, s.verb_forms,
           s.patterns, s.synsets, s.places, s.place_names, s.bad_lines, s.duplicates, audit);
    dyad_ctx_free(ctx);
    return s.bad_lines || w.count ? 1 : 0;
}
