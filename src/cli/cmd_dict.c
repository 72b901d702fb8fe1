/* cmd_dict.c -- `dyad dict check FILE...`: loads dictionary files, prints
 * every bad line as file:line: message and the counts; exit 1 if any line
 * was bad. */
#include <stdio.h>
#include <string.h>

#include "cli.h"

int cmd_dict(int argc, char **argv) {
    if (argc < 3 || strcmp(argv[1], "check") != 0) {
        fputs("usage: dyad dict check FILE|DIR...\n", stderr);
        return 2;
    }
    cli_warn w = {0, 0};
    dyad_ctx *ctx = cli_load_dicts((const char **)argv + 2, argc - 2, &w);
    if (!ctx) return 1;
    dyad_dict_stats s;
    dyad_ctx_stats(ctx, &s);
    printf("actors %zu (%zu phrases)\nagents %zu (%zu phrases)\ndiscards %zu\n"
           "verb blocks %zu, verb forms %zu, patterns %zu, synsets %zu\nplaces %zu (%zu names)\n"
           "bad lines %zu\n",
           s.actors, s.actor_phrases, s.agents, s.agent_phrases, s.discards, s.verb_blocks,
           s.verb_forms, s.patterns, s.synsets, s.places, s.place_names, s.bad_lines);
    dyad_ctx_free(ctx);
    return s.bad_lines || w.count ? 1 : 0;
}
