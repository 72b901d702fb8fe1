/* warc.h -- the records of a WARC file (ISO 28500, as Common Crawl's
 * CC-NEWS writes them) and the HTTP responses they hold. */
#ifndef DYAD_WARC_H
#define DYAD_WARC_H

#include <stddef.h>
#include <stdio.h>

/* The most a record's block may hold; a longer one is skipped. */
#define WARC_MAX_BLOCK (16u << 20)

typedef struct warc_record {
    char type[24];   /* WARC-Type: "response", "request", "warcinfo"... */
    char id[128];    /* WARC-Record-ID without its angle brackets */
    char uri[2048];  /* WARC-Target-URI, "" when none */
    char date[40];   /* WARC-Date: when it was fetched */
    char ctype[128]; /* Content-Type of the block */
    char *block;     /* the block (malloc'd by the reader, reused) */
    size_t len, cap;
    long line;   /* line of the file where the record starts */
    int pending; /* the next record's first line is read already */
} warc_record;

/* Reads the next record of f, which has been read to line *line, into
 * rec. Returns 1; 0 at the end; -1 when the record is malformed (*why
 * says how; the file is read on to the next record's "WARC/" line, so a
 * call after it goes on); -2 when out of memory. */
int warc_next(FILE *f, long *line, warc_record *rec, const char **why);
void warc_record_free(warc_record *rec);

/* An HTTP response's payload: its status, content type and charset (""
 * when it names none), and its body, de-chunked and inflated when its
 * transfer or content encoding says so (*body is then malloc'd into
 * *owned, which the caller frees; else it points into the block). 0, or
 * -1 with *why set. */
typedef struct http_response {
    int status;
    char ctype[128];
    char charset[48];
    const char *body;
    size_t len;
    char *owned;
} http_response;
int http_parse(const char *block, size_t len, http_response *out, const char **why);

#endif
