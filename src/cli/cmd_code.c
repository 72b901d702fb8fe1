/* cmd_code.c -- `dyad code`: reads articles, codes them, writes events
 * (and with --figures their casualty figures, JSON Lines only).
 * A bad article is reported and skipped; the rest are coded. With
 * --jobs N they are coded by N threads (parallel.c) and written in
 * input order: the same output whatever N. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

static int parse_format(const char *s, dyad_output_format *f) {
    if (!strcmp(s, "jsonl") || !strcmp(s, "json"))
        *f = DYAD_OUT_JSONL;
    else if (!strcmp(s, "tsv"))
        *f = DYAD_OUT_TSV;
    else if (!strcmp(s, "petrarch"))
        *f = DYAD_OUT_PETRARCH;
    else if (!strcmp(s, "places"))
        *f = DYAD_OUT_PLACES;
    else
        return -1;
    return 0;
}

static int parse_input(const char *s, dyad_input_format *f) {
    if (!strcmp(s, "auto"))
        *f = DYAD_FMT_AUTO;
    else if (!strcmp(s, "text"))
        *f = DYAD_FMT_TEXT;
    else if (!strcmp(s, "jsonl"))
        *f = DYAD_FMT_JSONL;
    else if (!strcmp(s, "xml") || !strcmp(s, "petrarch"))
        *f = DYAD_FMT_PETRXML;
    else if (!strcmp(s, "warc"))
        *f = DYAD_FMT_WARC;
    else if (!strcmp(s, "feed") || !strcmp(s, "rss") || !strcmp(s, "atom"))
        *f = DYAD_FMT_FEED;
    else if (!strcmp(s, "html"))
        *f = DYAD_FMT_HTML;
    else
        return -1;
    return 0;
}

/* The options of dyad code; files is the caller's, room for argc. */
typedef struct code_opts {
    const char *dicts[CLI_MAX_DICTS];
    const char **files;
    int ndicts, nfiles, quiet, figures;
    int jobs;               /* coding threads */
    const char *provenance; /* the sidecar to write, or NULL */
    dyad_output_format ofmt;
    dyad_input_format ifmt;
    double min_conf;
} code_opts;

enum {
    CODE_DICT = 'd',
    CODE_FORMAT = 'f',
    CODE_QUIET = 'q',
    CODE_INPUT = CLI_LONG,
    CODE_CONF,
    CODE_JOBS,
    CODE_FIGURES,
    CODE_PROVENANCE
};

static const cli_opt CODE_OPTS[] = {
    {CODE_DICT, "dict", "PATH", "a dictionary file or directory (repeatable); default: Dyad's own"},
    {CODE_FORMAT, "format", "jsonl|tsv|petrarch|places",
     "what to write (default jsonl); places: the place mentions"},
    {CODE_INPUT, "input", "auto|text|jsonl|xml|feed|warc|html",
     "how to read the inputs (default auto: by their first bytes)"},
    {CODE_CONF, "min-confidence", "X",
     "leave out events below confidence X, 0-1 (default 0.6: both sides named)"},
    {CODE_JOBS, "jobs", "N",
     "code with N threads (default: the processors online); same output, in input order"},
    {CODE_FIGURES, "figures", NULL, "also write the casualty figures (with --format jsonl)"},
    {CODE_PROVENANCE, "provenance", "FILE",
     "also write what coded the events (version, commit, dictionaries' checksum) to FILE"},
    {CODE_QUIET, "quiet", NULL, "print no warnings, progress or summary"},
    {0},
};

static int code_opt(void *ud, int key, const char *v) {
    code_opts *o = ud;
    switch (key) {
    case CODE_DICT: return cli_add_dict(&cli_code, o->dicts, &o->ndicts, v);
    case CODE_FORMAT:
        if (parse_format(v, &o->ofmt) != 0)
            return cli_usage_error(&cli_code, "unknown --format '%s' (jsonl, tsv, petrarch, places)", v);
        break;
    case CODE_INPUT:
        if (parse_input(v, &o->ifmt) != 0)
            return cli_usage_error(&cli_code,
                                   "unknown --input '%s' (auto, text, jsonl, xml, warc, feed, html)", v);
        break;
    case CODE_CONF:
        if (cli_confidence(v, &o->min_conf) != 0) return CLI_EXIT_USAGE;
        break;
    case CODE_JOBS:
        if (parallel_jobs_arg(v, &o->jobs) != 0) return CLI_EXIT_USAGE;
        break;
    case CODE_FIGURES: o->figures = 1; break;
    case CODE_PROVENANCE: o->provenance = v; break;
    case CODE_QUIET: o->quiet = 1; break;
    }
    return CLI_GO;
}

/* Reads dyad code's options and files into o: CLI_GO, or the exit status
 * (0 after --help, 2 after saying what is wrong). */
static int code_options(int argc, char **argv, code_opts *o) {
    int first, rc = cli_parse(&cli_code, argc, argv, code_opt, o, &first);
    if (rc != CLI_GO) return rc;
    for (int i = first; i < argc; i++) o->files[o->nfiles++] = argv[i];
    if (o->figures && o->ofmt != DYAD_OUT_JSONL)
        return cli_usage_error(&cli_code, "--figures needs --format jsonl");
    if (o->nfiles == 0) {
        fputs("dyad: code: no input: name a FILE ('-' for standard input)\n", stderr);
        cli_usage(&cli_code, stderr);
        return CLI_EXIT_USAGE;
    }
    return CLI_GO;
}

/* What dyad code writes as the coded articles come back, in input order. */
typedef struct code_run {
    const code_opts *o;
    cli_warn *w;
    cli_progress *progress;
    const dyad_reader *r; /* the file being read, for the progress line */
    int rc, failed;       /* rc: a write failed; failed: an article could not be coded */
    long narticles, nevents, nfigures;
} code_run;

/* Writes a coded article's events (and figures) to f. */
static dyad_status code_events(FILE *f, const code_opts *o, const parallel_job *j, dyad_error *err) {
    dyad_status st = dyad_write_events(f, o->ofmt, &j->a, j->doc, err);
    if (st == DYAD_OK && o->figures) st = dyad_write_figures(f, &j->a, j->doc, err);
    return st;
}

/* Articles longer than this are written by the reading thread straight
 * to stdout, not first into memory: the events of a 10 MB article take
 * over 100 MB as text. */
#define FORMAT_MAX_TEXT (64 * 1024)

/* In a worker thread: leaves out the events below the confidence asked
 * for and writes the rest into j->out, as they are to go to stdout. */
static void code_format(void *ud, parallel_job *j) {
    const code_run *c = ud;
    if (!j->doc || j->a.text_len > FORMAT_MAX_TEXT) return;
    j->prepared = 1;
    dyad_doc_keep_confident(j->doc, c->o->min_conf);
    FILE *f = open_memstream(&j->out, &j->outlen);
    if (f) {
        j->out_status = code_events(f, c->o, j, &j->out_err);
        if (fclose(f) != 0 && j->out_status == DYAD_OK) f = NULL;
    }
    if (!f) {
        j->out_status = DYAD_ENOMEM;
        memset(&j->out_err, 0, sizeof j->out_err);
        snprintf(j->out_err.msg, sizeof j->out_err.msg, "out of memory");
    }
}

/* In input order: reports, counts and writes a coded article. */
static int code_write(void *ud, parallel_job *j) {
    code_run *c = ud;
    dyad_error err;
    if (!j->doc) {
        progress_clear(c->progress);
        cli_error(&j->err); /* the others are still coded; the exit says it */
        c->failed = 1;
        return 0;
    }
    c->narticles++;
    cli_doc_warnings(&j->a, j->doc, c->w);
    if (!j->prepared) dyad_doc_keep_confident(j->doc, c->o->min_conf);
    c->nevents += (long)dyad_doc_nevents(j->doc);
    c->nfigures += (long)dyad_doc_nfigures(j->doc);
    dyad_status st;
    if (!j->prepared) {
        st = code_events(stdout, c->o, j, &err);
    } else if ((st = j->out_status) != DYAD_OK) {
        err = j->out_err;
    } else {
        fwrite(j->out, 1, j->outlen, stdout);
        if (ferror(stdout)) { /* as dyad_write_events says it */
            memset(&err, 0, sizeof err);
            err.code = st = DYAD_EIO;
            snprintf(err.msg, sizeof err.msg, "write error");
        }
    }
    if (st != DYAD_OK) {
        progress_clear(c->progress);
        cli_error(&err);
        c->rc = 1;
        return -1;
    }
    progress_update(c->progress, c->narticles, c->nevents, c->r);
    return 0;
}

static int cmd_code(int argc, char **argv) {
    code_opts o = {.ofmt = DYAD_OUT_JSONL,
                   .ifmt = DYAD_FMT_AUTO,
                   .min_conf = DYAD_MIN_CONFIDENCE,
                   .jobs = parallel_default_jobs(),
                   .files = calloc((size_t)argc + 1, sizeof(const char *))};
    if (!o.files) return 1;
    int go = code_options(argc, argv, &o);
    if (go != CLI_GO) {
        free(o.files);
        return go;
    }
    cli_warn dw = {0, 0, NULL};
    dyad_ctx *ctx = cli_load_dicts(o.dicts, o.ndicts, &dw);
    if (!ctx || (o.provenance && cli_provenance(o.provenance, ctx, NULL, argc, argv))) {
        dyad_ctx_free(ctx);
        free(o.files);
        return 1;
    }
    cli_progress progress;
    progress_start(&progress, o.quiet, o.files, o.nfiles);
    cli_warn w = {0, o.quiet, &progress};
    code_run c = {.o = &o, .w = &w, .progress = &progress};
    dyad_error err;
    int rc = 0;
    parallel *p = parallel_new(ctx, o.jobs, 0, &w, code_format, code_write, &c);
    if (!p) {
        fputs("dyad: error: out of memory\n", stderr);
        rc = 1;
    } else if (dyad_write_header(stdout, o.ofmt, &err) != DYAD_OK) {
        rc = 1;
    }
    int bad_input = 0; /* an input could not be read: said, and the rest coded */
    for (int f = 0; f < o.nfiles && rc == 0; f++) {
        dyad_reader *r = NULL;
        if (dyad_reader_open(&r, o.files[f], o.ifmt, parallel_warn, p, &err) != DYAD_OK) {
            parallel_drain(p);
            progress_clear(&progress);
            cli_error(&err);
            bad_input = 1;
            continue;
        }
        dyad_article a;
        int got;
        c.r = r;
        while ((got = dyad_reader_next(r, &a, &err)) == 1)
            if (parallel_submit(p, &a) != 0) {
                rc = 1;
                break;
            }
        if (got < 0 && parallel_drain(p) == 0) {
            progress_clear(&progress);
            cli_error(&err);
            bad_input = 1;
        }
        progress_file_done(&progress, r); /* read to its end */
        c.r = NULL;
        dyad_reader_free(r);
    }
    if (p && parallel_drain(p) != 0) rc = 1;
    parallel_free(p);
    if (fflush(stdout) != 0 || c.failed || c.rc || bad_input) rc = 1;
    if (!o.quiet)
        fprintf(stderr, "dyad: %ld articles, %ld events, %ld figures, %ld warnings\n", c.narticles,
                c.nevents, c.nfigures, w.count);
    dyad_ctx_free(ctx);
    free(o.files);
    return rc;
}

const cli_cmd cli_code = {
    .name = "code",
    .operands = "FILE...",
    .summary = "code articles into CAMEO events, written to standard output",
    .text = "Reads articles from each FILE ('-': standard input): plain text with optional\n"
            "Date:/Source:/Title: header lines, JSON Lines, PETRARCH XML, RSS or Atom\n"
            "feeds, WARC (CC-NEWS), HTML, gzip'd or not. A bad article or record is\n"
            "reported with its file and line and skipped, and so is an input that\n"
            "cannot be read (a directory, a missing file): the rest are coded, and the\n"
            "exit status is 1. Events go to standard output in input order, whatever\n"
            "--jobs; warnings, progress and a summary to stderr.\n",
    .opts = CODE_OPTS,
    .run = cmd_code,
};
