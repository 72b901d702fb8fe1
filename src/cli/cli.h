/* cli.h -- shared pieces of the dyad command-line tool: option helpers,
 * warning printing, dictionary loading. The commands live in cmd_*.c. */
#ifndef DYAD_CLI_H
#define DYAD_CLI_H

#include "dyad.h"

#define CLI_MAX_DICTS 32

/* Counts warnings printed to stderr ("dyad: file:line: msg"). */
typedef struct cli_warn {
    long count;
    int quiet; /* count but do not print */
} cli_warn;

void cli_warn_cb(void *ud, const dyad_error *w);
void cli_error(const dyad_error *err);
/* Reports what coding article a left out of d (dyad_doc_warning) as
 * warnings naming its file, line and id. */
void cli_doc_warnings(const dyad_article *a, const dyad_doc *d, cli_warn *w);

/* Loads the dictionaries named (files or directories; a .gaz file is a
 * gazetteer), or Dyad's own (data/dict beside the binary, or $DYAD_DICT,
 * and the gazetteer make exports, or $DYAD_GAZETTEER) when n == 0. Returns the
 * finished context or NULL after printing why. */
dyad_ctx *cli_load_dicts(const char **paths, int n, cli_warn *w);

/* Reads the value of --min-confidence (a number from 0 to 1); prints why
 * not and returns -1 when it is none. */
int cli_confidence(const char *s, double *out);

int cmd_code(int argc, char **argv);
int cmd_dict(int argc, char **argv);
int cmd_ingest(int argc, char **argv);
/* Row writers for `dyad query --format gdelt|phoenix` (export.c); ud is
 * export_gdelt's context with Dyad's gazetteers (may be NULL). */
int export_gdelt(void *ud, const dyad_stored_event *e);
int export_phoenix(void *ud, const dyad_stored_event *e);
/* GDELT 2.0 mention rows (16 columns) of every event of q. */
int export_gdelt_mentions(dyad_store *s, const dyad_query *q, dyad_error *err);
int cmd_query(int argc, char **argv);
int cmd_stats(int argc, char **argv);
int cmd_figures(int argc, char **argv);
int cmd_serve(int argc, char **argv);

#endif
