/* fuzz_dict.c -- libFuzzer target: every dictionary reader, the gazetteer's
 * too, on arbitrary text (the first byte picks the reader), then a sentence coded with what
 * was loaded. */
#include <stdint.h>
#include <string.h>

#include "ctx.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    if (size < 1) return 0;
    dyad_ctx *ctx;
    if (dyad_ctx_new(&ctx, NULL) != DYAD_OK) return 0;
    static const dyad_dict_kind kinds[5] = {DYAD_DICT_VERBS, DYAD_DICT_ACTORS, DYAD_DICT_AGENTS,
                                            DYAD_DICT_DISCARDS, DYAD_DICT_PLACES};
    ctx_load_buffer(ctx, kinds[data[0] % 5], "fuzz", (const char *)data + 1, size - 1, NULL, NULL, NULL);
    if (dyad_ctx_finish(ctx, NULL) == DYAD_OK) {
        static const char text[] = "The Gondor government said on Monday that Mordor's army "
                                   "attacked Arnor, Rohan and Bree in northern Minas Tirith "
                                   "after talks with them near the village of Edoras.";
        dyad_article a;
        memset(&a, 0, sizeof a);
        a.id = a.date = a.source = a.title = a.url = a.file = "";
        a.text = text;
        a.text_len = sizeof text - 1;
        dyad_doc *d;
        if (dyad_code(ctx, &a, &d, NULL) == DYAD_OK) dyad_doc_free(d);
    }
    dyad_ctx_free(ctx);
    return 0;
}
