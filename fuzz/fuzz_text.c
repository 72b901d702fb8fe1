/* fuzz_text.c -- libFuzzer target: UTF-8 cleaning, sentence splitting and
 * tokenizing of arbitrary bytes. */
#include <stdint.h>
#include <stdlib.h>

#include "arena.h"
#include "lexicon.h"
#include "text.h"
#include "utf8.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    utf8_report rep;
    size_t n;
    char *t = utf8_clean((const char *)data, size, &n, &rep);
    if (!t) return 0;
    arena a;
    arena_init(&a, 0);
    lexicon lx;
    if (lex_init(&lx, &a) == 0) {
        text_doc td;
        for (int single = 0; single < 2; single++)
            if (text_analyze(&a, &lx, t, n, single, &td) == 0)
                for (size_t i = 0; i < td.nsents; i++)
                    if (td.sents[i].off + td.sents[i].len > n) abort();
        lex_free(&lx);
    }
    arena_free(&a);
    free(t);
    return 0;
}
