/* html.h -- the article of one HTML news page (html.c): its title,
 * publication date, site name, canonical address and body text, read by
 * libxml2's HTML parser without the network. */
#ifndef DYAD_HTML_H
#define DYAD_HTML_H

#include <stddef.h>

typedef struct html_article {
    char *title;  /* malloc'd, NUL-terminated, "" when none */
    char *date;   /* publication date as "YYYY-MM-DD", "" when none found */
    char *source; /* site name (og:site_name), "" when none */
    char *url; /* canonical URL (link rel=canonical, else og:url, else the url argument), "" when none */
    char *text; /* the article's body text: paragraphs joined by "\n\n", white space collapsed inside
                   each; "" when none */
} html_article;

/* Extracts the article of html[0..len) (charset: the HTTP header's charset or NULL to let the page say;
 * url: where it was fetched, or NULL). Returns 0, or -1 with *why set to a static message
 * ("not readable as HTML", "out of memory"). On 0 every field of *out is non-NULL. Pages over 32 MB
 * are refused ("larger than 32 MB"); the strings are valid NFC UTF-8, whatever the page's charset. */
int html_extract(const char *html, size_t len, const char *charset, const char *url, html_article *out,
                 const char **why);
void html_article_free(html_article *a); /* frees the fields, sets them NULL; safe on a zeroed struct */

#endif
