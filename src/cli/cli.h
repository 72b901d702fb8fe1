/* cli.h -- shared pieces of the dyad command-line tool: the commands'
 * option tables and their reading (options.c), help, man page and
 * completion (usage.c, completion.c), warning printing, dictionary
 * loading. The commands live in cmd_*.c. */
#ifndef DYAD_CLI_H
#define DYAD_CLI_H

#include "dyad.h"
#include "progress.h"

#define CLI_MAX_DICTS 32

/* Exit statuses of every command (the help and the man page say them). */
#define CLI_EXIT_OK 0
#define CLI_EXIT_ERROR 1 /* it could not do all it was asked: said on stderr */
#define CLI_EXIT_USAGE 2 /* the command line is wrong: said on stderr */

/* An option of a command: one line of its help, one entry of getopt_long's
 * table (cli_getopt_table), of the man page and of the completion. */
typedef struct cli_opt {
    int key;          /* what the command's cli_opt_fn gets: its short letter
                         ('d' for -d) when it has one, else CLI_LONG + n */
    const char *name; /* its long name, without "--" */
    const char *arg;  /* its value as the help shows it ("FILE|URI", "N"); NULL
                         for a flag. Lower-case words separated by '|'
                         ("jsonl|tsv") are the values it takes, which the
                         completion offers; an upper-case FILE, DIR or PATH
                         completes file names */
    const char *help; /* one line, no full stop */
} cli_opt;

#define CLI_LONG 256    /* the first key of an option with no short letter */
#define CLI_MAX_OPTS 40 /* options of one command, --help included */
#define CLI_GO (-1)     /* cli_parse and cli_opt_fn: go on */

/* A command: its name, what it takes, its options, what runs it. */
typedef struct cli_cmd {
    const char *name;      /* "code" */
    const char *operands;  /* what follows the options in the synopsis: "FILE...",
                              "" for none */
    const char *summary;   /* one line: what it does */
    const char *text;      /* more, in lines of at most 76 characters each
                              ending in '\n' (a blank line between paragraphs);
                              NULL for none */
    const cli_opt *opts;   /* ending with an entry whose name is NULL */
    const cli_opt *shared; /* options shared with other commands, after
                              opts (the same ending); NULL for none. --help
                              is added after both */
    int (*run)(int argc, char **argv);
} cli_cmd;

/* The commands, in the order the help lists them (main.c). */
extern const cli_cmd cli_code, cli_dict, cli_ingest, cli_query, cli_stats, cli_figures, cli_serve,
    cli_version, cli_help, cli_completion;

/* The --help (-h) every command takes. */
extern const cli_opt cli_help_opt;
/* How many options cmd has, --help included, and the i-th of them (its
 * own, then the shared ones, then --help; NULL past the last). */
size_t cli_nopts(const cli_cmd *cmd);
const cli_opt *cli_opt_at(const cli_cmd *cmd, size_t i);

/* Called for each option read, in order, with its key and value (NULL for
 * a flag): CLI_GO, or an exit status (CLI_EXIT_USAGE after saying why). */
typedef int (*cli_opt_fn)(void *ud, int key, const char *val);
/* Reads the options of cmd in argv[1..argc) (argv[0] the command's name)
 * with getopt_long, calling fn for each. Returns CLI_GO with *first the
 * index of the first operand (getopt moves the operands after the
 * options), or the exit status: 0 after printing the help (--help, -h),
 * 2 after a usage error (an unknown option, a missing value: said), or
 * fn's. */
int cli_parse(const cli_cmd *cmd, int argc, char **argv, cli_opt_fn fn, void *ud, int *first);
/* getopt_long's tables for cmd's options: lo (room for CLI_MAX_OPTS + 1,
 * ending with a zero entry) and the short options (room for
 * 2 * CLI_MAX_OPTS + 2; starting with ':'). Returns the number of options,
 * or -1 when cmd has more than CLI_MAX_OPTS. */
struct option;
int cli_getopt_table(const cli_cmd *cmd, struct option *lo, char *shorts);

/* Prints the help of cmd: synopsis, what it does, every option on a line
 * of its own, the exit statuses (usage.c). */
void cli_usage(const cli_cmd *cmd, FILE *f);
/* Prints the help of dyad: the commands, one line each. */
void cli_usage_all(const cli_cmd *const *cmds, size_t n, FILE *f);
/* Prints the man page dyad(1), in roff, from the same tables. */
void cli_man(const cli_cmd *const *cmds, size_t n, FILE *f);
/* Prints a bash completion script for dyad from getopt's tables
 * (completion.c). */
void cli_completion_bash(const cli_cmd *const *cmds, size_t n, FILE *f);
/* Usage error: prints "dyad: CMD: msg" and the hint to --help on stderr;
 * returns CLI_EXIT_USAGE. */
int cli_usage_error(const cli_cmd *cmd, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 3)))
#endif
    ;

/* Counts warnings printed to stderr ("dyad: file:line: msg"). */
typedef struct cli_warn {
    long count;
    int quiet;              /* count but do not print */
    cli_progress *progress; /* a progress line to clear before printing, or NULL */
} cli_warn;

void cli_warn_cb(void *ud, const dyad_error *w);
/* The line cli_warn_cb prints for w ("dyad: warning: ...\n") into buf of
 * size n (truncated to fit); returns its length. */
int cli_warn_line(const dyad_error *w, char *buf, size_t n);
void cli_error(const dyad_error *err);
/* Reports what coding article a left out of d (dyad_doc_warning) as
 * warnings naming its file, line and id. */
void cli_doc_warnings(const dyad_article *a, const dyad_doc *d, cli_warn *w);

/* The data Dyad ships, found by datadir.c. */
typedef enum cli_data { CLI_DATA_DICT, CLI_DATA_GAZETTEER, CLI_DATA_WEB } cli_data;
/* The path of item what (written into buf of size n) or NULL when it is
 * in none of its places: its own variable ($DYAD_DICT, $DYAD_GAZETTEER),
 * $DYAD_DATA, the checkout beside the binary, PREFIX/share/dyad beside an
 * installed one. */
const char *cli_data_find(cli_data what, char *buf, size_t n);
/* The places cli_data_find looks in for what, comma-separated, into out. */
const char *cli_data_tried(cli_data what, char *out, size_t n);

/* What an export was made by (provenance.c): the line an ingest notes in
 * the store, "dyad VERSION commit COMMIT dictionaries CHECKSUM", into buf;
 * and the sidecar of --provenance at path (the dictionaries of ctx and the
 * coders of the store, each NULL when not known; the command argv): 0, or
 * 1 after saying why not. */
const char *cli_coder_line(const dyad_ctx *ctx, char *buf, size_t n);
int cli_provenance(const char *path, const dyad_ctx *ctx, const char *coders, int argc, char **argv);

/* Loads the dictionaries named (files or directories; a .gaz file is a
 * gazetteer), or Dyad's own (cli_data_find: the dictionaries and
 * the gazetteer; a warning when there is no gazetteer) when n == 0. Returns the
 * finished context or NULL after printing why. */
dyad_ctx *cli_load_dicts(const char **paths, int n, cli_warn *w);

/* Adds the value of a --dict option of cmd to dicts (n of them so far):
 * CLI_GO, or CLI_EXIT_USAGE (said) when there are CLI_MAX_DICTS already. */
int cli_add_dict(const cli_cmd *cmd, const char **dicts, int *n, const char *path);

/* Reads the value of --min-confidence (a number from 0 to 1); prints why
 * not and returns -1 when it is none. */
int cli_confidence(const char *s, double *out);

/* Articles coded by worker threads and handed back in input order
 * (parallel.c), for --jobs. */
#define PARALLEL_MAX_JOBS 1024

/* An article and its coding, as handed back. */
typedef struct parallel_job {
    dyad_article a;     /* a copy the job owns (with one job: the reader's) */
    dyad_doc *doc;      /* NULL when coding failed; freed after the handing
                           back unless the callback takes it (sets it NULL) */
    dyad_status status; /* of dyad_code */
    dyad_error err;     /* why, when it failed */
    int prepared;       /* set by the work function when it did its part */
    char *out;          /* what it prepared to write, freed after the handing back */
    size_t outlen;
    dyad_status out_status; /* of preparing it */
    dyad_error out_err;
} parallel_job;

/* Called in a worker thread with each article right after coding it,
 * several at once (ud is only to be read): what can be done out of order,
 * such as formatting the output into out; it sets prepared when it has. */
typedef void (*parallel_work_fn)(void *ud, parallel_job *j);

/* Called in the thread that submits, once for each article submitted, in
 * the order submitted; nonzero stops the pool (the rest is dropped). */
typedef int (*parallel_fn)(void *ud, parallel_job *j);

typedef struct parallel parallel;

/* The default of --jobs: the processors online. */
int parallel_default_jobs(void);
/* Reads the value of --jobs (1 to PARALLEL_MAX_JOBS); prints why not and
 * returns -1 when it is none. */
int parallel_jobs_arg(const char *s, int *out);
/* A pool of jobs threads coding with ctx (shared, read-only), each
 * article then given to work (may be NULL) in the thread, and handing it
 * to fn in input order; with jobs 1 and no depth, or when no thread can
 * be started, each article is coded in the calling thread as it is
 * submitted and handed to fn alone (work is not called). Reader warnings
 * given to parallel_warn are printed and counted in w in their place among
 * the articles. At most 4 articles a thread are in flight, or depth when
 * more (a caller that handles them in batches, whose work overlaps the
 * coding: one job is then one thread too). NULL when out of memory. */
parallel *parallel_new(const dyad_ctx *ctx, int jobs, size_t depth, cli_warn *w, parallel_work_fn work,
                       parallel_fn fn, void *ud);
/* The warning callback of the readers whose articles go to the pool (ud:
 * the pool): a warning comes out after the articles read before it. */
void parallel_warn(void *ud, const dyad_error *w);
/* Submits an article just read (copied: the reader may go on). 0, or -1
 * once the pool has stopped (fn returned nonzero, or out of memory, said). */
int parallel_submit(parallel *p, const dyad_article *a);
/* The articles submitted and not yet handed back, at most. */
size_t parallel_depth(const parallel *p);
/* Waits for every article submitted to be handed back, then prints the
 * warnings given since the last; 0, or -1 when the pool has stopped. Call
 * it before printing anything else (an error, the summary). */
int parallel_drain(parallel *p);
/* Stops the threads; what was not handed back is dropped. */
void parallel_free(parallel *p);

/* An export format of `dyad query --format NAME` (export.c,
 * docs/formats.md): gdelt, gdelt-mentions, phoenix, icews, plover. */
typedef struct export_format export_format;

/* The export format named name, or NULL. */
const export_format *export_find(const char *name);
/* Whether its rows want Dyad's gazetteer (country names, admin-1 codes). */
int export_wants_gazetteer(const export_format *x);
/* Writes the events of q to stdout in format x, its header first (also
 * when there are none, not when the query fails); gaz is Dyad's
 * gazetteer context (may be NULL). 0, or -1 with err set. */
int export_run(const export_format *x, dyad_store *s, const dyad_query *q, const dyad_ctx *gaz,
               dyad_error *err);

#endif
