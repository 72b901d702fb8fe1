/* html.c -- one HTML news page to an article (html.h), by libxml2's
 * forgiving HTML parser, never the network. Title, date, site and address
 * come from the page's metadata; the text is the <p> paragraphs of its
 * largest <article> (of the whole body when it has none), without
 * navigation, comments, share bars and other boilerplate. It runs no
 * scripts and takes no text that is not in a <p>. Every walk of the tree
 * is iterative and visits each node a bounded number of times, and the
 * parser itself stops at 256 levels of nesting. */
#include <libxml/HTMLparser.h>
#include <libxml/tree.h>
#include <libxml/uri.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <utf8proc.h>

#include "date.h"
#include "html.h"
#include "utf8.h"

#define HTML_MAX_INPUT (32u << 20) /* largest page read: news pages are well under 5 MB */
#define CHARSET_MAX 64             /* longest charset name taken from an HTTP header */

/* Elements whose content is never the article's text. */
static const char *const DROP_TAGS[] = {"script", "style", "noscript", "nav",        "header", "footer",
                                        "aside",  "form",  "figure",   "figcaption", NULL};
/* Class or id words of boilerplate blocks (any case, anywhere in the value). */
static const char *const DROP_MARKS[] = {"comment",    "related", "share",  "social",
                                         "newsletter", "promo",   "advert", "cookie",
                                         "subscribe",  "footer",  "nav",    NULL};
/* Elements that separate words, so their text is not glued to the next. */
static const char *const BLOCK_TAGS[] = {"br", "p",  "div", "li",    "ul",         "ol",
                                         "h1", "h2", "h3",  "h4",    "h5",         "h6",
                                         "td", "th", "tr",  "table", "blockquote", NULL};
/* The first words of a short paragraph that is a byline or a caption. */
static const char *const BYLINE_STARTS[] = {"by ",      "photo",     "image", "credit",
                                            "\xC2\xA9", "copyright", NULL};

/* A growing string; out of memory is sticky and checked once at the end. */
typedef struct buf {
    char *p;
    size_t n, cap;
    int oom;
} buf;

static void buf_add(buf *b, const char *s, size_t k) {
    if (b->oom || k == 0) return;
    if (b->n + k + 1 > b->cap) {
        size_t cap = b->cap ? b->cap : 256;
        while (cap < b->n + k + 1) cap *= 2;
        char *np = realloc(b->p, cap);
        if (!np) {
            b->oom = 1;
            return;
        }
        b->p = np;
        b->cap = cap;
    }
    memcpy(b->p + b->n, s, k);
    b->n += k;
    b->p[b->n] = '\0';
}

static void buf_cut(buf *b, size_t n) {
    b->n = n;
    if (b->p) b->p[n] = '\0';
}

static const char *name_of(const xmlNode *n) { return (const char *)n->name; }

static int is_elem(const xmlNode *n, const char *name) {
    return n->type == XML_ELEMENT_NODE && n->name && !strcasecmp(name_of(n), name);
}

static int in_list(const char *s, const char *const *list) {
    for (int i = 0; list[i]; i++)
        if (!strcasecmp(s, list[i])) return 1;
    return 0;
}

/* The value of attribute name of element n, NULL when it has none ("" for
 * one without a value). HTML attribute values are one text node. */
static const char *attr(const xmlNode *n, const char *name) {
    for (const xmlAttr *a = n->properties; a; a = a->next) {
        if (!a->name || strcasecmp((const char *)a->name, name)) continue;
        const xmlNode *v = a->children;
        return v && v->type == XML_TEXT_NODE && v->content ? (const char *)v->content : "";
    }
    return NULL;
}

/* Whether needle (lower case ASCII, a letter first) is in hay, in any case. */
static int contains_ci(const char *hay, const char *needle) {
    size_t k = strlen(needle);
    for (; *hay; hay++)
        if ((*hay | 0x20) == needle[0] && !strncasecmp(hay, needle, k)) return 1;
    return 0;
}

static int marked(const char *v) {
    if (!v) return 0;
    for (int i = 0; DROP_MARKS[i]; i++)
        if (contains_ci(v, DROP_MARKS[i])) return 1;
    return 0;
}

/* Whether element n holds no article text: a boilerplate tag (<header>
 * allowed when keep_header: the article's own holds its date) or a
 * boilerplate class or id. <html> and <body> are never, whatever state
 * their classes record ("nav-open", "cookie-consent"). */
static int boilerplate(const xmlNode *n, int keep_header) {
    if (n->type != XML_ELEMENT_NODE || !n->name) return 0;
    const char *nm = name_of(n);
    if (!strcasecmp(nm, "html") || !strcasecmp(nm, "body")) return 0;
    if (in_list(nm, DROP_TAGS) && !(keep_header && !strcasecmp(nm, "header"))) return 1;
    return marked(attr(n, "class")) || marked(attr(n, "id"));
}

/* The node after n in document order within root's subtree, into n's
 * children when descend; NULL at the end. Each node left behind is
 * compared with *mark, which is cleared when it is (NULL: not tracked). */
static xmlNode *step(xmlNode *n, const xmlNode *root, int descend, xmlNode **mark) {
    if (descend && n->type == XML_ELEMENT_NODE && n->children) return n->children;
    for (; n && n != root; n = n->parent) {
        if (mark && n == *mark) *mark = NULL;
        if (n->next) return n->next;
    }
    return NULL;
}

/* Length of the white space character at s (ASCII spaces, controls,
 * no-break, typographic and line separator spaces), 0 when it is none. */
static size_t space_len(const unsigned char *s) {
    if (*s && (*s <= ' ' || *s == 0x7F)) return 1;
    if (s[0] == 0xC2 && (s[1] == 0xA0 || (s[1] >= 0x80 && s[1] <= 0x9F))) return 2;
    if (s[0] == 0xE2 && s[1] == 0x80 &&
        ((s[2] >= 0x80 && s[2] <= 0x8A) || s[2] == 0xA8 || s[2] == 0xA9 || s[2] == 0xAF))
        return 3;
    if (s[0] == 0xE2 && s[1] == 0x81 && s[2] == 0x9F) return 3;
    if (s[0] == 0xE3 && s[1] == 0x80 && s[2] == 0x80) return 3;
    return 0;
}

/* Text being gathered into b from `start`, white space collapsed and
 * trimmed; chars counts the characters that are not space, linked those
 * inside <a>. */
typedef struct span {
    buf *b;
    size_t start;
    int space; /* a space is owed before the next word */
    size_t chars, linked;
} span;

static void span_text(span *t, const char *s, int in_link) {
    const unsigned char *u = (const unsigned char *)s;
    while (*u) {
        size_t k = space_len(u);
        if (k) {
            t->space = 1;
            u += k;
            continue;
        }
        const unsigned char *w = u;
        size_t nc = 0;
        while (*u && !space_len(u)) {
            if ((*u & 0xC0) != 0x80) nc++;
            u++;
        }
        if (t->space && t->b->n > t->start) buf_add(t->b, " ", 1);
        t->space = 0;
        buf_add(t->b, (const char *)w, (size_t)(u - w));
        t->chars += nc;
        if (in_link) t->linked += nc;
    }
}

static int is_block(const xmlNode *n) {
    return n && n->type == XML_ELEMENT_NODE && n->name && in_list(name_of(n), BLOCK_TAGS);
}

/* Appends the text of root's subtree to t. Scripts and styles are never
 * text; other boilerplate is skipped when skip_boiler. */
static void gather(const xmlNode *root, span *t, int skip_boiler) {
    xmlNode *link = NULL; /* the outermost <a> the walk is inside */
    xmlNode *n = root->children;
    while (n) {
        int descend = 1;
        if (is_block(n) || is_block(n->prev)) t->space = 1;
        if (n->type == XML_ELEMENT_NODE) {
            if (is_elem(n, "script") || is_elem(n, "style") || (skip_boiler && boilerplate(n, 0)))
                descend = 0;
            else if (!link && is_elem(n, "a"))
                link = n;
        } else if ((n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) && n->content) {
            span_text(t, (const char *)n->content, link != NULL);
        }
        n = step(n, root, descend, &link);
    }
}

/* A paragraph of under four words that only credits a writer or a picture. */
static int byline(const char *s) {
    int words = 1;
    for (const char *c = s; *c; c++)
        if (*c == ' ') words++;
    if (words >= 4) return 0;
    for (int i = 0; BYLINE_STARTS[i]; i++)
        if (!strncasecmp(s, BYLINE_STARTS[i], strlen(BYLINE_STARTS[i]))) return 1;
    return 0;
}

/* Appends paragraph p to out (after "\n\n" when out has text), unless it
 * is empty, mostly link text or a byline. */
static void add_paragraph(const xmlNode *p, buf *out) {
    size_t mark = out->n;
    if (out->n) buf_add(out, "\n\n", 2);
    span t = {out, out->n, 0, 0, 0};
    gather(p, &t, 1);
    if (out->oom) return;
    if (t.chars == 0 || t.linked * 2 > t.chars || byline(out->p + t.start)) buf_cut(out, mark);
}

/* The paragraphs of root's subtree outside boilerplate into out. */
static void paragraphs(xmlNode *root, buf *out) {
    xmlNode *n = root->children;
    while (n) {
        int descend = 1;
        if (n->type == XML_ELEMENT_NODE) {
            if (boilerplate(n, 0))
                descend = 0;
            else if (is_elem(n, "p")) {
                add_paragraph(n, out);
                descend = 0;
            }
        }
        n = step(n, root, descend, NULL);
    }
}

/* Date sources, most trusted first. */
enum { D_ARTICLE, D_ITEMPROP, D_META, D_JSONLD, D_TIME, D_SOURCES };

/* What the metadata of the page says; strings point into the document. */
typedef struct page_meta {
    const char *og_title, *og_site, *og_url, *canonical;
    const xmlNode *title, *h1;
    xmlNode *body;
    char date[D_SOURCES][11]; /* "" until a source gives a valid date */
} page_meta;

/* s as "YYYY-MM-DD" in out: what date_normalize takes (YYYY-MM-DD,
 * YYYYMMDD, a timestamp with T or a space), or ten characters YYYY-MM-DD
 * before anything but a digit ("2024-06-05+02:00"). 0, or -1. */
static int page_date(const char *s, char out[11]) {
    if (!s) return -1;
    for (size_t k; (k = space_len((const unsigned char *)s)) > 0;) s += k;
    if (date_normalize(s, out) == 0) return 0;
    if (strnlen(s, 11) < 10 || (s[10] >= '0' && s[10] <= '9')) return -1;
    char ten[11];
    memcpy(ten, s, 10);
    ten[10] = '\0';
    return date_normalize(ten, out);
}

/* Keeps the date of s for source k unless it has one already. */
static void put_date(page_meta *m, int k, const char *s) {
    if (!m->date[k][0] && page_date(s, m->date[k]) != 0) m->date[k][0] = '\0';
}

/* The first valid "datePublished" string of JSON-LD text s. */
static void jsonld_date(page_meta *m, const char *s) {
    static const char key[] = "\"datePublished\"";
    for (const char *p = s; !m->date[D_JSONLD][0] && (p = strstr(p, key)) != NULL;) {
        p += sizeof key - 1;
        while (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r') p++;
        if (*p != ':') continue;
        p++;
        while (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r') p++;
        if (*p != '"') continue;
        p++;
        size_t k = strcspn(p, "\"");
        char v[64];
        if (k >= sizeof v) continue;
        memcpy(v, p, k);
        v[k] = '\0';
        put_date(m, D_JSONLD, v);
    }
}

static int is(const char *v, const char *want) { return v && !strcasecmp(v, want); }

static void keep_first(const char **slot, const char *v) {
    if (!*slot && v && *v) *slot = v;
}

/* Whether the rel value v has the word "canonical". */
static int rel_canonical(const char *v) {
    if (!v) return 0;
    for (const char *w = v; *w;) {
        while (*w == ' ' || *w == '\t' || *w == '\n') w++;
        size_t k = strcspn(w, " \t\n");
        if (k == 9 && !strncasecmp(w, "canonical", 9)) return 1;
        w += k;
    }
    return 0;
}

static void meta_element(page_meta *m, const xmlNode *n) {
    const char *prop = attr(n, "property"), *name = attr(n, "name"), *content = attr(n, "content");
    if (is(prop, "og:title") || is(name, "og:title")) keep_first(&m->og_title, content);
    if (is(prop, "og:site_name") || is(name, "og:site_name")) keep_first(&m->og_site, content);
    if (is(prop, "og:url") || is(name, "og:url")) keep_first(&m->og_url, content);
    if (is(prop, "article:published_time") || is(name, "article:published_time"))
        put_date(m, D_ARTICLE, content);
    if (is(name, "datePublished")) put_date(m, D_ITEMPROP, content);
    if (is(name, "pubdate") || is(name, "publishdate") || is(name, "date") ||
        is(name, "DC.date.issued") || is(name, "dcterms.created"))
        put_date(m, D_META, content);
}

/* Reads the metadata of the whole document into m: <meta>, <link>,
 * <title>, the first <h1>, JSON-LD scripts and any element with
 * itemprop="datePublished" (a <meta content> or a <time datetime>). */
static void read_meta(xmlDoc *doc, page_meta *m) {
    xmlNode *root = (xmlNode *)doc, *n = doc->children;
    while (n) {
        if (n->type == XML_ELEMENT_NODE && n->name) {
            if (is_elem(n, "meta"))
                meta_element(m, n);
            else if (is_elem(n, "link") && rel_canonical(attr(n, "rel")))
                keep_first(&m->canonical, attr(n, "href"));
            else if (is_elem(n, "title") && !m->title)
                m->title = n;
            else if (is_elem(n, "h1") && !m->h1)
                m->h1 = n;
            else if (is_elem(n, "body") && !m->body)
                m->body = n;
            else if (is_elem(n, "script") && attr(n, "type") && contains_ci(attr(n, "type"), "ld+json"))
                for (const xmlNode *c = n->children; c; c = c->next)
                    if ((c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) && c->content)
                        jsonld_date(m, (const char *)c->content);
            if (is(attr(n, "itemprop"), "datePublished")) {
                const char *v = attr(n, "content");
                put_date(m, D_ITEMPROP, v ? v : attr(n, "datetime"));
            }
        }
        n = step(n, root, 1, NULL);
    }
}

/* The first valid <time datetime> of root's subtree outside boilerplate
 * (a <header> is no boilerplate here: it holds the article's date). */
static void time_date(page_meta *m, xmlNode *root) {
    xmlNode *n = root->children;
    while (n && !m->date[D_TIME][0]) {
        int descend = !boilerplate(n, 1);
        if (descend && is_elem(n, "time")) put_date(m, D_TIME, attr(n, "datetime"));
        n = step(n, root, descend, NULL);
    }
}

/* The body text into out: the paragraphs of the outermost <article>
 * with the most paragraph text, or of the whole body when no <article>
 * has any. *best is that <article> (NULL when there is none). */
static void body_text(xmlNode *body, buf *out, xmlNode **best) {
    buf cur = {0};
    *best = NULL;
    xmlNode *n = body->children;
    while (n) {
        int descend = 1;
        if (n->type == XML_ELEMENT_NODE) {
            if (boilerplate(n, 0))
                descend = 0;
            else if (is_elem(n, "article")) {
                buf_cut(&cur, 0);
                paragraphs(n, &cur);
                if (cur.oom) out->oom = 1;
                if (!*best || cur.n > out->n) {
                    buf t = *out;
                    *out = cur;
                    cur = t;
                    *best = n;
                }
                descend = 0;
            }
        }
        n = step(n, body, descend, NULL);
    }
    out->oom |= cur.oom;
    free(cur.p);
    if (out->n == 0) paragraphs(body, out);
}

/* A malloc'd copy of s, white space collapsed and trimmed ("" for NULL). */
static char *clean_dup(const char *s, int *oom) {
    buf b = {0};
    span t = {&b, 0, 0, 0, 0};
    if (s) span_text(&t, s, 0);
    buf_add(&b, "", 0);
    char *r = b.p ? b.p : malloc(1);
    if (r && !b.p) r[0] = '\0';
    if (!r || b.oom) {
        free(r);
        *oom = 1;
        return NULL;
    }
    return r;
}

/* The text of element n, collapsed and trimmed, malloc'd. */
static char *node_text(const xmlNode *n, int *oom) {
    buf b = {0};
    span t = {&b, 0, 0, 0, 0};
    gather(n, &t, 0);
    if (b.oom) {
        free(b.p);
        *oom = 1;
        return NULL;
    }
    char *r = clean_dup(b.p, oom);
    free(b.p);
    return r;
}

/* An address of the page, resolved against the one it was fetched from
 * when relative. */
static char *address(const char *href, const char *base, int *oom) {
    char *h = clean_dup(href, oom);
    if (!h || !*h || !base || !*base || href == base) return h;
    xmlChar *abs = xmlBuildURI((const xmlChar *)h, (const xmlChar *)base);
    if (!abs) return h;
    char *r = clean_dup((const char *)abs, oom);
    xmlFree(abs);
    free(h);
    return r;
}

/* The charset of an HTTP header value without quotes or spaces; NULL when
 * there is none or it is too long to be a name. */
static const char *charset_name(const char *cs, char out[CHARSET_MAX]) {
    if (!cs) return NULL;
    while (*cs == ' ' || *cs == '"' || *cs == '\'') cs++;
    size_t k = strcspn(cs, " \"';");
    if (k == 0 || k >= CHARSET_MAX) return NULL;
    memcpy(out, cs, k);
    out[k] = '\0';
    return out;
}

/* Whether the start of the page declares it UTF-8 (charset=utf-8, in a
 * <meta charset> or a <meta http-equiv>): the first 1024 bytes, where
 * HTML has it declared. */
static int declares_utf8(const char *html, size_t len) {
    static const char key[] = "charset";
    size_t n = len < 1024 ? len : 1024;
    for (size_t i = 0; i + sizeof key - 1 < n; i++) {
        if (strncasecmp(html + i, key, sizeof key - 1)) continue;
        size_t j = i + sizeof key - 1;
        while (j < n && (html[j] == ' ' || html[j] == '=' || html[j] == '"' || html[j] == '\'')) j++;
        if ((j + 5 <= n && !strncasecmp(html + j, "utf-8", 5)) ||
            (j + 4 <= n && !strncasecmp(html + j, "utf8", 4)))
            return 1;
    }
    return 0;
}

/* The encoding to parse html[0..len) with (cs: the header's charset).
 * libxml2 reads a page that declares none as ISO-8859-1, and one that is
 * UTF-8 but for a stray byte as ISO-8859-1 from that byte on (or, told
 * UTF-8, lets the byte through), so UTF-8 is decided here: a page that
 * is valid UTF-8 beyond ASCII, or has at least eight valid sequences per
 * invalid one, or is said to be UTF-8 (by cs or by itself), is; the
 * invalid bytes of one are replaced in a copy, *clean. Any other page
 * is read as the header or the page itself says (NUL bytes count as
 * invalid: UTF-16 is one).
 * 0, or -1 when out of memory. */
static int pick_encoding(const char *html, size_t len, const char *cs, const char **enc, char **clean,
                         size_t *clean_len) {
    int told = cs && (!strcasecmp(cs, "utf-8") || !strcasecmp(cs, "utf8"));
    *clean = NULL;
    *enc = cs;
    if (cs && !told) return 0;
    size_t valid = 0, bad = 0;
    for (size_t i = 0; i < len;) {
        unsigned char b = (unsigned char)html[i];
        if (b && b < 0x80) {
            i++;
            continue;
        }
        utf8proc_int32_t c;
        utf8proc_ssize_t k =
            b ? utf8proc_iterate((const utf8proc_uint8_t *)html + i, (utf8proc_ssize_t)(len - i), &c)
              : 0;
        if (k > 0) {
            valid++;
            i += (size_t)k;
        } else {
            bad++;
            i++;
        }
    }
    if (bad == 0) {
        *enc = valid || told ? "UTF-8" : NULL;
        return 0;
    }
    if (!told && !declares_utf8(html, len) && valid < 8 * bad) {
        *enc = NULL;
        return 0;
    }
    utf8_report rep;
    *enc = "UTF-8";
    *clean = utf8_clean(html, len, clean_len, &rep);
    return *clean ? 0 : -1;
}

/* s, a malloc'd string, as valid NFC UTF-8 (a new string; s is freed). */
static char *finish(char *s, int *oom) {
    if (!s) return NULL;
    size_t n;
    utf8_report rep;
    char *r = utf8_clean(s, strlen(s), &n, &rep);
    free(s);
    if (!r) *oom = 1;
    return r;
}

static int fail(html_article *out, const char **why, const char *msg) {
    html_article_free(out);
    if (why) *why = msg;
    return -1;
}

void html_article_free(html_article *a) {
    if (!a) return;
    free(a->title);
    free(a->date);
    free(a->source);
    free(a->url);
    free(a->text);
    a->title = a->date = a->source = a->url = a->text = NULL;
}

int html_extract(const char *html, size_t len, const char *charset, const char *url, html_article *out,
                 const char **why) {
    memset(out, 0, sizeof *out);
    if (!html || len == 0) return fail(out, why, "not readable as HTML");
    if (len > HTML_MAX_INPUT) return fail(out, why, "larger than 32 MB");
    char csbuf[CHARSET_MAX], *clean;
    size_t clean_len = 0;
    const char *enc;
    if (pick_encoding(html, len, charset_name(charset, csbuf), &enc, &clean, &clean_len) != 0)
        return fail(out, why, "out of memory");
    htmlParserCtxtPtr ctx = htmlNewParserCtxt();
    if (!ctx) {
        free(clean);
        return fail(out, why, "out of memory");
    }
    htmlDocPtr doc = htmlCtxtReadMemory(
        ctx, clean ? clean : html, (int)(clean ? clean_len : len), url, enc,
        HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_NONET);
    int nomem = ctx->errNo == XML_ERR_NO_MEMORY;
    htmlFreeParserCtxt(ctx);
    free(clean);
    if (!doc || !xmlDocGetRootElement(doc)) {
        xmlFreeDoc(doc);
        return fail(out, why, nomem ? "out of memory" : "not readable as HTML");
    }

    page_meta m;
    memset(&m, 0, sizeof m);
    read_meta(doc, &m);
    xmlNode *body = m.body ? m.body : xmlDocGetRootElement(doc);
    buf text = {0};
    xmlNode *art;
    body_text(body, &text, &art);

    int oom = text.oom;
    if (!m.date[D_ARTICLE][0] && !m.date[D_ITEMPROP][0] && !m.date[D_META][0] && !m.date[D_JSONLD][0])
        time_date(&m, art ? art : body);
    const char *date = "";
    for (int k = 0; k < D_SOURCES && !*date; k++) date = m.date[k];

    out->date = clean_dup(date, &oom);
    out->source = clean_dup(m.og_site, &oom);
    out->url = address(m.canonical ? m.canonical : m.og_url ? m.og_url : url, url, &oom);
    if (m.og_title) out->title = clean_dup(m.og_title, &oom);
    if (!oom && (!out->title || !*out->title) && m.title) {
        free(out->title);
        out->title = node_text(m.title, &oom);
    }
    if (!oom && (!out->title || !*out->title) && m.h1) {
        free(out->title);
        out->title = node_text(m.h1, &oom);
    }
    if (!oom && !out->title) out->title = clean_dup("", &oom);
    out->text = text.p ? text.p : clean_dup("", &oom);
    out->title = finish(out->title, &oom);
    out->source = finish(out->source, &oom);
    out->url = finish(out->url, &oom);
    out->text = finish(out->text, &oom);
    xmlFreeDoc(doc);
    if (oom || !out->title || !out->date || !out->source || !out->url || !out->text)
        return fail(out, why, "out of memory");
    return 0;
}
