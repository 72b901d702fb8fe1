/* cmd_code.c -- `dyad code`: reads articles, codes them, writes events
 * (and with --figures their casualty figures, JSON Lines only).
 * A bad article is reported and skipped; the rest are coded. */
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
              "                 [--min-confidence X] FILE...\n",
              stderr);
        return 2;
    }
    return 0;
}

int cmd_code(int argc, char **argv) {
    code_opts o = {.ofmt = DYAD_OUT_JSONL,
                   .ifmt = DYAD_FMT_AUTO,
                   .min_conf = DYAD_MIN_CONFIDENCE,
                   .files = calloc((size_t)argc + 1, sizeof(const char *))};
    if (!o.files) return 1;
    if (code_options(argc, argv, &o)) {
        free(o.files);
        return 2;
    }
    cli_warn dw = {0, 0};
    dyad_ctx *ctx = cli_load_dicts(o.dicts, o.ndicts, &dw);
    if (!ctx) {
        free(o.files);
        return 1;
    }
    cli_warn w = {0, o.quiet};
    dyad_error err;
    int rc = 0, failed = 0; /* failed: an article could not be coded */
    long narticles = 0, nevents = 0, nfigures = 0;
    if (dyad_write_header(stdout, o.ofmt, &err) != DYAD_OK) rc = 1;
    for (int f = 0; f < o.nfiles && rc == 0; f++) {
        dyad_reader *r = NULL;
        if (dyad_reader_open(&r, o.files[f], o.ifmt, cli_warn_cb, &w, &err) != DYAD_OK) {
            cli_error(&err);
            rc = 1;
            continue;
        }
        dyad_article a;
        int got;
        while ((got = dyad_reader_next(r, &a, &err)) == 1) {
            dyad_doc *doc = NULL;
            if (dyad_code(ctx, &a, &doc, &err) != DYAD_OK) {
                cli_error(&err); /* the others are still coded; the exit says it */
                failed = 1;
                continue;
            }
            narticles++;
            cli_doc_warnings(&a, doc, &w);
            dyad_doc_keep_confident(doc, o.min_conf);
            nevents += (long)dyad_doc_nevents(doc);
            nfigures += (long)dyad_doc_nfigures(doc);
            if (dyad_write_events(stdout, o.ofmt, &a, doc, &err) != DYAD_OK ||
                (o.figures && dyad_write_figures(stdout, &a, doc, &err) != DYAD_OK)) {
                cli_error(&err);
                rc = 1;
            }
            dyad_doc_free(doc);
            if (rc) break;
        }
        if (got < 0) {
            cli_error(&err);
            rc = 1;
        }
        dyad_reader_free(r);
    }
    if (fflush(stdout) != 0 || failed) rc = 1;
    if (!o.quiet)
        fprintf(stderr, "dyad: %ld articles, %ld events, %ld figures, %ld warnings\n", narticles,
                nevents, nfigures, w.count);
    dyad_ctx_free(ctx);
    free(o.files);
    return rc;
}
