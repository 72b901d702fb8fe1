/* reader.c -- reads articles from plain text files (with optional header
 * lines), JSON Lines (json-c), PETRARCH <Sentence> XML and RSS or Atom
 * feeds (libxml2, streamed), WARC files of HTML responses (warc.c) and
 * HTML pages (html.c), from a file or stdin, gzip'd or not (input.c). A
 * malformed record is reported with its file and line and skipped; the
 * records around it are read. */
#include <ctype.h>
#include <json-c/json.h>
#include <libxml/HTMLparser.h>
#include <libxml/SAX2.h>
#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/tree.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

#include <utf8proc.h>

#include "date.h"
#include "html.h"
#include "input.h"
#include "status.h"
#include "utf8.h"
#include "warc.h"

#define MAX_LINE (16u << 20) /* longest JSON line, and longest text article, read */

struct dyad_reader {
    char *path;
    char *base; /* file name without directory and extension */
    dyad_input_format fmt;
    dyad_warn_fn warn;
    void *ud;
    FILE *f;
    int own_f;
    input *in; /* f's source, for what went wrong reading it (NULL in memory) */
    int ended; /* the end was reached (and a read error reported) */
    long line; /* lines read so far */
    int done;
    /* the current article's strings */
    char *id, *date, *source, *title, *url, *text;
    /* XML: a push parser fed a chunk at a time; each <Sentence> is taken
     * out of its tree when it ends and waits in xq until read */
    xmlParserCtxt *xctx;
    xmlNode **xq;
    size_t xqn, xqcap, xqpos;
    int xeof, xentities, xnomem;
    xmlNode *xcur;    /* the <Sentence> being read, freed on the next call */
    char *feed_title; /* a feed's own title: its items' source */
    warc_record warc;
    long warc_skipped; /* responses that held no article text */
    char *buf;         /* line buffer */
    size_t bufcap;
    size_t buflen, bufpos; /* JSONL: the line read, and where its next object
                              starts when one line holds several */
    size_t textlen;        /* the current article's text length */
};

/* Frees the XML parser, its document and the sentences not yet read. */
static void xml_close(dyad_reader *r) {
    for (size_t i = r->xqpos; i < r->xqn; i++) xmlFreeNode(r->xq[i]);
    free(r->xq);
    xmlFreeNode(r->xcur);
    if (r->xctx) {
        xmlFreeDoc(r->xctx->myDoc);
        xmlFreeParserCtxt(r->xctx);
    }
    r->xq = NULL;
    r->xcur = NULL;
    r->xctx = NULL;
    r->xqn = r->xqpos = r->xqcap = 0;
}

static void clear_article(dyad_reader *r) {
    free(r->id);
    free(r->date);
    free(r->source);
    free(r->title);
    free(r->url);
    free(r->text);
    r->id = r->date = r->source = r->title = r->url = r->text = NULL;
}

void dyad_reader_free(dyad_reader *r) {
    if (!r) return;
    clear_article(r);
    if (r->own_f && r->f) fclose(r->f);
    xml_close(r);
    free(r->feed_title);
    warc_record_free(&r->warc);
    free(r->buf);
    free(r->path);
    free(r->base);
    free(r);
}

static char *dupn(const char *s, size_t n) {
    char *p = malloc(n + 1);
    if (!p) return NULL;
    memcpy(p, s, n);
    p[n] = '\0';
    return p;
}

static char *dup0(const char *s) { return dupn(s ? s : "", s ? strlen(s) : 0); }

int dyad_date_normalize(const char *s, char out[11]) { return date_normalize(s, out); }

/* Reads the rest of f into a malloc'd, NUL-terminated buffer; NULL when
 * out of memory. */
static char *slurp(FILE *f, size_t *len, size_t max, int *over) {
    size_t cap = 1 << 14, n = 0, k;
    char *all = malloc(cap);
    *over = 0;
    while (all && (k = fread(all + n, 1, cap - n - 1, f)) > 0) {
        n += k;
        if (n > max) { /* the rest is not read */
            free(all);
            *over = 1;
            *len = n;
            return NULL;
        }
        if (n + 1 == cap) {
            char *na = realloc(all, cap * 2);
            if (!na) {
                free(all);
                return NULL;
            }
            all = na;
            cap *= 2;
        }
    }
    if (all) all[n] = '\0';
    *len = n;
    return all;
}

/* Whether h[0..n) starts with s, in any case. */
static int starts(const unsigned char *h, size_t n, const char *s) {
    size_t k = strlen(s);
    return n >= k && !strncasecmp((const char *)h, s, k);
}

/* The format of a file from its first bytes: JSON Lines open with "{", a
 * WARC file with "WARC/", XML with "<": an RSS or Atom feed or an HTML
 * page by its first element, PETRARCH records otherwise. What is none of
 * these is text, unless the file's name says it is JSON Lines or XML (so
 * a first line that is broken is reported as a broken record). */
static dyad_input_format guess(const char *path, const unsigned char *h, size_t n) {
    while (n && isspace(*h)) h++, n--;
    if (n && *h == '{') return DYAD_FMT_JSONL;
    if (starts(h, n, "WARC/")) return DYAD_FMT_WARC;
    if (n && *h == '<') {
        /* the first element that is no prolog, comment or doctype */
        for (size_t i = 0; i + 1 < n; i++) {
            if (h[i] != '<') continue;
            const unsigned char *e = h + i + 1;
            size_t left = n - i - 1;
            if (starts(e, left, "!doctype html") || starts(e, left, "html")) return DYAD_FMT_HTML;
            if (*e == '?' || *e == '!') continue;
            if (starts(e, left, "rss") || starts(e, left, "feed") || starts(e, left, "rdf:rdf"))
                return DYAD_FMT_FEED;
            break;
        }
        return DYAD_FMT_PETRXML;
    }
    const char *b = strrchr(path, '/');
    b = b ? b + 1 : path;
    const char *dot = strchr(b, '.'); /* "x.jsonl.gz": the first extension */
    if (dot && (!strncmp(dot, ".jsonl", 6) || !strncmp(dot, ".json", 5) || !strncmp(dot, ".ndjson", 7)))
        return DYAD_FMT_JSONL;
    if (dot && !strncmp(dot, ".xml", 4)) return DYAD_FMT_PETRXML;
    return DYAD_FMT_TEXT;
}

/* How many bytes of a UTF-8 byte order mark start h[0..n); -1 with *why
 * set when the file is UTF-16 (a byte order mark of its own, or a NUL in
 * every other byte of the start). */
static int check_encoding(const unsigned char *b, size_t n, const char **why) {
    int skip = n >= 3 && b[0] == 0xEF && b[1] == 0xBB && b[2] == 0xBF ? 3 : 0;
    int nul_even = 0, nul_odd = 0;
    if (n > 64) n = 64;
    for (size_t i = 0; i < n; i++) {
        if (b[i]) continue;
        if (i % 2)
            nul_odd++;
        else
            nul_even++;
    }
    int utf16 = (n >= 2 && ((b[0] == 0xFF && b[1] == 0xFE) || (b[0] == 0xFE && b[1] == 0xFF))) ||
                (n >= 8 && (nul_odd * 2 >= (int)n / 2 || nul_even * 2 >= (int)n / 2));
    if (utf16) {
        *why = "is UTF-16 (or UTF-32), not UTF-8: convert it first (iconv -f UTF-16 -t UTF-8)";
        return -1;
    }
    return skip;
}

/* SAX end of an element: the tree builder's, then a finished <Sentence>
 * leaves the tree for the queue, and what lay before it in its parent
 * (white space, comments) is freed, so the tree never grows with the file. */
static void xml_end(void *ctx, const xmlChar *name, const xmlChar *prefix, const xmlChar *uri) {
    xmlParserCtxt *c = ctx;
    dyad_reader *r = c->_private;
    xmlNode *done = c->node;
    xmlSAX2EndElementNs(ctx, name, prefix, uri);
    if (!done || done->type != XML_ELEMENT_NODE) return;
    const char *el = (const char *)done->name;
    if (r->fmt == DYAD_FMT_FEED ? strcmp(el, "item") && strcmp(el, "entry")
                                : strcmp(el, "Sentence") != 0)
        return;
    xmlNode *parent = done->parent;
    if (r->fmt == DYAD_FMT_FEED && !r->feed_title && parent) /* the channel's or feed's <title> */
        for (xmlNode *k = parent->children; k; k = k->next)
            if (k->type == XML_ELEMENT_NODE && !strcmp((const char *)k->name, "title")) {
                xmlChar *tt = xmlNodeGetContent(k);
                r->feed_title = dup0(tt ? (const char *)tt : "");
                xmlFree(tt);
                break;
            }
    xmlUnlinkNode(done);
    if (r->xqn == r->xqcap) {
        size_t cap = r->xqcap ? 2 * r->xqcap : 64;
        xmlNode **q = realloc(r->xq, cap * sizeof *q);
        if (!q) {
            xmlFreeNode(done);
            r->xnomem = 1;
            xmlStopParser(c);
            return;
        }
        r->xq = q;
        r->xqcap = cap;
    }
    r->xq[r->xqn++] = done;
    while (parent && parent->children) {
        xmlNode *k = parent->children;
        xmlUnlinkNode(k);
        xmlFreeNode(k);
    }
}

/* SAX entity declaration: entities are never expanded (the "billion
 * laughs" grow without bound), so a file that declares one is refused as
 * soon as it does. */
static void xml_entity(void *ctx, const xmlChar *name, int type, const xmlChar *pub, const xmlChar *sys,
                       xmlChar *content) {
    (void)name, (void)type, (void)pub, (void)sys, (void)content;
    xmlParserCtxt *c = ctx;
    ((dyad_reader *)c->_private)->xentities = 1;
    xmlStopParser(c);
}

/* Feeds the parser the next chunk of the file (the end, at EOF). */
static void xml_feed(dyad_reader *r) {
    char buf[1 << 16];
    size_t n = fread(buf, 1, sizeof buf, r->f);
    r->xeof = n == 0;
    xmlParseChunk(r->xctx, buf, (int)n, r->xeof);
}

/* Starts the push parser (recovering what it can of a broken file, no
 * network, no entity expansion) and reads up to the first element. */
static dyad_status xml_open(dyad_reader *r, const char *path, dyad_error *err) {
    xmlSAXHandler sax;
    xmlSAXVersion(&sax, 2);
    sax.endElementNs = xml_end;
    sax.entityDecl = xml_entity;
    r->xctx = xmlCreatePushParserCtxt(&sax, NULL, NULL, 0, path);
    if (!r->xctx) return dyad_fail(err, DYAD_ENOMEM, path, 0, "out of memory");
    r->xctx->_private = r;
    xmlCtxtUseOptions(r->xctx, XML_PARSE_RECOVER | XML_PARSE_NOERROR | XML_PARSE_NOWARNING |
                                   XML_PARSE_NONET | XML_PARSE_HUGE);
    while (!r->xeof && !r->xentities && !r->xnomem &&
           !(r->xctx->myDoc && xmlDocGetRootElement(r->xctx->myDoc)))
        xml_feed(r);
    if (r->xentities)
        return dyad_fail(err, DYAD_EPARSE, path, 0,
                         "declares XML entities, which are not read (entity expansion)");
    if (r->xnomem) return dyad_fail(err, DYAD_ENOMEM, path, 0, "out of memory reading XML");
    if (!r->xctx->myDoc || !xmlDocGetRootElement(r->xctx->myDoc))
        return dyad_fail(err, DYAD_EPARSE, path, 0, "not readable as XML");
    return DYAD_OK;
}

static dyad_status reader_start(dyad_reader *r, const char *path, dyad_input_format fmt,
                                const unsigned char *head, size_t nhead, dyad_reader **out,
                                dyad_error *err);

dyad_status dyad_reader_open(dyad_reader **out, const char *path, dyad_input_format fmt,
                             dyad_warn_fn warn, void *ud, dyad_error *err) {
    *out = NULL;
    dyad_reader *r = calloc(1, sizeof *r);
    if (!r) return dyad_fail(err, DYAD_ENOMEM, path, 0, "out of memory");
    r->warn = warn;
    r->ud = ud;
    r->path = dup0(path);
    unsigned char head[INPUT_HEAD];
    size_t nhead = 0;
    int gz = 0;
    const char *why = NULL;
    r->f = input_open(path, head, &nhead, &gz, &r->in, &why);
    r->own_f = 1;
    if (!r->f) {
        dyad_reader_free(r);
        return dyad_fail(err, DYAD_EIO, path, 0, "%s", why);
    }
    return reader_start(r, path, fmt, head, nhead, out, err);
}

dyad_status dyad_reader_open_mem(dyad_reader **out, const char *name, const char *data, size_t len,
                                 dyad_input_format fmt, dyad_warn_fn warn, void *ud, dyad_error *err) {
    *out = NULL;
    dyad_reader *r = calloc(1, sizeof *r);
    if (!r) return dyad_fail(err, DYAD_ENOMEM, name, 0, "out of memory");
    r->warn = warn;
    r->ud = ud;
    r->path = dup0(name);
    r->f = len ? fmemopen((void *)data, len, "r") : NULL;
    r->own_f = 1;
    if (!r->f) {
        dyad_reader_free(r);
        return dyad_fail(err, len ? DYAD_ENOMEM : DYAD_EPARSE, name, 0, len ? "out of memory" : "empty");
    }
    return reader_start(r, name, fmt, (const unsigned char *)data, len < INPUT_HEAD ? len : INPUT_HEAD,
                        out, err);
}

/* The rest of opening, once r->f is open: the encoding checked, the
 * format settled, an XML parser started. */
static dyad_status reader_start(dyad_reader *r, const char *path, dyad_input_format fmt,
                                const unsigned char *head, size_t nhead, dyad_reader **out,
                                dyad_error *err) {
    const char *why = NULL;
    int skip = check_encoding(head, nhead, &why);
    char bom[3];
    if (skip < 0 || (skip && fread(bom, 1, (size_t)skip, r->f) != (size_t)skip)) {
        dyad_reader_free(r);
        return dyad_fail(err, DYAD_EPARSE, path, 0, "%s", why ? why : "cannot be read");
    }
    const char *b = strrchr(path, '/');
    b = b ? b + 1 : path;
    const char *dot = strrchr(b, '.');
    r->base = dupn(b, dot && dot != b ? (size_t)(dot - b) : strlen(b));
    if (!r->path || !r->base) {
        dyad_reader_free(r);
        return dyad_fail(err, DYAD_ENOMEM, path, 0, "out of memory");
    }
    r->fmt = fmt == DYAD_FMT_AUTO ? guess(path, head + skip, nhead - (size_t)skip) : fmt;
    if (r->fmt == DYAD_FMT_PETRXML || r->fmt == DYAD_FMT_FEED) {
        dyad_status st = xml_open(r, path, err);
        if (st != DYAD_OK) {
            dyad_reader_free(r);
            return st;
        }
    }
    *out = r;
    return DYAD_OK;
}

/* Reads one line (without its newline) into r->buf; returns its length,
 * -1 at EOF, -2 when the line is over MAX_LINE (the rest is skipped).
 * The file is locked once for the line, not once a byte: in a program
 * with threads fgetc takes the lock each time. */
static long read_line(dyad_reader *r) {
    size_t n = 0;
    if (!r->buf) {
        r->buf = malloc(4096);
        if (!r->buf) return -3;
        r->bufcap = 4096;
    }
    int c, over = 0;
    flockfile(r->f);
    while ((c = getc_unlocked(r->f)) != EOF) {
        if (c == '\n') break;
        if (n + 2 > r->bufcap) {
            if (r->bufcap >= MAX_LINE) {
                over = 1;
                continue;
            }
            size_t nc = r->bufcap ? r->bufcap * 2 : 4096;
            char *nb = realloc(r->buf, nc);
            if (!nb) {
                funlockfile(r->f);
                return -3;
            }
            r->buf = nb;
            r->bufcap = nc;
        }
        r->buf[n++] = (char)c;
    }
    funlockfile(r->f);
    if (c == EOF && n == 0 && !over) return -1;
    r->line++;
    if (r->buf) r->buf[n] = '\0';
    if (over) return -2;
    if (n && r->buf[n - 1] == '\r') r->buf[--n] = '\0';
    return (long)n;
}

/* Whether s[0..n) is valid UTF-8. */
static int utf8proc_valid(const char *s, size_t n) {
    size_t i = 0;
    while (i < n) {
        if ((unsigned char)s[i] < 0x80) {
            i++;
            continue;
        }
        utf8proc_int32_t c;
        utf8proc_ssize_t k =
            utf8proc_iterate((const utf8proc_uint8_t *)s + i, (utf8proc_ssize_t)(n - i), &c);
        if (k <= 0) return 0;
        i += (size_t)k;
    }
    return 1;
}

/* Cleans text and warns about replaced bytes. */
static char *clean(dyad_reader *r, const char *s, size_t n, long line, size_t *outlen) {
    utf8_report rep;
    memset(&rep, 0, sizeof rep);
    char *t = utf8_clean(s, n, outlen, &rep);
    if (t && rep.invalid)
        dyad_warn(r->warn, r->ud, DYAD_EPARSE, r->path,
                  line + (rep.first_invalid_line > 0 ? rep.first_invalid_line - 1 : 0),
                  "invalid UTF-8 replaced (%zu sequence%s)", rep.invalid, rep.invalid == 1 ? "" : "s");
    return t;
}

static void fill(dyad_reader *r, dyad_article *a, size_t text_len, long line, int single) {
    memset(a, 0, sizeof *a);
    a->id = r->id;
    a->date = r->date;
    a->source = r->source;
    a->title = r->title;
    a->url = r->url;
    a->text = r->text;
    a->text_len = text_len;
    a->file = r->path;
    a->line = line;
    a->single_sentence = single;
}

/* Reads the next line of JSON Lines into r->buf (invalid UTF-8 repaired,
 * with a warning; a UTF-8 byte order mark before the first record
 * dropped): 1, 0 at the end, -1 when out of memory. */
static int jsonl_line(dyad_reader *r, dyad_error *err) {
    for (;;) {
        long n = read_line(r);
        if (n == -1) return 0;
        if (n == -3) return dyad_fail(err, DYAD_ENOMEM, r->path, r->line, "out of memory"), -1;
        if (n == -2) {
            dyad_warn(r->warn, r->ud, DYAD_ELIMIT, r->path, r->line, "line longer than %u bytes skipped",
                      MAX_LINE);
            continue;
        }
        size_t from = r->line == 1 && n >= 3 && !memcmp(r->buf, "\xEF\xBB\xBF", 3) ? 3 : 0;
        if (!utf8proc_valid(r->buf, (size_t)n)) { /* JSON would refuse the whole line */
            size_t fl = 0;
            char *fixed = clean(r, r->buf, (size_t)n, r->line, &fl);
            if (!fixed) return dyad_fail(err, DYAD_ENOMEM, r->path, r->line, "out of memory"), -1;
            free(r->buf);
            r->buf = fixed;
            r->bufcap = fl + 1;
            n = (long)fl;
        }
        r->buflen = (size_t)n;
        r->bufpos = from;
        return 1;
    }
}

/* A string field of a record: "" when absent or null; -1 when it is there
 * but not a string (a number, an object...). */
static int string_field(json_object *o, const char *k, const char **v) {
    json_object *f;
    *v = "";
    if (!json_object_object_get_ex(o, k, &f) || !f) return 0;
    if (!json_object_is_type(f, json_type_string)) return -1;
    *v = json_object_get_string(f);
    return 0;
}

/* Checks a parsed record and fills r's article from it: 1, 0 when it was
 * refused (with a warning naming the field), -1 when out of memory. */
static int jsonl_record(dyad_reader *r, json_object *o, dyad_error *err) {
    json_object *jt;
    if (!json_object_is_type(o, json_type_object) || !json_object_object_get_ex(o, "text", &jt) ||
        !json_object_is_type(jt, json_type_string)) {
        dyad_warn(r->warn, r->ud, DYAD_EPARSE, r->path, r->line,
                  "no string field \"text\"; record skipped");
        return 0;
    }
    if ((size_t)json_object_get_string_len(jt) != strlen(json_object_get_string(jt))) {
        dyad_warn(r->warn, r->ud, DYAD_EPARSE, r->path, r->line,
                  "field \"text\" holds a NUL character (\\u0000); record skipped");
        return 0;
    }
    static const char *const fields[5] = {"id", "source", "title", "url", "date"};
    const char *v[5];
    for (int k = 0; k < 5; k++)
        if (string_field(o, fields[k], &v[k]) != 0) {
            dyad_warn(r->warn, r->ud, DYAD_EPARSE, r->path, r->line,
                      "field \"%s\" is not a string; record skipped", fields[k]);
            return 0;
        }
    clear_article(r);
    char **dst[4] = {&r->id, &r->source, &r->title, &r->url};
    for (int k = 0; k < 4; k++) *dst[k] = dup0(v[k]);
    if (!r->id || !*r->id) {
        free(r->id);
        char b[64];
        snprintf(b, sizeof b, ":%ld", r->line);
        r->id = malloc(strlen(r->base) + strlen(b) + 1);
        if (r->id) sprintf(r->id, "%s%s", r->base, b);
    }
    char d[11] = "";
    if (*v[4] && date_normalize(v[4], d) != 0) {
        dyad_warn(r->warn, r->ud, DYAD_EPARSE, r->path, r->line, "bad date \"%s\"; date ignored", v[4]);
        d[0] = '\0';
    }
    r->date = dup0(d);
    size_t tl = 0;
    r->text = clean(r, json_object_get_string(jt), (size_t)json_object_get_string_len(jt), r->line, &tl);
    if (!r->id || !r->date || !r->source || !r->title || !r->url || !r->text)
        return dyad_fail(err, DYAD_ENOMEM, r->path, r->line, "out of memory"), -1;
    r->textlen = tl;
    return 1;
}

/* The next record: a line may hold several objects one after another
 * ("{...} {...}"), each read as a record of that line. */
static int next_jsonl(dyad_reader *r, dyad_article *out, dyad_error *err) {
    for (;;) {
        while (r->bufpos < r->buflen && isspace((unsigned char)r->buf[r->bufpos])) r->bufpos++;
        if (r->bufpos >= r->buflen) {
            int got = jsonl_line(r, err);
            if (got <= 0) return got;
            continue;
        }
        json_tokener *tok = json_tokener_new();
        if (!tok) return dyad_fail(err, DYAD_ENOMEM, r->path, r->line, "out of memory"), -1;
        size_t left = r->buflen - r->bufpos;
        json_object *o = json_tokener_parse_ex(tok, r->buf + r->bufpos, (int)left);
        enum json_tokener_error je = json_tokener_get_error(tok);
        size_t used = json_tokener_get_parse_end(tok);
        json_tokener_free(tok);
        if (!o || je != json_tokener_success || used == 0 || used > left) {
            dyad_warn(r->warn, r->ud, DYAD_EPARSE, r->path, r->line, "not valid JSON (%s)%s; skipped",
                      o ? "trailing data" : json_tokener_error_desc(je),
                      r->bufpos ? " after the line's first records" : "");
            json_object_put(o);
            r->bufpos = r->buflen;
            continue;
        }
        r->bufpos += used;
        int got = jsonl_record(r, o, err);
        json_object_put(o);
        if (got < 0) return -1;
        if (got == 0) continue;
        fill(r, out, r->textlen, r->line, 0);
        return 1;
    }
}

static int next_text(dyad_reader *r, dyad_article *out, dyad_error *err) {
    if (r->done) return 0;
    r->done = 1;
    clear_article(r);
    char d[11] = "";
    r->id = dup0(r->base);
    r->source = dup0("");
    r->title = dup0("");
    r->url = dup0("");
    size_t n = 0;
    int over;
    char *all = slurp(r->f, &n, MAX_LINE, &over);
    if (over) {
        dyad_warn(r->warn, r->ud, DYAD_ELIMIT, r->path, 1, "article over %u MB skipped", MAX_LINE >> 20);
        return 0;
    }
    if (!all || !r->id || !r->source || !r->title || !r->url)
        return free(all), dyad_fail(err, DYAD_ENOMEM, r->path, 0, "out of memory"), -1;
    /* header lines, after a byte order mark (a file's was skipped when
     * opened; stdin's is seen here) */
    size_t bom = n >= 3 && !memcmp(all, "\xEF\xBB\xBF", 3) ? 3 : 0, pos = bom;
    long line = 1, body_line = 1;
    static const char *const keys[] = {"date", "source", "title", "url", "id", NULL};
    int first = 1;
    while (pos < n) {
        size_t e = pos;
        while (e < n && all[e] != '\n') e++;
        size_t ll = e - pos;
        if (ll == 0 || (ll == 1 && all[pos] == '\r')) {
            if (!first) {
                pos = e < n ? e + 1 : n;
                line++;
                body_line = line;
            }
            break;
        }
        int hit = -1;
        size_t klen = 0;
        for (int q = 0; keys[q]; q++) {
            klen = strlen(keys[q]);
            if (ll > klen && all[pos + klen] == ':' && strncasecmp(all + pos, keys[q], klen) == 0) {
                hit = q;
                break;
            }
        }
        if (hit < 0) break;
        first = 0;
        const char *v = all + pos + klen + 1;
        size_t vl = ll - klen - 1;
        while (vl && isspace((unsigned char)*v)) v++, vl--;
        while (vl && isspace((unsigned char)v[vl - 1])) vl--;
        char *val = dupn(v, vl);
        if (!val) return free(all), dyad_fail(err, DYAD_ENOMEM, r->path, line, "out of memory"), -1;
        if (hit == 0) {
            if (date_normalize(val, d) != 0) {
                dyad_warn(r->warn, r->ud, DYAD_EPARSE, r->path, line, "bad date \"%s\" ignored", val);
                d[0] = '\0';
            }
            free(val);
        } else {
            char **dst = hit == 1 ? &r->source : hit == 2 ? &r->title : hit == 3 ? &r->url : &r->id;
            free(*dst);
            *dst = val;
        }
        pos = e < n ? e + 1 : n;
        line++;
        body_line = line;
    }
    if (first) {
        pos = bom;
        body_line = 1;
    }
    r->date = dup0(d);
    size_t tl = 0;
    r->text = clean(r, all + pos, n - pos, body_line, &tl);
    free(all);
    if (!r->date || !r->text) return dyad_fail(err, DYAD_ENOMEM, r->path, 0, "out of memory"), -1;
    fill(r, out, tl, body_line, 0);
    return 1;
}

/* The next finished record (<Sentence>, <item>, <entry>) into *s, the
 * file read on as needed: 1; 0 at the end (or when the parser stopped);
 * -1 when out of memory. It is the reader's until the next call. */
static int next_record(dyad_reader *r, xmlNode **s, dyad_error *err) {
    xmlFreeNode(r->xcur);
    r->xcur = NULL;
    while (r->xqpos == r->xqn) {
        r->xqpos = r->xqn = 0;
        if (r->xnomem) return dyad_fail(err, DYAD_ENOMEM, r->path, 0, "out of memory reading XML"), -1;
        if (r->xeof || r->xentities || r->xctx->instate == XML_PARSER_EOF) return 0;
        xml_feed(r);
    }
    *s = r->xcur = r->xq[r->xqpos++];
    return 1;
}

/* White space collapsed to one space, trimmed: a malloc'd copy. */
static char *collapse(const char *t) {
    size_t n = strlen(t), k = 0;
    char *col = malloc(n + 1);
    if (!col) return NULL;
    int sp = 0;
    for (size_t q = 0; q < n; q++) {
        if (isspace((unsigned char)t[q])) {
            sp = 1;
            continue;
        }
        if (sp && k) col[k++] = ' ';
        sp = 0;
        col[k++] = t[q];
    }
    col[k] = '\0';
    return col;
}

static int next_xml(dyad_reader *r, dyad_article *out, dyad_error *err) {
    for (;;) {
        xmlNode *s;
        int got = next_record(r, &s, err);
        if (got <= 0) return got;
        long line = (long)xmlGetLineNo(s);
        xmlNode *tn = NULL;
        for (xmlNode *c = s->children; c; c = c->next)
            if (c->type == XML_ELEMENT_NODE && !strcmp((const char *)c->name, "Text")) tn = c;
        if (!tn) {
            dyad_warn(r->warn, r->ud, DYAD_EPARSE, r->path, line, "<Sentence> without <Text> skipped");
            continue;
        }
        clear_article(r);
        xmlChar *id = xmlGetProp(s, (const xmlChar *)"id");
        xmlChar *date = xmlGetProp(s, (const xmlChar *)"date");
        xmlChar *src = xmlGetProp(s, (const xmlChar *)"source");
        xmlChar *txt = xmlNodeGetContent(tn);
        char d[11] = "";
        if (date && date_normalize((const char *)date, d) != 0) {
            dyad_warn(r->warn, r->ud, DYAD_EPARSE, r->path, line, "bad date \"%s\" ignored",
                      (const char *)date);
            d[0] = '\0';
        }
        if (id && *id)
            r->id = dup0((const char *)id);
        else {
            char b[64];
            snprintf(b, sizeof b, ":%ld", line);
            r->id = malloc(strlen(r->base) + strlen(b) + 1);
            if (r->id) sprintf(r->id, "%s%s", r->base, b);
        }
        r->date = dup0(d);
        r->source = dup0(src ? (const char *)src : "");
        r->title = dup0("");
        r->url = dup0("");
        char *col = collapse(txt ? (const char *)txt : "");
        xmlFree(id);
        xmlFree(date);
        xmlFree(src);
        xmlFree(txt);
        size_t tl = 0;
        r->text = col ? clean(r, col, strlen(col), line, &tl) : NULL;
        free(col);
        if (!r->id || !r->date || !r->source || !r->title || !r->url || !r->text)
            return dyad_fail(err, DYAD_ENOMEM, r->path, line, "out of memory"), -1;
        fill(r, out, tl, line, 1);
        return 1;
    }
}

/* Sets r's article from a page read by html_extract (its fields taken
 * over), an id and a fallback date (YYYY-MM-DD or ""): 1, -1 when out of
 * memory. */
static int from_page(dyad_reader *r, html_article *h, const char *id, const char *date, long line,
                     dyad_article *out, dyad_error *err) {
    clear_article(r);
    r->id = dup0(id);
    r->date = dup0(h->date[0] ? h->date : date);
    r->source = h->source;
    r->title = h->title;
    r->url = h->url;
    h->source = h->title = h->url = NULL;
    size_t tl = 0;
    r->text = clean(r, h->text, strlen(h->text), line, &tl);
    html_article_free(h);
    if (!r->id || !r->date || !r->text)
        return dyad_fail(err, DYAD_ENOMEM, r->path, line, "out of memory"), -1;
    fill(r, out, tl, line, 0);
    return 1;
}

/* The words of an HTML fragment without its tags, white space collapsed:
 * malloc'd. */
static char *html_words(const char *body) {
    size_t n = strlen(body);
    htmlDocPtr d = htmlReadMemory(body, n > (1u << 30) ? 1 << 30 : (int)n, NULL, "UTF-8",
                                  HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
                                      HTML_PARSE_NONET);
    xmlChar *c = d && xmlDocGetRootElement(d) ? xmlNodeGetContent(xmlDocGetRootElement(d)) : NULL;
    char *t = collapse(c ? (const char *)c : "");
    xmlFree(c);
    xmlFreeDoc(d);
    return t;
}

/* The text of a feed item's body: its paragraphs when it is HTML with
 * paragraphs, else its words without tags. malloc'd. */
static char *item_text(const char *body) {
    html_article h;
    const char *why;
    if (!strchr(body, '<')) return collapse(body);
    if (html_extract(body, strlen(body), "UTF-8", NULL, &h, &why) != 0) return html_words(body);
    char *t;
    if (h.text[0]) {
        t = h.text;
        h.text = NULL;
    } else /* "Three <b>killed</b>": no paragraph */
        t = html_words(body);
    html_article_free(&h);
    return t;
}

/* An RSS <item> or Atom <entry>: title, link, id (guid, else link),
 * date (pubDate, published, updated, dc:date), body (the longest of
 * description, summary, content and content:encoded). */
static int next_feed(dyad_reader *r, dyad_article *out, dyad_error *err) {
    for (;;) {
        xmlNode *s;
        int got = next_record(r, &s, err);
        if (got <= 0) return got;
        long line = (long)xmlGetLineNo(s);
        xmlChar *title = NULL, *link = NULL, *id = NULL, *date = NULL, *body = NULL;
        int published = 0;
        size_t body_len = 0;
        for (xmlNode *c = s->children; c; c = c->next) {
            if (c->type != XML_ELEMENT_NODE) continue;
            const char *n = (const char *)c->name;
            if (!strcmp(n, "title") && !title) {
                title = xmlNodeGetContent(c);
            } else if (!strcmp(n, "link")) {
                xmlChar *href = xmlGetProp(c, (const xmlChar *)"href");
                xmlChar *rel = xmlGetProp(c, (const xmlChar *)"rel");
                if (!link && (!rel || !strcmp((const char *)rel, "alternate")))
                    link = href ? href : xmlNodeGetContent(c);
                else
                    xmlFree(href);
                xmlFree(rel);
            } else if ((!strcmp(n, "guid") || !strcmp(n, "id")) && !id) {
                id = xmlNodeGetContent(c);
            } else if (!strcmp(n, "pubDate") || !strcmp(n, "published") || !strcmp(n, "updated") ||
                       !strcmp(n, "date")) {
                if (published) continue; /* the day it was published, not updated */
                xmlFree(date);
                date = xmlNodeGetContent(c);
                published = strcmp(n, "updated") != 0;
            } else if (!strcmp(n, "description") || !strcmp(n, "summary") || !strcmp(n, "content") ||
                       !strcmp(n, "encoded")) {
                xmlChar *b = xmlNodeGetContent(c);
                size_t bl = b ? strlen((const char *)b) : 0;
                if (bl > body_len) {
                    xmlFree(body);
                    body = b;
                    body_len = bl;
                } else
                    xmlFree(b);
            }
        }
        char d[11] = "";
        if (date) { /* RSS's RFC 822, or ISO 8601 (Atom, dc:date) */
            char *dt = collapse((const char *)date);
            if (dt && date_rfc822(dt, d) != 0 && date_normalize(dt, d) != 0) {
                dyad_warn(r->warn, r->ud, DYAD_EPARSE, r->path, line, "bad date \"%s\" ignored", dt);
                d[0] = '\0';
            }
            free(dt);
        }
        html_article h = {.title = collapse(title ? (const char *)title : ""),
                          .date = dup0(""),
                          .source = dup0(r->feed_title ? r->feed_title : ""),
                          .url = collapse(link ? (const char *)link : ""),
                          .text = body ? item_text((const char *)body) : dup0("")};
        char *idc = collapse(id ? (const char *)id : link ? (const char *)link : "");
        xmlFree(title);
        xmlFree(link);
        xmlFree(id);
        xmlFree(date);
        xmlFree(body);
        if (!h.title || !h.date || !h.source || !h.url || !h.text || !idc) {
            html_article_free(&h);
            free(idc);
            return dyad_fail(err, DYAD_ENOMEM, r->path, line, "out of memory"), -1;
        }
        if (!h.text[0] && !h.title[0]) {
            dyad_warn(r->warn, r->ud, DYAD_EPARSE, r->path, line,
                      "feed item without text or title skipped");
            html_article_free(&h);
            free(idc);
            continue;
        }
        if (!h.text[0]) { /* a headline alone is what the item says */
            free(h.text);
            h.text = dup0(h.title);
        }
        char *aid = idc;
        if (!idc[0]) {
            aid = malloc(strlen(r->base) + 24);
            if (aid) sprintf(aid, "%s:%ld", r->base, line);
        }
        got = aid && h.text ? from_page(r, &h, aid, d, line, out, err)
                            : (html_article_free(&h),
                               dyad_fail(err, DYAD_ENOMEM, r->path, line, "out of memory"), -1);
        if (aid != idc) free(aid);
        free(idc);
        return got;
    }
}

/* The next WARC response that holds an HTML page with article text: its
 * id the record's, its date the page's, else the day it was fetched.
 * Other records (requests, metadata, images, redirects) are passed over;
 * pages without text are counted and said once at the end. */
static int next_warc(dyad_reader *r, dyad_article *out, dyad_error *err) {
    for (;;) {
        const char *why = NULL;
        int got = warc_next(r->f, &r->line, &r->warc, &why);
        if (got == 0) return 0;
        if (got == -2) return dyad_fail(err, DYAD_ENOMEM, r->path, r->line, "out of memory"), -1;
        warc_record *w = &r->warc;
        if (got < 0) {
            dyad_warn(r->warn, r->ud, DYAD_EPARSE, r->path, w->line, "%s", why);
            continue;
        }
        if (strcmp(w->type, "response") != 0 || !strstr(w->ctype, "application/http")) continue;
        http_response h;
        if (http_parse(w->block, w->len, &h, &why) != 0) {
            dyad_warn(r->warn, r->ud, DYAD_EPARSE, r->path, w->line, "%s; record %s skipped", why,
                      w->id);
            continue;
        }
        int html = h.status == 200 &&
                   (!strcasecmp(h.ctype, "text/html") || !strcasecmp(h.ctype, "application/xhtml+xml"));
        html_article page;
        int ok = html &&
                 html_extract(h.body, h.len, h.charset[0] ? h.charset : NULL, w->uri, &page, &why) == 0;
        free(h.owned);
        if (!ok) continue; /* not a page */
        if (!page.text[0]) {
            r->warc_skipped++;
            html_article_free(&page);
            continue;
        }
        char d[11] = "";
        if (w->date[0] && date_normalize(w->date, d) != 0) d[0] = '\0';
        return from_page(r, &page, w->id[0] ? w->id : w->uri, d, w->line, out, err);
    }
}

/* A file that is one HTML page: one article, its id the file's name. */
static int next_html(dyad_reader *r, dyad_article *out, dyad_error *err) {
    if (r->done) return 0;
    r->done = 1;
    size_t n = 0;
    int over;
    char *all = slurp(r->f, &n, MAX_LINE, &over);
    if (over) {
        dyad_warn(r->warn, r->ud, DYAD_ELIMIT, r->path, 1, "page over %u MB skipped", MAX_LINE >> 20);
        return 0;
    }
    if (!all) return dyad_fail(err, DYAD_ENOMEM, r->path, 0, "out of memory"), -1;
    html_article page;
    const char *why = NULL;
    int rc = html_extract(all, n, NULL, NULL, &page, &why);
    free(all);
    if (rc != 0) {
        dyad_warn(r->warn, r->ud, DYAD_EPARSE, r->path, 1, "%s; skipped", why);
        return 0;
    }
    if (!page.text[0]) {
        dyad_warn(r->warn, r->ud, DYAD_EPARSE, r->path, 1, "an HTML page without article text; skipped");
        html_article_free(&page);
        return 0;
    }
    return from_page(r, &page, r->base, "", 1, out, err);
}

long long dyad_reader_offset(const dyad_reader *r, long long *size) {
    *size = -1;
    return r && r->in ? input_offset(r->in, size) : -1;
}

int dyad_reader_next(dyad_reader *r, dyad_article *out, dyad_error *err) {
    if (r->ended) return 0;
    int got;
    switch (r->fmt) {
    case DYAD_FMT_JSONL: got = next_jsonl(r, out, err); break;
    case DYAD_FMT_PETRXML: got = next_xml(r, out, err); break;
    case DYAD_FMT_FEED: got = next_feed(r, out, err); break;
    case DYAD_FMT_WARC: got = next_warc(r, out, err); break;
    case DYAD_FMT_HTML: got = next_html(r, out, err); break;
    default: got = next_text(r, out, err); break;
    }
    if (got != 0) return got;
    /* the end: a gzip file that breaks off is said, with the articles
     * before it kept */
    r->ended = 1;
    const char *why = input_error(r->in);
    if (why)
        dyad_warn(r->warn, r->ud, DYAD_EIO, r->path, r->line, "%s; the rest of the file is lost", why);
    if (r->warc_skipped)
        dyad_warn(r->warn, r->ud, DYAD_EPARSE, r->path, r->line,
                  "%ld HTML response%s without article text skipped", r->warc_skipped,
                  r->warc_skipped == 1 ? "" : "s");
    return 0;
}
