/* ctx.h -- the dyad_ctx structure: the loaded dictionaries and the options
 * that steer the coder. Internal; the public face is dyad.h. */
#ifndef DYAD_CTX_H
#define DYAD_CTX_H

#include "dict.h"
#include "gazetteer.h"
#include "hash.h"

struct dyad_ctx {
    dicts d;
    gazetteer gaz; /* places; strings in d.mem */
    int finished;
    hash128 sum; /* of the hashes of the files loaded, in load order
                    (dyad_ctx_checksum) */
};

/* Loads a dictionary of the given kind from a buffer (what loading a
 * file comes to; tests, fuzzing); name stands for the file in messages.
 * The buffer's bytes join the context's checksum. */
dyad_status ctx_load_buffer(dyad_ctx *ctx, dyad_dict_kind kind, const char *name, const char *buf,
                            size_t len, dyad_warn_fn warn, void *ud, dyad_error *err);

#endif
