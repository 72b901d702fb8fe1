/* snippet.h -- the snippet of a search hit, for a store that has no
 * snippet of its own (PostgreSQL; SQLite's FTS5 has snippet()): up to
 * SNIPPET_WORDS words of the text where the query's words are, each
 * query word between \x02 and \x03, and "..." where the text is cut, as
 * FTS5's snippet(..., char(2), char(3), '...', 24) gives. */
#ifndef DYAD_STORE_SNIPPET_H
#define DYAD_STORE_SNIPPET_H

#include <stddef.h>

#define SNIPPET_WORDS 24

/* The snippet of text[0..len) for the nwords query words (lower case, as
 * the store's lexemes are): a word of the text is a run of letters and
 * digits, and it matches when its lower case is one of them. The window
 * shown is the first with the most distinct query words (then the most
 * matches), its matches centred. Returns a malloc'd string, or NULL when
 * out of memory. */
char *snippet_make(const char *text, size_t len, const char *const *words, size_t nwords);

#endif
