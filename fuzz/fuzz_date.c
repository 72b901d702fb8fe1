/* fuzz_date.c -- libFuzzer target: date expressions in arbitrary text,
 * resolved against a publication date taken from the first bytes. */
#include <stdint.h>
#include <string.h>

#include "arena.h"
#include "date.h"
#include "lexicon.h"
#include "text.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    if (size < 2) return 0;
    /* a publication date between 1990 and 2057 */
    int32_t pub = (1990 + data[0] % 68) * 10000 + (1 + data[1] % 12) * 100 + 1 + data[0] % 28;
    arena a;
    arena_init(&a, 0);
    lexicon lx;
    if (lex_init(&lx, &a) == 0) {
        text_doc td;
        if (text_analyze(&a, &lx, (const char *)data + 2, size - 2, 1, &td) == 0) {
            date_expr d[8];
            int k = date_find(td.toks, (uint32_t)td.ntoks, pub, d, 8);
            for (int i = 0; i < k; i++) {
                int y = d[i].date / 10000, m = d[i].date / 100 % 100, dd = d[i].date % 100;
                if (!date_valid(y, m, dd) || d[i].t1 > td.ntoks || d[i].t0 >= d[i].t1) __builtin_trap();
            }
        }
        lex_free(&lx);
    }
    arena_free(&a);
    return 0;
}
