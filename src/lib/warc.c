/* warc.c -- reads WARC records one at a time from a stream (the file
 * may be gzip'd record by record: input.c inflates it), and the HTTP
 * response a "response" record holds: status line, headers, and a body
 * de-chunked and inflated as its headers say. A malformed record is
 * reported and the reading goes on from the next record's first line. */
#define _GNU_SOURCE /* strcasestr */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <zlib.h>

#include "warc.h"

/* Reads one line of at most cap-1 bytes (the rest of a longer one is
 * dropped) without its CR LF: its length, or -1 at the end. */
static long get_line(FILE *f, char *buf, size_t cap, long *line) {
    size_t n = 0;
    int c;
    while ((c = getc(f)) != EOF && c != '\n')
        if (n + 1 < cap) buf[n++] = (char)c;
    if (c == EOF && n == 0) return -1;
    (*line)++;
    if (n && buf[n - 1] == '\r') n--;
    buf[n] = '\0';
    return (long)n;
}

/* Copies the value of header line l into dst when its name is name. */
static int header(const char *l, const char *name, char *dst, size_t cap) {
    size_t k = strlen(name);
    if (strncasecmp(l, name, k) != 0 || l[k] != ':') return 0;
    const char *v = l + k + 1;
    while (*v == ' ' || *v == '\t') v++;
    size_t n = strlen(v);
    while (n && isspace((unsigned char)v[n - 1])) n--;
    if (n >= cap) n = cap - 1;
    memcpy(dst, v, n);
    dst[n] = '\0';
    return 1;
}

/* Skips to the next line that starts a record, which is left unread
 * except for its first line: 1 when found, 0 at the end. */
static int resync(FILE *f, long *line) {
    char buf[64];
    long n;
    while ((n = get_line(f, buf, sizeof buf, line)) >= 0)
        if (!strncmp(buf, "WARC/", 5)) return 1;
    return 0;
}

int warc_next(FILE *f, long *line, warc_record *rec, const char **why) {
    char l[4096];
    long n;
    if (!rec->pending) {
        /* the version line, after the blank lines that end the last record */
        while ((n = get_line(f, l, sizeof l, line)) == 0) {
        }
        if (n < 0) return 0;
        if (strncmp(l, "WARC/", 5) != 0) { /* what is there up to the next record is lost */
            rec->line = *line;
            *why = "not the start of a WARC record (\"WARC/1.0\"); skipped to the next record";
            rec->pending = resync(f, line);
            return -1;
        }
    }
    rec->pending = 0;
    rec->line = *line;
    rec->type[0] = rec->id[0] = rec->uri[0] = rec->date[0] = rec->ctype[0] = '\0';
    long long length = -1;
    while ((n = get_line(f, l, sizeof l, line)) > 0) {
        char v[32];
        header(l, "WARC-Type", rec->type, sizeof rec->type);
        header(l, "WARC-Target-URI", rec->uri, sizeof rec->uri);
        header(l, "WARC-Date", rec->date, sizeof rec->date);
        header(l, "Content-Type", rec->ctype, sizeof rec->ctype);
        if (header(l, "WARC-Record-ID", rec->id, sizeof rec->id)) {
            size_t k = strlen(rec->id);
            if (k >= 2 && rec->id[0] == '<' && rec->id[k - 1] == '>') {
                memmove(rec->id, rec->id + 1, k - 2);
                rec->id[k - 2] = '\0';
            }
        }
        if (header(l, "Content-Length", v, sizeof v)) {
            char *end;
            length = strtoll(v, &end, 10);
            if (end == v || *end || length < 0) length = -2;
        }
    }
    if (n < 0 || length < 0) {
        *why = n < 0 ? "the file ends inside a WARC record's header"
                     : "a WARC record without a valid Content-Length; skipped to the next record";
        if (n >= 0) rec->pending = resync(f, line);
        return -1;
    }
    if ((unsigned long long)length > WARC_MAX_BLOCK) {
        *why = "a WARC record over 16 MB; skipped";
        for (long long k = 0; k < length && getc(f) != EOF; k++) {
        }
        return -1;
    }
    if (rec->cap < (size_t)length + 1) {
        char *b = realloc(rec->block, (size_t)length + 1);
        if (!b) return -2;
        rec->block = b;
        rec->cap = (size_t)length + 1;
    }
    rec->len = fread(rec->block, 1, (size_t)length, f);
    rec->block[rec->len] = '\0';
    for (size_t i = 0; i < rec->len; i++) /* the lines of the block, for the next record's line */
        if (rec->block[i] == '\n') (*line)++;
    if (rec->len < (size_t)length) {
        *why = "the file ends inside a WARC record's block";
        return -1;
    }
    return 1;
}

void warc_record_free(warc_record *rec) {
    free(rec->block);
    rec->block = NULL;
    rec->len = rec->cap = 0;
}

/* The chunks of a chunked body joined, into a malloc'd buffer: its
 * length, or -1 when malformed or out of memory. */
static long dechunk(const char *s, size_t n, char **out) {
    char *d = malloc(n + 1);
    size_t k = 0, i = 0;
    if (!d) return -1;
    while (i < n) {
        char *end;
        unsigned long size = strtoul(s + i, &end, 16);
        if (end == s + i) break;
        const char *eol = memchr(end, '\n', n - (size_t)(end - s));
        if (!eol) break;
        i = (size_t)(eol - s) + 1;
        if (size == 0) break;
        if (size > n - i) size = n - i; /* cut short: what there is */
        memcpy(d + k, s + i, size);
        k += size;
        i += size;
        while (i < n && (s[i] == '\r' || s[i] == '\n')) i++;
    }
    d[k] = '\0';
    *out = d;
    return (long)k;
}

/* A gzip or deflate body inflated into a malloc'd buffer (at most
 * WARC_MAX_BLOCK): its length, or -1. */
static long inflate_body(const char *s, size_t n, char **out) {
    z_stream z;
    memset(&z, 0, sizeof z);
    if (inflateInit2(&z, 15 + 32) != Z_OK) return -1; /* gzip or zlib, by header */
    size_t cap = n * 4 + 1024, k = 0;
    char *d = malloc(cap);
    int rc = Z_OK;
    z.next_in = (unsigned char *)s;
    z.avail_in = (unsigned)n;
    while (d && rc == Z_OK) {
        if (cap - k < 1024) {
            if (cap >= WARC_MAX_BLOCK) break;
            char *nd = realloc(d, cap * 2);
            if (!nd) {
                free(d);
                d = NULL;
                break;
            }
            d = nd;
            cap *= 2;
        }
        z.next_out = (unsigned char *)d + k;
        z.avail_out = (unsigned)(cap - k - 1);
        rc = inflate(&z, Z_NO_FLUSH);
        k = cap - 1 - z.avail_out;
    }
    inflateEnd(&z);
    if (!d || (rc != Z_STREAM_END && rc != Z_OK && k == 0)) {
        free(d);
        return -1;
    }
    d[k] = '\0';
    *out = d;
    return (long)k;
}

int http_parse(const char *block, size_t len, http_response *out, const char **why) {
    memset(out, 0, sizeof *out);
    if (len < 12 || strncmp(block, "HTTP/", 5) != 0) {
        *why = "not an HTTP response";
        return -1;
    }
    const char *sp = memchr(block, ' ', len < 16 ? len : 16);
    out->status = sp ? atoi(sp + 1) : 0;
    const char *p = block, *end = block + len;
    int chunked = 0, zipped = 0;
    char l[1024];
    for (;;) {
        const char *eol = memchr(p, '\n', (size_t)(end - p));
        if (!eol) {
            *why = "an HTTP response without the end of its headers";
            return -1;
        }
        size_t n = (size_t)(eol - p);
        if (n && p[n - 1] == '\r') n--;
        const char *next = eol + 1;
        if (n == 0) {
            p = next;
            break;
        }
        if (n >= sizeof l) n = sizeof l - 1;
        memcpy(l, p, n);
        l[n] = '\0';
        char v[128];
        header(l, "Content-Type", out->ctype, sizeof out->ctype);
        if (header(l, "Transfer-Encoding", v, sizeof v) && strcasestr(v, "chunked")) chunked = 1;
        if (header(l, "Content-Encoding", v, sizeof v) &&
            (strcasestr(v, "gzip") || strcasestr(v, "deflate")))
            zipped = 1;
        p = next;
    }
    const char *cs = strcasestr(out->ctype, "charset=");
    if (cs) {
        cs += 8;
        size_t k = 0;
        while (cs[k] && cs[k] != ';' && cs[k] != ' ' && cs[k] != '"' && k + 1 < sizeof out->charset) k++;
        memcpy(out->charset, cs[0] == '"' ? cs + 1 : cs, k && cs[0] == '"' ? k - 1 : k);
        out->charset[cs[0] == '"' && k ? k - 1 : k] = '\0';
    }
    char *ct = strchr(out->ctype, ';');
    if (ct) *ct = '\0';
    out->body = p;
    out->len = (size_t)(end - p);
    if (chunked) {
        char *d;
        long k = dechunk(out->body, out->len, &d);
        if (k < 0) {
            *why = "out of memory";
            return -1;
        }
        out->owned = d;
        out->body = d;
        out->len = (size_t)k;
    }
    if (zipped) {
        char *d;
        long k = inflate_body(out->body, out->len, &d);
        if (k < 0) {
            free(out->owned);
            out->owned = NULL;
            *why = "an HTTP body that says it is compressed and cannot be inflated";
            return -1;
        }
        free(out->owned);
        out->owned = d;
        out->body = d;
        out->len = (size_t)k;
    }
    return 0;
}
