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
    int jobs; /* coding threads */
    dyad_output_format ofmt;
    dyad_input_format ifmt;
    double min_conf;
} code_opts;

/* Reads dyad code's options and files into o: 0, or 2 (usage) after
 * saying why. */
static int code_options(int argc, char **argv, code_opts *o) {
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if ((!strcmp(a, "--dict") || !strcmp(a, "-d")) && i + 1 < argc) {
            if (o->ndicts == CLI_MAX_DICTS) {
                fprintf(stderr, "dyad: too many --dict options (at most %d)\n", CLI_MAX_DICTS);
                return 2;
            }
            o->dicts[o->ndicts++] = argv[++i];
        } else if ((!strcmp(a, "--format") || !strcmp(a, "-f")) && i + 1 < argc) {
            if (parse_format(argv[++i], &o->ofmt) != 0) {
                fprintf(stderr, "dyad: unknown --format '%s' (jsonl, tsv, petrarch, places)\n", argv[i]);
                return 2;
            }
        } else if (!strcmp(a, "--input") && i + 1 < argc) {
            if (parse_input(argv[++i], &o->ifmt) != 0) {
                fprintf(stderr,
                        "dyad: unknown --input '%s' (auto, text, jsonl, xml, warc, feed, html)\n",
                        argv[i]);
                return 2;
            }
        } else if (!strcmp(a, "--min-confidence") && i + 1 < argc) {
            if (cli_confidence(argv[++i], &o->min_conf) != 0) {
                return 2;
            }
        } else if (!strcmp(a, "--jobs") && i + 1 < argc) {
            if (parallel_jobs_arg(argv[++i], &o->jobs) != 0) return 2;
        } else if (!strcmp(a, "--figures")) {
            o->figures = 1;
        } else if (!strcmp(a, "--quiet") || !strcmp(a, "-q")) {
            o->quiet = 1;
        } else if (a[0] == '-' && a[1] != '\0') {
            fprintf(stderr, "dyad: unknown option '%s'\n", a);
            return 2;
        } else {
            o->files[o->nfiles++] = a;
        }
    }
    if (o->figures && o->ofmt != DYAD_OUT_JSONL) {
        fputs("dyad: --figures needs --format jsonl\n", stderr);
        return 2;
    }
    if (o->nfiles == 0) {
        fputs("usage: dyad code [--dict PATH]... [--format jsonl|tsv|petrarch|places] [--figures]\n"
              "                 [--input auto|text|jsonl|xml] [--min-confidence X] [--jobs N] FILE...\n"
              "  --jobs N   code with N threads (default: the processors online); the output\n"
              "             is the same, in input order, whatever N\n",
              stderr);
        return 2;
    }
    return 0;
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

int cmd_code(int argc, char **argv) {
    code_opts o = {.ofmt = DYAD_OUT_JSONL,
                   .ifmt = DYAD_FMT_AUTO,
                   .min_conf = DYAD_MIN_CONFIDENCE,
                   .jobs = parallel_default_jobs(),
                   .files = calloc((size_t)argc + 1, sizeof(const char *))};
    if (!o.files) return 1;
    if (code_options(argc, argv, &o)) {
        free(o.files);
        return 2;
    }
    cli_warn dw = {0, 0, NULL};
    dyad_ctx *ctx = cli_load_dicts(o.dicts, o.ndicts, &dw);
    if (!ctx) {
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
    for (int f = 0; f < o.nfiles && rc == 0; f++) {
        dyad_reader *r = NULL;
        if (dyad_reader_open(&r, o.files[f], o.ifmt, parallel_warn, p, &err) != DYAD_OK) {
            parallel_drain(p);
            cli_error(&err);
            rc = 1;
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
            cli_error(&err);
            rc = 1;
        }
        progress_file_done(&progress, r); /* read to its end */
        c.r = NULL;
        dyad_reader_free(r);
    }
    if (p && parallel_drain(p) != 0) rc = 1;
    parallel_free(p);
    if (fflush(stdout) != 0 || c.failed || c.rc) rc = 1;
    if (!o.quiet)
        fprintf(stderr, "dyad: %ld articles, %ld events, %ld figures, %ld warnings\n", c.narticles,
                c.nevents, c.nfigures, w.count);
    dyad_ctx_free(ctx);
    free(o.files);
    return rc;
}
